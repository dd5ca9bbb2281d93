/**
 * The plan's IPsec policy in each cloud's vocabulary (C24). Plain data, no SDK: the AWS half puts
 * `awsTunnelOptions` into `VpnTunnelOptionsSpecifications`, the Azure half `azureIpsecPolicy` into
 * the connection's `ipsecPolicies`. A value one cloud cannot express maps to `undefined`; the
 * IkeParameters rule reports it before anything is built.
 */
import type { IpsecPhase, IpsecPolicy } from './schema';

/**
 * What AWS accepts (AWS Site-to-Site VPN tunnel options; CloudFormation `VpnTunnelOptionsSpecification`,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-ec2-vpnconnection-vpntunneloptionsspecification.html).
 */
export const AWS_ENCRYPTION = ['AES128', 'AES256', 'AES128-GCM-16', 'AES256-GCM-16'] as const;
export const AWS_INTEGRITY = ['SHA1', 'SHA2-256', 'SHA2-384', 'SHA2-512'] as const;
export const AWS_PHASE1_DH = [2, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24] as const;
export const AWS_PHASE2_DH = [2, 5, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24] as const;
export const AWS_PHASE1_LIFETIME = { min: 900, max: 28800 } as const;
export const AWS_PHASE2_LIFETIME = { min: 900, max: 3600 } as const;
export const AWS_DPD_MIN_SECONDS = 30;
/** `DPDTimeoutAction`: Valid Values clear | none | restart (default clear). */
export const AWS_DPD_TIMEOUT_ACTIONS = ['clear', 'none', 'restart'] as const;
/** `StartupAction`: Valid Values add | start (default add). */
export const AWS_STARTUP_ACTIONS = ['add', 'start'] as const;
/** `IKEVersions`: ikev1 | ikev2. */
export const AWS_IKE_VERSIONS = ['ikev1', 'ikev2'] as const;
/** `RekeyMarginTimeSeconds`: "a value between 60 and half of Phase2LifetimeSeconds" (default 270). */
export const AWS_REKEY_MARGIN_MIN_SECONDS = 60;
/** `RekeyFuzzPercentage`: "a value between 0 and 100" (default 100). */
export const AWS_REKEY_FUZZ_PERCENTAGE = { min: 0, max: 100 } as const;
/** `ReplayWindowSize`: "a value between 64 and 2048" (default 1024). */
export const AWS_REPLAY_WINDOW_SIZE = { min: 64, max: 2048 } as const;
export const AZURE_DPD = { min: 9, max: 3600 } as const;
/**
 * Azure's IKE (Main Mode, phase 1) SA lifetime is fixed at 28800 s. SA lifetimes are "local
 * specifications that don't need to match" (Azure, "Configure custom IPsec/IKE connection policies",
 * https://learn.microsoft.com/azure/vpn-gateway/ipsec-ike-policy-howto), so AWS's phase 1 lifetime
 * may be any value AWS accepts.
 */
export const AZURE_IKE_SA_LIFETIME = 28800;
/** Azure's Quick Mode (phase 2) `saLifeTimeSeconds`: "minimum 300" (same page); local, need not match AWS's. */
export const AZURE_SA_LIFETIME_MIN_SECONDS = 300;

const AZURE_ENCRYPTION: Record<string, string> = {
  AES128: 'AES128',
  AES256: 'AES256',
  'AES128-GCM-16': 'GCMAES128',
  'AES256-GCM-16': 'GCMAES256',
};
const AZURE_IKE_INTEGRITY: Record<string, string> = { SHA1: 'SHA1', 'SHA2-256': 'SHA256', 'SHA2-384': 'SHA384' };
const AZURE_IPSEC_INTEGRITY: Record<string, string> = { SHA1: 'SHA1', 'SHA2-256': 'SHA256' };
const AZURE_DH_GROUP: Record<number, string> = { 2: 'DHGroup2', 14: 'DHGroup14', 19: 'ECP256', 20: 'ECP384', 24: 'DHGroup24' };
const AZURE_PFS_GROUP: Record<number, string> = { 2: 'PFS2', 14: 'PFS2048', 19: 'ECP256', 20: 'ECP384', 24: 'PFS24' };

