/** Chooses the gateway target of a `SiteToSiteVpn`: the only place that knows the kinds. */
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { ResolvedPlan } from '../../plan/types';
import type { GatewayTarget } from './target';
import { TgwTarget } from './tgw';
import { VgwTarget } from './vgw';

export type { BoundGatewayTarget, GatewayConnectionProps, GatewayTarget } from './target';

/** The construct props a target reads (VGW today; a TGW target adds its own). */
export interface GatewayTargetProps {
  readonly vpc: ec2.IVpc;
  readonly vpnGatewayId?: string;
  readonly enableRoutePropagation?: boolean;
  readonly routePropagationSubnets?: ec2.SubnetSelection;
}

/** The plan's gateway target: `plan.aws.target.kind` (default `vgw`). */
export function gatewayTargetFor(plan: ResolvedPlan, props: GatewayTargetProps): GatewayTarget {
  if (plan.aws.target.kind === 'tgw') return new TgwTarget(plan.aws.target, props);
  return new VgwTarget(props);
}
