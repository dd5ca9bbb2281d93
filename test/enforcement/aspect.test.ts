import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { cfnViewFromStack, VpnRulesAspect } from '../../lib/enforcement';
import { RouteTablesRouteToVpnGateway } from '../../lib/rules/routing/RouteTablesRouteToVpnGateway';
import { SecurityRulesAdmitPeerCidrs } from '../../lib/rules/routing/SecurityRulesAdmitPeerCidrs';
import type { Rule } from '../../lib/check/kit/rule';
import { AZURE_VNET_CIDR, handWrittenVpn, vpnVpc } from './vpn-stacks';

const ours = Match.stringLikeRegexp('MultiCloudVpn-');

describe('VpnRulesAspect', () => {
  test('C01: a hand-written CfnVPNConnection with a misaligned inside CIDR gets an error naming rule, catalogue, path and fix', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    handWrittenVpn(stack, '169.254.21.1/30');
    VpnRulesAspect.enable(app);

    const errors = Annotations.fromStack(stack).findError('/Test/Handwritten', Match.stringLikeRegexp('MultiCloudVpn-InsideCidrIsApipaSlash30'));
    expect(errors).toHaveLength(1);
    const text = String(errors[0].entry.data);
    expect(text).toContain('[MultiCloudVpn-InsideCidrIsApipaSlash30 C01]');
    expect(text).toContain('Test/Handwritten:');
    expect(text).toContain("'169.254.21.1/30' has host bits set");
    expect(text).toContain('Fix: 169.254.21.0/30');
  });

  test('C01: the same stack with a valid inside CIDR gets no C01 annotation', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    handWrittenVpn(stack, '169.254.21.0/30');
    VpnRulesAspect.enable(app);
    expect(Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('InsideCidrIsApipaSlash30'))).toEqual([]);
  });

  test('C28: an error on a route table lands on that construct; a compliant VPN VPC has no annotation from these rules', () => {
    const routing: readonly Rule[] = [RouteTablesRouteToVpnGateway];
    const broken = new App();
    const brokenStack = new Stack(broken, 'Test');
    vpnVpc(brokenStack, { vpnRoutePropagation: [{ subnetType: ec2.SubnetType.PUBLIC }] });
    VpnRulesAspect.enable(broken, { rules: routing });
    expect(Annotations.fromStack(brokenStack).findError('/Test/Vpc/PrivateSubnet1/RouteTable', Match.stringLikeRegexp('C28'))).toHaveLength(1);

    const fine = new App();
    const fineStack = new Stack(fine, 'Test');
    vpnVpc(fineStack);
    VpnRulesAspect.enable(fine, { rules: routing });
    const annotations = Annotations.fromStack(fineStack);
    expect([...annotations.findError('*', ours), ...annotations.findWarning('*', ours)]).toEqual([]);
  });

  test('C30: the Aspect sees tags added with Tags.of() (it checks after every aspect ran) and warns on the security group', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    const vpc = vpnVpc(stack); // tags the VPN connection with the Azure VNet through Tags.of()
    new ec2.SecurityGroup(stack, 'FromVpcOnly', { vpc }).addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(443));
    VpnRulesAspect.enable(app, { rules: [SecurityRulesAdmitPeerCidrs] });
    const warnings = Annotations.fromStack(stack).findWarning('/Test/FromVpcOnly/Resource', ours);
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0].entry.data)).toContain(`not the Azure VNet ${AZURE_VNET_CIDR}`);
  });

  // Same stack as above, plus the acknowledgement.
  test('C30: a warning is acknowledged with Validations.of(construct).acknowledge and the MultiCloudVpn id', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    const group = new ec2.SecurityGroup(stack, 'FromVpcOnly', { vpc: vpnVpc(stack) });
    group.addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(443));
    Validations.of(group).acknowledge({ id: 'MultiCloudVpn-SecurityRulesAdmitPeerCidrs', reason: 'internal only, never reached from Azure' });
    VpnRulesAspect.enable(app, { rules: [SecurityRulesAdmitPeerCidrs] });
    expect(Annotations.fromStack(stack).findWarning('*', ours)).toEqual([]);
  });

  test('C01: every stack of the app is checked, not only the first', () => {
    const app = new App();
    new ec2.CfnVPC(new Stack(app, 'Clean'), 'Vpc', { cidrBlock: '10.9.0.0/16' });
    const second = new Stack(app, 'Second');
    handWrittenVpn(second, '169.254.21.1/30');
    VpnRulesAspect.enable(app);
    expect(Annotations.fromStack(second).findError('/Second/Handwritten', Match.stringLikeRegexp('C01'))).toHaveLength(1);
  });
});

describe('cfnViewFromStack', () => {
  test('renders resources with construct paths and resolved references, like the synthesized template', () => {
    const app = new App();
    const stack = new Stack(app, 'Test');
    handWrittenVpn(stack, '169.254.21.0/30');
    const { view, resources } = cfnViewFromStack(stack);
    const connection = view.resources.find((r) => r.type === 'AWS::EC2::VPNConnection');
    expect(connection?.path).toBe('Test/Handwritten');
    expect(connection?.properties.VpnGatewayId).toEqual({ Ref: view.resources.find((r) => r.type === 'AWS::EC2::VPNGateway')?.logicalId });
    expect(resources.get('Test/Handwritten')).toBe(stack.node.findChild('Handwritten'));
  });
});
