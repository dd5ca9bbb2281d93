/**
 * Every rule, in catalogue order. The CDK Aspect, the cdk-nag pack, `planVpn` and the Azure
 * component all read this list; `test/rules/registry.test.ts` pins its ids.
 */
import type { AzureView } from './azure-view';
import type { CfnView } from './cfn-view';
import { InsideCidrIsApipaSlash30 } from './InsideCidrIsApipaSlash30';
import { InsideCidrNotReserved } from './InsideCidrNotReserved';
import { InsideCidrInAzureApipaRange } from './InsideCidrInAzureApipaRange';
import { InsideCidrUnique } from './InsideCidrUnique';
import { AwsFirstHostAzureSecondHost } from './AwsFirstHostAzureSecondHost';
import { TunnelInsideIpv4OnVgw } from './TunnelInsideIpv4OnVgw';
import { AzureAndAwsAsnsDiffer } from './AzureAndAwsAsnsDiffer';
import { VgwAsnIsPrivate } from './VgwAsnIsPrivate';
import { CustomerGatewayAsnValid } from './CustomerGatewayAsnValid';
import { AzureAsnNotReserved } from './AzureAsnNotReserved';
import { PeerAsnsMatch } from './PeerAsnsMatch';
import { RouteTablesRouteToVpnGateway } from './RouteTablesRouteToVpnGateway';
import { TransitGatewayVpnRouting } from './TransitGatewayVpnRouting';
import { SecurityRulesAdmitPeerCidrs } from './SecurityRulesAdmitPeerCidrs';
import { GatewayEndpointRouteTablesAndDns } from './GatewayEndpointRouteTablesAndDns';
import { GatewayEndpointTrafficAllowed } from './GatewayEndpointTrafficAllowed';
import { GatewayEndpointNotReachableOverVpn } from './GatewayEndpointNotReachableOverVpn';
import { RoutingIsDynamicBgp } from './RoutingIsDynamicBgp';
import { ConnectionCustomBgpIpPerInstance } from './ConnectionCustomBgpIpPerInstance';
import { AzureGatewayActiveActive } from './AzureGatewayActiveActive';
import { FourTunnelTopology } from './FourTunnelTopology';
import { AzureGatewayRouteBasedBgpSku } from './AzureGatewayRouteBasedBgpSku';
import { GatewaySubnetNameAndSize } from './GatewaySubnetNameAndSize';
import { VpcVnetNoOverlap } from './VpcVnetNoOverlap';
import { VpnQuotas } from './VpnQuotas';
import { TunnelHasInitiator } from './TunnelHasInitiator';
import { DeadPeerDetectionOnBothEnds } from './DeadPeerDetectionOnBothEnds';
import { PresharedKeyFormat } from './PresharedKeyFormat';
import { NoPlaintextPresharedKey } from './NoPlaintextPresharedKey';
import { IkeParametersMatch } from './IkeParametersMatch';
import { UsesIkeV2 } from './UsesIkeV2';
import { RouteBasedSingleSaPair } from './RouteBasedSingleSaPair';
import { NoAccelerationOnVgw } from './NoAccelerationOnVgw';
import { AzureGatewayAzSkuAndZones } from './AzureGatewayAzSkuAndZones';
import { TunnelAlarmsConfigured } from './TunnelAlarmsConfigured';
import { toFinding, type Finding, type PlanContext, type Rule } from './types';

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

export function checkAzure(view: AzureView, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => (rule.azure ? rule.azure(view).map((v) => toFinding(rule, v)) : []));
}
