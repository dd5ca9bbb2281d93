import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { AzureDesignError } from '../../../lib/peers/azure/pulumi/check';
import { AzureVpnGateway, type AwsTunnelEndpoint } from '../../../lib/peers/azure/pulumi/component';
import { planVpn } from '../../../lib/check/validate';
import { installMocks, ofType, TEST_SUBSCRIPTION, testKey, valueOf, type MockRecord } from './mocks';
import { SEED_004_CONNECTION_CUSTOM_BGP, SEED_004_GATEWAY_APIPA, SEED_004_TUNNELS } from './seed004';

const ROOT = path.resolve(__dirname, '../../..');
const plan = planVpn();
const OUTSIDE_IPS: Record<string, string> = {
  Instance0Tunnel1: '192.0.2.10',
  Instance0Tunnel2: '192.0.2.11',
  Instance1Tunnel1: '198.51.100.10',
  Instance1Tunnel2: '198.51.100.11',
};
/** Made-up test keys, one per tunnel; some plain strings, some (non-secret) Outputs. */
/** Generated per run (never written down): the tests search every output for these values. */
const TEST_KEYS: Record<string, string> = Object.fromEntries(
  ['Instance0Tunnel1', 'Instance0Tunnel2', 'Instance1Tunnel1', 'Instance1Tunnel2'].map((id) => [id, testKey()]),
);
function endpoints(keyOf: (id: string) => pulumi.Input<string> = (id) => TEST_KEYS[id]): Record<string, AwsTunnelEndpoint> {
  return Object.fromEntries(Object.keys(OUTSIDE_IPS).map((id) => [id, { outsideIp: OUTSIDE_IPS[id], presharedKey: keyOf(id) }]));
}

/** Captures each child's props and options before serialization (secrets are still Outputs there). */
function capture() {
  const seen: { type: string; name: string; props: Record<string, unknown>; opts: pulumi.ResourceOptions; }[] = [];
  const transformation: pulumi.ResourceTransformation = ({ type, name, props, opts }) => {
    seen.push({ type, name, props, opts });
    return undefined;
  };
  return { seen, transformation };
}

async function build(record: MockRecord, args: Partial<ConstructorParameters<typeof AzureVpnGateway>[1]>, opts?: pulumi.ComponentResourceOptions) {
  const vpn = new AzureVpnGateway('vpn', { plan, ...args }, opts);
  const [ips, gatewayId, connectionIds] = await valueOf(pulumi.all([vpn.gatewayPublicIps, vpn.gatewayId, vpn.connectionIds]));
  return { vpn, ips, gatewayId, connectionIds, record };
}

