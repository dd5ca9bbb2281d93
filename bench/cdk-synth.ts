/**
 * What a user waits for at `npx cdk synth`, library against hand-written: whole processes of the
 * CDK CLI (`aws-cdk`, the project's own, run as `npx cdk` runs it), each synthesizing into a fresh
 * directory, alternating example / hand-written, median of N pairs.
 *
 * - example: bin/app.ts exactly as cdk.json runs it (plan file read and validated, our Aspect, our
 *   cdk-nag pack and AwsSolutions on), given the bench's Azure IPs as an outputs file
 *   (`-c azureOutputs=`) so that its template has literals, as the hand-written one does.
 * - hand-written: bench/apps/hand-written-app.ts, the same template in L1 resources under
 *   AwsSolutions only, through the same loader. It loads none of the library's modules.
 *
 * Both with aws-cdk-lib's built-in CloudFormation validation on (the default). The templates are
 * compared (tags sorted, CDKMetadata aside) and the result printed first. CPU time (user + system of
 * the CLI and its app process) comes from /usr/bin/time when present: on a shared machine it moves
 * far less than wall time. `--ts-node` adds both apps run through ts-node (cdk.json's loader before
 * issue 8) to show what the loader costs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, row } from './measure';
import { BENCH_AZURE_IPS } from './hand-written-stack';
import { timedProcess } from './process-time';
import { comparable } from './stacks';

const ROOT = join(__dirname, '..');
const CDK_CLI = require.resolve('aws-cdk/bin/cdk');
/** The target of issue 8 §3: example over hand-written, whole `cdk synth` processes. */
export const CDK_SYNTH_TARGET = 1.15;

const LOADERS = {
  esbuild: 'node --require ./scripts/register-ts.js',
  'ts-node': 'node --require ts-node/register/transpile-only',
} as const;
type Loader = keyof typeof LOADERS;

interface Sample {
  readonly wallMs: number;
  readonly cpuMs?: number;
  readonly template: Record<string, unknown>;
}

function cdkSynth(app: string, context: readonly string[]): Sample {
  const outdir = mkdtempSync(join(tmpdir(), 'multicloud-vpn-cdk-synth-'));
  try {
    const { wallMs, cpuMs } = timedProcess(process.execPath, [
      CDK_CLI,
      'synth',
      '--quiet',
      '--app',
      app,
      '--output',
      outdir,
      ...context.flatMap((c) => ['-c', c]),
    ], { cwd: ROOT, env: { ...process.env, CDK_DISABLE_VERSION_CHECK: 'true' } });
    const template = JSON.parse(readFileSync(join(outdir, 'MulticloudVpnAws.template.json'), 'utf8')) as Record<string, unknown>;
    return { wallMs, cpuMs, template };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function differences(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const [ta, tb] = [comparable(a), comparable(b)];
  const out: string[] = [];
  for (const section of ['Description', 'Resources', 'Outputs', 'Parameters', 'Conditions', 'Rules'] as const) {
    const [sa, sb] = [(ta[section] ?? {}) as Record<string, unknown>, (tb[section] ?? {}) as Record<string, unknown>];
    if (typeof sa !== 'object' || typeof sb !== 'object') {
      if (sa !== sb) out.push(section);
      continue;
    }
    for (const id of new Set([...Object.keys(sa), ...Object.keys(sb)])) {
      if (JSON.stringify(sa[id]) !== JSON.stringify(sb[id])) out.push(`${section}.${id}`);
    }
  }
  return out;
}

export function cdkSynthBenchmark(pairs = 5, loaders: readonly Loader[] = ['esbuild']): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'multicloud-vpn-cdk-synth-outputs-'));
  try {
    const azureOutputs = join(dir, 'azure-outputs.json');
    writeFileSync(azureOutputs, JSON.stringify({ gatewayPublicIps: BENCH_AZURE_IPS }));
    const variants = loaders.flatMap((loader) => [
      { loader, kind: 'example', app: `${LOADERS[loader]} bin/app.ts`, context: [`azureOutputs=${azureOutputs}`] },
      { loader, kind: 'hand-written', app: `${LOADERS[loader]} bench/apps/hand-written-app.ts`, context: [] },
    ]);
    // One unmeasured round: fills the transpile cache and the OS file cache for every variant.
    const first = variants.map((v) => cdkSynth(v.app, v.context));
    const diff = differences(first[0].template, first[1].template);
    const samples = variants.map(() => [] as Sample[]);
    for (let i = 0; i < pairs; i++) variants.forEach((v, j) => samples[j].push(cdkSynth(v.app, v.context)));

    const lines = [
      `${pairs} rounds after one unmeasured round, variants alternating; each run = one \`cdk synth --quiet\` process of the project's aws-cdk CLI into a new directory, aws-cdk-lib's built-in validation on.`,
      diff.length === 0 ?
        "Templates: the hand-written template equals the example's (tags sorted, CDKMetadata aside)."
        : `**The templates differ** in ${diff.join(', ')}: the ratio compares different work.`,
      '',
      '| app (loader) | wall (ms, median) | CPU (ms, median) |',
      '|---|---|---|',
    ];
    const medians = samples.map((s) => ({
      wall: median(s.map((x) => x.wallMs)),
      cpu: s[0].cpuMs === undefined ? NaN : median(s.map((x) => x.cpuMs ?? NaN)),
    }));
    variants.forEach((v, j) =>
      lines.push(
        row([
          `${v.kind === 'example' ? 'example (bin/app.ts, all rule passes)' : 'hand-written L1 (AwsSolutions)'} (${v.loader})`,
          medians[j].wall,
          Number.isNaN(medians[j].cpu) ? 'n/a' : medians[j].cpu,
        ]),
      )
    );
    lines.push('', '| comparison | wall ratio of medians | median of pair wall ratios | CPU ratio of medians | target |', '|---|---|---|---|---|');
    loaders.forEach((loader, l) => {
      const [e, h] = [2 * l, 2 * l + 1];
      const pairRatios = samples[e].map((s, i) => s.wallMs / samples[h][i].wallMs);
      const cpu = medians[e].cpu / medians[h].cpu;
      lines.push(
        row([
          `example / hand-written (${loader})`,
          (medians[e].wall / medians[h].wall).toFixed(3),
          median(pairRatios).toFixed(3),
          Number.isNaN(cpu) ? 'n/a' : cpu.toFixed(3),
          `≤ ${CDK_SYNTH_TARGET}`,
        ]),
      );
    });
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const pairs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 5);
  console.log(cdkSynthBenchmark(pairs, process.argv.includes('--ts-node') ? ['esbuild', 'ts-node'] : ['esbuild']).join('\n'));
}
