/**
 * The CfnView of a stack read from its construct tree, for checks that run inside the CDK app (the
 * Aspect, the cdk-nag pack) where no template is written yet. Paths are construct paths, so a
 * finding can be put back on the construct it is about.
 */
import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { CfnResourceView, CfnView } from '../check/views/cfn-view';

export interface StackCfnView {
  readonly view: CfnView;
  /** The CfnResource behind each view entry, by construct path. */
  readonly resources: ReadonlyMap<string, CfnResource>;
}

/**
 * Renders each CfnResource of `stack` (not of nested stacks: they are stacks of their own) the way
 * synthesis will: `_toCloudFormation()` resolved by the stack, so tokens become `{ Ref }`/`{ Fn::… }`
 * and tags, property overrides and escape hatches are included. Call it once every aspect has run
 * (validation time, or after `app.synth()`): before that, tags added by `Tags.of()` are missing.
 */
export function cfnViewFromStack(stack: Stack): StackCfnView {
  const resources = new Map<string, CfnResource>();
  const views: CfnResourceView[] = [];
  for (const construct of stack.node.findAll()) {
    if (!CfnResource.isCfnResource(construct) || Stack.of(construct) !== stack) continue;
    const rendered = stack.resolve(construct._toCloudFormation()) as { Resources?: Record<string, { Type?: string; Properties?: Record<string, unknown> }> };
    for (const [logicalId, body] of Object.entries(rendered.Resources ?? {})) {
      views.push({ logicalId, type: body.Type ?? construct.cfnResourceType, properties: body.Properties ?? {}, path: construct.node.path });
    }
    resources.set(construct.node.path, construct);
  }
  // An environment-agnostic stack's region is a token (`AWS::Region`): unknown until deploy.
  const region = Token.isUnresolved(stack.region) ? undefined : stack.region;
  return { view: region === undefined ? { resources: views } : { resources: views, region }, resources };
}

/**
 * The construct a finding path points at: the resource with that path, or with the longest path
 * that prefixes it (a rule may append a property, `Stack/Vpn/Connection.VpnTunnelOptions…`), else
 * `fallback` (the stack) so that nothing is lost.
 */
export function constructForPath(stackView: StackCfnView, path: string, fallback: IConstruct): IConstruct {
  let best: CfnResource | undefined;
  let bestLength = -1;
  for (const [resourcePath, resource] of stackView.resources) {
    const isPrefix = path === resourcePath || (path.startsWith(resourcePath) && /^[^A-Za-z0-9]/.test(path.slice(resourcePath.length)));
    if (isPrefix && resourcePath.length > bestLength) {
      best = resource;
      bestLength = resourcePath.length;
    }
  }
  return best ?? fallback;
}
