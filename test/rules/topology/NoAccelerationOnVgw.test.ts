import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validatePlan } from '../../../lib/check/validate';
import { NoAccelerationOnVgw } from '../../../lib/rules/topology/NoAccelerationOnVgw';
import { checkCfn } from '../../../lib/check/registry';
import { synthView } from '../fixtures';

const rule = [NoAccelerationOnVgw];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === NoAccelerationOnVgw.id);

function connection(stack: Stack, gateway: 'vgw' | 'tgw', enableAcceleration?: boolean): void {
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65000, ipAddress: '203.0.113.10' });
  const target = gateway === 'vgw'
    ? { vpnGatewayId: new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' }).ref }
    : { transitGatewayId: new ec2.CfnTransitGateway(stack, 'Tgw', {}).ref };
  new ec2.CfnVPNConnection(stack, 'Connection', { type: 'ipsec.1', customerGatewayId: cgw.ref, enableAcceleration, ...target });
}

describe('NoAccelerationOnVgw', () => {
  test('C27: the default plan (no acceleration) has no finding', () => {
    expect(ofRule({})).toEqual([]);
  });

  test('C27: aws.enableAcceleration true is a plan error', () => {
    const findings = ofRule({ aws: { enableAcceleration: true } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'aws.enableAcceleration', ruleId: 'NoAccelerationOnVgw', catalogue: ['C27'], level: 'error' });
    expect(findings[0].fix).toContain('false');
  });

  test('C27: a VGW connection without acceleration and an accelerated TGW connection pass', () => {
    expect(checkCfn(synthView((s) => connection(s, 'vgw', false)), rule)).toEqual([]);
    expect(checkCfn(synthView((s) => connection(s, 'tgw', true)), rule)).toEqual([]);
  });

  test('C27: EnableAcceleration on a VGW connection is an error', () => {
    const findings = checkCfn(synthView((s) => connection(s, 'vgw', true)), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'Connection', level: 'error' });
    expect(findings[0].message).toContain('EnableAcceleration is true');
  });
});
