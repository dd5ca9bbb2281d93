/**
 * The plan's `aws.target`: the gateway the two VPN connections end on (`awsSchema.target`,
 * lib/plan/schema.ts). What the plan, the rules and the construct use:
 *
 * - `awsTargetSchema`: shape (zod, strict per kind). `{ kind: 'vgw' }` is the default and today's
 *   design; `{ kind: 'tgw', … }` a transit gateway, new or existing.
 * - `awsTargetViolations`: the cross-field checks, each run by the rule that owns it through
 *   `violationsOwnedBy` (C08 VgwAsnIsPrivate, C11 PeerAsnsMatch, C27 NoAccelerationOnVgw, C29
 *   TransitGatewayVpnRouting, C04 InsideCidrUnique); tunnel bandwidth, which has no catalogue number,
 *   is a shape finding (`awsTargetShapeFindings`, called by validatePlan).
 * - `resolveAwsTarget`: the resolved, construct-ready target (`ResolvedPlan.aws.target`, read by lib/aws/targets/tgw.ts).
 * - `awsTargetReplacements`: what a target change replaces, for `multicloud-vpn diff`.
 * - `validateAwsTarget`: all of the above as findings, for a target given alone.
 *
 * Sources: CloudFormation AWS::EC2::TransitGateway and AWS::EC2::VPNConnection; AWS Site-to-Site VPN
 * User Guide, "Tunnel options" (Large Bandwidth Tunnels: "Accelerated VPN is not supported", region
 * list, "You can't modify an existing tunnel to use Large Bandwidth Tunnels"); EC2 API
 * ModifyTransitGatewayOptions (the ASN cannot change while VPN attachments exist); seed 000 (ECMP).
 */
import { z } from 'zod';
import type { CatalogueNumber, Finding, Violation } from '../core/finding';
import { schemaFindings } from '../core/errors';

/** `tgw-` and 8 or 17 lowercase hexadecimal digits (EC2 resource id formats, short and long). */
export const TRANSIT_GATEWAY_ID = /^tgw-([0-9a-f]{8}|[0-9a-f]{17})$/;
export const TRANSIT_GATEWAY_ROUTE_TABLE_ID = /^tgw-rtb-([0-9a-f]{8}|[0-9a-f]{17})$/;
export const SUBNET_ID = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** AWS Site-to-Site VPN User Guide, "Large Bandwidth Tunnels", Region availability: not offered in these. */
export const LARGE_TUNNEL_UNAVAILABLE_REGIONS: readonly string[] = ['ap-southeast-4', 'ca-west-1', 'eu-central-2', 'il-central-1', 'me-central-1'];
/** The private ASN ranges of AWS::EC2::TransitGateway AmazonSideAsn (same as a VGW's, C08). */
const PRIVATE_ASN = '64512–65534 or 4200000000–4294967294';
const EXAMPLE_TGW_ID = 'tgw-0123456789abcdef0';

const enableOrDisable = z.enum(['enable', 'disable']);

/** Subnets of the VPC attachment; their route tables get the static routes to the TGW (C28). */
export const tgwSubnetsSchema = z.union([
  z.object({
    /** By type, as the construct selects them: one per Availability Zone for the attachment. */
    type: z.enum(['private', 'isolated', 'public']),
  }).strict(),
  z.object({
    /** By id: at most one per Availability Zone ("You can specify at most one subnet per Availability Zone"). */
    ids: z
      .array(z.string().regex(SUBNET_ID, "a subnet id: 'subnet-' and 8 or 17 hexadecimal digits, such as subnet-0123456789abcdef0"))
      .min(1, 'at least one subnet id, one per Availability Zone')
      .superRefine((ids, ctx) => {
        ids.forEach((id, i) => {
          if (ids.indexOf(id) !== i) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [i],
              message: `'${id}' is listed twice (also ids[${ids.indexOf(id)}]).`,
              params: { fix: 'each subnet once, one per Availability Zone.' },
            });
          }
        });
      }),
  }).strict(),
]);