describe('AzureVpnGateway with the AWS tunnels', () => {
  // One full run (a few seconds under mocks) shared by the checks below.
  let record: MockRecord;
  let built: Awaited<ReturnType<typeof build>>;
  const { seen, transformation } = capture();
  beforeAll(async () => {
    record = await installMocks();
    // Half the keys as plain strings, half as plain (non-secret) Outputs: the component wraps both.
    const awsTunnels = endpoints((id) => (id.endsWith('1') ? TEST_KEYS[id] : pulumi.output(TEST_KEYS[id])));
    built = await build(record, { awsTunnels }, { transformations: [transformation] });
  });

  test('C14, C15: registers a subnet, two public IPs, one gateway, four LNGs and four connections; outputs in order', () => {
    expect(ofType(record, 'Subnet')).toHaveLength(1);
    expect(ofType(record, 'PublicIPAddress')).toHaveLength(2);
    expect(ofType(record, 'VirtualNetworkGateway')).toHaveLength(1);
    expect(ofType(record, 'LocalNetworkGateway')).toHaveLength(4);
    expect(ofType(record, 'VirtualNetworkGatewayConnection')).toHaveLength(4);
    expect(built.ips).toHaveLength(2);
    expect(new Set(built.ips).size).toBe(2);
    expect(built.gatewayId).toBe('vpn-gateway-id');
    expect(built.connectionIds).toEqual(SEED_004_TUNNELS.map((t) => `vpn-cn-${t.id}-id`));
  });

  test('C05, C13, C14: the gateway gets the APIPA lists with full ipconfiguration ids of the provider subscription', () => {
    const [gateway] = ofType(record, 'VirtualNetworkGateway');
    const id = (i: number) =>
      `/subscriptions/${TEST_SUBSCRIPTION}/resourceGroups/TestRG1/providers/Microsoft.Network/virtualNetworkGateways/VNet1GW/ipConfigurations/ipconfig${i}`;
    expect(gateway.inputs).toMatchObject({
      virtualNetworkGatewayName: 'VNet1GW',
      gatewayType: 'Vpn',
      vpnType: 'RouteBased',
      sku: { name: 'VpnGw2AZ', tier: 'VpnGw2AZ' },
      vpnGatewayGeneration: 'Generation2',
      activeActive: true,
      enableBgp: true,
      bgpSettings: {
        asn: 65000,
        bgpPeeringAddresses: [
          { ipconfigurationId: id(0), customBgpIpAddresses: [...SEED_004_GATEWAY_APIPA[0]] },
          { ipconfigurationId: id(1), customBgpIpAddresses: [...SEED_004_GATEWAY_APIPA[1]] },
        ],
      },
    });
    expect(record.calls).toEqual(['azure-native:authorization:getClientConfig']);
    const ipConfigurations = gateway.inputs.ipConfigurations as { name: string; publicIPAddress: { id: string; }; subnet: { id: string; }; }[];
    expect(ipConfigurations.map((c) => [c.name, c.publicIPAddress.id, c.subnet.id])).toEqual([
      ['ipconfig0', 'vpn-pip0-id', 'vpn-gateway-subnet-id'],
      ['ipconfig1', 'vpn-pip1-id', 'vpn-gateway-subnet-id'],
    ]);
    for (const connection of ofType(record, 'VirtualNetworkGatewayConnection')) {
      const tunnelId = connection.name.replace('vpn-cn-', '');
      expect(connection.inputs.gatewayCustomBgpIpAddresses).toEqual([
        { ipConfigurationId: id(0), customBgpIpAddress: SEED_004_CONNECTION_CUSTOM_BGP[tunnelId][0] },
        { ipConfigurationId: id(1), customBgpIpAddress: SEED_004_CONNECTION_CUSTOM_BGP[tunnelId][1] },
      ]);
      expect(connection.inputs).toMatchObject({
        connectionType: 'IPsec',
        connectionProtocol: 'IKEv2',
        enableBgp: true,
        connectionMode: 'ResponderOnly',
        usePolicyBasedTrafficSelectors: false,
        dpdTimeoutSeconds: 30,
        virtualNetworkGateway1: { id: 'vpn-gateway-id' },
        localNetworkGateway2: { id: `vpn-lng-${tunnelId}-id` },
      });
    }
  });

  test('C11: each LNG has the tunnel outside IP, the AWS BGP peer address and ASN 64512, no address space', () => {
    const lngs = ofType(record, 'LocalNetworkGateway');
    expect(lngs.map((l) => [l.name, l.inputs.gatewayIpAddress, l.inputs.bgpSettings, l.inputs.localNetworkAddressSpace]).sort()).toEqual(
      SEED_004_TUNNELS.map((t) => [`vpn-lng-${t.id}`, OUTSIDE_IPS[t.id], { asn: 64512, bgpPeeringAddress: t.awsPeer }, undefined]).sort(),
    );
  });

  test('C14, C38: public IPs are Standard, Static, zone-redundant (1, 2, 3) in eastus, with identical zones', () => {
    const pips = ofType(record, 'PublicIPAddress').map((p) => p.inputs);
    for (const p of pips) expect(p).toMatchObject({ sku: { name: 'Standard' }, publicIPAllocationMethod: 'Static', zones: ['1', '2', '3'] });
    expect(pips[0].zones).toEqual(pips[1].zones);
  });

  test('C23: every key reaches azure-native as a Pulumi secret, whether given as a string or a plain Output', async () => {
    const withKey = seen.filter((s) => s.props.sharedKey !== undefined);
    expect(withKey.map((s) => s.type)).toEqual(Array(4).fill('azure-native:network:VirtualNetworkGatewayConnection'));
    for (const s of withKey) {
      expect(pulumi.Output.isInstance(s.props.sharedKey)).toBe(true);
      expect(await pulumi.isSecret(s.props.sharedKey as pulumi.Output<string>)).toBe(true);
    }
  });

  test('the gateway has 90-minute create/update timeouts; every child is parented to the component', () => {
    const gateway = seen.find((s) => s.type === 'azure-native:network:VirtualNetworkGateway')!;
    expect(gateway.opts.customTimeouts).toMatchObject({ create: '90m', update: '90m' });
    const children = seen.filter((s) => s.type !== 'multicloud-vpn:azure:VpnGateway');
    expect(children).toHaveLength(20); // subnet, 2 IPs, gateway, 4 LNGs, 4 connections, 8 metric alerts (C43)
    expect(children.every((s) => s.opts.parent === built.vpn)).toBe(true);
  });
});

