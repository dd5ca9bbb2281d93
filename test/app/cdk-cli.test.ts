/**
 * The real CDK CLI on the app (bin/app.ts through cdk.json): three runs, each into its own temp
 * output directory, started together in `beforeAll` (they are independent; concurrently the suite
 * takes about the time of the slowest run). Each is `cdk synth --no-validation`: aws-cdk-lib's
 * CloudFormation schema check (a WASM engine, about 10 s of CPU per app, as much as the rest of
 * this file) is what CI runs on the same app as the README's main command (`npx cdk synth` in
 * .ci/run; scripts/package-check checks its report is empty), so npm test keeps to its time budget.
 * Our own checks — the Aspect, our cdk-nag pack, AwsSolutions — run in every one of these runs.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CDK_CLI = join(ROOT, 'node_modules', 'aws-cdk', 'bin', 'cdk');
const TIMEOUT_MS = 180_000;
jest.setTimeout(TIMEOUT_MS + 20_000);

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outDir: string;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdk-cli-'));
  dirs.push(dir);
  return dir;
}

/** The environment a user's shell has: without the switches test/setup-env.ts sets for in-process tests. */
function userEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest.CDK_VALIDATION;
  delete rest.CDK_CONTEXT_JSON;
  delete rest.CDK_DISABLE_STACK_TRACE;
  return rest;
}

/**
 * `cdk synth --no-validation` with `-c` for each of `context`, into a fresh directory; resolves when
 * the CLI exits. The validation plugins (our pack, AwsSolutions) and the annotations report run;
 * only aws-cdk-lib's CloudFormation schema check is left to CI (file comment).
 */
function cdkSynth(context: readonly string[]): Promise<Run> {
  const outDir = tempDir();
  // The project's aws-cdk CLI run by node directly (what `npx cdk` runs, without npx's start-up).
  const args = [
    CDK_CLI,
    'synth',
    '--quiet',
    '--no-notices',
    '--no-version-reporting',
    '--no-validation',
    '--output',
    outDir,
    ...context.flatMap((c) => ['-c', c]),
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      timeout: TIMEOUT_MS,
      env: { ...userEnvironment(process.env), CDK_DISABLE_CLI_TELEMETRY: 'true', CI: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr, outDir }));
  });
}

type Template = {
  Parameters?: Record<string, unknown>;
  Rules?: Record<string, unknown>;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown>; }>;
  Outputs: Record<string, unknown>;
};

function template(run: Run): Template {
  return JSON.parse(readFileSync(join(run.outDir, 'MulticloudVpnAws.template.json'), 'utf8'));
}

function ofType(t: Template, type: string) {
  return Object.values(t.Resources).filter((r) => r.Type === type).map((r) => r.Properties);
}

/** Every file of the cloud assembly, as text (the handler asset included). */
function assemblyText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

