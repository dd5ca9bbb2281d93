/**
 * jest for `npm run mutation` (stryker.config.json): the base config, run over the tests that pin
 * lib/plan and lib/rules behaviour (plan, rules, check, core, properties). The construct, Pulumi,
 * CLI and doctor suites also reach the plan, but through it; leaving them out makes one mutant cost
 * seconds instead of about a minute on 2 cores, at the price of a score that counts only what the
 * plan and rule tests themselves notice.
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/{plan,rules,check,core,properties}/**/*.test.ts'],
};
