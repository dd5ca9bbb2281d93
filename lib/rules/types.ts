/**
 * What a rule is, what it reads and what it reports. Rules are pure: no CDK, Pulumi or cloud SDK
 * import. Each file in this folder is one documented constraint of ../shared/CONSTRAINTS.md.
 */
import type { PlanSpec } from '../plan/schema';
import type { AzureInstance, AwsTunnelNumber, ResolvedPlan } from '../plan/types';
import type { AzureView } from './azure-view';
import type { CfnView } from './cfn-view';

/** A catalogue number of ../shared/CONSTRAINTS.md, e.g. `C01`. */
export type CatalogueNumber = `C${number}`;
export type Level = 'error' | 'warning';

/** One problem, as reported to a user. */
export interface Finding {
  /** Where: a JSON path in the plan file (`tunnels[2].insideCidr`), a construct path, or an Azure resource. */
  readonly path: string;
  /** The rule's id, or `Schema` for a shape error. */
  readonly ruleId: string;
  /** Catalogue numbers; empty only for shape errors that no constraint covers. */
  readonly catalogue: readonly CatalogueNumber[];
  readonly level: Level;
  /** What is wrong, with the offending value. */
  readonly message: string;
  /** What would be valid. */
  readonly fix: string;
}

/** What a rule check returns; the rule fills in its id, catalogue numbers and default level. */
export interface Violation {
  readonly path: string;
  readonly message: string;
  /** Overrides the rule's general fix with a value-specific one. */
  readonly fix?: string;
  /** Overrides the rule's level (C08: range is an error, a change a warning). */
  readonly level?: Level;
}

/** A tunnel as the plan rules see it: explicit or allocated, not yet validated. */
export interface DraftTunnel {
  readonly azureInstance: AzureInstance;
  readonly awsTunnel: AwsTunnelNumber;
  /** Undefined only when allocation failed (the allocator reported why). */
  readonly insideCidr?: string;
  /** JSON path of the plan entry (`tunnels[1]`), or `tunnels` for an allocated tunnel. */
  readonly path: string;
  readonly allocated: boolean;
}

export interface PlanContext {
  readonly spec: PlanSpec;
  readonly tunnels: readonly DraftTunnel[];
  /** Plans already attached to the same Azure gateway (C04). */
  readonly sharedGateway: readonly ResolvedPlan[];
}

export interface Rule {
  /** Stable id, PascalCase; shown as `MultiCloudVpn-<id>` in the cdk-nag pack. */
  readonly id: string;
  readonly catalogue: readonly CatalogueNumber[];
  readonly level: Level;
  /** One line. */
  readonly summary: string;
  /** Why, with the source document (seed file number or AWS/Azure page). */
  readonly explanation: string;
  /** How to fix, in general. */
  readonly fix: string;
  readonly plan?: (context: PlanContext) => readonly Violation[];
  readonly cfn?: (view: CfnView) => readonly Violation[];
  readonly azure?: (view: AzureView) => readonly Violation[];
}

/** Longest message or fix a finding keeps; rules quote values through lib/plan/excerpt.ts, this is the backstop. */
const MAX_FINDING_TEXT = 2000;

function capped(text: string): string {
  return text.length <= MAX_FINDING_TEXT ? text : `${text.slice(0, MAX_FINDING_TEXT)}… (cut: ${text.length} characters)`;
}

export function toFinding(rule: Rule, violation: Violation): Finding {
  return {
    path: capped(violation.path),
    ruleId: rule.id,
    catalogue: rule.catalogue,
    level: violation.level ?? rule.level,
    message: capped(violation.message),
    fix: capped(violation.fix ?? rule.fix),
  };
}

/** `tunnels[1].insideCidr: [C01 InsideCidrIsApipaSlash30] … Valid: …` */
export function formatFinding(finding: Finding): string {
  const tag = [finding.catalogue.join(','), finding.ruleId].filter((s) => s.length > 0).join(' ');
  return `${finding.level.toUpperCase()} ${finding.path}: [${tag}] ${finding.message} Valid: ${finding.fix}`;
}
