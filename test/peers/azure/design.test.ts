import { assertAzureDesign, AzureDesignError, azureDesignFindings } from '../../../lib/peers/azure/pulumi/check';
import { azureDesign, SUBSCRIPTION_ID_PLACEHOLDER, type AzureDesign } from '../../../lib/peers/azure/design';
import { presharedKeyProblems } from '../../../lib/core/preshared-key';
import { planVpn } from '../../../lib/check/validate';
import type { ResolvedPlan } from '../../../lib/plan';
import { GatewaySubnetNameAndSize } from '../../../lib/rules/azure-gateway/GatewaySubnetNameAndSize';
import { IkeParametersMatch } from '../../../lib/rules/ipsec/IkeParametersMatch';
import type { AzureView } from '../../../lib/peers/azure/view';
import { checkAzure } from '../../../lib/peers/azure/pulumi/check';
import type { Rule } from '../../../lib/check/kit/rule';
import { SEED_004_AWS_ASN, SEED_004_CONNECTION_CUSTOM_BGP, SEED_004_GATEWAY, SEED_004_GATEWAY_APIPA, SEED_004_TUNNELS } from './seed004';

const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';
const OUTSIDE_IPS: Record<string, string> = {
  Instance0Tunnel1: '192.0.2.10',
  Instance0Tunnel2: '192.0.2.11',
  Instance1Tunnel1: '198.51.100.10',
  Instance1Tunnel2: '198.51.100.11',
};
const awsTunnels = (problems: readonly string[] = []) =>
  Object.fromEntries(Object.entries(OUTSIDE_IPS).map(([id, outsideIp]) => [id, { outsideIp, presharedKeyProblems: problems }]));

