/** Wall and CPU time of a whole child process, for the benchmarks that measure what a user waits for. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';

export interface ProcessTiming {
  readonly wallMs: number;
  /**
   * User + system CPU of the process and the children it waited for, from GNU time when the
   * machine has /usr/bin/time (undefined otherwise). On a shared machine it moves far less than wall time.
   */
  readonly cpuMs?: number;
  readonly stdout: string;
}

/** Runs `command args` to its end; throws with its stderr when it exits non-zero. */
export function timedProcess(command: string, args: readonly string[], options: SpawnSyncOptions = {}): ProcessTiming {
  const dir = mkdtempSync(join(tmpdir(), 'multicloud-vpn-time-'));
  try {
    const timeFile = join(dir, 'time');
    const withTime = existsSync(GNU_TIME);
    const [cmd, argv] = withTime ? [GNU_TIME, ['-o', timeFile, '-f', '%U %S', command, ...args]] : [command, [...args]];
    const start = performance.now();
    const result = spawnSync(cmd, argv, { ...options, encoding: 'utf8' });
    const wallMs = performance.now() - start;
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}:\n${result.stderr}`);
    // GNU time writes "Command exited with non-zero status" first when it does; the figures are the last line.
    const cpu = withTime ? readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : undefined;
    return { wallMs, cpuMs: cpu ? (cpu[0] + cpu[1]) * 1000 : undefined, stdout: String(result.stdout) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
