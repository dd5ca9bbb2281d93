/**
 * AWS tunnel option names → IKEv2 transforms (IANA ids), written from AWS's own documentation only:
 * the CloudFormation `AWS::EC2::VPNConnection VpnTunnelOptionsSpecification` reference and the
 * Site-to-Site VPN "Tunnel options for your Site-to-Site VPN connection" page
 * (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPNTunnels.html). Deliberately independent of
 * lib/plan/ipsec.ts and of azure-ike.ts.
 *
 * Absent lists take AWS's documented defaults (the tunnel then accepts every allowed value).
 */
import { ENCR, INTEG, PRF, TranslationError, type EncryptionTransform, type IkeProposal } from './iana';

/** `Phase{1,2}EncryptionAlgorithms` values (AES128 | AES256 | AES128-GCM-16 | AES256-GCM-16). */
const ENCRYPTION: Record<string, EncryptionTransform> = {
  AES128: { id: ENCR.AES_CBC, keyLength: 128 },
  AES256: { id: ENCR.AES_CBC, keyLength: 256 },
  'AES128-GCM-16': { id: ENCR.AES_GCM_16, keyLength: 128 },
  'AES256-GCM-16': { id: ENCR.AES_GCM_16, keyLength: 256 },
};
/** `Phase{1,2}IntegrityAlgorithms` values (SHA1 | SHA2-256 | SHA2-384 | SHA2-512): the HMAC and, in phase 1, the PRF of the same hash. */
const INTEGRITY: Record<string, { integrity: number; prf: number; }> = {
  SHA1: { integrity: INTEG.HMAC_SHA1_96, prf: PRF.HMAC_SHA1 },
  'SHA2-256': { integrity: INTEG.HMAC_SHA2_256_128, prf: PRF.HMAC_SHA2_256 },
  'SHA2-384': { integrity: INTEG.HMAC_SHA2_384_192, prf: PRF.HMAC_SHA2_384 },
  'SHA2-512': { integrity: INTEG.HMAC_SHA2_512_256, prf: PRF.HMAC_SHA2_512 },
};
/** Documented DH group numbers: phase 1 2, 14–24; phase 2 2, 5, 14–24 (the IANA group ids). */
const PHASE1_GROUPS = [2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];
const PHASE2_GROUPS = [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24];

/** AWS defaults when a list is left out (tunnel options page, "default" column). */
export const AWS_TUNNEL_DEFAULTS = {
  encryption: ['AES128', 'AES256', 'AES128-GCM-16', 'AES256-GCM-16'],
  integrity: ['SHA1', 'SHA2-256', 'SHA2-384', 'SHA2-512'],
  phase1Groups: PHASE1_GROUPS,
  phase2Groups: PHASE2_GROUPS,
  phase1LifetimeSeconds: 28800,
  phase2LifetimeSeconds: 3600,
  dpdTimeoutSeconds: 30,
  dpdTimeoutAction: 'clear',
  startupAction: 'add',
} as const;

/** `[{ Value: x }, …]` → `[x, …]`; absent → undefined. */
function listValues(spec: Record<string, unknown>, property: string): unknown[] | undefined {
  const list = spec[property];
  if (list === undefined) return undefined;
  if (!Array.isArray(list)) throw new TranslationError(property, list, 'a list of { Value } objects');
  return list.map((entry) => (entry as { Value?: unknown; }).Value);
}

function lookup<T>(table: Record<string, T>, field: string, value: unknown): T {
  const found = typeof value === 'string' ? table[value] : undefined;
  if (!found) throw new TranslationError(field, value, Object.keys(table).join(' | '));
  return found;
}

function groups(field: string, values: unknown[], allowed: readonly number[]): number[] {
  return values.map((v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    if (!allowed.includes(n)) throw new TranslationError(field, v, allowed.join(', '));
    return n;
  });
}

/**
 * Proposals of one phase: every listed encryption with every listed integrity algorithm (AWS
 * accepts any combination of the lists), each with all listed groups. An AEAD cipher carries no
 * integrity transform; in phase 1 the integrity algorithm still names its PRF.
 */
function proposals(spec: Record<string, unknown>, phase: 1 | 2): IkeProposal[] {
  const p = `Phase${phase}`;
  const encryption = (listValues(spec, `${p}EncryptionAlgorithms`) ?? AWS_TUNNEL_DEFAULTS.encryption)
    .map((v) => lookup(ENCRYPTION, `${p}EncryptionAlgorithms`, v));
  const integrity = (listValues(spec, `${p}IntegrityAlgorithms`) ?? AWS_TUNNEL_DEFAULTS.integrity)
    .map((v) => lookup(INTEGRITY, `${p}IntegrityAlgorithms`, v));
  const keyExchange = groups(
    `${p}DHGroupNumbers`,
    listValues(spec, `${p}DHGroupNumbers`)
      ?? (phase === 1 ? PHASE1_GROUPS : PHASE2_GROUPS),
    phase === 1 ? PHASE1_GROUPS : PHASE2_GROUPS,
  );
  const out: IkeProposal[] = [];
  for (const enc of encryption) {
    for (const integ of integrity) {
      const aead = enc.id === ENCR.AES_GCM_16;
      const proposal: IkeProposal = {
        encryption: enc,
        ...(aead ? {} : { integrity: integ.integrity }),
        ...(phase === 1 ? { prf: integ.prf } : {}),
        keyExchange,
      };
      // For ESP an AEAD proposal ignores the integrity list: keep one.
      if (!out.some((o) => JSON.stringify(o) === JSON.stringify(proposal))) out.push(proposal);
    }
  }
  return out;
}

/** The IKE SA (phase 1) proposals of one `VpnTunnelOptionsSpecification`. */
export function awsIkeProposals(spec: Record<string, unknown>): IkeProposal[] {
  const versions = listValues(spec, 'IKEVersions');
  if (versions !== undefined && !versions.includes('ikev2')) {
    throw new TranslationError('IKEVersions', versions, "a list holding 'ikev2' (the twin speaks IKEv2)");
  }
  return proposals(spec, 1);
}

/** The ESP (phase 2) proposals; the groups are the PFS groups used when the child SA is rekeyed. */
export function awsEspProposals(spec: Record<string, unknown>): IkeProposal[] {
  return proposals(spec, 2);
}
