/**
 * Issue 8: no jest worker is left hanging. At the end of a run jest-worker tells each worker process
 * to stop; the worker only drops its IPC listener and lets Node end once the event loop is empty,
 * and the parent kills it, printing "A worker process has failed to exit gracefully", if it is still
 * there 500 ms later (jest-worker's FORCE_EXIT_DELAY). Nothing was left running in our workers: they
 * reach 'exit' within a millisecond. But a worker then holds 500–700 MB (aws-cdk-lib, Pulumi, the
 * cloud SDKs, jest's module registries), and Node's ordinary end of a program tears all of it down
 * (environment cleanup, V8 heap) before the process goes: about a second on a loaded 2-core machine.
 * process.exit() leaves the memory to the OS, so the worker is gone well within the delay.
 *
 * It runs on 'beforeExit', which Node emits only when the event loop has nothing left to do: a test
 * that leaks a ref'd timer, socket or child process still keeps its worker alive, and jest still
 * reports it.
 */
'use strict';

/** The entry point of a jest-worker child process (jest-worker 29, child-process workers). */
const JEST_WORKER_MAIN = /[\\/]jest-worker[\\/]build[\\/]workers[\\/]processChild\.js$/;

/**
 * In a jest worker process, exits with process.exit() once the event loop is empty; elsewhere (the
 * jest parent, `--runInBand`, Stryker, a test's own child process) does nothing.
 *
 * @param {Pick<NodeJS.Process, 'argv' | 'once' | 'exit'>} proc
 * @returns {boolean} whether the handler was installed
 */
function exitWhenDrained(proc) {
  if (!JEST_WORKER_MAIN.test(proc.argv[1] ?? '')) return false;
  // No argument: process.exitCode, as a natural exit would use.
  proc.once('beforeExit', () => proc.exit());
  return true;
}

module.exports = { JEST_WORKER_MAIN, exitWhenDrained };
