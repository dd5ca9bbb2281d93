import type { Rule } from '../../check/kit/rule';

export const AzureAndAwsAsnsDiffer: Rule = {
  id: 'AzureAndAwsAsnsDiffer',
  catalogue: ['C07'],
  level: 'error',
  summary: 'The Azure gateway ASN differs from the AWS gateway ASN.',
  explanation: 'Seed 004: the Azure VPN gateway\'s AS number "must be different from the AS number used by AWS", and a custom ' +
    "AWS ASN must differ from Azure's. With one ASN on both sides the sessions are internal BGP: each side drops " +
    'the routes it learns, seeing its own AS in the path, and no traffic crosses.',
  fix: 'keep aws.asn 64512 (the AWS default) and azure.asn 65000 (seed 004), or any two different valid ASNs.',
  plan: ({ spec }) => {
    // An Alibaba plan has no Azure side: azure.* are unused defaults there (issue 10).
    if (spec.alibaba !== undefined) return [];
    if (spec.aws.asn !== spec.azure.asn) return [];
    const other = spec.aws.asn === 65000 ? 65001 : 65000;
    return [{
      path: 'azure.asn',
      message: `${spec.azure.asn} is also aws.asn; the two ends of a BGP session here need different ASNs.`,
      fix: `another ASN for azure.asn, such as ${other}, or another aws.asn.`,
    }];
  },
};
