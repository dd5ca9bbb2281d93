#!/usr/bin/env node
// The checks `npm test` runs before jest — type-check, lint, RULES.md freshness — run side by side
// (each is single-threaded; the machine has two cores). Prints each one's output as it finishes and
// exits non-zero when any failed.
import { spawn } from 'node:child_process';
import process from 'node:process';

const CHECKS = [
  // Incremental: a later run re-checks only changed files and their dependents (the check phase was
  // about half of tsc's time); the build info stays out of the tree, under node_modules/.cache.
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', '.', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/multicloud-vpn-tsc/typecheck.tsbuildinfo']],
  ['lint', 'npx', ['eslint', '.']],
  ['rules:md:check', process.execPath, ['--require', './scripts/register-ts.js', 'scripts/rules-md.ts', '--check']],
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
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
process.exit(results.every(Boolean) ? 0 : 1);
