import { errors, jwtVerify, SignJWT } from 'jose';
import { resourceId } from '../../api/common.ts';

/** Member tokens are HS256 only: accepting any other `alg` (or `none`) would let a caller pick the rules. */
const ALGORITHM = 'HS256';
/** Seconds of clock difference tolerated between the shop's backend and this server. */
const CLOCK_TOLERANCE_SECONDS = 5;
/** Longer than any honest token; refusing early keeps hostile input away from the verifier. */
const MAX_TOKEN_LENGTH = 4096;

export type TokenCheck = { ok: true; memberId: string } | { ok: false; reason: 'expired' | 'invalid' };

const encoder = new TextEncoder();

export function memberSecretKey(secret: string): Uint8Array {
  return encoder.encode(secret);
}

/**
 * The secret as a verifying key, imported once: given the raw bytes, jose would import them again
 * for every token it checks.
 */
export function memberVerifyKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
}

/** Signs a member token as the shop's backend would (used by the demo and by tests). */
export async function signMemberToken(secret: string, memberId: string, ttlSeconds: number, now: Date = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(memberId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(memberSecretKey(secret));
}

/** Verifies signature, algorithm, `exp` (required) and `sub` (the member id, shaped like any API id). */
export async function verifyMemberToken(token: string, key: Uint8Array | CryptoKey | Promise<CryptoKey>, now: Date): Promise<TokenCheck> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'invalid' };
  try {
    const { payload } = await jwtVerify(token, await key, {
      algorithms: [ALGORITHM],
      requiredClaims: ['exp', 'sub'],
      currentDate: now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    const parsed = resourceId.safeParse(payload.sub);
    return parsed.success ? { ok: true, memberId: parsed.data } : { ok: false, reason: 'invalid' };
  } catch (err) {
    return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
