import type { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { checkCfn } from '../../../lib/check/registry';
import { TransitGatewayVpnRouting } from '../../../lib/rules/routing/TransitGatewayVpnRouting';
import { synthView } from '../fixtures';

const check = (view: Parameters<typeof checkCfn>[0]) => checkCfn(view, [TransitGatewayVpnRouting]);

/** A transit gateway and a VPN connection on it, as hand-written L1 resources. */
function tgwVpn(stack: Stack, gateway: Partial<ec2.CfnTransitGatewayProps>, staticRoutesOnly: boolean) {
  const tgw = new ec2.CfnTransitGateway(stack, 'Tgw', { amazonSideAsn: 64512, ...gateway });
  const customerGateway = new ec2.CfnCustomerGateway(stack, 'Cgw', { bgpAsn: 65515, ipAddress: '192.0.2.10', type: 'ipsec.1' });
  new ec2.CfnVPNConnection(stack, 'Vpn', {
    customerGatewayId: customerGateway.ref,
    transitGatewayId: tgw.ref,
    type: 'ipsec.1',
    staticRoutesOnly,
  });
  return tgw;
}

function staticRoute(stack: Stack, routeTableId: string, id = 'Route') {
  new ec2.CfnTransitGatewayRoute(stack, id, {
    transitGatewayRouteTableId: routeTableId,
    destinationCidrBlock: '10.1.0.0/16',
    transitGatewayAttachmentId: 'tgw-attach-0123456789abcdef0',
  });
}

describe('C29 TransitGatewayVpnRouting', () => {
  test('C29: a static VPN with a static route in a route table of its transit gateway passes', () => {
    const findings = check(
      synthView((stack) => {
        const tgw = tgwVpn(stack, {}, true);
        const table = new ec2.CfnTransitGatewayRouteTable(stack, 'Table', { transitGatewayId: tgw.ref });
        staticRoute(stack, table.ref);
      }),
    );
    expect(findings).toEqual([]);
  });

  test('C29: a static VPN without any transit gateway route is an error on the VPN connection', () => {
    const findings = check(synthView((stack) => tgwVpn(stack, {}, true)));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'error', catalogue: ['C29'] });
    expect(findings[0].path).toMatch(/^Vpn/);
    expect(findings[0].message).toContain('StaticRoutesOnly true');
  });

  test("C29: a static route in another transit gateway's route table does not count", () => {
    const findings = check(
      synthView((stack) => {
        tgwVpn(stack, {}, true);
        const other = new ec2.CfnTransitGateway(stack, 'OtherTgw', {});
        const table = new ec2.CfnTransitGatewayRouteTable(stack, 'OtherTable', { transitGatewayId: other.ref });
        staticRoute(stack, table.ref);
      }),
    );
    expect(findings.map((f) => f.level)).toEqual(['error']);
  });

  test('C29: a blackhole route does not count', () => {
    const findings = check(
      synthView((stack) => {
        const tgw = tgwVpn(stack, {}, true);
        const table = new ec2.CfnTransitGatewayRouteTable(stack, 'Table', { transitGatewayId: tgw.ref });
        new ec2.CfnTransitGatewayRoute(stack, 'Blackhole', {
          transitGatewayRouteTableId: table.ref,
          destinationCidrBlock: '10.1.0.0/16',
          blackhole: true,
        });
      }),
    );
    expect(findings.map((f) => f.level)).toEqual(['error']);
  });

  test('C29: a dynamic VPN on a gateway with default propagation (the default) passes', () => {
    expect(check(synthView((stack) => tgwVpn(stack, {}, false)))).toEqual([]);
  });

  test('C29: a dynamic VPN with default propagation disabled and no propagation is an error; a propagation fixes it', () => {
    const broken = check(synthView((stack) => tgwVpn(stack, { defaultRouteTablePropagation: 'disable' }, false)));
    expect(broken).toHaveLength(1);
    expect(broken[0].level).toBe('error');
    expect(broken[0].message).toContain("DefaultRouteTablePropagation is 'disable'");

    const fixed = check(
      synthView((stack) => {
        const tgw = tgwVpn(stack, { defaultRouteTablePropagation: 'disable' }, false);
        const table = new ec2.CfnTransitGatewayRouteTable(stack, 'Table', { transitGatewayId: tgw.ref });
        new ec2.CfnTransitGatewayRouteTablePropagation(stack, 'Propagation', {
          transitGatewayRouteTableId: table.ref,
          transitGatewayAttachmentId: 'tgw-attach-0123456789abcdef0',
        });
      }),
    );
    expect(fixed).toEqual([]);
  });

  test('C29: ECMP disabled on the transit gateway is a warning for a BGP VPN', () => {
    const findings = check(synthView((stack) => tgwVpn(stack, { vpnEcmpSupport: 'disable' }, false)));
    expect(findings).toHaveLength(1);
    expect(findings[0].level).toBe('warning');
    expect(findings[0].message).toContain("VpnEcmpSupport 'disable'");
  });

  test('C29: a VPN on a virtual private gateway is not concerned', () => {
    const findings = check(
      synthView((stack) => {
        const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
        const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { bgpAsn: 65515, ipAddress: '192.0.2.10', type: 'ipsec.1' });
        new ec2.CfnVPNConnection(stack, 'Vpn', { customerGatewayId: cgw.ref, vpnGatewayId: vgw.ref, type: 'ipsec.1', staticRoutesOnly: true });
      }),
    );
    expect(findings).toEqual([]);
  });
});
