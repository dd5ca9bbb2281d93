import { validatePlan } from '../../../lib/check/validate';
import { AzureGatewayRouteBasedBgpSku } from '../../../lib/rules/azure-gateway/AzureGatewayRouteBasedBgpSku';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView } from '../fixtures';

const rule = [AzureGatewayRouteBasedBgpSku];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === AzureGatewayRouteBasedBgpSku.id);

describe('AzureGatewayRouteBasedBgpSku', () => {
  test('C16: the default plan (VpnGw2AZ Generation2: seed 004 VpnGw2 as an AZ SKU, C38) and the compliant view have no finding', () => {
    expect(ofRule({})).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
  });

  test.each([
    ['VpnGw1', 'Generation1'],
    ['VpnGw3AZ', 'Generation1'],
    ['VpnGw5', 'Generation2'],
    ['VpnGw2AZ', 'Generation2'],
  ])('C16: %s with %s is valid', (sku, generation) => {
    expect(ofRule({ azure: { sku, generation } })).toEqual([]);
  });

  test('C16 agrees with C38: every AZ SKU is a BGP, active/active SKU of Generation2 (VpnGw1AZ of Generation1), with no C16 finding', () => {
    for (const sku of ['VpnGw2AZ', 'VpnGw3AZ', 'VpnGw4AZ', 'VpnGw5AZ']) expect([sku, validatePlan({ azure: { sku } }).findings]).toEqual([sku, []]);
    expect(validatePlan({ azure: { sku: 'VpnGw1AZ', generation: 'Generation1' } }).findings).toEqual([]);
    const view = compliantAzureView();
    expect(checkAzure({ ...view, gateway: { ...view.gateway, sku: 'VpnGw5AZ' } }, rule)).toEqual([]);
  });

  test('C16: Basic is an error on azure.sku', () => {
    const findings = ofRule({ azure: { sku: 'Basic' } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'azure.sku', catalogue: ['C16'], level: 'error' });
    expect(findings[0].message).toContain('BGP');
    expect(findings[0].fix).toContain('VpnGw2');
  });

  test('C16: a SKU of the other generation names the generation where it exists', () => {
    const gen2Only = ofRule({ azure: { sku: 'VpnGw4', generation: 'Generation1' } });
    expect(gen2Only).toHaveLength(1);
    expect(gen2Only[0].message).toContain("'VpnGw4' exists only in Generation2");
    const gen1Only = ofRule({ azure: { sku: 'VpnGw1AZ', generation: 'Generation2' } });
    expect(gen1Only[0].fix).toContain('generation Generation1');
  });

  test('C16: an unknown generation is reported on azure.generation', () => {
    const findings = ofRule({ azure: { generation: 'Generation3' } });
    expect(findings.map((f) => f.path)).toEqual(['azure.generation']);
    expect(findings[0].fix).toContain('Generation1, Generation2');
  });

  test('C16: a policy-based ExpressRoute gateway with a Basic SKU is three errors', () => {
    const view = compliantAzureView();
    const findings = checkAzure({ ...view, gateway: { ...view.gateway, gatewayType: 'ExpressRoute', vpnType: 'PolicyBased', sku: 'Basic' } }, rule);
    expect(findings.map((f) => f.path)).toEqual(['gateway VNet1GW.gatewayType', 'gateway VNet1GW.vpnType', 'gateway VNet1GW.sku']);
    expect(findings[1].message).toContain("'PolicyBased'");
  });
});
