/**
 * What every layer reports: a finding (user-facing) and a violation (what a rule check returns). Core:
 * imports nothing of ours, so the plan, the hand-off readers and the rules all share it.
 */
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

/** `tunnels[1].insideCidr: [C01 InsideCidrIsApipaSlash30] … Valid: …` */
export function formatFinding(finding: Finding): string {
  const tag = [finding.catalogue.join(','), finding.ruleId].filter((s) => s.length > 0).join(' ');
  return `${finding.level.toUpperCase()} ${finding.path}: [${tag}] ${finding.message} Valid: ${finding.fix}`;
}
