/**
 * The CfnView of a stack, with construct paths so that a finding can be put back on the construct
 * it is about. Two sources:
 *
 * - `cfnViewFromTemplate`: the synthesized template (the file `cdk synth` writes), read as JSON.
 *   Public APIs only, as cdk-validator-cfnguard reads `IPolicyValidationContext.templatePaths`: the
 *   cdk-nag pack (a validation plugin, run after the templates are written) uses it. Each resource
 *   is matched to its construct by `Stack.of(r).resolve(r.logicalId)`, which gives the final id
 *   (overrides and renames included).
 * - `cfnViewFromStack`: the construct tree before synthesis, for the Aspect. An Aspect must annotate
 *   before the template exists (annotations are collected while each template is written, and
 *   validation plugins run after that), and aws-cdk-lib has no public reader of a resource's
 *   rendered properties: `cfnProperties` and `renderProperties` are protected, and escape hatches
 *   (`addPropertyOverride`, `addOverride`) are write-only. Typed L1 props read with
 *   `Stack.of(r).resolve(r.prop)` (cdk-nag's rules) would miss those overrides and change rule
 *   results (test/enforcement/misconfigurations.test.ts, C01–C25 cases), so this one function still
 *   renders through `CfnResource._toCloudFormation()`; it is the only internal call left.
 */
import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { CfnResourceView, CfnView } from '../check/views/cfn-view';

/** @internal A stack's CfnView and the CfnResource behind each entry (the Aspect's and the pack's). */
export interface StackCfnView {
  /** The rules' view of the stack's resources. */
  readonly view: CfnView;
  /** The CfnResource behind each view entry, by construct path. */
  readonly resources: ReadonlyMap<string, CfnResource>;
}

/** @internal A synthesized CloudFormation template, as much of it as the view reads. */
export interface SynthesizedTemplate {
  readonly Resources?: Readonly<Record<string, { readonly Type?: string; readonly Properties?: Record<string, unknown>; }>>;
}

/** The CfnResources of `stack` itself (not of nested stacks: they are stacks of their own). */
function ownCfnResources(stack: Stack): CfnResource[] {
  return stack.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c) && Stack.of(c) === stack);
}

/** An environment-agnostic stack's region is a token (`AWS::Region`): unknown until deploy. */
function withRegion(stack: Stack, resources: CfnResourceView[]): CfnView {
  const region = Token.isUnresolved(stack.region) ? undefined : stack.region;
  return region === undefined ? { resources } : { resources, region };
}

/**
 * The view of `stack` from its synthesized `template` (e.g. `JSON.parse` of a file from
 * `IPolicyValidationContext.stackTemplates`), paths from the construct tree. A resource with no
 * construct in `stack` (added by a template-level override) keeps its logical id as its path.
 */
export function cfnViewFromTemplate(stack: Stack, template: SynthesizedTemplate): StackCfnView {
  const byLogicalId = new Map<string, CfnResource>();
  for (const resource of ownCfnResources(stack)) byLogicalId.set(String(stack.resolve(resource.logicalId)), resource);
  const resources = new Map<string, CfnResource>();
  const views: CfnResourceView[] = [];
  for (const [logicalId, body] of Object.entries(template.Resources ?? {})) {
    const construct = byLogicalId.get(logicalId);
    const path = construct?.node.path ?? logicalId;
    views.push({ logicalId, type: body.Type ?? construct?.cfnResourceType ?? '', properties: body.Properties ?? {}, path });
    if (construct) resources.set(path, construct);
  }
  return { view: withRegion(stack, views), resources };
}

/**
 * Renders each CfnResource of `stack` the way synthesis will (tokens become `{ Ref }`/`{ Fn::… }`;
 * tags, property overrides and escape hatches included), for the Aspect (see the file comment for
 * why this is not `cfnViewFromTemplate`). Call it once every aspect has run (validation time, or
 * after `app.synth()`): before that, tags added by `Tags.of()` are missing.
 */
export function cfnViewFromStack(stack: Stack): StackCfnView {
  const resources = new Map<string, CfnResource>();
  const views: CfnResourceView[] = [];
  for (const construct of ownCfnResources(stack)) {
    const rendered = stack.resolve(construct._toCloudFormation()) as SynthesizedTemplate;
    for (const [logicalId, body] of Object.entries(rendered.Resources ?? {})) {
      views.push({ logicalId, type: body.Type ?? construct.cfnResourceType, properties: body.Properties ?? {}, path: construct.node.path });
    }
    resources.set(construct.node.path, construct);
  }
  return { view: withRegion(stack, views), resources };
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
