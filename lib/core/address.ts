/**
 * Pure IPv4 address math for tunnel inside addresses. No cloud SDK here.
 *
 * Parsing is strict on purpose (C01): `ipaddr.js` rejects octets above 255 and, with
 * `isValidFourPartDecimal`, leading zeros and short forms, so a typo is reported rather than
 * silently normalised into another block.
 */
import * as ipaddr from 'ipaddr.js';

/** An IPv4 block as unsigned 32-bit integers, both ends inclusive. */
export interface Ipv4Range {
  readonly first: number;
  readonly last: number;
}

/** A parsed IPv4 CIDR. `hostBitsSet` is true when the address is not the network address. */
export interface Ipv4Cidr extends Ipv4Range {
  readonly address: number;
  readonly prefix: number;
  readonly hostBitsSet: boolean;
}

export function ipv4ToNumber(address: string): number | undefined {
  if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return undefined;
  return ipaddr.IPv4.parse(address).toByteArray().reduce((n, octet) => n * 256 + octet, 0);
}

export function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/**
 * Parsed CIDRs by text. Plans sharing one Azure gateway re-read each other's blocks for every new
 * plan; the cache keeps that linear in practice. Bounded so that arbitrary input cannot grow it.
 */
const parsedCidrs = new Map<string, Ipv4Cidr | undefined>();
const PARSED_CIDRS_LIMIT = 4096;

/** Parses `a.b.c.d/n` strictly; returns undefined for anything else (IPv6 included). */
export function parseIpv4Cidr(cidr: string): Ipv4Cidr | undefined {
  // The cache changes only speed and memory, never a result: mutants of these two lines are equivalent.
  // Stryker disable next-line ConditionalExpression: equivalent (always parsing gives the same value)
  if (parsedCidrs.has(cidr)) return parsedCidrs.get(cidr);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent (clearing sooner or later gives the same values)
  if (parsedCidrs.size >= PARSED_CIDRS_LIMIT) parsedCidrs.clear();
  const parsed = parseIpv4CidrUncached(cidr);
  parsedCidrs.set(cidr, parsed ? Object.freeze(parsed) : undefined);
  return parsed;
}

function parseIpv4CidrUncached(cidr: string): Ipv4Cidr | undefined {
  const match = /^([^/]+)\/(0|[1-9]\d?)$/.exec(cidr);
  if (!match) return undefined;
  const address = ipv4ToNumber(match[1]);
  const prefix = Number(match[2]);
  if (address === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const first = Math.floor(address / size) * size;
  return { address, prefix, first, last: first + size - 1, hostBitsSet: first !== address };
}

export function formatCidr(first: number, prefix: number): string {
  return `${numberToIpv4(first)}/${prefix}`;
}

/** True when the text parses as an IPv6 address or CIDR (used to explain C06 findings). */
export function isIpv6(text: string): boolean {
  const [address] = text.split('/');
  return ipaddr.IPv6.isValid(address);
}

export function overlaps(a: Ipv4Range, b: Ipv4Range): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function contains(outer: Ipv4Range, inner: Ipv4Range): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
}

/** Parses a CIDR that must be well formed; for constants and already-validated values. */
export function mustParseIpv4Cidr(cidr: string): Ipv4Cidr {
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed) throw new Error(`internal: not an IPv4 CIDR: ${cidr}`);
  return parsed;
}

/** The first and second host of a /30: AWS takes the first, Azure the second (C05). */
export function bgpAddressesOf(insideCidr: string): { aws: string; azure: string; } {
  const { first } = mustParseIpv4Cidr(insideCidr);
  return { aws: numberToIpv4(first + 1), azure: numberToIpv4(first + 2) };
}
