import {
  AWS_ENCRYPTION,
  AWS_IKE_VERSIONS,
  AWS_INTEGRITY,
  AWS_PHASE1_DH,
  AWS_PHASE1_LIFETIME,
  AWS_PHASE2_DH,
  AWS_PHASE2_LIFETIME,
  AWS_REKEY_FUZZ_PERCENTAGE,
  AWS_REKEY_MARGIN_MIN_SECONDS,
  AWS_REPLAY_WINDOW_SIZE,
  AZURE_POLICY_FIELD,
  AZURE_SA_LIFETIME_MIN_SECONDS,
  azureIpsecPolicy,
  azureUnexpressibleFields,
  type AzureIpsecPolicyValues,
} from '../../plan/ipsec';
import { ipsecSchema, type IpsecPhase, type IpsecPolicy } from '../../plan/schema';
import type { AzureConnectionView, AzureIpsecPolicyView } from '../../peers/azure/view';
import { isUnresolved, resourcesOfType, type CfnResourceView, type CfnView } from '../../check/views/cfn-view';
import { listValues, literalNumber, tunnelSpecsOf, VPN_CONNECTION } from '../../check/views/vpn-template';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { excerpt, quoted } from '../../core/excerpt';

type Phase = 'phase1' | 'phase2';
type PhaseField = 'encryption' | 'integrity' | 'dhGroup';

const AWS_ALLOWED: Record<Phase, Record<PhaseField, readonly (string | number)[]>> = {
  phase1: { encryption: AWS_ENCRYPTION, integrity: AWS_INTEGRITY, dhGroup: AWS_PHASE1_DH },
  phase2: { encryption: AWS_ENCRYPTION, integrity: AWS_INTEGRITY, dhGroup: AWS_PHASE2_DH },
};
const AWS_LIFETIME: Record<Phase, { min: number; max: number; }> = { phase1: AWS_PHASE1_LIFETIME, phase2: AWS_PHASE2_LIFETIME };

/** The Azure policy field each plan field maps to (lib/plan/ipsec.ts). */
const AZURE_FIELD: Record<Phase, Record<PhaseField, keyof AzureIpsecPolicyValues>> = AZURE_POLICY_FIELD;

function withValue(policy: IpsecPolicy, phase: Phase, field: PhaseField, value: string | number): IpsecPolicy {
  return { ...policy, [phase]: { ...policy[phase], [field]: value } as IpsecPhase };
}

/** AWS values of a field that Azure can express too, given the rest of the policy. */
function valuesBothAccept(policy: IpsecPolicy, phase: Phase, field: PhaseField): (string | number)[] {
  return AWS_ALLOWED[phase][field].filter((v) => azureIpsecPolicy(withValue(policy, phase, field, v))[AZURE_FIELD[phase][field]] !== undefined);
}

