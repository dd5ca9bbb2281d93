/** Shared by several rules (lib/rules/*): moved out of lib/rules/asn/VgwAsnIsPrivate.ts so that no rule imports another rule file. */
import { isUnresolved } from '../../check/views/cfn-view';

/** The ASN AWS gives a virtual private gateway when none is set (seed 001). */
export const DEFAULT_AMAZON_SIDE_ASN = 64512;
export const PRIVATE_RANGES = '64512–65534 or 4200000000–4294967294';

/**
 * A numeric template property: the number (numbers, or digit strings as CloudFormation accepts
 * them), undefined when absent or computed at deploy time (skipped), NaN for any other literal.
 */
export function cfnNumber(value: unknown): number | undefined {
  if (value === undefined || isUnresolved(value)) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return NaN;
}
