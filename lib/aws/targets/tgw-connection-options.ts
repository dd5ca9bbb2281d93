/**
 * The `AWS::EC2::VPNConnection` properties that differ on a transit gateway, which the TGW target
 * (./tgw.ts, `connectionProps`) spreads into both connections:
 *
 * - `TransitGatewayId` instead of `VpnGatewayId` ("You must specify either TransitGatewayId or
 *   VpnGatewayId, but not both", CloudFormation reference / aws-cdk-lib `CfnVPNConnectionProps`).
 * - `EnableAcceleration`: only on a transit gateway (seed 000/002, C27), and it needs NAT-T (UDP
 *   4500) on the peer. Create-only: changing it replaces the connection (CloudFormation registry
 *   schema of AWS::EC2::VPNConnection, `createOnlyProperties`, which also lists `VpnGatewayId` and
 *   `TransitGatewayId`: moving from a VGW to a TGW replaces both connections, new outside IPs).
 * - `TunnelBandwidth`: `standard` (up to 1.25 Gbps per tunnel, the default) or `large` (up to 5 Gbps
 *   per tunnel), per connection (both tunnels). Present in aws-cdk-lib 2.276 `CfnVPNConnectionProps`
 *   (`@default "standard"`, generated from the CloudFormation spec) and the EC2 API
 *   (`VpnConnectionOptionsSpecification.TunnelBandwidth`, enum `standard | large`). AWS Site-to-Site
 *   VPN User Guide, "Tunnel options", section "Tunnel bandwidth options": large only on a transit
 *   gateway or Cloud WAN, not a VGW; the AWS provider docs add "Not supported when vpnGatewayId is
 *   specified, or enableAcceleration is true", so large with acceleration is refused here.
 */
import type * as ec2 from 'aws-cdk-lib/aws-ec2';

/** `AWS::EC2::VPNConnection` `TunnelBandwidth` values. */
export type TunnelBandwidth = 'standard' | 'large';
export const TUNNEL_BANDWIDTH_VALUES: readonly TunnelBandwidth[] = ['standard', 'large'];

export interface TransitGatewayConnectionOptions {
  /**
   * Accelerated VPN (AWS Global Accelerator); the peer must allow NAT-T (UDP 4500). Create-only.
   * @default false
   */
  readonly enableAcceleration?: boolean;
  /**
   * Per-tunnel bandwidth of both tunnels of each connection.
   * @default - not set: `standard`, and the template does not change
   */
  readonly tunnelBandwidth?: TunnelBandwidth;
}

/** The connection properties for a transit gateway; throws naming each wrong option. */
export function transitGatewayConnectionProps(
  transitGatewayId: string,
  options: TransitGatewayConnectionOptions = {},
): Pick<ec2.CfnVPNConnectionProps, 'transitGatewayId' | 'enableAcceleration' | 'tunnelBandwidth'> {
  const problems: string[] = [];
  const bandwidth: unknown = options.tunnelBandwidth;
  if (bandwidth !== undefined && !TUNNEL_BANDWIDTH_VALUES.includes(bandwidth as TunnelBandwidth)) {
    problems.push(
      `tunnelBandwidth: ${JSON.stringify(String(bandwidth).slice(0, 40))} is not a value CloudFormation accepts ` +
        "(AWS::EC2::VPNConnection TunnelBandwidth); use 'standard' (1.25 Gbps per tunnel) or 'large' (5 Gbps), or leave it out",
    );
  }
  if (bandwidth === 'large' && options.enableAcceleration) {
    problems.push(
      "tunnelBandwidth: 'large' with enableAcceleration true; AWS offers large tunnels only without acceleration " +
        "(AWS provider docs: not supported when enableAcceleration is true); use 'standard', or enableAcceleration false",
    );
  }
  if (problems.length > 0) throw new Error(`transit gateway connection options:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    transitGatewayId,
    ...(options.enableAcceleration === undefined ? {} : { enableAcceleration: options.enableAcceleration }),
    ...(bandwidth === undefined ? {} : { tunnelBandwidth: bandwidth as TunnelBandwidth }),
  };
}
