/**
 * The IPsec policy families the twin brings up, one run each. Together with the default plan they
 * use every value the plan accepts for every field at least once (test/twin/translations.test.ts derives
 * the accepted values from `planVpn` and checks the cover): AES-CBC with SHA-1 and SHA-2, AES-GCM in
 * phase 1 and 2, DH groups 2, 14, 19, 20 and 24 in both phases.
 */
import type { PlanInput } from '../plan/schema';

export interface PolicyFamily {
  readonly id: string;
  readonly title: string;
  readonly ipsec: NonNullable<PlanInput['ipsec']>;
}

export const POLICY_FAMILIES: readonly PolicyFamily[] = [
  {
    id: 'default',
    title: 'the default plan: AES256-CBC, SHA2-256, DH 14 in both phases',
    ipsec: {},
  },
  {
    id: 'cbc-sha1-dh2',
    title: 'AES128-CBC with SHA1, DH group 2 (MODP-1024) in both phases',
    ipsec: { phase1: { encryption: 'AES128', integrity: 'SHA1', dhGroup: 2 }, phase2: { encryption: 'AES128', integrity: 'SHA1', dhGroup: 2 } },
  },
  {
    id: 'cbc-sha384-dh24',
    title: 'AES256-CBC with SHA2-384 (phase 1) and SHA2-256 (phase 2), DH group 24',
    ipsec: {
      phase1: { encryption: 'AES256', integrity: 'SHA2-384', dhGroup: 24 },
      phase2: { encryption: 'AES256', integrity: 'SHA2-256', dhGroup: 24 },
    },
  },
  {
    id: 'gcm128-ecp256',
    title: 'AES128-GCM-16 in both phases (PRF SHA2-384), ECP-256 (group 19)',
    ipsec: { phase1: { encryption: 'AES128-GCM-16', integrity: 'SHA2-384', dhGroup: 19 }, phase2: { encryption: 'AES128-GCM-16', dhGroup: 19 } },
  },
  {
    id: 'gcm256-ecp384',
    title: 'AES256-GCM-16 in both phases (PRF SHA2-256), ECP-384 (group 20)',
    ipsec: { phase1: { encryption: 'AES256-GCM-16', integrity: 'SHA2-256', dhGroup: 20 }, phase2: { encryption: 'AES256-GCM-16', dhGroup: 20 } },
  },
];
