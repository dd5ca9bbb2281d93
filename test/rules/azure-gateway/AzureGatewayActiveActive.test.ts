import { validatePlan } from '../../../lib/check/validate';
import type { AzureView } from '../../../lib/peers/azure/view';
import { AzureGatewayActiveActive } from '../../../lib/rules/azure-gateway/AzureGatewayActiveActive';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView } from '../fixtures';

const rule = [AzureGatewayActiveActive];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === AzureGatewayActiveActive.id);

function withPublicIp(index: number, change: Partial<AzureView['publicIps'][number]>): AzureView {
  const view = compliantAzureView();
  return { ...view, publicIps: view.publicIps.map((p, i) => (i === index ? { ...p, ...change } : p)) };
}

describe('AzureGatewayActiveActive', () => {
  test('C14: the default plan and the compliant Azure view have no finding', () => {
    expect(ofRule({})).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test('C14: azure.activeActive false is a plan error', () => {
    const findings = ofRule({ azure: { activeActive: false } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'azure.activeActive', catalogue: ['C14'], level: 'error' });
    expect(findings[0].message).toContain('false');
    expect(findings[0].fix).toContain('true');
  });

  test('C14: an active/standby gateway with one IP configuration is reported twice', () => {
    const view = compliantAzureView();
    const findings = checkAzure({
      ...view,
      gateway: { ...view.gateway, activeActive: false, ipConfigurations: view.gateway.ipConfigurations.slice(0, 1) },
    }, rule);
    expect(findings.map((f) => f.path)).toEqual(['gateway VNet1GW.activeActive', 'gateway VNet1GW.ipConfigurations']);
    expect(findings[1].message).toContain('1 IP configuration');
  });

  test('C14: a Basic, Dynamic public IP is two errors naming the values', () => {
    const findings = checkAzure(withPublicIp(1, { sku: 'Basic', allocationMethod: 'Dynamic' }), rule);
    const paths = findings.map((f) => f.path);
    expect(paths).toContain('publicIp VNet1GW-pip1.sku');
    expect(paths).toContain('publicIp VNet1GW-pip1.allocationMethod');
    expect(findings.find((f) => f.path.endsWith('allocationMethod'))?.message).toContain("'Dynamic'");
  });

  test('C14 agrees with C38: two public IPs without zones (a region without zones) are identical and valid; one zoned, one not, is an error', () => {
    const view = compliantAzureView();
    const noZones = { ...view, location: 'westus', publicIps: view.publicIps.map((p) => ({ ...p, zones: [] })) };
    expect(checkAzure(noZones, rule)).toEqual([]);
    const mixed = checkAzure({ ...noZones, publicIps: [{ ...noZones.publicIps[0], zones: ['1', '2', '3'] }, noZones.publicIps[1]] }, rule);
    expect(mixed.map((f) => [f.path, f.catalogue])).toEqual([['publicIp VNet1GW-pip1.zones', ['C14']]]);
  });

  test('C14: public IPs in different zones are an error', () => {
    const findings = checkAzure(withPublicIp(1, { zones: ['1'] }), rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'publicIp VNet1GW-pip1.zones', catalogue: ['C14'] });
    expect(findings[0].fix).toBe('[1, 2, 3].');
  });

  test('C14: both IP configurations on one public IP, or a missing public IP, are errors', () => {
    const view = compliantAzureView();
    const shared = view.gateway.ipConfigurations.map((c) => ({ ...c, publicIpName: 'VNet1GW-pip0' }));
    expect(checkAzure({ ...view, gateway: { ...view.gateway, ipConfigurations: shared } }, rule).map((f) => f.message))
      .toEqual([expect.stringContaining('share a public IP')]);
    expect(checkAzure({ ...view, publicIps: view.publicIps.slice(0, 1) }, rule).map((f) => f.message))
      .toEqual([expect.stringContaining("'VNet1GW-pip1' is not among")]);
  });
});
