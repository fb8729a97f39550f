import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
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

/** The secret as a verifying key, made once. */
export function memberVerifyKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A JSON object from a base64url part of the token; undefined for anything else. */
function jsonObjectOf(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
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

/**
 * Verifies signature, algorithm, `exp` (required) and `sub` (the member id, shaped like any API id),
 * as a JWT library would for HS256 alone (`nbf` and `iat` when present), on the calling thread: an
 * HMAC of a few hundred bytes takes microseconds, where Web Crypto's asynchronous one costs a trip
 * through the thread pool per request.
 */
export function verifyMemberToken(token: string, key: KeyObject, now: Date): TokenCheck {
  const invalid: TokenCheck = { ok: false, reason: 'invalid' };
  if (token.length > MAX_TOKEN_LENGTH) return invalid;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return invalid;
  const [encodedHeader, encodedPayload, encodedSignature] = parts as [string, string, string];
  const header = jsonObjectOf(encodedHeader);
  // Only HS256; a critical extension this check does not know (e.g. an unencoded payload) is refused.
  if (header === undefined || header.alg !== ALGORITHM || 'crit' in header) return invalid;
  const signature = Buffer.from(encodedSignature, 'base64url');
  const expected = createHmac('sha256', key).update(`${encodedHeader}.${encodedPayload}`).digest();
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return invalid;
  const payload = jsonObjectOf(encodedPayload);
  if (payload === undefined) return invalid;
  const { exp, nbf, iat, sub } = payload;
  if (typeof exp !== 'number' || (nbf !== undefined && typeof nbf !== 'number') || (iat !== undefined && typeof iat !== 'number')) return invalid;
  const failure = timeFailure(exp, nbf as number | undefined, now);
  if (failure !== undefined) return failure === 'expired' ? { ok: false, reason: 'expired' } : invalid;
  const parsed = resourceId.safeParse(sub);
  return parsed.success ? { ok: true, memberId: parsed.data } : invalid;
}

/** The checks of `exp` and `nbf` at `now`: why they fail, or undefined. */
function timeFailure(exp: number, nbf: number | undefined, now: Date): 'expired' | 'invalid' | undefined {
  const seconds = Math.floor(now.getTime() / 1000);
  if (nbf !== undefined && nbf > seconds + CLOCK_TOLERANCE_SECONDS) return 'invalid';
  if (exp <= seconds - CLOCK_TOLERANCE_SECONDS) return 'expired';
  return undefined;
}

/**
 * Whether a token verifyMemberToken accepted (this exact text) would still pass its checks of time
 * at `now`: the rest of what it checks does not change with time.
 */
export function stillInTime(verifiedToken: string, now: Date): boolean {
  const payload = jsonObjectOf(verifiedToken.split('.', 2)[1] ?? '');
  if (payload === undefined) return false;
  const { exp, nbf } = payload;
  return typeof exp === 'number' && (nbf === undefined || typeof nbf === 'number') && timeFailure(exp, nbf, now) === undefined;
}
