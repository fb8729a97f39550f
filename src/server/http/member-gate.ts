import type { MiddlewareHandler } from 'hono';
import { systemClock, type Clock } from '../clock.ts';
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

/**
 * Members the rate limit refused, each until the Retry-After it was told, in this process's
 * memory. While a member waits, their requests are refused here without a database statement, so a
 * burst of thousands costs the database what one refusal costs. It never lets through what the
 * limiter would refuse: a member waiting here takes no token, so the shared bucket (and every other
 * instance's view of it) only fills meanwhile. Bounded: at most `maxMembers` entries, those whose
 * wait has passed dropped first; a dropped member's next request simply asks the limiter again.
 */
export class MemberGate {
  readonly #clock: Clock;
  readonly #maxMembers: number;
  /** Member id → the time (ms) until which they are refused; in insertion order, oldest first. */
  readonly #until = new Map<string, number>();

  constructor({ clock = systemClock, maxMembers = DEFAULT_MAX_REFUSED_MEMBERS }: { clock?: Clock; maxMembers?: number } = {}) {
    if (!(maxMembers >= 1)) throw new RangeError('maxMembers must be at least 1');
    this.#clock = clock;
    this.#maxMembers = maxMembers;
  }

  /** How many members are held (for tests and metrics). */
  get size(): number {
    return this.#until.size;
  }

  /** The whole seconds a member still has to wait, or undefined when they may ask the limiter. */
  waitSeconds(memberId: string): number | undefined {
    const until = this.#until.get(memberId);
    if (until === undefined) return undefined;
    const leftMs = until - this.#clock.now().getTime();
    if (leftMs <= 0) {
      this.#until.delete(memberId);
      return undefined;
    }
    return Math.max(1, Math.ceil(leftMs / 1000));
  }

  /** Holds a member for `seconds` from now (the Retry-After the limiter answered). */
  refuse(memberId: string, seconds: number): void {
    const nowMs = this.#clock.now().getTime();
    const until = Math.max(nowMs + seconds * 1000, this.#until.get(memberId) ?? 0);
    // Re-inserted, so the map stays ordered by when each wait was set: the oldest go first.
    this.#until.delete(memberId);
    this.#until.set(memberId, until);
    if (this.#until.size <= this.#maxMembers) return;
    for (const [id, at] of this.#until) if (at <= nowMs) this.#until.delete(id);
    for (const id of this.#until.keys()) {
      if (this.#until.size <= this.#maxMembers) break;
      this.#until.delete(id);
    }
  }
}

/**
 * Refuses a member still waiting out a Retry-After (after `requireMember`/`memberOrShop`, before
 * the requests-at-once bound and the rate limit): no token, no database, no body read.
 */
export function refuseWaitingMembers(gate: MemberGate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const memberId = c.get('memberId');
    if (memberId !== undefined) {
      const seconds = gate.waitSeconds(memberId);
      if (seconds !== undefined) throw rateLimited(seconds);
    }
    await next();
  };
}
