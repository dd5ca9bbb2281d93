import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validatePlan } from '../../lib/plan';
import { CustomerGatewayAsnValid } from '../../lib/rules/CustomerGatewayAsnValid';
import { checkCfn } from '../../lib/rules/registry';
import { synthView } from './fixtures';

const rule = CustomerGatewayAsnValid;
const findingsOf = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === rule.id);
const cgwView = (props: Partial<ec2.CfnCustomerGatewayProps>) =>
  synthView((stack) => new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', ipAddress: '192.0.2.1', ...props }));

describe('C09 CustomerGatewayAsnValid', () => {
  test('C09: the default plan (customer gateway ASN 65000) has no finding', () => {
    expect(findingsOf({})).toEqual([]);
  });

  test('C09: plan refuses 7224 in every region, on azure.asn (the customer gateway ASN)', () => {
    const findings = findingsOf({ azure: { asn: 7224 } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'azure.asn', ruleId: rule.id, catalogue: ['C09'], level: 'error' });
    expect(findings[0].message).toContain('7224');
    expect(findings[0].fix).toContain('65000');
  });

  test.each([0, 4294967296])('C09: plan refuses %d, outside 1–4294967295', (asn) => {
    const [finding] = findingsOf({ azure: { asn } });
    expect(finding).toMatchObject({ path: 'azure.asn', level: 'error' });
    expect(finding.message).toContain(`${asn} is not an ASN from 1 to 4294967295`);
  });

  test('C09: a region-specific ASN is an error in that region, fine elsewhere, a warning when the region is unknown', () => {
    expect(findingsOf({ aws: { region: 'eu-west-1' }, azure: { asn: 9059 } })).toMatchObject([{ level: 'error', path: 'azure.asn' }]);
    expect(findingsOf({ aws: { region: 'ap-northeast-1' }, azure: { asn: 10124 } })).toMatchObject([{ level: 'error' }]);
    expect(findingsOf({ aws: { region: 'us-east-1' }, azure: { asn: 9059 } })).toEqual([]);
    const unknown = validatePlan({ azure: { asn: 17943 } });
    expect(unknown.findings.filter((f) => f.ruleId === rule.id)).toMatchObject([{ level: 'warning', fix: expect.stringContaining('aws.region') }]);
    expect(unknown.plan).toBeDefined();
  });

  test('C09: cfn accepts BgpAsn up to 2147483647 and BgpAsnExtended above', () => {
    expect(checkCfn(cgwView({ bgpAsn: 65000 }), [rule])).toEqual([]);
    expect(checkCfn(cgwView({ bgpAsnExtended: 4200000000 }), [rule])).toEqual([]);
  });

  test.each([
    [{ bgpAsn: 3000000000 }, 'goes in BgpAsnExtended'],
    [{ bgpAsnExtended: 65000 }, 'goes in BgpAsn'],
    [{ bgpAsn: 65000, bgpAsnExtended: 4200000000 }, 'both BgpAsn and BgpAsnExtended'],
    [{ bgpAsn: 7224 }, 'BgpAsn 7224 is reserved by AWS in every region'],
  ])('C09: cfn refuses %j', (props, expected) => {
    // CDK's own template validation prints a warning for some of these; keep the test output quiet.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const view = cgwView(props);
    quiet.mockRestore();
    const findings = checkCfn(view, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: view.resources[0].path, catalogue: ['C09'], level: 'error' });
    expect(findings[0].message).toContain(expected);
  });

  test('C09: cfn warns about a region-specific ASN, since a template does not say its region', () => {
    expect(checkCfn(cgwView({ bgpAsn: 10124 }), [rule])).toMatchObject([{ level: 'warning', message: expect.stringContaining('ap-northeast-1') }]);
  });
});
