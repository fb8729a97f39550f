import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import { ProblemError } from '../errors.ts';

/**
 * How many requests of one member this process serves at once. A page full of widgets sends
 * about six together; a runaway loop or a burst over many connections gets the rest refused at
 * once (429), before it holds a database connection that another member is waiting for.
 */
export const DEFAULT_MAX_IN_FLIGHT_PER_MEMBER = 8;

/**
 * Refuses a member's request while `maxInFlight` of theirs are still being served (after
 * `requireMember`/`memberOrShop`, before the rate limit, so a refused request spends no token).
 * The shop's backend and public callers pass through. Per process, like the work it protects.
 */
export function limitMemberConcurrency(maxInFlight: number = DEFAULT_MAX_IN_FLIGHT_PER_MEMBER): MiddlewareHandler<AppEnv> {
  if (!(maxInFlight >= 1)) throw new RangeError('maxInFlight must be at least 1');
  const inFlight = new Map<string, number>();
  return async (c, next) => {
    const memberId = c.get('memberId');
    if (memberId === undefined) return next();
    const current = inFlight.get(memberId) ?? 0;
    if (current >= maxInFlight) {
      throw new ProblemError('rate_limited', 'Too many requests at once; retry in 1 s.', undefined, { 'Retry-After': '1' });
    }
    inFlight.set(memberId, current + 1);
    try {
      await next();
    } finally {
      const left = (inFlight.get(memberId) ?? 1) - 1;
      if (left > 0) inFlight.set(memberId, left);
      else inFlight.delete(memberId);
    }
  };
}
