/**
 * How `multicloud-vpn` starts (issue 8 §3, CLI start-up): in a checkout bin/ runs the TypeScript
 * sources through scripts/register-ts.js (a cached esbuild transpile), and `plan` loads nothing but
 * zod and ipaddr.js from node_modules. Timings are bench/cli-startup.ts's job; these tests pin what
 * makes it fast and what could make it wrong (a stale transpile cache).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../lib/cli/cli';

const ROOT = resolve(__dirname, '../..');
const REGISTER = join(ROOT, 'scripts', 'register-ts.js');

function node(args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('multicloud-vpn launch path (issue 8 §3)', () => {
  jest.setTimeout(120_000);

  it('bin/multicloud-vpn.js in a checkout prints what runCli prints for `plan`', async () => {
    const lines: string[] = [];
    const code = await runCli(['plan', 'vpn-plan.json'], { stdout: (t) => lines.push(t), stderr: () => undefined });
    // The checkout's own transpile cache, as a user's second run has it (an empty cache is the next test's).
    const run = node([join(ROOT, 'bin', 'multicloud-vpn.js'), 'plan', 'vpn-plan.json']);
    expect(run.status).toBe(code);
    expect(run.stdout).toBe(lines.map((l) => `${l}\n`).join(''));
  });

  it('the plan, diagram and diff verbs load only zod and ipaddr.js from node_modules (no aws-cdk-lib, cdk-nag, Pulumi)', () => {
    const run = node([
      '--require',
      REGISTER,
      '-e',
      `
      require('./lib/cli/cli.ts');
      const packages = Object.keys(require.cache).filter((f) => f.includes('/node_modules/'))
        .map((f) => f.split('/node_modules/').pop().split('/').slice(0, f.split('/node_modules/').pop().startsWith('@') ? 2 : 1).join('/'));
      console.log(JSON.stringify([...new Set(packages)].sort()));`,
    ]);
    expect(run.stderr).toBe('');
    // esbuild: only its package.json, read for the transpile cache's key (absent from the installed package).
    expect(JSON.parse(run.stdout)).toEqual(['esbuild', 'ipaddr.js', 'zod']);
  });

  it('the transpile cache never serves a stale file: an edited source runs as edited', () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-ts-'));
    const env = { MULTICLOUD_VPN_TS_CACHE: join(dir, 'cache') };
    const file = join(dir, 'answer.ts');
    const script = ['--require', REGISTER, '-e', `console.log(require(${JSON.stringify(file)}).answer)`];
    writeFileSync(file, 'export const answer: number = 1;\n');
    expect(node(script, env).stdout).toBe('1\n');
    expect(node(script, env).stdout).toBe('1\n'); // served from the cache
    writeFileSync(file, 'export const answer: number = 2;\n');
    expect(node(script, env).stdout).toBe('2\n');
  });

  it('warmCache (jest global set-up) fills the transpile cache with what the loader then serves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-ts-'));
    const cache = join(dir, 'cache');
    const file = join(dir, 'warm.ts');
    writeFileSync(file, 'export const warmed: string = "yes";\n');
    const warm = node(['-e', `require(${JSON.stringify(REGISTER)}).warmCache([${JSON.stringify(file)}])`], { MULTICLOUD_VPN_TS_CACHE: cache });
    expect(warm.stderr).toBe('');
    expect(readdirSync(cache)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.js$/)]);
    // The loader serves the cached file: an edited cache entry is what runs.
    const cached = join(cache, readdirSync(cache)[0]);
    writeFileSync(cached, readFileSync(cached, 'utf8').replace('"yes"', '"from the cache"'));
    expect(node(['--require', REGISTER, '-e', `console.log(require(${JSON.stringify(file)}).warmed)`], { MULTICLOUD_VPN_TS_CACHE: cache }).stdout)
      .toBe(
        'from the cache\n',
      );
  });

  it('TypeScript that esbuild must lower as tsc does: enums, parameter properties, class fields, dynamic import()', () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-ts-'));
    writeFileSync(join(dir, 'dep.ts'), 'export const loaded = "lazy";\n');
    writeFileSync(
      join(dir, 'main.ts'),
      `
      enum Side { Aws = 1, Azure }
      class Tunnel { readonly id: string; constructor(public readonly side: Side, id: string) { this.id = id; } }
      const t = new Tunnel(Side.Azure, 'Instance0Tunnel1');
      import('./dep').then((m) => console.log(JSON.stringify({ side: t.side, id: t.id, names: Object.keys(t).sort(), lazy: m.loaded })));
    `,
    );
    const run = node(['--require', REGISTER, join(dir, 'main.ts')], { MULTICLOUD_VPN_TS_CACHE: join(dir, 'cache') });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ side: 2, id: 'Instance0Tunnel1', names: ['id', 'side'], lazy: 'lazy' });
  });
});
