/**
 * The plan as the documented tables of seed 004: the APIPA table ("BGP APIPA アドレスの選択") and
 * the custom BGP addresses of each Azure connection (part 3). Pure text, no SDK.
 */
import type { ResolvedPlan } from '../plan/types';

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const tunnelLabel = (t: ResolvedPlan['tunnels'][number]) => `AWS tunnel ${t.awsTunnel} to Azure instance ${t.azureInstance}`;

/** Tunnel, Azure custom APIPA BGP address, AWS BGP peer address, AWS inside CIDR. */
export function tunnelTable(plan: ResolvedPlan): string {
  return markdownTable(
    ['Tunnel', 'Azure custom APIPA BGP IP', 'AWS BGP peer IP', 'AWS inside IPv4 CIDR'],
    plan.tunnels.map((t) => [tunnelLabel(t), t.azureBgpIp, t.awsBgpIp, t.insideCidr]),
  );
}

/** Per Azure connection: the primary (instance 0) and secondary (instance 1) custom BGP address. */
export function connectionTable(plan: ResolvedPlan): string {
  return markdownTable(
    ['Azure connection', 'Primary custom BGP address', 'Secondary custom BGP address'],
    plan.tunnels.map((t) => {
      const [primary, secondary] = t.azureCustomBgpIps;
      return [
        tunnelLabel(t),
        t.azureInstance === 0 ? primary : `not used (${primary})`,
        t.azureInstance === 1 ? secondary : `not used (${secondary})`,
      ];
    }),
  );
}

/** The transit gateway target in words; nothing for a VGW (0.1's summary, unchanged). */
export function transitGatewayLines(plan: ResolvedPlan): string[] {
  const t = plan.aws.target;
  if (t.kind !== 'tgw') return [];
  const gateway = t.gateway.kind === 'new' ? `new, ASN ${t.gateway.amazonSideAsn}` : `existing ${t.gateway.transitGatewayId}, ASN ${plan.aws.asn}`;
  const table = t.routeTable.kind === 'existing' ? t.routeTable.id : t.routeTable.kind === 'new' ? 'new' : "the gateway's default";
  const subnets = 'ids' in t.subnets ? t.subnets.ids.join(', ') : `${t.subnets.type} subnets`;
  return [
    `Transit gateway (${gateway}): VPN ECMP ${t.vpnEcmpSupport ? 'enable (all four tunnels carry traffic)' : 'disable (one tunnel preferred)'}, ` +
    `default route table association ${t.defaultRouteTableAssociation ? 'enable' : 'disable'}, propagation ${
      t.defaultRouteTablePropagation ? 'enable' : 'disable'
    }`,
    `Transit gateway route table: ${table} (both VPN attachments and the VPC attachment associated and propagated); ` +
    `VPC attachment: ${subnets}, one per AZ, with a route to ${plan.azure.vnetCidr} via the TGW in their route tables; ` +
    `acceleration ${t.enableAcceleration ? 'on' : 'off'}, tunnel bandwidth ${t.tunnelBandwidth}`,
  ];
}

/** The whole plan summary the CLI's `plan` verb prints. */
export function planSummary(plan: ResolvedPlan): string {
  return [
    `Plan ${plan.name}: AWS ASN ${plan.aws.asn} (VPC ${plan.aws.vpcCidr}), Azure ASN ${plan.azure.asn} (VNet ${plan.azure.vnetCidr}, ${plan.azure.sku} ${plan.azure.generation}, active/active)`,
    `Customer gateways: BGP ASN ${plan.customerGatewayAsn}; local network gateways: BGP ASN ${plan.aws.asn}`,
    ...transitGatewayLines(plan),
    `IPsec: ${plan.ipsec.ikeVersion}, phase 1 ${plan.ipsec.phase1.encryption}/${plan.ipsec.phase1.integrity}/DH${plan.ipsec.phase1.dhGroup}/${plan.ipsec.phase1.lifetimeSeconds}s, ` +
    `phase 2 ${plan.ipsec.phase2.encryption}/${plan.ipsec.phase2.integrity}/DH${plan.ipsec.phase2.dhGroup}/${plan.ipsec.phase2.lifetimeSeconds}s, DPD ${plan.ipsec.dpdTimeoutSeconds}s`,
    '',
    tunnelTable(plan),
    '',
    connectionTable(plan),
  ].join('\n');
}
