/**
 * Reading a plan file (`vpn-plan.json`): an unreadable, oversized, non-UTF-8, malformed or too deeply
 * nested file becomes a finding with the file name (lib/plan/json-input.ts), never an exception.
 */
import { excerpt } from '../core/excerpt';
import { readJsonFile } from '../plan/json-input';
import { PlanValidationError } from '../core/errors';
import { type PlanOptions } from '../plan/plan';
import { validatePlan } from './validate';
import type { ResolvedPlan } from '../plan/types';
import type { Finding } from '../core/finding';

export interface PlanFileResult {
  readonly plan?: ResolvedPlan;
  readonly findings: readonly Finding[];
}

export function validatePlanFile(file: string, options: PlanOptions = {}): PlanFileResult {
  const read = readJsonFile(file);
  if (!read.ok) return { findings: [fileFinding(`${file} ${read.problem}`, read.fix)] };
  const input = read.value;
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { findings: [fileFinding(`${file} holds ${excerpt(input)}, not an object.`, 'a JSON object; see vpn-plan.json.')] };
  }
  return validatePlan(input, options);
}

/** The resolved plan of a file; throws a `PlanValidationError` naming the file and every finding. */
export function loadPlanFile(file: string, options: PlanOptions = {}): ResolvedPlan {
  const result = validatePlanFile(file, options);
  if (!result.plan) throw new PlanValidationError(result.findings, file);
  return result.plan;
}

function fileFinding(message: string, fix: string): Finding {
  return { path: '(file)', ruleId: 'Schema', catalogue: [], level: 'error', message, fix };
}
