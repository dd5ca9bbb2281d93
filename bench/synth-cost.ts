/**
 * What the library costs at synthesis: the example app (bin/app.ts's VPC + `AzureVpnConnections`
 * from the documented plan) against the same template written by hand in L1 resources, in the same
 * process, as a ratio of medians. Each run builds a new App and calls `app.synth()`; variants run
 * round-robin so that they share the machine's load.
 *
 * With rule packs, what is compared: the example under our Aspect, our cdk-nag pack and cdk-nag's
 * `AwsSolutionsChecks`, against the hand-written stack under `AwsSolutionsChecks` only (what a team
 * without the library would run). The hand-written stack under all three packs is measured too, to
 * separate the rules' cost from the construct's, and both stacks without aws-cdk-lib's built-in
 * CloudFormation validation, whose fixed cost otherwise dilutes the construct's.
 *
 * Both wall and CPU time are reported; a target counts as met only when both ratios meet it.
 */
import { interleavedMedians, row, timed, type Timing } from './measure';
import {
  acknowledge,
  awsSolutionsViolations,
  documentedPlan,
  enableRulePacks,
  exampleStack,
  handWrittenStack,
  newApp,
  templateDifferences,
  type RulePacks,
} from './stacks';
import type { ResolvedPlan } from '../lib/plan';

/** Targets of issue 5 §3: the example's median over the hand-written stack's. */
export const SYNTH_COST_TARGETS = { withoutPacks: 1.15, withPacks: 1.35 } as const;

type StackKind = 'example' | 'handWritten';

function builder(kind: StackKind, plan: ResolvedPlan) {
  return kind === 'example' ? (app: ReturnType<typeof newApp>) => exampleStack(app, plan) : handWrittenStack;
}

/** One run: new App, the stack, the packs (AwsSolutions findings acknowledged), `app.synth()`. */
function synthRun(kind: StackKind, packs: RulePacks, plan: ResolvedPlan, acknowledged: readonly string[], builtinValidation = true): () => void {
  const build = builder(kind, plan);
  return () => {
    const app = newApp(builtinValidation);
    const stack = build(app);
    if (packs !== 'none' && packs !== 'ours') acknowledge(stack, acknowledged);
    enableRulePacks(app, packs);
    app.synth();
  };
}

export interface SynthCostResult {
  readonly lines: string[];
  readonly met: { readonly withoutPacks: boolean; readonly withPacks: boolean; };
}

