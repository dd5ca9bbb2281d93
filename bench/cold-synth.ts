/**
 * What one `cdk synth` of the example app costs from a cold process: bin/app.ts run the way cdk.json
 * runs it (scripts/register-ts.js: cached esbuild transpile), writing its cloud assembly to a temporary directory, with
 * aws-cdk-lib's built-in CloudFormation validation on (the default) and off (`CDK_VALIDATION=false`).
 * The in-process benchmarks (synth-cost, scale) measure warm runs; this is what a user waits for.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, row } from './measure';

const ROOT = join(__dirname, '..');

/** Wall milliseconds of one `bin/app.ts` process that synthesizes into a fresh directory. */
function coldSynthMs(builtinValidation: boolean): number {
  const outdir = mkdtempSync(join(tmpdir(), 'multicloud-vpn-cold-'));
  try {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--require', './scripts/register-ts.js', 'bin/app.ts'], {
      cwd: ROOT,
      // CDK_OUTDIR is how the CDK CLI tells the app where to write; the app then synthesizes on exit.
      env: { ...process.env, CDK_OUTDIR: outdir, CDK_VALIDATION: builtinValidation ? 'true' : 'false' },
      encoding: 'utf8',
    });
    const ms = performance.now() - start;
    if (result.status !== 0) throw new Error(`bin/app.ts exited with ${result.status}: ${result.stderr}`);
    return ms;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function coldSynthBenchmark(runs = 3): string[] {
  const on: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < runs; i++) {
    on.push(coldSynthMs(true));
    off.push(coldSynthMs(false));
  }
  const [withValidation, withoutValidation] = [median(on), median(off)];
  return [
    `${runs} processes each, alternating; wall time from process start to exit (Node start, transpile cache, module loading, build, synthesis).`,
    '',
    '| bin/app.ts in a new process | wall (ms, median) |',
    '|---|---|',
    row(['aws-cdk-lib built-in CloudFormation validation on (default)', withValidation]),
    row(['built-in validation off (CDK_VALIDATION=false)', withoutValidation]),
    row(['share of the built-in validation', `${((100 * (withValidation - withoutValidation)) / withValidation).toFixed(0)} %`]),
  ];
}

if (require.main === module) console.log(coldSynthBenchmark().join('\n'));
