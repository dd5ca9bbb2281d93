import { contains, ipv4ToNumber, mustParseIpv4Cidr, parseIpv4Cidr } from '../../core/address';
import { AZURE_APIPA } from '../../plan/allocate';
import { AZURE_APIPA_RANGE, LINK_LOCAL_RANGE } from '../../plan/constants';
import type { Rule } from '../../check/kit/rule';
import type { Violation } from '../../core/finding';

const RANGE_TEXT = `${AZURE_APIPA_RANGE.first}–${AZURE_APIPA_RANGE.last}`;
const LINK_LOCAL = mustParseIpv4Cidr(LINK_LOCAL_RANGE);

/** True when `address` (a plain IPv4 address) lies in Azure's APIPA range 169.254.21.0–169.254.22.255. */
function isAzureApipaAddress(address: string): boolean {
  const n = ipv4ToNumber(address);
  return n !== undefined && AZURE_APIPA.first <= n && n <= AZURE_APIPA.last;
}

function addressViolation(path: string, what: string, address: string): Violation[] {
  return isAzureApipaAddress(address)
    ? []
    : [{ path, message: `${what} '${address}' is not an address of Azure's APIPA range ${RANGE_TEXT}.` }];
}

export const InsideCidrInAzureApipaRange: Rule = {
  id: 'InsideCidrInAzureApipaRange',
  catalogue: ['C03'],
  level: 'error',
  summary: `For an Azure peer, every tunnel inside CIDR and BGP address lies in Azure's APIPA range ${RANGE_TEXT}.`,
  explanation: 'Seed 004 (Azure tutorial "VPN between Azure and AWS with BGP"): AWS takes any /30 of 169.254.0.0/16, but ' +
    `the CIDR must also lie in the APIPA range Azure reserves for VPN, ${RANGE_TEXT}; Azure refuses custom APIPA ` +
    'BGP addresses outside it, so a tunnel outside this range cannot carry BGP to Azure.',
  fix: `a /30 inside ${RANGE_TEXT}, such as 169.254.21.0/30 or 169.254.22.4/30.`,
  // The Azure window applies to an Azure peer only; an Alibaba plan's tunnels are C35's (issue 10).
  plan: ({ spec, tunnels }) =>
    (spec.alibaba !== undefined ? [] : tunnels).flatMap((t): Violation[] => {
      if (t.allocated || t.insideCidr === undefined) return [];
      const parsed = parseIpv4Cidr(t.insideCidr);
      // Unparseable or outside 169.254.0.0/16: C01 already says so.
      if (!parsed || !contains(LINK_LOCAL, parsed) || contains(AZURE_APIPA, parsed)) return [];
      return [{ path: `${t.path}.insideCidr`, message: `'${t.insideCidr}' is outside Azure's APIPA range ${RANGE_TEXT}.` }];
    }),
  azure: (view) => [
    ...view.gateway.bgpPeeringAddresses.flatMap((peering, i) =>
      peering.customBgpIpAddresses.flatMap((address, j) =>
        addressViolation(`gateway ${view.gateway.name}.bgpPeeringAddresses[${i}].customBgpIpAddresses[${j}]`, 'custom APIPA BGP address', address)
      )
    ),
    ...view.connections.flatMap((c) =>
      c.gatewayCustomBgpIpAddresses.flatMap((entry, j) =>
        addressViolation(`connection ${c.name}.gatewayCustomBgpIpAddresses[${j}]`, 'custom BGP address', entry.customBgpIpAddress)
      )
    ),
    ...view.localNetworkGateways.flatMap((lng) =>
      addressViolation(`localNetworkGateway ${lng.name}.bgpPeeringAddress`, 'BGP peer address', lng.bgpPeeringAddress)
    ),
    ...Object.entries(view.awsPeer.insideCidrs).flatMap(([tunnelId, cidr]): Violation[] => {
      const parsed = parseIpv4Cidr(cidr);
      return parsed && contains(AZURE_APIPA, parsed)
        ? []
        : [{
          path: `awsPeer.insideCidrs.${tunnelId}`,
          message: `AWS inside CIDR '${cidr}' is not a block inside Azure's APIPA range ${RANGE_TEXT}.`,
        }];
    }),
  ],
};
