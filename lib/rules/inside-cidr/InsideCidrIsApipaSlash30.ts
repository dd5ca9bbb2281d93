import { formatCidr, isIpv6, mustParseIpv4Cidr, parseIpv4Cidr, contains } from '../../core/address';
import { LINK_LOCAL_RANGE } from '../../plan/constants';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';
import { quoted } from '../../core/excerpt';
import { cfnTunnelInsideCidrs } from '../../check/views/inside-cidrs';

const LINK_LOCAL = mustParseIpv4Cidr(LINK_LOCAL_RANGE);

/** Problems of one inside CIDR, with a suggested valid value; empty when it is a valid link-local /30. */
function insideCidrProblems(cidr: string): { message: string; fix: string; }[] {
  if (isIpv6(cidr)) return []; // C06 reports IPv6 inside addresses
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed) {
    return [{
      message: `${quoted(cidr)} is not an IPv4 CIDR (four decimal octets 0–255 without leading zeros, then /30).`,
      fix: 'a /30 such as 169.254.21.0/30.',
    }];
  }
  const problems: { message: string; fix: string; }[] = [];
  if (parsed.prefix !== 30) {
    problems.push({
      message: `${quoted(cidr)} is a /${parsed.prefix}; each tunnel takes exactly a /30.`,
      fix: `${formatCidr(Math.floor(parsed.address / 4) * 4, 30)}.`,
    });
  } else if (parsed.hostBitsSet) {
    problems.push({
      message: `${quoted(cidr)} has host bits set; a /30 starts at a multiple of 4.`,
      fix: `${formatCidr(parsed.first, 30)} (not normalised silently).`,
    });
  }
  if (!contains(LINK_LOCAL, parsed)) {
    problems.push({
      message: `${quoted(cidr)} is outside ${LINK_LOCAL_RANGE}.`,
      fix: 'a /30 inside 169.254.0.0/16 (for Azure, 169.254.21.0–169.254.22.255).',
    });
  }
  return problems;
}

export const InsideCidrIsApipaSlash30: Rule = {
  id: 'InsideCidrIsApipaSlash30',
  catalogue: ['C01'],
  level: 'error',
  summary: 'Each tunnel inside CIDR is a /30, aligned, inside 169.254.0.0/16, written canonically.',
  explanation: 'AWS requires a /30 inside IPv4 CIDR from 169.254.0.0/16 per tunnel (seed 004, the Azure AWS-BGP tutorial; ' +
    'seed 002 lists the same rule for Alibaba Cloud). A malformed value (an octet above 255, leading zeros, host ' +
    'bits set) is refused rather than normalised, because a silent fix would move the tunnel to another block.',
  fix: 'a /30 such as 169.254.21.0/30.',
  plan: ({ tunnels }) =>
    tunnels.flatMap((t): Violation[] =>
      t.allocated || t.insideCidr === undefined
        ? []
        : insideCidrProblems(t.insideCidr).map((p) => ({ path: `${t.path}.insideCidr`, ...p }))
    ),
  cfn: (view) =>
    cfnTunnelInsideCidrs(view).flatMap(({ connection, cidr, property }) =>
      insideCidrProblems(cidr).map((p) => ({ path: connection.path, message: `${property}: ${p.message}`, fix: p.fix }))
    ),
};
