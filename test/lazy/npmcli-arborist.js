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
for (const name of ['Arborist', 'Node', 'Link', 'Edge', 'Shrinkwrap']) {
  Object.defineProperty(exports, name, { enumerable: true, get: () => (real ??= require(REAL))[name] });
}
