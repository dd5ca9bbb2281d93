/**
 * `multicloud-vpn`: the plan, the rules and the hand-off formats — no cloud SDK is loaded.
 * The AWS half (aws-cdk-lib, cdk-nag) is `multicloud-vpn/aws`; the Azure half (Pulumi) is
 * `multicloud-vpn/azure`, so that each team loads only its own cloud's packages.
 */
export * from './plan';
export * from './rules';
export * from './handoff';
export * from './report/table';
export * from './report/mermaid';
