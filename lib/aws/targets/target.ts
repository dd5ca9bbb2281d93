/**
 * The gateway-target seam: the one place that knows which AWS gateway the VPN connections end on.
 * `SiteToSiteVpn` builds customer gateways, keys, connections, the outside-IP reader, alarms and
 * outputs for any target; everything that differs between a virtual private gateway and a transit
 * gateway is behind `GatewayTarget`, and the construct never asks which kind it holds.
 *
 * How the transit gateway target plugs in (lib/aws/targets/tgw.ts, issue 11; the plan side,
 * existing id xor new ASN and acceleration only here (C27), is checked by the plan's rules):
 * - `problems`: the VGW-only construct props (`vpnGatewayId`, `routePropagationSubnets`,
 *   `enableRoutePropagation: false`) are refused.
 * - `bind`: creates or imports the TGW (VPN ECMP, default route table settings); returns
 *   `connectionProps` (`transitGatewayId`, `enableAcceleration`, `tunnelBandwidth`), the TGW's Amazon
 *   side ASN and its id output (`TransitGatewayId`).
 * - `connectionsCreated`: reads the VPN attachment ids back (CloudFormation returns none, like the
 *   outside IPs), then the route table, the VPC attachment, the association and propagation of both
 *   VPN attachments and the VPC attachment (C29), and a static route to the TGW for the peer CIDR in
 *   each chosen route table (C28); `additionalOutputs` adds `TransitGatewayRouteTableId`.
 * - one line in `gatewayTargetFor` (targets/index.ts) choosing it from the plan.
 * A new target adds resources under the construct's scope with ids of its own; it never renames
 * the VGW target's (`VpnGateway`, `VpnGatewayAttachment`, `RoutePropagation`), which deployed
 * stacks hold.
 */
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { ResolvedPlan } from '../../plan/types';

/**
 * The `AWS::EC2::VPNConnection` properties a target decides: exactly one of the gateway ids, and on a
 * transit gateway the options only it has (acceleration, C27; large tunnels, Site-to-Site VPN User Guide).
 */
export type GatewayConnectionProps = Pick<ec2.CfnVPNConnectionProps, 'vpnGatewayId' | 'transitGatewayId' | 'enableAcceleration' | 'tunnelBandwidth'>;

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
  readonly output: { readonly key: string; readonly description: string; };
  /** Wiring that needs the VPN connections (a TGW's attachment association and propagation). */
  connectionsCreated?(connections: readonly ec2.CfnVPNConnection[]): void;
  /** Stack outputs besides `output` (`<outputPrefix><key>`), read after `connectionsCreated` (a TGW's route table). */
  additionalOutputs?(): readonly { readonly key: string; readonly value: string; readonly description: string; }[];
}
