/**
 * The documented pre-shared key format (C22), as the Azure half uses it. The check itself is the
 * PresharedKeyFormat rule's, so the plan, the CloudFormation template and the Azure connections all
 * judge a key the same way; its messages never contain the key or any of its characters.
 */
import { presharedKeyFormatProblems } from '../rules/PresharedKeyFormat';

/** What is wrong with a key's format (C22); empty when it is valid. Never contains the key. */
export function presharedKeyProblems(key: string): string[] {
  return presharedKeyFormatProblems(key);
}

/** The fix text of the Azure half's C22 messages. */
export const PRESHARED_KEY_FIX =
  "8–64 characters of letters, digits, '.' and '_', not starting with '0' (the same key on both ends of the tunnel).";

/** Tunnel id → the other tunnel ids whose key is the same value; only tunnels that share a key. */
export function tunnelsSharingKeys(keys: ReadonlyMap<string, string>): Map<string, string[]> {
  const sameAs = new Map<string, string[]>();
  for (const [tunnelId, key] of keys) {
    const others = [...keys].filter(([other, value]) => other !== tunnelId && value === key).map(([other]) => other);
    if (others.length > 0) sameAs.set(tunnelId, others);
  }
  return sameAs;
}
