import { resourcesOfType } from '../../check/views/cfn-view';
import type { Rule } from '../../check/kit/rule';
import type { Level, Violation } from '../../core/finding';
import { cfnNumber } from '../../check/views/asn';

/** Largest ASN that fits CloudFormation's `BgpAsn`; larger ones go in `BgpAsnExtended`. */
export const MAX_BGP_ASN = 2147483647;
export const MAX_ASN = 4294967295;
/** ASNs AWS refuses for a customer gateway, by region (AWS: customer gateway options). */
export const REFUSED_CUSTOMER_GATEWAY_ASNS: Readonly<Record<number, string | 'all'>> = {
  7224: 'all',
  9059: 'eu-west-1',
  10124: 'ap-northeast-1',
  17943: 'ap-southeast-1',
};

const FIX = 'an ASN from 1 to 4294967295 other than 7224 (and 9059, 10124, 17943 in eu-west-1, ap-northeast-1, ap-southeast-1), such as 65000.';

export interface AsnProblem {
  readonly message: string;
  readonly level: Level;
}

/**
 * Why AWS refuses `asn` for a customer gateway in `region`. A region-specific refusal is a warning
 * when the region is not known, since the same ASN is accepted elsewhere.
 */
function customerGatewayAsnProblems(asn: number, region: string | undefined): AsnProblem[] {
  if (!Number.isInteger(asn) || asn < 1 || asn > MAX_ASN) {
    return [{ message: `${asn} is not an ASN from 1 to ${MAX_ASN}.`, level: 'error' }];
  }
  const refusedIn = REFUSED_CUSTOMER_GATEWAY_ASNS[asn];
  if (refusedIn === undefined) return [];
  if (refusedIn === 'all') return [{ message: `${asn} is reserved by AWS in every region.`, level: 'error' }];
  if (region === undefined) {
    return [{ message: `${asn} is reserved by AWS in ${refusedIn}; the region is not known here, so it is not certain.`, level: 'warning' }];
  }
  return region === refusedIn ? [{ message: `${asn} is reserved by AWS in ${refusedIn}.`, level: 'error' }] : [];
}

function cfnViolations(path: string, properties: Readonly<Record<string, unknown>>, region: string | undefined): Violation[] {
  const { BgpAsn: rawAsn, BgpAsnExtended: rawExtended } = properties;
  if (rawAsn !== undefined && rawExtended !== undefined) {
    return [{
      path,
      message: 'both BgpAsn and BgpAsnExtended are set; AWS takes exactly one.',
      fix: `BgpAsn up to ${MAX_BGP_ASN}, BgpAsnExtended above.`,
    }];
  }
  const asn = cfnNumber(rawAsn);
  const extended = cfnNumber(rawExtended);
  const problems: AsnProblem[] = [];
  for (const [name, raw, value] of [['BgpAsn', rawAsn, asn], ['BgpAsnExtended', rawExtended, extended]] as const) {
    if (value !== undefined && Number.isNaN(value)) problems.push({ message: `${name} ${JSON.stringify(raw)} is not a number.`, level: 'error' });
  }
  if (asn !== undefined && !Number.isNaN(asn)) {
    if (Number.isInteger(asn) && asn > MAX_BGP_ASN && asn <= MAX_ASN) {
      problems.push({ message: `BgpAsn ${asn} is above ${MAX_BGP_ASN}: it goes in BgpAsnExtended.`, level: 'error' });
    } else {
      problems.push(...customerGatewayAsnProblems(asn, region).map((p) => ({ ...p, message: `BgpAsn ${p.message}` })));
    }
  }
  if (extended !== undefined && !Number.isNaN(extended)) {
    if (Number.isInteger(extended) && extended >= 1 && extended <= MAX_BGP_ASN) {
      problems.push({ message: `BgpAsnExtended ${extended} is ${MAX_BGP_ASN} or less: it goes in BgpAsn.`, level: 'error' });
    } else {
      problems.push(...customerGatewayAsnProblems(extended, region).map((p) => ({ ...p, message: `BgpAsnExtended ${p.message}` })));
    }
  }
  return problems.map((p) => ({
    path,
    ...p,
    ...(p.level === 'warning' ? { fix: `give the stack a region (env.region) so that this is checked, or use ${FIX}` } : {}),
  }));
}

export const CustomerGatewayAsnValid: Rule = {
  id: 'CustomerGatewayAsnValid',
  catalogue: ['C09'],
  level: 'error',
  summary: 'A customer gateway ASN is 1–4294967295, in BgpAsnExtended above 2147483647, and not one AWS refuses.',
  explanation: 'Seed 001 and the AWS page "Customer gateway options for your Site-to-Site VPN connection": a customer ' +
    'gateway ASN is 1–4294967295; CloudFormation takes 1–2147483647 in BgpAsn and 2147483648–4294967295 in ' +
    'BgpAsnExtended, one of the two. AWS refuses 7224 in all regions, 9059 in eu-west-1, 10124 in ' +
    'ap-northeast-1 and 17943 in ap-southeast-1. Here the customer gateway is the Azure gateway, so its ASN is ' +
    'azure.asn. Region-specific refusals are errors where the region is known (a plan with aws.region, a stack with ' +
    'a resolved env.region) and warnings where it is not (an environment-agnostic stack, a template alone, a plan ' +
    'without aws.region).',
  fix: FIX,
  plan: ({ spec }) =>
    // The AWS customer gateways carry the peer's ASN: Azure's, or the Alibaba local ASN (C39, C41).
    customerGatewayAsnProblems(spec.alibaba?.localAsn ?? spec.azure.asn, spec.aws.region).map((p) => ({
      path: spec.alibaba === undefined ? 'azure.asn' : 'alibaba.localAsn',
      message: `the customer gateway ASN (the ${spec.alibaba === undefined ? 'Azure gateway' : 'Alibaba local'}'s) ${p.message}`,
      level: p.level,
      fix: p.level === 'warning' ? `set aws.region, or use ${FIX}` : FIX,
    })),
  cfn: (view) => resourcesOfType(view, 'AWS::EC2::CustomerGateway').flatMap((cgw) => cfnViolations(cgw.path, cgw.properties, view.region)),
};
