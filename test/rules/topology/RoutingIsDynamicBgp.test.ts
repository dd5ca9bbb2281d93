import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Stack } from 'aws-cdk-lib';
import { validatePlan } from '../../../lib/check/validate';
import { checkCfn } from '../../../lib/check/registry';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { RoutingIsDynamicBgp } from '../../../lib/rules/topology/RoutingIsDynamicBgp';
import { compliantAzureView, synthView } from '../fixtures';

const rule = [RoutingIsDynamicBgp];

function vpnConnection(stack: Stack, staticRoutesOnly?: boolean): void {
  const vgw = new ec2.CfnVPNGateway(stack, 'Vgw', { type: 'ipsec.1' });
  const cgw = new ec2.CfnCustomerGateway(stack, 'Cgw', { type: 'ipsec.1', bgpAsn: 65000, ipAddress: '203.0.113.10' });
  new ec2.CfnVPNConnection(stack, 'Connection', { type: 'ipsec.1', customerGatewayId: cgw.ref, vpnGatewayId: vgw.ref, staticRoutesOnly });
}

describe('RoutingIsDynamicBgp', () => {
  test('C12: the default plan and the compliant Azure view have no finding', () => {
    expect(validatePlan({}).findings.filter((f) => f.ruleId === RoutingIsDynamicBgp.id)).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test('C12: a VPN connection with StaticRoutesOnly false or absent is dynamic', () => {
    expect(checkCfn(synthView((s) => vpnConnection(s, false)), rule)).toEqual([]);
    expect(checkCfn(synthView((s) => vpnConnection(s)), rule)).toEqual([]);
  });

  test('C12: StaticRoutesOnly true is an error on the connection', () => {
    const findings = checkCfn(synthView((s) => vpnConnection(s, true)), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'Connection', ruleId: 'RoutingIsDynamicBgp', catalogue: ['C12'], level: 'error' });
    expect(findings[0].message).toContain('StaticRoutesOnly is true');
    expect(findings[0].fix).toContain('false');
  });

  test('C12: enableBgp false on the gateway and on one connection are two errors', () => {
    const view = compliantAzureView();
    const findings = checkAzure({
      ...view,
      gateway: { ...view.gateway, enableBgp: false },
      connections: view.connections.map((c, i) => (i === 2 ? { ...c, enableBgp: false } : c)),
    }, rule);
    expect(findings.map((f) => f.path)).toEqual(['gateway VNet1GW.enableBgp', 'connection cn-Instance1Tunnel1.enableBgp']);
    expect(findings.every((f) => f.catalogue.includes('C12') && f.level === 'error')).toBe(true);
  });
});
