/**
 * The API report (issue 9, "explicit exports"): api/exports.json lists every name each entry point exports
 * (values and types). A change of the public surface shows in review as a change of that file; this test
 * fails, naming each added and removed name, when the entry points and the file disagree. The report is read
 * from the entry files' syntax (scripts/api-exports.ts), so an `export *` in an entry point fails too.
 */
import { readFileSync } from 'node:fs';
import { ENTRY_POINTS, exportsOfSource, readExports, REPORT_FILE } from '../../scripts/api-exports';

let actual: Record<string, string[]>;
beforeAll(() => {
  actual = readExports();
});

test('api/exports.json equals the real exports of every entry point (run `npm run api:report` to accept a change)', () => {
  const recorded = JSON.parse(readFileSync(REPORT_FILE, 'utf8')) as Record<string, string[]>;
  expect(Object.keys(recorded).sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
  const diff: string[] = [];
  for (const entry of Object.keys(ENTRY_POINTS)) {
    const was = new Set(recorded[entry] ?? []);
    const now = new Set(actual[entry]);
    for (const name of now) if (!was.has(name)) diff.push(`+ ${entry}: ${name} (exported, not in api/exports.json)`);
    for (const name of was) if (!now.has(name)) diff.push(`- ${entry}: ${name} (in api/exports.json, no longer exported)`);
  }
  if (diff.length > 0) throw new Error(`The public surface changed; review it, then run \`npm run api:report\`:\n${diff.join('\n')}`);
});

test('the syntactic reading lists every export form the entry points use, values apart from types', () => {
  const read = exportsOfSource(
    'entry.ts',
    [
      "import './side-effect';",
      "export { a, type B, c as d } from './x';",
      "export type { E } from './y';",
      'export const F = 1, g = 2;',
      'export function h(): void {}',
      'export class I {}',
      'export interface J {}',
      'export type K = string;',
      'export enum L { M }',
      'const internal = 3;',
      'function helper(): number { return internal; }',
      'export { helper as N };',
    ].join('\n'),
  );
  expect(read.problems).toEqual([]);
  expect(read.names).toEqual([
    'B (type)',
    'E (type)',
    'F (value)',
    'I (value)',
    'J (type)',
    'K (type)',
    'L (value)',
    'N (value)',
    'a (value)',
    'd (value)',
    'g (value)',
    'h (value)',
  ]);
});

test('`export *` in an entry point is a problem naming the file and line: it would hide names from the report', () => {
  const read = exportsOfSource('entry.ts', "export { a } from './x';\nexport * from './y';\nexport * as z from './z';");
  expect(read.names).toEqual(['a (value)', 'z (value)']);
  expect(read.problems).toHaveLength(1);
  expect(read.problems[0]).toMatch(/^entry\.ts:2: `export \* from '\.\/y';` hides the names/);
  // And no real entry point has one (readExports throws on it, listing each).
  for (const file of Object.values(ENTRY_POINTS)) expect(exportsOfSource(file, readFileSync(file, 'utf8')).problems).toEqual([]);
});

test('helpers named in issue 9 are not exported: internals of the plan, the checks, the AWS construct and the Azure peer', () => {
  const has = (entry: string, name: string) => actual[entry].some((e) => e.startsWith(`${name} `));
  for (const helper of ['draftTunnels', 'resolve', 'parseWhatParses', 'toFinding', 'jsonPath', 'schemaFindings']) {
    expect(has('multicloud-vpn', helper)).toBe(false);
  }
  for (const helper of ['sharedPath', 'sharedPlanPath', 'azureViewOf', 'azureViewsOf']) expect(has('multicloud-vpn/azure', helper)).toBe(false);
  for (
    const helper of [
      'pascalCase',
      'TUNNEL_OUTSIDE_IPS_HANDLER_SOURCE',
      'cfnViewFromTemplate',
      'SynthesizedTemplate',
      'constructForPath',
      'formatAnnotation',
    ]
  ) {
    expect(has('multicloud-vpn/aws', helper)).toBe(false);
  }
  // Names the README, examples/, bin/ and scripts/package-check/ import stay exported.
  for (const name of ['planVpn', 'planSummary', 'readAwsOutputs', 'RULES']) expect(actual['multicloud-vpn']).toContain(`${name} (value)`);
  for (
    const name of [
      'AzureVpnConnections (value)',
      'SiteToSiteVpn (value)',
      'TunnelOutsideIps (value)',
      'VpnRulesAspect (value)',
      'MulticloudVpnChecks (value)',
      'AzureVpnConnectionsProps (type)',
    ]
  ) {
    expect(actual['multicloud-vpn/aws']).toContain(name);
  }
  for (const name of ['AzureVpnGateway (value)', 'awsTunnelEndpoints (value)', 'offlineKeyStandIn (value)', 'AzureDesignError (value)']) {
    expect(actual['multicloud-vpn/azure']).toContain(name);
  }
});
