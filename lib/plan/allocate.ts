/**
 * Allocation of tunnel inside /30s from Azure's APIPA range (C01–C04).
 *
 * Deterministic: AWS tunnel t prefers 169.254.(20 + t).0/24 and takes its lowest free aligned /30,
 * tunnels taken in instance order. On an empty gateway this reproduces seed 004's table
 * (21.0, 22.0 for instance 0; 21.4, 22.4 for instance 1); a second plan on the same gateway gets
 * 21.8, 22.8, 21.12, 22.12. When a preferred /24 is full, the lowest free /30 of the whole range.
 */
import { formatCidr, ipv4ToNumber, mustParseIpv4Cidr, overlaps, type Ipv4Range } from '../core/address';
import { AZURE_APIPA_RANGE, INSIDE_PREFIX, RESERVED_INSIDE_CIDRS } from './constants';
import type { AwsTunnelNumber } from './types';

const BLOCK = 2 ** (32 - INSIDE_PREFIX);
/** Azure's APIPA range for VPN gateways, as numbers (C03). */
export const AZURE_APIPA: Ipv4Range = { first: ipv4ToNumber(AZURE_APIPA_RANGE.first)!, last: ipv4ToNumber(AZURE_APIPA_RANGE.last)! };
const RANGE_FIRST = AZURE_APIPA.first;
const RANGE_LAST = AZURE_APIPA.last;
const RESERVED: readonly Ipv4Range[] = RESERVED_INSIDE_CIDRS.map(mustParseIpv4Cidr);

/** Number of /30s in Azure's APIPA range: the most tunnels one Azure gateway can take. */
export const APIPA_BLOCK_COUNT = (RANGE_LAST - RANGE_FIRST + 1) / BLOCK;

/**
 * Blocks in use, as a bitmap over the APIPA range's /30s plus a list of ranges outside it, so that
 * allocation stays linear in the number of tunnels even when the range is nearly full.
 */
export class ApipaAllocator {
  private readonly taken = new Uint8Array(APIPA_BLOCK_COUNT);

  /** Marks every /30 of the range that `used` overlaps. Ranges outside the APIPA range are ignored. */
  markUsed(used: Ipv4Range): void {
    const first = Math.max(used.first, RANGE_FIRST);
    const last = Math.min(used.last, RANGE_LAST);
    for (let block = Math.floor((first - RANGE_FIRST) / BLOCK); block * BLOCK + RANGE_FIRST <= last; block++) {
      this.taken[block] = 1;
    }
  }

  /** The next free /30 for AWS tunnel `awsTunnel`, marked used; undefined when the range is full. */
  allocate(awsTunnel: AwsTunnelNumber): string | undefined {
    const blocksPer24 = 256 / BLOCK;
    const preferredStart = (awsTunnel - 1) * blocksPer24;
    const block =
      this.firstFree(preferredStart, preferredStart + blocksPer24) ?? this.firstFree(0, APIPA_BLOCK_COUNT);
    if (block === undefined) return undefined;
    this.taken[block] = 1;
    return formatCidr(RANGE_FIRST + block * BLOCK, INSIDE_PREFIX);
  }

  private firstFree(from: number, to: number): number | undefined {
    for (let block = from; block < to; block++) {
      if (this.taken[block]) continue;
      const range = { first: RANGE_FIRST + block * BLOCK, last: RANGE_FIRST + (block + 1) * BLOCK - 1 };
      if (!RESERVED.some((r) => overlaps(r, range))) return block;
    }
    return undefined;
  }
}
