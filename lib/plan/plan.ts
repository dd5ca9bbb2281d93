/**
 * `planVpn`: plan input → resolved, immutable plan, or one error carrying every finding.
 *
 * Steps: shape (zod, strict) → draft tunnels (explicit entries, then allocation of the rest) →
 * every rule's plan check (lib/rules) → derived addresses. Rules need typed values: when the shape
 * check fails, they run on the fields that did parse (refused ones at their defaults), so a typo in
 * one field never hides the rule errors of the others.
 */
import type { z } from 'zod';
import { bgpAddressesOf, parseIpv4Cidr } from '../core/address';
import { ApipaAllocator, ALIBABA_INSIDE_RANGE } from './allocate';
import { resolveAwsTarget } from './aws-target';
import { jsonPath } from '../core/errors';
import { planInputSchema, type PlanSpec } from './schema';
import { tunnelId, type AwsTunnelNumber, type AzureInstance, type ResolvedPlan, type ResolvedTunnel } from './types';
import type { DraftTunnel } from './context';
import type { Finding } from '../core/finding';

export interface PlanOptions {
  /**
   * Plans already attached to the same Azure gateway. Their inside CIDRs are taken: the allocator
   * skips them and an explicit overlap is a C04 error. @default none
   */
  readonly sharedGateway?: readonly ResolvedPlan[];
}

/** Why a plan may not name Azure and Alibaba together (issue 10; README "AWS ↔ Alibaba Cloud"). */
export const AZURE_AND_ALIBABA_REFUSED =
  'a plan has one peer, and this one names both azure and alibaba. Azure ↔ Alibaba is out of scope: an Azure local network ' +
  'gateway holds one BGP peer address, so the four-tunnel design with BGP per tunnel is unresolved, and half of it is not built.';

/** The finding of a plan input naming both peers, or undefined. Read from the raw input: `azure` has a default. */
export function peerKindFinding(input: unknown): Finding | undefined {
  if (input === null || typeof input !== 'object' || !('azure' in input) || !('alibaba' in input)) return undefined;
  return {
    path: 'alibaba',
    ruleId: 'OnePeerKind',
    catalogue: [],
    level: 'error',
    message: AZURE_AND_ALIBABA_REFUSED,
    fix: 'remove `azure` for AWS ↔ Alibaba (examples/alibaba-plan.json), or `alibaba` for AWS ↔ Azure (vpn-plan.json).',
  };
}

const INSTANCES: readonly AzureInstance[] = [0, 1];
const AWS_TUNNELS: readonly AwsTunnelNumber[] = [1, 2];

/** Explicit tunnels first (they claim their blocks), then allocation for the rest, in instance order. */
/** @internal Draft tunnels (explicit, then allocated) for lib/check/validate.ts. */
export function draftTunnels(spec: PlanSpec, sharedGateway: readonly ResolvedPlan[]): { tunnels: DraftTunnel[]; findings: Finding[]; } {
  const findings: Finding[] = [];
  // Azure: its APIPA window (C03); Alibaba: all of 169.254.0.0/16 but the reserved blocks (C35).
  const allocator = spec.alibaba === undefined ? new ApipaAllocator() : new ApipaAllocator(ALIBABA_INSIDE_RANGE);
  const explicit = new Map<string, DraftTunnel>();
  (spec.tunnels ?? []).forEach((entry, index) => {
    const id = tunnelId(entry.azureInstance, entry.awsTunnel);
    if (explicit.has(id)) {
      findings.push({
        path: jsonPath(['tunnels', index]),
        ruleId: 'Schema',
        catalogue: ['C15'],
        level: 'error',
        message: `a second entry for Azure instance ${entry.azureInstance}, AWS tunnel ${entry.awsTunnel}.`,
        fix: 'one entry per (azureInstance, awsTunnel) pair: four tunnels at most.',
      });
      return;
    }
    explicit.set(id, { ...entry, path: jsonPath(['tunnels', index]), allocated: entry.insideCidr === undefined });
  });
  const taken = [
    ...spec.azure.apipaInUse,
    // Other VPN connections' inside CIDRs on an existing transit gateway (C04 per gateway).
    ...(spec.aws.target.kind === 'tgw' ? spec.aws.target.insideCidrsInUse : []),
    ...sharedGateway.flatMap((p) => p.tunnels.map((t) => t.insideCidr)),
    ...[...explicit.values()].flatMap((t) => (t.insideCidr ? [t.insideCidr] : [])),
  ];
  for (const cidr of taken) {
    const parsed = parseIpv4Cidr(cidr);
    if (parsed) allocator.markUsed(parsed);
  }
  const tunnels: DraftTunnel[] = [];
  for (const azureInstance of INSTANCES) {
    for (const awsTunnel of AWS_TUNNELS) {
      const given = explicit.get(tunnelId(azureInstance, awsTunnel));
      if (given?.insideCidr !== undefined) {
        tunnels.push(given);
        continue;
      }
      const insideCidr = allocator.allocate(awsTunnel);
      const path = given?.path ?? 'tunnels';
      if (insideCidr === undefined) {
        findings.push({
          path,
          ruleId: 'Schema',
          catalogue: ['C03', 'C04'],
          level: 'error',
          message: spec.alibaba === undefined
            ? `no free /30 left in Azure's APIPA range 169.254.21.0–169.254.22.255 for ${tunnelId(azureInstance, awsTunnel)}.`
            : `no free /30 left in 169.254.0.0/16 (without the reserved blocks) for ${tunnelId(azureInstance, awsTunnel)}.`,
          fix: 'free a block on the shared Azure gateway (azure.apipaInUse, other plans) or use another gateway.',
        });
      }
      tunnels.push({ azureInstance, awsTunnel, insideCidr, path, allocated: true });
    }
  }
  return { tunnels, findings };
}

