/**
 * A synthesized CloudFormation template as the rules read it: plain JSON, tokens already resolved
 * to intrinsic functions (`{ Ref: … }`, `{ 'Fn::GetAtt': … }`). Rules never see constructs, so the
 * same checks serve the CDK Aspect, the cdk-nag pack and a template read from disk.
 */
export interface CfnResourceView {
  readonly logicalId: string;
  /** e.g. `AWS::EC2::VPNConnection` */
  readonly type: string;
  readonly properties: Readonly<Record<string, unknown>>;
  /** Construct path (`Stack/Vpn/Connection1`) when known, else the logical id. Violations use it. */
  readonly path: string;
}

export interface CfnView {
  readonly resources: readonly CfnResourceView[];
  /**
   * The stack's region when it is resolved (`env.region`), for region-specific rules (C09).
   * @default - unknown: an environment-agnostic stack or a template read from disk
   */
  readonly region?: string;
}

/** The logical id a `{ Ref: X }` points at, or undefined for anything else. */
export function refTarget(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const ref = (value as Record<string, unknown>).Ref;
    if (typeof ref === 'string') return ref;
  }
  return undefined;
}

/** True for a value CloudFormation computes at deploy time (any intrinsic function). */
export function isUnresolved(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value as object).some((k) => k === 'Ref' || k.startsWith('Fn::'))
  );
}

export function resourcesOfType(view: CfnView, type: string): readonly CfnResourceView[] {
  return view.resources.filter((r) => r.type === type);
}

/**
 * A synthesized template (`Template.fromStack(s).toJSON()`, or cdk.out JSON) as a view. A template
 * does not say its region: pass it when known (the stack's `env.region`, the cloud assembly manifest).
 */
export function cfnViewFromTemplate(template: { Resources?: Record<string, unknown>; }, region?: string): CfnView {
  const resources = Object.entries(template.Resources ?? {}).map(([logicalId, body]) => {
    const r = body as { Type?: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown>; };
    const path = r.Metadata?.['aws:cdk:path'];
    return {
      logicalId,
      type: r.Type ?? '',
      properties: r.Properties ?? {},
      path: typeof path === 'string' ? path : logicalId,
    };
  });
  return region === undefined ? { resources } : { resources, region };
}

// ---------------------------------------------------------------------------------------------
// Reference helpers for the rules that follow links between resources (C28–C33). They compare
// what properties point at, whether the target is in the template (`{ Ref }`, `{ Fn::GetAtt }`)
// or a literal id of something that exists elsewhere (`vgw-0abc…`).
// ---------------------------------------------------------------------------------------------

/** The logical id an `{ 'Fn::GetAtt': [X, attr] }` (or `'X.attr'`) points at, else undefined. */
export function getAttTarget(value: unknown): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const getAtt = (value as Record<string, unknown>)['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
    if (typeof getAtt === 'string') return getAtt.split('.')[0];
  }
  return undefined;
}

/**
 * What a property points at: the logical id of a `Ref`/`GetAtt` target, or the literal id string.
 * Undefined for anything computed otherwise (`Fn::ImportValue`, a parameter lookup…): unknown.
 * Logical ids are alphanumeric and literal EC2 ids contain `-`, so the two never collide.
 */
export function targetOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return refTarget(value) ?? getAttTarget(value);
}

export function resourceById(view: CfnView, logicalId: string): CfnResourceView | undefined {
  return view.resources.find((r) => r.logicalId === logicalId);
}

/** A readable name for what `targetOf` returned: the construct path when it is in the template. */
export function describeTarget(view: CfnView, target: string): string {
  return resourceById(view, target)?.path ?? target;
}

/** The value of a CloudFormation tag (`Tags: [{ Key, Value }]`), when literal. */
export function tagValue(resource: CfnResourceView, key: string): string | undefined {
  const tags = resource.properties.Tags;
  if (!Array.isArray(tags)) return undefined;
  for (const tag of tags) {
    if (tag && typeof tag === 'object' && (tag as Record<string, unknown>).Key === key) {
      const value = (tag as Record<string, unknown>).Value;
      return typeof value === 'string' ? value : undefined;
    }
  }
  return undefined;
}

/** A property that CloudFormation takes as a list, as an array (empty when absent). */
export function listProperty(resource: CfnResourceView, name: string): readonly unknown[] {
  const value = resource.properties[name];
  return Array.isArray(value) ? value : [];
}

/** `true`/`false` for a literal boolean property (CloudFormation also accepts the strings). */
export function booleanProperty(resource: CfnResourceView, name: string): boolean | undefined {
  const value = resource.properties[name];
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}
