import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { type PlanOptions } from '../../../lib/plan';
import { planVpn, validatePlan } from '../../../lib/check/validate';
import { InsideCidrUnique } from '../../../lib/rules/inside-cidr/InsideCidrUnique';
import { checkCfn } from '../../../lib/check/registry';
import { synthView } from '../fixtures';

const rule = InsideCidrUnique;
const findingsOf = (input: unknown, options?: PlanOptions) => validatePlan(input, options).findings.filter((f) => f.ruleId === rule.id);

function connection(stack: Stack, id: string, gatewayId: string, cidrs: string[], on: 'vpnGatewayId' | 'transitGatewayId' = 'vpnGatewayId') {
  const cgw = new ec2.CfnCustomerGateway(stack, `${id}Cgw`, { type: 'ipsec.1', ipAddress: '192.0.2.1', bgpAsn: 65000 });
  return new ec2.CfnVPNConnection(stack, id, {
    type: 'ipsec.1',
    customerGatewayId: cgw.ref,
    [on]: gatewayId,
    vpnTunnelOptionsSpecifications: cidrs.map((tunnelInsideCidr) => ({ tunnelInsideCidr })),
  });
}

describe('C04 InsideCidrUnique', () => {
  test('C04: the default plan, and a second default plan on the same Azure gateway, have no finding', () => {
    expect(findingsOf({})).toEqual([]);
    expect(findingsOf({ name: 'second' }, { sharedGateway: [planVpn()] })).toEqual([]);
  });

  test('C04: plan refuses two tunnels with the same inside CIDR, naming the other tunnel', () => {
    const findings = findingsOf({
      tunnels: [
        { azureInstance: 0, awsTunnel: 1, insideCidr: '169.254.21.0/30' },
        { azureInstance: 1, awsTunnel: 1, insideCidr: '169.254.21.0/30' },
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'tunnels[1].insideCidr', ruleId: rule.id, catalogue: ['C04'], level: 'error' });
    expect(findings[0].message).toContain('tunnels[0]');
  });

  test('C04: plan refuses a CIDR inside a block another site uses on the Azure gateway (azure.apipaInUse)', () => {
    const findings = findingsOf({
      azure: { apipaInUse: ['169.254.21.0/24'] },
      tunnels: [{ azureInstance: 1, awsTunnel: 1, insideCidr: '169.254.21.4/30' }],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe('tunnels[0].insideCidr');
    expect(findings[0].message).toContain('azure.apipaInUse[0]');
  });

  test('C04: plan refuses a CIDR another plan on the same Azure gateway already has', () => {
    const first = planVpn({ name: 'vpc-a' });
    const findings = findingsOf({ name: 'vpc-b', tunnels: [{ azureInstance: 0, awsTunnel: 2, insideCidr: first.tunnels[1].insideCidr }] }, {
      sharedGateway: [first],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("plan 'vpc-a'");
    expect(findings[0].message).toContain(first.tunnels[1].insideCidr);
  });

  test('C04: plan reports an apipaInUse entry it cannot read, with its path', () => {
    const findings = findingsOf({ azure: { apipaInUse: ['169.254.21.0/30', '169.254.21.10'] } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'azure.apipaInUse[1]', catalogue: ['C04'] });
    expect(findings[0].message).toContain('169.254.21.10');
    expect(findings[0].fix).toContain('/32');
  });

  test('C04: cfn accepts the same CIDRs on different gateways and refuses a repeat on one VGW', () => {
    const separate = synthView((stack) => {
      const a = new ec2.CfnVPNGateway(stack, 'VgwA', { type: 'ipsec.1' });
      const b = new ec2.CfnVPNGateway(stack, 'VgwB', { type: 'ipsec.1' });
      connection(stack, 'ConnA', a.ref, ['169.254.21.0/30', '169.254.22.0/30']);
      connection(stack, 'ConnB', b.ref, ['169.254.21.0/30', '169.254.22.0/30']);
    });
    expect(checkCfn(separate, [rule])).toEqual([]);

    const shared = synthView((stack) => {
      const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
      connection(stack, 'Conn1', vgw.ref, ['169.254.21.0/30', '169.254.22.0/30']);
      connection(stack, 'Conn2', vgw.ref, ['169.254.21.4/30', '169.254.22.0/30']);
    });
    const findings = checkCfn(shared, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: shared.resources.find((r) => r.logicalId === 'Conn2')!.path, catalogue: ['C04'] });
    expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications[1].TunnelInsideCidr');
    expect(findings[0].message).toContain('Conn1');
  });

  test('C04: cfn groups connections by a literal gateway id too', () => {
    const view = synthView((stack) => {
      connection(stack, 'Conn1', 'vgw-0123456789abcdef0', ['169.254.21.0/30']);
      connection(stack, 'Conn2', 'vgw-0123456789abcdef0', ['169.254.21.2/31']);
    });
    expect(checkCfn(view, [rule]).map((f) => f.message)).toEqual([expect.stringContaining('vgw-0123456789abcdef0')]);
  });

  test('C04: cfn refuses a repeated inside CIDR on one transit gateway, and accepts it on two', () => {
    const shared = synthView((stack) => {
      const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', {});
      connection(stack, 'Conn1', tgw.ref, ['169.254.21.0/30', '169.254.22.0/30'], 'transitGatewayId');
      connection(stack, 'Conn2', tgw.ref, ['169.254.21.4/30', '169.254.22.0/30'], 'transitGatewayId');
    });
    const findings = checkCfn(shared, [rule]);
    expect(findings.map((f) => [f.path, f.catalogue])).toEqual([[shared.resources.find((r) => r.logicalId === 'Conn2')!.path, ['C04']]]);
    expect(findings[0].message).toMatch(/TunnelInsideCidr '169\.254\.22\.0\/30' overlaps .*Conn1.* on the same TransitGatewayId Tgw\./);

    const separate = synthView((stack) => {
      connection(stack, 'ConnA', new ec2.CfnTransitGateway(stack, 'TgwA', {}).ref, ['169.254.21.0/30'], 'transitGatewayId');
      connection(stack, 'ConnB', new ec2.CfnTransitGateway(stack, 'TgwB', {}).ref, ['169.254.21.0/30'], 'transitGatewayId');
    });
    expect(checkCfn(separate, [rule])).toEqual([]);
  });
});