function planProblems(policy: IpsecPolicy): Violation[] {
  const violations: Violation[] = [];
  // C24 is decided in one place (azureUnexpressibleFields); this rule words it for the plan.
  const unexpressible = new Map(azureUnexpressibleFields(policy).map((u) => [u.path, u]));
  for (const phase of ['phase1', 'phase2'] as const) {
    for (const field of ['encryption', 'integrity', 'dhGroup'] as const) {
      const value = policy[phase][field];
      const path = `ipsec.${phase}.${field}`;
      const both = valuesBothAccept(policy, phase, field).join(', ');
      if (!AWS_ALLOWED[phase][field].includes(value)) {
        violations.push({
          path,
          message: `${excerpt(value)} is not allowed by AWS for ${phase} (allowed: ${AWS_ALLOWED[phase][field].join(', ')}).`,
          fix: `one of ${both}.`,
        });
      } else if (unexpressible.has(path)) {
        violations.push({
          path,
          message: `${excerpt(value)} has no Azure equivalent for the connection's ${
            unexpressible.get(path)!.azureField
          }, so the two ends cannot agree.`,
          fix: `one of ${both}.`,
        });
      }
    }
    const lifetime = policy[phase].lifetimeSeconds;
    const range = AWS_LIFETIME[phase];
    if (lifetime < range.min || lifetime > range.max) {
      violations.push({
        path: `ipsec.${phase}.lifetimeSeconds`,
        message: `${lifetime} s is outside AWS's ${phase} range ${range.min}–${range.max}.`,
        fix: `a value in ${range.min}–${range.max}; AWS's default is ${range.max}.`,
      });
    }
  }
  // Azure's IKE SA lifetime is fixed at 28800 s and local: any phase 1 lifetime AWS accepts is fine.
  const { phase1, phase2 } = policy;
  if (phase2.lifetimeSeconds >= phase1.lifetimeSeconds) {
    violations.push({
      path: 'ipsec.phase2.lifetimeSeconds',
      message: `${phase2.lifetimeSeconds} s is not below the phase 1 lifetime ${phase1.lifetimeSeconds} s.`,
      fix: phase1.lifetimeSeconds <= AWS_PHASE2_LIFETIME.min
        ? `a phase 1 lifetime above ${AWS_PHASE2_LIFETIME.min} s (ipsec.phase1.lifetimeSeconds, e.g. AWS's default 28800), since phase 2 cannot go below ${AWS_PHASE2_LIFETIME.min} s; the defaults are 28800 s and 3600 s.`
        : `less than ${phase1.lifetimeSeconds} and within ${AWS_PHASE2_LIFETIME.min}–${AWS_PHASE2_LIFETIME.max}; the defaults are 28800 s and 3600 s.`,
    });
  }
  return violations;
}

const CFN_LISTS: readonly { property: string; allowed: readonly (string | number)[]; }[] = [
  { property: 'IKEVersions', allowed: AWS_IKE_VERSIONS },
  { property: 'Phase1EncryptionAlgorithms', allowed: AWS_ENCRYPTION },
  { property: 'Phase1IntegrityAlgorithms', allowed: AWS_INTEGRITY },
  { property: 'Phase1DHGroupNumbers', allowed: AWS_PHASE1_DH },
  { property: 'Phase2EncryptionAlgorithms', allowed: AWS_ENCRYPTION },
  { property: 'Phase2IntegrityAlgorithms', allowed: AWS_INTEGRITY },
  { property: 'Phase2DHGroupNumbers', allowed: AWS_PHASE2_DH },
];

function cfnConnectionProblems(connection: CfnResourceView): Violation[] {
  return (tunnelSpecsOf(connection) ?? []).flatMap((spec, index) => {
    const at = (property: string) => `VpnTunnelOptionsSpecifications[${index}].${property}`;
    const violations: Violation[] = [];
    for (const { property, allowed } of CFN_LISTS) {
      for (const value of listValues(spec[property]) ?? []) {
        const normalised = typeof allowed[0] === 'number' ? literalNumber(value) : value;
        if (!allowed.includes(normalised as string | number)) {
          violations.push({
            path: connection.path,
            message: `${at(property)} contains ${JSON.stringify(value)}, which AWS does not allow.`,
            fix: `values from ${allowed.join(', ')}.`,
          });
        }
      }
    }
    const lifetimes = { phase1: spec.Phase1LifetimeSeconds, phase2: spec.Phase2LifetimeSeconds };
    for (const phase of ['phase1', 'phase2'] as const) {
      const seconds = literalNumber(lifetimes[phase]);
      const range = AWS_LIFETIME[phase];
      if (seconds !== undefined && (seconds < range.min || seconds > range.max)) {
        const property = phase === 'phase1' ? 'Phase1LifetimeSeconds' : 'Phase2LifetimeSeconds';
        violations.push({
          path: connection.path,
          message: `${at(property)} is ${seconds}, outside ${range.min}–${range.max}.`,
          fix: `a value in ${range.min}–${range.max}.`,
        });
      }
    }
    // Absent lifetimes take AWS's defaults; a computed one cannot be compared.
    if (!isUnresolved(lifetimes.phase1) && !isUnresolved(lifetimes.phase2)) {
      const phase1 = literalNumber(lifetimes.phase1) ?? AWS_PHASE1_LIFETIME.max;
      const phase2 = literalNumber(lifetimes.phase2) ?? AWS_PHASE2_LIFETIME.max;
      if (phase2 >= phase1) {
        violations.push({
          path: connection.path,
          message: `${at('Phase2LifetimeSeconds')} (${phase2}) is not below Phase1LifetimeSeconds (${phase1}).`,
          fix: `Phase2LifetimeSeconds less than ${phase1}.`,
        });
      }
    }
    violations.push(...rekeyProblems(spec, at).map((v) => ({ ...v, path: connection.path })));
    return violations;
  });
}

