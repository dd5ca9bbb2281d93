/**
 * Jest's node environment, unchanged for the tests. Jest loads this module outside the test
 * sandbox, once per worker process, which is where the worker's exit is arranged
 * (test/worker-exit.js). Plain JavaScript with a plain path in jest.config.js, so that Stryker's
 * jest runner, which wraps the configured environment, can require it too.
 */
'use strict';
const { TestEnvironment } = require('jest-environment-node');
const { exitWhenDrained } = require('./worker-exit');

exitWhenDrained(process);

module.exports = TestEnvironment;
