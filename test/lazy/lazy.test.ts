/**
 * The stand-ins of jest.config.js's moduleNameMapper (test/lazy/*.js) keep @pulumi/pulumi from
 * loading the TypeScript compiler and npm's arborist in every Pulumi test file (about a second of
 * CPU each). A Pulumi upgrade that reads them differently at start-up would silently bring the cost
 * back: this builds the Azure component under mocks and checks that neither was loaded, and that the
 * stand-ins still hand out the real modules when something does use them. test/lazy/pulumi.js is the
 * real @pulumi/pulumi with frameless leak-report stacks (its comment says why).
 */
import * as pulumi from '@pulumi/pulumi';
import { AzureVpnGateway } from '../../lib/peers/azure/pulumi/component';
import { planVpn } from '../../lib/check/validate';
import { installMocks, valueOf } from '../peers/azure/mocks';

const loaded = (): Set<string> => (globalThis as Record<symbol, Set<string> | undefined>)[Symbol.for('multicloud-vpn.test.lazy-loaded')] ?? new Set();

test('a Pulumi program under mocks loads neither the TypeScript compiler nor arborist', async () => {
  const record = await installMocks();
  const vpn = new AzureVpnGateway('vpn', { plan: planVpn() });
  await valueOf(pulumi.all([vpn.gatewayId, vpn.gatewayPublicIps]));
  expect(record.resources.length).toBeGreaterThan(0);
  expect([...loaded()]).toEqual([]);
});

test('the stand-ins are the real modules on first use', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof import('typescript');
  expect(ts.transpileModule('const a: number = 1;', {}).outputText).toMatch(/^var a = 1;/);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Arborist } = require('@npmcli/arborist') as { Arborist: unknown; };
  expect(typeof Arborist).toBe('function');
  expect([...loaded()].sort()).toEqual(['@npmcli/arborist', 'typescript']);
});

test('test/lazy/register.js gives child processes the same stand-ins: @pulumi/pulumi starts without either, and they still work', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const script = `
    const Module = require('node:module');
    require('@pulumi/pulumi');
    const loaded = () => Object.keys(require.cache).filter((f) => /node_modules\\/(typescript|@npmcli\\/arborist)\\//.test(f)).length;
    const before = loaded();
    // What @pulumi/pulumi gets when it asks for them, used: the real modules load then.
    const fromPulumi = { filename: require.resolve('@pulumi/pulumi'), paths: Module._nodeModulePaths(require.resolve('@pulumi/pulumi')) };
    const ts = require(Module._resolveFilename('typescript', fromPulumi));
    const standIn = Module._resolveFilename('typescript', fromPulumi).endsWith('test/lazy/typescript.js');
    const output = ts.transpileModule('const a: number = 1;', {}).outputText.trim();
    const arborist = typeof require(Module._resolveFilename('@npmcli/arborist', fromPulumi)).Arborist;
    console.log(JSON.stringify({ before, standIn, output, arborist, after: loaded() > 0 }));`;
  const run = spawnSync(process.execPath, ['--require', './test/lazy/register.js', '-e', script], { cwd: `${__dirname}/../..`, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(JSON.parse(run.stdout)).toEqual({ before: 0, standIn: true, output: 'var a = 1;', arborist: 'function', after: true });
});

test('@pulumi/pulumi under jest is the real module; only its leak-report stacks are frameless, and the limit is restored', async () => {
  // The stand-in re-exports the module it loads by absolute path: the same instance the runtime uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const real = require(require('node:path').join(__dirname, '../../node_modules/@pulumi/pulumi/index.js')) as typeof pulumi;
  expect(pulumi.Output).toBe(real.Output);
  expect(pulumi.runtime.setMocks).toBe(real.runtime.setMocks);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const debuggable = require('@pulumi/pulumi/runtime/debuggable') as {
    debuggablePromise<T>(p: Promise<T>, ctx: unknown): Promise<T>;
  };
  const limit = Error.stackTraceLimit;
  const promise = Promise.resolve(42) as Promise<number> & { _debugStackTrace?: string; _debugCtx?: unknown; };
  await expect(debuggable.debuggablePromise(promise, 'ctx')).resolves.toBe(42);
  expect([promise._debugCtx, promise._debugStackTrace]).toEqual(['ctx', expect.not.stringContaining('\n')]);
  expect(Error.stackTraceLimit).toBe(limit);
  expect(new Error('here').stack?.split('\n').length).toBeGreaterThan(1);
});
