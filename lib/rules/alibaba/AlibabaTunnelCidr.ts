import { contains, formatCidr, ipv4ToNumber, parseIpv4Cidr } from '../../core/address';
import { LINK_LOCAL_RANGE, RESERVED_INSIDE_CIDRS } from '../../plan/constants';
import { quoted } from '../../core/excerpt';
import type { AlibabaDesign } from '../../peers/alibaba/design';
import type { Violation } from '../../core/finding';
import type { Rule } from '../../check/kit/rule';
import { tunnelPath } from '../../check/views/alibaba';

const LINK_LOCAL = parseIpv4Cidr(LINK_LOCAL_RANGE)!;

function cidrProblem(cidr: string): string | undefined {
  const parsed = parseIpv4Cidr(cidr);
  if (parsed === undefined) return `${quoted(cidr)} is not an IPv4 CIDR`;
  if (parsed.prefix !== 30) return `${quoted(cidr)} is a /${parsed.prefix}, not a /30`;
  if (parsed.hostBitsSet) return `${quoted(cidr)} is not aligned to a /30 boundary (the block is ${formatCidr(parsed.first, 30)})`;
  if (!contains(LINK_LOCAL, parsed)) return `${quoted(cidr)} is outside ${LINK_LOCAL_RANGE}`;
  if (RESERVED_INSIDE_CIDRS.includes(cidr)) return `${quoted(cidr)} is one of the reserved blocks`;
  return undefined;
}

function tunnelCidrs(design: AlibabaDesign): Violation[] {
  const violations: Violation[] = [];
  const seen = new Map<string, string>();
  design.connections.forEach((connection, i) => {
    connection.tunnels.forEach((tunnel, j) => {
      const at = `${tunnelPath(i, j)}.bgp`;
      const { tunnelCidr, localBgpIp } = tunnel.bgp;
      const problem = cidrProblem(tunnelCidr);
      if (problem !== undefined) {
        violations.push({
          path: `${at}.tunnelCidr`,
          message: `${problem}.`,
          fix: `a /30 in ${LINK_LOCAL_RANGE}, none of ${RESERVED_INSIDE_CIDRS.join(', ')}.`,
        });
        return;
      }
      const other = seen.get(tunnelCidr);
      if (other !== undefined) {
        violations.push({
          path: `${at}.tunnelCidr`,
          message: `${tunnelCidr} is also the tunnel CIDR of ${other}; each tunnel of a VPN gateway has its own.`,
          fix: 'a /30 no other tunnel of the gateway uses.',
        });
      } else {
        seen.set(tunnelCidr, tunnelPath(i, j));
      }
      const block = parseIpv4Cidr(tunnelCidr)!;
      const ip = ipv4ToNumber(localBgpIp);
      // A host of the /30: not the network or broadcast address.
      if (ip === undefined || ip <= block.first || ip >= block.last) {
        violations.push({
          path: `${at}.localBgpIp`,
          message: `${quoted(localBgpIp)} is not a host address of the tunnel CIDR ${tunnelCidr}.`,
          fix: `an address inside ${tunnelCidr}: the second host for this design.`,
        });
      }
    });
  });
  return violations;
}

export const AlibabaTunnelCidr: Rule = {
  id: 'AlibabaTunnelCidr',
  catalogue: ['C35'],
  level: 'error',
  summary: 'Each Alibaba tunnel CIDR is a unique, unreserved /30 in 169.254.0.0/16 and holds the local BGP IP.',
  explanation: "Seed 002 (Alibaba Cloud IPsec-VPN guide, BGP settings): the tunnel CIDR is the BGP peers' interconnection block; each " +
    'tunnel of a VPN gateway needs a unique one, a /30 inside 169.254.0.0/16 other than 169.254.0.0/30 to 169.254.5.0/30 and ' +
    '169.254.169.252/30; the local BGP IP lies inside it.',
  fix: 'a /30 per tunnel from 169.254.0.0/16, not reserved, unique on the gateway, with the local BGP IP one of its hosts.',
  // The plan: each tunnel's inside /30 is the Alibaba tunnel CIDR (C39), so the same checks on the draft tunnels.
  plan: ({ spec, tunnels }) => {
    if (spec.alibaba === undefined) return [];
    const seen = new Map<string, string>();
    return tunnels.flatMap((t): Violation[] => {
      if (t.insideCidr === undefined) return [];
      const at = t.allocated ? `${t.path} (allocated)` : `${t.path}.insideCidr`;
      const problem = cidrProblem(t.insideCidr);
      if (problem !== undefined) {
        return [{
          path: at,
          message: `${problem}: it is also the Alibaba tunnel CIDR.`,
          fix: `a /30 in ${LINK_LOCAL_RANGE}, none of ${RESERVED_INSIDE_CIDRS.join(', ')}.`,
        }];
      }
      const other = seen.get(t.insideCidr);
      seen.set(t.insideCidr, t.path);
      return other === undefined
        ? []
        : [{
          path: at,
          message: `${t.insideCidr} is also the tunnel CIDR at ${other}; each tunnel of the Alibaba gateway has its own.`,
          fix: 'a /30 no other tunnel of the gateway uses.',
        }];
    });
  },
  alibaba: tunnelCidrs,
};
