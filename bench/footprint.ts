/**
 * The install footprint: the size of node_modules on disk (`du`), the number of packages that
 * package-lock.json installs, and the five biggest installed packages (each with whatever it nests
 * in its own node_modules).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { row } from './measure';

const ROOT = join(__dirname, '..');

/** Disk usage in KiB of each path, as `du -sk` reports it (blocks used, not apparent size). */
function diskKib(paths: readonly string[]): Map<string, number> {
  const sizes = new Map<string, number>();
  if (paths.length === 0) return sizes;
  const out = execFileSync('du', ['-sk', ...paths], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const line of out.trim().split('\n')) {
    const [kib, path] = line.split('\t');
    sizes.set(path, Number(kib));
  }
  return sizes;
}

/** Top-level package directories of node_modules: `name` and `@scope/name`. */
function topLevelPackages(nodeModules: string): string[] {
  const packages: string[] = [];
  for (const entry of readdirSync(join(ROOT, nodeModules), { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) {
      for (const scoped of readdirSync(join(ROOT, nodeModules, entry.name), { withFileTypes: true })) {
        if (scoped.isDirectory()) packages.push(`${nodeModules}/${entry.name}/${scoped.name}`);
      }
    } else {
      packages.push(`${nodeModules}/${entry.name}`);
    }
  }
  return packages;
}

/** Packages package-lock.json (lockfile v2/v3) installs: every `node_modules/...` entry, links excluded. */
function lockedPackageCount(): { total: number; dev: number; } | undefined {
  const lockFile = join(ROOT, 'package-lock.json');
  if (!existsSync(lockFile)) return undefined;
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages?: Record<string, { dev?: boolean; link?: boolean; }>; };
  const installed = Object.entries(lock.packages ?? {}).filter(([path, entry]) => path.includes('node_modules/') && !entry.link);
  return { total: installed.length, dev: installed.filter(([, entry]) => entry.dev).length };
}

const mib = (kib: number) => (kib / 1024).toFixed(1);

export function footprintBenchmark(): string[] {
  const total = diskKib(['node_modules']).get('node_modules') ?? NaN;
  const locked = lockedPackageCount();
  const sizes = diskKib(topLevelPackages('node_modules'));
  const biggest = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 5);
  return [
    `node_modules: ${mib(total)} MiB on disk (du -sk). ` +
    (locked ? `package-lock.json installs ${locked.total} packages (${locked.dev} of them dev-only).` : 'No package-lock.json.'),
    '',
    '| biggest packages | MiB on disk | share of node_modules |',
    '|---|---|---|',
    ...biggest.map(([path, kib]) => row([path.replace(/^node_modules\//, ''), mib(kib), `${((100 * kib) / total).toFixed(0)} %`])),
  ];
}

if (require.main === module) console.log(footprintBenchmark().join('\n'));
