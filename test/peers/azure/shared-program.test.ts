/**
 * The Azure program with several plans on one gateway: `sharedPlans` from options and stack config,
 * each plan with its own AWS outputs file and keys.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { AzureDesignError } from '../../../lib/peers/azure/pulumi/check';
import { awsTunnelEndpoints, presharedKeyConfigKey, presharedKeysFromConfig } from '../../../lib/peers/azure/pulumi/keys';
import { readAwsOutputs } from '../../../lib/handoff/aws-outputs';
import { offlineAzureResources, SECRET_MASK, type RegisteredResource } from '../../../lib/peers/azure/pulumi/offline';
import { azureProgram, azureProgramOptionsFromConfig } from '../../../lib/peers/azure/pulumi/program';
import { planSharedGateway, planVpn } from '../../../lib/check/validate';
import { writeAwsOutputs } from './handoff-fixture';
import { installMocks, ofType, testKey, valueOf } from './mocks';

/** Adds config values and marks `secretKeys` secret (`runtime.setConfig` alone clears the secret list). */
function setConfigKeepingSecrets(values: Record<string, string>, secretKeys: string[]): void {
  pulumi.runtime.setAllConfig({ ...pulumi.runtime.allConfig(), ...values }, secretKeys);
}

const [orders, billing] = planSharedGateway([
  { name: 'orders-vpc', aws: { vpcCidr: '10.2.0.0/16' } },
  { name: 'billing-vpc', aws: { vpcCidr: '10.3.0.0/16' } },
]);
const ORDERS_IPS = {
  Instance0Tunnel1: '192.0.2.10',
  Instance0Tunnel2: '192.0.2.11',
  Instance1Tunnel1: '198.51.100.10',
  Instance1Tunnel2: '198.51.100.11',
};
const BILLING_IPS = {
  Instance0Tunnel1: '192.0.2.20',
  Instance0Tunnel2: '192.0.2.21',
  Instance1Tunnel1: '198.51.100.20',
  Instance1Tunnel2: '198.51.100.21',
};
const dir = mkdtempSync(path.join(tmpdir(), 'mcvpn-shared-'));
const ordersOutputs = writeAwsOutputs(orders, ORDERS_IPS, dir);
const billingOutputs = writeAwsOutputs(billing, BILLING_IPS, dir);
/** A made-up valid test key per secret ARN; the ARN names plan and tunnel. */
/** A key per secret ARN, generated per run. */
const keysByArn = new Map<string, string>();
const keyOfArn = (arn: string) => {
  if (!keysByArn.has(arn)) keysByArn.set(arn, testKey());
  return keysByArn.get(arn)!;
};

const inputsOf = (resources: readonly RegisteredResource[], type: string) =>
  resources.filter((r) => r.type === `azure-native:network:${type}`).map((r) => r.inputs as Record<string, unknown>);

describe('offline Azure run with a shared plan', () => {
  const arnsRead: string[] = [];
  let resources: RegisteredResource[];
  beforeAll(async () => {
    resources = await offlineAzureResources({
      plan: orders,
      awsOutputsFile: ordersOutputs,
      sharedPlans: [{ plan: billing, awsOutputsFile: billingOutputs }],
      readSecret: async (arn) => {
        arnsRead.push(arn);
        return keyOfArn(arn);
      },
      log: () => {},
    });
  });

  test("C15: one gateway, eight LNGs on both plans' outside IPs, eight connections", () => {
    expect(inputsOf(resources, 'VirtualNetworkGateway')).toHaveLength(1);
    expect(inputsOf(resources, 'LocalNetworkGateway').map((l) => l.gatewayIpAddress).sort()).toEqual(
      [...Object.values(ORDERS_IPS), ...Object.values(BILLING_IPS)].sort(),
    );
    expect(inputsOf(resources, 'VirtualNetworkGatewayConnection')).toHaveLength(8);
  });

  test("C22, C23: each plan's keys are read from its own secrets and never printed", () => {
    expect(new Set(arnsRead).size).toBe(8);
    expect(arnsRead.filter((a) => a.includes(':secret:billing-vpc-'))).toHaveLength(4);
    const json = JSON.stringify(resources);
    for (const arn of arnsRead) expect(json).not.toContain(keyOfArn(arn));
    expect(inputsOf(resources, 'VirtualNetworkGatewayConnection').map((c) => c.sharedKey)).toEqual(Array(8).fill(SECRET_MASK));
  });
});

