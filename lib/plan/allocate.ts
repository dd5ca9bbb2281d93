/**
 * Allocation of tunnel inside /30s from Azure's APIPA range (C01–C04).
 *
 * Deterministic: AWS tunnel t prefers 169.254.(20 + t).0/24 and takes its lowest free aligned /30,
 * tunnels taken in instance order. On an empty gateway this reproduces seed 004's table
 * (21.0, 22.0 for instance 0; 21.4, 22.4 for instance 1); a second plan on the same gateway gets
 * 21.8, 22.8, 21.12, 22.12. When a preferred /24 is full, the lowest free /30 of the whole range.
 */
import { formatCidr, ipv4ToNumber, mustParseIpv4Cidr, overlaps, type Ipv4Range } from '../core/address';
import { AZURE_APIPA_RANGE, INSIDE_PREFIX, LINK_LOCAL_RANGE, RESERVED_INSIDE_CIDRS } from './constants';
import type { AwsTunnelNumber } from './types';

const BLOCK = 2 ** (32 - INSIDE_PREFIX);
/** Azure's APIPA range for VPN gateways, as numbers (C03). */
export const AZURE_APIPA: Ipv4Range = { first: ipv4ToNumber(AZURE_APIPA_RANGE.first)!, last: ipv4ToNumber(AZURE_APIPA_RANGE.last)! };
/** An Alibaba peer's range: all of 169.254.0.0/16, the reserved blocks skipped (C35; seed 002). */
export const ALIBABA_INSIDE_RANGE: Ipv4Range = mustParseIpv4Cidr(LINK_LOCAL_RANGE);
const RESERVED: readonly Ipv4Range[] = RESERVED_INSIDE_CIDRS.map(mustParseIpv4Cidr);
/** 169.254.21.0: AWS tunnel t prefers the /24 at PREFERRED_FIRST + (t − 1) × 256 (seed 004's table). */
const PREFERRED_FIRST = AZURE_APIPA.first;

/** Number of /30s in Azure's APIPA range: the most tunnels one Azure gateway can take. */
export const APIPA_BLOCK_COUNT = (AZURE_APIPA.last - AZURE_APIPA.first + 1) / BLOCK;

/**
 * Blocks in use, as a bitmap over the APIPA range's /30s plus a list of ranges outside it, so that
 * allocation stays linear in the number of tunnels even when the range is nearly full.
 */
export class ApipaAllocator {
  private readonly taken: Uint8Array;
  private readonly first: number;
  private readonly last: number;

  /** @param range the range to allocate from. @default Azure's APIPA range (C03) */
  constructor(range: Ipv4Range = AZURE_APIPA) {
    this.first = range.first;
    this.last = range.last;
    this.taken = new Uint8Array((range.last - range.first + 1) / BLOCK);
  }

  /** Marks every /30 of the range that `used` overlaps. Ranges outside the APIPA range are ignored. */
  markUsed(used: Ipv4Range): void {
    const first = Math.max(used.first, this.first);
    const last = Math.min(used.last, this.last);
    for (let block = Math.floor((first - this.first) / BLOCK); block * BLOCK + this.first <= last; block++) {
      this.taken[block] = 1;
    }
  }

  /** The next free /30 for AWS tunnel `awsTunnel`, marked used; undefined when the range is full. */
  allocate(awsTunnel: AwsTunnelNumber): string | undefined {
    const blocksPer24 = 256 / BLOCK;
    // 169.254.(20 + t).0/24 whatever the range, so an Alibaba plan gets the same default table as an Azure one.
    const preferredStart = (PREFERRED_FIRST - this.first) / BLOCK + (awsTunnel - 1) * blocksPer24;
    const block = this.firstFree(preferredStart, preferredStart + blocksPer24) ?? this.firstFree(0, this.taken.length);
    if (block === undefined) return undefined;
    this.taken[block] = 1;
    return formatCidr(this.first + block * BLOCK, INSIDE_PREFIX);
  }

  private firstFree(from: number, to: number): number | undefined {
    for (let block = from; block < to; block++) {
      if (this.taken[block]) continue;
      const range = { first: this.first + block * BLOCK, last: this.first + (block + 1) * BLOCK - 1 };
      if (!RESERVED.some((r) => overlaps(r, range))) return block;
    }
    return undefined;
  }
}
