/**
 * All benchmarks, printed as markdown (paste into BENCHMARKS.md):
 *
 *   npm run bench              # node --require ./scripts/register-ts.js bench/index.ts
 *   npm run bench -- --quick   # fewer runs, to check that everything runs
 *
 * Figures only: a missed target is printed as such, not turned into a failing exit code, since
 * timings on a shared machine are not a pass/fail signal for CI.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { alibabaOfflineBenchmark } from './alibaba-offline';
import { cdkSynthBenchmark } from './cdk-synth';
import { cliStartupBenchmark } from './cli-startup';
import { coldSynthBenchmark } from './cold-synth';
import { footprintBenchmark } from './footprint';
import { planScaleBenchmark } from './plan-scale';
import { scaleBenchmark } from './scale';
import { synthCostBenchmark } from './synth-cost';

function machine(): string {
  const cpu = cpus();
  const load = loadavg().map((l) => l.toFixed(2)).join(', ');
  return `${cpu.length} CPU(s) (${
    cpu[0]?.model.trim() ?? 'unknown'
  }), Node ${process.version}, ${process.platform}/${process.arch}, load average ${load}`;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const start = performance.now();
  const out: string[] = [
    `# multicloud-vpn benchmarks${quick ? ' (quick run: too few runs to quote)' : ''}`,
    '',
    `Machine at start: ${machine()}.`,
    '',
  ];
  const section = (title: string, lines: readonly string[]) => {
    out.push(`## ${title}`, '', ...lines, '');
    // Printed as it goes: the whole run takes minutes.
    console.log(out.splice(0).join('\n'));
  };
  section('Planning: plans sharing one Azure gateway (bench/plan-scale.ts)', planScaleBenchmark(quick ? 3 : 15));
  section('Synthesis cost: example app vs hand-written L1 stack (bench/synth-cost.ts)', synthCostBenchmark(quick ? 3 : 21, quick ? 1 : 3).lines);
  section('CLI start-up: `multicloud-vpn plan` (bench/cli-startup.ts)', await cliStartupBenchmark(quick ? 2 : 15));
  section('Synthesis through the CDK CLI: example app vs hand-written, whole processes (bench/cdk-synth.ts)', cdkSynthBenchmark(quick ? 1 : 5));
  section('Cold synthesis: one `cdk synth` process (bench/cold-synth.ts)', coldSynthBenchmark(quick ? 1 : 3));
  section('Scale: VPN connections on one VGW (bench/scale.ts)', scaleBenchmark(quick ? 3 : 11, 2));
  section('Footprint (bench/footprint.ts)', footprintBenchmark());
  section('Alibaba offline render: `multicloud-vpn alibaba` in process (bench/alibaba-offline.ts)', await alibabaOfflineBenchmark(quick ? 3 : 15));
  // The twin is asynchronous and needs root: its own process, as `npm run bench:twin`.
  const twin = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'bench/twin.ts', ...(quick ? ['--quick'] : [])], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
  });
  section('Digital twin (bench/twin.ts)', (twin.stdout || twin.stderr).trim().split('\n'));
  console.log(`Machine at end: ${machine()}. Total benchmark time: ${((performance.now() - start) / 1000).toFixed(0)} s.`);
}

void main();
