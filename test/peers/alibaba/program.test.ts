/**
 * The Alibaba program (lib/peers/alibaba/program.ts) under Pulumi mocks, with Secrets Manager mocked by
 * aws-sdk-client-mock: plan file, AWS outputs file matched by inside CIDR (C05, C39), keys as secrets
 * (C22, C23), first run, refusals (Azure ↔ Alibaba out of scope), stack config.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import * as path from 'node:path';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as pulumi from '@pulumi/pulumi';
import { mockClient } from 'aws-sdk-client-mock';
import { alibabaProgram, alibabaProgramOptionsFromConfig } from '../../../lib/peers/alibaba/pulumi/program';
import { AZURE_AND_ALIBABA_REFUSED, loadAlibabaPlanFile } from '../../../lib/peers/alibaba/pulumi/plan-file';
import { installMocks, testKey, valueOf, type Registered } from './mocks';

const ROOT = path.resolve(__dirname, '../../..');
const PLAN_FILE = path.join(ROOT, 'examples/alibaba-plan.json');
const AWS_OUTPUTS = path.join(ROOT, 'samples/alibaba-aws-outputs.json');
const CGW = 'alicloud:vpn/customerGateway:CustomerGateway';
const CONNECTION = 'alicloud:vpn/connection:Connection';
/** The outside IPs written in samples/alibaba-aws-outputs.json. */
const OUTSIDE: Record<string, string> = {
  Instance0Tunnel1: '192.0.2.10',
  Instance0Tunnel2: '192.0.2.11',
  Instance1Tunnel1: '198.51.100.10',
  Instance1Tunnel2: '198.51.100.11',
};

const secrets = mockClient(SecretsManagerClient);
const keys = new Map<string, string>();
const tunnelOfArn = (arn: string) => /(Instance\dTunnel\d)/.exec(arn)![1];
beforeEach(() => {
  secrets.reset();
  keys.clear();
  secrets.on(GetSecretValueCommand).callsFake((input: { SecretId: string; }) => {
    const tunnel = tunnelOfArn(input.SecretId);
    if (!keys.has(tunnel)) keys.set(tunnel, testKey());
    return { SecretString: keys.get(tunnel) };
  });
});

async function run(options: Parameters<typeof alibabaProgram>[0]): Promise<Registered[]> {
  const record = await installMocks();
  const outputs = await alibabaProgram({ alarms: false, ...options });
  await valueOf(pulumi.all([outputs.gatewayPublicIps, outputs.gatewayId, outputs.connectionIds]));
  return record;
}

