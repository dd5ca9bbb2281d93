/**
 * Documented address ranges and values. Each names its catalogue number in
 * ../shared/CONSTRAINTS.md so that a change here is traceable to the documentation.
 */

/** C01: tunnel inside CIDRs are /30s in the link-local range. */
export const LINK_LOCAL_RANGE = '169.254.0.0/16';

/** C03: Azure reserves 169.254.21.0 – 169.254.22.255 for VPN APIPA BGP addresses. */
export const AZURE_APIPA_RANGE = { first: '169.254.21.0', last: '169.254.22.255' } as const;

/** C02: inside CIDRs AWS refuses (the Alibaba Cloud guide lists the same blocks). */
export const RESERVED_INSIDE_CIDRS: readonly string[] = [
  '169.254.0.0/30',
  '169.254.1.0/30',
  '169.254.2.0/30',
  '169.254.3.0/30',
  '169.254.4.0/30',
  '169.254.5.0/30',
  '169.254.169.252/30',
];

/** The inside block size of every tunnel (C01). */
export const INSIDE_PREFIX = 30;
