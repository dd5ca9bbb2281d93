import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validatePlan } from '../../../lib/check/validate';
import { TunnelInsideIpv4OnVgw } from '../../../lib/rules/inside-cidr/TunnelInsideIpv4OnVgw';
import { checkCfn } from '../../../lib/check/registry';
import { synthView } from '../fixtures';

const rule = TunnelInsideIpv4OnVgw;
const findingsOf = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === rule.id);

function view(target: 'vgw' | 'tgw', extra: Partial<ec2.CfnVPNConnectionProps>) {
  return synthView((stack) => {
    const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', ipAddress: '192.0.2.1', bgpAsn: 65000 });
    const gateway = target === 'vgw'
      ? { vpnGatewayId: new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' }).ref }
      : { transitGatewayId: new ec2.CfnTransitGateway(stack, 'Tgw', {}).ref };
    new ec2.CfnVPNConnection(stack, 'Conn', { type: 'ipsec.1', customerGatewayId: cgw.ref, ...gateway, ...extra });
  });
}

describe('C06 TunnelInsideIpv4OnVgw', () => {
  test('C06: the default plan (ipv4) has no finding', () => {
    expect(findingsOf({})).toEqual([]);
  });

  test('C06: plan refuses aws.tunnelInsideIpVersion ipv6', () => {
    const findings = findingsOf({ aws: { tunnelInsideIpVersion: 'ipv6' } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'aws.tunnelInsideIpVersion', ruleId: rule.id, catalogue: ['C06'], level: 'error' });
    expect(findings[0].message).toContain('ipv6');
    expect(findings[0].fix).toContain('ipv4');
  });

  test('C06: plan refuses an IPv6 inside CIDR (and C01 leaves it to C06)', () => {
    const findings = validatePlan({ tunnels: [{ azureInstance: 0, awsTunnel: 1, insideCidr: 'fd00::/126' }] }).findings;
    expect(findings.filter((f) => f.catalogue.includes('C01'))).toEqual([]);
    const ours = findings.filter((f) => f.ruleId === rule.id);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ path: 'tunnels[0].insideCidr' });
    expect(ours[0].message).toContain('fd00::/126');
  });

  test('C06: cfn accepts an IPv4 connection on a VGW and an IPv6 one on a transit gateway', () => {
    expect(
      checkCfn(view('vgw', { tunnelInsideIpVersion: 'ipv4', vpnTunnelOptionsSpecifications: [{ tunnelInsideCidr: '169.254.21.0/30' }] }), [rule]),
    ).toEqual([]);
    expect(checkCfn(view('tgw', { tunnelInsideIpVersion: 'ipv6', vpnTunnelOptionsSpecifications: [{ tunnelInsideIpv6Cidr: 'fd00::/126' }] }), [rule]))
      .toEqual([]);
  });

  test('C06: cfn refuses IPv6 inside addressing on a VGW, with every offending property', () => {
    const synthesized = view('vgw', { tunnelInsideIpVersion: 'ipv6', vpnTunnelOptionsSpecifications: [{ tunnelInsideIpv6Cidr: 'fd00::/126' }] });
    const findings = checkCfn(synthesized, [rule]);
    const connection = synthesized.resources.find((r) => r.type === 'AWS::EC2::VPNConnection')!;
    expect(findings.map((f) => f.path)).toEqual([connection.path, connection.path]);
    expect(findings[0]).toMatchObject({ catalogue: ['C06'], level: 'error' });
    expect(findings.map((f) => f.message).join(' ')).toMatch(/TunnelInsideIpVersion.*TunnelInsideIpv6Cidr.*fd00::\/126/s);
  });

  test('C06: cfn refuses IPv6 outside addressing on a VGW', () => {
    const findings = checkCfn(view('vgw', { outsideIpAddressType: 'Ipv6' }), [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('OutsideIpAddressType');
  });
});
