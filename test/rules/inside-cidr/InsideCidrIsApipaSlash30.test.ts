import { Fn } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validatePlan } from '../../../lib/check/validate';
import { InsideCidrIsApipaSlash30 } from '../../../lib/rules/inside-cidr/InsideCidrIsApipaSlash30';
import { checkCfn } from '../../../lib/check/registry';
import { synthView } from '../fixtures';

const rule = InsideCidrIsApipaSlash30;
const findingsOf = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === rule.id);
const planWith = (insideCidr: string) => ({ tunnels: [{ azureInstance: 0, awsTunnel: 1, insideCidr }] });

function connectionView(cidrs: (string | undefined)[]) {
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
const cfnFindings = (view: ReturnType<typeof connectionView>) => checkCfn(view, [rule]);

describe('C01 InsideCidrIsApipaSlash30', () => {
  test('C01: the default plan and the documented CIDRs have no finding', () => {
    expect(findingsOf({})).toEqual([]);
    expect(findingsOf(planWith('169.254.21.4/30'))).toEqual([]);
  });

  test.each([
    ['169.254.21.1/30', 'host bits', '169.254.21.0/30'],
    ['169.254.021.0/30', 'not an IPv4 CIDR', '169.254.21.0/30'],
    ['169.254.256.0/30', 'not an IPv4 CIDR', '/30'],
    ['169.254.21.0/29', '/29', '169.254.21.0/30'],
    ['10.0.0.0/30', 'outside 169.254.0.0/16', '169.254.0.0/16'],
  ])('C01: plan refuses %s (%s), never normalising it', (cidr, problem, valid) => {
    const findings = findingsOf(planWith(cidr));
    expect(findings.length).toBeGreaterThan(0);
    const [finding] = findings;
    expect(finding).toMatchObject({ path: 'tunnels[0].insideCidr', ruleId: rule.id, catalogue: ['C01'], level: 'error' });
    expect(finding.message).toContain(cidr);
    expect(finding.message).toContain(problem);
    expect(finding.fix).toContain(valid);
    expect(validatePlan(planWith(cidr)).plan).toBeUndefined();
  });

  test('C01: cfn accepts aligned link-local /30s', () => {
    expect(cfnFindings(connectionView(['169.254.21.0/30', '169.254.22.0/30']))).toEqual([]);
  });

  test('C01: cfn reports a misaligned inside CIDR on the VPN connection, naming the tunnel option', () => {
    const view = connectionView(['169.254.21.0/30', '169.254.22.2/30']);
    const connection = view.resources.find((r) => r.type === 'AWS::EC2::VPNConnection')!;
    const findings = cfnFindings(view);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: connection.path, catalogue: ['C01'], level: 'error' });
    expect(findings[0].message).toContain('VpnTunnelOptionsSpecifications[1].TunnelInsideCidr');
    expect(findings[0].message).toContain('169.254.22.2/30');
    expect(findings[0].fix).toContain('169.254.22.0/30');
  });

  test('C01: cfn skips values computed at deploy time instead of crashing', () => {
    const view = connectionView([Fn.importValue('InsideCidr'), undefined]);
    expect(cfnFindings(view)).toEqual([]);
  });
});