describe('AzureVpnGateway: first run and options', () => {
  let record: MockRecord;
  beforeEach(async () => {
    record = await installMocks();
  });

  test('C15: without AWS tunnels: public IPs, gateway and subnet only, no LNG, no connection', async () => {
    const { connectionIds } = await build(record, {});
    expect(record.resources.map((r) => r.type).sort()).toEqual([
      'azure-native:network:PublicIPAddress',
      'azure-native:network:PublicIPAddress',
      'azure-native:network:Subnet',
      'azure-native:network:VirtualNetworkGateway',
      'multicloud-vpn:azure:VpnGateway',
    ]);
    expect(connectionIds).toEqual([]);
  });

  test('C38: in a region without availability zones the public IPs get no zones; Pulumi names and types stay the same', async () => {
    await build(record, { location: 'westus' });
    const pips = ofType(record, 'PublicIPAddress');
    expect(pips.map((p) => [p.name, p.inputs.location, p.inputs.zones])).toEqual([['vpn-pip0', 'westus', undefined], [
      'vpn-pip1',
      'westus',
      undefined,
    ]]);
    const [gateway] = ofType(record, 'VirtualNetworkGateway');
    expect([gateway.name, (gateway.inputs.sku as { name: string; }).name]).toEqual(['vpn-gateway', 'VpnGw2AZ']);
  });

  test('C38: zones asked for in a region without them, and a misspelt location, stop the component before anything registers', async () => {
    expect(() => new AzureVpnGateway('vpn', { plan, location: 'westus', publicIpZones: ['1', '2', '3'] })).toThrow(
      /publicIp VNet1GW-pip0\.zones: \[C38 AzureGatewayAzSkuAndZones\]/,
    );
    expect(() => new AzureVpnGateway('vpn', { plan, location: 'west-us2' })).toThrow(
      /location: \[C38 AzureGatewayAzSkuAndZones\] 'west-us2' is not an Azure region name.*Valid: did you mean 'westus2'\? /,
    );
    await new Promise((r) => setImmediate(r));
    expect(record.resources).toEqual([]);
  });

  test('C17: an existing gateway subnet is used as is and no subnet is created; a given subscription skips the lookup', async () => {
    const subnetId =
      `/subscriptions/${TEST_SUBSCRIPTION}/resourceGroups/TestRG1/providers/Microsoft.Network/virtualNetworks/VNet1/subnets/GatewaySubnet`;
    await build(record, { gatewaySubnetId: subnetId, subscriptionId: TEST_SUBSCRIPTION });
    expect(ofType(record, 'Subnet')).toEqual([]);
    const [gateway] = ofType(record, 'VirtualNetworkGateway');
    expect((gateway.inputs.ipConfigurations as { subnet: { id: string; }; }[]).map((c) => c.subnet.id)).toEqual([subnetId, subnetId]);
    expect(record.calls).toEqual([]);
  });

  test('C22: a malformed key given as a string stops the component before anything registers, without quoting it', async () => {
    const badKey = '0bad-key';
    let error: unknown;
    try {
      new AzureVpnGateway('vpn', { plan, awsTunnels: endpoints((id) => (id === 'Instance1Tunnel1' ? badKey : TEST_KEYS[id])) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AzureDesignError);
    const message = (error as Error).message;
    expect(message).toMatch(/\[C22 /);
    expect(message).toContain('Instance1Tunnel1');
    expect(message).not.toContain(badKey);
    await new Promise((r) => setImmediate(r));
    expect(record.resources).toEqual([]);
  });

  test('C22: the same key on two tunnels, given as strings, stops the component before anything registers, naming both tunnels, never the key', async () => {
    const shared = testKey();
    let error: unknown;
    try {
      new AzureVpnGateway('vpn', {
        plan,
        awsTunnels: endpoints((id) => (id === 'Instance0Tunnel2' || id === 'Instance1Tunnel1' ? shared : TEST_KEYS[id])),
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AzureDesignError);
    const findings = (error as AzureDesignError).findings.filter((f) => f.catalogue.includes('C22'));
    expect(findings.map((f) => [f.path, f.level])).toEqual([
      ['connection cn-multicloud-vpn-Instance0Tunnel2.sharedKey', 'error'],
      ['connection cn-multicloud-vpn-Instance1Tunnel1.sharedKey', 'error'],
    ]);
    expect(findings[0].message).toContain('same pre-shared key as tunnel(s) Instance1Tunnel1');
    expect((error as Error).message).not.toContain(shared);
    await new Promise((r) => setImmediate(r));
    expect(record.resources).toEqual([]);
  });

  test('C22: four different keys are accepted (no finding for distinct keys)', async () => {
    const { connectionIds } = await build(record, { awsTunnels: endpoints((id) => TEST_KEYS[id]) });
    expect(connectionIds).toHaveLength(4);
  });

  test('C22: the same key on two tunnels arriving as Outputs fails the run before those connections exist, without quoting it', () => {
    const script = `
      const pulumi = require('@pulumi/pulumi');
      const { installMocks } = require('./test/peers/azure/mocks');
      const { AzureVpnGateway } = require('./lib/peers/azure/pulumi/component');
      const { planVpn } = require('./lib/check/validate');
      const ips = ${JSON.stringify(OUTSIDE_IPS)};
      const keys = ${JSON.stringify(Object.fromEntries(Object.keys(OUTSIDE_IPS).map((id) => [id, testKey()])))};
      keys.Instance1Tunnel2 = keys.Instance0Tunnel1;
      installMocks().then((record) => {
        process.on('exit', () => console.log('registered:' + record.resources.map((r) => r.name).join(',')));
        const awsTunnels = Object.fromEntries(Object.entries(ips).map(([id, outsideIp]) => [id, { outsideIp, presharedKey: pulumi.output(keys[id]) }]));
        new AzureVpnGateway('vpn', { plan: planVpn(), awsTunnels });
      });`;
    const run = spawnSync(process.execPath, ['--require', './test/lazy/register.js', '--require', './scripts/register-ts.js', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/\[C22 [^\]]*\] tunnel Instance0Tunnel1 was given the same pre-shared key as tunnel\(s\) Instance1Tunnel2/);
    const keyOf0 = /keys = (\{[^}]*\})/.exec(script)![1];
    expect(run.stderr + run.stdout).not.toContain(JSON.parse(keyOf0).Instance0Tunnel1);
    const registered = /registered:(.*)/.exec(run.stdout)?.[1].split(',') ?? [];
    expect(registered).not.toContain('vpn-cn-Instance0Tunnel1');
    expect(registered).not.toContain('vpn-cn-Instance1Tunnel2');
  }, 120_000);

  test('C22: a malformed key that arrives as an Output fails the run before its connection exists, without quoting it', () => {
    // The failing apply ends the program (an unhandled rejection under the engine), which would also
    // end jest's worker: run it in a child process with the same mocks.
    const script = `
      const pulumi = require('@pulumi/pulumi');
      const { installMocks } = require('./test/peers/azure/mocks');
      const { AzureVpnGateway } = require('./lib/peers/azure/pulumi/component');
      const { planVpn } = require('./lib/check/validate');
      const ips = ${JSON.stringify(OUTSIDE_IPS)};
      const goodKeys = ${JSON.stringify(Object.fromEntries(Object.keys(OUTSIDE_IPS).map((id) => [id, testKey()])))};
      installMocks().then((record) => {
        process.on('exit', () => console.log('registered:' + record.resources.map((r) => r.name).join(',')));
        const awsTunnels = Object.fromEntries(Object.entries(ips).map(([id, outsideIp]) =>
          [id, { outsideIp, presharedKey: pulumi.output(id === 'Instance0Tunnel2' ? 'Sh0rt' : goodKeys[id]) }]));
        new AzureVpnGateway('vpn', { plan: planVpn(), awsTunnels });
      });`;
    const run = spawnSync(process.execPath, ['--require', './test/lazy/register.js', '--require', './scripts/register-ts.js', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/\[C22 [^\]]*\] the pre-shared key of tunnel Instance0Tunnel2 is 5 characters long/);
    expect(run.stderr + run.stdout).not.toContain('Sh0rt');
    const registered = /registered:(.*)/.exec(run.stdout)?.[1].split(',') ?? [];
    expect(registered).toContain('vpn-cn-Instance0Tunnel1');
    expect(registered).not.toContain('vpn-cn-Instance0Tunnel2');
  }, 120_000);

  test('C15: a missing AWS tunnel stops the component with a C15 error', () => {
    const three = endpoints();
    delete three.Instance0Tunnel1;
    expect(() => new AzureVpnGateway('vpn', { plan, awsTunnels: three })).toThrow(/awsTunnels\.Instance0Tunnel1: \[C15 /);
  });
});
