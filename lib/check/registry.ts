/**
 * Every rule, in catalogue order. The CDK Aspect, the cdk-nag pack, `planVpn` and the Azure
 * component all read this list; `test/check/registry.test.ts` pins its ids.
 */
import {
  InsideCidrIsApipaSlash30,
  InsideCidrNotReserved,
  InsideCidrInAzureApipaRange,
  InsideCidrUnique,
  AwsFirstHostAzureSecondHost,
  TunnelInsideIpv4OnVgw,
} from '../rules/inside-cidr';
import { AzureAndAwsAsnsDiffer, VgwAsnIsPrivate, CustomerGatewayAsnValid, AzureAsnNotReserved, PeerAsnsMatch } from '../rules/asn';
import { RouteTablesRouteToVpnGateway, TransitGatewayVpnRouting, SecurityRulesAdmitPeerCidrs } from '../rules/routing';
import { GatewayEndpointRouteTablesAndDns, GatewayEndpointTrafficAllowed, GatewayEndpointNotReachableOverVpn } from '../rules/endpoints';
import {
  RoutingIsDynamicBgp,
  ConnectionCustomBgpIpPerInstance,
  FourTunnelTopology,
  VpcVnetNoOverlap,
  VpnQuotas,
  NoAccelerationOnVgw,
  TunnelAlarmsConfigured,
} from '../rules/topology';
import { AzureGatewayActiveActive, AzureGatewayRouteBasedBgpSku, GatewaySubnetNameAndSize, AzureGatewayAzSkuAndZones } from '../rules/azure-gateway';
import {
  AlibabaDualTunnel,
  AlibabaTunnelCidr,
  AlibabaBgpAsn,
  AlibabaSeveralCidrsNeedIkeV2,
  AlibabaAwsPairing,
  AlibabaIkeIpsecExplicit,
  AlibabaCustomerGatewayAsn,
  AlibabaOneOperationAtATime,
} from '../rules/alibaba';
import {
  TunnelHasInitiator,
  DeadPeerDetectionOnBothEnds,
  PresharedKeyFormat,
  NoPlaintextPresharedKey,
  IkeParametersMatch,
  UsesIkeV2,
  RouteBasedSingleSaPair,
} from '../rules/ipsec';
import type { PeerKind, PeerViews } from './kit/peer-kinds';
import type { CfnView } from './views/cfn-view';
import { toFinding, type Rule } from './kit/rule';
import { type PlanContext } from '../plan/context';
import type { Finding, Violation } from '../core/finding';

export const RULES: readonly Rule[] = [
  // C01–C11
  InsideCidrIsApipaSlash30,
  InsideCidrNotReserved,
  InsideCidrInAzureApipaRange,
  InsideCidrUnique,
  AwsFirstHostAzureSecondHost,
  TunnelInsideIpv4OnVgw,
  AzureAndAwsAsnsDiffer,
  VgwAsnIsPrivate,
  CustomerGatewayAsnValid,
  AzureAsnNotReserved,
  PeerAsnsMatch,
  // C12–C27
  RoutingIsDynamicBgp,
  ConnectionCustomBgpIpPerInstance,
  AzureGatewayActiveActive,
  FourTunnelTopology,
  AzureGatewayRouteBasedBgpSku,
  GatewaySubnetNameAndSize,
  VpcVnetNoOverlap,
  VpnQuotas,
  TunnelHasInitiator,
  DeadPeerDetectionOnBothEnds,
  PresharedKeyFormat,
  NoPlaintextPresharedKey,
  IkeParametersMatch,
  UsesIkeV2,
  RouteBasedSingleSaPair,
  NoAccelerationOnVgw,
  // C28–C33
  RouteTablesRouteToVpnGateway,
  TransitGatewayVpnRouting,
  SecurityRulesAdmitPeerCidrs,
  GatewayEndpointRouteTablesAndDns,
  GatewayEndpointTrafficAllowed,
  GatewayEndpointNotReachableOverVpn,
  // C34–C37 (Alibaba Cloud peer)
  AlibabaDualTunnel,
  AlibabaTunnelCidr,
  AlibabaBgpAsn,
  AlibabaSeveralCidrsNeedIkeV2,
  // C38
  AzureGatewayAzSkuAndZones,
  // C39–C42 (Alibaba Cloud peer)
  AlibabaAwsPairing,
  AlibabaIkeIpsecExplicit,
  AlibabaCustomerGatewayAsn,
  AlibabaOneOperationAtATime,
  // C43 (README coverage table: a run-time row not in CONSTRAINTS.md)
  TunnelAlarmsConfigured,
];

export function checkPlan(context: PlanContext, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => (rule.plan ? rule.plan(context).map((v) => toFinding(rule, v)) : []));
}

export function checkCfn(view: CfnView, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => (rule.cfn ? rule.cfn(view).map((v) => toFinding(rule, v)) : []));
}

/**
 * The checks of one peer kind's scope over that peer's view (the shape its component builds from). A new
 * peer needs no change here: its scope exists once it registers in lib/check/kit/peer-kinds.ts.
 */
export function checkPeer<K extends PeerKind>(kind: K, view: PeerViews[K], rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => {
    const check = rule[kind] as ((view: PeerViews[K]) => readonly Violation[]) | undefined;
    return check ? check(view).map((v) => toFinding(rule, v)) : [];
  });
}
