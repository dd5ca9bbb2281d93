/**
 * Example: unit-testing YOUR Pulumi program that uses `AzureVpnGateway`, with Pulumi's mocks
 * (`pulumi.runtime.setMocks`). Copy it next to your program as `*.test.ts`; here
 * test/examples/testing.test.ts runs it under jest. No cloud, no Pulumi CLI, no AWS credentials.
 *
 * The pre-shared keys are random per run (no key is written in a test file, C23) and the AWS
 * outside IPs are documentation addresses.
 */
import { randomInt } from 'node:crypto';
import * as pulumi from '@pulumi/pulumi';
import { AzureDesignError, AzureVpnGateway, type AwsTunnelEndpoint } from '../../lib/azure-entry';
import { buildAzureVpn, examplePlan, EXAMPLE_GATEWAY_SUBNET_ID } from '../azure-program';

interface Registered {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, unknown>;
}

const registered: Registered[] = [];

/** Records every resource; public IPs get addresses, like Azure does on create. */
function installMocks(): Promise<void> {
  let ip = 10;
  return pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs });
        const state = { ...args.inputs, ...(args.type === 'azure-native:network:PublicIPAddress' ? { ipAddress: `20.20.0.${ip++}` } : {}) };
        return { id: `${args.name}-id`, state };
      },
      call: (args) => (args.token === 'azure-native:authorization:getClientConfig' ? { subscriptionId: '00000000-0000-0000-0000-000000000000' } : {}),
    },
    'my-project',
    'test',
  );
}

/** An Output's value once resolved. */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) =>
    output.apply((v) => {
      resolve(v);
      return v;
    })
  );
}

const ofType = (type: string) => registered.filter((r) => r.type === `azure-native:network:${type}`);

/** A valid key (C22: letters and digits, not starting with 0), different every run. */
function randomKey(): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: 32 }, () => letters[randomInt(letters.length)]).join('');
}

describe('my Azure program', () => {
  beforeAll(installMocks);
  beforeEach(() => registered.splice(0));

  test('first run (no AWS outputs): the gateway in my GatewaySubnet, no LNG or connection yet', async () => {
    const outputs = await buildAzureVpn({ resourceGroupName: 'network-rg', gatewaySubnetId: EXAMPLE_GATEWAY_SUBNET_ID });
    const [ips] = await valueOf(pulumi.all([outputs.gatewayPublicIps, outputs.gatewayId, outputs.connectionIds]));
    expect(ips).toEqual(['20.20.0.10', '20.20.0.11']);
    expect(ofType('Subnet')).toEqual([]); // mine already exists
    const [gateway] = ofType('VirtualNetworkGateway');
    const ipConfigurations = gateway.inputs.ipConfigurations as { subnet: { id: string; }; }[];
    expect(ipConfigurations.map((c) => c.subnet.id)).toEqual([EXAMPLE_GATEWAY_SUBNET_ID, EXAMPLE_GATEWAY_SUBNET_ID]);
    expect(gateway.inputs).toMatchObject({ resourceGroupName: 'network-rg', activeActive: true, enableBgp: true });
    expect(ofType('LocalNetworkGateway')).toEqual([]);
  });

  test('C11, C15, C23: with the AWS tunnels, four LNGs at the AWS outside IPs and four connections with secret keys', async () => {
    const plan = examplePlan();
    const outsideIps = ['192.0.2.10', '192.0.2.11', '198.51.100.10', '198.51.100.11'];
    const awsTunnels: Record<string, AwsTunnelEndpoint> = Object.fromEntries(
      plan.tunnels.map((t, i) => [t.id, { outsideIp: outsideIps[i], presharedKey: randomKey() }]),
    );
    // Which inputs are secret is visible before serialization: capture the connections' props.
    const sharedKeys: pulumi.Output<string>[] = [];
    const vpn = new AzureVpnGateway('vpn', { plan, resourceGroupName: 'network-rg', gatewaySubnetId: EXAMPLE_GATEWAY_SUBNET_ID, awsTunnels }, {
      transformations: [({ type, props }) => {
        if (type === 'azure-native:network:VirtualNetworkGatewayConnection') sharedKeys.push(props.sharedKey);
        return undefined;
      }],
    });
    await valueOf(pulumi.all([vpn.gatewayId, vpn.connectionIds]));

    const lngs = ofType('LocalNetworkGateway');
    expect(lngs.map((l) => l.inputs.gatewayIpAddress)).toEqual(outsideIps);
    expect(lngs.map((l) => (l.inputs.bgpSettings as { asn: number; }).asn)).toEqual([64512, 64512, 64512, 64512]);
    expect(ofType('VirtualNetworkGatewayConnection')).toHaveLength(4);
    expect(sharedKeys).toHaveLength(4);
    for (const key of sharedKeys) expect(await pulumi.isSecret(key)).toBe(true);
  });

  test('C17: a subnet that is not GatewaySubnet is refused before anything is registered', async () => {
    const wrongSubnet = EXAMPLE_GATEWAY_SUBNET_ID.replace(/GatewaySubnet$/, 'default');
    await expect(buildAzureVpn({ resourceGroupName: 'network-rg', gatewaySubnetId: wrongSubnet })).rejects.toThrow(AzureDesignError);
    await expect(buildAzureVpn({ resourceGroupName: 'network-rg', gatewaySubnetId: wrongSubnet })).rejects.toThrow(/C17/);
    expect(registered).toEqual([]);
  });
});
