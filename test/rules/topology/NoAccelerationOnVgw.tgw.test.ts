/**
 * C27 on transit gateway targets: acceleration is allowed only on a transit gateway, so accelerated
 * connections made by the TGW constructs (lib/aws/targets) pass, and an accelerated connection on a
 * VGW next to them is still refused.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NoAccelerationOnVgw } from '../../../lib/rules/topology/NoAccelerationOnVgw';
import { checkCfn } from '../../../lib/check/registry';
import { tgwStack } from '../../aws/targets/tgw-stacks';
import { synthView } from '../fixtures';

const check = (view: Parameters<typeof checkCfn>[0]) => checkCfn(view, [NoAccelerationOnVgw]);

describe('C27 NoAccelerationOnVgw on transit gateway targets', () => {
  test('C27: accelerated connections on a new transit gateway (the constructs) pass', () => {
    const { view } = tgwStack({ connectionProps: () => ({ enableAcceleration: true }) });
    expect(view.resources.filter((r) => r.type === 'AWS::EC2::VPNConnection').map((r) => r.properties.EnableAcceleration)).toEqual([true, true]);
    expect(check(view)).toEqual([]);
  });

  test('C27: accelerated connections on an existing transit gateway given by id pass', () => {
    const view = synthView((stack) => {
      const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
      new ec2.CfnVPNConnection(stack, 'Connection', {
        type: 'ipsec.1',
        customerGatewayId: cgw.ref,
        transitGatewayId: 'tgw-0123456789abcdef0',
        enableAcceleration: true,
      });
    });
    expect(check(view)).toEqual([]);
  });

  test('C27: an accelerated VGW connection in the same template as the TGW ones is refused, and only it', () => {
    const view = synthView((s) => {
      const tgw = new ec2.CfnTransitGateway(s, 'Tgw', { amazonSideAsn: 64512 });
      const g = new ec2.CfnCustomerGateway(s, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
      new ec2.CfnVPNConnection(s, 'TgwConnection', {
        type: 'ipsec.1',
        customerGatewayId: g.ref,
        transitGatewayId: tgw.ref,
        enableAcceleration: true,
      });
      const v = new ec2.CfnVPNGateway(s, 'Vgw', { type: 'ipsec.1' });
      new ec2.CfnVPNConnection(s, 'VgwConnection', { type: 'ipsec.1', customerGatewayId: g.ref, vpnGatewayId: v.ref, enableAcceleration: true });
    });
    const findings = check(view);
    expect(findings.map((f) => [f.path, f.level, f.catalogue])).toEqual([['VgwConnection', 'error', ['C27']]]);
    expect(findings[0].fix).toContain('TransitGatewayId instead of VpnGatewayId');
  });

  test("C27: EnableAcceleration given as the string 'true' on a VGW is refused too; false on a VGW passes", () => {
    const view = (value: boolean | string) =>
      synthView((s) => {
        const g = new ec2.CfnCustomerGateway(s, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
        const c = new ec2.CfnVPNConnection(s, 'Connection', { type: 'ipsec.1', customerGatewayId: g.ref, vpnGatewayId: 'vgw-0123456789abcdef0' });
        c.addPropertyOverride('EnableAcceleration', value);
      });
    expect(check(view('true')).map((f) => f.level)).toEqual(['error']);
    expect(check(view(false))).toEqual([]);
  });
});
