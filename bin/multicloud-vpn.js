#!/usr/bin/env node
// The package's command. In a development checkout (lib/ holds the TypeScript sources) it runs them
// through scripts/register-ts.js, a cached esbuild transpile, so a stale dist/ is never what runs;
// in the installed package (no lib/*.ts, only dist/) it runs the compiled CLI. Either way only
// zod and ipaddr.js are loaded for plan, diagram and diff (BENCHMARKS.md, "CLI start-up").
const fs = require('fs');
const path = require('path');

const source = path.join(__dirname, '..', 'lib', 'cli', 'cli.ts');
const loader = path.join(__dirname, '..', 'scripts', 'register-ts.js');
// Both, so that a package that happened to ship lib/*.ts still runs its dist/.
const inCheckout = fs.existsSync(source) && fs.existsSync(loader);
if (inCheckout) require(loader);
const { runCli } = require(inCheckout ? source : path.join(__dirname, '..', 'dist', 'cli', 'cli.js'));
runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
