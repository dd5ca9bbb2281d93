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

/** A synthesized template (`Template.fromStack(s).toJSON()`, or cdk.out JSON) as a view. */
export function cfnViewFromTemplate(template: { Resources?: Record<string, unknown> }): CfnView {
  const resources = Object.entries(template.Resources ?? {}).map(([logicalId, body]) => {
    const r = body as { Type?: string; Properties?: Record<string, unknown>; Metadata?: Record<string, unknown> };
    const path = r.Metadata?.['aws:cdk:path'];
    return {
      logicalId,
      type: r.Type ?? '',
      properties: r.Properties ?? {},
      path: typeof path === 'string' ? path : logicalId,
    };
  });
  return { resources };
}
