/** Reading a plan file (`vpn-plan.json`): JSON errors become findings with the file name. */
import { readFileSync } from 'node:fs';
import { PlanValidationError } from './findings';
import { validatePlan, type PlanOptions } from './plan';
import type { ResolvedPlan } from './types';
import type { Finding } from '../rules/types';

export interface PlanFileResult {
  readonly plan?: ResolvedPlan;
  readonly findings: readonly Finding[];
}

export function validatePlanFile(file: string, options: PlanOptions = {}): PlanFileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { findings: [fileFinding(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`, 'a readable plan file (JSON).')] };
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    return { findings: [fileFinding(`${file} is not JSON: ${(e as Error).message}.`, 'a JSON object; see vpn-plan.json.')] };
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { findings: [fileFinding(`${file} holds ${Array.isArray(input) ? 'an array' : JSON.stringify(input)}, not an object.`, 'a JSON object; see vpn-plan.json.')] };
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