const plan = planVpn();
const ipConfigId = (instance: number) =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/TestRG1/providers/Microsoft.Network/virtualNetworkGateways/VNet1GW/ipConfigurations/ipconfig${instance}`;

describe('azureDesign: the documented example (seed 004)', () => {
  const design = azureDesign(plan, { subscriptionId: SUBSCRIPTION, awsTunnels: awsTunnels() });

  test('C05: the gateway carries the custom APIPA list of each instance from the tutorial', () => {
    expect(design.gateway.bgpPeeringAddresses).toEqual([
      { ipconfigurationId: ipConfigId(0), customBgpIpAddresses: [...SEED_004_GATEWAY_APIPA[0]] },
      { ipconfigurationId: ipConfigId(1), customBgpIpAddresses: [...SEED_004_GATEWAY_APIPA[1]] },
    ]);
  });

  test("C14, C16, C38: active/active route-based Vpn gateway, VpnGw2AZ (the seed's VpnGw2 as an AZ SKU) Generation2, BGP with ASN 65000, two IP configurations", () => {
    const g = design.gateway;
    expect([g.name, g.gatewayType, g.vpnType, g.sku, g.generation]).toEqual([
      SEED_004_GATEWAY.name,
      'Vpn',
      'RouteBased',
      `${SEED_004_GATEWAY.sku}AZ`,
      SEED_004_GATEWAY.generation,
    ]);
    expect([g.activeActive, g.enableBgp, g.asn]).toEqual([true, true, SEED_004_GATEWAY.asn]);
    expect(g.ipConfigurations).toEqual([
      { name: 'ipconfig0', id: ipConfigId(0), publicIpIndex: 0, publicIpName: 'VNet1GW-pip0' },
      { name: 'ipconfig1', id: ipConfigId(1), publicIpIndex: 1, publicIpName: 'VNet1GW-pip1' },
    ]);
  });

  test('C14: two Standard, Static public IPs with identical zones', () => {
    expect(design.publicIps).toHaveLength(2);
    for (const p of design.publicIps) expect([p.sku, p.allocationMethod]).toEqual(['Standard', 'Static']);
    expect(design.publicIps[0].zones).toEqual(design.publicIps[1].zones);
    expect(design.publicIps.map((p) => p.name)).toEqual(['VNet1GW-pip0', 'VNet1GW-pip1']);
  });

  test('C17: GatewaySubnet is created in VNet1 with the plan prefix', () => {
    expect(design.gatewaySubnet).toMatchObject({
      create: true,
      name: 'GatewaySubnet',
      virtualNetworkName: SEED_004_GATEWAY.virtualNetworkName,
      addressPrefix: SEED_004_GATEWAY.gatewaySubnetPrefix,
    });
  });

  test('C05, C11, C15: four local network gateways, one per AWS tunnel: outside IP, AWS BGP peer, ASN 64512, no address space', () => {
    expect(design.localNetworkGateways.map((l) => [l.tunnelId, l.gatewayIpAddress, l.bgpPeeringAddress, l.asn, l.addressPrefixes])).toEqual(
      SEED_004_TUNNELS.map((t) => [t.id, OUTSIDE_IPS[t.id], t.awsPeer, SEED_004_AWS_ASN, []]),
    );
  });

  test('C13: each connection sets both custom BGP addresses as in the tutorial table', () => {
    expect(design.connections).toHaveLength(4);
    for (const c of design.connections) {
      const [primary, secondary] = SEED_004_CONNECTION_CUSTOM_BGP[c.tunnelId];
      expect(c.gatewayCustomBgpIpAddresses).toEqual([
        { ipConfigurationId: ipConfigId(0), customBgpIpAddress: primary },
        { ipConfigurationId: ipConfigId(1), customBgpIpAddress: secondary },
      ]);
    }
  });

  test('C12, C20, C24, C25, C26: IPsec IKEv2 BGP connections, ResponderOnly, route-based selectors, the plan policy', () => {
    for (const c of design.connections) {
      expect(c).toMatchObject({
        connectionType: 'IPsec',
        connectionProtocol: 'IKEv2',
        enableBgp: true,
        connectionMode: 'ResponderOnly',
        usePolicyBasedTrafficSelectors: false,
        dpdTimeoutSeconds: 30,
      });
      expect(c.ipsecPolicies).toEqual([{
        ikeEncryption: 'AES256',
        ikeIntegrity: 'SHA256',
        dhGroup: 'DHGroup14',
        ipsecEncryption: 'AES256',
        ipsecIntegrity: 'SHA256',
        pfsGroup: 'PFS2048',
        saLifeTimeSeconds: 3600,
        saDataSizeKilobytes: 102400000,
      }]);
      expect(c.localNetworkGatewayName).toBe(design.localNetworkGateways.find((l) => l.tunnelId === c.tunnelId)!.name);
    }
  });

  test('names are stable and derived from the plan', () => {
    expect(azureDesign(plan, { awsTunnels: awsTunnels() })).toEqual(azureDesign(plan, { awsTunnels: awsTunnels() }));
    expect(design.connections.map((c) => c.name)).toEqual(SEED_004_TUNNELS.map((t) => `cn-${plan.name}-${t.id}`));
  });

  test('every registered rule passes on the design (the rules read the design itself), and C23: keys are marked secret in it', () => {
    const view: AzureView = design;
    expect(checkAzure(view).filter((f) => f.level === 'error')).toEqual([]);
    expect(view.connections.every((c) => c.sharedKey.isSecret)).toBe(true);
    expect(assertAzureDesign(design).filter((f) => f.level === 'error')).toEqual([]);
  });
});

describe('azureDesign: options', () => {
  test('C15: the first run (no AWS tunnels) has no local network gateway and no connection', () => {
    const design = azureDesign(plan);
    expect(design.localNetworkGateways).toEqual([]);
    expect(design.connections).toEqual([]);
    expect(design.findings).toEqual([]);
    expect(design.gateway.ipConfigurations[0].id).toContain(SUBSCRIPTION_ID_PLACEHOLDER);
  });

  test('C15: a missing or unknown AWS tunnel is a finding, each named', () => {
    const three = awsTunnels();
    delete three.Instance1Tunnel2;
    const design = azureDesign(plan, { awsTunnels: { ...three, Instance2Tunnel1: { outsideIp: '192.0.2.99' } } });
    const findings = design.findings.map((f) => [f.path, f.catalogue]);
    expect(findings).toEqual([['awsTunnels.Instance2Tunnel1', ['C15']], ['awsTunnels.Instance1Tunnel2', ['C15']]]);
  });

  test('C17: a created GatewaySubnet carries its name, prefix and VNet space, so the rule sees a bad subnet', () => {
    const design = azureDesign(plan, { subscriptionId: SUBSCRIPTION, awsTunnels: awsTunnels() });
    expect(design.gatewaySubnet).toMatchObject({
      name: 'GatewaySubnet',
      addressPrefix: plan.azure.gatewaySubnetCidr,
      vnetAddressSpace: [plan.azure.vnetCidr],
    });
    // A /28 outside the VNet (10.1.0.0/16) on a VpnGw2AZ gateway: too small for a non-Basic SKU and outside the VNet.
    const bad: AzureDesign = { ...design, gatewaySubnet: { ...design.gatewaySubnet, name: 'gatewaysubnet', addressPrefix: '10.9.1.0/28' } };
    const findings = checkAzure(bad, [GatewaySubnetNameAndSize]);
    expect(findings.map((f) => [f.path, f.catalogue])).toEqual([
      ['gatewaySubnet.name', ['C17']],
      ['gatewaySubnet.addressPrefix', ['C17']],
      ['gatewaySubnet.addressPrefix', ['C17']],
    ]);
    expect(findings[1].message).toContain('is a /28');
    expect(findings[2].message).toContain("'10.9.1.0/28' is outside the VNet address space 10.1.0.0/16");
  });

  test('C17: an existing subnet id: nothing to create, the rules know its name only', () => {
    const id = `/subscriptions/${SUBSCRIPTION}/resourceGroups/TestRG1/providers/Microsoft.Network/virtualNetworks/VNet1/subnets/GatewaySubnet`;
    const design = azureDesign(plan, { existingGatewaySubnet: id });
    expect(design.gatewaySubnet).toMatchObject({ create: false, existingId: id });
    const read = ({ name, addressPrefix, vnetAddressSpace }: AzureView['gatewaySubnet']) => ({ name, addressPrefix, vnetAddressSpace });
    expect(read(design.gatewaySubnet)).toEqual({ name: 'GatewaySubnet', addressPrefix: undefined, vnetAddressSpace: undefined });
    expect(read(azureDesign(plan, { existingGatewaySubnet: true }).gatewaySubnet)).toEqual({
      name: undefined,
      addressPrefix: undefined,
      vnetAddressSpace: undefined,
    });
  });

  test('C17: an existing subnet and a VNet to create one in are refused together', () => {
    const design = azureDesign(plan, { existingGatewaySubnet: true, virtualNetworkName: 'VNet2' });
    expect(design.findings).toEqual([expect.objectContaining({ path: 'virtualNetworkName', catalogue: ['C17'], level: 'error' })]);
  });

  test('C24: an algorithm Azure has no equal for is a finding naming the plan field', () => {
    const tampered: ResolvedPlan = { ...plan, ipsec: { ...plan.ipsec, phase1: { ...plan.ipsec.phase1, integrity: 'SHA2-512' } } };
    const design = azureDesign(tampered, { awsTunnels: awsTunnels() });
    expect(design.findings).toEqual([expect.objectContaining({ path: 'ipsec.phase1.integrity', catalogue: ['C24'] })]);
    expect(design.connections[0].ipsecPolicies[0].ikeIntegrity).toBeUndefined();
    // The IKE rule reads the empty field as an algorithm AWS and Azure do not share (C24).
    expect(checkAzure(design, [IkeParametersMatch]).map((f) => f.path)).toEqual(
      design.connections.map((c) => `connection ${c.name}.ipsecPolicies[0].ikeIntegrity`),
    );
  });

  test('C38: zones follow the region: 1, 2, 3 where it has zones, none where it has none (an AZ SKU stays regional there)', () => {
    expect(azureDesign(plan).publicIps.map((p) => p.zones)).toEqual([['1', '2', '3'], ['1', '2', '3']]);
    const westus = azureDesign(plan, { location: 'westus' });
    expect(westus.publicIps.map((p) => p.zones)).toEqual([[], []]);
    expect(westus.gateway.sku).toBe('VpnGw2AZ');
    expect(azureDesignFindings(westus).filter((f) => f.level === 'error')).toEqual([]);
    const fromPlan = azureDesign(planVpn({ azure: { location: 'ukwest' } }));
    expect([fromPlan.location, fromPlan.publicIps[0].zones]).toEqual(['ukwest', []]);
  });

  test('resource group, location and zones follow the options', () => {
    const design = azureDesign(plan, { resourceGroupName: 'rg-vpn', location: 'japaneast', publicIpZones: ['1'], subscriptionId: SUBSCRIPTION });
    expect([design.resourceGroupName, design.location]).toEqual(['rg-vpn', 'japaneast']);
    expect(design.publicIps.map((p) => p.zones)).toEqual([['1'], ['1']]);
    expect(design.gateway.id).toBe(`/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-vpn/providers/Microsoft.Network/virtualNetworkGateways/VNet1GW`);
  });
});

describe('C22: pre-shared key format', () => {
  test.each([
    ['Abcdefgh', 0],
    ['a.b_c.d_e1', 0],
    ['x'.repeat(64), 0],
    ['Abc1234', 1], // 7 characters
    ['x'.repeat(65), 1],
    ['0abcdefgh', 1],
    ['abc-defgh', 1],
    ['0a-', 3],
  ])('C22: %s has %i problem(s)', (key, count) => {
    expect(presharedKeyProblems(key)).toHaveLength(count);
  });

  test('C22: problems never quote the key', () => {
    const key = 'bad key with spaces and ! marks';
    const problems = presharedKeyProblems(key);
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p).not.toContain(key);
      expect(p).not.toContain('!');
    }
  });

  test('C22: a key with problems stops the design with an error naming the tunnel and C22, never the key', () => {
    const design = azureDesign(plan, {
      awsTunnels: { ...awsTunnels(), Instance0Tunnel2: { outsideIp: '192.0.2.11', presharedKeyProblems: presharedKeyProblems('0short') } },
    });
    expect(() => assertAzureDesign(design)).toThrow(AzureDesignError);
    try {
      assertAzureDesign(design);
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toMatch(/C22/);
      expect(message).toContain('Instance0Tunnel2');
      expect(message).not.toContain('0short');
    }
  });
});

describe('assertAzureDesign: every rule finding at once', () => {
  const design = azureDesign(plan, { awsTunnels: awsTunnels() });
  const skuRule: Rule = {
    id: 'TestSku',
    catalogue: ['C16'],
    level: 'error',
    summary: '',
    explanation: '',
    fix: 'VpnGw2.',
    azure: (view) => (view.gateway.sku === 'Basic' ? [{ path: `gateway ${view.gateway.name}.sku`, message: 'Basic has no BGP.' }] : []),
  };
  const zoneRule: Rule = {
    id: 'TestZones',
    catalogue: ['C14'],
    level: 'error',
    summary: '',
    explanation: '',
    fix: 'identical zones.',
    azure: (view) => (view.publicIps[0].zones.join() !== view.publicIps[1].zones.join() ? [{ path: 'publicIps', message: 'zones differ.' }] : []),
  };

  test('C14, C16: compliant design passes the given rules', () => {
    expect(azureDesignFindings(design, [skuRule, zoneRule])).toEqual([]);
  });

  test('C14, C16: two violations give one error listing both catalogue numbers', () => {
    const bad: AzureDesign = {
      ...design,
      gateway: { ...design.gateway, sku: 'Basic' },
      publicIps: [design.publicIps[0], { ...design.publicIps[1], zones: ['1'] }],
    };
    expect(() => assertAzureDesign(bad, [skuRule, zoneRule])).toThrow(/2 error\(s\)[\s\S]*C16 TestSku[\s\S]*C14 TestZones/);
  });

  test('a warning alone does not stop the design and is returned', () => {
    const warn: Rule = { ...skuRule, id: 'TestWarn', level: 'warning', azure: () => [{ path: 'gateway', message: 'just saying.' }] };
    expect(assertAzureDesign(design, [warn])).toEqual([expect.objectContaining({ ruleId: 'TestWarn', level: 'warning' })]);
  });
});
