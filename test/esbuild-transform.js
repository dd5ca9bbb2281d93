/**
 * Jest's transformer for the project's TypeScript: esbuild, file by file, with the options
 * scripts/register-ts.js uses for the CLI and cdk.json (isolatedModules makes file-by-file output
 * equal tsc's). ts-jest loads the TypeScript compiler in every worker and transpiles a file in tens
 * of milliseconds; esbuild takes about one, which is most of a cold run's transform time
 * (BENCHMARKS.md, "npm test"). Type-checking is tsc's job (`npm run typecheck`, part of `npm test`).
 *
 * esbuild does not hoist `jest.mock(...)` above the imports as babel-jest and ts-jest do, so a file
 * that calls it is handed to ts-jest, which does.
 */
'use strict';
const crypto = require('node:crypto');
const esbuild = require('esbuild');

const OPTIONS = {
  loader: 'ts',
  format: 'cjs',
  target: 'node20',
  supported: { 'dynamic-import': false },
  sourcemap: 'inline',
  tsconfigRaw: { compilerOptions: { target: 'ES2022', useDefineForClassFields: true, esModuleInterop: true } },
};
const HOISTED = /\bjest\.(mock|unmock|enableAutomock|disableAutomock|deepUnmock)\(/;
const VERSION = `${require('esbuild/package.json').version}\0${JSON.stringify(OPTIONS)}`;

let tsJest;
function viaTsJest() {
  tsJest ??= require('ts-jest').default.createTransformer({ diagnostics: false });
  return tsJest;
}

module.exports = {
  canInstrument: false,
  getCacheKey(source, filename, options) {
    if (HOISTED.test(source)) return `ts-jest:${viaTsJest().getCacheKey(source, filename, options)}`;
    return crypto.createHash('sha256').update(VERSION).update('\0').update(filename).update('\0').update(source).digest('hex');
  },
  process(source, filename, options) {
    if (HOISTED.test(source)) return viaTsJest().process(source, filename, options);
    const { code } = esbuild.transformSync(source, { ...OPTIONS, sourcefile: filename });
    return { code };
  },
};
