/**
 * One temporary root for the whole jest run, made before the workers start so that they and every
 * process they start inherit it as TMPDIR; each test file works in a directory of its own below it
 * (test/temp-dirs.ts) and test/global-teardown.ts removes it.
 *
 * Then the transpile cache of scripts/register-ts.js is filled for every source a test's child
 * process can load (the CDK app, the CLI, Pulumi programs and their test mocks), in one child process
 * of its own so the loader's hook never touches jest's: on a fresh clone the processes the tests start
 * together would otherwise each transpile the same files (about a second of CPU per process). It runs
 * beside the first tests rather than before them (about 1 s on a fresh clone, 0.2 s when filled): the
 * first child processes start a second or more later, and a file both transpile is written whole by
 * whichever comes first (the loader writes and renames).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');

function childSources(): string[] {
  return ['lib', 'bin', 'scripts', 'examples', 'test'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'))
      .map((f) => join(ROOT, dir, f))
  );
}

export default function globalSetup(): void {
  const root = mkdtempSync(join(tmpdir(), 'multicloud-vpn-jest-'));
  process.env.MULTICLOUD_VPN_TEST_TMPDIR = root;
  process.env.TMPDIR = root;
  // Only a speed-up: a file it cannot transpile fails again, and more clearly, in the test that loads it.
  spawn(process.execPath, ['-e', `require('./scripts/register-ts.js').warmCache(${JSON.stringify(childSources())})`], { cwd: ROOT, stdio: 'ignore' })
    .unref();
}
