import { validatePlan } from '../../../lib/check/validate';
import { AzureAndAwsAsnsDiffer } from '../../../lib/rules/asn/AzureAndAwsAsnsDiffer';

const rule = AzureAndAwsAsnsDiffer;
const findingsOf = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === rule.id);

describe('C07 AzureAndAwsAsnsDiffer', () => {
  test('C07: the default plan (64512 / 65000) and other distinct ASNs have no finding', () => {
    expect(findingsOf({})).toEqual([]);
    expect(findingsOf({ aws: { asn: 65010 }, azure: { asn: 65020 } })).toEqual([]);
  });

  test('C07: plan refuses the same ASN on both sides, suggesting a different one', () => {
    const findings = findingsOf({ aws: { asn: 65000 }, azure: { asn: 65000 } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'azure.asn', ruleId: rule.id, catalogue: ['C07'], level: 'error' });
    expect(findings[0].message).toContain('65000');
    const suggested = Number(/such as (\d+)/.exec(findings[0].fix)?.[1]);
    expect(suggested).not.toBe(65000);
    expect(findingsOf({ aws: { asn: 65000 }, azure: { asn: suggested } })).toEqual([]);
  });
});
