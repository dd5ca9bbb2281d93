/**
 * The offline listings' stand-in for Secrets Manager (`multicloud-vpn azure`, `multicloud-vpn alibaba`):
 * no AWS call, a random valid key per secret, kept in memory and never printed.
 */
import { randomInt } from 'node:crypto';
import type { SecretReader } from './aws-outputs';

/** A reader that makes up a valid random key (C22 format) per secret, in memory only. */
export function offlineKeyStandIn(log: (text: string) => void): SecretReader {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';
  let announced = false;
  return async () => {
    if (!announced) {
      log('offline: Secrets Manager is not read; each tunnel gets a random stand-in pre-shared key generated in memory (never printed).');
      announced = true;
    }
    // A letter first: a key may not start with 0 (C22).
    return alphabet[randomInt(52)] + Array.from({ length: 31 }, () => alphabet[randomInt(alphabet.length)]).join('');
  };
}
