/**
 * `node --require ./test/lazy/register.js`: the stand-ins jest maps with moduleNameMapper
 * (test/lazy/typescript.js, test/lazy/npmcli-arborist.js), for the child processes Pulumi tests start
 * (a failing apply ends the program, so those runs cannot share jest's worker). @pulumi/pulumi
 * requires the TypeScript compiler and npm's arborist at start-up for closure serialization, which
 * the mocks never reach: about 0.85 s of each child's 1.3 s start. Only requests made from inside
 * @pulumi/pulumi are redirected; the stand-ins load the real module on first use.
 */
'use strict';
const Module = require('node:module');
const path = require('node:path');

const STAND_INS = {
  typescript: path.join(__dirname, 'typescript.js'),
  '@npmcli/arborist': path.join(__dirname, 'npmcli-arborist.js'),
};
const PULUMI = `${path.sep}node_modules${path.sep}@pulumi${path.sep}pulumi${path.sep}`;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function(request, parent, ...rest) {
  if (Object.hasOwn(STAND_INS, request) && parent?.filename?.includes(PULUMI)) return STAND_INS[request];
  return resolveFilename.call(this, request, parent, ...rest);
};
