#!/usr/bin/env node
// The package's command. Runs the compiled CLI when the package is built (dist/), else the
// TypeScript sources through ts-node (a development checkout: `npx multicloud-vpn plan`).
const fs = require('fs');
const path = require('path');

const compiled = path.join(__dirname, '..', 'dist', 'cli', 'cli.js');
if (!fs.existsSync(compiled)) {
  require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
}
const { runCli } = require(fs.existsSync(compiled) ? compiled : '../lib/cli/cli.ts');
runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
}).then((code) => {
  process.exitCode = code;
});
