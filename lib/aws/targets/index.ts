/** Chooses the gateway target of a `SiteToSiteVpn`: the only place that knows the kinds. */
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { ResolvedPlan } from '../../plan/types';
import type { GatewayTarget } from './target';
import { VgwTarget } from './vgw';

export type { BoundGatewayTarget, GatewayConnectionProps, GatewayTarget } from './target';

/** The construct props a target reads (VGW today; a TGW target adds its own). */
export interface GatewayTargetProps {
  readonly vpc: ec2.IVpc;
  readonly vpnGatewayId?: string;
  readonly enableRoutePropagation?: boolean;
  readonly routePropagationSubnets?: ec2.SubnetSelection;
}

/** The plan's gateway target (issue 11 adds `plan.aws.target === 'tgw'` → the TGW target here). */
export function gatewayTargetFor(_plan: ResolvedPlan, props: GatewayTargetProps): GatewayTarget {
  return new VgwTarget(props);
}
