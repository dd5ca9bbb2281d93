/**
 * The gateway-target seam (lib/aws/targets): the VGW target alone makes the gateway side that 0.1
 * made (C08 ASN, C19 one VGW per VPC, C28 propagation), and names the gateway in the connection's
 * props through `vpnGatewayId` only.
 */
import { readFileSync } from 'node:fs';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { gatewayTargetFor } from '../../lib/aws/targets';
import { VgwTarget } from '../../lib/aws/targets/vgw';
import { documentedPlan } from './helpers';

function scopeWithVpc(vpcProps: ec2.VpcProps = {}) {
  const stack = new Stack(new App(), 'Test');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, ...vpcProps });
  return { stack, vpc, scope: new Construct(stack, 'AzureVpn') };
}

describe('VGW gateway target', () => {
  test('C08, C28: a new gateway with the plan ASN, attached, propagated into the private route tables after the attachment', () => {
    const { stack, vpc, scope } = scopeWithVpc({ natGateways: 1 });
    const plan = documentedPlan();
    const bound = gatewayTargetFor(plan, { vpc }).bind(scope, plan);
    expect(scope.node.children.map((c) => c.node.id)).toEqual(['VpnGateway', 'VpnGatewayAttachment', 'RoutePropagation']);
    const template = Template.fromStack(stack);
    const [vgw] = Object.keys(template.findResources('AWS::EC2::VPNGateway', { Properties: { AmazonSideAsn: plan.aws.asn } }));
    expect(stack.resolve(bound.connectionProps)).toEqual({ vpnGatewayId: { 'Fn::GetAtt': [vgw, 'VPNGatewayId'] } });
    expect(bound.connectionProps).not.toHaveProperty('transitGatewayId');
    expect(bound.amazonSideAsn).toBe(plan.aws.asn);
    expect(bound.output.key).toBe('VpnGatewayId');
    const propagation = Object.values(template.findResources('AWS::EC2::VPNGatewayRoutePropagation'))[0];
    expect(propagation.DependsOn).toEqual(
      Object.keys(
        template.findResources('AWS::EC2::VPCGatewayAttachment', { Properties: { VpnGatewayId: { 'Fn::GetAtt': [vgw, 'VPNGatewayId'] } } }),
      ),
    );
    expect(propagation.DependsOn).toHaveLength(1);
    expect(propagation.Properties.RouteTableIds).toEqual(vpc.privateSubnets.map((s) => stack.resolve(s.routeTable.routeTableId)));
  });

  test('C11, C19: an existing gateway is used as given, nothing is created without propagation, and a VPC with a VGW needs its id', () => {
    const { vpc, scope } = scopeWithVpc();
    const bound = new VgwTarget({ vpc, vpnGatewayId: 'vgw-0123456789abcdef0', enableRoutePropagation: false }).bind(scope, documentedPlan());
    expect(bound.connectionProps).toEqual({ vpnGatewayId: 'vgw-0123456789abcdef0' });
    expect(bound.gatewayId).toBe('vgw-0123456789abcdef0');
    expect(scope.node.children).toEqual([]);
    const withVgw = scopeWithVpc({ vpnGateway: true });
    expect(new VgwTarget({ vpc: withVgw.vpc }).problems()).toEqual([
      expect.stringMatching(/^vpnGatewayId: not given, but the VPC already has .*C19/),
    ]);
    expect(new VgwTarget({ vpc: withVgw.vpc, vpnGatewayId: withVgw.vpc.vpnGatewayId }).problems()).toEqual([]);
  });
});

test('the construct makes no gateway-side resource itself and names no gateway kind: all of it is behind the target seam', () => {
  const source = readFileSync(`${__dirname}/../../lib/aws/site-to-site-vpn.ts`, 'utf8');
  for (
    const gatewaySide of [
      'new ec2.CfnVPNGateway',
      'CfnVPCGatewayAttachment',
      'CfnVPNGatewayRoutePropagation',
      'transitGatewayId',
      'CfnTransitGateway',
      'instanceof VgwTarget',
    ]
  ) {
    expect(source).not.toContain(gatewaySide);
  }
  expect(source).toContain('...gateway.connectionProps');
});
