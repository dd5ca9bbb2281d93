/**
 * C28 on transit gateway targets: a TGW does not propagate into VPC route tables (seed 000), so the
 * route tables of the subnets meant to reach the peer need a static route to the TGW. Checked over
 * the constructs (lib/aws/targets) and hand-written stacks.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { checkCfn } from '../../../lib/check/registry';
import { RouteTablesRouteToVpnGateway } from '../../../lib/rules/routing/RouteTablesRouteToVpnGateway';
import { tgwStack } from '../../aws/targets/tgw-stacks';
import { vpnVpc } from '../../enforcement/vpn-stacks';
import { synthView } from '../fixtures';

const check = (view: Parameters<typeof checkCfn>[0]) => checkCfn(view, [RouteTablesRouteToVpnGateway]);

/** One AZ, a public and an isolated subnet, a VPC attachment to a new TGW and (by default) a BGP VPN on it. */
function handWritten(stack: Stack, options: { withVpnConnection?: boolean; } = {}) {
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    maxAzs: 1,
    natGateways: 0,
    subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }, { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
  });
  const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', { amazonSideAsn: 64512 });
  const attachment = new ec2.CfnTransitGatewayAttachment(stack, 'Attachment', {
    transitGatewayId: tgw.ref,
    vpcId: vpc.vpcId,
    subnetIds: vpc.isolatedSubnets.map((s) => s.subnetId),
  });
  if (options.withVpnConnection ?? true) {
    const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65515, ipAddress: '198.51.100.1' });
    new ec2.CfnVPNConnection(stack, 'Connection', { type: 'ipsec.1', customerGatewayId: cgw.ref, transitGatewayId: tgw.ref });
  }
  return { vpc, tgw, attachment };
}

describe('C28 RouteTablesRouteToVpnGateway on transit gateway targets', () => {
  test('C28: the constructs (a route to the TGW in every private route table) pass: no error, only the public tables warn', () => {
    const { view } = tgwStack();
    expect(view.resources.filter((r) => r.type === 'AWS::EC2::Route' && r.properties.TransitGatewayId !== undefined)).toHaveLength(2);
    const findings = check(view);
    expect(findings.map((f) => [f.level, f.path.replace(/[0-9A-F]{8}$/, '')])).toEqual([['warning', 'VpcPublicSubnet1RouteTable'], [
      'warning',
      'VpcPublicSubnet2RouteTable',
    ]]);
    expect(findings[0].message).toContain('public subnets cannot reach Azure; acknowledge the warning if that is intended');
  });

  test('C28: the constructs with routes only in the public route tables: each private table is an error naming the table, its subnet and the TGW', () => {
    const { view } = tgwStack({ routing: { subnets: { subnetType: ec2.SubnetType.PUBLIC } } });
    const findings = check(view);
    expect(findings.map((f) => [f.level, f.catalogue])).toEqual([['error', ['C28']], ['error', ['C28']]]);
    expect(findings.map((f) => f.path)).toEqual([
      expect.stringMatching(/^VpcPrivateSubnet1RouteTable/),
      expect.stringMatching(/^VpcPrivateSubnet2RouteTable/),
    ]);
    expect(findings[0].message).toMatch(
      /subnets VpcPrivateSubnet1Subnet\w+\) has no route to the transit gateway Tgw\w*: .*does not propagate into VPC route tables/,
    );
    expect(findings[0].fix).toContain('transitGatewayId');
  });

  test('C28: hand-written, no route at all: the private table is an error, the public one a warning', () => {
    const findings = check(synthView((stack) => handWritten(stack)));
    expect(findings.map((f) => [f.path.replace(/[0-9A-F]{8}$/, ''), f.level])).toEqual([
      ['VpcPublicSubnet1RouteTable', 'warning'],
      ['VpcPrivateSubnet1RouteTable', 'error'],
    ]);
  });

  test('C28: hand-written, a route to the TGW in both tables passes; one to another TGW does not count', () => {
    const routed = (gateway: (tgw: ec2.CfnTransitGateway) => string) =>
      synthView((stack) => {
        const { vpc, tgw, attachment } = handWritten(stack);
        [...vpc.publicSubnets, ...vpc.isolatedSubnets].forEach((subnet, i) => {
          new ec2.CfnRoute(stack, `ToPeer${i}`, {
            routeTableId: subnet.routeTable.routeTableId,
            destinationCidrBlock: '10.1.0.0/16',
            transitGatewayId: gateway(tgw),
          }).node.addDependency(attachment);
        });
      });
    expect(check(routed((tgw) => tgw.ref))).toEqual([]);
    expect(check(routed(() => 'tgw-0fedcba9876543210')).map((f) => f.level)).toEqual(['warning', 'error']);
  });

  test('C28: a VPC attached to a TGW with no VPN connection in the template gets warnings, not errors', () => {
    const findings = check(synthView((stack) => handWritten(stack, { withVpnConnection: false })));
    expect(findings.map((f) => f.level)).toEqual(['warning', 'warning']);
    expect(findings[1].message).toContain('no VPN connection on this transit gateway is in the template');
  });

  test('C28: a VGW-only stack is judged as before (no transit gateway finding)', () => {
    expect(check(synthView((stack) => vpnVpc(stack)))).toEqual([]);
    const findings = check(synthView((stack) => vpnVpc(stack, { vpnRoutePropagation: [{ subnetType: ec2.SubnetType.PUBLIC }] })));
    expect(findings.map((f) => f.level)).toEqual(['error']);
    expect(findings[0].message).toContain('virtual private gateway');
  });
});
