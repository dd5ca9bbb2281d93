/**
 * The gateway-target seam: the one place that knows which AWS gateway the VPN connections end on.
 * `SiteToSiteVpn` builds customer gateways, keys, connections, the outside-IP reader, alarms and
 * outputs for any target; everything that differs between a virtual private gateway and a transit
 * gateway is behind `GatewayTarget`, and the construct never asks which kind it holds.
 *
 * How a transit gateway plugs in (lib/aws/targets/tgw.ts, issue 11):
 * - `problems`: the TGW props (existing id xor new ASN, `enableAcceleration` only here, C27).
 * - `bind`: creates or imports the TGW (VPN ECMP `enable`, default route table settings), its route
 *   table and the VPC attachment with a static route to the TGW for the peer CIDR in each chosen
 *   route table (C28); returns `connectionProps: { transitGatewayId }`, the TGW's Amazon side ASN and
 *   its id output (`TransitGatewayId`).
 * - `connectionsCreated`: reads the VPN attachment ids back (CloudFormation returns none, like the
 *   outside IPs), associates them with the TGW route table and propagates them and the VPC
 *   attachment into it.
 * - one line in `gatewayTargetFor` (targets/index.ts) choosing it from the plan.
 * A new target adds resources under the construct's scope with ids of its own; it never renames
 * the VGW target's (`VpnGateway`, `VpnGatewayAttachment`, `RoutePropagation`), which deployed
 * stacks hold.
 */
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { ResolvedPlan } from '../../plan/types';

/** The `AWS::EC2::VPNConnection` properties that name the gateway: exactly one of them is set. */
export type GatewayConnectionProps = Pick<ec2.CfnVPNConnectionProps, 'vpnGatewayId' | 'transitGatewayId'>;

/** A gateway the VPN connections can end on, before it is built. */
export interface GatewayTarget {
  /** Problems of the target's props, each `field: what is wrong …; valid value` (reported with the construct's own). */
  problems(): string[];
  /**
   * Creates (or imports) the gateway and the VPC routing side under `scope`, which is the VPN
   * construct: logical ids are relative to it. Called before the customer gateways are made.
   */
  bind(scope: Construct, plan: ResolvedPlan): BoundGatewayTarget;
}

/** A built target: what the connections, the hand-off and the outputs need from it. */
export interface BoundGatewayTarget {
  /** The gateway's id (`vgw-…`, `tgw-…`; a token when created). */
  readonly gatewayId: string;
  /** The Amazon side ASN of the gateway (BGP peer of the peer's gateway, C08, C11). */
  readonly amazonSideAsn: number;
  /** Spread into each `CfnVPNConnection`'s props. */
  readonly connectionProps: GatewayConnectionProps;
  /** The stack output with the gateway id: `<outputPrefix><key>`. */
  readonly output: { readonly key: string; readonly description: string };
  /** Wiring that needs the VPN connections (a TGW's attachment association and propagation). */
  connectionsCreated?(connections: readonly ec2.CfnVPNConnection[]): void;
}
