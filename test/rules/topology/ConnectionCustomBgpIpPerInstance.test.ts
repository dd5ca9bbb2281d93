import { validatePlan } from '../../../lib/check/validate';
import type { AzureConnectionView, AzureView } from '../../../lib/peers/azure/view';
import { ConnectionCustomBgpIpPerInstance } from '../../../lib/rules/topology/ConnectionCustomBgpIpPerInstance';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView } from '../fixtures';

const rule = [ConnectionCustomBgpIpPerInstance];

/** The compliant view with connection `index` changed. */
function withConnection(index: number, change: (c: AzureConnectionView) => AzureConnectionView): AzureView {
  const view = compliantAzureView();
  return { ...view, connections: view.connections.map((c, i) => (i === index ? change(c) : c)) };
}

describe('ConnectionCustomBgpIpPerInstance', () => {
  test('C13: the compliant view (seed 004 addresses) and the default plan have no finding', () => {
    const view = compliantAzureView();
    // The fixture follows seed 004: Instance1Tunnel2 uses 169.254.22.6 on instance 1.
    expect(view.connections[3].gatewayCustomBgpIpAddresses[1].customBgpIpAddress).toBe('169.254.22.6');
    expect(checkAzure(view, rule)).toEqual([]);
    expect(validatePlan({}).findings.filter((f) => f.catalogue.includes('C13'))).toEqual([]);
  });

  test('C13: a connection without gatewayCustomBgpIpAddresses is an error for each IP configuration', () => {
    const findings = checkAzure(withConnection(1, (c) => ({ ...c, gatewayCustomBgpIpAddresses: [] })), rule);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({
      path: 'connection cn-Instance0Tunnel2.gatewayCustomBgpIpAddresses',
      ruleId: 'ConnectionCustomBgpIpPerInstance',
      catalogue: ['C13'],
      level: 'error',
    });
    expect(findings[0].message).toContain('first APIPA address');
    // Instance 0 is the tunnel's own: its address is the second host of 169.254.22.0/30.
    expect(findings[0].fix).toContain('169.254.22.2');
  });

  test("C13: the tunnel's own instance with another address of the list is an error naming the right one", () => {
    const findings = checkAzure(
      withConnection(1, (c) => ({
        ...c,
        gatewayCustomBgpIpAddresses: c.gatewayCustomBgpIpAddresses.map((e, i) => (i === 0 ? { ...e, customBgpIpAddress: '169.254.21.2' } : e)),
      })),
      rule,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("'169.254.21.2'");
    expect(findings[0].fix).toBe('169.254.22.2.');
  });

  test('C13: the other instance with an address outside its list is an error listing the valid ones', () => {
    const findings = checkAzure(
      withConnection(0, (c) => ({
        ...c,
        gatewayCustomBgpIpAddresses: c.gatewayCustomBgpIpAddresses.map((e, i) => (i === 1 ? { ...e, customBgpIpAddress: '169.254.21.2' } : e)),
      })),
      rule,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('instance 1');
    expect(findings[0].fix).toContain('169.254.21.6, 169.254.22.6');
  });

  test('C13: an entry for an unknown IP configuration is reported', () => {
    const findings = checkAzure(
      withConnection(2, (c) => ({
        ...c,
        gatewayCustomBgpIpAddresses: [...c.gatewayCustomBgpIpAddresses, {
          ipConfigurationId: '/subscriptions/x/ipConfigurations/other',
          customBgpIpAddress: '169.254.21.6',
        }],
      })),
      rule,
    );
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('/subscriptions/x/ipConfigurations/other')]);
  });

  test('C13: a gateway with a single custom address has nothing to choose, so no finding', () => {
    const view = compliantAzureView();
    const single: AzureView = {
      ...view,
      gateway: { ...view.gateway, bgpPeeringAddresses: [{ ...view.gateway.bgpPeeringAddresses[0], customBgpIpAddresses: ['169.254.21.2'] }] },
      connections: view.connections.map((c) => ({ ...c, gatewayCustomBgpIpAddresses: [] })),
    };
    expect(checkAzure(single, rule)).toEqual([]);
  });
});
