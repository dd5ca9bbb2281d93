import {
  AWS_ENCRYPTION,
  AWS_INTEGRITY,
  AWS_PHASE1_DH,
  AWS_PHASE2_DH,
  awsTunnelOptions,
  azureIpsecPolicy,
  azureUnexpressibleFields,
} from '../../lib/plan';
import { planVpn } from '../../lib/check/validate';

/**
 * Azure's names for each AWS value, written from Azure's "Configure custom IPsec/IKE connection
 * policies" (https://learn.microsoft.com/azure/vpn-gateway/ipsec-ike-policy-howto): the algorithm lists
 * and the Diffie-Hellman table (group 2 = DHGroup2/PFS2, 14 = DHGroup14/PFS2048, 19 = ECP256,
 * 20 = ECP384, 24 = DHGroup24/PFS24). Undefined: Azure has no equal, so the rule must report it.
 */
const AZURE_IKE_ENCRYPTION = { AES128: 'AES128', AES256: 'AES256', 'AES128-GCM-16': 'GCMAES128', 'AES256-GCM-16': 'GCMAES256' };
const AZURE_IKE_INTEGRITY = { SHA1: 'SHA1', 'SHA2-256': 'SHA256', 'SHA2-384': 'SHA384', 'SHA2-512': undefined };
const AZURE_IPSEC_INTEGRITY = { SHA1: 'SHA1', 'SHA2-256': 'SHA256', 'SHA2-384': undefined, 'SHA2-512': undefined };
const DH = { 2: 'DHGroup2', 14: 'DHGroup14', 19: 'ECP256', 20: 'ECP384', 24: 'DHGroup24' } as Record<number, string | undefined>;
const PFS = { 2: 'PFS2', 14: 'PFS2048', 19: 'ECP256', 20: 'ECP384', 24: 'PFS24' } as Record<number, string | undefined>;

describe('IPsec policy in both vocabularies (C24)', () => {
  test('the default policy maps to IKEv2, AES256, SHA2-256, DH 14 on AWS and the same on Azure', () => {
    const { ipsec } = planVpn();
    expect(awsTunnelOptions(ipsec)).toEqual({
      IKEVersions: [{ Value: 'ikev2' }],
      Phase1EncryptionAlgorithms: [{ Value: 'AES256' }],
      Phase1IntegrityAlgorithms: [{ Value: 'SHA2-256' }],
      Phase1DHGroupNumbers: [{ Value: 14 }],
      Phase1LifetimeSeconds: 28800,
      Phase2EncryptionAlgorithms: [{ Value: 'AES256' }],
      Phase2IntegrityAlgorithms: [{ Value: 'SHA2-256' }],
      Phase2DHGroupNumbers: [{ Value: 14 }],
      Phase2LifetimeSeconds: 3600,
      DPDTimeoutSeconds: 30,
      DPDTimeoutAction: 'restart',
    });
    expect(azureIpsecPolicy(ipsec)).toEqual({
      ikeEncryption: 'AES256',
      ikeIntegrity: 'SHA256',
      dhGroup: 'DHGroup14',
      ipsecEncryption: 'AES256',
      ipsecIntegrity: 'SHA256',
      pfsGroup: 'PFS2048',
      saLifeTimeSeconds: 3600,
      saDataSizeKilobytes: 102400000,
    });
  });

  test('GCM in phase 2 makes Azure use the same GCM algorithm as integrity', () => {
    const policy = { ...planVpn().ipsec, phase2: { encryption: 'AES256-GCM-16', integrity: 'SHA2-256', dhGroup: 20, lifetimeSeconds: 3600 } };
    expect(azureIpsecPolicy(policy)).toMatchObject({ ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256', pfsGroup: 'ECP384' });
  });

  test('values Azure cannot express map to undefined, for the rule to report', () => {
    const policy = { ...planVpn().ipsec, phase1: { encryption: 'AES256', integrity: 'SHA2-512', dhGroup: 21, lifetimeSeconds: 28800 } };
    expect(azureIpsecPolicy(policy)).toMatchObject({ ikeIntegrity: undefined, dhGroup: undefined });
  });

  describe('C24: every AWS value maps to the name Azure documents, or to undefined where Azure has none', () => {
    const base = planVpn().ipsec;
    const phase1 = (change: object) => azureIpsecPolicy({ ...base, phase1: { ...base.phase1, ...change } });
    const phase2 = (change: object) => azureIpsecPolicy({ ...base, phase2: { ...base.phase2, ...change } });

    test.each(AWS_ENCRYPTION.map((v) => [v]))('C24: encryption %s', (encryption) => {
      const expected = AZURE_IKE_ENCRYPTION[encryption];
      expect(phase1({ encryption }).ikeEncryption).toBe(expected);
      expect(phase2({ encryption }).ipsecEncryption).toBe(expected);
    });

    test.each(AWS_INTEGRITY.map((v) => [v]))('C24: integrity %s', (integrity) => {
      expect(phase1({ integrity }).ikeIntegrity).toBe(AZURE_IKE_INTEGRITY[integrity]);
      expect(phase2({ integrity }).ipsecIntegrity).toBe(AZURE_IPSEC_INTEGRITY[integrity]);
    });

    test.each(AWS_PHASE1_DH.map((v) => [v]))('C24: phase 1 DH group %d', (dhGroup) => {
      expect(phase1({ dhGroup }).dhGroup).toBe(DH[dhGroup]);
    });

    test.each(AWS_PHASE2_DH.map((v) => [v]))('C24: phase 2 (PFS) DH group %d', (dhGroup) => {
      expect(phase2({ dhGroup }).pfsGroup).toBe(PFS[dhGroup]);
    });
  });
});

describe('C24: azureUnexpressibleFields is the one place "algorithms Azure cannot express" is decided', () => {
  const base = planVpn({}).ipsec;
  const unexpressible = (policy: typeof base) => azureUnexpressibleFields(policy).map((u) => `${u.path}=${u.value}→${u.azureField}`);
  test('every AWS DH group: Azure expresses 2, 14, 19, 20, 24 in phase 1 and in PFS; the rest are named with their Azure field', () => {
    const p1 = AWS_PHASE1_DH.filter((v) => unexpressible({ ...base, phase1: { ...base.phase1, dhGroup: v } }).length === 0);
    const p2 = AWS_PHASE2_DH.filter((v) => unexpressible({ ...base, phase2: { ...base.phase2, dhGroup: v } }).length === 0);
    expect(p1).toEqual([2, 14, 19, 20, 24]);
    expect(p2).toEqual([2, 14, 19, 20, 24]);
    expect(unexpressible({ ...base, phase1: { ...base.phase1, dhGroup: 21 } })).toEqual(['ipsec.phase1.dhGroup=21→dhGroup']);
    expect(unexpressible({ ...base, phase2: { ...base.phase2, dhGroup: 5 } })).toEqual(['ipsec.phase2.dhGroup=5→pfsGroup']);
  });
  test('phase 2 integrity SHA2-384/512 has no Azure IPsec integrity; every AWS encryption has one; the default plan has none unexpressible', () => {
    expect(unexpressible(base)).toEqual([]);
    expect(unexpressible({ ...base, phase2: { ...base.phase2, integrity: 'SHA2-512' } })).toEqual(['ipsec.phase2.integrity=SHA2-512→ipsecIntegrity']);
    for (const v of AWS_ENCRYPTION) expect(unexpressible({ ...base, phase1: { ...base.phase1, encryption: v } })).toEqual([]);
  });
});
