import type { Context, MiddlewareHandler } from 'hono';
import { createApiKeyCheck } from './api-key.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { AppEnv, Caller } from './env.ts';
import { memberVerifyKey, verifyMemberToken } from './member-token.ts';
import { ProblemError } from '../errors.ts';

export { signMemberToken } from './member-token.ts';

export const API_KEY_HEADER = 'X-Api-Key';

export interface AuthOptions {
  apiKey: string;
  memberSecret: string;
  clock?: Clock;
}

export interface OwnershipOptions {
  /** A path parameter that must equal the member's id when the caller is a member (else 403). */
  ownParam?: string;
}

export interface Auth {
  /** Members only (`Authorization: Bearer <member token>`); the shop's key gets 403. */
  requireMember(options?: OwnershipOptions): MiddlewareHandler<AppEnv>;
  /** The shop's backend only (`X-Api-Key`); a member token gets 403. */
  requireShop(): MiddlewareHandler<AppEnv>;
  /** Reads a member may make about themselves and the shop about anyone. */
  memberOrShop(options?: OwnershipOptions): MiddlewareHandler<AppEnv>;
}

type Accepts = 'member' | 'shop' | 'either';

/** The token of an `Authorization: Bearer <token>` header; undefined when the header is missing or has another shape. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : /^Bearer[ ]+([^\s]+)[ ]*$/i.exec(authorization)?.[1];
}

const REALM = 'realm="rewards"';
const challenges: Record<Accepts, string> = {
  member: `Bearer ${REALM}`,
  shop: `ApiKey ${REALM}, header="${API_KEY_HEADER}"`,
  either: `Bearer ${REALM}, ApiKey ${REALM}, header="${API_KEY_HEADER}"`,
};

function unauthorized(accepts: Accepts, detail: string, invalidToken = false): ProblemError {
  const challenge = invalidToken ? `Bearer ${REALM}, error="invalid_token"` : challenges[accepts];
  return new ProblemError('unauthorized', detail, undefined, { 'WWW-Authenticate': challenge });
}

export function createAuth({ apiKey, memberSecret, clock = systemClock }: AuthOptions): Auth {
  const apiKeyMatches = createApiKeyCheck(apiKey);
  const secretKey = memberVerifyKey(memberSecret);

  /** The proven caller, undefined when no credential was sent; 401 for a bad one. */
  async function identify(c: Context<AppEnv>, accepts: Accepts): Promise<Caller | undefined> {
    const presentedKey = c.req.header(API_KEY_HEADER);
    const authorization = c.req.header('Authorization');
    if (presentedKey !== undefined && authorization !== undefined) {
      throw unauthorized(accepts, `Send either ${API_KEY_HEADER} or a member token, not both.`);
    }
    if (presentedKey !== undefined) {
      if (!apiKeyMatches(presentedKey)) throw unauthorized(accepts, 'The API key is not valid.');
      return { kind: 'shop' };
    }
    if (authorization === undefined) return undefined;
    const token = bearerToken(authorization);
    if (token === undefined) {
      throw unauthorized(accepts, 'The Authorization header must be "Bearer <member token>".', true);
    }
    const check = verifyMemberToken(token, secretKey, clock.now());
    if (!check.ok) {
      const detail = check.reason === 'expired' ? 'The member token has expired.' : 'The member token is not valid.';
      throw unauthorized(accepts, detail, true);
    }
    return { kind: 'member', memberId: check.memberId };
  }

  function guard(accepts: Accepts, options: OwnershipOptions = {}): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const caller = await identify(c, accepts);
      if (caller === undefined) throw unauthorized(accepts, 'This call needs credentials.');
      if (caller.kind === 'shop' && accepts === 'member') {
        throw new ProblemError('forbidden', 'This call is made with a member token, not the API key.');
      }
      if (caller.kind === 'member') {
        if (accepts === 'shop') throw new ProblemError('forbidden', 'This call is reserved to the shop.');
        const own = options.ownParam === undefined ? undefined : c.req.param(options.ownParam);
        if (options.ownParam !== undefined && own !== caller.memberId) {
          throw new ProblemError('forbidden', 'A member may only access their own account.');
        }
        c.set('memberId', caller.memberId);
      }
      c.set('caller', caller);
      await next();
    };
  }

  return {
    requireMember: (options) => guard('member', options),
    requireShop: () => guard('shop'),
    memberOrShop: (options) => guard('either', options),
  };
}

/** The caller proven by an auth middleware earlier in the chain. */
export function callerOf(c: Context<AppEnv>): Caller {
  const caller = c.get('caller');
  if (caller === undefined) throw new Error('callerOf() used on a route without an auth middleware');
  return caller;
}

/** The member id proven by `requireMember` (or `memberOrShop` for a member caller). */
export function memberIdOf(c: Context<AppEnv>): string {
  const memberId = c.get('memberId');
  if (memberId === undefined) throw new Error('memberIdOf() used on a route without a member caller');
  return memberId;
}

/** A stable text naming the caller, for keys scoped per caller (idempotency, rate limits). */
export function callerKey(caller: Caller): string {
  return caller.kind === 'shop' ? 'shop' : `member:${caller.memberId}`;
}
