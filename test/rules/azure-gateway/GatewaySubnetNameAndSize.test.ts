import { validatePlan } from '../../../lib/check/validate';
import { GatewaySubnetNameAndSize } from '../../../lib/rules/azure-gateway/GatewaySubnetNameAndSize';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import { compliantAzureView } from '../fixtures';

const rule = [GatewaySubnetNameAndSize];
const ofRule = (input: unknown) => validatePlan(input).findings.filter((f) => f.ruleId === GatewaySubnetNameAndSize.id);

describe('GatewaySubnetNameAndSize', () => {
  test('C17: the default plan (10.1.1.0/24 in 10.1.0.0/16) and the compliant view have no finding', () => {
    expect(ofRule({})).toEqual([]);
    expect(checkAzure(compliantAzureView(), rule)).toEqual([]);
    expect(ofRule({ azure: { gatewaySubnetCidr: '10.1.255.224/27' } })).toEqual([]);
  });

  test.each(['10.1.1.0/28', '10.1.1.0/29'])('C17: %s is an error for VpnGw2AZ (the default): only Basic may be smaller than /27', (cidr) => {
    const findings = ofRule({ azure: { gatewaySubnetCidr: cidr } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'azure.gatewaySubnetCidr', catalogue: ['C17'], level: 'error' });
    expect(findings[0].message).toContain("'VpnGw2AZ'");
    expect(findings[0].fix).toContain('10.1.1.0/27');
    expect(validatePlan({ azure: { gatewaySubnetCidr: cidr } }).plan).toBeUndefined();
  });

  test('C17: a /27 is valid for VpnGw2AZ; a /29 is valid for Basic (the subnet rule alone)', () => {
    expect(ofRule({ azure: { gatewaySubnetCidr: '10.1.1.0/27' } })).toEqual([]);
    expect(ofRule({ azure: { sku: 'Basic', gatewaySubnetCidr: '10.1.1.0/29' } })).toEqual([]);
    expect(ofRule({ azure: { sku: 'Basic', gatewaySubnetCidr: '10.1.1.0/30' } }).map((f) => f.level)).toEqual(['error']);
  });

  test('C17: on the Azure side a /28 GatewaySubnet is an error for VpnGw2AZ and valid for a Basic gateway', () => {
    const view = compliantAzureView();
    const small = { ...view, gatewaySubnet: { ...view.gatewaySubnet, addressPrefix: '10.1.1.0/28' } };
    expect(checkAzure(small, rule)).toEqual([expect.objectContaining({ path: 'gatewaySubnet.addressPrefix', level: 'error', catalogue: ['C17'] })]);
    expect(checkAzure({ ...small, gateway: { ...small.gateway, sku: 'Basic' } }, rule)).toEqual([]);
  });

  test('C17: a /30 is an error', () => {
    const findings = ofRule({ azure: { gatewaySubnetCidr: '10.1.1.0/30' } });
    expect(findings).toHaveLength(1);
    expect(findings[0].level).toBe('error');
    expect(findings[0].message).toContain('/30');
  });

  test('C17: a subnet outside the VNet, a malformed one and one with host bits are errors', () => {
    expect(ofRule({ azure: { gatewaySubnetCidr: '10.9.1.0/24' } })[0].message).toContain('outside the VNet address space 10.1.0.0/16');
    expect(ofRule({ azure: { gatewaySubnetCidr: '10.1.1.0/33' } })[0].message).toContain("'10.1.1.0/33' is not an IPv4 CIDR");
    expect(ofRule({ azure: { gatewaySubnetCidr: '10.1.1.5/24' } })[0].fix).toBe('10.1.1.0/24.');
  });

  test('C17: a subnet not named exactly GatewaySubnet is an error on the Azure side', () => {
    const view = compliantAzureView();
    const findings = checkAzure({ ...view, gatewaySubnet: { ...view.gatewaySubnet, name: 'gatewaySubnet' } }, rule);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: 'gatewaySubnet.name', ruleId: 'GatewaySubnetNameAndSize', level: 'error' });
    expect(findings[0].message).toContain('differs in case');
    expect(findings[0].fix).toBe("'GatewaySubnet'.");
  });

  test('C17: an Azure subnet outside the VNet is an error; an existing subnet of unknown prefix is skipped', () => {
    const view = compliantAzureView();
    const outside = checkAzure({ ...view, gatewaySubnet: { ...view.gatewaySubnet, addressPrefix: '10.2.1.0/27' } }, rule);
    expect(outside.map((f) => f.path)).toEqual(['gatewaySubnet.addressPrefix']);
    expect(checkAzure({ ...view, gatewaySubnet: {} }, rule)).toEqual([]);
  });
});
