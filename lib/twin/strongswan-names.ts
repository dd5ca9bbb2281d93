/**
 * IANA transform ids → strongSwan 5.9 proposal keywords (the "IKEv2 Cipher Suites" page of the
 * strongSwan documentation, https://docs.strongswan.org/docs/5.9/config/IKEv2CipherSuites.html).
 * This is the twin's own device mapping, the same for both ends.
 */
import { ENCR, INTEG, PRF, TranslationError, type IkeProposal } from './iana';

const INTEGRITY: Record<number, string> = {
  [INTEG.HMAC_SHA1_96]: 'sha1',
  [INTEG.HMAC_SHA2_256_128]: 'sha256',
  [INTEG.HMAC_SHA2_384_192]: 'sha384',
  [INTEG.HMAC_SHA2_512_256]: 'sha512',
};
const PRFS: Record<number, string> = {
  [PRF.HMAC_SHA1]: 'prfsha1',
  [PRF.HMAC_SHA2_256]: 'prfsha256',
  [PRF.HMAC_SHA2_384]: 'prfsha384',
  [PRF.HMAC_SHA2_512]: 'prfsha512',
};
const GROUPS: Record<number, string> = {
  1: 'modp768',
  2: 'modp1024',
  5: 'modp1536',
  14: 'modp2048',
  15: 'modp3072',
  16: 'modp4096',
  17: 'modp6144',
  18: 'modp8192',
  19: 'ecp256',
  20: 'ecp384',
  21: 'ecp521',
  22: 'modp1024s160',
  23: 'modp2048s224',
  24: 'modp2048s256',
};

function keyword(table: Record<number, string>, kind: string, id: number): string {
  const k = table[id];
  if (!k) throw new TranslationError(kind, id, Object.keys(table).join(', '));
  return k;
}

/** `aes256-sha256-prfsha256-modp2048`, `aes128gcm16-prfsha384-ecp256`, `aes256-sha1` … */
export function strongswanProposal(p: IkeProposal): string {
  const { id, keyLength } = p.encryption;
  const encryption = id === ENCR.AES_CBC ? `aes${keyLength}` : id === ENCR.AES_GCM_16 ? `aes${keyLength}gcm16` : undefined;
  if (!encryption) throw new TranslationError('encryption transform', id, `${ENCR.AES_CBC} or ${ENCR.AES_GCM_16}`);
  return [
    encryption,
    ...(p.integrity !== undefined ? [keyword(INTEGRITY, 'integrity transform', p.integrity)] : []),
    ...(p.prf !== undefined ? [keyword(PRFS, 'PRF transform', p.prf)] : []),
    ...p.keyExchange.map((g) => keyword(GROUPS, 'key exchange group', g)),
  ].join('-');
}
