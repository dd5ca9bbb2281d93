/**
 * The checks the component runs before it creates anything: the design's own findings, every rule's
 * Azure check on the design itself (once per plan on the gateway, `azureDesignPerPlan`), the plan rules across the plans
 * sharing the gateway (C04 …), and the key format (C22). Pure.
 */
import { PlanValidationError } from '../../../core/errors';
import { planInputSchema, type PlanSpec } from '../../../plan/schema';
import type { ResolvedPlan } from '../../../plan/types';
import { sameKeyViolation } from '../../../rules/ipsec/PresharedKeyFormat';
import { checkPeer, checkPlan, RULES } from '../../../check/registry';
import type { AzureView } from '../view';
import type { Rule } from '../../../check/kit/rule';
import type { PlanContext } from '../../../plan/context';
import type { Finding } from '../../../core/finding';
import { azureDesignPerPlan, sharedPlanPath, type AzureDesign } from '../design';
import { PRESHARED_KEY_FIX } from '../../../core/preshared-key';

/** Every rule's `azure` check over one Azure view: an `AzureDesign` (the value the component builds from) or a hand-written view. */
export function checkAzure(view: AzureView, rules: readonly Rule[] = RULES): Finding[] {
  return checkPeer('azure', view, rules);
}

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
  return design.connections.flatMap((c) => [
    ...sameKeyViolation(c.name, c.tunnelId, c.sharedKey.sameKeyAs).map((v) => ({
      ruleId: 'PresharedKeyFormat',
      catalogue: ['C22'] as const,
      level: 'error' as const,
      fix: PRESHARED_KEY_FIX,
      ...v,
    })),
    ...(c.sharedKey.formatProblems ?? []).map((problem) => ({
      path: `connection ${c.name}.sharedKey`,
      ruleId: 'PresharedKeyFormat',
      catalogue: ['C22'] as const,
      level: 'error' as const,
      message: `the pre-shared key of tunnel ${c.tunnelId} (plan '${c.planName}') ${problem}`,
      fix: PRESHARED_KEY_FIX,
    })),
  ]);
}

/** The plan spec a resolved plan was made from, its tunnels explicit; undefined if it no longer parses. */
function specOf(plan: ResolvedPlan): PlanSpec | undefined {
  const azure: Record<string, unknown> = { ...plan.azure };
  delete azure.apipaByInstance;
  const tunnels = plan.tunnels.map((t) => ({ azureInstance: t.azureInstance, awsTunnel: t.awsTunnel, insideCidr: t.insideCidr }));
  const parsed = planInputSchema.safeParse({ name: plan.name, aws: plan.aws, azure, tunnels, ipsec: plan.ipsec, tags: plan.tags });
  return parsed.success ? parsed.data : undefined;
}

/**
 * The plan rules for each later plan against the plans before it on the gateway, as
 * `planSharedGateway` runs them: plans built apart (or read from files) may overlap (C04) or disagree
 * on the ASN (C11). Errors only: a plan's own warnings were its planner's to report.
 */
function crossPlanFindings(plans: readonly ResolvedPlan[], rules: readonly Rule[]): Finding[] {
  return plans.flatMap((plan, k) => {
    if (k === 0) return [];
    const spec = specOf(plan);
    if (spec === undefined) return [];
    const context: PlanContext = {
      spec,
      tunnels: plan.tunnels.map((t, j) => ({
        azureInstance: t.azureInstance,
        awsTunnel: t.awsTunnel,
        insideCidr: t.insideCidr,
        path: `tunnels[${j}]`,
        allocated: t.allocated,
      })),
      sharedGateway: plans.slice(0, k),
    };
    return checkPlan(context, rules)
      .filter((f) => f.level === 'error')
      .map((f) => ({ ...f, path: `${sharedPlanPath(k)}${f.path}`, message: `plan '${plan.name}': ${f.message}` }));
  });
}

/** Each finding once: the views of a shared gateway repeat the gateway's own findings. */
function distinct(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = JSON.stringify([f.ruleId, f.path, f.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every finding of `design`, errors and warnings, design findings first. */
export function azureDesignFindings(design: AzureDesign, rules: readonly Rule[] = RULES): Finding[] {
  const keyRuleRegistered = rules.some((r) => r.azure !== undefined && r.catalogue.includes('C22'));
  return [
    ...design.findings,
    ...crossPlanFindings(design.plans, rules),
    ...distinct(azureDesignPerPlan(design).flatMap((view) => checkAzure(view, rules))),
    ...(keyRuleRegistered ? [] : presharedKeyFindings(design)),
  ];
}

/** Throws an `AzureDesignError` listing every finding when any is an error; returns the warnings. */
export function assertAzureDesign(design: AzureDesign, rules: readonly Rule[] = RULES): Finding[] {
  const findings = azureDesignFindings(design, rules);
  if (findings.some((f) => f.level === 'error')) throw new AzureDesignError(findings);
  return findings;
}
