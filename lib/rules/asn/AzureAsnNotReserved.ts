import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

/** ASNs an Azure VPN gateway refuses, for itself and for its BGP peers (Azure VPN Gateway BGP FAQ). */
export const AZURE_RESERVED_ASNS: readonly { readonly first: number; readonly last: number; readonly why: string; }[] = [
  { first: 8074, last: 8075, why: 'reserved by Azure (public)' },
  { first: 12076, last: 12076, why: 'reserved by Azure (public)' },
  { first: 65515, last: 65515, why: 'reserved by Azure (private)' },
  { first: 65517, last: 65520, why: 'reserved by Azure (private)' },
  { first: 23456, last: 23456, why: 'reserved by IANA (AS_TRANS)' },
  { first: 64496, last: 64511, why: 'reserved by IANA (documentation)' },
  { first: 65535, last: 65551, why: 'reserved by IANA' },
  { first: 4294967295, last: 4294967295, why: 'reserved by IANA' },
];

const FIX =
  'an ASN that Azure accepts, such as 65000 (seed 004): not 8074, 8075, 12076, 65515, 65517–65520, 23456, 64496–64511, 65535–65551 or 4294967295.';

/** Why Azure refuses `asn` on a VPN gateway or a local network gateway, or undefined when it accepts it. */
function azureAsnProblem(asn: number): string | undefined {
  if (!Number.isInteger(asn) || asn < 1 || asn > 4294967295) return `${asn} is not an ASN from 1 to 4294967295.`;
  const reserved = AZURE_RESERVED_ASNS.find((r) => r.first <= asn && asn <= r.last);
  return reserved ? `${asn} is ${reserved.why}.` : undefined;
}

export const AzureAsnNotReserved: Rule = {
  id: 'AzureAsnNotReserved',
  catalogue: ['C10'],
  level: 'error',
  summary: 'The Azure gateway ASN (and the AWS ASN its local network gateways carry) is not one Azure reserves.',
  explanation: 'Azure VPN Gateway BGP FAQ: Azure reserves 8074, 8075 and 12076 (public) and 65515, 65517, 65518, 65519, ' +
    '65520 (private), and IANA reserves 23456, 64496–64511, 65535–65551 and 4294967295; none can be the gateway ' +
    'ASN, nor the ASN of an on-premises device, which here is the AWS gateway (the local network gateways carry ' +
    'aws.asn). 65515 is the default of Azure gateways themselves, and it lies in the AWS private range.',
  fix: FIX,
  plan: ({ spec }) => {
    const violations: Violation[] = [];
    const gatewayProblem = azureAsnProblem(spec.azure.asn);
    if (gatewayProblem) violations.push({ path: 'azure.asn', message: `the Azure gateway ASN ${gatewayProblem}` });
    const peerProblem = azureAsnProblem(spec.aws.asn);
    if (peerProblem) {
      violations.push({
        path: 'aws.asn',
        message: `Azure refuses the AWS ASN on its local network gateways: ${peerProblem}`,
        fix: 'an AWS ASN outside the Azure reserved values, such as 64512 (the AWS default).',
      });
    }
    return violations;
  },
  azure: (view) => {
    const violations: Violation[] = [];
    const gatewayProblem = azureAsnProblem(view.gateway.asn);
    if (gatewayProblem) violations.push({ path: `gateway ${view.gateway.name}.bgpSettings.asn`, message: gatewayProblem });
    for (const lng of view.localNetworkGateways) {
      const problem = azureAsnProblem(lng.asn);
      if (problem) {
        violations.push({
          path: `localNetworkGateway ${lng.name}.bgpSettings.asn`,
          message: problem,
          fix: 'the AWS ASN, itself outside the Azure reserved values, such as 64512.',
        });
      }
    }
    return violations;
  },
};
