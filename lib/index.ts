/**
 * `multicloud-vpn`: the plan, the rules and the hand-off formats — no cloud SDK is loaded.
 * The AWS half (aws-cdk-lib, cdk-nag) is `multicloud-vpn/aws`; the Azure half (Pulumi) is
 * `multicloud-vpn/azure`, so that each team loads only its own cloud's packages.
 * api/exports.json lists every name exported here (test/api/exports.test.ts compares).
 */
// Registers the built-in peer kinds (azure) at run time: RULES.md scopes, peerKinds().
import './peers';
export * from './core/finding';
export * from './plan';
export type { DraftTunnel, PlanContext } from './plan/context';
export * from './check/validate';
export * from './check/file';
export * from './check/kit/rule';
export { registerPeerKind, peerKinds, type PeerKind, type PeerKindInfo, type PeerViews, type PeerChecks } from './check/kit/peer-kinds';
export * from './check/views/cfn-view';
export * from './check/registry';
export { checkAzure } from './peers/azure/pulumi/check';
export type * from './peers/azure/view';
export * from './handoff';
export * from './report/table';
export * from './report/mermaid';
