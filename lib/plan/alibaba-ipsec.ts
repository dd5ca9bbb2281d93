/**
 * The plan's IPsec policy (AWS vocabulary, lib/plan/schema.ts) in Alibaba Cloud's: the fields of a
 * tunnel's `tunnelIkeConfig` and `tunnelIpsecConfig`. Pure. Every field is given a value (C40:
 * Alibaba's defaults are IKEv1, md5, group2, 86400 s), and a value Alibaba cannot express maps to
 * `undefined` with a C24 finding naming the field, the value and what both clouds accept.
 *
 * Values: aliyun/terraform-provider-alicloud `website/docs/r/vpn_connection.html.markdown`,
 * `tunnel_ike_config` and `tunnel_ipsec_config` (README-sources.md).
 */
import { AWS_ENCRYPTION, AWS_INTEGRITY, AWS_PHASE1_DH, AWS_PHASE2_DH } from './ipsec';
import { excerpt } from '../core/excerpt';
import type { IpsecPhase, IpsecPolicy } from './schema';
import type { Finding } from '../core/finding';

export const ALIBABA_IKE_VERSIONS = ['ikev1', 'ikev2'] as const;
export const ALIBABA_IKE_MODES = ['main', 'aggressive'] as const;
/** `aes` is AES-128. No GCM. */
export const ALIBABA_ENCRYPTION = ['aes', 'aes192', 'aes256', 'des', '3des'] as const;
export const ALIBABA_INTEGRITY = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const;
export const ALIBABA_IKE_PFS = ['group1', 'group2', 'group5', 'group14'] as const;
export const ALIBABA_IPSEC_PFS = ['disabled', 'group1', 'group2', 'group5', 'group14'] as const;
/** Both lifetimes: 0–86400 s. */
export const ALIBABA_LIFETIME = { min: 0, max: 86400 } as const;
/** What a tunnel negotiates when a field is left out (C40): nothing AWS starts with. */
export const ALIBABA_DEFAULTS = {
  ikeVersion: 'ikev1',
  ikeMode: 'main',
  ikeEncAlg: 'aes',
  ikeAuthAlg: 'md5',
  ikePfs: 'group2',
  ikeLifetime: 86400,
  ipsecEncAlg: 'aes',
  ipsecAuthAlg: 'md5',
  ipsecPfs: 'group2',
  ipsecLifetime: 86400,
} as const;

/** A tunnel's `tunnelIkeConfig` without the key and identities. */
export interface AlibabaIkeValues {
  readonly ikeVersion: (typeof ALIBABA_IKE_VERSIONS)[number];
  /** Main mode: AWS negotiates IKEv1 in main mode only; ignored with IKEv2 but set (C40). */
  readonly ikeMode: 'main';
  readonly ikeEncAlg?: string;
  readonly ikeAuthAlg?: string;
  readonly ikePfs?: string;
  readonly ikeLifetime: number;
}

/** A tunnel's `tunnelIpsecConfig`. */
export interface AlibabaIpsecValues {
  readonly ipsecEncAlg?: string;
  readonly ipsecAuthAlg?: string;
  readonly ipsecPfs?: string;
  readonly ipsecLifetime: number;
}

export interface AlibabaPolicyValues {
  readonly ike: AlibabaIkeValues;
  readonly ipsec: AlibabaIpsecValues;
}

const ENCRYPTION: Readonly<Record<string, string>> = { AES128: 'aes', AES256: 'aes256' };
const INTEGRITY: Readonly<Record<string, string>> = { SHA1: 'sha1', 'SHA2-256': 'sha256', 'SHA2-384': 'sha384', 'SHA2-512': 'sha512' };
const IKE_PFS: Readonly<Record<number, string>> = { 2: 'group2', 14: 'group14' };
const IPSEC_PFS: Readonly<Record<number, string>> = { 2: 'group2', 5: 'group5', 14: 'group14' };

export function alibabaIpsecPolicy(policy: IpsecPolicy): AlibabaPolicyValues {
  return {
    ike: {
      ikeVersion: policy.ikeVersion,
      ikeMode: 'main',
      ikeEncAlg: ENCRYPTION[policy.phase1.encryption],
      ikeAuthAlg: INTEGRITY[policy.phase1.integrity],
      ikePfs: IKE_PFS[policy.phase1.dhGroup],
      ikeLifetime: policy.phase1.lifetimeSeconds,
    },
    ipsec: {
      ipsecEncAlg: ENCRYPTION[policy.phase2.encryption],
      ipsecAuthAlg: INTEGRITY[policy.phase2.integrity],
      ipsecPfs: IPSEC_PFS[policy.phase2.dhGroup],
      ipsecLifetime: policy.phase2.lifetimeSeconds,
    },
  };
}

