/**
 * Several plans on one Azure gateway: the design (pure) and the component (Pulumi mocks). Expected
 * addresses are written out by hand from the allocation `planSharedGateway` documents: the first plan
 * takes the seed 004 table, the second the next free /30 of each /24 (169.254.21.8/30,
 * 169.254.22.8/30, 169.254.21.12/30, 169.254.22.12/30).
 */
import * as pulumi from '@pulumi/pulumi';
import { assertAzureDesign, AzureDesignError, azureDesignFindings } from '../../../lib/peers/azure/pulumi/check';
import { AzureVpnGateway, type AwsTunnelEndpoint } from '../../../lib/peers/azure/pulumi/component';
import { azureDesign, azureDesignPerPlan, type AwsTunnelDesignInput } from '../../../lib/peers/azure/design';
import { type ResolvedPlan } from '../../../lib/plan';
import { planSharedGateway, planVpn } from '../../../lib/check/validate';
import { installMocks, ofType, TEST_SUBSCRIPTION, testKey, valueOf, type MockRecord } from './mocks';

const SUBSCRIPTION = TEST_SUBSCRIPTION;
const [orders, billing] = planSharedGateway([
  { name: 'orders-vpc', aws: { vpcCidr: '10.2.0.0/16' } },
  { name: 'billing-vpc', aws: { vpcCidr: '10.3.0.0/16' } },
]);

/** Instance 0 then instance 1: every plan's Azure addresses, first plan first. */
const UNION_APIPA = [
  ['169.254.21.2', '169.254.22.2', '169.254.21.10', '169.254.22.10'],
  ['169.254.21.6', '169.254.22.6', '169.254.21.14', '169.254.22.14'],
];

/** Per plan tunnel: the Azure address (own instance) and the AWS BGP peer (the LNG's). */
const BILLING_TUNNELS: Record<string, { azure: string; awsPeer: string; instance: 0 | 1; }> = {
  Instance0Tunnel1: { azure: '169.254.21.10', awsPeer: '169.254.21.9', instance: 0 },
  Instance0Tunnel2: { azure: '169.254.22.10', awsPeer: '169.254.22.9', instance: 0 },
  Instance1Tunnel1: { azure: '169.254.21.14', awsPeer: '169.254.21.13', instance: 1 },
  Instance1Tunnel2: { azure: '169.254.22.14', awsPeer: '169.254.22.13', instance: 1 },
};
const ORDERS_TUNNELS: Record<string, { azure: string; awsPeer: string; instance: 0 | 1; }> = {
  Instance0Tunnel1: { azure: '169.254.21.2', awsPeer: '169.254.21.1', instance: 0 },
  Instance0Tunnel2: { azure: '169.254.22.2', awsPeer: '169.254.22.1', instance: 0 },
  Instance1Tunnel1: { azure: '169.254.21.6', awsPeer: '169.254.21.5', instance: 1 },
  Instance1Tunnel2: { azure: '169.254.22.6', awsPeer: '169.254.22.5', instance: 1 },
};
const TUNNELS_OF: Record<string, typeof ORDERS_TUNNELS> = { 'orders-vpc': ORDERS_TUNNELS, 'billing-vpc': BILLING_TUNNELS };

/** Outside IPs per plan: each VPC's VPN connections have their own. */
const OUTSIDE_IPS: Record<string, Record<string, string>> = {
  'orders-vpc': {
    Instance0Tunnel1: '192.0.2.10',
    Instance0Tunnel2: '192.0.2.11',
    Instance1Tunnel1: '198.51.100.10',
    Instance1Tunnel2: '198.51.100.11',
  },
  'billing-vpc': {
    Instance0Tunnel1: '192.0.2.20',
    Instance0Tunnel2: '192.0.2.21',
    Instance1Tunnel1: '198.51.100.20',
    Instance1Tunnel2: '198.51.100.21',
  },
};
const designTunnels = (plan: ResolvedPlan): Record<string, AwsTunnelDesignInput> =>
  Object.fromEntries(Object.entries(OUTSIDE_IPS[plan.name]).map(([id, outsideIp]) => [id, { outsideIp, presharedKeyProblems: [] }]));