const tgwShape = {
  /** An existing transit gateway; none is created. @default - a new `AWS::EC2::TransitGateway` */
  transitGatewayId: z.string().regex(TRANSIT_GATEWAY_ID, `a transit gateway id: 'tgw-' and 8 or 17 hexadecimal digits, such as ${EXAMPLE_TGW_ID}`)
    .optional(),
  /** A new gateway's Amazon side ASN (C08 range). @default aws.asn, which the peer's BGP sessions use (C11) */
  amazonSideAsn: z.number().int().optional(),
  /** VPN ECMP: all four tunnels carry traffic towards the active/active peer (C29). @default enable */
  vpnEcmpSupport: enableOrDisable.default('enable'),
  /** The gateway associates new attachments with its default route table. @default disable (new); required (existing) */
  defaultRouteTableAssociation: enableOrDisable.optional(),
  /** The gateway propagates new attachments into its default route table. @default disable (new); required (existing) */
  defaultRouteTablePropagation: enableOrDisable.optional(),
  /**
   * Route table for the VPN and VPC attachments: `new` (made here), `default` (the gateway's own, when
   * it associates and propagates by itself) or an existing one by id. @default new
   */
  routeTable: z
    .union([
      z.literal('new'),
      z.literal('default'),
      z.object({
        id: z.string().regex(
          TRANSIT_GATEWAY_ROUTE_TABLE_ID,
          "a transit gateway route table id: 'tgw-rtb-' and 8 or 17 hexadecimal digits, such as tgw-rtb-0123456789abcdef0",
        ),
      }).strict(),
    ])
    .default('new'),
  /** The plan VPC's attachment. @default { subnets: { type: 'private' } } */
  vpcAttachment: z.object({ subnets: tgwSubnetsSchema.default({ type: 'private' }) }).strict().default({}),
  /** Accelerated VPN (C27: only on a TGW; the peer must admit NAT-T, UDP 4500). Create-only. @default false */
  enableAcceleration: z.boolean().default(false),
  /** Per-tunnel bandwidth: standard up to 1.25 Gbps, large up to 5 Gbps (not with acceleration). @default standard */
  tunnelBandwidth: z.enum(['standard', 'large']).default('standard'),
  /** Inside CIDRs of other VPN connections on an existing gateway: the allocator skips them, C04 refuses overlaps. @default [] */
  insideCidrsInUse: z.array(z.string()).default([]),
};

export const tgwTargetSchema = z.object({ kind: z.literal('tgw'), ...tgwShape }).strict();

/** Which catalogue numbers a transit-gateway-only field belongs to, for the VGW refusal. */
const TGW_ONLY_CATALOGUE: Partial<Record<keyof typeof tgwShape, CatalogueNumber[]>> = {
  enableAcceleration: ['C27'],
  vpnEcmpSupport: ['C29'],
  defaultRouteTableAssociation: ['C29'],
  defaultRouteTablePropagation: ['C29'],
  routeTable: ['C29'],
  vpcAttachment: ['C28'],
  amazonSideAsn: ['C08'],
  insideCidrsInUse: ['C04'],
};

/** A field that only a transit gateway has: on a VGW it is refused by name, with its catalogue number. */
function tgwOnly(field: keyof typeof tgwShape) {
  const catalogue = TGW_ONLY_CATALOGUE[field] ?? [];
  return z.unknown().superRefine((value, ctx) => {
    if (value === undefined) return;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `only a transit gateway has ${field}; this target is a virtual private gateway (kind 'vgw').`,
      params: { fix: `kind 'tgw' to use ${field}, or leave ${field} out.`, catalogue },
    });
  });
}

export const vgwTargetSchema = z
  .object({
    kind: z.literal('vgw'),
    ...(Object.fromEntries(Object.keys(tgwShape).map((k) => [k, tgwOnly(k as keyof typeof tgwShape)])) as Record<
      keyof typeof tgwShape,
      z.ZodEffects<z.ZodUnknown>
    >),
  })
  .strict();

/**
 * `aws.target`. The VGW branch lists the TGW fields only to refuse them by name (C27 for
 * acceleration rather than "unknown field"); its output is `{ kind: 'vgw' }` alone.
 */
export const awsTargetSchema = z
  .discriminatedUnion('kind', [vgwTargetSchema, tgwTargetSchema], {
    errorMap: (issue, ctx) =>
      issue.code === z.ZodIssueCode.invalid_union_discriminator
        ? { message: "a gateway kind: 'vgw' (the default, a virtual private gateway) or 'tgw' (a transit gateway)" }
        : { message: ctx.defaultError },
  })
  .transform((t): AwsTargetSpec => (t.kind === 'vgw' ? { kind: 'vgw' } : t))
  .default({ kind: 'vgw' });

