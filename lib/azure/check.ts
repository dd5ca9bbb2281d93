/**
 * The checks the component runs before it creates anything: the design's own findings, every rule's
 * Azure check on the design's view, and the key format (C22). Pure.
 */
import { PlanValidationError } from '../plan/findings';
import { checkAzure, RULES } from '../rules/registry';
import type { Finding, Rule } from '../rules/types';
import { azureViewOf, type AzureDesign } from './design';
import { PRESHARED_KEY_FIX } from './preshared-key';

/** Thrown by the component: every error and warning of the design, each with its catalogue number. */
export class AzureDesignError extends PlanValidationError {
  constructor(findings: readonly Finding[], source = 'Azure design') {
    super(findings, source);
    this.name = 'AzureDesignError';
  }
}

/**
 * C22 from `sharedKey.formatProblems`, used while no registered rule checks it on the Azure view:
 * a key of the wrong format must stop the run whether or not that rule exists yet.
 */
function presharedKeyFindings(design: AzureDesign): Finding[] {
  return design.connections.flatMap((c) =>
    (c.presharedKeyProblems ?? []).map((problem) => ({
      path: `connection ${c.name}.sharedKey`,
      ruleId: 'PresharedKeyFormat',
      catalogue: ['C22'] as const,
      level: 'error' as const,
      message: `the pre-shared key of tunnel ${c.tunnelId} ${problem}`,
      fix: PRESHARED_KEY_FIX,
    })),
  );
}

/** Every finding of `design`, errors and warnings, design findings first. */
export function azureDesignFindings(design: AzureDesign, rules: readonly Rule[] = RULES): Finding[] {
  const keyRuleRegistered = rules.some((r) => r.azure !== undefined && r.catalogue.includes('C22'));
  return [
    ...design.findings,
    ...checkAzure(azureViewOf(design), rules),
    ...(keyRuleRegistered ? [] : presharedKeyFindings(design)),
  ];
}

/** Throws an `AzureDesignError` listing every finding when any is an error; returns the warnings. */
export function assertAzureDesign(design: AzureDesign, rules: readonly Rule[] = RULES): Finding[] {
  const findings = azureDesignFindings(design, rules);
  if (findings.some((f) => f.level === 'error')) throw new AzureDesignError(findings);
  return findings;
}
