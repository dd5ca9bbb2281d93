/**
 * The documented pre-shared key format (C22): the ONE place it is checked. The PresharedKeyFormat rule (plan,
 * CloudFormation and Azure scopes), the Azure component, the Azure key readers and the AWS key storage all call
 * presharedKeyFormatProblems, so every entry point judges a key the same way; its messages never contain the
 * key or any of its characters.
 */
export const PRESHARED_KEY_LENGTH = { min: 8, max: 64 } as const;
/**
 * Generated keys are letters and digits only (no '.' or '_'), about 5.9 bits a character: 32
 * characters give some 190 bits. Shorter generated keys are allowed by AWS but warned about.
 */
export const GENERATED_KEY_MIN_LENGTH = 32;

/**
 * What is wrong with a pre-shared key under AWS's rule (the stricter of the two clouds). The
 * messages never contain the key or any of its characters, so they can be logged.
 */
export function presharedKeyFormatProblems(key: string): string[] {
  const problems: string[] = [];
  if (key.length < PRESHARED_KEY_LENGTH.min || key.length > PRESHARED_KEY_LENGTH.max) {
    problems.push(`is ${key.length} characters long; ${PRESHARED_KEY_LENGTH.min}–${PRESHARED_KEY_LENGTH.max} are allowed.`);
  }
  const invalid = [...key].filter((c) => !/[A-Za-z0-9._]/.test(c)).length;
  if (invalid > 0) problems.push(`contains ${invalid} character(s) other than letters, digits, '.' and '_'.`);
  if (key.startsWith('0')) problems.push("starts with '0'.");
  return problems;
}

/** What is wrong with a key's format (C22); empty when it is valid. Never contains the key. */
export function presharedKeyProblems(key: string): string[] {
  return presharedKeyFormatProblems(key);
}

/** The fix text of the Azure half's C22 messages. */
export const PRESHARED_KEY_FIX = "8–64 characters of letters, digits, '.' and '_', not starting with '0' (the same key on both ends of the tunnel).";

/** Tunnel id → the other tunnel ids whose key is the same value; only tunnels that share a key. */
export function tunnelsSharingKeys(keys: ReadonlyMap<string, string>): Map<string, string[]> {
  const sameAs = new Map<string, string[]>();
  for (const [tunnelId, key] of keys) {
    const others = [...keys].filter(([other, value]) => other !== tunnelId && value === key).map(([other]) => other);
    if (others.length > 0) sameAs.set(tunnelId, others);
  }
  return sameAs;
}