export type TgwTargetSpec = z.output<typeof tgwTargetSchema>;
/** The parsed target, defaults applied, before the cross-field checks. */
export type AwsTargetSpec = { readonly kind: 'vgw'; } | TgwTargetSpec;
export type AwsTargetInput = z.input<typeof awsTargetSchema>;

/** The plan fields the checks read besides the target (a subset of `PlanSpec`: the rules pass the spec). */
export interface AwsTargetContext {
  readonly aws: { readonly asn: number; readonly enableAcceleration: boolean; readonly region?: string; };
  readonly azure: { readonly activeActive: boolean; };
}

/** A finding before the rule id is attached: which rule owns it, and its catalogue numbers. */
export interface TargetViolation extends Violation {
  readonly ruleId: string;
  readonly catalogue: readonly CatalogueNumber[];
}

const P = 'aws.target';
const privateAsn = (asn: number) => Number.isInteger(asn) && ((asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294));

/** C08 (range, existing gateway) and C11 (the peer's ASN is aws.asn). Rule owners: VgwAsnIsPrivate, PeerAsnsMatch. */
export function transitGatewayAsnViolations(target: AwsTargetSpec, context: AwsTargetContext): TargetViolation[] {
  if (target.kind !== 'tgw' || target.amazonSideAsn === undefined) return [];
  const asn = target.amazonSideAsn;
  const path = `${P}.amazonSideAsn`;
  if (target.transitGatewayId !== undefined) {
    return [{
      ruleId: 'VgwAsnIsPrivate',
      catalogue: ['C08'],
      path,
      message:
        `${asn} set for an existing transit gateway (${target.transitGatewayId}); its ASN was fixed at creation and cannot change while VPN attachments exist (EC2 ModifyTransitGatewayOptions).`,
      fix: "leave amazonSideAsn out and set aws.asn to the gateway's AmazonSideAsn (aws ec2 describe-transit-gateways: Options.AmazonSideAsn).",
    }];
  }
  if (!privateAsn(asn)) {
    return [{
      ruleId: 'VgwAsnIsPrivate',
      catalogue: ['C08'],
      path,
      message: `${asn} is not a private ASN (${PRIVATE_ASN}).`,
      fix: `a private ASN such as ${context.aws.asn === asn ? 64512 : context.aws.asn}, within ${PRIVATE_ASN}.`,
    }];
  }
  if (asn !== context.aws.asn) {
    return [{
      ruleId: 'PeerAsnsMatch',
      catalogue: ['C11'],
      path,
      message:
        `${asn} differs from aws.asn ${context.aws.asn}; the peer's BGP sessions (Azure local network gateways) use aws.asn, so BGP would never come up.`,
      fix: `the same value in both (aws.asn ${asn}), or leave amazonSideAsn out: it follows aws.asn.`,
    }];
  }
  return [];
}

/** C27: acceleration on a TGW only; the top-level `aws.enableAcceleration` is the VGW's. Rule owner: NoAccelerationOnVgw. */
export function accelerationViolations(target: AwsTargetSpec, context: AwsTargetContext): TargetViolation[] {
  if (!context.aws.enableAcceleration) return [];
  return [{
    ruleId: 'NoAccelerationOnVgw',
    catalogue: ['C27'],
    path: 'aws.enableAcceleration',
    message: target.kind === 'tgw'
      ? 'true at aws level; acceleration is a property of the transit gateway target here.'
      : 'true, but aws.target is a virtual private gateway, which has no accelerated VPN.',
    fix: "false (the default), and aws.target { kind: 'tgw', enableAcceleration: true } (the peer must admit NAT-T, UDP 4500).",
  }];
}

/**
 * Tunnel bandwidth (no catalogue number yet): large only without acceleration and outside the
 * regions that lack it (AWS Site-to-Site VPN User Guide, "Large Bandwidth Tunnels").
 */
export function tunnelBandwidthViolations(target: AwsTargetSpec, context: AwsTargetContext): TargetViolation[] {
  if (target.kind !== 'tgw' || target.tunnelBandwidth !== 'large') return [];
  const path = `${P}.tunnelBandwidth`;
  const out: TargetViolation[] = [];
  if (target.enableAcceleration) {
    out.push({
      ruleId: 'TunnelBandwidth',
      catalogue: [],
      path,
      message:
        '\'large\' with enableAcceleration true; AWS: "Accelerated VPN is not supported" with Large Bandwidth Tunnels (Site-to-Site VPN User Guide, Tunnel options).',
      fix: "'standard' (the default), or enableAcceleration false.",
    });
  }
  if (context.aws.region !== undefined && LARGE_TUNNEL_UNAVAILABLE_REGIONS.includes(context.aws.region)) {
    out.push({
      ruleId: 'TunnelBandwidth',
      catalogue: [],
      path,
      message:
        `'large' in ${context.aws.region}, where AWS does not offer Large Bandwidth Tunnels (Site-to-Site VPN User Guide, Region availability).`,
      fix: `'standard' (the default), or a region other than ${LARGE_TUNNEL_UNAVAILABLE_REGIONS.join(', ')}.`,
    });
  }
  return out;
}

