/**
 * Issue 8 (no jest worker left hanging): test/worker-exit.js makes a jest worker process end with
 * process.exit() once its event loop is empty, skipping Node's teardown of a large heap that made
 * jest force-kill the workers at the end of every full run. These check that it acts only in a
 * jest-worker child, keeps the exit code, and does not cut short a process that still has work
 * (so a leaked timer is still reported by jest).
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { exitWhenDrained } = require('./worker-exit.js') as {
  exitWhenDrained(proc: Pick<NodeJS.Process, 'argv' | 'once' | 'exit'>): boolean;
};
const WORKER_EXIT = join(__dirname, 'worker-exit.js');

function fakeProcess(main: string): EventEmitter & { argv: string[]; exit: jest.Mock; } {
  return Object.assign(new EventEmitter(), { argv: ['/usr/bin/node', main], exit: jest.fn() });
}

test('in a jest-worker child, the first beforeExit calls process.exit() with no code', () => {
  const proc = fakeProcess('/repo/node_modules/jest-worker/build/workers/processChild.js');
  expect(exitWhenDrained(proc as unknown as NodeJS.Process)).toBe(true);
  expect(proc.exit).not.toHaveBeenCalled();
  proc.emit('beforeExit', 0);
  proc.emit('beforeExit', 0);
  expect(proc.exit.mock.calls).toEqual([[]]);
});

test.each([
  ['the jest parent', '/repo/node_modules/jest/bin/jest.js'],
  ['a test child process', '/repo/bin/multicloud-vpn.ts'],
  ['Stryker', '/repo/node_modules/@stryker-mutator/core/dist/src/child-proxy/child-process-proxy-worker.js'],
])('%s is left alone', (_name, main) => {
  const proc = fakeProcess(main);
  expect(exitWhenDrained(proc as unknown as NodeJS.Process)).toBe(false);
  expect(proc.listenerCount('beforeExit')).toBe(0);
});

test('a real worker-like process still runs a pending timer, then exits through process.exit() with its exit code', () => {
  // A file at a jest-worker child's path, so that exitWhenDrained recognises the process.
  const dir = join(mkdtempSync(join(tmpdir(), 'worker-exit-')), 'jest-worker', 'build', 'workers');
  mkdirSync(dir, { recursive: true });
  const main = join(dir, 'processChild.js');
  writeFileSync(
    main,
    [
      `require(${JSON.stringify(WORKER_EXIT)}).exitWhenDrained(process);`,
      'const exit = process.exit;',
      "process.exit = (...args) => { console.log('process.exit(' + args.join() + ')'); return exit.apply(process, args); };",
      "process.on('exit', (code) => console.log('exit ' + code));",
      'process.exitCode = 3;',
      "setTimeout(() => console.log('timer ran'), 100);",
    ].join('\n'),
  );
  const run = spawnSync(process.execPath, [main], { encoding: 'utf8', timeout: 30_000 });
  expect(run.stdout.split('\n')).toEqual(['timer ran', 'process.exit()', 'exit 3', '']);
  expect(run.status).toBe(3);
});
