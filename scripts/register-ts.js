// Runs TypeScript in a development checkout: `node --require ./scripts/register-ts.js file.ts`.
// Used by bin/multicloud-vpn.js (when lib/ holds the .ts sources), cdk.json's app and the scripts.
//
// Each .ts file is transpiled on its own (the project sets isolatedModules, so file-by-file
// output equals tsc's semantics) by esbuild, and the result is kept on disk under
// node_modules/.cache/multicloud-vpn-ts/, keyed by a hash of the file's path and content, the
// esbuild version and these options. A run after the first therefore only reads and hashes the
// sources: `multicloud-vpn plan` starts about as fast as the compiled package, and no step has to
// "keep dist/ fresh". Type-checking is `npm run typecheck`'s job, as with ts-node --transpile-only.
// Why esbuild: ts-node loads the TypeScript compiler (about 0.5-1 s before the first file) on
// every run; esbuild is only loaded on a cache miss and transpiles a file in about a millisecond.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

// MULTICLOUD_VPN_TS_CACHE moves it (bench/cli-startup.ts times a first run with an empty cache).
const CACHE_DIR = process.env.MULTICLOUD_VPN_TS_CACHE || path.join(__dirname, '..', 'node_modules', '.cache', 'multicloud-vpn-ts');

// What esbuild needs from tsconfig.json to transpile as tsc does (target ES2022 implies
// useDefineForClassFields; esModuleInterop shapes default imports of CommonJS packages).
const TRANSFORM_OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  target: 'node20',
  // Native import() in a CommonJS file would go through Node's ESM resolver, which does not resolve
  // extensionless '../azure/offline'; tsc (module commonjs) turns it into require() too.
  supported: { 'dynamic-import': false },
  // Stack traces point into the .ts file when Node maps them (node --enable-source-maps).
  sourcemap: 'inline',
  tsconfigRaw: { compilerOptions: { target: 'ES2022', useDefineForClassFields: true, esModuleInterop: true } },
};

let esbuild;
let optionsKey;

function cacheKey(filename, source) {
  optionsKey ??= `${require('esbuild/package.json').version}\0${JSON.stringify(TRANSFORM_OPTIONS)}`;
  return crypto.createHash('sha256').update(optionsKey).update('\0').update(filename).update('\0').update(source).digest('hex');
}

function transpile(filename, source) {
  const cached = path.join(CACHE_DIR, `${cacheKey(filename, source)}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    // Not cached yet: transpile below.
  }
  esbuild ??= require('esbuild');
  const { code } = esbuild.transformSync(source, { ...TRANSFORM_OPTIONS, sourcefile: filename });
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // Write then rename: parallel processes (jest workers, cdk synth) never read half a file.
    const partial = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, cached);
  } catch {
    // A read-only checkout still runs, only without the cache.
  }
  return code;
}

if (!Module._extensions['.ts']) {
  Module._extensions['.ts'] = function loadTypeScript(module, filename) {
    module._compile(transpile(filename, fs.readFileSync(filename, 'utf8')), filename);
  };
}

/**
 * Transpiles each file into the cache (a file already there is only read and hashed). The test
 * suite's global set-up calls it once, in a child process, before the workers start: otherwise the
 * processes the tests start together (three `cdk synth` runs among them) would each transpile the
 * same hundred-odd files on a fresh clone.
 * @param {readonly string[]} filenames absolute paths of .ts files
 */
function warmCache(filenames) {
  for (const filename of filenames) transpile(filename, fs.readFileSync(filename, 'utf8'));
}

module.exports = { warmCache };