/** C29: ECMP for the active/active peer, and route-table choices that can work. Rule owner: TransitGatewayVpnRouting. */
export function transitGatewayRoutingViolations(target: AwsTargetSpec, context: AwsTargetContext): TargetViolation[] {
  if (target.kind !== 'tgw') return [];
  const v = (field: string, message: string, fix: string, level?: 'warning'): TargetViolation => ({
    ruleId: 'TransitGatewayVpnRouting',
    catalogue: ['C29'],
    path: `${P}.${field}`,
    message,
    fix,
    ...(level ? { level } : {}),
  });
  const out: TargetViolation[] = [];
  const existing = target.transitGatewayId !== undefined;
  if (target.vpnEcmpSupport === 'disable' && context.azure.activeActive) {
    out.push(
      v(
        'vpnEcmpSupport',
        "'disable' with an active/active peer: traffic from AWS prefers one of the four tunnels (seed 000).",
        "'enable' (the default), so that all four tunnels carry traffic.",
        'warning',
      ),
    );
  }
  if (existing) {
    for (const field of ['defaultRouteTableAssociation', 'defaultRouteTablePropagation'] as const) {
      if (target[field] === undefined) {
        out.push(
          v(
            field,
            `is required with an existing transit gateway (${target.transitGatewayId}): it decides which associations and propagations can be declared, and cannot be read at synth.`,
            `the gateway's value, 'enable' or 'disable' (aws ec2 describe-transit-gateways: Options.${field[0].toUpperCase()}${field.slice(1)}).`,
          ),
        );
      }
    }
  }
  const associates = target.defaultRouteTableAssociation === 'enable';
  const propagates = target.defaultRouteTablePropagation === 'enable';
  const table = target.routeTable;
  if (table === 'new' && associates) {
    out.push(
      v(
        'routeTable',
        "'new' while the gateway associates every new attachment with its default route table (defaultRouteTableAssociation 'enable'): a second association fails (Resource.AlreadyAssociated, one route table per attachment).",
        existing
          ? "'default', or the default association table's id ({ id: 'tgw-rtb-…' })."
          : "'new' with defaultRouteTableAssociation 'disable' (the default), or 'default' with both defaults 'enable'.",
      ),
    );
  }
  if (table === 'default' && !(associates && propagates)) {
    out.push(
      v(
        'routeTable',
        "'default' needs the gateway to associate and propagate by itself: CloudFormation does not return the default table's id, so nothing can be declared on it.",
        "defaultRouteTableAssociation and defaultRouteTablePropagation 'enable', or routeTable 'new'.",
      ),
    );
  }
  if (typeof table === 'object' && !existing) {
    out.push(
      v(
        'routeTable.id',
        `'${table.id}' given for a new transit gateway, which has no route table yet.`,
        `'new' (the default), or transitGatewayId of the gateway that holds ${table.id}.`,
      ),
    );
  }
  return out;
}

/** C04: other connections' inside CIDRs exist only on an existing gateway. Rule owner: InsideCidrUnique. */
export function insideCidrsInUseViolations(target: AwsTargetSpec): TargetViolation[] {
  if (target.kind !== 'tgw' || target.transitGatewayId !== undefined || target.insideCidrsInUse.length === 0) return [];
  return [{
    ruleId: 'InsideCidrUnique',
    catalogue: ['C04'],
    path: `${P}.insideCidrsInUse`,
    message: 'listed for a new transit gateway, which carries no other VPN connection.',
    fix: '[] (the default), or transitGatewayId of the existing gateway whose connections use them.',
  }];
}

/** The violations `ruleId` owns, as that rule's plan scope returns them (the rule adds id and catalogue). */
export function violationsOwnedBy(violations: readonly TargetViolation[], ruleId: string): Violation[] {
  return violations.filter((v) => v.ruleId === ruleId).map(({ ruleId: _id, catalogue: _catalogue, ...violation }) => violation);
}

