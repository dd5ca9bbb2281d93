/**
 * Every rule, in catalogue order. The CDK Aspect, the cdk-nag pack, `planVpn` and the Azure
 * component all read this list; `test/check/registry.test.ts` pins its ids.
 */
import type { PeerKind, PeerViews } from './kit/peer-kinds';
import type { CfnView } from './views/cfn-view';
import { InsideCidrIsApipaSlash30 } from '../rules/inside-cidr/InsideCidrIsApipaSlash30';
import { InsideCidrNotReserved } from '../rules/inside-cidr/InsideCidrNotReserved';
import { InsideCidrInAzureApipaRange } from '../rules/inside-cidr/InsideCidrInAzureApipaRange';
import { InsideCidrUnique } from '../rules/inside-cidr/InsideCidrUnique';
import { AwsFirstHostAzureSecondHost } from '../rules/inside-cidr/AwsFirstHostAzureSecondHost';
import { TunnelInsideIpv4OnVgw } from '../rules/inside-cidr/TunnelInsideIpv4OnVgw';
import { AzureAndAwsAsnsDiffer } from '../rules/asn/AzureAndAwsAsnsDiffer';
import { VgwAsnIsPrivate } from '../rules/asn/VgwAsnIsPrivate';
import { CustomerGatewayAsnValid } from '../rules/asn/CustomerGatewayAsnValid';
import { AzureAsnNotReserved } from '../rules/asn/AzureAsnNotReserved';
import { PeerAsnsMatch } from '../rules/asn/PeerAsnsMatch';
import { RouteTablesRouteToVpnGateway } from '../rules/routing/RouteTablesRouteToVpnGateway';
import { TransitGatewayVpnRouting } from '../rules/routing/TransitGatewayVpnRouting';
import { SecurityRulesAdmitPeerCidrs } from '../rules/routing/SecurityRulesAdmitPeerCidrs';
import { GatewayEndpointRouteTablesAndDns } from '../rules/endpoints/GatewayEndpointRouteTablesAndDns';
import { GatewayEndpointTrafficAllowed } from '../rules/endpoints/GatewayEndpointTrafficAllowed';
import { GatewayEndpointNotReachableOverVpn } from '../rules/endpoints/GatewayEndpointNotReachableOverVpn';
import { RoutingIsDynamicBgp } from '../rules/topology/RoutingIsDynamicBgp';
import { ConnectionCustomBgpIpPerInstance } from '../rules/topology/ConnectionCustomBgpIpPerInstance';
import { AzureGatewayActiveActive } from '../rules/azure-gateway/AzureGatewayActiveActive';
import { FourTunnelTopology } from '../rules/topology/FourTunnelTopology';
import { AzureGatewayRouteBasedBgpSku } from '../rules/azure-gateway/AzureGatewayRouteBasedBgpSku';
import { GatewaySubnetNameAndSize } from '../rules/azure-gateway/GatewaySubnetNameAndSize';
import { VpcVnetNoOverlap } from '../rules/topology/VpcVnetNoOverlap';
import { VpnQuotas } from '../rules/topology/VpnQuotas';
import { TunnelHasInitiator } from '../rules/ipsec/TunnelHasInitiator';
import { DeadPeerDetectionOnBothEnds } from '../rules/ipsec/DeadPeerDetectionOnBothEnds';
import { PresharedKeyFormat } from '../rules/ipsec/PresharedKeyFormat';
import { NoPlaintextPresharedKey } from '../rules/ipsec/NoPlaintextPresharedKey';
import { IkeParametersMatch } from '../rules/ipsec/IkeParametersMatch';
import { UsesIkeV2 } from '../rules/ipsec/UsesIkeV2';
import { RouteBasedSingleSaPair } from '../rules/ipsec/RouteBasedSingleSaPair';
import { NoAccelerationOnVgw } from '../rules/topology/NoAccelerationOnVgw';
import { AzureGatewayAzSkuAndZones } from '../rules/azure-gateway/AzureGatewayAzSkuAndZones';
import { TunnelAlarmsConfigured } from '../rules/topology/TunnelAlarmsConfigured';
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
  // C38
  AzureGatewayAzSkuAndZones,
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