/** The documented plan with two inside CIDRs broken (C01). */
function badPlanFile(): string {
  const plan = JSON.parse(readFileSync(join(ROOT, 'vpn-plan.json'), 'utf8'));
  plan.tunnels[1].insideCidr = '169.254.22.1/30'; // host bits set (C01)
  plan.tunnels[2].insideCidr = '169.254.300.4/30'; // octet > 255 (C01)
  const file = join(tempDir(), 'bad-plan.json');
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

function azureOutputsFile(): string {
  const file = join(tempDir(), 'azure-outputs.json');
  writeFileSync(file, JSON.stringify({ gatewayPublicIps: ['20.10.0.1', '20.10.0.2'], gatewayId: 'gw' }));
  return file;
}

describe('C15, C23: cdk synth (real CLI)', () => {
  const bad = badPlanFile();
  let review: Run;
  let deployable: Run;
  let invalid: Run;
  beforeAll(async () => {
    [review, deployable, invalid] = await Promise.all([
      cdkSynth([]),
      cdkSynth([`azureOutputs=${azureOutputsFile()}`]),
      cdkSynth([`plan=${bad}`]),
    ]);
  }, TIMEOUT_MS + 10_000);

  test('C15, C23: vpn-plan.json without Azure outputs synthesizes a reviewable but undeployable template', () => {
    const run = review;
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.status).toBe(0);
    const t = template(run);
    expect(ofType(t, 'AWS::EC2::VPNGateway')).toEqual([expect.objectContaining({ AmazonSideAsn: 64512 })]);
    expect(ofType(t, 'AWS::EC2::VPC')).toEqual([expect.objectContaining({ CidrBlock: '10.2.0.0/16' })]);
    // C43: one TunnelState alarm per tunnel in the synthesized template.
    expect(ofType(t, 'AWS::CloudWatch::Alarm').map((a) => `${a.Namespace} ${a.MetricName}`)).toEqual(Array(4).fill('AWS/VPN TunnelState'));
    const insideCidrs = ofType(t, 'AWS::EC2::VPNConnection')
      .flatMap((c) => (c.VpnTunnelOptionsSpecifications as { TunnelInsideCidr: string; }[]).map((s) => s.TunnelInsideCidr));
    expect(insideCidrs.sort()).toEqual(['169.254.21.0/30', '169.254.21.4/30', '169.254.22.0/30', '169.254.22.4/30']);
    // Undeployable by mistake: parameters with no default, and a rule whose message says what to pass.
    for (const instance of [0, 1]) {
      const parameter = t.Parameters![`AzureGatewayInstance${instance}PublicIp`] as Record<string, string>;
      expect(parameter).toMatchObject({ Type: 'String', AllowedPattern: expect.any(String) });
      expect(parameter).not.toHaveProperty('Default');
      expect(parameter.Description).toMatch(/-c azureOutputs=/);
    }
    expect(JSON.stringify(t.Rules)).toMatch(/-c azureOutputs=<file from `pulumi stack output --json`>/);
    expect(ofType(t, 'AWS::EC2::CustomerGateway').map((g) => g.IpAddress)).toEqual([
      { Ref: 'AzureGatewayInstance0PublicIp' },
      { Ref: 'AzureGatewayInstance1PublicIp' },
    ]);
    expect(run.stderr).toMatch(/No Azure gateway IPs.*-c azureOutputs=/);
    expect(Object.keys(t.Outputs)).toEqual(expect.arrayContaining(['AwsAzureVpnHandoff', 'AwsAzureVpnInstance0Tunnel1OutsideIp']));
    // C23: no pre-shared key anywhere in the assembly: every PreSharedKey is a dynamic reference.
    const text = assemblyText(run.outDir);
    expect(text).not.toMatch(/"PreSharedKey":\s*"/);
    expect(text.match(/"PreSharedKey"/g)).toHaveLength(4);
  });

  test('the app passes our Aspect, our cdk-nag pack and AwsSolutions: no finding printed, an empty validation report', () => {
    for (const run of [review, deployable]) {
      expect(run.status).toBe(0);
      expect(run.stderr).not.toMatch(/AwsSolutions-|MultiCloudVpn-|\bERROR\b/);
      // With @aws-cdk/core:annotationsInValidationReport (cdk.json) annotations are a report of their own;
      // no plugin (our pack, AwsSolutions) reports anything, and the only annotation is the review warning.
      const report = JSON.parse(readFileSync(join(run.outDir, 'validation-report.json'), 'utf8')) as {
        pluginReports: { pluginName: string; violations: { ruleName: string; }[]; }[];
      };
      expect(report.pluginReports.filter((p) => p.pluginName !== 'Construct Annotations')).toEqual([]);
      const annotations = report.pluginReports.flatMap((p) => p.pluginName === 'Construct Annotations' ? p.violations.map((v) => v.ruleName) : []);
      expect(annotations).toEqual(run === review ? ['Annotation::multicloud-vpn:no-azure-outputs'] : []);
    }
    // VPC7 is fixed, not acknowledged: the example VPC has flow logs to a log group that expires.
    const t = template(review);
    expect(ofType(t, 'AWS::EC2::FlowLog')).toEqual([expect.objectContaining({ ResourceType: 'VPC', TrafficType: 'ALL' })]);
    expect(ofType(t, 'AWS::Logs::LogGroup').every((g) => (g.RetentionInDays as number) > 0)).toBe(true);
  });

  test('quiet: every feature flag set, no bare file:line before a warning, each warning printed once', () => {
    for (const run of [review, deployable]) {
      expect(run.stderr).not.toMatch(/feature flags are not configured/);
      expect(run.stderr).not.toMatch(/^\S+\.[jt]s:\d+(:\d+)?\s*$/m);
      const warnings = run.stderr.split('\n').filter((line) => /^WARNING /.test(line));
      expect(new Set(warnings).size).toBe(warnings.length);
    }
    expect(review.stderr.split('\n').filter((line) => /^WARNING /.test(line))).toEqual([expect.stringMatching(/^WARNING No Azure gateway IPs/)]);
    expect(deployable.stderr).not.toMatch(/^WARNING /m);
    // cdk.json carries every flag `cdk init` would set for the installed aws-cdk-lib, with its recommended value.
    const recommended = JSON.parse(readFileSync(join(ROOT, 'node_modules/aws-cdk-lib/recommended-feature-flags.json'), 'utf8'));
    const context = JSON.parse(readFileSync(join(ROOT, 'cdk.json'), 'utf8')).context;
    expect(context).toEqual(expect.objectContaining(recommended));
  });

  test('C15: -c azureOutputs=<file> puts the Azure IPs on the customer gateways, instance 0 first, with no parameters', () => {
    const run = deployable;
    expect(run.status).toBe(0);
    const t = template(run);
    expect(Object.keys(t.Parameters ?? {})).not.toContain('AzureGatewayInstance0PublicIp');
    const gateways = Object.entries(t.Resources).filter(([, r]) => r.Type === 'AWS::EC2::CustomerGateway');
    expect(Object.fromEntries(gateways.map(([id, r]) => [id.replace(/[0-9A-F]{8}$/, ''), r.Properties.IpAddress]))).toEqual({
      AzureVpnCustomerGatewayInstance0: '20.10.0.1',
      AzureVpnCustomerGatewayInstance1: '20.10.0.2',
    });
    expect(run.stderr).not.toMatch(/No Azure gateway IPs/);
  });

  test('C01: an invalid plan file exits non-zero and prints every finding with its catalogue number, no stack trace', () => {
    const run = invalid;
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(`${bad} is invalid`);
    const findings = run.stderr.split('\n').filter((line) => /^ERROR /.test(line));
    expect(findings).toEqual(expect.arrayContaining([
      expect.stringMatching(/^ERROR tunnels\[1\]\.insideCidr: \[C01[^\]]*\].*169\.254\.22\.1\/30/),
      expect.stringMatching(/^ERROR tunnels\[2\]\.insideCidr: \[C01[^\]]*\].*169\.254\.300\.4\/30/),
    ]));
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/PlanValidationError/);
  });
});