/** Fields of CloudFormation's `VpnTunnelOptionsSpecification` that carry the policy. */
export function awsTunnelOptions(policy: IpsecPolicy) {
  const values = <T>(v: T) => [{ Value: v }];
  return {
    IKEVersions: values(policy.ikeVersion),
    Phase1EncryptionAlgorithms: values(policy.phase1.encryption),
    Phase1IntegrityAlgorithms: values(policy.phase1.integrity),
    Phase1DHGroupNumbers: values(policy.phase1.dhGroup),
    Phase1LifetimeSeconds: policy.phase1.lifetimeSeconds,
    Phase2EncryptionAlgorithms: values(policy.phase2.encryption),
    Phase2IntegrityAlgorithms: values(policy.phase2.integrity),
    Phase2DHGroupNumbers: values(policy.phase2.dhGroup),
    Phase2LifetimeSeconds: policy.phase2.lifetimeSeconds,
    DPDTimeoutSeconds: policy.dpdTimeoutSeconds,
    DPDTimeoutAction: policy.dpdTimeoutAction,
  };
}

/** An Azure IPsec policy (azure-native `IpsecPolicyArgs` values), fields undefined where Azure has no equal. */
export interface AzureIpsecPolicyValues {
  readonly ikeEncryption?: string;
  readonly ikeIntegrity?: string;
  readonly dhGroup?: string;
  readonly ipsecEncryption?: string;
  readonly ipsecIntegrity?: string;
  readonly pfsGroup?: string;
  readonly saLifeTimeSeconds: number;
  /** Azure's default; AWS has no data-size lifetime. */
  readonly saDataSizeKilobytes: number;
}

function azureIpsecIntegrity(phase2: IpsecPhase): string | undefined {
  // With GCM, Azure wants the same GCM algorithm as integrity; AWS negotiates GCM's own integrity.
  const encryption = AZURE_ENCRYPTION[phase2.encryption];
  if (encryption?.startsWith('GCM')) return encryption;
  return AZURE_IPSEC_INTEGRITY[phase2.integrity];
}

export function azureIpsecPolicy(policy: IpsecPolicy): AzureIpsecPolicyValues {
  return {
    ikeEncryption: AZURE_ENCRYPTION[policy.phase1.encryption],
    ikeIntegrity: AZURE_IKE_INTEGRITY[policy.phase1.integrity],
    dhGroup: AZURE_DH_GROUP[policy.phase1.dhGroup],
    ipsecEncryption: AZURE_ENCRYPTION[policy.phase2.encryption],
    ipsecIntegrity: azureIpsecIntegrity(policy.phase2),
    pfsGroup: AZURE_PFS_GROUP[policy.phase2.dhGroup],
    saLifeTimeSeconds: policy.phase2.lifetimeSeconds,
    saDataSizeKilobytes: 102400000,
  };
}

/** The Azure policy field each plan IPsec field maps to (C24). */
export const AZURE_POLICY_FIELD = {
  phase1: { encryption: 'ikeEncryption', integrity: 'ikeIntegrity', dhGroup: 'dhGroup' },
  phase2: { encryption: 'ipsecEncryption', integrity: 'ipsecIntegrity', dhGroup: 'pfsGroup' },
} as const satisfies Record<'phase1' | 'phase2', Record<'encryption' | 'integrity' | 'dhGroup', keyof AzureIpsecPolicyValues>>;

/** A plan IPsec field whose value Azure cannot express (C24). */
export interface UnexpressibleIpsecField {
  /** The plan path, `ipsec.phase1.encryption`. */
  readonly path: string;
  /** The Azure policy field that would stay empty. */
  readonly azureField: keyof AzureIpsecPolicyValues;
  readonly value: string | number;
}

/**
 * C24, "algorithms Azure cannot express": the ONE place this is decided. The IKE rule (plan scope) and the
 * Azure design (every plan on a shared gateway) both call it; the component only asserts the result.
 */
export function azureUnexpressibleFields(policy: IpsecPolicy): UnexpressibleIpsecField[] {
  const azure = azureIpsecPolicy(policy);
  const out: UnexpressibleIpsecField[] = [];
  for (const phase of ['phase1', 'phase2'] as const) {
    for (const field of ['encryption', 'integrity', 'dhGroup'] as const) {
      const azureField = AZURE_POLICY_FIELD[phase][field];
      if (azure[azureField] === undefined) out.push({ path: `ipsec.${phase}.${field}`, azureField, value: policy[phase][field] });
    }
  }
  return out;
}
