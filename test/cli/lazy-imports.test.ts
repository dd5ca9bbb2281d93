/**
 * `plan`, `diagram` and `diff` start with the plan code, zod and ipaddr.js only: the heavy modules
 * (aws-cdk-lib, Pulumi, the Azure and AWS halves, the enforcement) are imported inside the verbs that
 * need them. Each heavy module is replaced by a factory that records being loaded; running the three
 * verbs must load none of them (issue 8 parts 3 and 5; C01–C33 are checked by `plan`, no cloud code).
 */
const mockLoaded: string[] = [];
// A function declaration: jest.mock calls are hoisted above everything else in this file.
function mockRecord(name: string): object {
  mockLoaded.push(name);
  return {};
}
jest.mock('aws-cdk-lib', () => mockRecord('aws-cdk-lib'));
jest.mock('constructs', () => mockRecord('constructs'));
jest.mock('cdk-nag', () => mockRecord('cdk-nag'));
jest.mock('@pulumi/pulumi', () => mockRecord('@pulumi/pulumi'));
jest.mock('@pulumi/azure-native/network', () => mockRecord('@pulumi/azure-native/network'));
jest.mock('@aws-sdk/client-secrets-manager', () => mockRecord('@aws-sdk/client-secrets-manager'));
jest.mock('jsonc-parser', () => mockRecord('jsonc-parser'));
jest.mock('../../lib/peers/azure/pulumi/offline', () => mockRecord('lib/peers/azure/pulumi/offline'));
jest.mock('../../lib/aws-entry', () => mockRecord('lib/aws'));
jest.mock('../../lib/enforcement', () => mockRecord('lib/enforcement'));

import { join } from 'node:path';
import { runCli } from '../../lib/cli/cli';

test('C01–C33 plan checks: plan, diagram and diff (and --help) load no cloud, CDK or Pulumi module', async () => {
  const example = join(__dirname, '../../vpn-plan.json');
  const quiet = { stdout: () => {}, stderr: () => {} };
  for (const argv of [['plan', example], ['diagram', example, '--json'], ['diff', example, example, '--fail'], ['--help']]) {
    expect(await runCli(argv, quiet)).toBe(0);
  }
  expect(mockLoaded).toEqual([]);
});

test('the recorder works: the azure verb does load its Azure module', async () => {
  // The mocked module has no offlineAzureResources: the verb reports that, after the import happened.
  const err: string[] = [];
  await runCli(['azure', join(__dirname, '../../vpn-plan.json')], { stdout: () => {}, stderr: (t) => err.push(t) });
  expect(mockLoaded).toEqual(['lib/peers/azure/pulumi/offline']);
});