export function synthCostBenchmark(runs = 21, warmup = 3): SynthCostResult {
  const plan = documentedPlan();
  const lines: string[] = [];

  // The comparison only means something if both stacks synthesize the same template.
  const [exampleApp, handApp] = [newApp(), newApp()];
  const [example, hand] = [exampleStack(exampleApp, plan), handWrittenStack(handApp)];
  const cold = timed(() => exampleApp.synth());
  const differences = templateDifferences(example, hand, exampleApp, handApp);
  const template = exampleApp.synth().getStackByName(example.stackName).template as { Resources: object; Outputs: object; };
  lines.push(
    `Templates: ${Object.keys(template.Resources).length} resources, ${Object.keys(template.Outputs).length} outputs; ` +
      (differences.length === 0 ?
        "the hand-written template equals the example's (tags sorted, CDKMetadata aside)."
        : `**the templates differ** in ${differences.join(', ')}: the ratio below compares different work.`),
  );

  // What AwsSolutions still reports once the construct's own acknowledgements apply: the benchmark
  // acknowledges it (per stack) so that synthesis completes and every run does the full work.
  const acknowledged = { example: awsSolutionsViolations(example), handWritten: awsSolutionsViolations(hand) };
  const listed = (ids: readonly string[]) => (ids.length === 0 ? 'none' : ids.join(', '));
  lines.push(
    `AwsSolutions findings the benchmark acknowledges so that synthesis completes: on the example ${listed(acknowledged.example)}; ` +
      `on the hand-written stack ${listed(acknowledged.handWritten)}.`,
    '',
  );

  const medians = interleavedMedians(
    {
      example: synthRun('example', 'none', plan, []),
      handWritten: synthRun('handWritten', 'none', plan, []),
      examplePacks: synthRun('example', 'ours+awsSolutions', plan, acknowledged.example),
      handWrittenAwsSolutions: synthRun('handWritten', 'awsSolutions', plan, acknowledged.handWritten),
      handWrittenPacks: synthRun('handWritten', 'ours+awsSolutions', plan, acknowledged.handWritten),
      exampleNoBuiltin: synthRun('example', 'none', plan, [], false),
      handWrittenNoBuiltin: synthRun('handWritten', 'none', plan, [], false),
    },
    runs,
    warmup,
  );

  // Both clocks: wall time is what a user waits; CPU time is what the work costs when the
  // machine is shared (wall time also counts waiting for a core). A target is met on both.
  const ratios = (a: Timing, b: Timing) => ({ wall: a.wallMs / b.wallMs, cpu: a.cpuMs / b.cpuMs });
  const ratio = ratios(medians.example, medians.handWritten);
  const packRatio = ratios(medians.examplePacks, medians.handWrittenAwsSolutions);
  const within = (r: { wall: number; cpu: number; }, target: number) => r.wall <= target && r.cpu <= target;
  const met = { withoutPacks: within(ratio, SYNTH_COST_TARGETS.withoutPacks), withPacks: within(packRatio, SYNTH_COST_TARGETS.withPacks) };
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const timingRow = (variant: string, packs: string, t: Timing) => row([variant, packs, t.wallMs, t.cpuMs]);
  const ratioRow = (comparison: string, r: { wall: number; cpu: number; }, target?: number) =>
    row([comparison, r.wall, r.cpu, target === undefined ? '-' : `≤ ${target}`, target === undefined ? '-' : verdict(within(r, target))]);
  lines.push(
    `${runs} measured runs per variant after ${warmup} warm-up runs, round-robin; each run = new App, build, \`app.synth()\`. ` +
      `First synthesis in the process (cold, example app): ${cold.ms.toFixed(0)} ms wall.`,
    '',
    '| variant | rule packs | wall (ms, median) | CPU (ms, median) |',
    '|---|---|---|---|',
    timingRow('example app (AzureVpnConnections)', 'none', medians.example),
    timingRow('hand-written L1 stack', 'none', medians.handWritten),
    timingRow('example app', 'our Aspect + our cdk-nag pack + AwsSolutionsChecks', medians.examplePacks),
    timingRow('hand-written L1 stack', 'AwsSolutionsChecks', medians.handWrittenAwsSolutions),
    timingRow('hand-written L1 stack', 'our Aspect + our cdk-nag pack + AwsSolutionsChecks', medians.handWrittenPacks),
    timingRow('example app, aws-cdk-lib built-in validation off', 'none', medians.exampleNoBuiltin),
    timingRow('hand-written L1 stack, aws-cdk-lib built-in validation off', 'none', medians.handWrittenNoBuiltin),
    '',
    '| comparison | wall ratio | CPU ratio | target | |',
    '|---|---|---|---|---|',
    ratioRow('example / hand-written, no packs', ratio, SYNTH_COST_TARGETS.withoutPacks),
    ratioRow('example + all packs / hand-written + AwsSolutions', packRatio, SYNTH_COST_TARGETS.withPacks),
    ratioRow(
      '(rules alone) hand-written + all packs / hand-written + AwsSolutions',
      ratios(medians.handWrittenPacks, medians.handWrittenAwsSolutions),
    ),
    ratioRow(
      '(construct alone) example / hand-written, both without built-in validation',
      ratios(medians.exampleNoBuiltin, medians.handWrittenNoBuiltin),
    ),
    ratioRow('(built-in validation) example / example without it', ratios(medians.example, medians.exampleNoBuiltin)),
  );
  return { lines, met };
}

if (require.main === module) console.log(synthCostBenchmark().lines.join('\n'));
