/**
 * The twin's two vendor translations (lib/twin/aws-ike.ts, azure-ike.ts), each against the IANA
 * IKEv2 registry ids and its vendor's documented names, and together against what the library emits
 * for every IPsec value the plan accepts (C24): the library's mapping (lib/plan/ipsec.ts) is what is
 * under test here, through the emitted values, never reused by the twin.
 */
import { AWS_ENCRYPTION, AWS_INTEGRITY, AWS_PHASE1_DH, AWS_PHASE2_DH, awsTunnelOptions, azureIpsecPolicy, type PlanInput } from '../../lib/plan';
import { planVpn } from '../../lib/check/validate';
import { awsEspProposals, awsIkeProposals } from '../../lib/twin/aws-ike';
import { azureEspProposal, azureIkeProposal } from '../../lib/twin/azure-ike';
import { TranslationError, type IkeProposal } from '../../lib/twin/iana';
import { POLICY_FAMILIES } from '../../lib/twin/policies';
import { strongswanProposal } from '../../lib/twin/strongswan-names';

const spec = (fields: Record<string, unknown>) => fields;
const list = (...values: unknown[]) => values.map((Value) => ({ Value }));

describe('AWS tunnel option names → IKEv2 transforms (IANA registry)', () => {
  test.each([
    ['AES128', 'SHA1', 2, { encryption: { id: 12, keyLength: 128 }, integrity: 2, prf: 2, keyExchange: [2] }],
    ['AES256', 'SHA2-256', 14, { encryption: { id: 12, keyLength: 256 }, integrity: 12, prf: 5, keyExchange: [14] }],
    ['AES256', 'SHA2-384', 24, { encryption: { id: 12, keyLength: 256 }, integrity: 13, prf: 6, keyExchange: [24] }],
    ['AES256', 'SHA2-512', 21, { encryption: { id: 12, keyLength: 256 }, integrity: 14, prf: 7, keyExchange: [21] }],
    // AEAD (RFC 5282): no integrity transform; the integrity name still picks the PRF.
    ['AES128-GCM-16', 'SHA2-384', 19, { encryption: { id: 20, keyLength: 128 }, prf: 6, keyExchange: [19] }],
    ['AES256-GCM-16', 'SHA2-256', 20, { encryption: { id: 20, keyLength: 256 }, prf: 5, keyExchange: [20] }],
  ])('phase 1 %s / %s / DH %d (C24)', (encryption, integrity, group, expected) => {
    const proposals = awsIkeProposals(spec({
      IKEVersions: list('ikev2'),
      Phase1EncryptionAlgorithms: list(encryption),
      Phase1IntegrityAlgorithms: list(integrity),
      Phase1DHGroupNumbers: list(group),
    }));
    expect(proposals).toEqual([expected]);
  });

  test('phase 2 carries no PRF and GCM no integrity; groups are the PFS groups (C24)', () => {
    expect(
      awsEspProposals(
        spec({ Phase2EncryptionAlgorithms: list('AES256-GCM-16'), Phase2IntegrityAlgorithms: list('SHA2-256'), Phase2DHGroupNumbers: list(20) }),
      ),
    )
      .toEqual([{ encryption: { id: 20, keyLength: 256 }, keyExchange: [20] }]);
    expect(
      awsEspProposals(spec({ Phase2EncryptionAlgorithms: list('AES128'), Phase2IntegrityAlgorithms: list('SHA1'), Phase2DHGroupNumbers: list(5) })),
    )
      .toEqual([{ encryption: { id: 12, keyLength: 128 }, integrity: 2, keyExchange: [5] }]);
  });

  test('several listed values give every combination AWS would accept; absent lists take the documented defaults', () => {
    const combos = awsIkeProposals(
      spec({
        Phase1EncryptionAlgorithms: list('AES128', 'AES256'),
        Phase1IntegrityAlgorithms: list('SHA1', 'SHA2-256'),
        Phase1DHGroupNumbers: list(14, 19),
      }),
    );
    expect(combos).toHaveLength(4);
    expect(combos.every((p) => p.keyExchange.join() === '14,19')).toBe(true);
    const defaults = awsIkeProposals(spec({}));
    // 2 CBC × 4 integrity + 2 GCM × 4 PRFs; every documented phase 1 group.
    expect(defaults).toHaveLength(16);
    expect(defaults[0].keyExchange).toEqual([2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24]);
  });

  test('a value AWS does not document is refused with the field and the valid values', () => {
    expect(() => awsIkeProposals(spec({ Phase1EncryptionAlgorithms: list('3DES') }))).toThrow(TranslationError);
    expect(() => awsIkeProposals(spec({ Phase1DHGroupNumbers: list(5) }))).toThrow(/Phase1DHGroupNumbers: 5 has no IKEv2 transform \(expected 2, 14/);
    expect(() => awsIkeProposals(spec({ IKEVersions: list('ikev1') }))).toThrow(/IKEVersions/);
  });
});

describe('Azure ipsecPolicies names → IKEv2 transforms (IANA registry)', () => {
  const base = {
    ikeEncryption: 'AES256',
    ikeIntegrity: 'SHA256',
    dhGroup: 'DHGroup14',
    ipsecEncryption: 'AES256',
    ipsecIntegrity: 'SHA256',
    pfsGroup: 'PFS2048',
  };

  test.each([
    ['DHGroup2', 2],
    ['DHGroup14', 14],
    ['DHGroup2048', 14],
    ['ECP256', 19],
    ['ECP384', 20],
    ['DHGroup24', 24],
  ])('dhGroup %s is group %d (C24)', (dhGroup, group) => {
    expect(azureIkeProposal({ ...base, dhGroup }).keyExchange).toEqual([group]);
  });

  test.each([
    ['PFS2', [2]],
    ['PFS2048', [14]],
    ['PFS14', [14]],
    ['ECP256', [19]],
    ['ECP384', [20]],
    ['PFS24', [24]],
    ['None', []],
  ])('pfsGroup %s is %j (C24)', (pfsGroup, groups) => {
    expect(azureEspProposal({ ...base, pfsGroup }).keyExchange).toEqual(groups);
  });

  test('GCMAES: the IKE SA keeps the PRF of ikeIntegrity; ESP needs the same GCMAES as ipsecIntegrity (C24)', () => {
    expect(azureIkeProposal({ ...base, ikeEncryption: 'GCMAES128', ikeIntegrity: 'SHA384' })).toEqual({
      encryption: { id: 20, keyLength: 128 },
      prf: 6,
      keyExchange: [14],
    });
    expect(azureEspProposal({ ...base, ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'GCMAES256' })).toEqual({
      encryption: { id: 20, keyLength: 256 },
      keyExchange: [14],
    });
    expect(() => azureEspProposal({ ...base, ipsecEncryption: 'GCMAES256', ipsecIntegrity: 'SHA256' })).toThrow(
      /ipsecIntegrity: "SHA256" .*GCMAES256/,
    );
  });

  test('an unknown name is refused with the field', () => {
    expect(() => azureIkeProposal({ ...base, ikeIntegrity: 'SHA512' })).toThrow(/ikeIntegrity: "SHA512"/);
  });
});

test('IANA ids → strongSwan keywords', () => {
  const p = (x: IkeProposal) => strongswanProposal(x);
  expect(p({ encryption: { id: 12, keyLength: 256 }, integrity: 12, prf: 5, keyExchange: [14] })).toBe('aes256-sha256-prfsha256-modp2048');
  expect(p({ encryption: { id: 20, keyLength: 128 }, prf: 6, keyExchange: [19, 24] })).toBe('aes128gcm16-prfsha384-ecp256-modp2048s256');
  expect(p({ encryption: { id: 12, keyLength: 128 }, integrity: 2, keyExchange: [] })).toBe('aes128-sha1');
});

/** Every value of one field the plan accepts, the others at their defaults. */
function acceptedValues(phase: 'phase1' | 'phase2', field: 'encryption' | 'integrity' | 'dhGroup'): (string | number)[] {
  const candidates: readonly (string | number)[] = field === 'encryption'
    ? AWS_ENCRYPTION
    : field === 'integrity'
    ? AWS_INTEGRITY
    : phase === 'phase1'
    ? AWS_PHASE1_DH
    : AWS_PHASE2_DH;
  return candidates.filter((value) => {
    try {
      planVpn({ ipsec: { [phase]: { [field]: value } } } as PlanInput);
      return true;
    } catch {
      return false;
    }
  });
}

const FIELDS = [['phase1', 'encryption'], ['phase1', 'integrity'], ['phase1', 'dhGroup'], ['phase2', 'encryption'], ['phase2', 'integrity'], [
  'phase2',
  'dhGroup',
]] as const;

describe('what the library emits for every accepted IPsec value, read back by both translations (C24)', () => {
  test.each(FIELDS)('every accepted %s %s gives a proposal both ends share', (phase, field) => {
    const accepted = acceptedValues(phase, field);
    expect(accepted.length).toBeGreaterThan(1);
    for (const value of accepted) {
      const { ipsec } = planVpn({ ipsec: { [phase]: { [field]: value } } } as PlanInput);
      const aws = awsTunnelOptions(ipsec) as unknown as Record<string, unknown>;
      const azure = azureIpsecPolicy(ipsec);
      const awsIke = awsIkeProposals(aws).map(strongswanProposal);
      const awsEsp = awsEspProposals(aws).map(strongswanProposal);
      expect({ value, ike: awsIke }).toEqual({ value, ike: [strongswanProposal(azureIkeProposal(azure))] });
      expect({ value, esp: awsEsp }).toEqual({ value, esp: [strongswanProposal(azureEspProposal(azure))] });
    }
  });

  test.each(FIELDS)('the twin policy families use every accepted %s %s at least once', (phase, field) => {
    const used = new Set(POLICY_FAMILIES.map((f) => planVpn({ ipsec: f.ipsec }).ipsec[phase][field]));
    const accepted = acceptedValues(phase, field);
    // With GCM in phase 2 the integrity value is not negotiated: only CBC families count for it.
    const usedForIntegrity = new Set(
      POLICY_FAMILIES.map((f) => planVpn({ ipsec: f.ipsec }).ipsec).filter((p) => !p.phase2.encryption.includes('GCM')).map((p) =>
        p.phase2.integrity
      ),
    );
    const cover = phase === 'phase2' && field === 'integrity' ? usedForIntegrity : used;
    expect(accepted.filter((v) => !cover.has(v))).toEqual([]);
  });
});