describe('azureProgram: shared plans from files and config', () => {
  test("C04: a second plan file planned on its own overlaps the first and is refused, naming the file's plan", async () => {
    await installMocks();
    const file = path.join(dir, 'overlapping-plan.json');
    writeFileSync(file, JSON.stringify({ name: 'billing-vpc', aws: { vpcCidr: '10.3.0.0/16' } }));
    await expect(azureProgram({ plan: orders, sharedPlans: [{ planFile: file }] })).rejects.toThrow(
      /sharedWith\[0\]\.plan\.tunnels\[0\]: \[C04 [^\]]*\] plan 'billing-vpc'/,
    );
  });

  test("C04: a second plan file listing the first plan's blocks in apipaInUse shares the gateway", async () => {
    const record = await installMocks();
    const file = path.join(dir, 'billing-plan.json');
    writeFileSync(
      file,
      JSON.stringify({ name: 'billing-vpc', aws: { vpcCidr: '10.3.0.0/16' }, azure: { apipaInUse: orders.tunnels.map((t) => t.insideCidr) } }),
    );
    const fromConfig: [string, string | undefined][] = [];
    const outputs = await azureProgram({
      plan: orders,
      awsOutputsFile: ordersOutputs,
      sharedPlans: [{ planFile: file, awsOutputsFile: billingOutputs }],
      // Config holds every key here, so Secrets Manager is never asked.
      presharedKeyFromConfig: (tunnelId, sharedPlanName) => {
        fromConfig.push([tunnelId, sharedPlanName]);
        return `ConfigKey_${sharedPlanName ?? 'first'}_${tunnelId}`.replace(/-/g, '_');
      },
      readSecret: () => Promise.reject(new Error('not expected')),
    });
    expect(await valueOf(outputs.connectionIds)).toHaveLength(8);
    const [gateway] = ofType(record, 'VirtualNetworkGateway');
    const peering = (gateway.inputs.bgpSettings as { bgpPeeringAddresses: { customBgpIpAddresses: string[]; }[]; }).bgpPeeringAddresses;
    expect(peering.map((p) => p.customBgpIpAddresses)).toEqual([
      ['169.254.21.2', '169.254.22.2', '169.254.21.10', '169.254.22.10'],
      ['169.254.21.6', '169.254.22.6', '169.254.21.14', '169.254.22.14'],
    ]);
    expect(fromConfig.filter(([, plan]) => plan === undefined)).toHaveLength(4);
    expect(fromConfig.filter(([, plan]) => plan === 'billing-vpc')).toHaveLength(4);
  });

  test('C22: config keys of a shared plan carry its name; the first plan keeps presharedKey.<tunnelId>', () => {
    expect(presharedKeyConfigKey('Instance0Tunnel1')).toBe('presharedKey.Instance0Tunnel1');
    expect(presharedKeyConfigKey('Instance0Tunnel1', 'billing-vpc')).toBe('presharedKey.billing-vpc.Instance0Tunnel1');
    const [first, billing] = [testKey(), testKey()];
    // As `pulumi config set --secret` leaves them: values in the config, their names in the secret keys.
    setConfigKeepingSecrets({ 'cfgkeys:presharedKey.billing-vpc.Instance1Tunnel2': billing, 'cfgkeys:presharedKey.Instance1Tunnel2': first }, [
      'cfgkeys:presharedKey.billing-vpc.Instance1Tunnel2',
      'cfgkeys:presharedKey.Instance1Tunnel2',
    ]);
    const read = presharedKeysFromConfig(new pulumi.Config('cfgkeys'));
    expect([read('Instance1Tunnel2'), read('Instance1Tunnel2', 'billing-vpc'), read('Instance1Tunnel2', 'other-vpc')]).toEqual([
      first,
      billing,
      undefined,
    ]);
  });

  test('C23: keys set in config without --secret are refused together, each naming its config key, never its value', async () => {
    const [plain0, plain1, secret] = [testKey(), testKey(), testKey()];
    setConfigKeepingSecrets({
      'cfgplain:presharedKey.Instance0Tunnel1': plain0,
      'cfgplain:presharedKey.Instance1Tunnel2': plain1,
      'cfgplain:presharedKey.Instance0Tunnel2': secret,
    }, ['cfgplain:presharedKey.Instance0Tunnel2']);
    const fromConfig = presharedKeysFromConfig(new pulumi.Config('cfgplain'));
    expect(fromConfig('Instance0Tunnel2')).toBe(secret);
    let error: unknown;
    try {
      await awsTunnelEndpoints(readAwsOutputs(ordersOutputs, orders), { fromConfig, readSecret: async (arn) => keyOfArn(arn) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AzureDesignError);
    const findings = (error as AzureDesignError).findings;
    expect(findings.map((f) => [f.path, f.catalogue, f.level])).toEqual([
      ['config cfgplain:presharedKey.Instance0Tunnel1', ['C23'], 'error'],
      ['config cfgplain:presharedKey.Instance1Tunnel2', ['C23'], 'error'],
    ]);
    expect(findings[0].fix).toContain('pulumi config set --secret presharedKey.Instance0Tunnel1');
    const message = (error as Error).message;
    for (const value of [plain0, plain1, secret]) expect(message).not.toContain(value);
    // The same keys as secrets are read without complaint.
    setConfigKeepingSecrets({ 'cfgplain2:presharedKey.Instance0Tunnel1': plain0 }, ['cfgplain2:presharedKey.Instance0Tunnel1']);
    expect(presharedKeysFromConfig(new pulumi.Config('cfgplain2'))('Instance0Tunnel1')).toBe(plain0);
  });

  test('config sharedPlans: a list of { planFile, awsOutputsFile? }; anything else is refused with the valid shape', () => {
    pulumi.runtime.setConfig(
      'cfgshared:sharedPlans',
      JSON.stringify([{ planFile: 'billing-plan.json', awsOutputsFile: 'billing-aws-outputs.json' }, { planFile: 'hr-plan.json' }]),
    );
    expect(azureProgramOptionsFromConfig(new pulumi.Config('cfgshared')).sharedPlans).toEqual([
      { planFile: 'billing-plan.json', awsOutputsFile: 'billing-aws-outputs.json' },
      { planFile: 'hr-plan.json', awsOutputsFile: undefined },
    ]);
    pulumi.runtime.setConfig('cfgbad:sharedPlans', JSON.stringify([{ plan: 'billing-plan.json' }]));
    expect(() => azureProgramOptionsFromConfig(new pulumi.Config('cfgbad'))).toThrow(
      /config sharedPlans: .* is not a list of \{ planFile, awsOutputsFile\? \}\. Valid: /,
    );
    expect(azureProgramOptionsFromConfig(new pulumi.Config('cfgnone')).sharedPlans).toBeUndefined();
  });

  test('a shared plan source with neither plan nor planFile is refused', async () => {
    await installMocks();
    await expect(azureProgram({ plan: planVpn(), sharedPlans: [{}] })).rejects.toThrow(/sharedPlans\[0\]: neither plan nor planFile/);
  });
});