/** RekeyMarginTimeSeconds, RekeyFuzzPercentage and ReplayWindowSize outside what AWS accepts (VpnTunnelOptionsSpecification). */
function rekeyProblems(spec: Readonly<Record<string, unknown>>, at: (property: string) => string): Omit<Violation, 'path'>[] {
  const problems: Omit<Violation, 'path'>[] = [];
  const phase2Raw = spec.Phase2LifetimeSeconds;
  const margin = literalNumber(spec.RekeyMarginTimeSeconds);
  // The margin's upper bound is half the phase 2 lifetime (AWS's default 3600 when absent); unknowable when computed.
  if (margin !== undefined && !isUnresolved(phase2Raw)) {
    const phase2 = literalNumber(phase2Raw) ?? AWS_PHASE2_LIFETIME.max;
    const max = Math.floor(phase2 / 2);
    if (margin < AWS_REKEY_MARGIN_MIN_SECONDS || margin > max) {
      problems.push({
        message: `${
          at('RekeyMarginTimeSeconds')
        } is ${margin}; AWS accepts ${AWS_REKEY_MARGIN_MIN_SECONDS} to half of Phase2LifetimeSeconds (${phase2} s → ${max}).`,
        fix: `a value in ${AWS_REKEY_MARGIN_MIN_SECONDS}–${max}; AWS's default is 270.`,
      });
    }
  }
  const ranges = [
    { property: 'RekeyFuzzPercentage', range: AWS_REKEY_FUZZ_PERCENTAGE, fallback: 100 },
    { property: 'ReplayWindowSize', range: AWS_REPLAY_WINDOW_SIZE, fallback: 1024 },
  ];
  for (const { property, range, fallback } of ranges) {
    const value = literalNumber(spec[property]);
    if (value !== undefined && (value < range.min || value > range.max)) {
      problems.push({
        message: `${at(property)} is ${value}, outside ${range.min}–${range.max}.`,
        fix: `a value in ${range.min}–${range.max}; AWS's default is ${fallback}.`,
      });
    }
  }
  return problems;
}

/** What Azure values the AWS-allowed parameters map to, computed from lib/plan/ipsec.ts rather than copied. */
function azureValuesAwsAllows() {
  const base: IpsecPolicy = ipsecSchema.parse({});
  const mapped = (phase: Phase, field: PhaseField) =>
    [
      ...new Set(AWS_ALLOWED[phase][field].flatMap((v) => azureIpsecPolicy(withValue(base, phase, field, v))[AZURE_FIELD[phase][field]] ?? [])),
    ] as string[];
  const ipsecPairs = AWS_ENCRYPTION.flatMap((encryption) =>
    AWS_INTEGRITY.flatMap((integrity) => {
      const azure = azureIpsecPolicy({ ...base, phase2: { ...base.phase2, encryption, integrity } });
      return azure.ipsecEncryption && azure.ipsecIntegrity ? [`${azure.ipsecEncryption}/${azure.ipsecIntegrity}`] : [];
    })
  );
  return {
    ikeEncryption: mapped('phase1', 'encryption'),
    ikeIntegrity: mapped('phase1', 'integrity'),
    dhGroup: mapped('phase1', 'dhGroup'),
    pfsGroup: mapped('phase2', 'dhGroup'),
    ipsecPairs: [...new Set(ipsecPairs)],
  };
}
const AZURE_ALLOWED = azureValuesAwsAllows();
/** How an empty policy field (the plan's value has no Azure equal, C24) shows in a message. */
const UNSET = '(none)';
const shown = (value: string | undefined) => (value === undefined ? `${UNSET} (the plan's algorithm has no Azure equal)` : quoted(value));

