import { awsTunnelOptions, azureIpsecPolicy, planVpn } from '../../lib/plan';

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
      ikeEncryption: 'AES256', ikeIntegrity: 'SHA256', dhGroup: 'DHGroup14',
      ipsecEncryption: 'AES256', ipsecIntegrity: 'SHA256', pfsGroup: 'PFS2048',
      saLifeTimeSeconds: 3600, saDataSizeKilobytes: 102400000,
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
});
