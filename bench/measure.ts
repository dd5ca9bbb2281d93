/** Timing helpers for benchmarks: medians over repeated runs, after a warm-up. */
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median milliseconds of `fn` over `runs` runs, after `warmup` unmeasured runs. */
export function medianMs(fn: () => unknown, runs: number, warmup = Math.min(3, runs)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Least-squares slope of log(y) over log(x): ~1 linear, ~2 quadratic. */
export function growthExponent(points: readonly { x: number; y: number; }[]): number {
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((acc, x, i) => acc + (x - mx) * (ys[i] - my), 0);
  const den = xs.reduce((acc, x) => acc + (x - mx) ** 2, 0);
  return num / den;
}

export function row(cells: readonly (string | number)[]): string {
  const format = (c: string | number) => (typeof c === 'string' || Number.isInteger(c) ? String(c) : c.toFixed(c < 10 ? 3 : 1));
  return `| ${cells.map(format).join(' | ')} |`;
}

/** Median wall-clock and CPU milliseconds of one variant. */
export interface Timing {
  readonly wallMs: number;
  /**
   * User + system CPU time of this process (all its threads, GC included). On a machine shared
   * with other work it moves much less than wall time, which also counts waiting for a core.
   */
  readonly cpuMs: number;
}

/**
 * Median wall and CPU milliseconds of each variant, run round-robin (A, B, C, A, B, C, ...) after
 * `warmup` unmeasured rounds. On a shared machine load changes over time: interleaving lets every
 * variant see the same load, so their ratio stays meaningful even when absolute figures drift.
 */
export function interleavedMedians<K extends string>(variants: Readonly<Record<K, () => unknown>>, runs: number, warmup = 2): Record<K, Timing> {
  const keys = Object.keys(variants) as K[];
  const samples = Object.fromEntries(keys.map((k) => [k, { wall: [] as number[], cpu: [] as number[] }])) as Record<
    K,
    { wall: number[]; cpu: number[]; }
  >;
  for (let round = 0; round < warmup + runs; round++) {
    for (const key of keys) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      variants[key]();
      const wall = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      if (round >= warmup) {
        samples[key].wall.push(wall);
        samples[key].cpu.push((cpu.user + cpu.system) / 1000);
      }
    }
  }
  return Object.fromEntries(keys.map((k) => [k, { wallMs: median(samples[k].wall), cpuMs: median(samples[k].cpu) }])) as Record<K, Timing>;
}

/** Milliseconds of one call of `fn`, with its result. */
export function timed<T>(fn: () => T): { ms: number; result: T; } {
  const start = performance.now();
  const result = fn();
  return { ms: performance.now() - start, result };
}
