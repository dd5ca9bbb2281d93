/**
 * Every rule, in catalogue order. The CDK Aspect, the cdk-nag pack, `planVpn` and the Azure
 * component all read this list; `test/rules/registry.test.ts` pins its ids.
 */
import type { AzureView } from './azure-view';
import type { CfnView } from './cfn-view';
import { InsideCidrIsApipaSlash30 } from './InsideCidrIsApipaSlash30';
import { toFinding, type Finding, type PlanContext, type Rule } from './types';

export const RULES: readonly Rule[] = [
  // C01–C11
  InsideCidrIsApipaSlash30,
  // C12–C27
  // C28–C33
];

export function checkPlan(context: PlanContext, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => (rule.plan ? rule.plan(context).map((v) => toFinding(rule, v)) : []));
}

export function checkCfn(view: CfnView, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => (rule.cfn ? rule.cfn(view).map((v) => toFinding(rule, v)) : []));
}

export function checkAzure(view: AzureView, rules: readonly Rule[] = RULES): Finding[] {
  return rules.flatMap((rule) => (rule.azure ? rule.azure(view).map((v) => toFinding(rule, v)) : []));
}
