/**
 * The API report (issue 9, "explicit exports"): api/exports.json lists every name each entry point exports
 * (values and types). A change of the public surface shows in review as a change of that file; this test
 * fails, naming each added and removed name, when the entry points and the file disagree.
 */
import { readFileSync } from 'node:fs';
import { ENTRY_POINTS, readExports, REPORT_FILE } from '../../scripts/api-exports';

jest.setTimeout(120_000);

// One TypeScript program for both tests (building it is most of the time).
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

test('helpers named in issue 9 are not exported: internals of the plan, the checks and the Azure peer', () => {
  for (const helper of ['draftTunnels', 'resolve', 'parseWhatParses', 'toFinding', 'jsonPath', 'schemaFindings']) {
    expect(actual['multicloud-vpn'].some((e) => e.startsWith(`${helper} `))).toBe(false);
  }
  for (const helper of ['sharedPath', 'sharedPlanPath']) expect(actual['multicloud-vpn/azure'].some((e) => e.startsWith(`${helper} `))).toBe(false);
  // Names the README, examples/ and scripts/package-check/ import stay exported.
  for (const name of ['planVpn', 'planSummary', 'readAwsOutputs']) expect(actual['multicloud-vpn']).toContain(`${name} (value)`);
  for (const name of ['AzureVpnGateway (value+type)', 'awsTunnelEndpoints (value)', 'offlineKeyStandIn (value)', 'AzureDesignError (value+type)']) {
    expect(actual['multicloud-vpn/azure']).toContain(name);
  }
});
