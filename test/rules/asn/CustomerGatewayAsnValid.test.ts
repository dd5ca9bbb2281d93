import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { cfnViewFromStack, VpnRulesAspect } from '../../../lib/enforcement';
import { validatePlan } from '../../../lib/check/validate';
import { CustomerGatewayAsnValid } from '../../../lib/rules/asn/CustomerGatewayAsnValid';
import { checkCfn } from '../../../lib/check/registry';
import { synthView } from '../fixtures';

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

  test('C09: cfn warns about a region-specific ASN when the stack has no region (environment-agnostic)', () => {
    const findings = checkCfn(cgwView({ bgpAsn: 10124 }), [rule]);
    expect(findings).toMatchObject([{ level: 'warning', message: expect.stringContaining('ap-northeast-1') }]);
    expect(findings[0].fix).toContain('env.region');
  });

  /** The view the Aspect and the cdk-nag pack build (cfnViewFromStack), of a stack in `region` (or agnostic). */
  function stackView(region: string | undefined, props: Partial<ec2.CfnCustomerGatewayProps>) {
    const app = new App();
    const stack = new Stack(app, 'Test', region === undefined ? {} : { env: { region } });
    new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', ipAddress: '192.0.2.1', ...props });
    return cfnViewFromStack(stack).view;
  }

  test.each([
    ['ap-northeast-1', { bgpAsn: 10124 }],
    ['eu-west-1', { bgpAsn: 9059 }],
    ['ap-southeast-1', { bgpAsn: 17943 }],
  ])('C09: cfn: in a stack whose env.region is %s, the ASN AWS refuses there (%j) is an error, not a warning', (region, props) => {
    const view = stackView(region, props);
    expect(view.region).toBe(region);
    const findings = checkCfn(view, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'Test/Cgw', level: 'error', catalogue: ['C09'] });
    expect(findings[0].message).toContain(`reserved by AWS in ${region}`);
    expect(findings[0].fix).toContain('65000');
  });

  test('C09: cfn: the same ASN in another resolved region is accepted; without a region it stays a warning', () => {
    expect(checkCfn(stackView('us-east-1', { bgpAsn: 10124 }), [rule])).toEqual([]);
    const agnostic = stackView(undefined, { bgpAsn: 10124 });
    expect(agnostic.region).toBeUndefined();
    expect(checkCfn(agnostic, [rule]).map((f) => f.level)).toEqual(['warning']);
  });

  test('C09: the Aspect reports a region-specific ASN as an error annotation in a stack with env.region', () => {
    const app = new App();
    const stack = new Stack(app, 'Tokyo', { env: { region: 'ap-northeast-1' } });
    new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', ipAddress: '192.0.2.1', bgpAsn: 10124 });
    VpnRulesAspect.enable(app, { rules: [rule] });
    const errors = Annotations.fromStack(stack).findError('/Tokyo/Cgw', Match.stringLikeRegexp('MultiCloudVpn-CustomerGatewayAsnValid'));
    expect(errors).toHaveLength(1);
    expect(String(errors[0].entry.data)).toContain('BgpAsn 10124 is reserved by AWS in ap-northeast-1');
  });
});