/** @internal used by lib/check/validate.ts. */
export function resolve(spec: PlanSpec, drafts: readonly DraftTunnel[]): ResolvedPlan {
  const byInstance = (i: AzureInstance) => drafts.filter((t) => t.azureInstance === i);
  const apipaByInstance = [
    byInstance(0).map((t) => bgpAddressesOf(t.insideCidr!).azure),
    byInstance(1).map((t) => bgpAddressesOf(t.insideCidr!).azure),
  ] as const;
  const tunnels: ResolvedTunnel[] = drafts.map((t) => {
    const { aws, azure } = bgpAddressesOf(t.insideCidr!);
    const other = apipaByInstance[1 - t.azureInstance][0];
    return {
      id: tunnelId(t.azureInstance, t.awsTunnel),
      azureInstance: t.azureInstance,
      awsConnection: (t.azureInstance + 1) as 1 | 2,
      awsTunnel: t.awsTunnel,
      insideCidr: t.insideCidr!,
      awsBgpIp: aws,
      azureBgpIp: azure,
      allocated: t.allocated,
      azureCustomBgpIps: t.azureInstance === 0 ? [azure, other] : [other, azure],
    };
  });
  return deepFreeze({
    name: spec.name,
    aws: { ...spec.aws, target: resolveAwsTarget(spec.aws.target, spec) },
    azure: { ...spec.azure, apipaByInstance },
    ...(spec.alibaba === undefined ? {} : { alibaba: spec.alibaba }),
    customerGatewayAsn: spec.alibaba?.localAsn ?? spec.azure.asn,
    tunnels,
    ipsec: spec.ipsec,
    tags: spec.tags,
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** `value` with the field at `segments` removed; containers along the path are copied, nothing else is (no deep walk). */
function withoutField(value: unknown, segments: readonly (string | number)[]): unknown {
  if (segments.length === 0 || value === null || typeof value !== 'object') return value;
  const [head, ...rest] = segments;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  if (rest.length === 0) delete copy[head];
  else copy[head] = withoutField(copy[head], rest);
  return copy;
}

/**
 * The input without the fields that failed the shape check, so that the rules can still check the
 * rest ("every finding at once" holds with a typo too). A bad field falls back to its default; a bad
 * item of a list drops the whole list (its indices would otherwise shift under the rules' paths).
 * Returns the parsed rest and the paths given up, or undefined when no shape remains.
 */
/** @internal used by lib/check/validate.ts. */
export function parseWhatParses(input: unknown, error: z.ZodError): { spec: PlanSpec; dropped: string[]; } | undefined {
  let current = input;
  let issues = error.issues;
  const dropped: string[] = [];
  // Each pass removes every failing field; a removal can only surface a "required" issue one level up.
  for (let pass = 0; pass < 4; pass++) {
    for (const issue of issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) current = withoutField(current, [...issue.path, key]);
        continue;
      }
      const list = issue.path.findIndex((s) => typeof s === 'number');
      const at = list === -1 ? issue.path : issue.path.slice(0, list);
      if (at.length === 0) return undefined;
      current = withoutField(current, at);
      dropped.push(jsonPath(at));
    }
    const parsed = planInputSchema.safeParse(current);
    if (parsed.success) return { spec: parsed.data, dropped };
    issues = parsed.error.issues;
  }
  return undefined;
}
