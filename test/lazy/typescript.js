/**
 * Jest maps `typescript` here (jest.config.js, moduleNameMapper) for the modules the tests load.
 * @pulumi/pulumi requires the TypeScript compiler at start-up only for closure serialization
 * (function values, dynamic providers), which no test uses; evaluating its 9 MB again in every test
 * file's module registry cost a second or more per Pulumi suite. This is the real compiler, loaded
 * on the first property read: a test that does reach it behaves as before.
 */
'use strict';
const path = require('node:path');

// An absolute path: moduleNameMapper matches the bare name only, so this is the real module.
const REAL = path.join(__dirname, '..', '..', 'node_modules', 'typescript', 'lib', 'typescript.js');
let real;
const load = () => {
  if (!real) (globalThis[Symbol.for('multicloud-vpn.test.lazy-loaded')] ??= new Set()).add('typescript');
  return (real ??= require(REAL));
};

module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => {
    const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
    return descriptor && { ...descriptor, configurable: true };
  },
});
