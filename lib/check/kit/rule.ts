/**
 * What a rule is. Rules are pure: no CDK, Pulumi or cloud SDK import. Each file under lib/rules/<area>/ is one
 * documented constraint of ../shared/CONSTRAINTS.md; lib/check/registry.ts lists them.
 */
import type { CatalogueNumber, Finding, Level, Violation } from '../../core/finding';
import type { PlanContext } from '../../plan/context';
import type { CfnView } from '../views/cfn-view';
import type { PeerChecks } from './peer-kinds';

/**
 * A documented constraint with one check per scope: `plan` (the typed plan), `cfn` (the synthesized template)
 * and one scope per registered peer kind (`azure`, …: see PeerViews in ./peer-kinds).
 */
export interface Rule extends PeerChecks {
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
}

/** Longest message or fix a finding keeps; rules quote values through lib/core/excerpt.ts, this is the backstop. */
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
