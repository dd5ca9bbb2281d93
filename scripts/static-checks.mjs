#!/usr/bin/env node
// Static checks, side by side (each is single-threaded; the machine has two cores). Prints each
// one's output as it finishes and exits non-zero when any failed, after all of them finished.
//
// Two sets:
// - `npm test` (`--with-jest`): the fast checks — RULES.md freshness, import direction, formatting —
//   and jest, started together, jest's output streaming as usual. Arguments after `--with-jest` go
//   to jest.
// - `npm run check` (`--types-and-lint`): tsc and eslint. They read every declaration file of
//   aws-cdk-lib, Pulumi and the SDKs (about a quarter of the CPU the tests take), so they run apart
//   from the suite, as ts-jest's isolatedModules set-ups do; CI runs both commands
//   (README "Quick start", .ci/run).
import { spawn } from 'node:child_process';
import process from 'node:process';

const TYPES_AND_LINT = [
  // Incremental: a later run re-checks only changed files and their dependents (the check phase was
  // about half of tsc's time); the build info stays out of the tree, under node_modules/.cache.
  ['typecheck', 'npx', [
    'tsc',
    '--noEmit',
    '-p',
    '.',
    '--incremental',
    '--tsBuildInfoFile',
    'node_modules/.cache/multicloud-vpn-tsc/typecheck.tsbuildinfo',
  ]],
  ['lint', 'npx', ['eslint', '.']],
];

const FAST_CHECKS = [
  ['rules:md:check', process.execPath, ['--require', './scripts/register-ts.js', 'scripts/rules-md.ts', '--check']],
  // Folder direction (LAYERS in scripts/import-layers.mjs, quoted in ARCHITECTURE.md): no upward import, no folder-level loop.
  ['import-layers', process.execPath, ['scripts/import-layers.mjs']],
  // dprint's TypeScript formatter (dprint.json: line width 150); `npm run format` fixes.
  ['format', process.execPath, ['scripts/format.mjs']],
];

function run([name, command, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
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
    // jest's workers inherit the flag. A larger young generation (64 MB semi-spaces, V8's default is
    // 16 MB on this machine) spares the suite many scavenges of the short-lived objects synthesis
    // makes: about 6 s of CPU and 3–4 s of the run (BENCHMARKS.md, "npm test"; 32 and 128 MB did worse).
    const child = spawn(process.execPath, ['--max-semi-space-size=64', 'node_modules/jest/bin/jest.js', ...args], { stdio: 'inherit' });
    child.on('close', (code) => resolve({ name: 'jest', ok: code === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) }));
  });
}

const withJest = process.argv.indexOf('--with-jest');
const checks = process.argv.includes('--types-and-lint') ? TYPES_AND_LINT : FAST_CHECKS;
const parts = checks.map(run);
if (withJest !== -1) parts.push(runJest(process.argv.slice(withJest + 1)));
const results = await Promise.all(parts);
if (withJest !== -1) {
  process.stdout.write(`\n${results.map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`).join('\n')}\n`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