/** samples/alibaba-aws-outputs.json with its hand-off tunnels in reverse order. */
function reversedOutputs(): string {
  const json = JSON.parse(readFileSync(AWS_OUTPUTS, 'utf8')) as Record<string, Record<string, string>>;
  const stack = json.MulticloudVpnAws;
  const handoff = JSON.parse(stack.AwsAlibabaVpnHandoff) as { tunnels: unknown[]; };
  handoff.tunnels.reverse();
  stack.AwsAlibabaVpnHandoff = JSON.stringify(handoff);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ali-')), 'aws-outputs.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

type Tunnel = { role: string; customerGatewayId: string; tunnelIkeConfig: { psk: string; }; tunnelBgpConfig: { tunnelCidr: string; }; };
/** connection name → [role, AWS outside IP of its customer gateway, tunnel CIDR] per tunnel. */
function pairing(record: Registered[]) {
  const cgwIp = new Map(record.filter((r) => r.type === CGW).map((r) => [`${r.name}-id`, r.inputs.ipAddress]));
  return record.filter((r) => r.type === CONNECTION).sort((a, b) => a.name.localeCompare(b.name)).map((
    c,
  ) => [
    c.name,
    (c.inputs.tunnelOptionsSpecifications as Tunnel[]).map((t) => [t.role, cgwIp.get(t.customerGatewayId), t.tunnelBgpConfig.tunnelCidr]),
  ]);
}

describe('Alibaba program (Pulumi mocks, Secrets Manager mocked)', () => {
  test('C39, C23: plan file + AWS outputs give four customer gateways on the AWS outside IPs and keys read from Secrets Manager as secrets', async () => {
    const record = await run({ planFile: PLAN_FILE, awsOutputsFile: AWS_OUTPUTS });
    expect(record.filter((r) => r.type === CGW).map((r) => r.inputs.ipAddress).sort()).toEqual(Object.values(OUTSIDE).sort());
    expect(pairing(record)).toEqual([
      ['aws-alibaba-vpn-ipsec-1', [['master', OUTSIDE.Instance0Tunnel1, '169.254.21.0/30'], ['slave', OUTSIDE.Instance1Tunnel1, '169.254.21.4/30']]],
      ['aws-alibaba-vpn-ipsec-2', [['master', OUTSIDE.Instance0Tunnel2, '169.254.22.0/30'], ['slave', OUTSIDE.Instance1Tunnel2, '169.254.22.4/30']]],
    ]);
    // One GetSecretValue per tunnel, by its ARN; each key lands on the tunnel facing that AWS tunnel, as a secret.
    expect(secrets.commandCalls(GetSecretValueCommand).map((c) => tunnelOfArn(c.args[0].input.SecretId!)).sort()).toEqual(
      Object.keys(OUTSIDE).sort(),
    );
    const cgwTunnel = new Map(
      record.filter((r) => r.type === CGW).map((r) => [`${r.name}-id`, Object.keys(OUTSIDE).find((id) => OUTSIDE[id] === r.inputs.ipAddress)!]),
    );
    for (const c of record.filter((r) => r.type === CONNECTION)) {
      for (const t of c.inputs.tunnelOptionsSpecifications as Tunnel[]) {
        expect(t.tunnelIkeConfig.psk).toBe(keys.get(cgwTunnel.get(t.customerGatewayId)!));
      }
      // The engine receives the tunnel list as a secret (the keys inside are secret Outputs).
      expect(c.secretPaths).toEqual(['tunnelOptionsSpecifications']);
    }
  });

  test('C05, C39: tunnels are matched by inside CIDR, never by position: a reversed hand-off gives the same pairing', async () => {
    const straight = pairing(await run({ planFile: PLAN_FILE, awsOutputsFile: AWS_OUTPUTS }));
    expect(pairing(await run({ planFile: PLAN_FILE, awsOutputsFile: reversedOutputs() }))).toEqual(straight);
  });

  test('first run (no AWS outputs): the gateway only, and Secrets Manager is not called', async () => {
    const record = await run({ planFile: PLAN_FILE });
    expect(record.map((r) => r.type)).toEqual(['multicloud-vpn:alibaba:VpnGateway', 'alicloud:vpn/gateway:Gateway']);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(0);
  });

  test('a key that cannot be read stops the program before any resource, naming the tunnel and the ARN', async () => {
    secrets.on(GetSecretValueCommand).rejects(new Error('AccessDeniedException: not authorized'));
    const record = await installMocks();
    await expect(alibabaProgram({ planFile: PLAN_FILE, awsOutputsFile: AWS_OUTPUTS })).rejects.toThrow(
      /cannot read the pre-shared key of tunnel Instance\dTunnel\d from arn:aws:secretsmanager:us-east-1:/,
    );
    expect(record).toEqual([]);
  });
});

describe('Alibaba plan file', () => {
  const write = (plan: unknown) => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'ali-')), 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    return file;
  };
  const example = () => JSON.parse(readFileSync(PLAN_FILE, 'utf8')) as Record<string, unknown>;

  test('examples/alibaba-plan.json is valid: the aws part of vpn-plan.json, the default local ASN 45104, four tunnels', () => {
    const { plan, peer } = loadAlibabaPlanFile(PLAN_FILE);
    const azurePlan = JSON.parse(readFileSync(path.join(ROOT, 'vpn-plan.json'), 'utf8')) as { aws: unknown; };
    expect(example().aws).toEqual(azurePlan.aws);
    expect([peer.localAsn, plan.tunnels.length, plan.aws.asn]).toEqual([45104, 4, 64512]);
  });

  test('Azure ↔ Alibaba is refused with the reason, not half built', () => {
    expect(() => loadAlibabaPlanFile(write({ ...example(), azure: {} }))).toThrow(AZURE_AND_ALIBABA_REFUSED.slice(0, 60));
  });

  test('a plan without an alibaba peer, or with a typo in it, names the field and the fix', () => {
    const { alibaba, ...noPeer } = example();
    expect(() => loadAlibabaPlanFile(write(noPeer))).toThrow(/alibaba: \[Schema\] the plan has no `alibaba` peer/);
    expect(() => loadAlibabaPlanFile(write({ ...noPeer, alibaba: { ...(alibaba as object), vswitchID: 'vsw-x' } }))).toThrow(
      /alibaba\.vswitchID: \[Schema\] unknown field/,
    );
  });
});

describe('Alibaba program options from stack config', () => {
  const config = (values: Record<string, string>) => {
    pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(values).map(([k, v]) => [`ali:${k}`, v])));
    return new pulumi.Config('ali');
  };
  afterEach(() => pulumi.runtime.setAllConfig({}));

  test('planFile, awsOutputsFile and alarms come from the config; alarms false opts out', () => {
    const options = alibabaProgramOptionsFromConfig(config({ planFile: 'p.json', awsOutputsFile: 'o.json', alarms: '{"contactGroup":"oncall"}' }));
    expect([options.planFile, options.awsOutputsFile, options.alarms]).toEqual(['p.json', 'o.json', { contactGroup: 'oncall' }]);
    expect(alibabaProgramOptionsFromConfig(config({ alarms: 'false' })).alarms).toBe(false);
  });

  test('a bad alarms value is refused with a valid example', () => {
    expect(() => alibabaProgramOptionsFromConfig(config({ alarms: '{"contactGroups":["x"]}' }))).toThrow(
      /config alarms: .* Valid: `pulumi config set --path alarms.contactGroup/,
    );
  });
});
