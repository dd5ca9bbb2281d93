/** Shared by several rules (lib/rules/*): moved out of lib/rules/inside-cidr/InsideCidrIsApipaSlash30.ts so that no rule imports another rule file. */
import { isUnresolved, resourcesOfType, type CfnResourceView, type CfnView } from '../../check/views/cfn-view';

/** One literal `TunnelInsideCidr` of a synthesized `AWS::EC2::VPNConnection`. */
export interface CfnTunnelInsideCidr {
  readonly connection: CfnResourceView;
  /** Index in `VpnTunnelOptionsSpecifications`. */
  readonly index: number;
  readonly cidr: string;
  /** `VpnTunnelOptionsSpecifications[0].TunnelInsideCidr`, for messages. */
  readonly property: string;
}

/**
 * The literal tunnel inside CIDRs of every VPN connection. Values CloudFormation computes (an
 * intrinsic function) and malformed shapes are skipped: nothing can be said about them here.
 */
export function cfnTunnelInsideCidrs(view: CfnView): CfnTunnelInsideCidr[] {
  return resourcesOfType(view, 'AWS::EC2::VPNConnection').flatMap((connection) => {
    const specs = connection.properties.VpnTunnelOptionsSpecifications;
    if (!Array.isArray(specs)) return [];
    return specs.flatMap((spec: unknown, index): CfnTunnelInsideCidr[] => {
      if (!spec || typeof spec !== 'object' || isUnresolved(spec)) return [];
      const cidr = (spec as Record<string, unknown>).TunnelInsideCidr;
      return typeof cidr === 'string'
        ? [{ connection, index, cidr, property: `VpnTunnelOptionsSpecifications[${index}].TunnelInsideCidr` }]
        : [];
    });
  });
}
