import { ALIBABA_DEFAULT_LOCAL_ASN } from '../../plan/alibaba';
import type { AlibabaDesign } from '../../peers/alibaba/design';
import type { Violation } from '../../core/finding';
import type { Rule } from '../../check/kit/rule';

function customerGatewayAsns(design: AlibabaDesign): Violation[] {
  const violations: Violation[] = [];
  for (const gateway of design.customerGateways) {
    if (gateway.asn === undefined) continue; // C36 reports it
    const at = `customerGateways.${gateway.resourceName}.asn`;
    if (gateway.asn === ALIBABA_DEFAULT_LOCAL_ASN) {
      violations.push({
        path: at,
        message: `${gateway.asn} on customer gateway ${gateway.name} is Alibaba Cloud's own ASN; the peer behind it (AWS) cannot have it.`,
        fix: `the AWS ASN (aws.asn, e.g. 64512); if AWS really uses ${ALIBABA_DEFAULT_LOCAL_ASN}, change aws.asn (a private ASN).`,
      });
      continue;
    }
    const users = design.connections.flatMap((c) => c.tunnels.filter((t) => t.customerGatewayResourceName === gateway.resourceName));
    const same = users.find((t) => t.bgp.localAsn === gateway.asn);
    if (same !== undefined) {
      violations.push({
        path: at,
        message:
          `${gateway.asn} on customer gateway ${gateway.name} equals the Alibaba local ASN of the tunnel facing it: both ends of the BGP session would have one ASN.`,
        fix:
          `a local ASN other than ${gateway.asn} (the default 45104), or another aws.asn; the customer gateway is then recreated with its connection.`,
      });
    }
  }
  return violations;
}

export const AlibabaCustomerGatewayAsn: Rule = {
  id: 'AlibabaCustomerGatewayAsn',
  catalogue: ['C41'],
  level: 'error',
  summary: "An Alibaba customer gateway carries the peer's ASN from creation: not 45104, not the Alibaba local ASN.",
  explanation: "Seed 002 (Alibaba Cloud IPsec-VPN guide, FAQ) and the customer gateway's `asn` being create-only (ForceNew in the " +
    'alicloud provider): a customer gateway without an ASN cannot be switched to BGP; the connection and the customer ' +
    "gateway must be recreated. The ASN is the peer's (AWS's), so it is neither Alibaba's own 45104 nor the local ASN of " +
    'the tunnel facing it: an eBGP session needs two different ASNs.',
  fix: 'each customer gateway created with the AWS ASN, which differs from 45104 and from the Alibaba local ASN.',
  // The plan: the Alibaba customer gateways carry aws.asn, the AWS ones alibaba.localAsn (C39).
  plan: ({ spec }) => {
    if (spec.alibaba === undefined) return [];
    const { localAsn } = spec.alibaba;
    if (spec.aws.asn === ALIBABA_DEFAULT_LOCAL_ASN) {
      return [{
        path: 'aws.asn',
        message: `${spec.aws.asn} is Alibaba Cloud's own ASN; the Alibaba customer gateways would carry it for AWS.`,
        fix: 'the AWS default 64512, or another private ASN.',
      }];
    }
    return localAsn !== spec.aws.asn ? [] : [{
      path: 'alibaba.localAsn',
      message: `${localAsn} is also aws.asn: both ends of every BGP session would have one ASN, and each drops the other's routes.`,
      fix: `the default 45104, or another ASN than ${spec.aws.asn}.`,
    }];
  },
  alibaba: customerGatewayAsns,
};
