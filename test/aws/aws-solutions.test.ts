/**
 * cdk-nag's AwsSolutions pack on a user's stack: the construct's own resources (gateway, customer
 * gateways, connections, secrets, the outside IP reader's Lambdas and roles) raise no unacknowledged
 * finding, and each acknowledgement carries its reason, so users running AwsSolutions inherit them.
 */
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AzureVpnConnections, TunnelOutsideIps } from '../../lib/aws-entry';
import { AZURE_IPS, documentedPlan } from './helpers';

function userStack() {
  const app = new App();
  const stack = new Stack(app, 'User');
  // The user's VPC, without flow logs: its findings are the user's, not the construct's.
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const vpn = new AzureVpnConnections(stack, 'AzureVpn', { plan: documentedPlan(), vpc, azureGatewayPublicIps: AZURE_IPS });
  return { app, stack, vpn };
}

/** Every acknowledgement recorded under `scope`: rule id → reason, with the construct path. */
function acknowledgements(scope: AzureVpnConnections): { path: string; id: string; reason: string; }[] {
  return scope.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason }))
      )
  );
}

describe('AwsSolutions (cdk-nag) on the construct', () => {
  test("no unacknowledged AwsSolutions finding on any resource of the construct; the user's own VPC still gets its findings", () => {
    const { app } = userStack();
    const report = new AwsSolutionsChecks(app).validateScope(app);
    const onConstruct = report.violations.flatMap((v) =>
      v.violatingResources
        .filter((r) => r.constructPath?.startsWith('User/AzureVpn/'))
        .map((r) => `${v.ruleName} ${r.constructPath}`)
    );
    expect(onConstruct).toEqual([]);
    // The check is live: the user's VPC without flow logs is reported.
    expect(report.violations.map((v) => v.ruleName)).toContain('AwsSolutions-VPC7');
  });

  test('C22: each pre-shared key secret acknowledges SMG4 (no automatic rotation) because both ends must change together', () => {
    const { vpn } = userStack();
    const smg4 = acknowledgements(vpn).filter((a) => a.id === 'AwsSolutions-SMG4');
    expect(smg4.map((a) => a.path).sort()).toEqual(Object.values(vpn.presharedKeySecrets).map((s) => s.node.path).sort());
    for (const a of smg4) expect(a.reason).toMatch(/both ends/);
  });

  test('the only other acknowledgements are the two IAM5 wildcards, each naming its finding and its reason', () => {
    const { vpn } = userStack();
    const others = acknowledgements(vpn).filter((a) => a.id !== 'AwsSolutions-SMG4');
    expect(others).toEqual([
      {
        path: 'User/AzureVpn/TunnelOutsideIps/HandlerRole',
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: expect.stringMatching(/DescribeVpnConnections supports no resource-level permissions/),
      },
      {
        path: 'User/AzureVpn/TunnelOutsideIps/ProviderRole',
        id: expect.stringMatching(/^AwsSolutions-IAM5\[Resource::<AzureVpnTunnelOutsideIpsHandler[0-9A-F]{8}\.Arn>:\*\]$/),
        reason: expect.stringMatching(/Provider framework/),
      },
    ]);
  });

  test('IAM5: another wildcard added to the handler role is still reported (acknowledgements are per finding)', () => {
    const { app, vpn } = userStack();
    const reader = vpn.node.findChild('TunnelOutsideIps') as TunnelOutsideIps;
    reader.handler.addToRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/*'] }));
    const report = new AwsSolutionsChecks(app).validateScope(app);
    expect(report.violations.map((v) => v.ruleName)).toContain('AwsSolutions-IAM5[Resource::arn:aws:s3:::bucket/*]');
  });
});
