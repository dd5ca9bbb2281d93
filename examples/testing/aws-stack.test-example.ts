/**
 * Example: unit-testing YOUR stack that uses `AzureVpnConnections`, with aws-cdk-lib/assertions.
 * Copy it next to your stack as `*.test.ts`; here test/examples/testing.test.ts runs it under jest.
 *
 * No credentials and no Azure: the Azure gateway IPs are plain test values (public unicast
 * addresses; the construct refuses private and documentation ranges).
 */
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AzureVpnConnections } from '../../lib/aws-entry';
import { VpnRulesAspect } from '../../lib/enforcement';
import { planVpn } from '../../lib/check/validate';
import { ExistingVpcStack } from '../existing-vpc';

const AZURE_IPS: readonly [string, string] = ['20.10.0.1', '20.10.0.2'];

/** Your stack in a fresh app, with the rules Aspect as in production. */
function synth() {
  const app = new App();
  const stack = new ExistingVpcStack(app, 'MyStack', { azureGatewayPublicIps: AZURE_IPS });
  VpnRulesAspect.enable(app);
  return { stack, template: Template.fromStack(stack) };
}

describe('my stack with the Azure VPN', () => {
  const { stack, template } = synth();

  test('C12, C15: two BGP VPN connections, one per Azure gateway instance', () => {
    template.resourceCountIs('AWS::EC2::VPNConnection', 2);
    template.resourceCountIs('AWS::EC2::CustomerGateway', 2);
    template.hasResourceProperties('AWS::EC2::CustomerGateway', { IpAddress: AZURE_IPS[0], BgpAsn: 65000 });
    template.hasResourceProperties('AWS::EC2::CustomerGateway', { IpAddress: AZURE_IPS[1], BgpAsn: 65000 });
    template.allResourcesProperties('AWS::EC2::VPNConnection', { StaticRoutesOnly: false });
  });

  test('C01, C03: connection 1 carries the documented inside CIDRs of Azure instance 0', () => {
    template.hasResourceProperties('AWS::EC2::VPNConnection', {
      VpnTunnelOptionsSpecifications: [
        Match.objectLike({ TunnelInsideCidr: '169.254.21.0/30', StartupAction: 'start' }),
        Match.objectLike({ TunnelInsideCidr: '169.254.22.0/30', StartupAction: 'start' }),
      ],
    });
  });

  test('C23: every pre-shared key is a Secrets Manager dynamic reference, never a value', () => {
    const connections = Object.values(template.findResources('AWS::EC2::VPNConnection'));
    const keys = connections.flatMap((c) => c.Properties.VpnTunnelOptionsSpecifications.map((t: { PreSharedKey: unknown; }) => t.PreSharedKey));
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(JSON.stringify(key)).toContain('{{resolve:secretsmanager:');
  });

  test('C28: the App and Data route tables learn the Azure routes, the Public ones do not', () => {
    const propagations = template.findResources('AWS::EC2::VPNGatewayRoutePropagation');
    const tables = Object.values(propagations).flatMap((p) => p.Properties.RouteTableIds.map((r: { Ref: string; }) => r.Ref));
    expect(tables).toHaveLength(4); // 2 AZs x (App, Data)
    expect(tables.every((t: string) => /VpcAppSubnet|VpcDataSubnet/.test(t))).toBe(true);
  });

  test('the rules Aspect reports no error on the stack', () => {
    Annotations.fromStack(stack).hasNoError('*', Match.anyValue());
  });
});

describe('what the rules Aspect catches in a stack', () => {
  test('C28: a subnet group left out of route propagation is an error on its route table', () => {
    const app = new App();
    const stack = new ExistingVpcStack(app, 'Stack', { azureGatewayPublicIps: AZURE_IPS });
    // A second VPN that forgets the Data subnets (the construct's default selects private-with-egress only).
    const vpc = new ec2.Vpc(stack, 'OtherVpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.40.0.0/16'),
      maxAzs: 1,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });
    new AzureVpnConnections(stack, 'OtherVpn', {
      plan: planVpn({ name: 'other', aws: { vpcCidr: '10.40.0.0/16' } }),
      vpc,
      azureGatewayPublicIps: ['20.10.0.3', '20.10.0.4'],
    });
    VpnRulesAspect.enable(app);

    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('C28'));
    expect(errors.map((e) => e.id)).toEqual(['/Stack/OtherVpc/DataSubnet1/RouteTable']);
  });
});
