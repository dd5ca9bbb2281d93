import type { AlibabaDesign } from '../../peers/alibaba/design';
import type { Violation } from '../../core/finding';
import type { Rule } from '../../check/kit/rule';
import { tunnelPath } from '../../check/views/alibaba';

export const ALIBABA_ASN_RANGE = { min: 1, max: 4294967295 } as const;

const inRange = (asn: number) => Number.isInteger(asn) && asn >= ALIBABA_ASN_RANGE.min && asn <= ALIBABA_ASN_RANGE.max;

function bgpAsns(design: AlibabaDesign): Violation[] {
  const violations: Violation[] = [];
  if (!inRange(design.localAsn)) {
    violations.push({
      path: 'localAsn',
      message: `${design.localAsn} is not an ASN Alibaba accepts (${ALIBABA_ASN_RANGE.min}–${ALIBABA_ASN_RANGE.max}).`,
      fix: 'a private ASN, or the default 45104.',
    });
  }
  design.connections.forEach((connection, i) => {
    connection.tunnels.forEach((tunnel, j) => {
      if (tunnel.bgp.localAsn !== design.localAsn && !inRange(tunnel.bgp.localAsn)) {
        violations.push({
          path: `${tunnelPath(i, j)}.bgp.localAsn`,
          message: `${tunnel.bgp.localAsn} is not an ASN Alibaba accepts (${ALIBABA_ASN_RANGE.min}–${ALIBABA_ASN_RANGE.max}).`,
          fix: `${design.localAsn} (the plan's local ASN).`,
        });
      }
      if (!connection.enableTunnelsBgp) return;
      const gateway = design.customerGateways.find((g) => g.resourceName === tunnel.customerGatewayResourceName);
      if (gateway !== undefined && gateway.asn === undefined) {
        violations.push({
          path: `customerGateways.${gateway.resourceName}.asn`,
          message: `customer gateway ${gateway.name} has no ASN, but tunnel ${
            j + 1
          } of ${connection.name} runs BGP over it: Alibaba refuses BGP on it, and an ASN cannot be added later.`,
          fix:
            `create the customer gateway with asn ${tunnel.bgp.peerAsn} (the AWS ASN); an existing one must be deleted with its connection and recreated.`,
        });
      }
    });
  });
  return violations;
}

export const AlibabaBgpAsn: Rule = {
  id: 'AlibabaBgpAsn',
  catalogue: ['C36'],
  level: 'error',
  summary: 'BGP on an Alibaba tunnel needs an ASN on its customer gateway; the Alibaba ASN is 1–4294967295 (default 45104).',
  explanation: 'Seed 002 (Alibaba Cloud IPsec-VPN guide): enabling BGP requires an ASN on the associated customer gateway ' +
    '(FAQ: otherwise delete the connection, create a customer gateway with an ASN and recreate the connection); the local ' +
    "ASN is the Alibaba side's, 1–4294967295, default 45104, the same for both tunnels.",
  fix: 'customer gateways created with the AWS ASN; a local ASN in 1–4294967295.',
  plan: ({ spec }) =>
    spec.alibaba === undefined || inRange(spec.alibaba.localAsn) ? [] : [{
      path: 'alibaba.localAsn',
      message: `${spec.alibaba.localAsn} is not an ASN Alibaba accepts (${ALIBABA_ASN_RANGE.min}–${ALIBABA_ASN_RANGE.max}).`,
      fix: 'a private ASN, or the default 45104.',
    }],
  alibaba: bgpAsns,
};
