/**
 * `multicloud-vpn/alibaba`: the Alibaba Cloud peer (issue 10) — the plan fields of a peer of kind `alibaba`, the
 * IPsec mapping into Alibaba's vocabulary (C24, C40), the design (the one shape the Alibaba rules read and the
 * component builds from; C39's pairing), the Pulumi component and program on `@pulumi/alicloud` (an optional peer
 * dependency), the CloudMonitor alarms, the offline listing and the plan/diagram renderings.
 * Every name is listed (no `export *`); api/exports.json is the checked-in list (test/api/exports.test.ts).
 */
/** Plan: the `alibaba` peer's fields and Alibaba's default local ASN 45104 (seed 002). */
export { ALIBABA_DEFAULT_LOCAL_ASN, ALIBABA_PUBLIC_BANDWIDTHS, alibabaPeerSchema, type AlibabaPeerInput, type AlibabaPeerSpec } from './plan/alibaba';
/** The one IPsec policy in Alibaba's vocabulary; what Alibaba cannot express (C24) and its defaults (C40). */
export {
  ALIBABA_DEFAULTS,
  ALIBABA_ENCRYPTION,
  ALIBABA_IKE_MODES,
  ALIBABA_IKE_PFS,
  ALIBABA_IKE_VERSIONS,
  ALIBABA_INTEGRITY,
  ALIBABA_IPSEC_PFS,
  ALIBABA_LIFETIME,
  alibabaIpsecFindings,
  alibabaIpsecPolicy,
  valuesBothAccept,
  type AlibabaIkeValues,
  type AlibabaIpsecValues,
  type AlibabaPolicyValues,
} from './plan/alibaba-ipsec';
/** The design: gateway, four customer gateways, two connections, tunnels paired by gateway IP (C39). */
export {
  DESTINATION_ROUTING_SUBNETS,
  alibabaDesign,
  alibabaNames,
  type AlibabaAwsTunnelInput,
  type AlibabaConnectionDesign,
  type AlibabaCustomerGatewayDesign,
  type AlibabaDesign,
  type AlibabaDesignOptions,
  type AlibabaGatewayDesign,
  type AlibabaPlanInput,
  type AlibabaPlanTunnel,
  type AlibabaTunnelBgpDesign,
  type AlibabaTunnelDesign,
  type AwsNumber,
  type AwsTunnelFacts,
  type GatewayIpIndex,
  type TunnelRole,
} from './peers/alibaba/design';
/** What the `alibaba` rule scope reads (the design, plus the registered resource graph for C42). */
export type { AlibabaGraphResource, AlibabaResourceGraph, AlibabaView } from './peers/alibaba/view';
/** The Pulumi component (`multicloud-vpn:alibaba:VpnGateway`). */
export {
  ALIBABA_VPN_GATEWAY_TYPE,
  AlibabaDesignError,
  AlibabaVpnGateway,
  checkedAlibabaDesign,
  checkedPresharedKeys,
  type AlibabaAwsTunnelEndpoint,
  type AlibabaVpnGatewayArgs,
} from './peers/alibaba/pulumi/component';
/** The Pulumi program driven by stack config (bin/alibaba-program.ts) and its plan file. */
export {
  DEFAULT_ALIBABA_PLAN_FILE,
  alibabaProgram,
  alibabaProgramOptionsFromConfig,
  type AlibabaProgramOptions,
  type AlibabaProgramOutputs,
} from './peers/alibaba/pulumi/program';
export { loadAlibabaPlanFile, validateAlibabaPlan, type AlibabaPlan } from './peers/alibaba/pulumi/plan-file';
export { alibabaKeyFromConfig, alibabaPresharedKeyConfigKey } from './peers/alibaba/pulumi/keys';
/** CloudMonitor alarms on each tunnel's IPsec and BGP state (C43). */
export {
  ALIBABA_ALARM_PERIOD,
  ALIBABA_ALARM_TIMES,
  ALIBABA_TUNNEL_BGP_STATE_METRIC,
  ALIBABA_TUNNEL_STATE_METRIC,
  ALIBABA_VPN_METRIC_NAMESPACE,
  alibabaAlarmDesigns,
  createAlibabaAlarms,
  defaultContactGroupName,
  type AlibabaAlarmDesign,
  type AlibabaAlarmOptions,
} from './peers/alibaba/pulumi/alarms';
/** The program under Pulumi mocks: resources (keys masked) and the tunnel table. */
export {
  OFFLINE_GATEWAY_IPS,
  SECRET_MASK,
  offlineAlibabaListing,
  offlineKeyStandIn,
  type OfflineAlibabaListing,
  type OfflineAlibabaOptions,
  type OfflineTunnelRow,
  type RegisteredResource,
} from './peers/alibaba/pulumi/offline';
/** `multicloud-vpn plan` / `diagram` for an Alibaba plan. */
export { alibabaMermaidDiagram, alibabaPlanSummary, alibabaTunnelRows, type AlibabaTunnelRow } from './report/alibaba';
