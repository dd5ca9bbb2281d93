/**
 * The IKEv2 transform identifiers the twin negotiates with, from IANA's "Internet Key Exchange
 * Version 2 (IKEv2) Parameters" registries (https://www.iana.org/assignments/ikev2-parameters):
 * Transform Type 1 (encryption), 2 (PRF), 3 (integrity) and 4 (key exchange / Diffie-Hellman).
 * Both vendor translations (aws-ike.ts, azure-ike.ts) end here, written apart from each other and
 * from lib/plan/ipsec.ts, so the twin checks the library's mapping instead of repeating it.
 */

/** Transform Type 1: ENCR_AES_CBC (RFC 3602) and ENCR_AES_GCM_16 (RFC 4106, RFC 5282). */
export const ENCR = { AES_CBC: 12, AES_GCM_16: 20 } as const;
/** Transform Type 2: PRF_HMAC_SHA1 (RFC 2104), PRF_HMAC_SHA2_256/384/512 (RFC 4868). */
export const PRF = { HMAC_SHA1: 2, HMAC_SHA2_256: 5, HMAC_SHA2_384: 6, HMAC_SHA2_512: 7 } as const;
/** Transform Type 3: AUTH_HMAC_SHA1_96 (RFC 2404), AUTH_HMAC_SHA2_256_128/384_192/512_256 (RFC 4868). */
export const INTEG = { HMAC_SHA1_96: 2, HMAC_SHA2_256_128: 12, HMAC_SHA2_384_192: 13, HMAC_SHA2_512_256: 14 } as const;
/*
 * Transform Type 4 (key exchange) ids are the group numbers themselves, so the translations pass DH
 * group numbers through: 1 768-bit MODP, 2 1024-bit MODP, 5 1536-bit
 * MODP, 14–18 2048–8192-bit MODP (RFC 3526), 19–21 256/384/521-bit random ECP (RFC 5903), 22–24
 * 1024/2048/2048-bit MODP with 160/224/256-bit prime order subgroup (RFC 5114).
 */
/** One encryption transform with its key length attribute (Transform Attribute 14, in bits). */
export interface EncryptionTransform {
  readonly id: number;
  readonly keyLength: number;
}

/**
 * One proposal as IANA ids: a single encryption transform, the integrity transform (absent for an
 * AEAD cipher, RFC 5282 §8), the PRF (IKE SAs only) and the acceptable key exchange groups (empty
 * for an ESP proposal without PFS).
 */
export interface IkeProposal {
  readonly encryption: EncryptionTransform;
  readonly integrity?: number;
  readonly prf?: number;
  readonly keyExchange: readonly number[];
}

/** Raised when an emitted value has no IKEv2 meaning: the field, the value, and what was expected. */
export class TranslationError extends Error {
  constructor(readonly field: string, readonly value: unknown, readonly expected: string) {
    super(`${field}: ${JSON.stringify(value)} has no IKEv2 transform (expected ${expected})`);
    this.name = 'TranslationError';
  }
}
