/**
 * `multicloud-vpn`: the plan, the rules and the hand-off formats — no cloud SDK is loaded.
 * The AWS half (aws-cdk-lib, cdk-nag) is `multicloud-vpn/aws`; the Azure half (Pulumi) is
 * `multicloud-vpn/azure`, so that each team loads only its own cloud's packages.
 *
 * Every name is listed (no `export *`): helpers stay internal. api/exports.json is this list checked in;
 * test/api/exports.test.ts fails with a diff when the surface changes (`npm run api:report` rewrites it).
 * Each exported declaration carries its JSDoc in its own module.
 */
// Registers the built-in peer kinds (azure) at run time: RULES.md scopes, peerKinds().
import './peers';

export { loadPlanFile, validatePlanFile, type PlanFileResult } from './check/file';
export { peerKinds, registerPeerKind, type PeerChecks, type PeerKind, type PeerKindInfo, type PeerViews } from './check/kit/peer-kinds';
export { type Rule } from './check/kit/rule';
export { RULES, checkCfn, checkPeer, checkPlan } from './check/registry';
export { planSharedGateway, planVpn, validatePlan, type PlanResult } from './check/validate';
export { cfnViewFromTemplate, type CfnResourceView, type CfnView } from './check/views/cfn-view';
export { bgpAddressesOf, parseIpv4Cidr, type Ipv4Cidr, type Ipv4Range } from './core/address';
export { PlanValidationError } from './core/errors';
export { formatFinding, type CatalogueNumber, type Finding, type Level, type Violation } from './core/finding';
export { PEER_TAGS } from './core/tags';
export {
  AWS_OUTPUTS_HINT,
  AwsOutputsError,
  awsHandoffSchema,
  awsOutputsFromText,
  outsideIpProblem,
  presharedKeyFromSecretString,
  readAwsOutputs,
  secretsManagerReader,
  type AwsOutputs,
  type AwsTunnelHandoff,
  type SecretReader,
} from './handoff/aws-outputs';
export {
  AZURE_OUTPUTS_HINT,
  AzureOutputsError,
  PULUMI_SECRET_PLACEHOLDER,
  documentationAddressWarnings,
  gatewayPublicIpProblems,
  readAzureOutputs,
} from './handoff/azure-outputs';
export { AWS_HANDOFF_FORMAT, AWS_HANDOFF_OUTPUT_SUFFIX, type AwsHandoff, type AwsHandoffTunnel, type AzureHandoff } from './handoff/formats';
export { DOCUMENTATION_RANGES, documentationRangeOf, publicIpv4Problem } from './handoff/public-ip';
export { AWS_PARTITIONS, AWS_PARTITION_REGIONS, parseSecretArn, partitionOfRegion, type SecretArnParts } from './handoff/secret-arn';
export { checkAzure } from './peers/azure/pulumi/check';
export {
  type AwsPeerView,
  type AzureConnectionView,
  type AzureGatewaySubnetView,
  type AzureGatewayView,
  type AzureIpConfigurationView,
  type AzureIpsecPolicyView,
  type AzureLocalNetworkGatewayView,
  type AzurePublicIpView,
  type AzureView,
} from './peers/azure/view';
export { APIPA_BLOCK_COUNT, AZURE_APIPA, ApipaAllocator } from './plan/allocate';
export { AZURE_REGIONS, ZONE_REDUNDANT, defaultPublicIpZones, regionHasAvailabilityZones } from './plan/azure-regions';
export { AZURE_APIPA_RANGE, INSIDE_PREFIX, LINK_LOCAL_RANGE, RESERVED_INSIDE_CIDRS } from './plan/constants';
export { type DraftTunnel, type PlanContext } from './plan/context';
export {
  AWS_DPD_MIN_SECONDS,
  AWS_DPD_TIMEOUT_ACTIONS,
  AWS_ENCRYPTION,
  AWS_IKE_VERSIONS,
  AWS_INTEGRITY,
  AWS_PHASE1_DH,
  AWS_PHASE1_LIFETIME,
  AWS_PHASE2_DH,
  AWS_PHASE2_LIFETIME,
  AWS_REKEY_FUZZ_PERCENTAGE,
  AWS_REKEY_MARGIN_MIN_SECONDS,
  AWS_REPLAY_WINDOW_SIZE,
  AWS_STARTUP_ACTIONS,
  AZURE_DPD,
  AZURE_IKE_SA_LIFETIME,
  AZURE_SA_LIFETIME_MIN_SECONDS,
  awsTunnelOptions,
  azureIpsecPolicy,
  type AzureIpsecPolicyValues,
} from './plan/ipsec';
export { type PlanOptions } from './plan/plan';
export { replacementsBetween, type Replacement } from './plan/replacements';
export {
  awsSchema,
  azureSchema,
  ipsecPhaseSchema,
  ipsecSchema,
  planInputSchema,
  tunnelSchema,
  type IpsecPhase,
  type IpsecPolicy,
  type PlanInput,
  type PlanSpec,
} from './plan/schema';
export { AWS_CONSTRUCT_TAG_KEYS, AWS_TAG_LIMITS, AZURE_COMPONENT_TAG_KEYS, AZURE_TAG_LIMITS, tagProblems, type TagProblem } from './plan/tags';
export { tunnelId, type AwsConnectionNumber, type AwsTunnelNumber, type AzureInstance, type ResolvedPlan, type ResolvedTunnel } from './plan/types';
export { mermaidDiagram } from './report/mermaid';
export { connectionTable, planSummary, tunnelTable } from './report/table';
