import type { MiddlewareHandler } from 'hono';
import { systemClock, type Clock } from '../clock.ts';
import type { Db, Statement } from '../db/index.ts';
import { bearerToken } from './auth.ts';
import type { AppEnv } from './env.ts';
import { rateLimited, type MemberGate } from './member-gate.ts';

export interface RateLimitOptions {
  /** Tokens added back per second, i.e. the sustained request rate. */
  ratePerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet period. */
  burst: number;
  clock?: Clock;
}

/** Generous enough for a page full of widgets, low enough to stop a runaway loop. */
export const DEFAULT_MEMBER_RATE_LIMIT = { ratePerSecond: 5, burst: 60 } as const;

/** Where the buckets live: the database (shared by every instance on it) or this process's memory. */
export type RateLimitStore = 'database' | 'memory';

/** The database on a PostgreSQL server (instances may be several); memory for an embedded one (one process). */
export function createMemberRateLimiter(
  db: Db,
  limits: { ratePerSecond: number; burst: number },
  { store = db.kind === 'postgres' ? 'database' : 'memory', clock = systemClock }: { store?: RateLimitStore | undefined; clock?: Clock } = {},
): RateLimiter {
  return store === 'database' ? new DatabaseRateLimiter({ db, ...limits, clock }) : new TokenBucketLimiter({ ...limits, clock });
}

/** Past this many tracked keys, buckets that have refilled completely are forgotten. */
const PRUNE_ABOVE = 10_000;

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Takes one request's token from a key's bucket. */
export interface RateLimiter {
  take(key: string): TakeResult | Promise<TakeResult>;
}

function checkLimits(ratePerSecond: number, burst: number): void {
  if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('rate limit needs ratePerSecond > 0 and burst >= 1');
}

/**
 * Token buckets kept in the database (`rate_limit_buckets`), so every instance on one database
 * shares each member's budget. One statement per request, outside the request's transaction: it
 * refills the bucket for the time elapsed and takes a token only when a whole one is there. A
 * member's burst waits only on that member's own row, and a refused request goes no further, so
 * it never holds a lock another member needs. For a request that opens a transaction the
 * statement leaves with its BEGIN, on its connection (`rateLimitMembers`): one round trip less.
 */
export class DatabaseRateLimiter implements RateLimiter {
  readonly #db: Db;
  readonly #rate: number;
  readonly #burst: number;
  readonly #clock: Clock;

  constructor({ db, ratePerSecond, burst, clock = systemClock }: RateLimitOptions & { db: Db }) {
    checkLimits(ratePerSecond, burst);
    this.#db = db;
    this.#rate = ratePerSecond;
    this.#burst = burst;
    this.#clock = clock;
  }

  /** The statement that takes a token of `key`'s bucket (see `judge` for its result). */
  statement(key: string): Statement {
    return {
      sql: `INSERT INTO rate_limit_buckets AS b (key, tokens, updated_at) VALUES ($1, $3::float8 - 1, $4)
       ON CONFLICT (key) DO UPDATE SET
         tokens = LEAST($3::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM ($4::timestamptz - b.updated_at))::float8) * $2::float8) - 1,
         updated_at = GREATEST(b.updated_at, $4::timestamptz)
       WHERE LEAST($3::float8, b.tokens + GREATEST(0, EXTRACT(EPOCH FROM ($4::timestamptz - b.updated_at))::float8) * $2::float8) >= 1`,
      params: [key, this.#rate, this.#burst, this.#clock.now()],
    };
  }

  /** What the statement's result means: a token taken, or none left. */
  judge(taken: { rowCount: number }): TakeResult {
    if (taken.rowCount === 1) return { allowed: true };
    // Less than one token is left, so one more arrives within 1/rate seconds at most.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(1 / this.#rate)) };
  }

  async take(key: string): Promise<TakeResult> {
    const { sql, params } = this.statement(key);
    return this.judge(await this.#db.query(sql, params));
  }
}

/** In-memory token buckets, one per key. Per process: behind several processes each limits alone. */
export class TokenBucketLimiter implements RateLimiter {
  readonly #rate: number;
  readonly #burst: number;
  readonly #clock: Clock;
  readonly #buckets = new Map<string, Bucket>();
  #pruneAbove = PRUNE_ABOVE;

  constructor({ ratePerSecond, burst, clock = systemClock }: RateLimitOptions) {
    checkLimits(ratePerSecond, burst);
    this.#rate = ratePerSecond;
    this.#burst = burst;
    this.#clock = clock;
  }

  take(key: string): TakeResult {
    const nowMs = this.#clock.now().getTime();
    const bucket = this.#refilled(this.#buckets.get(key), nowMs);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.#store(key, bucket, nowMs);
      return { allowed: true };
    }
    this.#store(key, bucket, nowMs);
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#rate)) };
  }

  #refilled(bucket: Bucket | undefined, nowMs: number): Bucket {
    if (bucket === undefined) return { tokens: this.#burst, updatedMs: nowMs };
    const elapsedSeconds = Math.max(0, nowMs - bucket.updatedMs) / 1000;
    return { tokens: Math.min(this.#burst, bucket.tokens + elapsedSeconds * this.#rate), updatedMs: nowMs };
  }

  #store(key: string, bucket: Bucket, nowMs: number): void {
    this.#buckets.set(key, bucket);
    if (this.#buckets.size <= this.#pruneAbove) return;
    for (const [k, b] of this.#buckets) {
      if (this.#refilled(b, nowMs).tokens >= this.#burst) this.#buckets.delete(k);
    }
    // When most buckets are busy, wait for the map to double before scanning it again.
    this.#pruneAbove = Math.max(PRUNE_ABOVE, this.#buckets.size * 2);
  }
}

/**
 * Limits each member separately (after `requireMember`/`memberOrShop`); the shop's backend and
 * public callers pass through. A refused member is held in `gate` until their Retry-After has
 * passed, so that their next requests are refused without asking the limiter (see member-gate.ts).
 *
 * For a request that will run in a request transaction (`inTransaction`, the idempotency
 * middleware after this one), a database limiter's statement is not sent here but handed on as
 * `takeBeforeTransaction`, to leave with that transaction's BEGIN; it is judged, and the request
 * refused, before anything else of it runs.
 */
export function rateLimitMembers(limiter: RateLimiter, gate?: MemberGate, inTransaction?: (method: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const memberId = c.get('memberId');
    if (memberId !== undefined) {
      const judge = (result: TakeResult) => {
        if (result.allowed) return;
        gate?.refuse(memberId, result.retryAfterSeconds, bearerToken(c.req.header('Authorization')));
        throw rateLimited(result.retryAfterSeconds);
      };
      if (limiter instanceof DatabaseRateLimiter && inTransaction?.(c.req.method)) {
        c.set('takeBeforeTransaction', { statement: limiter.statement(memberId), check: (result) => judge(limiter.judge(result)) });
      } else {
        judge(await limiter.take(memberId));
      }
    }
    await next();
  };
}
