import type { Context, MiddlewareHandler } from 'hono';
import { systemClock, type Clock } from '../clock.ts';
import { API_KEY_HEADER, bearerToken } from './auth.ts';
import type { AppEnv } from './env.ts';
import { ProblemError } from '../errors.ts';

/** Past this many refused members, the entries whose wait has passed are forgotten, then the oldest. */
export const DEFAULT_MAX_REFUSED_MEMBERS = 10_000;

/** The 429 of the per-member rate limit, the same whether the limiter or the gate refuses. */
export function rateLimited(retryAfterSeconds: number): ProblemError {
  return new ProblemError('rate_limited', `Too many requests; retry in ${retryAfterSeconds} s.`, undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
}

/** A wait, and the member token it was last refused with (already verified then). */
interface Waiting {
  untilMs: number;
  token: string | undefined;
}

/**
 * Members the rate limit refused, each until the Retry-After it was told, in this process's
 * memory. While a member waits, their requests are refused here without a database statement, so a
 * burst of thousands costs the database what one refusal costs. It never lets through what the
 * limiter would refuse: a member waiting here takes no token, so the shared bucket (and every other
 * instance's view of it) only fills meanwhile. Bounded: at most `maxMembers` entries, those whose
 * wait has passed dropped first; a dropped member's next request simply asks the limiter again.
 *
 * The token of a member's last refused request is remembered too (the one the limiter refused, or
 * another one of theirs refused meanwhile), so that the same token, sent again while the member
 * waits, is refused before its signature is checked again (the most expensive step of a refusal).
 * Only that exact text, already verified, matches; any other token is verified as usual.
 */
export class MemberGate {
  readonly #clock: Clock;
  readonly #maxMembers: number;
  /** Member id → their wait; in insertion order, oldest first. */
  readonly #waiting = new Map<string, Waiting>();
  /** Verified member token → its member, for members in `#waiting` only. */
  readonly #tokens = new Map<string, string>();

  constructor({ clock = systemClock, maxMembers = DEFAULT_MAX_REFUSED_MEMBERS }: { clock?: Clock; maxMembers?: number } = {}) {
    if (!(maxMembers >= 1)) throw new RangeError('maxMembers must be at least 1');
    this.#clock = clock;
    this.#maxMembers = maxMembers;
  }

  /** How many members are held (for tests and metrics). */
  get size(): number {
    return this.#waiting.size;
  }

  /** The whole seconds a member still has to wait, or undefined when they may ask the limiter. */
  waitSeconds(memberId: string): number | undefined {
    const waiting = this.#waiting.get(memberId);
    if (waiting === undefined) return undefined;
    const leftMs = waiting.untilMs - this.#clock.now().getTime();
    if (leftMs <= 0) {
      this.#forget(memberId, waiting);
      return undefined;
    }
    return Math.max(1, Math.ceil(leftMs / 1000));
  }

  /** The wait of the member a token was refused with, if they still wait (see the class comment). */
  waitSecondsForToken(token: string): number | undefined {
    const memberId = this.#tokens.get(token);
    return memberId === undefined ? undefined : this.waitSeconds(memberId);
  }

  /**
   * Holds a member for `seconds` from now (the Retry-After the limiter answered); `token`, the
   * member token of the refused request, verified, refuses that token before verification meanwhile.
   */
  refuse(memberId: string, seconds: number, token?: string): void {
    const nowMs = this.#clock.now().getTime();
    const previous = this.#waiting.get(memberId);
    const waiting = { untilMs: Math.max(nowMs + seconds * 1000, previous?.untilMs ?? 0), token: token ?? previous?.token };
    if (previous) this.#forget(memberId, previous);
    // Re-inserted, so the map stays ordered by when each wait was set: the oldest go first.
    this.#waiting.set(memberId, waiting);
    if (waiting.token !== undefined) this.#tokens.set(waiting.token, memberId);
    if (this.#waiting.size <= this.#maxMembers) return;
    for (const [id, w] of this.#waiting) if (w.untilMs <= nowMs) this.#forget(id, w);
    // Down to 90% of the bound, so the whole map is scanned once per tenth of it, not per refusal.
    const keep = Math.floor(this.#maxMembers * 0.9);
    for (const [id, w] of this.#waiting) {
      if (this.#waiting.size <= keep) break;
      this.#forget(id, w);
    }
  }

  /** While the member waits, `token` (theirs, verified) is refused before verification, in place of the one held before. */
  holdToken(memberId: string, token: string | undefined): void {
    const waiting = this.#waiting.get(memberId);
    if (waiting === undefined || token === undefined || waiting.token === token) return;
    if (waiting.token !== undefined) this.#tokens.delete(waiting.token);
    waiting.token = token;
    this.#tokens.set(token, memberId);
  }

  #forget(memberId: string, waiting: Waiting): void {
    this.#waiting.delete(memberId);
    if (waiting.token !== undefined) this.#tokens.delete(waiting.token);
  }
}

/**
 * Refuses a member still waiting out a Retry-After (after `requireMember`/`memberOrShop`, before
 * the requests-at-once bound and the rate limit): no token, no database, no body read. The token
 * refused is held by the gate, so that it is refused before verification when it comes again (a
 * member's new token, e.g. after a page load, arriving in the middle of their burst).
 */
export function refuseWaitingMembers(gate: MemberGate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const memberId = c.get('memberId');
    if (memberId !== undefined) {
      const seconds = gate.waitSeconds(memberId);
      if (seconds !== undefined) {
        gate.holdToken(memberId, bearerToken(c.req.header('Authorization')));
        throw rateLimited(seconds);
      }
    }
    await next();
  };
}

/**
 * First in a member route's chain, before the token is verified: refuses a member token that was
 * refused, verified, while its member still waits. Anything else (no token, another token, an API
 * key alongside) goes on to the auth middleware unchanged. A token that expires during the wait is
 * still answered 429 until the wait ends (a second by default), then 401. `onRefused` hears of each
 * refusal (fast-refusal.ts learns the answer from it).
 */
export function refuseWaitingTokens(gate: MemberGate, onRefused?: (c: Context<AppEnv>, seconds: number) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('Authorization'));
    if (token !== undefined && c.req.header(API_KEY_HEADER) === undefined) {
      const seconds = gate.waitSecondsForToken(token);
      if (seconds !== undefined) {
        onRefused?.(c, seconds);
        throw rateLimited(seconds);
      }
    }
    await next();
  };
}
