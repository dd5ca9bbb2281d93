/**
 * The digital twin's timings (lib/twin): the example plan from nothing to every tunnel, BGP session
 * and prefix up, several times in one process, and the whole twin suite (`npm run twin`, faults and
 * policy families) as CI runs it. Needs root and the Debian packages; prints why when it cannot run.
 *
 *   npm run bench:twin             # also a section of `npm run bench`
 *   npm run bench:twin -- --quick  # one run, no suite
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadPlanFile } from '../lib/check/file';
import { missingPrerequisites } from '../lib/twin/prerequisites';
import { median, row } from './measure';

const ROOT = join(__dirname, '..');
const s = (ms: number) => (ms / 1000).toFixed(1);

export async function twinBenchmark(runs: number, suite: boolean): Promise<string[]> {
  const missing = missingPrerequisites();
  if (missing.length > 0) return [`Skipped: this machine lacks ${missing.join('; ')}.`];
  const { runTwin } = await import('../lib/twin/twin');
  const plan = loadPlanFile(join(ROOT, 'vpn-plan.json'));
  const samples: {
    emit: number;
    start: number;
    up: number;
    fromNothing: number;
    checks: number;
    teardown: number;
    total: number;
    allUp: boolean;
  }[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runTwin({ plan });
    const t = r.timings;
    samples.push({
      emit: t.emitMs,
      start: t.startMs,
      up: t.upMs,
      fromNothing: t.startMs + t.upMs,
      checks: t.checksMs,
      teardown: t.teardownMs,
      total: t.totalMs,
      allUp: r.allUp,
    });
  }
  const m = (k: keyof (typeof samples)[number]) => s(median(samples.map((x) => x[k] as number)));
  const lines = [
    `Example plan (vpn-plan.json), ${runs} run(s) in one process, median seconds (first run: ${
      s(samples[0].total)
    } s in all); every run all 4 tunnels up: ${samples.every((x) => x.allUp) ? 'yes' : 'NO'}.`,
    '',
    '| step | median s | target |',
    '|---|---|---|',
    row(['emit: CDK synthesis, Azure rendering (mocks) twice, deploy stand-in', m('emit'), '']),
    row(['start: 3 namespaces, 2 veth pairs, 9 daemons, IKE configuration loaded', m('start'), '']),
    row(['up: until all 4 IKE + child SAs, 4 BGP sessions, prefixes both ways', m('up'), '']),
    row(['**up from nothing** (start + up)', `**${m('fromNothing')}**`, '≤ 15']),
    row(['checks: child SA rekeys (PFS), routing tables, ping', m('checks'), '']),
    row(['teardown: daemons by PID, namespaces, run directory', m('teardown'), '']),
    row(['total', m('total'), '']),
  ];
  if (suite) {
    const start = performance.now();
    const result = spawnSync('npm', ['run', '-s', 'twin'], { cwd: ROOT, env: { ...process.env, MULTICLOUD_VPN_TWIN: 'require' }, encoding: 'utf8' });
    const ms = performance.now() - start;
    const summary = /Tests:\s+(.+)/.exec(`${result.stdout}\n${result.stderr}`)?.[1] ?? 'no jest summary';
    lines.push(
      '',
      `Whole twin suite (\`MULTICLOUD_VPN_TWIN=require npm run twin\`: 1 example-plan run + interrupt test, 6 faults, 4 policy families, translations, diagnosis): ` +
        `**${s(ms)} s** wall (target ≤ 180 s), exit ${result.status}, tests: ${summary}.`,
    );
  }
  return lines;
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  twinBenchmark(quick ? 1 : 3, !quick).then((lines) => console.log(lines.join('\n')), (e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
