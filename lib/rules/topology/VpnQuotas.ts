import { resourcesOfType, targetOf, type CfnView } from '../../check/views/cfn-view';
import { connectionsByVpnGateway, CUSTOMER_GATEWAY, VPN_CONNECTION, VPN_GATEWAY, vpnGatewayPath } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

/** AWS Site-to-Site VPN quotas (defaults; the regional ones can be raised). */
export const VPN_QUOTAS = {
  /** Hard: VPN connections per virtual private gateway. */
  connectionsPerVgw: 10,
  /** Adjustable: customer gateways per region. */
  customerGatewaysPerRegion: 50,
  /** Adjustable: virtual private gateways per region. */
  vgwsPerRegion: 5,
} as const;

/** Connections this plan adds to its VGW: one per Azure gateway instance (C15). */
const PLAN_CONNECTIONS = 2;

function cfnQuotas(view: CfnView): Violation[] {
  const violations: Violation[] = [];
  for (const [key, connections] of connectionsByVpnGateway(resourcesOfType(view, VPN_CONNECTION))) {
    if (connections.length > VPN_QUOTAS.connectionsPerVgw) {
      violations.push({
        path: vpnGatewayPath(view, key, connections[0]),
        message: `${connections.length} VPN connections terminate on VGW ${key}; a VGW takes at most ${VPN_QUOTAS.connectionsPerVgw}.`,
        fix: `at most ${VPN_QUOTAS.connectionsPerVgw} per VGW; use a transit gateway for more.`,
      });
    }
  }
  const customerGateways = resourcesOfType(view, CUSTOMER_GATEWAY);
  if (customerGateways.length > VPN_QUOTAS.customerGatewaysPerRegion) {
    violations.push({
      path: customerGateways[VPN_QUOTAS.customerGatewaysPerRegion].path,
      level: 'warning',
      message:
        `${customerGateways.length} customer gateways in one template; the default regional quota is ${VPN_QUOTAS.customerGatewaysPerRegion} (existing ones count too).`,
      fix: `at most ${VPN_QUOTAS.customerGatewaysPerRegion}, or a quota increase (Service Quotas) before deploying.`,
    });
  }
  const vpnGateways = resourcesOfType(view, VPN_GATEWAY);
  if (vpnGateways.length > VPN_QUOTAS.vgwsPerRegion) {
    violations.push({
      path: vpnGateways[VPN_QUOTAS.vgwsPerRegion].path,
      level: 'warning',
      message:
        `${vpnGateways.length} virtual private gateways in one template; the default regional quota is ${VPN_QUOTAS.vgwsPerRegion} (existing ones count too).`,
      fix: `at most ${VPN_QUOTAS.vgwsPerRegion}, or a quota increase (Service Quotas) before deploying.`,
    });
  }
  const attachmentsByVpc = new Map<string, string[]>();
  for (const attachment of resourcesOfType(view, 'AWS::EC2::VPCGatewayAttachment')) {
    const { VpcId, VpnGatewayId } = attachment.properties;
    if (VpnGatewayId === undefined || VpcId === undefined) continue; // an internet gateway attachment
    const vpc = targetOf(VpcId) ?? JSON.stringify(VpcId);
    const paths = [...(attachmentsByVpc.get(vpc) ?? []), attachment.path];
    attachmentsByVpc.set(vpc, paths);
    if (paths.length === 2) {
      violations.push({
        path: attachment.path,
        message: `a second virtual private gateway attached to VPC ${vpc} (also ${paths[0]}); a VPC has at most one VGW.`,
        fix: 'one VGW per VPC, carrying every VPN connection of that VPC.',
      });
    }
  }
  return violations;
}

export const VpnQuotas: Rule = {
  id: 'VpnQuotas',
  catalogue: ['C19'],
  level: 'error',
  summary: 'At most 10 VPN connections per VGW and one VGW per VPC (errors); 50 customer gateways and 5 VGWs per region (warnings).',
  explanation: 'AWS Site-to-Site VPN quotas: a virtual private gateway terminates at most 10 VPN connections and a VPC has one ' +
    'virtual private gateway attached (not adjustable); a region holds by default 50 customer gateways and 5 virtual ' +
    'private gateways (adjustable, so a warning). This plan adds two VPN connections to its VGW (seed 004).',
  fix: 'stay within the quotas, or move to a transit gateway / request a quota increase.',
  plan: ({ spec }) => {
    const total = spec.aws.existingVpnConnections + PLAN_CONNECTIONS;
    return total > VPN_QUOTAS.connectionsPerVgw
      ? [{
        path: 'aws.existingVpnConnections',
        message:
          `${spec.aws.existingVpnConnections} existing + ${PLAN_CONNECTIONS} new = ${total} VPN connections on one VGW; the limit is ${VPN_QUOTAS.connectionsPerVgw}.`,
        fix: `at most ${VPN_QUOTAS.connectionsPerVgw - PLAN_CONNECTIONS} existing connections on the VGW, or a transit gateway.`,
      }]
      : [];
  },
  cfn: cfnQuotas,
};
