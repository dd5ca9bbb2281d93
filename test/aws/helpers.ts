/** Builds test stacks around `AzureVpnConnections` and reads their templates. */
import { readFileSync } from 'node:fs';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AzureVpnConnections, type AzureVpnConnectionsProps } from '../../lib/aws-entry';
import { type PlanInput, type ResolvedPlan } from '../../lib/plan';
import { loadPlanFile } from '../../lib/check/file';
import { planVpn } from '../../lib/check/validate';

/** Public unicast addresses, as Azure would assign them. */
export const AZURE_IPS: readonly [string, string] = ['20.10.0.1', '20.10.0.2'];
export const DOCUMENTED_PLAN_FILE = `${__dirname}/../../vpn-plan.json`;

export function documentedPlan(): ResolvedPlan {
  return loadPlanFile(DOCUMENTED_PLAN_FILE);
}

/** The documented plan file with `change` applied to its JSON. */
export function planWith(change: (input: PlanInput & Record<string, unknown>) => void): ResolvedPlan {
  const input = JSON.parse(readFileSync(DOCUMENTED_PLAN_FILE, 'utf8'));
  change(input);
  return planVpn(input);
}

export interface Built {
  readonly stack: Stack;
  readonly vpc: ec2.Vpc;
  readonly vpn: AzureVpnConnections;
  readonly template: Template;
}

/** A stack with a VPC (public + private-with-egress subnets in 2 AZs) and the construct as `AzureVpn`. */
export function build(
  props: Partial<AzureVpnConnectionsProps> = {},
  vpcProps: ec2.VpcProps = {},
  stackName = 'Test',
): Built {
  const app = new App();
  const stack = new Stack(app, stackName);
  const plan = props.plan ?? documentedPlan();
  const vpc = new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr(plan.aws.vpcCidr), maxAzs: 2, natGateways: 1, ...vpcProps });
  const vpn = new AzureVpnConnections(stack, 'AzureVpn', { plan, vpc, azureGatewayPublicIps: AZURE_IPS, ...props });
  return { stack, vpc, vpn, template: Template.fromStack(stack) };
}

type Json = Record<string, unknown>;

/**
 * A template value with intrinsics replaced by readable placeholders: `Ref X` → `<X>`,
 * `Fn::GetAtt [X, A]` → `<X.A>`, `Fn::Join` joined. Enough to parse the hand-off JSON.
 */
export function resolveIntrinsics(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveIntrinsics);
  if (value === null || typeof value !== 'object') return value;
  const v = value as Json;
  if (typeof v.Ref === 'string') return `<${v.Ref}>`;
  if (Array.isArray(v['Fn::GetAtt'])) return `<${(v['Fn::GetAtt'] as string[]).join('.')}>`;
  if (Array.isArray(v['Fn::Join'])) {
    const [separator, parts] = v['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => String(resolveIntrinsics(p))).join(separator);
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveIntrinsics(x)]));
}

/** Every value stored under `key` anywhere in `value`. */
export function valuesOfKey(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesOfKey(v, key));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Json).flatMap(([k, v]) => (k === key ? [v, ...valuesOfKey(v, key)] : valuesOfKey(v, key)));
}

/** Logical id of the single resource of `type`, failing when there is not exactly one. */
export function onlyLogicalId(template: Template, type: string): string {
  const ids = Object.keys(template.findResources(type));
  if (ids.length !== 1) throw new Error(`expected one ${type}, found ${ids.length}: ${ids.join(', ')}`);
  return ids[0];
}
