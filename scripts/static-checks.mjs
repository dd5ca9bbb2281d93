#!/usr/bin/env node
// The checks of `npm test` — type-check, lint, RULES.md freshness — run side by side (each is
// single-threaded; the machine has two cores). Prints each one's output as it finishes and exits
// non-zero when any failed.
//
// `--with-jest` (what `npm test` runs) starts jest at the same time instead of after them: the
// checks and jest's two workers share the two cores, so the whole run takes about the CPU time of
// everything divided by two, not the checks' time plus jest's (BENCHMARKS.md, "npm test"). jest's
// own output streams as usual; each check's output is printed when it finishes, and a summary line
// per part at the end. Exits non-zero when any part failed, after all of them finished. Arguments
// after `--with-jest` go to jest.
import { spawn } from 'node:child_process';
import process from 'node:process';

const CHECKS = [
  // Incremental: a later run re-checks only changed files and their dependents (the check phase was
  // about half of tsc's time); the build info stays out of the tree, under node_modules/.cache.
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/multicloud-vpn-tsc/typecheck.tsbuildinfo']],
  ['lint', 'npx', ['eslint', '.']],
  ['rules:md:check', process.execPath, ['--require', './scripts/register-ts.js', 'scripts/rules-md.ts', '--check']],
  // Folder direction (LAYERS in scripts/import-layers.mjs, quoted in ARCHITECTURE.md): no upward import, no folder-level loop.
  ['import-layers', process.execPath, ['scripts/import-layers.mjs']],
];

function run([name, command, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const shown = output.split('\n').filter((line) => !line.startsWith('npm warn')).join('\n').trim();
      process.stdout.write(`${code === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)\n${shown ? `${shown}\n` : ''}`);
      resolve({ name, ok: code === 0, seconds });
    });
  });
}

/** jest with the terminal as its output (progress and results as they come). */
function runJest(args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/jest/bin/jest.js', ...args], { stdio: 'inherit' });
    child.on('close', (code) => resolve({ name: 'jest', ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  });
}

const withJest = process.argv.indexOf('--with-jest');
const parts = CHECKS.map(run);
if (withJest !== -1) parts.push(runJest(process.argv.slice(withJest + 1)));
const results = await Promise.all(parts);
if (withJest !== -1) {
  process.stdout.write(`\n${results.map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`).join('\n')}\n`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
