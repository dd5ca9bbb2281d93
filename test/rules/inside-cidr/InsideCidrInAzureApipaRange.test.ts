import { planVpn, validatePlan } from '../../../lib/check/validate';
import { InsideCidrInAzureApipaRange } from '../../../lib/rules/inside-cidr/InsideCidrInAzureApipaRange';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView } from '../fixtures';

const rule = InsideCidrInAzureApipaRange;
const findingsOf = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === rule.id);
const planWith = (insideCidr: string) => ({ tunnels: [{ azureInstance: 0, awsTunnel: 2, insideCidr }] });

describe('C03 InsideCidrInAzureApipaRange', () => {
  test('C03: the default plan and the edges of the range have no finding', () => {
    expect(findingsOf({})).toEqual([]);
    expect(findingsOf(planWith('169.254.21.0/30'))).toEqual([]);
    expect(findingsOf(planWith('169.254.22.252/30'))).toEqual([]);
  });

  test.each(['169.254.20.252/30', '169.254.23.0/30', '169.254.100.0/30'])('C03: plan refuses %s, a link-local /30 Azure cannot use', (cidr) => {
    const findings = findingsOf(planWith(cidr));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'tunnels[0].insideCidr', ruleId: rule.id, catalogue: ['C03'], level: 'error' });
    expect(findings[0].message).toContain(cidr);
    expect(findings[0].fix).toContain('169.254.21.0–169.254.22.255');
  });

  test('C03: a CIDR outside 169.254.0.0/16 is left to C01', () => {
    expect(findingsOf(planWith('10.0.0.0/30'))).toEqual([]);
  });

  test('C03: azure accepts the documented view', () => {
    expect(checkAzure(compliantAzureView(), [rule])).toEqual([]);
  });

  test('C03: azure refuses a custom APIPA address outside the range on the gateway', () => {
    const view = compliantAzureView();
    const peering = view.gateway.bgpPeeringAddresses[1];
    const changed = {
      ...view,
      gateway: {
        ...view.gateway,
        bgpPeeringAddresses: [view.gateway.bgpPeeringAddresses[0], {
          ...peering,
          customBgpIpAddresses: [peering.customBgpIpAddresses[0], '169.254.30.6'],
        }],
      },
    };
    const findings = checkAzure(changed, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: `gateway ${view.gateway.name}.bgpPeeringAddresses[1].customBgpIpAddresses[1]`, catalogue: ['C03'] });
    expect(findings[0].message).toContain('169.254.30.6');
  });

  test('C03: azure refuses a connection custom BGP address and an LNG peer address outside the range', () => {
    const view = compliantAzureView(planVpn());
    const [cn] = view.connections;
    const [lng] = view.localNetworkGateways;
    const changed = {
      ...view,
      connections: [{
        ...cn,
        gatewayCustomBgpIpAddresses: [cn.gatewayCustomBgpIpAddresses[0], { ...cn.gatewayCustomBgpIpAddresses[1], customBgpIpAddress: '169.254.0.2' }],
      }, ...view.connections.slice(1)],
      localNetworkGateways: [{ ...lng, bgpPeeringAddress: '10.0.0.1' }, ...view.localNetworkGateways.slice(1)],
    };
    const paths = checkAzure(changed, [rule]).map((f) => f.path);
    expect(paths).toEqual([`connection ${cn.name}.gatewayCustomBgpIpAddresses[1]`, `localNetworkGateway ${lng.name}.bgpPeeringAddress`]);
  });
});
