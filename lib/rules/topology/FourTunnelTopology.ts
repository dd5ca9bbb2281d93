import { PEER_TAGS } from '../../handoff/formats';
import { tunnelId, type AwsTunnelNumber, type AzureInstance } from '../../plan/types';
import type { AzureView } from '../../peers/azure/view';
import { isUnresolved, resourcesOfType, type CfnView } from '../../check/views/cfn-view';
import { VPN_CONNECTION, connectionsByVpnGatewayAndPlan, facesAzure, tunnelSpecsOf, vpnGatewayPath } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

/** The VGW part of a group key of `connectionsByVpnGatewayAndPlan`. */
const vpnGatewayKeyOf = (groupKey: string) => groupKey.replace(/ \(plan .*\)$/, '');

const TUNNEL_IDS: readonly string[] = ([0, 1] as AzureInstance[]).flatMap((i) => ([1, 2] as AwsTunnelNumber[]).map((t) => tunnelId(i, t)));

function cfnTopology(view: CfnView): Violation[] {
  const towardAzure = resourcesOfType(view, VPN_CONNECTION).filter((c) => facesAzure(view, c));
  const violations: Violation[] = [];
  for (const [key, connections] of connectionsByVpnGatewayAndPlan(towardAzure)) {
    const path = vpnGatewayPath(view, vpnGatewayKeyOf(key), connections[0]);
    if (connections.length !== 2) {
      violations.push({
        path,
        message: `${connections.length} VPN connection(s) toward Azure on VGW ${key} (${
          connections.map((c) => c.path).join(', ')
        }); the design has one per Azure gateway instance.`,
        fix: 'two VPN connections on the VGW: connection 1 to the customer gateway of instance 0, connection 2 to that of instance 1.',
      });
    }
    const gateways = new Set(connections.map((c) => JSON.stringify(c.properties.CustomerGatewayId)));
    if (gateways.size !== 2 && connections.length === 2) {
      violations.push({
        path,
        message: `both VPN connections toward Azure on VGW ${key} use the same customer gateway; instance 1 is left without tunnels.`,
        fix: 'two customer gateways, one per Azure gateway public IP, one connection each.',
      });
    }
  }
  for (const connection of resourcesOfType(view, VPN_CONNECTION)) {
    if (isUnresolved(connection.properties.VpnTunnelOptionsSpecifications)) continue;
    const specs = tunnelSpecsOf(connection);
    // Any VPN connection has two tunnels: more specifications fail at deploy, whoever wrote them.
    // Fewer (or none: AWS picks the rest) only break this design, so only connections facing Azure.
    const tooMany = specs !== undefined && specs.length > 2;
    if (tooMany || (towardAzure.includes(connection) && specs?.length !== 2)) {
      violations.push({
        path: connection.path,
        message: specs === undefined
          ? 'VpnTunnelOptionsSpecifications is missing: AWS would pick random inside CIDRs that Azure APIPA cannot match.'
          : `VpnTunnelOptionsSpecifications has ${specs.length} entr${specs.length === 1 ? 'y' : 'ies'}; a VPN connection has exactly two tunnels.`,
        fix: 'two tunnel specifications, each with its planned TunnelInsideCidr.',
      });
    }
  }
  return violations;
}

function azureTopology(view: AzureView): Violation[] {
  const { localNetworkGateways: lngs, connections } = view;
  // First run: the AWS tunnel outside IPs are not known yet, so neither LNGs nor connections exist.
  if (lngs.length === 0 && connections.length === 0) return [];
  const violations: Violation[] = [];
  const perTunnel = (items: readonly { tunnelId: string; }[], kind: string, path: string) => {
    for (const id of TUNNEL_IDS) {
      const count = items.filter((item) => item.tunnelId === id).length;
      if (count !== 1) {
        violations.push({
          path,
          message: `${count} ${kind}(s) for tunnel ${id}.`,
          fix: `exactly one ${kind} per AWS tunnel: ${TUNNEL_IDS.join(', ')}.`,
        });
      }
    }
    for (const item of items.filter((i) => !TUNNEL_IDS.includes(i.tunnelId))) {
      violations.push({ path, message: `a ${kind} for unknown tunnel '${item.tunnelId}'.`, fix: `one of ${TUNNEL_IDS.join(', ')}.` });
    }
  };
  perTunnel(lngs, 'local network gateway', 'localNetworkGateways');
  perTunnel(connections, 'connection', 'connections');
  const seen = new Map<string, string>();
  for (const lng of lngs) {
    if (lng.gatewayIpAddress === undefined) continue;
    const other = seen.get(lng.gatewayIpAddress);
    if (other !== undefined) {
      violations.push({
        path: `localNetworkGateway ${lng.name}.gatewayIpAddress`,
        message: `'${lng.gatewayIpAddress}' is also the address of ${other}; each LNG stands for one AWS tunnel outside IP.`,
        fix: 'the outside IP of the tunnel the LNG stands for (AWS hand-off file).',
      });
    } else {
      seen.set(lng.gatewayIpAddress, lng.name);
    }
  }
  for (const connection of connections) {
    const lng = lngs.find((l) => l.name === connection.localNetworkGatewayName);
    if (lng === undefined || lng.tunnelId !== connection.tunnelId) {
      const expected = lngs.find((l) => l.tunnelId === connection.tunnelId);
      violations.push({
        path: `connection ${connection.name}.localNetworkGatewayName`,
        message: lng === undefined
          ? `'${connection.localNetworkGatewayName}' is not a local network gateway of this deployment.`
          : `'${lng.name}' stands for tunnel ${lng.tunnelId}, not for the connection's tunnel ${connection.tunnelId}.`,
        fix: expected ? `'${expected.name}'.` : `the LNG of tunnel ${connection.tunnelId}.`,
      });
    }
  }
  return violations;
}

export const FourTunnelTopology: Rule = {
  id: 'FourTunnelTopology',
  catalogue: ['C15'],
  level: 'error',
  summary: 'Two customer gateways and two VPN connections of two tunnels each on one VGW; four LNGs and four connections on Azure.',
  explanation: 'Seed 004 (Azure AWS-BGP tutorial) builds one customer gateway and one VPN connection per Azure gateway public IP ' +
    '(instance 0 → connection 1, instance 1 → connection 2), four tunnels in all, and on Azure one local network gateway ' +
    'per AWS tunnel outside IP with one connection each. On CloudFormation the rule counts the connections whose customer ' +
    `gateway carries the '${PEER_TAGS.peerConnectionMode}' tag (or that carry '${PEER_TAGS.tunnelIds}'), per VGW and, ` +
    `where tagged '${PEER_TAGS.plan}', per plan (several plans may share one VGW); ` +
    'other VPN connections are not its business, except that no VPN connection, tagged or hand-written, may have more ' +
    'than two tunnel specifications: every Site-to-Site VPN connection has exactly two tunnels (AWS, "Tunnel options for ' +
    'your Site-to-Site VPN connection", https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html). On Azure the first run (no LNG and no connection yet) is allowed.',
  fix: 'the documented topology: 2 customer gateways, 2 VPN connections × 2 tunnels, 4 LNGs, 4 connections.',
  cfn: cfnTopology,
  azure: azureTopology,
};