/**
 * Findings of the target that no catalogue rule owns (tunnel bandwidth, AWS User Guide), reported
 * with the shape findings (`Schema`).
 */
export function awsTargetShapeFindings(target: AwsTargetSpec, context: AwsTargetContext): Finding[] {
  return tunnelBandwidthViolations(target, context).map(({ path, message, fix, level }) => ({
    path,
    ruleId: 'Schema',
    catalogue: [],
    level: level ?? 'error',
    message,
    fix: fix ?? '',
  }));
}

/** Every cross-field check, in rule order. */
export function awsTargetViolations(target: AwsTargetSpec, context: AwsTargetContext): TargetViolation[] {
  return [
    ...insideCidrsInUseViolations(target),
    ...transitGatewayAsnViolations(target, context),
    ...accelerationViolations(target, context),
    ...transitGatewayRoutingViolations(target, context),
    ...tunnelBandwidthViolations(target, context),
  ];
}

/** The target as the AWS construct takes it (lib/aws/targets/tgw.ts). */
export type ResolvedAwsTarget = { readonly kind: 'vgw'; } | ResolvedTransitGatewayTarget;

export interface ResolvedTransitGatewayTarget {
  readonly kind: 'tgw';
  /** A new gateway with its ASN (= aws.asn), or an existing one by id. */
  readonly gateway: { readonly kind: 'new'; readonly amazonSideAsn: number; } | { readonly kind: 'existing'; readonly transitGatewayId: string; };
  readonly vpnEcmpSupport: boolean;
  readonly defaultRouteTableAssociation: boolean;
  readonly defaultRouteTablePropagation: boolean;
  readonly routeTable: { readonly kind: 'new'; } | { readonly kind: 'default'; } | { readonly kind: 'existing'; readonly id: string; };
  readonly subnets: { readonly type: 'private' | 'isolated' | 'public'; } | { readonly ids: readonly string[]; };
  readonly enableAcceleration: boolean;
  readonly tunnelBandwidth: 'standard' | 'large';
  readonly insideCidrsInUse: readonly string[];
}

/** The resolved target; call only when `awsTargetViolations` has no error. */
export function resolveAwsTarget(target: AwsTargetSpec, context: Pick<AwsTargetContext, 'aws'>): ResolvedAwsTarget {
  if (target.kind === 'vgw') return { kind: 'vgw' };
  const table = target.routeTable;
  return {
    kind: 'tgw',
    gateway: target.transitGatewayId === undefined
      ? { kind: 'new', amazonSideAsn: target.amazonSideAsn ?? context.aws.asn }
      : { kind: 'existing', transitGatewayId: target.transitGatewayId },
    vpnEcmpSupport: target.vpnEcmpSupport === 'enable',
    // New gateway: off unless asked, so that this library's own route table takes the attachments.
    defaultRouteTableAssociation: target.defaultRouteTableAssociation === 'enable',
    defaultRouteTablePropagation: target.defaultRouteTablePropagation === 'enable',
    routeTable: typeof table === 'object' ? { kind: 'existing', id: table.id } : { kind: table },
    subnets: target.vpcAttachment.subnets,
    enableAcceleration: target.enableAcceleration,
    tunnelBandwidth: target.tunnelBandwidth,
    insideCidrsInUse: target.insideCidrsInUse,
  };
}

/** A plan change that replaces AWS resources (the shape of lib/plan/replacements.ts `Replacement`). */
export interface TargetReplacement {
  readonly resource: string;
  readonly reasons: readonly string[];
  readonly consequence: string;
  /** True when both VPN connections are replaced (the per-connection reasons are then not listed again). */
  readonly replacesConnections?: boolean;
}

const NEW_OUTSIDE_IPS =
  'new tunnel outside IPs: deploy the AWS side, then run `pulumi up` again with the new `cdk deploy --outputs-file` so the peer follows (README, "Transit gateway target", changes that replace).';

const gatewayName = (t: ResolvedAwsTarget) =>
  t.kind === 'vgw'
    ? 'a virtual private gateway'
    : t.gateway.kind === 'new'
    ? 'a new transit gateway'
    : `transit gateway ${t.gateway.transitGatewayId}`;