function azurePolicyProblems(connection: AzureConnectionView): Violation[] {
  if (connection.ipsecPolicies.length === 0) {
    return [{
      path: `connection ${connection.name}.ipsecPolicies`,
      message: "is empty: Azure offers its default proposals, which are not pinned to the plan's IKE parameters that the AWS tunnels accept.",
      fix: 'one custom IPsec policy, azureIpsecPolicy(plan.ipsec).',
    }];
  }
  return connection.ipsecPolicies.flatMap((policy: AzureIpsecPolicyView, index) => {
    const at = (field: string) => `connection ${connection.name}.ipsecPolicies[${index}].${field}`;
    const violations: Violation[] = [];
    for (const field of ['ikeEncryption', 'ikeIntegrity', 'dhGroup', 'pfsGroup'] as const) {
      const value = policy[field];
      if (value === undefined || !AZURE_ALLOWED[field].includes(value)) {
        violations.push({
          path: at(field),
          message: `${shown(value)} has no counterpart among the values AWS allows.`,
          fix: `one of ${AZURE_ALLOWED[field].join(', ')}.`,
        });
      }
    }
    const pair = `${policy.ipsecEncryption ?? UNSET}/${policy.ipsecIntegrity ?? UNSET}`;
    if (!AZURE_ALLOWED.ipsecPairs.includes(pair)) {
      violations.push({
        path: at('ipsecEncryption'),
        message: `ipsecEncryption/ipsecIntegrity ${quoted(pair)} has no counterpart among the phase 2 algorithms AWS allows.`,
        fix: `one of ${AZURE_ALLOWED.ipsecPairs.join(', ')}.`,
      });
    }
    // SA lifetimes are local on each end and need not match AWS's (Azure custom IPsec/IKE policy page);
    // only what Azure itself refuses is an error.
    if (policy.saLifeTimeSeconds < AZURE_SA_LIFETIME_MIN_SECONDS) {
      violations.push({
        path: at('saLifeTimeSeconds'),
        message:
          `${policy.saLifeTimeSeconds} s is below Azure's minimum Quick Mode SA lifetime of ${AZURE_SA_LIFETIME_MIN_SECONDS} s; Azure refuses the connection.`,
        fix: `at least ${AZURE_SA_LIFETIME_MIN_SECONDS}; the plan's ipsec.phase2.lifetimeSeconds (default 3600).`,
      });
    }
    return violations;
  });
}

export const IkeParametersMatch: Rule = {
  id: 'IkeParametersMatch',
  catalogue: ['C24'],
  level: 'error',
  summary: "IKE parameters are ones both AWS and Azure accept, with lifetimes in AWS's ranges and phase 2 below phase 1.",
  explanation: 'Seed 002 and the AWS Site-to-Site VPN tunnel options documentation (CloudFormation VpnTunnelOptionsSpecification): ' +
    'AWS allows IKE versions ikev1/ikev2, phase 1 DH groups 2, 14–24, phase 2 DH groups 2, 5, 14–24, AES128/AES256 (and ' +
    'GCM), SHA1/SHA2-256/384/512, phase 1 lifetime 900–28800 s, phase 2 900–3600 s and below phase 1, ' +
    'RekeyMarginTimeSeconds 60 to half the phase 2 lifetime, RekeyFuzzPercentage 0–100, ReplayWindowSize 64–2048; a ' +
    'hand-written template with other values fails at deploy, so it is an error at synth. Azure custom IPsec/IKE policy ' +
    'documentation: a smaller set of algorithms, which both ends must agree on; SA lifetimes are "local specifications ' +
    "that don't need to match\" (Azure's IKE SA lifetime is fixed at 28800 s, its Quick Mode SA lifetime is at least " +
    '300 s), so any phase 1 lifetime AWS accepts is valid. The mapping is lib/plan/ipsec.ts.',
  fix: 'the defaults: AES256, SHA2-256, DH group 14 for both phases, lifetimes 28800 s / 3600 s.',
  plan: ({ spec }) => planProblems(spec.ipsec),
  cfn: (view: CfnView) => resourcesOfType(view, VPN_CONNECTION).flatMap(cfnConnectionProblems),
  azure: ({ connections }) => connections.flatMap(azurePolicyProblems),
};
