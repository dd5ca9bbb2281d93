/**
 * Whether an address can face the internet as a VPN endpoint: an Azure gateway public IP (the AWS
 * customer gateway's address, C15) or an AWS tunnel outside IP (an Azure local network gateway's).
 * Both readers of the hand-off files use this one check.
 */
import * as ipaddr from 'ipaddr.js';
import { excerpt } from '../core/excerpt';

/**
 * RFC 5737 documentation ranges. Not public unicast (ipaddr.js calls them `reserved`), but accepted
 * so that samples, examples and tests use addresses that belong to nobody. Neither cloud ever assigns
 * them, so a template built on one can never bring a tunnel up: the AWS construct accepts Azure
 * gateway IPs in these ranges but warns at synth ("this template targets documentation addresses",
 * `documentationAddressWarnings` in azure-outputs.ts).
 */
export const DOCUMENTATION_RANGES: readonly string[] = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'];
const DOCUMENTATION_CIDRS = DOCUMENTATION_RANGES.map((c) => ipaddr.IPv4.parseCIDR(c));

/** The RFC 5737 documentation range `value` lies in (`203.0.113.0/24`), or undefined. */
export function documentationRangeOf(value: string): string | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(value)) return undefined;
  const address = ipaddr.IPv4.parse(value);
  const index = DOCUMENTATION_CIDRS.findIndex((cidr) => address.match(cidr));
  return index < 0 ? undefined : DOCUMENTATION_RANGES[index];
}

/** Why `value` cannot be a public VPN endpoint address, or undefined when it can. */
export function publicIpv4Problem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `expected an IPv4 address string, got ${excerpt(value)}`;
  if (!ipaddr.IPv4.isValidFourPartDecimal(value)) return `${excerpt(value)} is not an IPv4 address (a.b.c.d, no leading zeros)`;
  const address = ipaddr.IPv4.parse(value);
  const range = address.range();
  if (range === 'unicast' || DOCUMENTATION_CIDRS.some((cidr) => address.match(cidr))) return undefined;
  return `${excerpt(value)} is not a public address (range: ${range})`;
}
