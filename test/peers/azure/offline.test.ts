import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { offlineAzureResources, SECRET_MASK, type RegisteredResource } from '../../../lib/peers/azure/pulumi/offline';
import type { AzureHandoff } from '../../../lib/handoff/formats';
import { SEED_004_TUNNELS } from './seed004';
import { testKey } from './mocks';

const ROOT = path.resolve(__dirname, '../../..');
const PLAN_FILE = path.join(ROOT, 'vpn-plan.json');
const SAMPLE = path.join(ROOT, 'samples/aws-outputs.json');
/** The outside IPs written in samples/aws-outputs.json. */
const SAMPLE_OUTSIDE: Record<string, string> = {
  Instance0Tunnel1: '192.0.2.10',
  Instance0Tunnel2: '192.0.2.11',
  Instance1Tunnel1: '198.51.100.10',
  Instance1Tunnel2: '198.51.100.11',
};
const count = (resources: readonly RegisteredResource[], type: string) => resources.filter((r) => r.type === `azure-native:network:${type}`).length;

describe('offline Azure run (Pulumi mocks)', () => {
  // A known key per tunnel, generated per run, so that the output can be searched for it.
  const keys = new Map<string, string>();
  const keyOfTunnel = (id: string) => {
    if (!keys.has(id)) keys.set(id, testKey());
    return keys.get(id)!;
  };
  const knownKey = (arn: string) => keyOfTunnel(/(Instance\dTunnel\d)/.exec(arn)![1]);
  const logged: string[] = [];
  let resources: RegisteredResource[];
  let json: string;
  beforeAll(async () => {
    resources = await offlineAzureResources({
      planFile: PLAN_FILE,
      awsOutputsFile: SAMPLE,
      readSecret: async (arn) => knownKey(arn),
      log: (text) => logged.push(text),
    });
    json = JSON.stringify(resources);
  });

  test('C15: vpn-plan.json + samples/aws-outputs.json lists 2 public IPs, 1 gateway, 4 LNGs and 4 connections', () => {
    expect([
      count(resources, 'PublicIPAddress'),
      count(resources, 'VirtualNetworkGateway'),
      count(resources, 'LocalNetworkGateway'),
      count(resources, 'VirtualNetworkGatewayConnection'),
    ])
      .toEqual([2, 1, 4, 4]);
  });

  test('C43: the offline listing shows the eight metric alerts (BgpPeerStatus and TunnelIngressBytes per connection)', () => {
    const alerts = resources.filter((r) => r.type === 'azure-native:monitor:MetricAlert');
    expect(alerts.map((a) => (a.inputs as { criteria: { allOf: { metricName: string; }[]; }; }).criteria.allOf[0].metricName).sort())
      .toEqual([...Array(4).fill('BgpPeerStatus'), ...Array(4).fill('TunnelIngressBytes')]);
  });

  test('C11: the LNGs carry the sample outside IPs and the AWS BGP peers of seed 004', () => {
    const lngs = resources.filter((r) => r.type === 'azure-native:network:LocalNetworkGateway').map((r) => r.inputs as Record<string, unknown>);
    for (const t of SEED_004_TUNNELS) {
      expect(lngs).toContainEqual(expect.objectContaining({
        gatewayIpAddress: SAMPLE_OUTSIDE[t.id],
        bgpSettings: { asn: 64512, bgpPeeringAddress: t.awsPeer },
      }));
    }
  });

  test('C23: no key value appears in the output or the log; every sharedKey is masked', () => {
    for (const t of SEED_004_TUNNELS) {
      const key = keyOfTunnel(t.id);
      expect(json).not.toContain(key);
      expect(logged.join('\n')).not.toContain(key);
    }
    const connections = resources.filter((r) => r.type === 'azure-native:network:VirtualNetworkGatewayConnection');
    expect(connections.map((c) => (c.inputs as Record<string, unknown>).sharedKey)).toEqual(Array(4).fill(SECRET_MASK));
  });

  test('samples/azure-outputs.json matches what this program names: gateway, connections, documentation-range IPs', () => {
    const sample = JSON.parse(readFileSync(path.join(ROOT, 'samples/azure-outputs.json'), 'utf8')) as AzureHandoff;
    const inputsOf = (type: string) =>
      resources.filter((r) => r.type === `azure-native:network:${type}`).map((r) => r.inputs as Record<string, string>);
    const [gateway] = inputsOf('VirtualNetworkGateway');
    expect(sample.gatewayId).toMatch(
      new RegExp(
        `/resourceGroups/${gateway.resourceGroupName}/providers/Microsoft.Network/virtualNetworkGateways/${gateway.virtualNetworkGatewayName}$`,
      ),
    );
    expect(sample.connectionIds!.map((id) => id.split('/').pop())).toEqual(
      inputsOf('VirtualNetworkGatewayConnection').map((c) => c.virtualNetworkGatewayConnectionName),
    );
    expect(sample.gatewayPublicIps).toHaveLength(2);
    for (const ip of sample.gatewayPublicIps) expect(ip).toMatch(/^203\.0\.113\.\d+$/);
  });

  test('C15: the first run (no AWS outputs) lists no LNG and no connection', async () => {
    const firstRun = await offlineAzureResources({ planFile: PLAN_FILE, log: () => {} });
    expect([
      count(firstRun, 'PublicIPAddress'),
      count(firstRun, 'VirtualNetworkGateway'),
      count(firstRun, 'LocalNetworkGateway'),
      count(firstRun, 'VirtualNetworkGatewayConnection'),
    ])
      .toEqual([2, 1, 0, 0]);
  });

  test('bin/azure-offline.ts prints the resources as JSON and says on stderr that keys are random stand-ins', () => {
    const run = spawnSync(process.execPath, [
      '--require',
      './test/lazy/register.js',
      '--require',
      './scripts/register-ts.js',
      'bin/azure-offline.ts',
      '--plan',
      'vpn-plan.json',
      '--aws-outputs',
      'samples/aws-outputs.json',
    ], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as RegisteredResource[];
    expect(count(printed, 'LocalNetworkGateway')).toBe(4);
    expect(count(printed, 'VirtualNetworkGatewayConnection')).toBe(4);
    expect(run.stderr).toMatch(/random stand-in pre-shared key .*never printed/);
    const sharedKeys = printed.filter((r) => r.type.endsWith('VirtualNetworkGatewayConnection')).map((r) =>
      (r.inputs as Record<string, unknown>).sharedKey
    );
    expect(sharedKeys).toEqual(Array(4).fill(SECRET_MASK));
  }, 120_000);

  test('a bad AWS outputs file fails before anything registers, naming the file', async () => {
    await expect(offlineAzureResources({ planFile: PLAN_FILE, awsOutputsFile: path.join(ROOT, 'samples/missing.json'), log: () => {} }))
      .rejects.toThrow(/samples\/missing\.json[\s\S]*ENOENT/);
  });
});
