/**
 * `multicloud-vpn doctor` end to end, without a cloud: the plan and both outputs files on disk,
 * EC2 through aws-sdk-client-mock, Azure through a fake HttpClient with 202 → 200 polling, a
 * TokenCredential stub. Asserts the table, the findings (D rows), the exit codes, what could not be
 * read (permission, credential, throttling, an unreachable cloud) and that no key is ever printed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DescribeRouteTablesCommand, DescribeVpnConnectionsCommand } from '@aws-sdk/client-ec2';
import { runCli } from '../../lib/cli/cli';
import { runDoctorVerb, type DoctorVerbDeps } from '../../lib/cli/verbs/doctor';
import { readState, type Diagnosis } from '../../lib/doctor';
import { AWS_READ_ACTIONS } from '../../lib/doctor/aws-read';
import { AZURE_READ_ACTIONS } from '../../lib/doctor/azure-read';
import { writeAwsOutputs } from '../peers/azure/handoff-fixture';
import { awsError, azureOutputs, fakeAzure, fakeCredential, generatedKeys, mockEc2, type AzureScenario, type AwsTunnelTelemetry } from './clouds';
import { OUTSIDE_IPS, PLAN, READ_AT } from './fixtures';

let dir: string;
let files: { plan: string; aws: string; azure: string; };
type Ec2Mock = ReturnType<typeof mockEc2>;
let ec2: Ec2Mock | undefined;
const T1 = PLAN.tunnels[0];

// The Azure SDK is loaded by doctor on first use; load it once here, outside the per-test timeout.
beforeAll(async () => {
  await import('@azure/arm-network');
}, 60_000);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mcvpn-doctor-'));
  const plan = path.join(dir, 'vpn-plan.json');
  writeFileSync(plan, '{}');
  const azure = path.join(dir, 'azure-outputs.json');
  writeFileSync(azure, JSON.stringify(azureOutputs(PLAN)));
  files = { plan, aws: writeAwsOutputs(PLAN, OUTSIDE_IPS, dir), azure };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => ec2?.restore());

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly keys: Record<string, string>;
  readonly azureRequests: string[];
}

async function doctor(
  options: {
    telemetry?: Record<string, AwsTunnelTelemetry>;
    azure?: AzureScenario;
    args?: string[];
    setup?: (ec2: Ec2Mock) => void;
    deps?: DoctorVerbDeps;
  } = {},
): Promise<Run> {
  const keys = generatedKeys(PLAN);
  ec2 = mockEc2(PLAN, keys, options.telemetry);
  options.setup?.(ec2);
  const azure = fakeAzure(PLAN, { keys, ...options.azure });
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDoctorVerb([files.plan, '--aws-outputs', files.aws, '--azure-outputs', files.azure, ...(options.args ?? [])], {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  }, {
    clients: { azureCredential: fakeCredential, azureHttpClient: azure.httpClient },
    azurePollIntervalMs: 1,
    readAt: new Date(READ_AT),
    ...options.deps,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), keys, azureRequests: azure.requests };
}

function expectNoKey(run: Run): void {
  for (const key of Object.values(run.keys)) {
    expect(run.stdout).not.toContain(key);
    expect(run.stderr).not.toContain(key);
  }
}

describe('doctor --help', () => {
  it('documents the inputs, options, credentials and exit codes; the main usage names the verb', async () => {
    const out: string[] = [];
    expect(await runCli(['doctor', '--help'], { stdout: (t) => out.push(t), stderr: () => undefined })).toBe(0);
    const help = out.join('\n');
    for (const option of ['--aws-outputs', '--azure-outputs', '--region', '--subnet', '--subscription', '--timeout', '--json']) {
      expect(help).toContain(option);
    }
    expect(help).toContain('Exit status: 0 healthy, 1 a finding, 2 could not read');
    expect(help).toContain('DefaultAzureCredential');
    const main: string[] = [];
    await runCli(['--help'], { stdout: (t) => main.push(t), stderr: () => undefined });
    expect(main.join('\n')).toContain('doctor [file]');
  });
});

describe('doctor against mocked clouds', () => {
  it('healthy: one row per tunnel, both sides up, no finding, exit 0; Azure LROs polled 202 → 200 with progress on stderr', async () => {
    const run = await doctor();
    expect(run.code).toBe(0);
    for (const t of PLAN.tunnels) {
      expect(run.stdout).toMatch(
        new RegExp(
          `${t.id}\\s+${t.awsConnection}/${t.awsTunnel}\\s+${
            OUTSIDE_IPS[t.id].replace(/\./g, '\\.')
          }\\s+UP \\(1 BGP ROUTES\\)\\s+Connected\\s+up / Connected\\s+1\\s+1`,
        ),
      );
    }
    expect(run.stdout).toContain('No finding');
    expect(run.stderr).toContain('doctor: waiting for Azure getBgpPeerStatus');
    expect(run.stderr).toContain('doctor: waiting for Azure getLearnedRoutes');
    expect(run.azureRequests.filter((r) => r.startsWith('POST'))).toHaveLength(2 + PLAN.tunnels.length);
    expect(run.azureRequests.some((r) => /GET .*\/operationResults\//.test(r))).toBe(true);
    expectNoKey(run);
  });

  it('Azure-AsyncOperation polling (status InProgress → Succeeded, then the Location result) reads the same', async () => {
    const run = await doctor({ azure: { asyncOperation: true } });
    expect(run.code).toBe(0);
    expect(run.azureRequests.some((r) => /GET .*\/locations\/[^/]+\/operations\//.test(r))).toBe(true);
  });

  it('D01: "IPSEC IS DOWN" on AWS and NotConnected on Azure; exit 1; the keys DescribeVpnConnections and the connection GET return are never shown', async () => {
    const run = await doctor({
      telemetry: { [T1.id]: { status: 'DOWN', statusMessage: 'IPSEC IS DOWN', acceptedRouteCount: 0 } },
      azure: { connectionStatus: { [T1.id]: 'NotConnected' }, peerState: { [T1.id]: 'Connecting' } },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`D01 ${T1.id}: A tunnel is DOWN and IKE (phase 1) never completes`);
    expect(run.stdout).toContain('tunnel 192.0.2.10: DOWN "IPSEC IS DOWN", 0 routes accepted');
    expect(run.stdout).toContain('1. [indicated] the pre-shared key differs between the ends (check C22)');
    expect(run.stdout).toContain(`D08 ${T1.id}`);
    expectNoKey(run);
  });

  it('--json: the same diagnosis for scripts, without a key', async () => {
    const run = await doctor({ args: ['--json'], telemetry: { [T1.id]: { status: 'DOWN', statusMessage: 'IPSEC IS DOWN', acceptedRouteCount: 0 } } });
    const json = JSON.parse(run.stdout) as Diagnosis;
    expect(run.code).toBe(1);
    expect(json.exitCode).toBe(1);
    expect(json.findings.map((f) => [f.id, f.tunnelId])).toEqual([['D01', T1.id]]);
    expect(json.tunnels[0]).toMatchObject({ tunnelId: T1.id, awsStatus: 'DOWN', awsStatusMessage: 'IPSEC IS DOWN', azureStatus: 'Connected' });
    expectNoKey(run);
  });

  it('D04 from the clouds: BGP up, AWS accepted 0 routes', async () => {
    const run = await doctor({ args: ['--json'], telemetry: { [T1.id]: { statusMessage: '0 BGP ROUTES', acceptedRouteCount: 0 } } });
    const json = JSON.parse(run.stdout) as Diagnosis;
    expect(json.findings.map((f) => f.id)).toEqual(['D04']);
    expect(run.code).toBe(1);
  });
});

describe('partial failures: what could not be read is said, the rest is reported', () => {
  it('missing IAM permission (UnauthorizedOperation on DescribeRouteTables): names ec2:DescribeRouteTables, tunnels still read, exit 2', async () => {
    const run = await doctor({
      setup: (mock) =>
        mock.on(DescribeRouteTablesCommand).rejects(awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.')),
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('aws: route tables: UnauthorizedOperation: You are not authorized to perform this operation.');
    expect(run.stdout).toContain('needs: IAM permission ec2:DescribeRouteTables');
    expect(run.stdout).toMatch(/Instance0Tunnel1\s+1\/1\s+192\.0\.2\.10\s+UP/);
    // Nothing found in what was read is no sign of health: the report must not claim it.
    expect(run.stdout).not.toContain('every tunnel is up');
    expect(run.stdout).toContain('No finding in what could be read');
  });

  it('missing Azure permission (AuthorizationFailed on getLearnedRoutes): names the action, BGP peers still read', async () => {
    const run = await doctor({
      azure: {
        fail: {
          getLearnedRoutes: {
            status: 403,
            code: 'AuthorizationFailed',
            message: "The client does not have authorization to perform action 'Microsoft.Network/virtualNetworkGateways/getLearnedRoutes/action'.",
          },
        },
      },
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('azure: learned routes (getLearnedRoutes): AuthorizationFailed');
    expect(run.stdout).toContain('needs: Azure permission Microsoft.Network/virtualNetworkGateways/getLearnedRoutes/action');
    // Learned routes fall back to the BGP peer status's routesReceived.
    expect(run.stdout).toMatch(/UP \(1 BGP ROUTES\)\s+Connected\s+up \/ Connected\s+1\s+1/);
  });

  it('AWS throttling (RequestLimitExceeded after the SDK retries): reported, Azure still read and diagnosed', async () => {
    const run = await doctor({
      setup: (mock) => mock.on(DescribeVpnConnectionsCommand).rejects(awsError('RequestLimitExceeded', 'Request limit exceeded.')),
      azure: { connectionStatus: { [T1.id]: 'NotConnected' } },
    });
    expect(run.stdout).toContain('aws: VPN connections (tunnel status, telemetry, options): RequestLimitExceeded: Request limit exceeded.');
    expect(run.stdout).toContain('needs: a retry later');
    expect(run.stdout).toContain(`D08 ${T1.id}`);
    expect(run.code).toBe(1);
  });

  it('Azure throttling (429 with Retry-After): the operation is reported unread, the others are read', async () => {
    const run = await doctor({ azure: { fail: { getBgpPeerStatus: { status: 429, code: 'TooManyRequests', message: 'Too many requests.' } } } });
    expect(run.stdout).toContain('azure: BGP peer status (getBgpPeerStatus): TooManyRequests');
    expect(run.stdout).toMatch(/UP \(1 BGP ROUTES\)\s+Connected\s+up \/ -\s+1\s+1/);
    expect(run.code).toBe(2);
  });

  it('AWS unreachable without credentials: says which credential is missing, stops calling AWS, still reports Azure', async () => {
    const run = await doctor({
      setup: (mock) =>
        mock.on(DescribeVpnConnectionsCommand).rejects(awsError('CredentialsProviderError', 'Could not load credentials from any providers')),
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('needs: AWS credentials from the default chain');
    expect(ec2!.commandCalls(DescribeRouteTablesCommand)).toHaveLength(0);
    expect(run.stdout).toMatch(/Instance0Tunnel1\s+1\/1\s+-\s+-\s+Connected/);
  });

  it('Azure credential unavailable (DefaultAzureCredential found none): names the credential chain, AWS still diagnosed', async () => {
    const failing = {
      getToken: async () => {
        throw Object.assign(new Error('DefaultAzureCredential failed to retrieve a token from the included credentials.'), {
          name: 'CredentialUnavailableError',
        });
      },
    };
    const run = await doctor({
      deps: { clients: { azureCredential: failing, azureHttpClient: fakeAzure(PLAN).httpClient } },
      telemetry: { [T1.id]: { status: 'DOWN', statusMessage: 'IPSEC IS DOWN', acceptedRouteCount: 0 } },
    });
    expect(run.stdout).toContain('needs: Azure credentials for DefaultAzureCredential');
    expect(run.stdout).toContain(`D01 ${T1.id}`);
    expect(run.code).toBe(1);
  });

  it('a long-running operation that never finishes times out with a clear line (--timeout)', async () => {
    const run = await doctor({ azure: { neverDone: true }, args: ['--timeout', '0.05'] });
    expect(run.stdout).toContain('azure: BGP peer status (getBgpPeerStatus): Timeout: getBgpPeerStatus did not finish within 0 s');
    expect(run.stdout).toContain('needs: a longer --timeout');
    expect(run.code).toBe(2);
  });

  it('no outputs files: exit 2, naming the files to pass', async () => {
    const out: string[] = [];
    const code = await runDoctorVerb([files.plan], { stdout: (t) => out.push(t), stderr: () => undefined }, {
      clients: {
        azureCredential: fakeCredential,
        azureHttpClient: fakeAzure(PLAN, { fail: { '/': { status: 404, code: 'ResourceNotFound', message: 'not found' } } }).httpClient,
      },
      azurePollIntervalMs: 1,
    });
    expect(code).toBe(2);
    expect(out.join('\n')).toContain('needs: --aws-outputs <file written by `cdk deploy --outputs-file`>');
    expect(out.join('\n')).toContain('no subscription id');
    expect(out.join('\n')).not.toContain('every tunnel is up');
  });
});

describe('no key is kept', () => {
  it('the state read holds neither PreSharedKey, the customer gateway configuration, nor sharedKey', async () => {
    const keys = generatedKeys(PLAN);
    ec2 = mockEc2(PLAN, keys);
    const state = await readState({
      plan: PLAN,
      awsOutputsFile: files.aws,
      azureOutputsFile: files.azure,
      azurePollIntervalMs: 1,
      clients: { azureCredential: fakeCredential, azureHttpClient: fakeAzure(PLAN, { keys }).httpClient },
    });
    const text = JSON.stringify(state);
    expect(Object.keys(state.aws!.tunnels!)).toEqual(PLAN.tunnels.map((t) => t.id));
    expect(Object.keys(state.azure!.connections!)).toEqual(PLAN.tunnels.map((t) => t.id));
    for (const key of Object.values(keys)) expect(text).not.toContain(key);
    expect(text).not.toMatch(/PreSharedKey|pre_shared_key|sharedKey/i);
  });
});

describe('least privilege', () => {
  it('every AWS call doctor makes is a read action listed in the README policy', async () => {
    const run = await doctor();
    expect(run.code).toBe(0);
    const called = ec2!.calls().map((c) => `ec2:${(c.args[0] as { constructor: { name: string; }; }).constructor.name.replace(/Command$/, '')}`);
    for (const action of new Set(called)) expect(AWS_READ_ACTIONS).toContain(action);
    for (const action of AWS_READ_ACTIONS) expect(action).toMatch(/^ec2:(Describe|Get|Search)/);
    for (const action of AZURE_READ_ACTIONS) {
      expect(action).toMatch(/\/(read|getBgpPeerStatus\/action|getLearnedRoutes\/action|getAdvertisedRoutes\/action)$/);
    }
  });
});
