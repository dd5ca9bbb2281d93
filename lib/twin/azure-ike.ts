/**
 * Azure `ipsecPolicies` names → IKEv2 transforms (IANA ids), written from Microsoft's documentation
 * only: "About cryptographic requirements and Azure VPN gateways" and "Configure custom IPsec/IKE
 * connection policies" (https://learn.microsoft.com/azure/vpn-gateway/ipsec-ike-policy-howto), whose
 * tables give DHGroup14 = DHGroup2048 = 2048-bit MODP, ECP256/ECP384 = 256/384-bit ECP, DHGroup24 =
 * 2048-bit MODP with 256-bit subgroup, and PFS2048 / PFS14 = group 14, PFS24 = group 24, PFS2 = group 2.
 * Deliberately independent of lib/plan/ipsec.ts and of aws-ike.ts.
 *
 * GCM: with a GCMAES ipsecEncryption Azure requires the same GCMAES value as ipsecIntegrity (the
 * AEAD tag, no separate integrity transform). For the IKE SA an AEAD ikeEncryption has no integrity
 * transform either (RFC 5282 §8); the SHA ikeIntegrity then names the PRF.
 */
import { ENCR, INTEG, PRF, TranslationError, type EncryptionTransform, type IkeProposal } from './iana';

const ENCRYPTION: Record<string, EncryptionTransform> = {
  AES128: { id: ENCR.AES_CBC, keyLength: 128 },
  AES192: { id: ENCR.AES_CBC, keyLength: 192 },
  AES256: { id: ENCR.AES_CBC, keyLength: 256 },
  GCMAES128: { id: ENCR.AES_GCM_16, keyLength: 128 },
  GCMAES192: { id: ENCR.AES_GCM_16, keyLength: 192 },
  GCMAES256: { id: ENCR.AES_GCM_16, keyLength: 256 },
};
/** `ikeIntegrity`: the HMAC of the IKE SA and its PRF (SHA1, SHA256, SHA384). */
const IKE_INTEGRITY: Record<string, { integrity: number; prf: number; }> = {
  SHA1: { integrity: INTEG.HMAC_SHA1_96, prf: PRF.HMAC_SHA1 },
  SHA256: { integrity: INTEG.HMAC_SHA2_256_128, prf: PRF.HMAC_SHA2_256 },
  SHA384: { integrity: INTEG.HMAC_SHA2_384_192, prf: PRF.HMAC_SHA2_384 },
};
/** `ipsecIntegrity` for CBC ciphers (SHA1, SHA256). */
const IPSEC_INTEGRITY: Record<string, number> = { SHA1: INTEG.HMAC_SHA1_96, SHA256: INTEG.HMAC_SHA2_256_128 };
/** `dhGroup` (IKE SA). */
const DH_GROUP: Record<string, number> = { DHGroup1: 1, DHGroup2: 2, DHGroup14: 14, DHGroup2048: 14, DHGroup24: 24, ECP256: 19, ECP384: 20 };
/** `pfsGroup` (child SA rekey); `None` means no PFS. */
const PFS_GROUP: Record<string, number | null> = {
  None: null,
  PFS1: 1,
  PFS2: 2,
  PFS14: 14,
  PFS2048: 14,
  PFS24: 24,
  ECP256: 19,
  ECP384: 20,
};

/** The values of one `ipsecPolicies` entry the translation reads. */
export interface AzureIpsecPolicyArgs {
  readonly ikeEncryption?: unknown;
  readonly ikeIntegrity?: unknown;
  readonly dhGroup?: unknown;
  readonly ipsecEncryption?: unknown;
  readonly ipsecIntegrity?: unknown;
  readonly pfsGroup?: unknown;
  readonly saLifeTimeSeconds?: unknown;
}

function lookup<T>(table: Record<string, T>, field: string, value: unknown): T {
  if (typeof value !== 'string' || !(value in table)) throw new TranslationError(field, value, Object.keys(table).join(' | '));
  return table[value];
}

/** The IKE SA proposal of a custom policy. */
export function azureIkeProposal(policy: AzureIpsecPolicyArgs): IkeProposal {
  const encryption = lookup(ENCRYPTION, 'ikeEncryption', policy.ikeEncryption);
  const integrity = lookup(IKE_INTEGRITY, 'ikeIntegrity', policy.ikeIntegrity);
  const aead = encryption.id === ENCR.AES_GCM_16;
  return {
    encryption,
    ...(aead ? {} : { integrity: integrity.integrity }),
    prf: integrity.prf,
    keyExchange: [lookup(DH_GROUP, 'dhGroup', policy.dhGroup)],
  };
}

/** The ESP proposal of a custom policy; its group is the PFS group of child SA rekeys. */
export function azureEspProposal(policy: AzureIpsecPolicyArgs): IkeProposal {
  const encryption = lookup(ENCRYPTION, 'ipsecEncryption', policy.ipsecEncryption);
  const pfs = lookup(PFS_GROUP, 'pfsGroup', policy.pfsGroup);
  const keyExchange = pfs === null ? [] : [pfs];
  if (encryption.id === ENCR.AES_GCM_16) {
    // Documented: the integrity must be the same GCMAES algorithm and key length.
    if (policy.ipsecIntegrity !== policy.ipsecEncryption) {
      throw new TranslationError(
        'ipsecIntegrity',
        policy.ipsecIntegrity,
        `${String(policy.ipsecEncryption)} (the same GCMAES value as ipsecEncryption)`,
      );
    }
    return { encryption, keyExchange };
  }
  return { encryption, integrity: lookup(IPSEC_INTEGRITY, 'ipsecIntegrity', policy.ipsecIntegrity), keyExchange };
}

/** Azure's IKE SA lifetime is fixed (documented: 28800 s, not configurable). */
export const AZURE_IKE_SA_LIFETIME_SECONDS = 28800;
