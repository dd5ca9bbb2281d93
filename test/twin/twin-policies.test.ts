/**
 * Every IPsec policy family the plan accepts comes up in the twin (one run each; the default plan is
 * twin-default.test.ts): AES-CBC with SHA-1 and SHA-2, AES-GCM in both phases, DH groups 2, 14, 19,
 * 20, 24; the child SAs rekey with the phase 2 (PFS) group (C24). Root and the Debian packages.
 */
import { planVpn } from '../../lib/check/validate';
import { POLICY_FAMILIES } from '../../lib/twin/policies';
import { twinTable } from '../../lib/twin/report';
import { describeTwin } from './gate';

/** What strongSwan reports for the family's IKE and ESP algorithms. */
const NEGOTIATED: Record<string, [string, string]> = {
  'cbc-sha1-dh2': ['AES_CBC-128/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024', 'ESP:AES_CBC-128/HMAC_SHA1_96/MODP_1024'],
  'cbc-sha384-dh24': ['AES_CBC-256/HMAC_SHA2_384_192/PRF_HMAC_SHA2_384/MODP_2048_256', 'ESP:AES_CBC-256/HMAC_SHA2_256_128/MODP_2048_256'],
  'gcm128-ecp256': ['AES_GCM_16-128/PRF_HMAC_SHA2_384/ECP_256', 'ESP:AES_GCM_16-128/ECP_256'],
  'gcm256-ecp384': ['AES_GCM_16-256/PRF_HMAC_SHA2_256/ECP_384', 'ESP:AES_GCM_16-256/ECP_384'],
};

describeTwin('digital twin: every accepted IPsec policy family comes up (C24)', () => {
  test('every family but the default has its expected negotiation here', () => {
    expect(POLICY_FAMILIES.filter((f) => f.id !== 'default').map((f) => f.id).sort()).toEqual(Object.keys(NEGOTIATED).sort());
  });

  test.each(POLICY_FAMILIES.filter((f) => f.id !== 'default').map((f) => [f.id, f] as const))('%s', async (id, family) => {
    const { runTwin } = await import('../../lib/twin/twin');
    const result = await runTwin({ plan: planVpn({ name: `twin-${id}`, ipsec: family.ipsec }) });
    expect({ allUp: result.allUp, table: result.allUp ? '' : twinTable(result) }).toEqual({ allUp: true, table: '' });
    expect(result.pfsRekeyed).toBe(true);
    for (const t of result.tunnels) {
      expect(t.ikeAlgorithms).toBe(NEGOTIATED[id][0]);
      expect(t.ipsecDetail).toBe(`TUNNEL-in-UDP ${NEGOTIATED[id][1]}`);
    }
  }, 150_000);
});
