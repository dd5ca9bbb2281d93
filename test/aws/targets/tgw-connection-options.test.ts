import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { transitGatewayConnectionProps, type TunnelBandwidth } from '../../../lib/aws/targets/tgw-connection-options';
import { NoAccelerationOnVgw } from '../../../lib/rules/topology/NoAccelerationOnVgw';
import { checkCfn } from '../../../lib/check/registry';
import { cfnViewFromTemplate } from '../../../lib/check/views/cfn-view';

/** One connection on a new TGW with the options, as CloudFormation would receive it. */
function connection(options: Parameters<typeof transitGatewayConnectionProps>[1]) {
  const stack = new Stack(new App(), 'Test');
  const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', { amazonSideAsn: 64512 });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
  new ec2.CfnVPNConnection(stack, 'Connection', { type: 'ipsec.1', customerGatewayId: cgw.ref, ...transitGatewayConnectionProps(tgw.ref, options) });
  return Template.fromStack(stack).toJSON();
}

describe('C27: connection properties on a transit gateway', () => {
  test('C27: TransitGatewayId and never VpnGatewayId; acceleration and bandwidth appear only when given', () => {
    const plain = Object.values(connection({}).Resources as Record<string, { Type: string; Properties: Record<string, unknown>; }>).find((r) =>
      r.Type === 'AWS::EC2::VPNConnection'
    )!;
    expect(plain.Properties).toMatchObject({ TransitGatewayId: { Ref: 'Tgw' } });
    expect(plain.Properties.VpnGatewayId).toBeUndefined();
    expect(plain.Properties.EnableAcceleration).toBeUndefined();
    expect(plain.Properties.TunnelBandwidth).toBeUndefined();
  });

  test('C27: an accelerated connection on the TGW is written as such and passes NoAccelerationOnVgw', () => {
    const template = connection({ enableAcceleration: true });
    Template.fromJSON(template).hasResourceProperties('AWS::EC2::VPNConnection', { EnableAcceleration: true, TransitGatewayId: { Ref: 'Tgw' } });
    expect(checkCfn(cfnViewFromTemplate(template), [NoAccelerationOnVgw])).toEqual([]);
  });

  test.each(['standard', 'large'] as TunnelBandwidth[])('TunnelBandwidth %s is passed through', (tunnelBandwidth) => {
    Template.fromJSON(connection({ tunnelBandwidth })).hasResourceProperties('AWS::EC2::VPNConnection', { TunnelBandwidth: tunnelBandwidth });
  });

  test('large with acceleration, and an unknown bandwidth, are refused naming the field and the valid values', () => {
    expect(() => transitGatewayConnectionProps('tgw-0123456789abcdef0', { tunnelBandwidth: 'large', enableAcceleration: true }))
      .toThrow(/tunnelBandwidth: 'large' with enableAcceleration true[\s\S]*use 'standard', or enableAcceleration false/);
    expect(() => transitGatewayConnectionProps('tgw-0123456789abcdef0', { tunnelBandwidth: 'Large' as TunnelBandwidth }))
      .toThrow(/tunnelBandwidth: "Large" is not a value CloudFormation accepts[\s\S]*'standard' \(1\.25 Gbps per tunnel\) or 'large' \(5 Gbps\)/);
    expect(transitGatewayConnectionProps('tgw-0123456789abcdef0', { tunnelBandwidth: 'standard', enableAcceleration: true }))
      .toEqual({ transitGatewayId: 'tgw-0123456789abcdef0', enableAcceleration: true, tunnelBandwidth: 'standard' });
  });
});
