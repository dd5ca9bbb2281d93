import { mustParseIpv4Cidr, overlaps, parseIpv4Cidr } from '../../core/address';
import { RESERVED_INSIDE_CIDRS } from '../../plan/constants';
import { cfnTunnelInsideCidrs } from '../../check/views/inside-cidrs';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

const RESERVED = RESERVED_INSIDE_CIDRS.map((cidr) => ({ cidr, range: mustParseIpv4Cidr(cidr) }));
const FIX = 'a /30 outside the reserved blocks, such as 169.254.21.0/30 (Azure APIPA range 169.254.21.0–169.254.22.255).';

/**
 * The reserved blocks an inside CIDR overlaps. Unparseable values give none: C01 reports them.
 * Overlap rather than equality, so that a wrongly sized block (also a C01 finding) is caught too.
 */
function reservedBlocksOverlapping(cidr: string): string[] {
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed) return [];
  return RESERVED.filter((r) => overlaps(r.range, parsed)).map((r) => r.cidr);
}

function message(cidr: string, reserved: readonly string[]): string {
  return `'${cidr}' overlaps the reserved inside block${reserved.length > 1 ? 's' : ''} ${reserved.join(', ')}.`;
}

export const InsideCidrNotReserved: Rule = {
  id: 'InsideCidrNotReserved',
  catalogue: ['C02'],
  level: 'error',
  summary: 'No tunnel inside CIDR uses a block AWS reserves (169.254.0.0/30 … 169.254.5.0/30, 169.254.169.252/30).',
  explanation: 'AWS refuses these inside CIDRs for a Site-to-Site VPN tunnel: 169.254.0.0/30, 169.254.1.0/30, ' +
    '169.254.2.0/30, 169.254.3.0/30, 169.254.4.0/30, 169.254.5.0/30 and 169.254.169.252/30 (AWS Site-to-Site VPN ' +
    'tunnel options; seed 002 lists the same blocks for Alibaba Cloud). Creating the VPN connection would fail.',
  fix: FIX,
  plan: ({ tunnels }) =>
    tunnels.flatMap((t): Violation[] => {
      if (t.allocated || t.insideCidr === undefined) return [];
      const reserved = reservedBlocksOverlapping(t.insideCidr);
      return reserved.length === 0 ? [] : [{ path: `${t.path}.insideCidr`, message: message(t.insideCidr, reserved) }];
    }),
  cfn: (view) =>
    cfnTunnelInsideCidrs(view).flatMap(({ connection, cidr, property }): Violation[] => {
      const reserved = reservedBlocksOverlapping(cidr);
      return reserved.length === 0 ? [] : [{ path: connection.path, message: `${property}: ${message(cidr, reserved)}` }];
    }),
};
