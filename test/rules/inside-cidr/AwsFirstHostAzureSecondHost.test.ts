import { type ResolvedPlan } from '../../../lib/plan';
import { planVpn, validatePlan } from '../../../lib/check/validate';
import { AwsFirstHostAzureSecondHost, bgpHostsOf } from '../../../lib/rules/inside-cidr/AwsFirstHostAzureSecondHost';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView } from '../fixtures';

const rule = AwsFirstHostAzureSecondHost;

describe('C05 AwsFirstHostAzureSecondHost', () => {
  test('C05: first host for AWS, second for Azure, nothing for a malformed block', () => {
    expect(bgpHostsOf('169.254.21.4/30')).toEqual({ aws: '169.254.21.5', azure: '169.254.21.6' });
    expect(bgpHostsOf('169.254.21.5/30')).toBeUndefined();
    expect(bgpHostsOf('169.254.21.0/29')).toBeUndefined();
  });

  test('C05: the default plan, alone or sharing the gateway with another, has no finding', () => {
    expect(validatePlan({}).findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
    const shared = validatePlan({ name: 'second' }, { sharedGateway: [planVpn()] });
    expect(shared.findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
  });

  test('C05: plan refuses a shared-gateway plan (read back from a file) whose addresses swap the roles', () => {
    const stored = JSON.parse(JSON.stringify(planVpn({ name: 'stored' }))) as { tunnels: { awsBgpIp: string; azureBgpIp: string; }[]; };
    const t = stored.tunnels[0];
    [t.awsBgpIp, t.azureBgpIp] = [t.azureBgpIp, t.awsBgpIp];
    const findings = validatePlan({ name: 'second' }, { sharedGateway: [stored as unknown as ResolvedPlan] }).findings.filter((f) =>
      f.ruleId === rule.id
    );
    expect(findings.map((f) => f.path)).toEqual(['sharedGateway[0].tunnels[0].awsBgpIp', 'sharedGateway[0].tunnels[0].azureBgpIp']);
    expect(findings[0]).toMatchObject({ catalogue: ['C05'], level: 'error', fix: '169.254.21.1.' });
    expect(findings[0].message).toContain("'169.254.21.2'");
  });

  test('C05: azure accepts the documented view', () => {
    expect(checkAzure(compliantAzureView(), [rule])).toEqual([]);
  });

  test("C05: azure refuses an LNG whose BGP peer address is Azure's own end", () => {
    const view = compliantAzureView();
    const lng = view.localNetworkGateways[2];
    const changed = {
      ...view,
      localNetworkGateways: view.localNetworkGateways.map((l) => (l === lng ? { ...l, bgpPeeringAddress: '169.254.21.6' } : l)),
    };
    const findings = checkAzure(changed, [rule]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      path: `localNetworkGateway ${lng.name}.bgpPeeringAddress`,
      catalogue: ['C05'],
      fix: expect.stringContaining('169.254.21.5'),
    });
    expect(findings[0].message).toContain('169.254.21.6');
  });

  test("C05: azure refuses a gateway APIPA list holding AWS's end instead of Azure's", () => {
    const view = compliantAzureView();
    const [first, second] = view.gateway.bgpPeeringAddresses;
    const changed = {
      ...view,
      gateway: {
        ...view.gateway,
        bgpPeeringAddresses: [{ ...first, customBgpIpAddresses: ['169.254.21.1', first.customBgpIpAddresses[1]] }, second],
      },
    };
    const findings = checkAzure(changed, [rule]);
    const listPath = `gateway ${view.gateway.name}.bgpPeeringAddresses[0].customBgpIpAddresses`;
    expect(findings.map((f) => f.path).sort()).toEqual([listPath, `${listPath}[0]`]);
    expect(findings.find((f) => f.path === `${listPath}[0]`)!.message).toContain('AWS end');
    expect(findings.find((f) => f.path === listPath)!.fix).toContain('169.254.21.2');
  });

  test('C05: azure refuses instance lists swapped between the two gateway instances', () => {
    const view = compliantAzureView();
    const [first, second] = view.gateway.bgpPeeringAddresses;
    const changed = {
      ...view,
      gateway: {
        ...view.gateway,
        bgpPeeringAddresses: [
          { ...first, customBgpIpAddresses: second.customBgpIpAddresses },
          { ...second, customBgpIpAddresses: first.customBgpIpAddresses },
        ],
      },
    };
    const findings = checkAzure(changed, [rule]);
    // Each instance lacks its two addresses and holds the other instance's two.
    expect(findings).toHaveLength(8);
    expect(findings.filter((f) => f.message.includes('lands on instance'))).toHaveLength(4);
  });
});