const ipConfigId = (instance: number) =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/TestRG1/providers/Microsoft.Network/virtualNetworkGateways/VNet1GW/ipConfigurations/ipconfig${instance}`;

/** C13 for one connection: own instance → the tunnel's Azure address; the other → an address of that instance's union list. */
function expectC13(planName: string, tunnelId: string, entries: readonly { ipConfigurationId: string; customBgpIpAddress: string; }[]) {
  const { azure, instance } = TUNNELS_OF[planName][tunnelId];
  const other = 1 - instance;
  expect(entries.map((e) => e.ipConfigurationId)).toEqual([ipConfigId(0), ipConfigId(1)]);
  expect(entries[instance].customBgpIpAddress).toBe(azure);
  expect(UNION_APIPA[other]).toContain(entries[other].customBgpIpAddress);
}

describe('azureDesign: two plans on one gateway', () => {
  const design = azureDesign(orders, {
    subscriptionId: SUBSCRIPTION,
    awsTunnels: designTunnels(orders),
    sharedWith: [{ plan: billing, awsTunnels: designTunnels(billing) }],
  });

  test("C05: each instance answers on the union of both plans' APIPA addresses, in plan order", () => {
    expect(design.gateway.bgpPeeringAddresses).toEqual([
      { ipconfigurationId: ipConfigId(0), customBgpIpAddresses: UNION_APIPA[0] },
      { ipconfigurationId: ipConfigId(1), customBgpIpAddresses: UNION_APIPA[1] },
    ]);
    expect(design.plans.map((p) => p.name)).toEqual(['orders-vpc', 'billing-vpc']);
  });

  test("C11, C15: eight LNGs, one per tunnel of each plan, with the plan's outside IPs and AWS BGP peers", () => {
    expect(design.localNetworkGateways.map((l) => [l.name, l.gatewayIpAddress, l.bgpPeeringAddress, l.asn])).toEqual(
      ['orders-vpc', 'billing-vpc'].flatMap((name) =>
        Object.entries(TUNNELS_OF[name]).map(([id, t]) => [`lng-${name}-${id}`, OUTSIDE_IPS[name][id], t.awsPeer, 64512])
      ),
    );
  });

  test("C13: every connection names its tunnel's address on its own instance and a union address on the other", () => {
    expect(design.connections).toHaveLength(8);
    for (const c of design.connections) {
      expect(c.name).toBe(`cn-${c.planName}-${c.tunnelId}`);
      expect(c.localNetworkGatewayName).toBe(`lng-${c.planName}-${c.tunnelId}`);
      expectC13(c.planName, c.tunnelId, c.gatewayCustomBgpIpAddresses);
    }
  });

  test("the first plan keeps the Pulumi names it has alone; the second plan's include its name", () => {
    const alone = azureDesign(orders, { awsTunnels: designTunnels(orders) });
    expect(design.connections.slice(0, 4).map((c) => c.resourceName)).toEqual(alone.connections.map((c) => c.resourceName));
    expect(design.localNetworkGateways.slice(4).map((l) => l.resourceName)).toEqual(
      Object.keys(BILLING_TUNNELS).map((id) => `lng-billing-vpc-${id}`),
    );
    expect(new Set(design.connections.map((c) => c.resourceName)).size).toBe(8);
  });

  test('C04, C05, C13, C15: every rule passes on the whole design, one view per plan', () => {
    expect(design.findings).toEqual([]);
    expect(azureDesignFindings(design).filter((f) => f.level === 'error')).toEqual([]);
    const views = azureDesignPerPlan(design);
    expect(views.map((v) => v.connections.map((c) => c.name))).toEqual([
      Object.keys(ORDERS_TUNNELS).map((id) => `cn-orders-vpc-${id}`),
      Object.keys(BILLING_TUNNELS).map((id) => `cn-billing-vpc-${id}`),
    ]);
  });

  test('C15: a plan whose AWS side is not deployed yet adds its addresses to the gateway, but no LNG or connection', () => {
    const partial = azureDesign(orders, { awsTunnels: designTunnels(orders), sharedWith: [{ plan: billing }] });
    expect(partial.gateway.bgpPeeringAddresses.map((b) => b.customBgpIpAddresses)).toEqual(UNION_APIPA);
    expect(partial.connections.map((c) => c.planName)).toEqual(Array(4).fill('orders-vpc'));
    expect(azureDesignFindings(partial).filter((f) => f.level === 'error')).toEqual([]);
  });

  test('C15: a missing tunnel of the second plan is named with its place in sharedWith', () => {
    const three = designTunnels(billing);
    delete three.Instance1Tunnel1;
    const partial = azureDesign(orders, { awsTunnels: designTunnels(orders), sharedWith: [{ plan: billing, awsTunnels: three }] });
    expect(partial.findings).toEqual([expect.objectContaining({ path: 'sharedWith[0].awsTunnels.Instance1Tunnel1', catalogue: ['C15'] })]);
    expect(partial.findings[0].message).toContain("plan 'billing-vpc'");
  });
});

describe('plans that cannot share the gateway', () => {
  test('C04: two plans built apart (both on the seed 004 blocks) are refused, naming the plan and the overlap', () => {
    const first = planVpn({ name: 'orders-vpc' });
    const second = planVpn({ name: 'billing-vpc', aws: { vpcCidr: '10.3.0.0/16' } });
    const design = azureDesign(first, { sharedWith: [{ plan: second }] });
    const c04 = azureDesignFindings(design).filter((f) => f.catalogue.includes('C04'));
    expect(c04.map((f) => f.path)).toEqual([
      'sharedWith[0].plan.tunnels[0]',
      'sharedWith[0].plan.tunnels[1]',
      'sharedWith[0].plan.tunnels[2]',
      'sharedWith[0].plan.tunnels[3]',
    ]);
    expect(c04[0].message).toMatch(/^plan 'billing-vpc': '169\.254\.21\.0\/30' overlaps '169\.254\.21\.0\/30' of plan 'orders-vpc'/);
    expect(() => assertAzureDesign(design)).toThrow(AzureDesignError);
  });

  test("C04: listing the first plan's blocks in apipaInUse makes a plan built apart acceptable", () => {
    const first = planVpn({ name: 'orders-vpc' });
    const second = planVpn({ name: 'billing-vpc', aws: { vpcCidr: '10.3.0.0/16' }, azure: { apipaInUse: first.tunnels.map((t) => t.insideCidr) } });
    expect(assertAzureDesign(azureDesign(first, { sharedWith: [{ plan: second }] })).filter((f) => f.level === 'error')).toEqual([]);
  });

  test("C11, C15, C16, C17: disagreeing gateway settings are refused, each naming the plan, the field and the first plan's value", () => {
    const second = planVpn({
      name: 'billing-vpc',
      aws: { vpcCidr: '10.3.0.0/16' },
      azure: {
        asn: 65010,
        sku: 'VpnGw3AZ',
        gatewayName: 'OtherGW',
        gatewaySubnetCidr: '10.1.2.0/24',
        apipaInUse: orders.tunnels.map((t) => t.insideCidr),
      },
    });
    const findings = azureDesignFindings(azureDesign(orders, { sharedWith: [{ plan: second }] })).filter((f) => f.level === 'error');
    const byPath = (path: string) => findings.filter((f) => f.path === path);
    expect(byPath('sharedWith[0].plan.azure.sku')).toEqual([expect.objectContaining({ catalogue: ['C16'] })]);
    expect(byPath('sharedWith[0].plan.azure.sku')[0].message).toContain(
      `plan 'billing-vpc' gives the shared gateway sku "VpnGw3AZ", plan 'orders-vpc' (the first) "VpnGw2AZ"`,
    );
    expect(byPath('sharedWith[0].plan.azure.gatewayName')).toEqual([expect.objectContaining({ catalogue: ['C15'] })]);
    expect(byPath('sharedWith[0].plan.azure.gatewaySubnetCidr')).toEqual([expect.objectContaining({ catalogue: ['C17'] })]);
    expect(byPath('sharedWith[0].plan.azure.asn')).toEqual([expect.objectContaining({ catalogue: ['C11'], fix: '65000.' })]);
    expect(findings).toHaveLength(4);
  });

  test('C15: two plans with the same name are refused (their Azure names would collide)', () => {
    const twin = planVpn({ name: 'orders-vpc', aws: { vpcCidr: '10.3.0.0/16' }, azure: { apipaInUse: orders.tunnels.map((t) => t.insideCidr) } });
    const design = azureDesign(orders, { sharedWith: [{ plan: twin }] });
    expect(design.findings).toEqual([expect.objectContaining({ path: 'sharedWith[0].plan.name', catalogue: ['C15'], level: 'error' })]);
  });
});

describe('AzureVpnGateway: two plans on one gateway (Pulumi mocks)', () => {
  /** A key per plan and tunnel, generated per run, to see which connection gets which. */
  const keys = new Map<string, string>();
  const keyOf = (plan: ResolvedPlan, id: string) => {
    const name = `${plan.name}/${id}`;
    if (!keys.has(name)) keys.set(name, testKey());
    return keys.get(name)!;
  };
  const endpoints = (plan: ResolvedPlan): Record<string, AwsTunnelEndpoint> =>
    Object.fromEntries(Object.entries(OUTSIDE_IPS[plan.name]).map(([id, outsideIp]) => [id, { outsideIp, presharedKey: keyOf(plan, id) }]));
  const secretKeys: { name: string; isSecret: Promise<boolean>; }[] = [];
  let record: MockRecord;
  let connectionIds: string[];

  beforeAll(async () => {
    record = await installMocks();
    const vpn = new AzureVpnGateway('vpn', {
      plan: orders,
      awsTunnels: endpoints(orders),
      sharedWith: [{ plan: billing, awsTunnels: endpoints(billing) }],
    }, {
      transformations: [({ name, props }) => {
        if (props.sharedKey !== undefined) secretKeys.push({ name, isSecret: pulumi.isSecret(props.sharedKey as pulumi.Output<string>) });
        return undefined;
      }],
    });
    connectionIds = await valueOf(vpn.connectionIds);
  });

  test('C14, C15: one gateway, two public IPs, eight LNGs and eight connections', () => {
    expect(ofType(record, 'VirtualNetworkGateway')).toHaveLength(1);
    expect(ofType(record, 'PublicIPAddress')).toHaveLength(2);
    expect(ofType(record, 'LocalNetworkGateway')).toHaveLength(8);
    expect(ofType(record, 'VirtualNetworkGatewayConnection')).toHaveLength(8);
    expect(connectionIds).toHaveLength(8);
  });

  test('C05: the gateway gets the union APIPA lists', () => {
    const [gateway] = ofType(record, 'VirtualNetworkGateway');
    expect(gateway.inputs.bgpSettings).toEqual({
      asn: 65000,
      bgpPeeringAddresses: [
        { ipconfigurationId: ipConfigId(0), customBgpIpAddresses: UNION_APIPA[0] },
        { ipconfigurationId: ipConfigId(1), customBgpIpAddresses: UNION_APIPA[1] },
      ],
    });
  });

  test("C11, C13: each connection has its plan's LNG and the C13 addresses of its tunnel", () => {
    const lngById = new Map(ofType(record, 'LocalNetworkGateway').map((l) => [`${l.name}-id`, l.inputs]));
    for (const connection of ofType(record, 'VirtualNetworkGatewayConnection')) {
      const [, planName, tunnelId] = /^cn-(orders-vpc|billing-vpc)-(Instance\dTunnel\d)$/.exec(
        String(connection.inputs.virtualNetworkGatewayConnectionName),
      )!;
      expectC13(planName, tunnelId, connection.inputs.gatewayCustomBgpIpAddresses as { ipConfigurationId: string; customBgpIpAddress: string; }[]);
      const lng = lngById.get((connection.inputs.localNetworkGateway2 as { id: string; }).id)!;
      expect(lng).toMatchObject({
        localNetworkGatewayName: `lng-${planName}-${tunnelId}`,
        gatewayIpAddress: OUTSIDE_IPS[planName][tunnelId],
        bgpSettings: { asn: 64512, bgpPeeringAddress: TUNNELS_OF[planName][tunnelId].awsPeer },
      });
    }
  });

  test("C22, C23: each connection gets the key of its own plan's tunnel, as a Pulumi secret", async () => {
    expect(secretKeys).toHaveLength(8);
    expect(await Promise.all(secretKeys.map((s) => s.isSecret))).toEqual(Array(8).fill(true));
    for (const connection of ofType(record, 'VirtualNetworkGatewayConnection')) {
      const plan = String(connection.inputs.virtualNetworkGatewayConnectionName).startsWith('cn-billing-vpc') ? billing : orders;
      // The mocks receive a secret as Pulumi's secret envelope: compare with the made-up test key of the same plan and tunnel.
      expect(connection.inputs.sharedKey).toEqual({
        [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
        value: keyOf(plan, String(connection.name).replace(/^vpn-cn-(billing-vpc-)?/, '')),
      });
    }
  });
});

describe('AzureVpnGateway: refused shared plans register nothing', () => {
  let record: MockRecord;
  beforeEach(async () => {
    record = await installMocks();
  });

  test('C04: overlapping plans stop the component before any resource exists', async () => {
    const second = planVpn({ name: 'billing-vpc', aws: { vpcCidr: '10.3.0.0/16' } });
    expect(() => new AzureVpnGateway('vpn', { plan: orders, sharedWith: [{ plan: second }] })).toThrow(
      /sharedWith\[0\]\.plan\.tunnels\[0\]: \[C04 InsideCidrUnique\] plan 'billing-vpc'/,
    );
    await new Promise((r) => setImmediate(r));
    expect(record.resources).toEqual([]);
  });

  test('C16: a second plan with another SKU stops the component', () => {
    const second = planVpn({
      name: 'billing-vpc',
      aws: { vpcCidr: '10.3.0.0/16' },
      azure: { sku: 'VpnGw4AZ', apipaInUse: orders.tunnels.map((t) => t.insideCidr) },
    });
    expect(() => new AzureVpnGateway('vpn', { plan: orders, sharedWith: [{ plan: second }] })).toThrow(/sharedWith\[0\]\.plan\.azure\.sku: \[C16 /);
  });

  test('C22: a malformed key of the second plan names its connection, never the key', () => {
    const badKey = '0bad-key';
    const awsTunnels: Record<string, AwsTunnelEndpoint> = Object.fromEntries(
      Object.entries(OUTSIDE_IPS['billing-vpc']).map((
        [id, outsideIp],
      ) => [id, { outsideIp, presharedKey: id === 'Instance1Tunnel2' ? badKey : testKey() }]),
    );
    let message = '';
    try {
      new AzureVpnGateway('vpn', { plan: orders, sharedWith: [{ plan: billing, awsTunnels }] });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/connection cn-billing-vpc-Instance1Tunnel2\.sharedKey: \[C22 /);
    expect(message).not.toContain(badKey);
  });
});
