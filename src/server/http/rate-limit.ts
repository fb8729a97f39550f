import type { MiddlewareHandler } from 'hono';
import { systemClock, type Clock } from '../clock.ts';
import type { AppEnv } from './env.ts';
import { ProblemError } from '../errors.ts';

export interface RateLimitOptions {
  /** Tokens added back per second, i.e. the sustained request rate. */
  ratePerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet period. */
  burst: number;
  clock?: Clock;
}

/** Generous enough for a page full of widgets, low enough to stop a runaway loop. */
export const DEFAULT_MEMBER_RATE_LIMIT = { ratePerSecond: 5, burst: 60 } as const;

/** Past this many tracked keys, buckets that have refilled completely are forgotten. */
const PRUNE_ABOVE = 10_000;

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** In-memory token buckets, one per key. Per process: behind several processes each limits alone. */
export class TokenBucketLimiter {
  readonly #rate: number;
  readonly #burst: number;
  readonly #clock: Clock;
  readonly #buckets = new Map<string, Bucket>();
  #pruneAbove = PRUNE_ABOVE;

  constructor({ ratePerSecond, burst, clock = systemClock }: RateLimitOptions) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('rate limit needs ratePerSecond > 0 and burst >= 1');
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
 * public callers pass through.
 */
export function rateLimitMembers(limiter: TokenBucketLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const memberId = c.get('memberId');
    if (memberId !== undefined) {
      const result = limiter.take(memberId);
      if (!result.allowed) {
        throw new ProblemError(
          'rate_limited',
          `Too many requests; retry in ${result.retryAfterSeconds} s.`,
          undefined,
          { 'Retry-After': String(result.retryAfterSeconds) },
        );
      }
    }
    await next();
  };
}
