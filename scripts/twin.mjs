#!/usr/bin/env node
/**
 * `npm run twin`: the digital-twin suite (test/twin) with MULTICLOUD_VPN_TWIN set. First says what
 * this machine lacks and how to install it; with MULTICLOUD_VPN_TWIN=require (CI) a missing
 * prerequisite then fails the suite, otherwise its tests skip. Extra arguments go to jest.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
require('./register-ts.js');
const { missingPrerequisites, TWIN_PACKAGES } = require('../lib/twin/prerequisites.ts');

const mode = process.env.MULTICLOUD_VPN_TWIN || 'run';
const missing = missingPrerequisites();
if (missing.length > 0) {
  process.stderr.write(`twin: this machine lacks ${missing.join('; ')}.\n`);
  process.stderr.write(
    `Install (Debian or Ubuntu, as root): apt-get update && apt-get install -y --no-install-recommends ${TWIN_PACKAGES.join(' ')}\n`,
  );
  process.stderr.write(
    mode === 'require'
      ? 'MULTICLOUD_VPN_TWIN=require: the suite fails.\n'
      : 'The twin tests skip (MULTICLOUD_VPN_TWIN=require makes that a failure).\n',
  );
}
const result = spawnSync('npx', ['jest', 'test/twin', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, MULTICLOUD_VPN_TWIN: mode },
});
process.exit(result.status ?? 1);
