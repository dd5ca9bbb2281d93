/**
 * `validatePlan` = resolve (lib/plan) + check (every rule's plan scope): the one place a plan input becomes a
 * resolved plan or its findings. The CLI, the CDK app, the Azure program and the tests all call it.
 */
import { PlanValidationError } from '../core/errors';
import type { Finding } from '../core/finding';
import { draftTunnels, parseWhatParses, peerKindFinding, resolve, type PlanOptions } from '../plan/plan';
import { planInputSchema, type PlanInput } from '../plan/schema';
import { schemaFindings } from '../core/errors';
import type { ResolvedPlan } from '../plan/types';
import { awsTargetShapeFindings } from '../plan/aws-target';
import { checkPlan } from './registry';

export interface PlanResult {
  /** Present when there is no error finding. */
  readonly plan?: ResolvedPlan;
  /** Every error and warning, in rule order. */
  readonly findings: readonly Finding[];
}

/** Validates without throwing: every finding, and the plan when there is no error. Never throws on any input. */
export function validatePlan(input: unknown, options: PlanOptions = {}): PlanResult {
  // Azure ↔ Alibaba is out of scope: refused with the reason rather than half built.
  const twoPeers = peerKindFinding(input);
  if (twoPeers !== undefined) return { findings: [twoPeers] };
  const parsed = planInputSchema.safeParse(input ?? {});
  const sharedGateway = options.sharedGateway ?? [];
  if (!parsed.success) {
    const shapeFindings = schemaFindings(planInputSchema, parsed.error, input);
    const rest = parseWhatParses(input ?? {}, parsed.error);
    if (!rest) return { findings: shapeFindings };
    // Rules see defaults where a field was refused; what they say at or under a refused field, or about
    // it (a cross-field rule naming it, e.g. C07 "… is also aws.asn"), is left out: it would be about
    // the default, not the user's value, and the shape finding says what is wrong there.
    const at = (path: string, d: string) => path === d || path.startsWith(`${d}.`) || path.startsWith(`${d}[`);
    const names = (message: string, d: string) => new RegExp(`(^|[^\\w.\\[])${d.replace(/[.[\]]/g, '\\$&')}($|[^\\w])`).test(message);
    const under = (f: Finding) => rest.dropped.some((d) => at(f.path, d) || names(f.message, d));
    const drafted = draftTunnels(rest.spec, sharedGateway);
    const ruleFindings = [
      ...drafted.findings,
      ...awsTargetShapeFindings(rest.spec.aws.target, rest.spec),
      ...checkPlan({ spec: rest.spec, tunnels: drafted.tunnels, sharedGateway }),
    ];
    return { findings: [...shapeFindings, ...ruleFindings.filter((f) => !under(f))] };
  }
  const spec = structuredClone(parsed.data);
  const drafted = draftTunnels(spec, sharedGateway);
  const findings = [
    ...drafted.findings,
    ...awsTargetShapeFindings(spec.aws.target, spec),
    ...checkPlan({ spec, tunnels: drafted.tunnels, sharedGateway }),
  ];
  if (findings.some((f) => f.level === 'error')) return { findings };
  return { plan: resolve(spec, drafted.tunnels), findings };
}

/** The resolved plan; throws a `PlanValidationError` listing every error and warning when invalid. */
export function planVpn(input: PlanInput = {}, options: PlanOptions = {}): ResolvedPlan {
  const result = validatePlan(input, options);
  if (!result.plan) throw new PlanValidationError(result.findings);
  return result.plan;
}

/**
 * Plans that share one Azure gateway, in order: each later plan gets the next free /30s and is
 * checked against the earlier ones (C04).
 */
export function planSharedGateway(inputs: readonly PlanInput[]): ResolvedPlan[] {
  const plans: ResolvedPlan[] = [];
  inputs.forEach((input, index) => {
    const result = validatePlan(input, { sharedGateway: plans });
    if (!result.plan) throw new PlanValidationError(result.findings, `plan ${index}`);
    plans.push(result.plan);
  });
  return plans;
}
