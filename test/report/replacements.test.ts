import { replacementsBetween } from '../../lib/plan';
import { planVpn } from '../../lib/check/validate';

describe('replacementsBetween (stable connections; C08)', () => {
  const base = planVpn();
  test('renaming the plan or retagging replaces nothing', () => {
    expect(replacementsBetween(base, planVpn({ name: 'other', tags: { team: 'net' } }))).toEqual([]);
  });

  test('an IPsec policy change replaces both connections, each named', () => {
    const after = planVpn({ ipsec: { phase2: { dhGroup: 20 } } });
    expect(replacementsBetween(base, after).map((r) => r.resource)).toEqual(['AWS VPN connection 1', 'AWS VPN connection 2']);
  });

  test('C08: a changed Amazon side ASN replaces the gateway and says why', () => {
    const [r] = replacementsBetween(base, planVpn({ aws: { asn: 64600 } }));
    expect(r.resource).toMatch(/virtual private gateway/);
    expect(r.reasons[0]).toContain('C08');
    expect(r.consequence).toMatch(/pulumi up/);
  });
});