/**
 * What moving from `before` to `after` replaces. `VpnGatewayId`, `TransitGatewayId` and
 * `EnableAcceleration` are create-only on AWS::EC2::VPNConnection; a tunnel cannot be modified to
 * large bandwidth (User Guide); a TGW's ASN cannot change while VPN attachments exist (EC2 API).
 */
export function awsTargetReplacements(before: ResolvedAwsTarget, after: ResolvedAwsTarget): TargetReplacement[] {
  const reasons: string[] = [];
  const sameGateway = gatewayName(before) === gatewayName(after);
  if (!sameGateway) reasons.push(`aws.target: ${gatewayName(before)} → ${gatewayName(after)} (VpnGatewayId/TransitGatewayId are create-only)`);
  const out: TargetReplacement[] = [];
  if (before.kind === 'tgw' && after.kind === 'tgw') {
    if (before.enableAcceleration !== after.enableAcceleration) {
      reasons.push(`aws.target.enableAcceleration ${before.enableAcceleration} → ${after.enableAcceleration} (create-only)`);
    }
    if (before.tunnelBandwidth !== after.tunnelBandwidth) {
      reasons.push(
        `aws.target.tunnelBandwidth ${before.tunnelBandwidth} → ${after.tunnelBandwidth} (an existing tunnel cannot be modified to large bandwidth)`,
      );
    }
    if (
      sameGateway && before.gateway.kind === 'new' && after.gateway.kind === 'new' && before.gateway.amazonSideAsn !== after.gateway.amazonSideAsn
    ) {
      out.push({
        resource: 'AWS transit gateway',
        reasons: [`Amazon side ASN ${before.gateway.amazonSideAsn} → ${after.gateway.amazonSideAsn}`],
        consequence:
          'the update fails while VPN attachments exist (EC2: "You must first delete all transit gateway attachments … prior to modifying the ASN"); keep the ASN, or tear down and redeploy.',
      });
    }
    if (sameGateway && JSON.stringify(before.subnets) !== JSON.stringify(after.subnets)) {
      out.push({
        resource: 'AWS transit gateway VPC attachment',
        reasons: ['aws.target.vpcAttachment.subnets changed'],
        consequence:
          'if the chosen subnets differ, the attachment is replaced, and EC2 refuses a second attachment of the VPC to the same gateway while the old one exists (DuplicateTransitGatewayAttachment): remove the attachment first (traffic stops meanwhile).',
      });
    }
  }
  if (reasons.length > 0) out.unshift({ resource: 'AWS VPN connections 1 and 2', reasons, consequence: NEW_OUTSIDE_IPS, replacesConnections: true });
  return out;
}

export interface AwsTargetResult {
  /** Present when there is no error. */
  readonly target?: ResolvedAwsTarget;
  readonly findings: readonly Finding[];
}

/**
 * Validates `aws.target` alone (paths from the plan root): shape, then the cross-field checks.
 * The plan pipeline (validatePlan) runs the same checks through the owning rules; this is for a target
 * checked on its own (tests, tools).
 */
export function validateAwsTarget(target: unknown, context: AwsTargetContext): AwsTargetResult {
  const parsed = awsTargetSchema.safeParse(target);
  if (!parsed.success) {
    const kind = (target as { kind?: unknown; } | undefined)?.kind;
    // "Allowed here" hints need the branch the user meant; schemaFindings walks objects, not unions.
    const branch = kind === 'tgw' ? tgwTargetSchema : kind === 'vgw' ? vgwTargetSchema : z.object({ kind: z.enum(['vgw', 'tgw']) });
    const root = z.object({ aws: z.object({ target: branch }) });
    const input = { aws: { target } };
    const findings = parsed.error.issues.flatMap((issue): Finding[] => {
      const rooted = { ...issue, path: ['aws', 'target', ...issue.path] } as z.ZodIssue;
      const catalogue = issue.code === 'custom' ? (issue.params?.catalogue as CatalogueNumber[] | undefined) : undefined;
      return schemaFindings(root, new z.ZodError([rooted]), input).map((f) => (catalogue ? { ...f, catalogue } : f));
    });
    return { findings };
  }
  const findings: Finding[] = awsTargetViolations(parsed.data, context).map(({ ruleId, catalogue, level, path, message, fix }) => ({
    path,
    ruleId,
    catalogue,
    level: level ?? 'error',
    message,
    fix: fix ?? '',
  }));
  if (findings.some((f) => f.level === 'error')) return { findings };
  return { target: resolveAwsTarget(parsed.data, context), findings };
}
