import { isUnresolved, targetOf, type CfnResourceView } from '../../check/views/cfn-view';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { transitGatewayAsnViolations, violationsOwnedBy } from '../../plan/aws-target';
import { cfnNumber, DEFAULT_AMAZON_SIDE_ASN } from '../../check/views/asn';

/** CloudFormation's `BgpAsn` default when a customer gateway sets neither ASN property. */
const DEFAULT_CUSTOMER_GATEWAY_ASN = 65000;

/** A literal ASN property, its default when absent, or undefined when computed at deploy time. */
function literalAsn(properties: Readonly<Record<string, unknown>>, names: readonly string[], fallback: number): number | undefined {
  const values = names.map((n) => properties[n]).filter((v) => v !== undefined);
  if (values.length === 0) return fallback;
  if (values.some(isUnresolved)) return undefined;
  const asn = cfnNumber(values[0]);
  return asn === undefined || Number.isNaN(asn) ? undefined : asn; // C09 reports a malformed value
}

const GATEWAY_TYPES: Readonly<Record<string, string>> = {
  VpnGatewayId: 'AWS::EC2::VPNGateway',
  TransitGatewayId: 'AWS::EC2::TransitGateway',
};

export const PeerAsnsMatch: Rule = {
  id: 'PeerAsnsMatch',
  catalogue: ['C11'],
  level: 'error',
  summary: "Each AWS customer gateway carries the Azure gateway's ASN; each Azure local network gateway the AWS ASN.",
  explanation: 'Seed 004: both customer gateways take "BGP ASN 65000 (the Azure VPN gateway\'s ASN)", and each local network ' +
    "gateway the AWS virtual private gateway's ASN (64512 by default). A BGP session whose peer ASN is wrong is " +
    'refused at OPEN. What each scope can check: the plan derives both from azure.asn and aws.asn, so it checks ' +
    'that plans sharing one Azure gateway agree on its ASN; a template does not contain the Azure ASN, so the cfn ' +
    'check catches the usual mix-up, a customer gateway carrying the ASN of the AWS gateway its own connection ' +
    "uses; the Azure check compares every local network gateway's ASN with the AWS ASN (the AWS customer " +
    "gateways' ASNs are not in the Azure view).",
  fix: "customer gateways: the Azure gateway's ASN (azure.asn, 65000 in seed 004); local network gateways: the AWS ASN (aws.asn, 64512 by default).",
  plan: ({ spec, sharedGateway }) => [
    // A new transit gateway's amazonSideAsn is the ASN the peer's BGP sessions use (aws.asn).
    ...violationsOwnedBy(transitGatewayAsnViolations(spec.aws.target, spec), 'PeerAsnsMatch'),
    ...sharedGateway.flatMap((plan, k): Violation[] => [
      ...(plan.azure.asn !== spec.azure.asn
        ? [{
          path: 'azure.asn',
          message:
            `${spec.azure.asn} differs from ${plan.azure.asn}, the ASN plan '${plan.name}' gives the same Azure gateway; a gateway has one ASN and every customer gateway facing it carries it.`,
          fix: `${plan.azure.asn}.`,
        }]
        : []),
      ...(plan.customerGatewayAsn !== plan.azure.asn
        ? [{
          path: `sharedGateway[${k}].customerGatewayAsn`,
          message: `plan '${plan.name}' gives its customer gateways ASN ${plan.customerGatewayAsn}, not its Azure gateway's ${plan.azure.asn}.`,
          fix: `${plan.azure.asn}.`,
        }]
        : []),
    ]),
  ],
  cfn: (view) => {
    const byId = new Map(view.resources.map((r) => [r.logicalId, r]));
    const reported = new Set<string>();
    return view.resources
      .filter((r) => r.type === 'AWS::EC2::VPNConnection')
      .flatMap((connection): Violation[] => {
        const cgw = byId.get(targetOf(connection.properties.CustomerGatewayId) ?? '');
        if (cgw?.type !== 'AWS::EC2::CustomerGateway') return [];
        const gateway = Object.entries(GATEWAY_TYPES)
          .map(([property, type]) => {
            const target = byId.get(targetOf(connection.properties[property]) ?? '');
            return target?.type === type ? target : undefined;
          })
          .find((r): r is CfnResourceView => r !== undefined);
        if (!gateway || reported.has(`${cgw.logicalId}/${gateway.logicalId}`)) return [];
        const cgwAsn = literalAsn(cgw.properties, ['BgpAsn', 'BgpAsnExtended'], DEFAULT_CUSTOMER_GATEWAY_ASN);
        const amazonAsn = literalAsn(gateway.properties, ['AmazonSideAsn'], DEFAULT_AMAZON_SIDE_ASN);
        if (cgwAsn === undefined || cgwAsn !== amazonAsn) return [];
        reported.add(`${cgw.logicalId}/${gateway.logicalId}`);
        return [{
          path: cgw.path,
          message: `the customer gateway's ASN ${cgwAsn} is the Amazon side ASN of ${gateway.path}, which its connection ` +
            `${connection.path} uses; the customer gateway stands for the peer (the Azure gateway) and carries the peer's ASN.`,
          fix: "the Azure gateway's ASN (azure.asn, 65000 in seed 004).",
        }];
      });
  },
  azure: (view) =>
    view.localNetworkGateways.flatMap((lng): Violation[] =>
      lng.asn === view.awsPeer.asn
        ? []
        : [{
          path: `localNetworkGateway ${lng.name}.bgpSettings.asn`,
          message: `${lng.asn} is not the AWS gateway's ASN ${view.awsPeer.asn}${
            lng.asn === view.gateway.asn ? " (it is the Azure gateway's own ASN)" : ''
          }.`,
          fix: `${view.awsPeer.asn}.`,
        }]
    ),
};
