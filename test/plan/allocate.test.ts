import * as fc from 'fast-check';
import { ipv4ToNumber, numberToIpv4, parseIpv4Cidr, overlaps } from '../../lib/core/address';
import { APIPA_BLOCK_COUNT, ApipaAllocator } from '../../lib/plan/allocate';
import { RESERVED_INSIDE_CIDRS } from '../../lib/plan/constants';
import { planSharedGateway, planVpn, validatePlan } from '../../lib/check/validate';

// C03: Azure's APIPA range, written from seed 004 (169.254.21.0 – 169.254.22.255).
const APIPA = { first: ipv4ToNumber('169.254.21.0')!, last: ipv4ToNumber('169.254.22.255')! };
const RESERVED = RESERVED_INSIDE_CIDRS.map((c) => parseIpv4Cidr(c)!);

function checkBlock(cidr: string) {
  const parsed = parseIpv4Cidr(cidr)!;
  expect(parsed).toBeDefined();
  expect(parsed.prefix).toBe(30);
  expect(parsed.hostBitsSet).toBe(false);
  expect(parsed.first >= APIPA.first && parsed.last <= APIPA.last).toBe(true);
  return parsed;
}

describe('APIPA allocation (C01–C04)', () => {
  test('the Azure APIPA range holds 128 /30 blocks', () => {
    expect(APIPA_BLOCK_COUNT).toBe(128);
  });

  test('C04: a second plan on the same gateway gets the next free blocks, deterministically', () => {
    const [first, second] = planSharedGateway([{ name: 'vpc-a' }, { name: 'vpc-b', aws: { vpcCidr: '10.3.0.0/16' } }]);
    expect(first.tunnels.map((t) => t.insideCidr)).toEqual(['169.254.21.0/30', '169.254.22.0/30', '169.254.21.4/30', '169.254.22.4/30']);
    expect(second.tunnels.map((t) => t.insideCidr)).toEqual(['169.254.21.8/30', '169.254.22.8/30', '169.254.21.12/30', '169.254.22.12/30']);
    const again = planSharedGateway([{ name: 'vpc-a' }, { name: 'vpc-b', aws: { vpcCidr: '10.3.0.0/16' } }]);
    expect(again[1]).toEqual(second);
  });

  test("C02, C03: no AWS-reserved inside CIDR lies in Azure's APIPA range, so no allocated block can be one", () => {
    // The allocator also skips reserved blocks; that guard only matters if the two ranges ever meet,
    // so the disjointness is what a test can pin (an in-range block checked against RESERVED never fails).
    expect(RESERVED.filter((r) => overlaps(r, APIPA)).map((r) => numberToIpv4(r.first))).toEqual([]);
  });

  test.each([
    ['169.254.21.0/32', 'the first address of a block', ['169.254.21.4/30', '169.254.22.0/30', '169.254.21.8/30', '169.254.22.4/30']],
    ['169.254.22.3/32', 'the last address of a block', ['169.254.21.0/30', '169.254.22.4/30', '169.254.21.4/30', '169.254.22.8/30']],
    ['169.254.21.4/31', 'a /31 at a block start', ['169.254.21.0/30', '169.254.22.0/30', '169.254.21.8/30', '169.254.22.4/30']],
  ])('C04: an apipaInUse %s (%s) keeps its whole /30 free', (inUse, _what, expected) => {
    expect(planVpn({ azure: { apipaInUse: [inUse] } }).tunnels.map((t) => t.insideCidr)).toEqual(expected);
    const allocator = new ApipaAllocator();
    allocator.markUsed(parseIpv4Cidr(inUse)!);
    const taken = parseIpv4Cidr(inUse)!;
    const first = allocator.allocate(taken.first >= ipv4ToNumber('169.254.22.0')! ? 2 : 1)!;
    expect(overlaps(parseIpv4Cidr(first)!, taken)).toBe(false);
  });

  test('C04: allocation skips blocks named in azure.apipaInUse, including a larger block', () => {
    const plan = planVpn({ azure: { apipaInUse: ['169.254.21.0/29', '169.254.22.0/30'] } });
    expect(plan.tunnels.map((t) => t.insideCidr)).toEqual(['169.254.21.8/30', '169.254.22.4/30', '169.254.21.12/30', '169.254.22.8/30']);
  });

  test('C04: explicit CIDRs claim their blocks before allocation', () => {
    const plan = planVpn({ tunnels: [{ azureInstance: 1, awsTunnel: 1, insideCidr: '169.254.21.0/30' }] });
    const byId = Object.fromEntries(plan.tunnels.map((t) => [t.id, t.insideCidr]));
    expect(byId.Instance1Tunnel1).toBe('169.254.21.0/30');
    expect(byId.Instance0Tunnel1).toBe('169.254.21.4/30');
  });

  test('when the preferred /24 is full the allocator falls back to the rest of the range', () => {
    const allocator = new ApipaAllocator();
    allocator.markUsed(parseIpv4Cidr('169.254.21.0/24')!);
    expect(allocator.allocate(1)).toBe('169.254.22.0/30');
  });

  test('32 plans fill the range exactly; the 33rd gets a clear C03/C04 error', () => {
    const inputs = Array.from({ length: 32 }, (_, i) => ({ name: `vpc-${i}` }));
    const plans = planSharedGateway(inputs);
    const all = plans.flatMap((p) => p.tunnels.map((t) => t.insideCidr));
    expect(new Set(all).size).toBe(128);
    all.forEach(checkBlock);
    const result = validatePlan({ name: 'one-too-many' }, { sharedGateway: plans });
    expect(result.plan).toBeUndefined();
    expect(result.findings[0]).toMatchObject({ path: 'tunnels', catalogue: ['C03', 'C04'], level: 'error' });
    expect(result.findings[0].message).toMatch(/no free \/30/);
  });

  test('C04 property: every allocated block is aligned, in range and distinct from everything in use', () => {
    const inUse = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 511 }), fc.constantFrom(28, 29, 30, 31, 32)).map(([offset, prefix]) => {
        const size = 2 ** (32 - prefix);
        const first = APIPA.first + Math.floor(offset / size) * size;
        return `169.254.${21 + Math.floor((first - APIPA.first) / 256)}.${(first - APIPA.first) % 256}/${prefix}`;
      }),
      { maxLength: 20 },
    );
    // At most 20 blocks of up to /28 (4 /30s each) plus 6 plans of 4 tunnels: 104 of the 128 /30s, so the
    // range never runs out here and planSharedGateway must succeed; any error it throws is a failure.
    expect(20 * 4 + 6 * 4).toBeLessThan(APIPA_BLOCK_COUNT);
    fc.assert(
      fc.property(inUse, fc.integer({ min: 1, max: 6 }), (apipaInUse, planCount) => {
        const inputs = Array.from({ length: planCount }, (_, i) => ({ name: `p${i}`, azure: { apipaInUse } }));
        const plans = planSharedGateway(inputs);
        const used = apipaInUse.map((c) => parseIpv4Cidr(c)!);
        const cidrs = plans.flatMap((p) => p.tunnels.map((t) => t.insideCidr));
        const allocated = cidrs.map((c) => parseIpv4Cidr(c)!);
        // Plain checks, one expect per run (about 300 pairs a run): what is wrong, named by CIDR.
        const problems = allocated.flatMap((block, i) => [
          ...(block.prefix === 30 && !block.hostBitsSet && block.first >= APIPA.first && block.last <= APIPA.last
            ? []
            : [`${cidrs[i]} is not an aligned /30 in the APIPA range`]),
          ...apipaInUse.filter((_, u) => overlaps(used[u], block)).map((u) => `${cidrs[i]} overlaps apipaInUse ${u}`),
          ...cidrs.slice(i + 1).filter((_, j) => overlaps(block, allocated[i + 1 + j])).map((other) => `${cidrs[i]} overlaps ${other}`),
        ]);
        expect(problems).toEqual([]);
        return true;
      }),
      { numRuns: 200 },
    );
  });
});
