import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validatePlan } from '../../../lib/check/validate';
import { InsideCidrNotReserved } from '../../../lib/rules/inside-cidr/InsideCidrNotReserved';
import { checkCfn } from '../../../lib/check/registry';
import { synthView } from '../fixtures';

const rule = InsideCidrNotReserved;
const findingsOf = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === rule.id);
const planWith = (insideCidr: string) => ({ tunnels: [{ azureInstance: 1, awsTunnel: 2, insideCidr }] });

function connectionView(cidrs: string[]) {
  return synthView((stack) => {
    const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
    const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', ipAddress: '192.0.2.1', bgpAsn: 65000 });
    new ec2.CfnVPNConnection(stack, 'Conn', {
      type: 'ipsec.1',
      customerGatewayId: cgw.ref,
      vpnGatewayId: vgw.ref,
      vpnTunnelOptionsSpecifications: cidrs.map((tunnelInsideCidr) => ({ tunnelInsideCidr })),
    });
  });
}

describe('C02 InsideCidrNotReserved', () => {
  test('C02: the default plan and a free /30 next to a reserved one have no finding', () => {
    expect(findingsOf({})).toEqual([]);
    expect(findingsOf(planWith('169.254.6.0/30'))).toEqual([]);
    expect(findingsOf(planWith('169.254.169.248/30'))).toEqual([]);
  });

  test.each(['169.254.0.0/30', '169.254.5.0/30', '169.254.169.252/30'])('C02: plan refuses the reserved block %s', (cidr) => {
    const findings = findingsOf(planWith(cidr));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'tunnels[0].insideCidr', ruleId: rule.id, catalogue: ['C02'], level: 'error' });
    expect(findings[0].message).toContain(cidr);
    expect(findings[0].fix).toMatch(/169\.254\.21\.0\/30/);
  });

  test('C02: a wrongly sized block covering reserved ones is reported too (C01 reports the size)', () => {
    const findings = findingsOf(planWith('169.254.0.0/23'));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('169.254.0.0/30, 169.254.1.0/30');
  });

  test('C02: an unparseable CIDR is left to C01', () => {
    expect(findingsOf(planWith('169.254.0.0/3O'))).toEqual([]);
  });

  test('C02: cfn accepts free inside CIDRs and refuses a reserved one on the VPN connection', () => {
    expect(checkCfn(connectionView(['169.254.21.0/30', '169.254.22.0/30']), [rule])).toEqual([]);
    const view = connectionView(['169.254.21.0/30', '169.254.169.252/30']);
    const findings = checkCfn(view, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: view.resources.find((r) => r.type === 'AWS::EC2::VPNConnection')!.path, catalogue: ['C02'] });
    expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications[1].TunnelInsideCidr');
    expect(findings[0].message).toContain('169.254.169.252/30');
  });
});
