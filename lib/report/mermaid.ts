/** The topology as a Mermaid flowchart (renders on GitHub). Pure text from the plan. */
import type { ResolvedPlan } from '../plan/types';

export function mermaidDiagram(plan: ResolvedPlan): string {
  const lines = [
    'flowchart LR',
    `  subgraph AWS["AWS: VPC ${plan.aws.vpcCidr}"]`,
    ...gatewayNodes(plan),
    ...[1, 2].map((n) => `    CGW${n}["Customer gateway ${n}<br/>ASN ${plan.customerGatewayAsn}<br/>IP = Azure instance ${n - 1}"]`),
    ...[1, 2].map((n) => `    VPN${n}["VPN connection ${n}"]`),
    '  end',
    `  subgraph AZ["Azure: VNet ${plan.azure.vnetCidr}"]`,
    `    GW["${plan.azure.gatewayName}<br/>${plan.azure.sku} ${plan.azure.generation}, active/active<br/>ASN ${plan.azure.asn}"]`,
    ...[0, 1].map((i) => `    INST${i}["Instance ${i}<br/>APIPA ${plan.azure.apipaByInstance[i].join(', ')}"]`),
    ...plan.tunnels.map((t) => `    LNG_${t.id}["LNG ${t.id}<br/>peer ${t.awsBgpIp}, ASN ${plan.aws.asn}"]`),
    '  end',
    ...gatewayEdges(plan),
    '  VPN1 --- CGW1',
    '  VPN2 --- CGW2',
    '  GW --- INST0 & INST1',
    ...plan.tunnels.map(
      (t) =>
        `  VPN${t.awsConnection} <-->|"tunnel ${t.awsTunnel}: ${t.insideCidr}<br/>${t.awsBgpIp} ⇄ ${t.azureBgpIp}"| LNG_${t.id} --- INST${t.azureInstance}`,
    ),
  ];
  return lines.join('\n');
}

/** The VGW node (0.1's diagram, unchanged), or the transit gateway, its route table and the ECMP state. */
function gatewayNodes(plan: ResolvedPlan): string[] {
  const t = plan.aws.target;
  if (t.kind !== 'tgw') return [`    VGW["Virtual private gateway<br/>ASN ${plan.aws.asn}"]`];
  const which = t.gateway.kind === 'new' ? 'new' : t.gateway.transitGatewayId;
  const table = t.routeTable.kind === 'existing' ? t.routeTable.id : t.routeTable.kind === 'new' ? 'new' : 'default';
  return [
    `    TGW["Transit gateway (${which})<br/>ASN ${t.gateway.kind === 'new' ? t.gateway.amazonSideAsn : plan.aws.asn}<br/>VPN ECMP ${
      t.vpnEcmpSupport ? 'enable' : 'disable'
    }${t.enableAcceleration ? '<br/>accelerated' : ''}"]`,
    `    TGWRT["TGW route table (${table})<br/>VPN + VPC attachments associated, propagated"]`,
    `    VPCATT["VPC attachment<br/>${
      'ids' in t.subnets ? t.subnets.ids.join(', ') : `${t.subnets.type} subnets`
    }, route ${plan.azure.vnetCidr} → TGW"]`,
  ];
}

function gatewayEdges(plan: ResolvedPlan): string[] {
  if (plan.aws.target.kind !== 'tgw') return ['  VGW --- VPN1 & VPN2'];
  return ['  TGW --- VPN1 & VPN2', '  TGW --- TGWRT', '  TGW --- VPCATT'];
}
