/**
 * An Alibaba plan file: the ordinary plan with an `alibaba` peer (lib/plan/alibaba.ts) and no `azure`. It goes
 * through the plan's own validation (every plan rule, the Alibaba ones included); the Alibaba rules' `alibaba`
 * scope runs on the design, in the component. Every finding at once, each naming the file and the field.
 */
import { PlanValidationError } from '../../../core/errors';
import type { Finding } from '../../../core/finding';
import { validatePlan } from '../../../check/validate';
import type { AlibabaPeerSpec } from '../../../plan/alibaba';
import { readJsonFile } from '../../../plan/json-input';
import { AZURE_AND_ALIBABA_REFUSED } from '../../../plan/plan';
import type { ResolvedPlan } from '../../../plan/types';

export { AZURE_AND_ALIBABA_REFUSED };

export interface AlibabaPlan {
  readonly plan: ResolvedPlan;
  readonly peer: AlibabaPeerSpec;
}

function finding(path: string, message: string, fix: string): Finding {
  return { path, ruleId: 'Schema', catalogue: [], level: 'error', message, fix };
}

/** Every finding of an Alibaba plan object, and the plan and peer when there is no error. Never throws. */
export function validateAlibabaPlan(input: unknown): { result?: AlibabaPlan; findings: Finding[]; } {
  const planned = validatePlan(input);
  const findings = [...planned.findings];
  const isObject = input !== null && typeof input === 'object' && !Array.isArray(input);
  if (isObject && !('alibaba' in input)) {
    findings.push(
      finding(
        'alibaba',
        'the plan has no `alibaba` peer.',
        'an `alibaba` object with vpcId, vswitchId and disasterRecoveryVswitchId; see examples/alibaba-plan.json.',
      ),
    );
  }
  if (findings.some((f) => f.level === 'error') || planned.plan?.alibaba === undefined) return { findings };
  return { result: { plan: planned.plan, peer: planned.plan.alibaba }, findings };
}

/** The plan and peer of an Alibaba plan file; throws a `PlanValidationError` naming the file and every finding. */
export function loadAlibabaPlanFile(file: string): AlibabaPlan {
  const read = readJsonFile(file);
  if (!read.ok) throw new PlanValidationError([finding('(file)', `${file} ${read.problem}`, read.fix)], file);
  const { result, findings } = validateAlibabaPlan(read.value);
  if (result === undefined) throw new PlanValidationError(findings, file);
  return result;
}
