/**
 * The plan file's shape (`vpn-plan.json`): field names, types and documented defaults.
 *
 * Only shape lives here: strict objects (an unknown field is an error, so a typo never becomes a
 * default) and types. Whether a value is allowed (an ASN range, a CIDR, an algorithm) is a rule in
 * `lib/rules/`, so that every such finding names its catalogue number.
 */
import { z } from 'zod';
import { alibabaPeerSchema } from './alibaba';
import { awsTargetSchema } from './aws-target';
import { tagProblems } from './tags';

const int = () => z.number().int();

export const ipsecPhaseSchema = (defaults: { lifetimeSeconds: number; }) =>
  z
    .object({
      /** AWS name: AES128, AES256, AES128-GCM-16 or AES256-GCM-16. @default AES256 */
      encryption: z.string().default('AES256'),
      /** AWS name: SHA1, SHA2-256, SHA2-384 or SHA2-512. @default SHA2-256 */
      integrity: z.string().default('SHA2-256'),
      /** Diffie-Hellman group number (phase 2: the PFS group). @default 14 */
      dhGroup: int().default(14),
      /** SA lifetime. @default 28800 (phase 1), 3600 (phase 2) */
      lifetimeSeconds: int().default(defaults.lifetimeSeconds),
    })
    .strict();

export const ipsecSchema = z
  .object({
    /** @default ikev2 (C25) */
    ikeVersion: z.enum(['ikev1', 'ikev2']).default('ikev2'),
    phase1: ipsecPhaseSchema({ lifetimeSeconds: 28800 }).default({}),
    phase2: ipsecPhaseSchema({ lifetimeSeconds: 3600 }).default({}),
    /** Dead-peer detection timeout, applied to both ends (C21). @default 30 */
    dpdTimeoutSeconds: int().default(30),
    /** What an AWS tunnel does on DPD timeout; `restart` re-initiates (C20). @default restart */
    dpdTimeoutAction: z.enum(['clear', 'none', 'restart']).default('restart'),
  })
  .strict();

export const awsSchema = z
  .object({
    /** Amazon side ASN of the virtual private gateway (C08). @default 64512 */
    asn: int().default(64512),
    /** @default 10.2.0.0/16 */
    vpcCidr: z.string().default('10.2.0.0/16'),
    /** Region, when known: some customer gateway ASNs are refused per region (C09). */
    region: z.string().optional(),
    /** Who starts IKE: `start` because the Azure side only answers (C20). @default start */
    startupAction: z.enum(['add', 'start']).default('start'),
    /** A virtual private gateway supports IPv4 inside addresses only (C06). @default ipv4 */
    tunnelInsideIpVersion: z.enum(['ipv4', 'ipv6']).default('ipv4'),
    /** VPN connections already terminating on the same VGW (C19 counts them). @default 0 */
    existingVpnConnections: int().min(0).default(0),
    /** Accelerated VPN: a VGW cannot have it (C27). @default false */
    enableAcceleration: z.boolean().default(false),
    /** Length of each generated pre-shared key (C22: 8–64). @default 32 */
    presharedKeyLength: int().default(32),
    /**
     * The gateway the VPN connections end on: `{ kind: 'vgw' }` (a virtual private gateway, 0.1's design)
     * or `{ kind: 'tgw', … }` (a transit gateway with ECMP, acceleration; lib/plan/aws-target.ts).
     * @default { kind: 'vgw' }
     */
    target: awsTargetSchema,
  })
  .strict();

export const azureSchema = z
  .object({
    /** Azure VPN gateway ASN (C07, C10). @default 65000 */
    asn: int().default(65000),
    /** @default 10.1.0.0/16 */
    vnetCidr: z.string().default('10.1.0.0/16'),
    /** @default 10.1.1.0/24 */
    gatewaySubnetCidr: z.string().default('10.1.1.0/24'),
    /**
     * An availability-zone SKU: Azure no longer creates VpnGw1–5 (C38; seed 004 names VpnGw2).
     * @default VpnGw2AZ
     */
    sku: z.string().default('VpnGw2AZ'),
    /** @default Generation2 */
    generation: z.string().default('Generation2'),
    /** Two gateway instances, one per AWS VPN connection (C14). @default true */
    activeActive: z.boolean().default(true),
    /** Azure connections only answer; AWS tunnels start (C20). @default ResponderOnly */
    connectionMode: z.enum(['Default', 'InitiatorOnly', 'ResponderOnly']).default('ResponderOnly'),
    /** @default TestRG1 */
    resourceGroupName: z.string().min(1).default('TestRG1'),
    /** Programmatic Azure region name; decides the public IPs' zones (C38). @default eastus */
    location: z.string().min(1).default('eastus'),
    /** @default VNet1 */
    vnetName: z.string().min(1).default('VNet1'),
    /** @default VNet1GW */
    gatewayName: z.string().min(1).default('VNet1GW'),
    /**
     * APIPA blocks already used by other connections on the same Azure gateway (other VPCs, other
     * sites). The allocator skips them and C04 refuses explicit overlaps. @default []
     */
    apipaInUse: z.array(z.string()).default([]),
  })
  .strict();

export const tunnelSchema = z
  .object({
    /** Azure gateway instance the tunnel lands on; instance i faces AWS VPN connection i + 1. */
    azureInstance: z.union([z.literal(0), z.literal(1)]),
    /** AWS tunnel number within its VPN connection. */
    awsTunnel: z.union([z.literal(1), z.literal(2)]),
    /** The tunnel's inside /30; allocated from Azure's APIPA range when left out. */
    insideCidr: z.string().optional(),
  })
  .strict();

export const planInputSchema = z
  .object({
    /** Names resources and outputs. @default multicloud-vpn */
    name: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]{0,39}$/, 'a letter, then up to 39 letters, digits or hyphens')
      .default('multicloud-vpn'),
    aws: awsSchema.default({}),
    azure: azureSchema.default({}),
    /**
     * An Alibaba Cloud peer instead of Azure (issue 10; README "AWS ↔ Alibaba Cloud"). A plan names one peer:
     * `azure` and `alibaba` together are refused (OnePeerKind). @default undefined: the Azure peer
     */
    alibaba: alibabaPeerSchema.optional(),
    /** Tunnels with explicit inside CIDRs; the others are allocated. @default the documented table */
    tunnels: z.array(tunnelSchema).optional(),
    ipsec: ipsecSchema.default({}),
    /**
     * Tags (AWS) and tags (Azure) on every resource; refused here when either cloud would refuse them
     * at deploy (lib/plan/tags.ts: count, lengths, reserved prefix, characters). @default {}
     */
    tags: z
      .record(z.string(), z.string())
      .superRefine((tags, ctx) => {
        for (const problem of tagProblems(tags)) {
          const path = problem.key === undefined ? [] : [problem.key];
          ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: problem.message, params: { fix: problem.fix } });
        }
      })
      .default({}),
  })
  .strict();

/** What a user writes: every field optional. */
export type PlanInput = z.input<typeof planInputSchema>;
/** The input with every default applied. */
export type PlanSpec = z.output<typeof planInputSchema>;
export type IpsecPolicy = PlanSpec['ipsec'];
export type IpsecPhase = IpsecPolicy['phase1'];
