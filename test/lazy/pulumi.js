/**
 * Jest maps `@pulumi/pulumi` here (jest.config.js, moduleNameMapper): the real module, with one change
 * to what it does for debugging only.
 *
 * @pulumi/pulumi gives every promise it makes (one per resource property, for registration and
 * serialization) a stack trace for its leak report (`runtime/debuggable.js`, `debuggablePromise`:
 * `_debugStackTrace: new Error().stack`), formatted at once. Under jest every formatted stack goes
 * through source-map-support, frame by frame: that was about a quarter of the CPU of the Pulumi test
 * files (measured on the twelve of them, `jest -i`: 27-37 s of CPU before, 20-27 s after). The leak
 * report is printed only when a program exits with promises left over, which no test checks; here its
 * stack is captured with no frames (Error.stackTraceLimit 0 during the call). Everything else, the
 * mocks and the runtime included, is the real module; outside jest (users, the tests' own child
 * processes) nothing is changed.
 */
'use strict';
const path = require('node:path');

// Absolute paths: moduleNameMapper matches the bare name only, so these are the real modules.
const ROOT = path.join(__dirname, '..', '..', 'node_modules', '@pulumi', 'pulumi');
const debuggable = require(path.join(ROOT, 'runtime', 'debuggable.js'));

if (!debuggable[Symbol.for('multicloud-vpn.test.frameless-debug-stacks')]) {
  const debuggablePromise = debuggable.debuggablePromise;
  // The runtime calls it through the module object (`debuggable_1.debuggablePromise(...)`), so
  // replacing the export reaches every caller.
  debuggable.debuggablePromise = function frameless(promise, context) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return debuggablePromise(promise, context);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
  debuggable[Symbol.for('multicloud-vpn.test.frameless-debug-stacks')] = true;
}

module.exports = require(path.join(ROOT, 'index.js'));
