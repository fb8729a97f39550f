import type { Context, MiddlewareHandler } from 'hono';
import { bearerToken } from './auth.ts';
import type { AppEnv } from './env.ts';
import { ProblemError } from '../errors.ts';

/**
 * How many requests of one member this process serves at once. A page full of widgets sends
 * about six together; a runaway loop or a burst over many connections gets the rest refused at
 * once (429), before it holds a database connection that another member is waiting for.
 */
export const DEFAULT_MAX_IN_FLIGHT_PER_MEMBER = 8;

/** A member token carried by requests in flight: its member, and how many of those requests carry it. */
interface Carried {
  memberId: string;
  requests: number;
}

/**
 * Refuses a member's request while `maxInFlight` of theirs are still being served (after
 * `requireMember`/`memberOrShop`, before the rate limit, so a refused request spends no token).
 * The shop's backend and public callers pass through. Per process, like the work it protects.
 *
 * The member tokens of the requests in flight are known too (their exact text, verified by the
 * auth middleware), so that the same token, sent again while its member is at the bound, can be
 * refused before it is verified again (fast-refusal.ts). They are held only while a request that
 * carries them is in flight: at most `maxInFlight` per member, none once the member's requests end.
 */
export class MemberConcurrency {
  readonly #maxInFlight: number;
  readonly #onRefused: ((c: Context<AppEnv>) => void) | undefined;
  /** Member id → their requests in flight. */
  readonly #inFlight = new Map<string, number>();
  /** Member token → its member, for tokens carried by requests in flight. */
  readonly #tokens = new Map<string, Carried>();

  /** `onRefused` hears of each refusal (fast-refusal.ts learns the answer from it). */
  constructor(maxInFlight: number = DEFAULT_MAX_IN_FLIGHT_PER_MEMBER, onRefused?: (c: Context<AppEnv>) => void) {
    if (!(maxInFlight >= 1)) throw new RangeError('maxInFlight must be at least 1');
    this.#maxInFlight = maxInFlight;
    this.#onRefused = onRefused;
  }

  /** How many member tokens are held (for tests and metrics). */
  get tokensHeld(): number {
    return this.#tokens.size;
  }

  /** The member of a token carried by a request in flight, when that member has `maxInFlight` requests in flight. */
  busyMemberOf(token: string): string | undefined {
    const carried = this.#tokens.get(token);
    return carried !== undefined && (this.#inFlight.get(carried.memberId) ?? 0) >= this.#maxInFlight ? carried.memberId : undefined;
  }

  readonly middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const memberId = c.get('memberId');
    if (memberId === undefined) return next();
    const current = this.#inFlight.get(memberId) ?? 0;
    if (current >= this.#maxInFlight) {
      this.#onRefused?.(c);
      throw new ProblemError('rate_limited', 'Too many requests at once; retry in 1 s.', undefined, { 'Retry-After': '1' });
    }
    this.#inFlight.set(memberId, current + 1);
    // A member caller is proven by their token, the only one the Authorization header holds.
    const token = bearerToken(c.req.header('Authorization'));
    let carried = token === undefined ? undefined : this.#tokens.get(token);
    if (token !== undefined && carried === undefined) this.#tokens.set(token, (carried = { memberId, requests: 0 }));
    if (carried !== undefined) carried.requests++;
    try {
      await next();
    } finally {
      const left = (this.#inFlight.get(memberId) ?? 1) - 1;
      if (left > 0) this.#inFlight.set(memberId, left);
      else this.#inFlight.delete(memberId);
      if (carried !== undefined && --carried.requests === 0) this.#tokens.delete(token!);
    }
  };
}
