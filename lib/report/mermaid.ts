/** The topology as a Mermaid flowchart (renders on GitHub). Pure text from the plan. */
import type { ResolvedPlan } from '../plan/types';

export function mermaidDiagram(plan: ResolvedPlan): string {
  const lines = [
    'flowchart LR',
    `  subgraph AWS["AWS: VPC ${plan.aws.vpcCidr}"]`,
    `    VGW["Virtual private gateway<br/>ASN ${plan.aws.asn}"]`,
    ...[1, 2].map((n) => `    CGW${n}["Customer gateway ${n}<br/>ASN ${plan.customerGatewayAsn}<br/>IP = Azure instance ${n - 1}"]`),
    ...[1, 2].map((n) => `    VPN${n}["VPN connection ${n}"]`),
    '  end',
    `  subgraph AZ["Azure: VNet ${plan.azure.vnetCidr}"]`,
    `    GW["${plan.azure.gatewayName}<br/>${plan.azure.sku} ${plan.azure.generation}, active/active<br/>ASN ${plan.azure.asn}"]`,
    ...[0, 1].map((i) => `    INST${i}["Instance ${i}<br/>APIPA ${plan.azure.apipaByInstance[i].join(', ')}"]`),
    ...plan.tunnels.map((t) => `    LNG_${t.id}["LNG ${t.id}<br/>peer ${t.awsBgpIp}, ASN ${plan.aws.asn}"]`),
    '  end',
    '  VGW --- VPN1 & VPN2',
    '  VPN1 --- CGW1',
    '  VPN2 --- CGW2',
    '  GW --- INST0 & INST1',
    ...plan.tunnels.map(
      (t) => `  VPN${t.awsConnection} <-->|"tunnel ${t.awsTunnel}: ${t.insideCidr}<br/>${t.awsBgpIp} ⇄ ${t.azureBgpIp}"| LNG_${t.id} --- INST${t.azureInstance}`,
    ),
  ];
  return lines.join('\n');
}
