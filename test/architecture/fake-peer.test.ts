/**
 * Issue 9: "adding a peer is one new folder plus one registration line per registry". A fake peer kind lives
 * entirely in test/fixtures/fake-peer/ (view + type registration, run-time registration, one rule); the plan,
 * the rule engine, RULES.md's scope list and the report work over it, and no Azure module is loaded.
 */
import '../fixtures/fake-peer/kind';
import { checkPeer, RULES } from '../../lib/check/registry';
import { peerKinds } from '../../lib/check/kit/peer-kinds';
import { planVpn } from '../../lib/check/validate';
import { planSummary, tunnelTable } from '../../lib/report/table';
import { scopesOf } from '../../scripts/rules-md';
import { fakeView } from '../fixtures/fake-peer/view';
import { FakePeerSecondHost } from '../fixtures/fake-peer/rule';

const rules = [...RULES, FakePeerSecondHost];

test('C05: the fake peer registers as a scope; its rule runs on its view, and no built-in rule does', () => {
  expect(peerKinds().map((k) => k.kind)).toContain('fake');
  expect(scopesOf(FakePeerSecondHost)).toEqual(['fake']);
  const plan = planVpn({});
  const view = fakeView(plan);
  expect(view.tunnels).toHaveLength(4);
  // A valid plan gives a valid fake view: no finding, from the fake rule or any other.
  expect(checkPeer('fake', view, rules)).toEqual([]);
  // A wrong peer address is found by the fake rule alone, with its catalogue number and the field.
  const broken = { tunnels: view.tunnels.map((t, i) => (i === 2 ? { ...t, peerBgpIp: '169.254.0.1' } : t)) };
  const findings = checkPeer('fake', broken, rules);
  expect(findings.map((f) => [f.ruleId, f.catalogue, f.path])).toEqual([[
    'FakePeerSecondHost',
    ['C05'],
    `fake.tunnels.${view.tunnels[2].id}.peerBgpIp`,
  ]]);
  expect(findings[0].message).toContain(view.tunnels[2].insideCidr);
});

test('the report renders the plan the fake peer builds from; no module of another peer was loaded', () => {
  const plan = planVpn({});
  const table = tunnelTable(plan);
  for (const t of fakeView(plan).tunnels) expect(table).toContain(t.insideCidr);
  expect(planSummary(plan).length).toBeGreaterThan(0);
  // Only the built-in peers' one-line registrations (lib/peers/index.ts → azure/kind.ts, alibaba/kind.ts, read by
  // RULES.md's scope list) are loaded: no view, design or component of the Azure or Alibaba peer.
  const loaded = Object.keys(require.cache).filter((f) => f.includes('/lib/peers/'));
  expect(loaded.map((f) => f.slice(f.indexOf('/lib/peers/'))).sort()).toEqual([
    '/lib/peers/alibaba/kind.ts',
    '/lib/peers/azure/kind.ts',
    '/lib/peers/index.ts',
  ]);
});
