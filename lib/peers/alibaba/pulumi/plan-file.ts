/**
 * An Alibaba plan file until phase 2 hangs the peer in the plan schema: the ordinary plan (name, aws,
 * tunnels, ipsec, tags) plus an `alibaba` object (lib/peers/alibaba/schema.ts), and no `azure`. The
 * plan part goes through the plan's own validation (every plan rule); the Alibaba rules run on the
 * design, in the component. Every finding at once, each naming the file and the field.
 */
import { excerpt } from '../../../core/excerpt';
import { PlanValidationError, schemaFindings } from '../../../core/errors';
import { readJsonFile } from '../../../plan/json-input';
import { validatePlan } from '../../../check/validate';
import type { ResolvedPlan } from '../../../plan/types';
import type { Finding } from '../../../core/finding';
import { alibabaPeerSchema, type AlibabaPeerSpec } from '../../../plan/alibaba';

/** Why a plan may not name Azure and Alibaba together (issue 10; README "AWS ↔ Alibaba Cloud"). */
export const AZURE_AND_ALIBABA_REFUSED =
  'a plan has one peer, and this one names both azure and alibaba. Azure ↔ Alibaba is out of scope: an Azure local network ' +
  'gateway holds one BGP peer address, so the four-tunnel design with BGP per tunnel is unresolved, and half of it is not built.';

export interface AlibabaPlan {
  readonly plan: ResolvedPlan;
  readonly peer: AlibabaPeerSpec;
}

function finding(path: string, message: string, fix: string): Finding {
  return { path, ruleId: 'Schema', catalogue: [], level: 'error', message, fix };
}

/** Every finding of an Alibaba plan object, and the plan and peer when there is no error. Never throws. */
export function validateAlibabaPlan(input: unknown): { result?: AlibabaPlan; findings: Finding[] } {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { findings: [finding('(plan)', `the plan is ${excerpt(input)}, not an object.`, 'a JSON object; see examples/alibaba-plan.json.')] };
  }
  const { alibaba, ...rest } = input as Record<string, unknown>;
  const findings: Finding[] = [];
  if ('azure' in rest) {
    findings.push(finding('azure', AZURE_AND_ALIBABA_REFUSED, 'remove `azure` for AWS ↔ Alibaba (examples/alibaba-plan.json), or `alibaba` for AWS ↔ Azure (vpn-plan.json).'));
  }
  let peer: AlibabaPeerSpec | undefined;
  if (alibaba === undefined) {
    findings.push(finding('alibaba', 'the plan has no `alibaba` peer.', 'an `alibaba` object with vpcId, vswitchId and disasterRecoveryVswitchId; see examples/alibaba-plan.json.'));
  } else {
    const parsed = alibabaPeerSchema.safeParse(alibaba);
    if (parsed.success) peer = parsed.data;
    else findings.push(...schemaFindings(alibabaPeerSchema, parsed.error, alibaba).map((f) => ({ ...f, path: f.path === '(plan)' ? 'alibaba' : `alibaba.${f.path}` })));
  }
  const planned = validatePlan('azure' in rest ? Object.fromEntries(Object.entries(rest).filter(([k]) => k !== 'azure')) : rest);
  findings.push(...planned.findings);
  if (findings.some((f) => f.level === 'error') || planned.plan === undefined || peer === undefined) return { findings };
  return { result: { plan: planned.plan, peer }, findings };
}

/** The plan and peer of an Alibaba plan file; throws a `PlanValidationError` naming the file and every finding. */
export function loadAlibabaPlanFile(file: string): AlibabaPlan {
  const read = readJsonFile(file);
  if (!read.ok) throw new PlanValidationError([finding('(file)', `${file} ${read.problem}`, read.fix)], file);
  const { result, findings } = validateAlibabaPlan(read.value);
  if (result === undefined) throw new PlanValidationError(findings, file);
  return result;
}
