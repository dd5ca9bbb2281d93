import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MulticloudVpnChecks } from '../../lib/enforcement';
import { InsideCidrIsApipaSlash30 } from '../../lib/rules/inside-cidr/InsideCidrIsApipaSlash30';
import { RULES } from '../../lib/check/registry';
import { RouteTablesRouteToVpnGateway } from '../../lib/rules/routing/RouteTablesRouteToVpnGateway';
import { handWrittenVpn, vpnVpc } from './vpn-stacks';

/** The message `app.synth()` fails with, or undefined when it succeeds. */
function synthFailure(app: App): string | undefined {
  try {
    app.synth();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('MulticloudVpnChecks (cdk-nag 3 pack)', () => {
  test('the pack exposes exactly the registry rules that have a CloudFormation check, as MultiCloudVpn-<id>', () => {
    const pack = new MulticloudVpnChecks();
    expect(pack.ruleIds).toEqual(RULES.filter((rule) => rule.cfn).map((rule) => `MultiCloudVpn-${rule.id}`));
    expect(pack.ruleIds).toEqual(expect.arrayContaining([
      'MultiCloudVpn-InsideCidrIsApipaSlash30',
      'MultiCloudVpn-RouteTablesRouteToVpnGateway',
      'MultiCloudVpn-TransitGatewayVpnRouting',
      'MultiCloudVpn-SecurityRulesAdmitPeerCidrs',
      'MultiCloudVpn-GatewayEndpointRouteTablesAndDns',
      'MultiCloudVpn-GatewayEndpointTrafficAllowed',
      'MultiCloudVpn-GatewayEndpointNotReachableOverVpn',
    ]));
    expect(pack.name).toBe('MultiCloudVpn');
  });

  test('a stack without VPN resources passes every rule of the registry', () => {
    const app = new App();
    new ec2.Vpc(new Stack(app, 'Test'), 'Vpc', { maxAzs: 1, natGateways: 0 });
    Validations.of(app).addPlugins(new MulticloudVpnChecks(app));
    expect(synthFailure(app)).toBeUndefined();
  });

  test('C28–C33: a compliant VPN VPC passes the routing rules', () => {
    const app = new App();
    vpnVpc(new Stack(app, 'Test'));
    const routingRules = RULES.filter((r) => /^C(2[89]|3[0-3])$/.test(r.catalogue[0]));
    expect(routingRules).toHaveLength(6);
    Validations.of(app).addPlugins(new MulticloudVpnChecks(app, { rules: routingRules }));
    expect(synthFailure(app)).toBeUndefined();
  });

  test('C01: a hand-written CfnVPNConnection with a bad inside CIDR fails synthesis with our rule id and construct path', () => {
    const app = new App();
    handWrittenVpn(new Stack(app, 'Test'), '169.254.21.1/30');
    Validations.of(app).addPlugins(new MulticloudVpnChecks(app));
    const failure = synthFailure(app);
    expect(failure).toContain('MultiCloudVpn-InsideCidrIsApipaSlash30');
    expect(failure).toContain('Test/Handwritten');
  });

  test('C01: an acknowledgement on the construct (Validations.of().acknowledge) suppresses the finding', () => {
    const outcome = (acknowledged: boolean) => {
      const app = new App();
      const connection = handWrittenVpn(new Stack(app, 'Test'), '169.254.21.1/30');
      if (acknowledged) {
        Validations.of(connection).acknowledge({ id: 'MultiCloudVpn-InsideCidrIsApipaSlash30', reason: 'test of the acknowledgement path' });
      }
      Validations.of(app).addPlugins(new MulticloudVpnChecks(app, { rules: [InsideCidrIsApipaSlash30] }));
      return synthFailure(app);
    };
    expect(outcome(false)).toContain('MultiCloudVpn-InsideCidrIsApipaSlash30');
    expect(outcome(true)).toBeUndefined();
  });

  test('C28: a cross-resource finding is evaluated over the whole stack and reported on the route table it is about', () => {
    const app = new App();
    vpnVpc(new Stack(app, 'Test'), { vpnRoutePropagation: [{ subnetType: ec2.SubnetType.PUBLIC }] });
    app.synth(); // finalize the tree (aspects, tags) as the validation phase sees it
    const report = new MulticloudVpnChecks(undefined, { rules: [RouteTablesRouteToVpnGateway] }).validateScope(app);
    expect(report.success).toBe(false);
    expect(report.violations).toHaveLength(1);
    expect(report.violations[0]).toMatchObject({ ruleName: 'MultiCloudVpn-RouteTablesRouteToVpnGateway', severity: 'error' });
    expect(report.violations[0].violatingResources.map((r) => r.constructPath)).toEqual(['Test/Vpc/PrivateSubnet1/RouteTable']);
    expect(report.violations[0].description).toContain('[MultiCloudVpn-RouteTablesRouteToVpnGateway C28]');
  });

  test('C28: a warning is reported but does not fail synthesis; an error does', () => {
    const build = (propagateTo: ec2.SubnetType) => {
      const app = new App();
      // Public route tables without propagation: a C28 warning (not the subnets meant to reach the peer).
      vpnVpc(new Stack(app, 'Test'), { vpnRoutePropagation: [{ subnetType: propagateTo }] });
      app.synth();
      return new MulticloudVpnChecks(undefined, { rules: [RouteTablesRouteToVpnGateway] }).validateScope(app);
    };
    const warningOnly = build(ec2.SubnetType.PRIVATE_ISOLATED);
    expect(warningOnly.violations.length).toBeGreaterThan(0);
    expect(warningOnly.violations.every((v) => v.severity === 'warning')).toBe(true);
    expect(warningOnly.success).toBe(true);
    const withError = build(ec2.SubnetType.PUBLIC);
    expect(withError.violations.some((v) => v.severity === 'error')).toBe(true);
    expect(withError.success).toBe(false);
  });

  test("cdk-nag's own AwsSolutionsChecks runs in the same engine next to our pack", () => {
    const app = new App();
    new s3.Bucket(new Stack(app, 'Test'), 'Bucket');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new MulticloudVpnChecks(app));
    const failure = synthFailure(app);
    expect(failure).toContain('AwsSolutions-S1');
    expect(failure).not.toContain('MultiCloudVpn-');
  });
});
