/**
 * What a user waits for at `multicloud-vpn plan` (issue 8 §3: ≤ 0.3 s in a checkout and installed):
 * whole `node` processes, round-robin, median of N.
 *
 * - floor: `node` requiring zod and ipaddr.js and nothing else, the least any `plan` can cost.
 * - checkout: `node bin/multicloud-vpn.js plan vpn-plan.json` in this repository, the TypeScript
 *   sources through scripts/register-ts.js with its transpile cache filled (any run after the first).
 * - checkout, first run: the same with an empty transpile cache (after a fresh clone; an edit
 *   re-transpiles only the edited file).
 * - installed: the package laid out as npm installs it (bin/multicloud-vpn.js and dist/**.js,
 *   no lib/*.ts) in a temporary directory, its node_modules linked to this repository's; lib/ is
 *   compiled file by file for it (esbuild, CommonJS, as tsc's output: one module per file).
 * - ts-node (before issue 8): the sources through `ts-node` transpile-only, what bin/ did before.
 *
 * Every variant's output is checked to equal the checkout's before timing.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { median, row } from './measure';
import { timedProcess, type ProcessTiming } from './process-time';

const ROOT = join(__dirname, '..');
export const CLI_STARTUP_TARGET_MS = 300;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
  );
}

/** The installed layout: bin/ and dist/ as in the npm package, dependencies from this repository. */
async function installedPackage(dir: string): Promise<string> {
  const pkg = join(dir, 'node_modules', 'multicloud-vpn');
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'bin', 'multicloud-vpn.js'), join(pkg, 'bin', 'multicloud-vpn.js'));
  cpSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  await build({
    // dist/ mirrors lib/ (tsconfig.build.json: rootDir lib), so dist/cli/cli.js is what bin/ loads.
    entryPoints: tsFiles(join(ROOT, 'lib')),
    outbase: join(ROOT, 'lib'),
    outdir: join(pkg, 'dist'),
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    logLevel: 'error',
  });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
  return join(pkg, 'bin', 'multicloud-vpn.js');
}

export async function cliStartupBenchmark(runs = 15): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'multicloud-vpn-cli-startup-'));
  try {
    const installedBin = await installedPackage(dir);
    const emptyCache = () => {
      const cache = join(dir, 'ts-cache');
      rmSync(cache, { recursive: true, force: true });
      return cache;
    };
    const plan = join(ROOT, 'vpn-plan.json');
    const node = (args: string[], env: NodeJS.ProcessEnv = {}) => () =>
      timedProcess(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env } });
    const variants: Record<string, () => ProcessTiming> = {
      'floor: node + zod + ipaddr.js': node(['-e', "require('zod'); require('ipaddr.js')"]),
      'checkout (bin/multicloud-vpn.js, transpile cache filled)': node(['bin/multicloud-vpn.js', 'plan', plan]),
      'checkout, first run (empty transpile cache)': () => node(['bin/multicloud-vpn.js', 'plan', plan], { MULTICLOUD_VPN_TS_CACHE: emptyCache() })(),
      'installed (bin + dist/, no lib/*.ts)': node([installedBin, 'plan', plan]),
      'ts-node transpile-only (bin/ before issue 8)': node([
        '-e',
        "require('ts-node').register({ transpileOnly: true }); require('./lib/cli/cli.ts').runCli(['plan', process.argv[1]], { stdout: (t) => process.stdout.write(t + '\\n'), stderr: (t) => process.stderr.write(t + '\\n') })",
        plan,
      ]),
    };
    const names = Object.keys(variants);
    const expected = variants[names[1]]().stdout;
    for (const name of names.slice(2)) {
      if (variants[name]().stdout !== expected) throw new Error(`${name}: output differs from the checkout's`);
    }
    const samples = Object.fromEntries(names.map((n) => [n, [] as ProcessTiming[]]));
    for (let i = 0; i < runs; i++) for (const name of names) samples[name].push(variants[name]());
    const cpu = (s: ProcessTiming[]) => s[0].cpuMs === undefined ? 'n/a' : median(s.map((x) => x.cpuMs!));
    return [
      `${runs} processes per variant after one unmeasured run each, round-robin; wall time from spawn to exit; CPU = user + system (GNU time). ` +
      `Every variant printed the same tunnel table.`,
      '',
      '| `multicloud-vpn plan vpn-plan.json` | wall (ms, median) | CPU (ms, median) | target |',
      '|---|---|---|---|',
      ...names.map((n, i) =>
        row([n, median(samples[n].map((s) => s.wallMs)), cpu(samples[n]), i === 1 || i === 3 ? `≤ ${CLI_STARTUP_TARGET_MS}` : '-'])
      ),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void cliStartupBenchmark(Number(process.argv[2] ?? 15)).then((lines) => console.log(lines.join('\n')));
}
