/** @type {import('jest').Config} */
module.exports = {
  // Jest's node environment; a worker process also exits promptly once idle (test/worker-exit.js).
  testEnvironment: require('node:path').join(__dirname, 'test/worker-environment.js'),
  // Jest's default on a 2-core machine is one worker (cores - 1); the suite is CPU-bound synthesis
  // and the main process mostly waits, so both cores work.
  maxWorkers: 2,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  // Temporary directories (cdk.out* of every App without outdir, mkdtemp, child processes): one per
  // test file, removed when it ends; the run's root removed at the end (test/temp-dirs.ts).
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  setupFilesAfterEnv: ['<rootDir>/test/temp-dirs.ts'],
  // isolatedModules (tsconfig): esbuild transpiles file by file (test/esbuild-transform.js); tsc type-checks.
  transform: { '^.+\\.ts$': '<rootDir>/test/esbuild-transform.js' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // @pulumi/pulumi loads the TypeScript compiler and npm's arborist at start-up, for closure
  // serialization only (unused by the tests): both are loaded on first use instead (test/lazy/).
  // @pulumi/pulumi itself is the real module with frameless leak-report stacks (test/lazy/pulumi.js).
  moduleNameMapper: {
    '^@pulumi/pulumi$': '<rootDir>/test/lazy/pulumi.js',
    '^typescript$': '<rootDir>/test/lazy/typescript.js',
    '^@npmcli/arborist$': '<rootDir>/test/lazy/npmcli-arborist.js',
  },
};
