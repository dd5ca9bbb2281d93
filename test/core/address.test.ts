import {
  bgpAddressesOf,
  contains,
  formatCidr,
  ipv4ToNumber,
  isIpv6,
  mustParseIpv4Cidr,
  numberToIpv4,
  overlaps,
  parseIpv4Cidr,
} from '../../lib/core/address';
import * as fc from 'fast-check';

describe('address math', () => {
  test('parses canonical CIDRs and marks host bits', () => {
    expect(parseIpv4Cidr('169.254.21.4/30')).toMatchObject({ prefix: 30, hostBitsSet: false });
    expect(parseIpv4Cidr('169.254.21.5/30')).toMatchObject({ prefix: 30, hostBitsSet: true });
    expect(numberToIpv4(parseIpv4Cidr('169.254.21.5/30')!.first)).toBe('169.254.21.4');
  });

  test.each(['169.254.021.0/30', '169.254.256.0/30', '169.254.21/30', '169.254.21.0', '169.254.21.0/33', '169.254.21.0/030', 'fd00::/126', ''])(
    'C01: refuses malformed %j instead of normalising it',
    (text) => expect(parseIpv4Cidr(text)).toBeUndefined(),
  );

  test.each(['10.0.0.0/8/169.254.21.0/30', 'x/169.254.21.0/30', '/169.254.21.0/30'])(
    'C01: refuses %j, a valid CIDR after other text, as a whole (the pattern is anchored at the start)',
    (text) => expect(parseIpv4Cidr(text)).toBeUndefined(),
  );

  test('C05: AWS takes the first host, Azure the second (seed 004 example)', () => {
    expect(bgpAddressesOf('169.254.21.0/30')).toEqual({ aws: '169.254.21.1', azure: '169.254.21.2' });
    expect(bgpAddressesOf('169.254.22.4/30')).toEqual({ aws: '169.254.22.5', azure: '169.254.22.6' });
  });

  test('number and dotted forms round-trip for every address', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (n) => ipv4ToNumber(numberToIpv4(n)) === n));
  });

  test('a formatted aligned block parses back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (prefix, n) => {
        const size = 2 ** (32 - prefix);
        const first = Math.floor(n / size) * size;
        const parsed = parseIpv4Cidr(formatCidr(first, prefix))!;
        return parsed.first === first && parsed.last === first + size - 1 && !parsed.hostBitsSet;
      }),
    );
  });

  test('overlap is symmetric and matches a brute-force check on small ranges', () => {
    const range = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })).map(([a, b]) => ({
      first: Math.min(a, b),
      last: Math.max(a, b),
    }));
    fc.assert(
      fc.property(range, range, (a, b) => {
        let shared = false;
        for (let x = a.first; x <= a.last; x++) if (x >= b.first && x <= b.last) shared = true;
        return overlaps(a, b) === shared && overlaps(b, a) === shared;
      }),
    );
  });

  test('C06: isIpv6 tells an IPv6 address or CIDR from IPv4 and from text', () => {
    expect(['fd00::/126', '2001:db8::1', '::1'].map(isIpv6)).toEqual([true, true, true]);
    expect(['169.254.21.0/30', '10.0.0.1', 'fd00::zz/126', ''].map(isIpv6)).toEqual([false, false, false, false]);
  });

  test('contains: the whole inner range, both ends, inside the outer one', () => {
    const outer = parseIpv4Cidr('169.254.21.0/24')!;
    expect(contains(outer, parseIpv4Cidr('169.254.21.0/30')!)).toBe(true);
    expect(contains(outer, parseIpv4Cidr('169.254.21.252/30')!)).toBe(true);
    expect(contains(outer, parseIpv4Cidr('169.254.20.252/30')!)).toBe(false); // starts before
    expect(contains(outer, parseIpv4Cidr('169.254.22.0/30')!)).toBe(false); // starts after
    expect(contains(parseIpv4Cidr('169.254.21.4/30')!, outer)).toBe(false); // ends after
  });

  test('mustParseIpv4Cidr returns the parse and throws, naming the text, on anything else', () => {
    expect(mustParseIpv4Cidr('169.254.21.4/30')).toMatchObject({ first: ipv4ToNumber('169.254.21.4'), prefix: 30 });
    expect(() => mustParseIpv4Cidr('169.254.21.4')).toThrow('internal: not an IPv4 CIDR: 169.254.21.4');
  });

  test('parsing stays right past the parse cache (5,000 distinct CIDRs, then the first again)', () => {
    const cidrs = Array.from({ length: 5000 }, (_, i) => `10.${i >> 8}.${i & 255}.0/24`);
    const parsed = cidrs.map((c) => parseIpv4Cidr(c)!);
    expect(parsed.every((p, i) => formatCidr(p.first, p.prefix) === cidrs[i])).toBe(true);
    expect(parseIpv4Cidr(cidrs[0])).toEqual(parsed[0]);
    expect(Object.isFrozen(parseIpv4Cidr(cidrs[4999]))).toBe(true);
  });
});