type Phase = 'phase1' | 'phase2';
type PhaseField = 'encryption' | 'integrity' | 'dhGroup';

/** Where each plan field lands on Alibaba, the table it goes through, and what AWS allows for it. */
const FIELDS: readonly {
  phase: Phase;
  field: PhaseField;
  alibaba: string;
  table: Readonly<Record<string | number, string>>;
  aws: readonly (string | number)[];
}[] = [
  { phase: 'phase1', field: 'encryption', alibaba: 'tunnelIkeConfig.ikeEncAlg', table: ENCRYPTION, aws: AWS_ENCRYPTION },
  { phase: 'phase1', field: 'integrity', alibaba: 'tunnelIkeConfig.ikeAuthAlg', table: INTEGRITY, aws: AWS_INTEGRITY },
  { phase: 'phase1', field: 'dhGroup', alibaba: 'tunnelIkeConfig.ikePfs', table: IKE_PFS, aws: AWS_PHASE1_DH },
  { phase: 'phase2', field: 'encryption', alibaba: 'tunnelIpsecConfig.ipsecEncAlg', table: ENCRYPTION, aws: AWS_ENCRYPTION },
  { phase: 'phase2', field: 'integrity', alibaba: 'tunnelIpsecConfig.ipsecAuthAlg', table: INTEGRITY, aws: AWS_INTEGRITY },
  { phase: 'phase2', field: 'dhGroup', alibaba: 'tunnelIpsecConfig.ipsecPfs', table: IPSEC_PFS, aws: AWS_PHASE2_DH },
];

/** AWS values of a plan field that Alibaba can express too, with their Alibaba names. */
export function valuesBothAccept(phase: Phase, field: PhaseField): string[] {
  const entry = FIELDS.find((f) => f.phase === phase && f.field === field)!;
  return entry.aws.filter((v) => entry.table[v] !== undefined).map((v) => `${v} (${entry.table[v]})`);
}

/**
 * C24 findings: the plan's policy fields Alibaba has no value for, and lifetimes outside Alibaba's
 * range. `at` is the JSON path of the plan's `ipsec` object.
 */
export function alibabaIpsecFindings(policy: IpsecPolicy, at = 'ipsec'): Finding[] {
  const findings: Finding[] = [];
  for (const { phase, field, alibaba, table } of FIELDS) {
    const value = (policy[phase] as IpsecPhase)[field];
    if (table[value] !== undefined) continue;
    findings.push({
      path: `${at}.${phase}.${field}`,
      ruleId: 'AlibabaIpsecPolicy',
      catalogue: ['C24'],
      level: 'error',
      message: `${excerpt(value)} has no Alibaba Cloud value for ${alibaba} (Alibaba allows ${allowedOf(alibaba)}), so the two ends cannot agree.`,
      fix: `one of ${valuesBothAccept(phase, field).join(', ')}.`,
    });
  }
  for (const phase of ['phase1', 'phase2'] as const) {
    const seconds = policy[phase].lifetimeSeconds;
    if (seconds < ALIBABA_LIFETIME.min || seconds > ALIBABA_LIFETIME.max) {
      findings.push({
        path: `${at}.${phase}.lifetimeSeconds`,
        ruleId: 'AlibabaIpsecPolicy',
        catalogue: ['C24'],
        level: 'error',
        message: `${seconds} s is outside Alibaba Cloud's ${
          phase === 'phase1' ? 'ikeLifetime' : 'ipsecLifetime'
        } range ${ALIBABA_LIFETIME.min}–${ALIBABA_LIFETIME.max}.`,
        fix: phase === 'phase1'
          ? 'a value in 900–28800 (both clouds); the default is 28800.'
          : 'a value in 900–3600 (both clouds); the default is 3600.',
      });
    }
  }
  return findings;
}

function allowedOf(alibabaField: string): string {
  if (alibabaField.endsWith('EncAlg')) return ALIBABA_ENCRYPTION.join(', ');
  if (alibabaField.endsWith('AuthAlg')) return ALIBABA_INTEGRITY.join(', ');
  if (alibabaField.endsWith('ikePfs')) return ALIBABA_IKE_PFS.join(', ');
  return ALIBABA_IPSEC_PFS.join(', ');
}
