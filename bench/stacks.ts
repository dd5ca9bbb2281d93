/**
 * The stacks the synthesis benchmarks build: the example app (bin/example-stack.ts: its VPC and
 * `AzureVpnConnections` from the documented plan) and the same template written by hand in L1
 * resources, plus the rule packs either can run under.
 *
 * The hand-written stack uses the same construct ids as the construct, so both synthesize the same
 * logical ids and `templateDifferences` can compare the two templates resource by resource: the ratio of
 * their synthesis times is then the cost of the library alone, not of a different template.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { MulticloudVpnChecks, VpnRulesAspect } from '../lib/enforcement';
import { type ResolvedPlan } from '../lib/plan';
import { loadPlanFile } from '../lib/check/file';
import { EXAMPLE_STACK_NAME, ExampleStack } from '../bin/example-stack';
import { BENCH_AZURE_IPS, handWrittenStack } from './hand-written-stack';

export { BENCH_AZURE_IPS, handWrittenStack };

export const DOCUMENTED_PLAN_FILE = join(__dirname, '..', 'vpn-plan.json');

export function documentedPlan(): ResolvedPlan {
  return loadPlanFile(DOCUMENTED_PLAN_FILE);
}

let sharedOutdir: string | undefined;

/**
 * One cloud-assembly directory for every app of the process, removed at exit. Without it each
 * `new App()` makes a temporary directory of its own and hundreds of runs would leave them behind.
 */
export function benchOutdir(): string {
  if (sharedOutdir === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'multicloud-vpn-bench-'));
    sharedOutdir = dir;
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return sharedOutdir;
}

/**
 * A new App writing to the shared directory. `builtinCloudFormationValidation` is aws-cdk-lib's
 * own template validation (a WASM engine, on by default since 2.27x); the benchmarks turn it off
 * only to show its share, never in the figures compared with the targets.
 */
export function newApp(builtinCloudFormationValidation = true): App {
  return new App({ outdir: benchOutdir(), builtinCloudFormationValidation });
}

/** The example app's stack (bin/example-stack.ts) on `plan`, with the bench's Azure IPs. */
export function exampleStack(app: App, plan: ResolvedPlan): Stack {
  return new ExampleStack(app, EXAMPLE_STACK_NAME, { plan, azureGatewayPublicIps: BENCH_AZURE_IPS });
}

/** Which rule packs an app runs under. */
export type RulePacks = 'none' | 'awsSolutions' | 'ours' | 'ours+awsSolutions';

/** Our Aspect and our cdk-nag pack (`ours`), cdk-nag's `AwsSolutionsChecks`, or both, on the whole app. */
export function enableRulePacks(app: App, packs: RulePacks): void {
  if (packs === 'ours' || packs === 'ours+awsSolutions') {
    VpnRulesAspect.enable(app);
    Validations.of(app).addPlugins(new MulticloudVpnChecks(app));
  }
  if (packs === 'awsSolutions' || packs === 'ours+awsSolutions') Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

/**
 * The AwsSolutions rule ids (with their finding suffix) that `stack` violates, acknowledgements
 * already made in it excepted: the benchmark acknowledges them, as a team that reviewed them would,
 * so that synthesis succeeds and every run does the full work, report writing included, instead of
 * stopping at the first failure.
 */
export function awsSolutionsViolations(stack: Stack): string[] {
  return new AwsSolutionsChecks().validateScope(stack).violations.map((v) => v.ruleName);
}

export function acknowledge(stack: Stack, ruleIds: readonly string[]): void {
  for (const id of ruleIds) Validations.of(stack).acknowledge({ id, reason: 'benchmark: finding reviewed, so that synthesis completes' });
}

type Json = Record<string, unknown>;

/** The template with tags sorted by key (their order differs between `Tags.of()` and L1 `tags`) and without CDKMetadata. */
export function comparable(template: Json): Json {
  const sortTags = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortTags);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value as Json).map(([k, v]) => [
        k,
        k === 'Tags' && Array.isArray(v)
          ? [...v].sort((a, b) => String((a as Json).Key).localeCompare(String((b as Json).Key)))
          : sortTags(v),
      ]),
    );
  };
  const resources = Object.fromEntries(Object.entries((template.Resources ?? {}) as Json).filter(([id]) => id !== 'CDKMetadata'));
  return sortTags({ ...template, Resources: resources }) as Json;
}

/** Logical ids (resources and outputs) whose definition differs between two stacks' templates; empty when equivalent. */
export function templateDifferences(a: Stack, b: Stack, synthA: App, synthB: App): string[] {
  const read = (app: App, stack: Stack) => comparable(app.synth().getStackByName(stack.stackName).template as Json);
  const [ta, tb] = [read(synthA, a), read(synthB, b)];
  const differing: string[] = [];
  for (const section of ['Resources', 'Outputs', 'Parameters', 'Conditions', 'Rules'] as const) {
    const sa = (ta[section] ?? {}) as Json;
    const sb = (tb[section] ?? {}) as Json;
    for (const id of new Set([...Object.keys(sa), ...Object.keys(sb)])) {
      if (JSON.stringify(sa[id]) !== JSON.stringify(sb[id])) differing.push(`${section}.${id}`);
    }
  }
  return differing;
}
