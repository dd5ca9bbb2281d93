import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Fn, Token } from 'aws-cdk-lib';
import { validatePlan } from '../../../lib/check/validate';
import { amazonSideAsnChange, VgwAsnIsPrivate } from '../../../lib/rules/asn/VgwAsnIsPrivate';
import { checkCfn } from '../../../lib/check/registry';
import { synthView } from '../fixtures';

const rule = VgwAsnIsPrivate;
const findingsOf = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === rule.id);

describe('C08 VgwAsnIsPrivate', () => {
  test.each([64512, 65534, 4200000000, 4294967294])('C08: plan accepts the private ASN %d', (asn) => {
    expect(findingsOf({ aws: { asn } })).toEqual([]);
  });

  test('C08: the default plan has no finding', () => {
    expect(findingsOf({})).toEqual([]);
  });

  test.each([64511, 65535, 7224, 4199999999, 4294967295])('C08: plan refuses the non-private ASN %d', (asn) => {
    const findings = findingsOf({ aws: { asn } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'aws.asn', ruleId: rule.id, catalogue: ['C08'], level: 'error' });
    expect(findings[0].message).toContain(String(asn));
    expect(findings[0].fix).toContain('64512');
  });

  test('C08: cfn accepts a default or private AmazonSideAsn and one computed at deploy time', () => {
    const view = synthView((stack) => {
      new ec2.CfnVPNGateway(stack, 'Unset', { type: 'ipsec.1' });
      new ec2.CfnVPNGateway(stack, 'Private', { type: 'ipsec.1', amazonSideAsn: 4200000001 });
      new ec2.CfnVPNGateway(stack, 'Imported', { type: 'ipsec.1', amazonSideAsn: Token.asNumber(Fn.importValue('Asn')) });
    });
    expect(checkCfn(view, [rule])).toEqual([]);
  });

  test('C08: cfn refuses a public AmazonSideAsn on the gateway resource', () => {
    const view = synthView((stack) => new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1', amazonSideAsn: 7224 }));
    const findings = checkCfn(view, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: view.resources[0].path, catalogue: ['C08'], level: 'error' });
    expect(findings[0].message).toContain('AmazonSideAsn 7224');
  });

  test('C08: a change of the deployed ASN is a warning; the same ASN or an unknown one is none', () => {
    expect(amazonSideAsnChange(undefined, 64512)).toEqual([]);
    expect(amazonSideAsnChange(64512, 64512)).toEqual([]);
    const [warning] = amazonSideAsnChange(64512, 64600);
    expect(warning).toMatchObject({ path: 'aws.asn', level: 'warning' });
    expect(warning.message).toMatch(/64600.*64512.*replaces/s);
  });
});
