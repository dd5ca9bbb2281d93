/**
 * C04 per transit gateway: inside CIDRs are unique across all tunnels of one TGW (AWS Site-to-Site
 * VPN tunnel options), whether the gateway is made by the constructs (Ref) or given by id.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { InsideCidrUnique } from '../../../lib/rules/inside-cidr/InsideCidrUnique';
import { checkCfn } from '../../../lib/check/registry';
import { tgwStack } from '../../aws/targets/tgw-stacks';
import { synthView } from '../fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePlan } from '../../../lib/check/validate';
import { cfnViewFromTemplate } from '../../../lib/check/views/cfn-view';

const check = (view: Parameters<typeof checkCfn>[0]) => checkCfn(view, [InsideCidrUnique]);
const tunnels = (...cidrs: string[]) => ({ vpnTunnelOptionsSpecifications: cidrs.map((tunnelInsideCidr) => ({ tunnelInsideCidr })) });

describe('C04 InsideCidrUnique per transit gateway', () => {
  test('C04: the two connections of the constructs on one new TGW with distinct /30s pass', () => {
    const { view } = tgwStack({ connectionProps: (n) => tunnels(`169.254.21.${(n - 1) * 4}/30`, `169.254.22.${(n - 1) * 4}/30`) });
    expect(check(view)).toEqual([]);
  });

  test("C04: the constructs' two connections repeating a /30 on their TGW are refused, naming the gateway and the other connection", () => {
    const { view } = tgwStack({ connectionProps: (n) => tunnels(`169.254.21.${(n - 1) * 4}/30`, '169.254.22.0/30') });
    const findings = check(view);
    expect(findings.map((f) => [f.path, f.level, f.catalogue])).toEqual([['Connection2', 'error', ['C04']]]);
    expect(findings[0].message).toMatch(
      /VpnTunnelOptionsSpecifications\[1\]\.TunnelInsideCidr '169\.254\.22\.0\/30' overlaps .*Connection1.* on the same TransitGatewayId Tgw/,
    );
  });

  test('C04: an overlapping block (not only an equal one) on one TGW is refused', () => {
    const { view } = tgwStack({ connectionProps: (n) => (n === 1 ? tunnels('169.254.21.0/30') : tunnels('169.254.21.0/29')) });
    expect(check(view).map((f) => f.path)).toEqual(['Connection2']);
  });

  test('C04: Ref and GetAtt Id of one TGW are the same gateway; a repeat across them is refused', () => {
    const view = synthView((stack) => {
      const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', {});
      const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
      new ec2.CfnVPNConnection(stack, 'ByRef', {
        type: 'ipsec.1',
        customerGatewayId: cgw.ref,
        transitGatewayId: tgw.ref,
        ...tunnels('169.254.21.0/30'),
      });
      new ec2.CfnVPNConnection(stack, 'ByGetAtt', {
        type: 'ipsec.1',
        customerGatewayId: cgw.ref,
        transitGatewayId: tgw.attrId,
        ...tunnels('169.254.21.0/30'),
      });
    });
    expect(check(view).map((f) => f.path)).toEqual(['ByGetAtt']);
  });

  test('C04: the same /30 on a TGW and on a VGW, or on two TGWs, passes (uniqueness is per gateway)', () => {
    const view = synthView((stack) => {
      const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
      new ec2.CfnVPNConnection(stack, 'OnTgwA', {
        type: 'ipsec.1',
        customerGatewayId: cgw.ref,
        transitGatewayId: 'tgw-0000000000000000a',
        ...tunnels('169.254.21.0/30'),
      });
      new ec2.CfnVPNConnection(stack, 'OnTgwB', {
        type: 'ipsec.1',
        customerGatewayId: cgw.ref,
        transitGatewayId: 'tgw-0000000000000000b',
        ...tunnels('169.254.21.0/30'),
      });
      new ec2.CfnVPNConnection(stack, 'OnVgw', {
        type: 'ipsec.1',
        customerGatewayId: cgw.ref,
        vpnGatewayId: 'vgw-0000000000000000a',
        ...tunnels('169.254.21.0/30'),
      });
    });
    expect(check(view)).toEqual([]);
  });

  test('C04: two connections on one existing TGW given by literal id repeating a /30 are refused', () => {
    const view = synthView((stack) => {
      const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
      for (const id of ['First', 'Second']) {
        new ec2.CfnVPNConnection(stack, id, {
          type: 'ipsec.1',
          customerGatewayId: cgw.ref,
          transitGatewayId: 'tgw-0123456789abcdef0',
          ...tunnels('169.254.21.4/30'),
        });
      }
    });
    const findings = check(view);
    expect(findings.map((f) => f.path)).toEqual(['Second']);
    expect(findings[0].message).toContain('TransitGatewayId tgw-0123456789abcdef0');
  });
});

describe('C04 InsideCidrUnique on an existing transit gateway (plan: aws.target.insideCidrsInUse)', () => {
  const BASE = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'vpn-plan.json'), 'utf8'));
  const EXISTING = {
    kind: 'tgw',
    transitGatewayId: 'tgw-0123456789abcdef0',
    defaultRouteTableAssociation: 'disable',
    defaultRouteTablePropagation: 'disable',
  };
  const findings = (insideCidrsInUse: string[]) =>
    validatePlan({ ...BASE, aws: { ...BASE.aws, target: { ...EXISTING, insideCidrsInUse } } }).findings
      .filter((f) => f.ruleId === 'InsideCidrUnique')
      .map((f) => ({ path: f.path, message: f.message, fix: f.fix }));

  test('an entry that is not a CIDR is refused on its own path, with an example; the others are still read', () => {
    expect(findings(['nope', BASE.tunnels[2].insideCidr])).toEqual([
      {
        path: 'aws.target.insideCidrsInUse[0]',
        message: "'nope' is not an IPv4 CIDR, so the block it stands for cannot be kept free.",
        fix: 'a CIDR such as 169.254.21.8/30.',
      },
      {
        path: 'tunnels[2].insideCidr',
        message: `'${BASE.tunnels[2].insideCidr}' overlaps '${
          BASE.tunnels[2].insideCidr
        }' of aws.target.insideCidrsInUse[1] (another VPN connection on the transit gateway).`,
        fix: expect.any(String),
      },
    ]);
  });

  test('a block in use that only overlaps (a /29 over two tunnel /30s) is caught on each; the next block is not', () => {
    expect(BASE.tunnels.map((t: { insideCidr: string; }) => t.insideCidr)).toEqual([
      '169.254.21.0/30',
      '169.254.22.0/30',
      '169.254.21.4/30',
      '169.254.22.4/30',
    ]);
    expect(findings(['169.254.21.0/29']).map((f) => f.path)).toEqual(['tunnels[0].insideCidr', 'tunnels[2].insideCidr']);
    expect(findings(['169.254.21.8/30'])).toEqual([]);
  });

  test('a tunnel CIDR that does not parse is left to C01: no C04 finding and no crash, the other tunnels still checked', () => {
    const tunnels = BASE.tunnels.map((t: { insideCidr: string; }, i: number) => (i === 0 ? { ...t, insideCidr: '169.254.21.x/30' } : t));
    const all = validatePlan({ ...BASE, tunnels, aws: { ...BASE.aws, target: { ...EXISTING, insideCidrsInUse: ['169.254.22.0/30'] } } }).findings;
    expect(all.filter((f) => f.ruleId === 'InsideCidrUnique').map((f) => f.path)).toEqual(['tunnels[1].insideCidr']);
    expect(all.some((f) => f.catalogue.includes('C01') && f.path === 'tunnels[0].insideCidr')).toBe(true);
  });
});

describe('C04 InsideCidrUnique in a template: what cannot be compared is skipped, the rest still is', () => {
  const connection = (gateway: Record<string, unknown>, ...cidrs: string[]) => ({
    Type: 'AWS::EC2::VPNConnection',
    Properties: {
      Type: 'ipsec.1',
      CustomerGatewayId: 'cgw-0123',
      ...gateway,
      VpnTunnelOptionsSpecifications: cidrs.map((c) => ({ TunnelInsideCidr: c })),
    },
  });
  const check = (resources: Record<string, unknown>) => checkCfn(cfnViewFromTemplate({ Resources: resources }), [InsideCidrUnique]);

  test('a connection with no gateway, or a tunnel CIDR that does not parse, is not compared; a real repeat still is', () => {
    expect(check({
      A: connection({}, '169.254.21.0/30'),
      B: connection({}, '169.254.21.0/30'),
      C: connection({ TransitGatewayId: 'tgw-1' }, 'not-a-cidr'),
      D: connection({ TransitGatewayId: 'tgw-1' }, 'not-a-cidr'),
    })).toEqual([]);
    const repeated = check({
      C: connection({ TransitGatewayId: 'tgw-1' }, '169.254.21.0/30'),
      D: connection({ TransitGatewayId: 'tgw-1' }, '169.254.21.0/30'),
    });
    expect(repeated.map((f) => f.path)).toEqual(['D']);
  });
});
