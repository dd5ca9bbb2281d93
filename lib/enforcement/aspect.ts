/**
 * The rules, run inside any CDK app: a read-only Aspect that checks each stack's template-to-be and
 * annotates the offending constructs (at validation time, see `visit`). Errors make `cdk synth` and
 * `cdk deploy` fail (the CLI refuses an assembly with error annotations unless `--ignore-errors`);
 * warnings are shown and can be acknowledged per construct. It checks every stack, including VPN
 * resources written by hand.
 */
import { Annotations, AspectPriority, Aspects, Stack, type IAspect } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { checkCfn, RULES } from '../check/registry';
import type { Rule } from '../check/kit/rule';
import type { Finding } from '../core/finding';
import { cfnViewFromStack, constructForPath } from './stack-view';

/** The prefix of every rule id as the Aspect and the cdk-nag pack report it. */
export const ENFORCEMENT_RULE_PREFIX = 'MultiCloudVpn';

/** `MultiCloudVpn-<rule id>`: the id to acknowledge (`Validations.of(c).acknowledge({ id, reason })`). */
export function enforcementRuleId(ruleId: string): string {
  return `${ENFORCEMENT_RULE_PREFIX}-${ruleId}`;
}

/** `[MultiCloudVpn-InsideCidrIsApipaSlash30 C01] Stack/Vpn/Connection1: … Fix: …` */
export function formatAnnotation(finding: Finding): string {
  return `[${enforcementRuleId(finding.ruleId)} ${finding.catalogue.join(',')}] ${finding.path}: ${finding.message} Fix: ${finding.fix}`;
}

export interface VpnRulesAspectProps {
  /**
   * The rules to run.
   * @default RULES, every rule of the registry (those with a `cfn` check run)
   */
  readonly rules?: readonly Rule[];
}

export class VpnRulesAspect implements IAspect {
  /**
   * The one-liner: `VpnRulesAspect.enable(app)` checks every stack under `scope` (an App, a Stage or
   * a Stack). Added with `AspectPriority.READONLY`: it never changes the tree.
   */
  public static enable(scope: IConstruct, props: VpnRulesAspectProps = {}): VpnRulesAspect {
    const aspect = new VpnRulesAspect(props);
    Aspects.of(scope).add(aspect, { priority: AspectPriority.READONLY });
    return aspect;
  }

  private readonly rules: readonly Rule[];

  constructor(props: VpnRulesAspectProps = {}) {
    this.rules = props.rules ?? RULES;
  }

  public visit(node: IConstruct): void {
    // Rules read whole templates (a route table, its VGW, the VPN connection): one pass per stack.
    // Aspects run top-down, so when the stack is visited the aspects of its children (Tags.of()…)
    // have not run yet: the check is deferred to the validation phase, after every aspect and
    // `prepare`, and before the annotations are written to the cloud assembly.
    if (!Stack.isStack(node)) return;
    node.node.addValidation({
      validate: () => {
        this.check(node);
        return [];
      },
    });
  }

  private check(stack: Stack): void {
    const stackView = cfnViewFromStack(stack);
    for (const finding of checkCfn(stackView.view, this.rules)) {
      const annotations = Annotations.of(constructForPath(stackView, finding.path, stack));
      if (finding.level === 'error') annotations.addError(formatAnnotation(finding));
      else annotations.addWarningV2(enforcementRuleId(finding.ruleId), formatAnnotation(finding));
    }
  }
}
