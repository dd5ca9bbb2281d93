import { isIpv6 } from '../../core/address';
import { isUnresolved, resourcesOfType } from '../../check/views/cfn-view';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

const FIX = "TunnelInsideIpVersion 'ipv4' with an IPv4 /30 such as 169.254.21.0/30 (IPv6 tunnels need a transit gateway).";

export const TunnelInsideIpv4OnVgw: Rule = {
  id: 'TunnelInsideIpv4OnVgw',
  catalogue: ['C06'],
  level: 'error',
  summary: 'A VPN connection on a virtual private gateway uses IPv4 inside and outside tunnel addresses.',
  explanation: 'Seed 001 (AWS Site-to-Site VPN user guide): a virtual private gateway does not carry IPv6 traffic; IPv6 ' +
    'inside (TunnelInsideIpVersion ipv6, TunnelInsideIpv6Cidr) and outside (OutsideIpAddressType Ipv6) addressing ' +
    'exist only on a transit gateway. Seed 004 sets "Tunnel inside IP version: IPv4" on both connections. With aws.target ' +
    "kind 'tgw' the plan still refuses 'ipv6': the Azure peer's custom BGP addresses are IPv4 APIPA (C05); a template's " +
    'connections on a transit gateway are not checked.',
  fix: FIX,
  plan: ({ spec, tunnels }) => [
    ...(spec.aws.tunnelInsideIpVersion === 'ipv6'
      ? [{
        path: 'aws.tunnelInsideIpVersion',
        // A transit gateway takes IPv6 tunnels, but the Azure peer's BGP addresses are IPv4 APIPA (C05).
        message: spec.aws.target.kind === 'tgw'
          ? "'ipv6': a transit gateway takes IPv6 inside addresses, but the Azure peer's BGP addresses are IPv4 APIPA (169.254.21.0–169.254.22.255, C05), so the sessions would never form."
          : "'ipv6' is not available on a virtual private gateway.",
        fix: "'ipv4' (the default).",
      }]
      : []),
    ...tunnels.flatMap((t): Violation[] =>
      !t.allocated && t.insideCidr !== undefined && isIpv6(t.insideCidr)
        ? [{ path: `${t.path}.insideCidr`, message: `'${t.insideCidr}' is an IPv6 inside CIDR; a virtual private gateway takes IPv4 only.` }]
        : []
    ),
  ],
  cfn: (view) =>
    resourcesOfType(view, 'AWS::EC2::VPNConnection').flatMap((connection): Violation[] => {
      const p = connection.properties;
      // Only a VGW is restricted; a transit gateway (or an unknown target) may use IPv6.
      if (p.VpnGatewayId === undefined || p.TransitGatewayId !== undefined) return [];
      const problems: string[] = [];
      if (typeof p.TunnelInsideIpVersion === 'string' && p.TunnelInsideIpVersion.toLowerCase() === 'ipv6') {
        problems.push("TunnelInsideIpVersion is 'ipv6'.");
      }
      if (typeof p.OutsideIpAddressType === 'string' && p.OutsideIpAddressType.toLowerCase() === 'ipv6') {
        problems.push("OutsideIpAddressType is 'Ipv6'.");
      }
      const specs = Array.isArray(p.VpnTunnelOptionsSpecifications) ? p.VpnTunnelOptionsSpecifications : [];
      specs.forEach((spec: unknown, i) => {
        if (!spec || typeof spec !== 'object' || isUnresolved(spec)) return;
        const { TunnelInsideIpv6Cidr: v6, TunnelInsideCidr: v4 } = spec as Record<string, unknown>;
        if (v6 !== undefined) problems.push(`VpnTunnelOptionsSpecifications[${i}].TunnelInsideIpv6Cidr is set (${JSON.stringify(v6)}).`);
        if (typeof v4 === 'string' && isIpv6(v4)) problems.push(`VpnTunnelOptionsSpecifications[${i}].TunnelInsideCidr '${v4}' is IPv6.`);
      });
      return problems.map((problem) => ({ path: connection.path, message: `${problem} A virtual private gateway supports IPv4 only.` }));
    }),
};
