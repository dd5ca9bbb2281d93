import { AWS_ENCRYPTION, AWS_INTEGRITY, AWS_PHASE1_DH, AWS_PHASE2_DH } from '../../../lib/plan/ipsec';
import { ipsecSchema, type IpsecPolicy } from '../../../lib/plan/schema';
import {
  ALIBABA_ENCRYPTION,
  ALIBABA_IKE_PFS,
  ALIBABA_INTEGRITY,
  ALIBABA_IPSEC_PFS,
  alibabaIpsecFindings,
  alibabaIpsecPolicy,
} from '../../../lib/plan/alibaba-ipsec';

const base: IpsecPolicy = ipsecSchema.parse({});
const withPhase = (phase: 'phase1' | 'phase2', change: Partial<IpsecPolicy['phase1']>): IpsecPolicy => ({
  ...base,
  [phase]: { ...base[phase], ...change },
});

/** Every AWS value and what Alibaba calls it; undefined where Alibaba has none (refused, C24). */
const ENCRYPTION: Record<(typeof AWS_ENCRYPTION)[number], string | undefined> = {
  AES128: 'aes',
  AES256: 'aes256',
  'AES128-GCM-16': undefined,
  'AES256-GCM-16': undefined,
};
const INTEGRITY: Record<(typeof AWS_INTEGRITY)[number], string> = { SHA1: 'sha1', 'SHA2-256': 'sha256', 'SHA2-384': 'sha384', 'SHA2-512': 'sha512' };
const PHASE1_DH = Object.fromEntries(AWS_PHASE1_DH.map((g) => [g, g === 2 ? 'group2' : g === 14 ? 'group14' : undefined]));
const PHASE2_DH = Object.fromEntries(AWS_PHASE2_DH.map((g) => [g, g === 2 ? 'group2' : g === 5 ? 'group5' : g === 14 ? 'group14' : undefined]));

describe('alibabaIpsecPolicy (C24, C40)', () => {
  test("C40: the default policy sets every Alibaba field, none left to Alibaba's IKEv1/md5/group2/86400 defaults", () => {
    expect(alibabaIpsecPolicy(base)).toEqual({
      ike: { ikeVersion: 'ikev2', ikeMode: 'main', ikeEncAlg: 'aes256', ikeAuthAlg: 'sha256', ikePfs: 'group14', ikeLifetime: 28800 },
      ipsec: { ipsecEncAlg: 'aes256', ipsecAuthAlg: 'sha256', ipsecPfs: 'group14', ipsecLifetime: 3600 },
    });
    expect(alibabaIpsecFindings(base)).toEqual([]);
    expect(alibabaIpsecPolicy({ ...base, ikeVersion: 'ikev1' }).ike.ikeVersion).toBe('ikev1');
  });

  test.each(Object.entries(ENCRYPTION))('C24: encryption %s → %s in both phases', (aws, alibaba) => {
    for (const phase of ['phase1', 'phase2'] as const) {
      const policy = withPhase(phase, { encryption: aws });
      const values = alibabaIpsecPolicy(policy);
      expect(phase === 'phase1' ? values.ike.ikeEncAlg : values.ipsec.ipsecEncAlg).toBe(alibaba);
      const findings = alibabaIpsecFindings(policy);
      if (alibaba === undefined) {
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ path: `ipsec.${phase}.encryption`, catalogue: ['C24'], level: 'error' });
        expect(findings[0].message).toContain(`"${aws}"`);
        expect(findings[0].message).toContain(phase === 'phase1' ? 'ikeEncAlg' : 'ipsecEncAlg');
        expect(findings[0].fix).toBe('one of AES128 (aes), AES256 (aes256).');
      } else {
        expect(ALIBABA_ENCRYPTION).toContain(alibaba);
        expect(findings).toEqual([]);
      }
    }
  });

  test.each(Object.entries(INTEGRITY))('C24: integrity %s → %s in both phases', (aws, alibaba) => {
    for (const phase of ['phase1', 'phase2'] as const) {
      const values = alibabaIpsecPolicy(withPhase(phase, { integrity: aws }));
      expect(phase === 'phase1' ? values.ike.ikeAuthAlg : values.ipsec.ipsecAuthAlg).toBe(alibaba);
      expect(ALIBABA_INTEGRITY).toContain(alibaba);
      expect(alibabaIpsecFindings(withPhase(phase, { integrity: aws }))).toEqual([]);
    }
  });

  test.each(Object.entries(PHASE1_DH))('C24: phase 1 DH group %s → %s', (group, alibaba) => {
    const policy = withPhase('phase1', { dhGroup: Number(group) });
    expect(alibabaIpsecPolicy(policy).ike.ikePfs).toBe(alibaba);
    const findings = alibabaIpsecFindings(policy);
    if (alibaba === undefined) {
      expect(findings.map((f) => [f.path, f.catalogue])).toEqual([['ipsec.phase1.dhGroup', ['C24']]]);
      expect(findings[0].message).toContain(`Alibaba allows ${ALIBABA_IKE_PFS.join(', ')}`);
      expect(findings[0].fix).toBe('one of 2 (group2), 14 (group14).');
    } else {
      expect(findings).toEqual([]);
    }
  });

  test.each(Object.entries(PHASE2_DH))('C24: phase 2 DH (PFS) group %s → %s', (group, alibaba) => {
    const policy = withPhase('phase2', { dhGroup: Number(group) });
    expect(alibabaIpsecPolicy(policy).ipsec.ipsecPfs).toBe(alibaba);
    const findings = alibabaIpsecFindings(policy);
    if (alibaba === undefined) {
      expect(findings.map((f) => f.path)).toEqual(['ipsec.phase2.dhGroup']);
      expect(findings[0].message).toContain(`Alibaba allows ${ALIBABA_IPSEC_PFS.join(', ')}`);
      expect(findings[0].fix).toBe('one of 2 (group2), 5 (group5), 14 (group14).');
    } else {
      expect(findings).toEqual([]);
    }
  });

  test("C24: lifetimes pass through; one beyond Alibaba's 86400 s is refused", () => {
    const values = alibabaIpsecPolicy({
      ...base,
      phase1: { ...base.phase1, lifetimeSeconds: 900 },
      phase2: { ...base.phase2, lifetimeSeconds: 1800 },
    });
    expect([values.ike.ikeLifetime, values.ipsec.ipsecLifetime]).toEqual([900, 1800]);
    const findings = alibabaIpsecFindings(withPhase('phase1', { lifetimeSeconds: 90000 }));
    expect(findings.map((f) => [f.path, f.catalogue])).toEqual([['ipsec.phase1.lifetimeSeconds', ['C24']]]);
    expect(findings[0].message).toContain('90000 s');
  });
});
