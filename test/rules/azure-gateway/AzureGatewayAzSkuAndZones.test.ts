import { validatePlan } from '../../../lib/check/validate';
import { AZURE_REGIONS } from '../../../lib/plan/azure-regions';
import type { AzureView } from '../../../lib/peers/azure/view';
import { AzureGatewayAzSkuAndZones } from '../../../lib/rules/azure-gateway/AzureGatewayAzSkuAndZones';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView } from '../fixtures';

const rule = [AzureGatewayAzSkuAndZones];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === AzureGatewayAzSkuAndZones.id);
const withZones = (view: AzureView, zones: string[]): AzureView => ({ ...view, publicIps: view.publicIps.map((p) => ({ ...p, zones })) });

describe('AzureGatewayAzSkuAndZones', () => {
  test('C38: the default plan (VpnGw2AZ in eastus) and the compliant view (zones 1, 2, 3) have no finding', () => {
    expect(validatePlan({}).plan?.azure.sku).toBe('VpnGw2AZ');
    expect(ofRule({})).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test.each(['VpnGw1', 'VpnGw2', 'VpnGw3', 'VpnGw4', 'VpnGw5'])('C38: a new gateway of non-AZ %s is an error naming its AZ SKU', (sku) => {
    const findings = ofRule({ azure: { sku } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'azure.sku', catalogue: ['C38'], level: 'error' });
    expect(findings[0].message).toContain('no longer creates');
    expect(findings[0].fix).toMatch(new RegExp(`^${sku}AZ `));
    expect(validatePlan({ azure: { sku } }).plan).toBeUndefined();
  });

  test.each(['VpnGw1AZ', 'VpnGw3AZ', 'VpnGw5AZ'])('C38: %s is accepted', (sku) => {
    expect(ofRule({ azure: { sku } })).toEqual([]);
  });

  test('C38: an existing gateway given by id is not created, so its non-AZ SKU is not refused', () => {
    const view = compliantAzureView();
    const existing = {
      ...view.gateway,
      sku: 'VpnGw2',
      existingId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworkGateways/old',
    };
    expect(checkAzure(withZones({ ...view, gateway: existing }, []), rule)).toEqual([]);
    const created = checkAzure({ ...view, gateway: { ...view.gateway, sku: 'VpnGw2' } }, rule);
    expect(created.map((f) => f.path)).toEqual(['gateway VNet1GW.sku']);
  });

  test('C38: zoned public IPs on an existing non-AZ gateway are refused as Azure does', () => {
    const view = compliantAzureView();
    const findings = checkAzure({ ...view, gateway: { ...view.gateway, sku: 'VpnGw2', existingId: 'id' } }, rule);
    expect(findings.map((f) => f.path)).toEqual(['publicIp VNet1GW-pip0.zones', 'publicIp VNet1GW-pip1.zones']);
    expect(findings[0].message).toContain('RegionalVmssVpnGatewayPublicIpsMustNotHaveZonesConfigured');
  });

  test('C38: in a region without availability zones, zones are an error and no zones are valid', () => {
    const view = { ...compliantAzureView(), location: 'westus' };
    expect(AZURE_REGIONS.westus.availabilityZones).toBe(false);
    const findings = checkAzure(view, rule);
    expect(findings.map((f) => f.path)).toEqual(['publicIp VNet1GW-pip0.zones', 'publicIp VNet1GW-pip1.zones']);
    expect(findings[0].message).toContain("'westus', a region without availability zones");
    expect(findings[0].fix).toContain('no zones');
    expect(checkAzure(withZones(view, []), rule)).toEqual([]);
    // The AZ SKU itself is accepted there: Azure creates it and it stays regional.
    expect(ofRule({ azure: { location: 'westus', sku: 'VpnGw2AZ' } })).toEqual([]);
  });

  test.each([
    ['East US', 'eastus'],
    ['estus', 'eastus'],
    ['westeurop', 'westeurope'],
    ['japan-east', 'japaneast'],
  ])('C38: the misspelt region %s is an error with "did you mean \'%s\'"', (location, meant) => {
    const findings = ofRule({ azure: { location } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'azure.location', catalogue: ['C38'], level: 'error' });
    expect(findings[0].fix).toContain(`did you mean '${meant}'`);
    expect(validatePlan({ azure: { location } }).plan).toBeUndefined();
  });

  test('C38: an unknown region on the Azure side (a location override) is an error, without a guess when nothing is close', () => {
    const findings = checkAzure({ ...compliantAzureView(), location: 'moon' }, rule);
    expect(findings.map((f) => f.path)).toEqual(['location']);
    expect(findings[0].fix).not.toContain('did you mean');
  });

  test('C38: the region table marks zones as the regions list does (a sample of both kinds)', () => {
    for (const region of ['eastus', 'westeurope', 'japaneast', 'eastus2', 'swedencentral']) {
      expect([region, AZURE_REGIONS[region]?.availabilityZones]).toEqual([region, true]);
    }
    for (const region of ['westus', 'northcentralus', 'ukwest', 'canadaeast', 'southindia']) {
      expect([region, AZURE_REGIONS[region]?.availabilityZones]).toEqual([region, false]);
    }
  });
});
