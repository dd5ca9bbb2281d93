/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Jest's default on a 2-core machine is one worker (cores - 1); the suite is CPU-bound synthesis
  // and the main process mostly waits, so both cores work.
  maxWorkers: 2,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  // isolatedModules (tsconfig) makes ts-jest transpile file by file; `npm run typecheck` type-checks.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
