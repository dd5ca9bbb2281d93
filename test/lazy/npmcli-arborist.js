/**
 * Jest maps `@npmcli/arborist` here (jest.config.js, moduleNameMapper). @pulumi/pulumi loads it at
 * start-up (about a second in a test file's module registry) for closure serialization's package
 * walk (runtime/closure/codePaths.js, `new arborist.Arborist(...)`), which no test uses. Each export
 * is the real one, the package loaded on the first read.
 */
'use strict';
const path = require('node:path');

const REAL = path.join(__dirname, '..', '..', 'node_modules', '@npmcli', 'arborist');
let real;
function load() {
  // Recorded for test/lazy/lazy.test.ts, which checks that a Pulumi test file does not load it.
  (globalThis[Symbol.for('multicloud-vpn.test.lazy-loaded')] ??= new Set()).add('@npmcli/arborist');
  return require(REAL);
}
// @pulumi/pulumi's CommonJS `__importStar` copies every export's value (calling the getters below)
// unless the module says it is an ES module: then it uses the module as is and the getters stay lazy.
Object.defineProperty(exports, '__esModule', { value: true });
for (const name of ['Arborist', 'Node', 'Link', 'Edge', 'Shrinkwrap']) {
  Object.defineProperty(exports, name, { enumerable: true, get: () => (real ??= load())[name] });
}
