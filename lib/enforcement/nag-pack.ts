/**
 * The same rules as a cdk-nag 3 pack, for teams that already run cdk-nag: its engine, report and
 * acknowledgements (`Validations.of(construct).acknowledge({ id: 'MultiCloudVpn-<rule id>', reason })`).
 *
 *   Validations.of(app).addPlugins(new MulticloudVpnChecks(app));
 *
 * cdk-nag calls a pack once per CfnResource, but our rules read a whole template (a route table, its
 * gateway, the VPN connection): the pack evaluates each stack once and reports every finding on the
 * resource it is about, so acknowledgements work per construct as with any cdk-nag rule.
 *
 * The template it evaluates is the synthesized one, read through public APIs only: in a synthesis,
 * the file the validation context names (`IPolicyValidationContext.stackTemplates`, as
 * cdk-validator-cfnguard reads `templatePaths`); in a direct `validateScope` call (tests, after
 * `app.synth()`), the stack's template in the stage's cloud assembly. cdk-nag 3's own rules read
 * typed L1 props instead (`Stack.of(node).resolve(node.prop)`), which miss escape hatches.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CfnResource, Stack, Stage, type IPolicyValidationContext, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagRuleCompliance, type NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { checkCfn, RULES } from '../check/registry';
import type { Rule } from '../check/kit/rule';
import type { Finding } from '../core/finding';
import { ENFORCEMENT_RULE_PREFIX, enforcementRuleId, formatAnnotation } from './aspect';
import { cfnViewFromTemplate, constructForPath, type SynthesizedTemplate } from './stack-view';

/** Props of `MulticloudVpnChecks` (cdk-nag's `NagPackProps` plus the rules to run). */
export interface MulticloudVpnChecksProps extends NagPackProps {
  /**
   * The rules to run; only those with a `cfn` check take part.
   * @default RULES, the registry
   */
  readonly rules?: readonly Rule[];
}

/**
 * The rules as a cdk-nag pack and CDK validation plugin (`Validations.of(app).addPlugins(new MulticloudVpnChecks(app))`):
 * it reads the synthesized templates through public APIs and reports each finding as `MultiCloudVpn-<rule id>`.
 */
/** One entry of `IPolicyValidationContext.stackTemplates` (aws-cdk-lib versions after the peer floor). */
interface StackTemplate {
  readonly stackConstructPath: string;
  readonly templatePath: string;
}

export class MulticloudVpnChecks extends NagPack {
  /** The plugin name in the validation report: `MultiCloudVpn`. */
  public readonly name = ENFORCEMENT_RULE_PREFIX;
  /** `MultiCloudVpn-<id>` of every rule with a CloudFormation check, in registry order. */
  public readonly ruleIds: string[];
  private readonly rules: readonly Rule[];
  /** Findings by construct path, per stack; rebuilt on each validation run. */
  private findingsByStack = new Map<Stack, ReadonlyMap<string, readonly Finding[]>>();
  /** The synthesized template files of the running validation, by stack construct path; unset outside `validate`. */
  private templateFiles?: { readonly byStackPath: ReadonlyMap<string, string>; readonly paths: ReadonlySet<string>; };

  constructor(scope?: IConstruct, props: MulticloudVpnChecksProps = {}) {
    super(scope, props);
    this.packName = ENFORCEMENT_RULE_PREFIX;
    this.rules = (props.rules ?? RULES).filter((rule) => rule.cfn !== undefined);
    this.ruleIds = this.rules.map((rule) => enforcementRuleId(rule.id));
  }

  /**
   * cdk-nag's engine fails the report on any violation, warnings included; ours fails only on an
   * error, so that a warning (a catalogue row whose level is `warning`, e.g. C30 or C43) is printed in
   * the validation report without stopping `cdk synth`, as the Aspect's warnings do.
   */
  public override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    // `stackTemplates` is newer than the peer range's floor (aws-cdk-lib 2.258 has no such field, so
    // it is read through a widened type); `templatePaths` is in every version.
    const stacks = (context as IPolicyValidationContext & { readonly stackTemplates?: readonly StackTemplate[]; }).stackTemplates ?? [];
    this.templateFiles = {
      byStackPath: new Map(stacks.map((s) => [s.stackConstructPath, s.templatePath])),
      paths: new Set([...context.templatePaths, ...stacks.map((s) => s.templatePath)].map((p) => path.resolve(p))),
    };
    try {
      return super.validate(context);
    } finally {
      this.templateFiles = undefined;
    }
  }

  /** Checks every stack under `scope` (each once) and reports its findings; also what a synthesis calls per stage. */
  public override validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.findingsByStack = new Map();
    const report = super.validateScope(scope);
    return { ...report, success: report.violations.every((violation) => violation.severity !== 'error') };
  }

  protected checkResource(node: CfnResource): void {
    const findings = this.findingsAt(node);
    for (const rule of this.rules) {
      const own = findings.filter((f) => f.ruleId === rule.id);
      const isError = own.length > 0 ? own.some((f) => f.level === 'error') : rule.level === 'error';
      this.applyRule({
        ruleSuffixOverride: rule.id,
        info: own.length > 0 ? own.map(formatAnnotation).join(' ') : rule.summary,
        explanation: `${rule.explanation} Fix: ${rule.fix}`,
        level: isError ? NagMessageLevel.ERROR : NagMessageLevel.WARN,
        node,
        rule: () => (own.length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT),
      });
    }
  }

  private findingsAt(node: CfnResource): readonly Finding[] {
    const stack = Stack.of(node);
    let byPath = this.findingsByStack.get(stack);
    if (!byPath) {
      byPath = this.evaluate(stack);
      this.findingsByStack.set(stack, byPath);
    }
    return byPath.get(node.node.path) ?? [];
  }

  /**
   * The synthesized template of `stack`: the validation context's file, else (a direct
   * `validateScope`) the stage's cloud assembly, which `synth()` returns from cache once synthesized.
   * Undefined for a stack the running validation was not given: another plugin run checks it.
   */
  private templateOf(stack: Stack): SynthesizedTemplate | undefined {
    const stage = Stage.of(stack);
    if (this.templateFiles) {
      const expected = stage ? path.resolve(stage.outdir, stack.templateFile) : undefined;
      const file = this.templateFiles.byStackPath.get(stack.node.path) ??
        (expected !== undefined && this.templateFiles.paths.has(expected) ? expected : undefined);
      return file === undefined ? undefined : (JSON.parse(readFileSync(file, 'utf8')) as SynthesizedTemplate);
    }
    if (!stage) return undefined;
    return stage.synth().getStackArtifact(stack.artifactId).template as SynthesizedTemplate;
  }

  private evaluate(stack: Stack): ReadonlyMap<string, readonly Finding[]> {
    const template = this.templateOf(stack);
    if (template === undefined) return new Map();
    const stackView = cfnViewFromTemplate(stack, template);
    // cdk-nag only reports on resources: a finding about no resource goes to the stack's first one.
    const fallback = stackView.resources.values().next().value ?? stack;
    const byPath = new Map<string, Finding[]>();
    for (const finding of checkCfn(stackView.view, this.rules)) {
      const path = constructForPath(stackView, finding.path, fallback).node.path;
      byPath.set(path, [...(byPath.get(path) ?? []), finding]);
    }
    return byPath;
  }
}
