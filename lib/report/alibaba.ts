/**
 * An Alibaba plan as text: the four-tunnel table and the Mermaid diagram (issue 10). The pairing is C39's
 * (lib/peers/alibaba/design.ts): Alibaba connection k's tunnel 1 (active, gateway IP 1) faces AWS connection 1
 * tunnel k, its tunnel 2 (standby, IP 2) AWS connection 2 tunnel k; the tunnel CIDR is the AWS inside /30, AWS
 * the first host, Alibaba's local BGP IP the second. The gateway IPs are only known after the Alibaba gateway
 * exists: `IP 1` (internetIp) and `IP 2` (disasterRecoveryInternetIp) unless the peer outputs give them.
 */
import { alibabaNames } from '../peers/alibaba/design';
import type { ResolvedPlan, ResolvedTunnel } from '../plan/types';
import { markdownTable } from './table';

/** One row of the four-tunnel table. */
export interface AlibabaTunnelRow {
  /** Alibaba connection name (`<plan>-ipsec-<k>`). */
  readonly connection: string;
  /** 1 or 2 in the connection's `tunnelOptionsSpecifications`. */
  readonly position: 1 | 2;
  readonly role: 'active (master)' | 'standby (slave)';
  /** `IP 1 (203.0.113.10)` or `IP 1` when not known. */
  readonly gatewayIp: string;
  /** The AWS tunnel it faces: `AWS connection 1 tunnel 2`. */
  readonly awsTunnel: string;
  readonly tunnelCidr: string;
  readonly alibabaBgpIp: string;
  readonly awsBgpIp: string;
}

/** The four Alibaba tunnels of an Alibaba plan, connection 1 then 2, active then standby. */
export function alibabaTunnelRows(plan: ResolvedPlan, gatewayIps?: readonly [string, string]): AlibabaTunnelRow[] {
  const ip = (c: 1 | 2) => (gatewayIps === undefined ? `IP ${c}` : `IP ${c} (${gatewayIps[c - 1]})`);
  const row = (t: ResolvedTunnel): AlibabaTunnelRow => ({
    connection: alibabaNames.connection(plan, t.awsTunnel),
    position: t.awsConnection,
    role: t.awsConnection === 1 ? 'active (master)' : 'standby (slave)',
    gatewayIp: ip(t.awsConnection),
    awsTunnel: `AWS connection ${t.awsConnection} tunnel ${t.awsTunnel}`,
    tunnelCidr: t.insideCidr,
    alibabaBgpIp: t.azureBgpIp, // the second host of the /30: the peer end, whatever the peer (C05, C39)
    awsBgpIp: t.awsBgpIp,
  });
  return [...plan.tunnels].sort((a, b) => a.awsTunnel - b.awsTunnel || a.awsConnection - b.awsConnection).map(row);
}

/** What `multicloud-vpn plan` prints for an Alibaba plan. */
export function alibabaPlanSummary(plan: ResolvedPlan, gatewayIps?: readonly [string, string]): string {
  const peer = plan.alibaba!;
  return [
    `Plan ${plan.name}: AWS ASN ${plan.aws.asn} (VPC ${plan.aws.vpcCidr}), Alibaba Cloud ASN ${peer.localAsn} (VPC ${peer.vpcId}, region ${peer.region}, ` +
    `gateway ${alibabaNames.gateway(plan, peer)}, ${peer.bandwidth} Mbps, dual-tunnel)`,
    `AWS customer gateways: IP 1 and IP 2 of the Alibaba gateway, BGP ASN ${plan.customerGatewayAsn}; Alibaba customer gateways: the four AWS tunnel outside IPs, BGP ASN ${plan.aws.asn}`,
    `IPsec: ${plan.ipsec.ikeVersion}, phase 1 ${plan.ipsec.phase1.encryption}/${plan.ipsec.phase1.integrity}/DH${plan.ipsec.phase1.dhGroup}/${plan.ipsec.phase1.lifetimeSeconds}s, ` +
    `phase 2 ${plan.ipsec.phase2.encryption}/${plan.ipsec.phase2.integrity}/DH${plan.ipsec.phase2.dhGroup}/${plan.ipsec.phase2.lifetimeSeconds}s, DPD ${plan.ipsec.dpdTimeoutSeconds}s`,
    '',
    markdownTable(
      ['Alibaba connection', 'Tunnel', 'Role', 'Alibaba gateway IP', 'Faces', 'Tunnel CIDR', 'Alibaba BGP IP', 'AWS BGP IP'],
      alibabaTunnelRows(plan, gatewayIps).map((
        r,
      ) => [r.connection, String(r.position), r.role, r.gatewayIp, r.awsTunnel, r.tunnelCidr, r.alibabaBgpIp, r.awsBgpIp]),
    ),
  ].join('\n');
}

/** The Alibaba topology as a Mermaid flowchart. */
export function alibabaMermaidDiagram(plan: ResolvedPlan, gatewayIps?: readonly [string, string]): string {
  const peer = plan.alibaba!;
  const ip = (c: 1 | 2) => (gatewayIps === undefined ? `IP ${c}` : `IP ${c} ${gatewayIps[c - 1]}`);
  const rows = alibabaTunnelRows(plan, gatewayIps);
  return [
    'flowchart LR',
    `  subgraph AWS["AWS: VPC ${plan.aws.vpcCidr}"]`,
    `    VGW["Virtual private gateway<br/>ASN ${plan.aws.asn}"]`,
    ...([1, 2] as const).map((n) => `    CGW${n}["Customer gateway ${n}<br/>ASN ${plan.customerGatewayAsn}<br/>= Alibaba ${ip(n)}"]`),
    ...[1, 2].map((n) => `    VPN${n}["VPN connection ${n}"]`),
    '  end',
    `  subgraph ALI["Alibaba Cloud: ${peer.vpcId} (${peer.region})"]`,
    `    GW["${alibabaNames.gateway(plan, peer)}<br/>dual-tunnel, ASN ${peer.localAsn}<br/>${ip(1)} · ${ip(2)}"]`,
    ...[1, 2].map((k) => `    CONN${k}["${alibabaNames.connection(plan, k as 1 | 2)}"]`),
    '  end',
    '  VGW --- VPN1 & VPN2',
    '  VPN1 --- CGW1',
    '  VPN2 --- CGW2',
    '  GW --- CONN1 & CONN2',
    ...plan.tunnels.map((t) => {
      const r = rows.find((x) => x.tunnelCidr === t.insideCidr)!;
      return `  VPN${t.awsConnection} <-->|"tunnel ${t.awsTunnel} ⇄ Alibaba tunnel ${r.position} ${r.role}: ${t.insideCidr}<br/>${t.awsBgpIp} ⇄ ${t.azureBgpIp}"| CONN${t.awsTunnel}`;
    }),
  ].join('\n');
}
