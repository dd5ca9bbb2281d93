import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { RouteTablesRouteToVpnGateway } from '../../../lib/rules/routing/RouteTablesRouteToVpnGateway';
import { checkCfn } from '../../../lib/check/registry';
import { vpnVpc } from '../../enforcement/vpn-stacks';
import { synthView } from '../fixtures';

const check = (view: Parameters<typeof checkCfn>[0]) => checkCfn(view, [RouteTablesRouteToVpnGateway]);

describe('C28 RouteTablesRouteToVpnGateway', () => {
  test('C28: every subnet route table propagates the VGW routes: no finding', () => {
    expect(check(synthView((stack) => vpnVpc(stack)))).toEqual([]);
  });

  test('C28: a private subnet route table without propagation or route is an error naming the table and subnet', () => {
    const findings = check(synthView((stack) => vpnVpc(stack, { vpnRoutePropagation: [{ subnetType: ec2.SubnetType.PUBLIC }] })));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'error', catalogue: ['C28'] });
    // synthView has no construct paths (tests synthesize without path metadata): logical ids stand in.
    expect(findings[0].path).toMatch(/^VpcPrivateSubnet1RouteTable/);
    expect(findings[0].message).toMatch(/subnets VpcPrivateSubnet1Subnet\w+\)/);
    expect(findings[0].message).toMatch(/virtual private gateway VpcVpnGateway\w+:/);
  });

  test('C28: a public subnet route table left out (ec2.Vpc default: private subnets only) is only a warning', () => {
    const findings = check(
      synthView((stack) => vpnVpc(stack, { vpnRoutePropagation: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] })),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].level).toBe('warning');
    expect(findings[0].path).toMatch(/^VpcPublicSubnet1RouteTable/);
  });

  test('C28: a static route to the VGW covers a route table without propagation', () => {
    const findings = check(
      synthView((stack) => {
        const vpc = vpnVpc(stack, { vpnRoutePropagation: [{ subnetType: ec2.SubnetType.PUBLIC }] });
        new ec2.CfnRoute(stack, 'ToAzure', {
          routeTableId: vpc.isolatedSubnets[0].routeTable.routeTableId,
          destinationCidrBlock: '10.1.0.0/16',
          gatewayId: vpc.vpnGatewayId,
        });
      }),
    );
    expect(findings).toEqual([]);
  });

  test('C28: a route to another gateway does not count', () => {
    const findings = check(
      synthView((stack) => {
        const vpc = vpnVpc(stack, { vpnRoutePropagation: [{ subnetType: ec2.SubnetType.PUBLIC }] });
        new ec2.CfnRoute(stack, 'ToSomewhereElse', {
          routeTableId: vpc.isolatedSubnets[0].routeTable.routeTableId,
          destinationCidrBlock: '10.1.0.0/16',
          gatewayId: 'vgw-0123456789abcdef0',
        });
      }),
    );
    expect(findings.map((f) => f.level)).toEqual(['error']);
  });

  test('C28: a VGW with no VPN connection in the template gives warnings, not errors', () => {
    const findings = check(
      synthView((stack) => vpnVpc(stack, { withVpnConnection: false, vpnRoutePropagation: [{ subnetType: ec2.SubnetType.PUBLIC }] })),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].level).toBe('warning');
    expect(findings[0].message).toContain('no VPN connection');
  });

  test('C28: a VPC without a VGW is not concerned', () => {
    const findings = check(synthView((stack) => new ec2.Vpc(stack, 'Plain', { maxAzs: 1, natGateways: 0 })));
    expect(findings).toEqual([]);
  });
});
