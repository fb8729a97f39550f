/**
 * When and how long to wait before trying a call again: exponential backoff with full jitter
 * (a random wait between 0 and the exponential ceiling, so many clients that failed together
 * do not come back together), bounded in attempts and in total time.
 */
import { abortedError } from './errors.ts';

export interface RetryOptions {
  /** Attempts in all, the first one included. Default 4; 1 never retries. */
  attempts?: number;
  /** Ceiling of the first wait; each later wait's ceiling doubles. Default 250 ms. */
  baseDelayMs?: number;
  /** No wait's ceiling grows beyond this (a `Retry-After` may still ask for more). Default 5 s. */
  maxDelayMs?: number;
  /**
   * Total time for one call, waits included: a retry that could not start within it is not
   * made and the last error is reported instead. Default 10 s for a read (GET), so that a widget
   * facing a hanging API shows its error (and its "Try again") within seconds, and 30 s for an
   * action, whose retries carry its `Idempotency-Key` and are worth the wait. A value given here
   * applies to both.
   */
  budgetMs?: number;
  /** A number in [0, 1); `Math.random` by default. */
  random?: () => number;
  /** Waits `ms`; rejects when `signal` aborts. A timer by default. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Milliseconds since the epoch, for the budget and for HTTP-date `Retry-After`s. */
  now?: () => number;
}

export interface RetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** The budget of an action (POST, PUT, PATCH, DELETE). */
  readonly budgetMs: number;
  /** The budget of a read (GET). */
  readonly readBudgetMs: number;
  readonly random: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now: () => number;
}

/** Waits on a timer, stopping early with an `aborted` error when the signal fires. */
export function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortedError(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function retryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  const given = options === false ? { attempts: 1 } : (options ?? {});
  return {
    attempts: Math.max(1, Math.floor(given.attempts ?? 4)),
    baseDelayMs: Math.max(0, given.baseDelayMs ?? 250),
    maxDelayMs: Math.max(0, given.maxDelayMs ?? 5_000),
    budgetMs: Math.max(0, given.budgetMs ?? 30_000),
    readBudgetMs: Math.max(0, given.budgetMs ?? 10_000),
    random: given.random ?? Math.random,
    sleep: given.sleep ?? sleepFor,
    now: given.now ?? Date.now,
  };
}

/**
 * The wait before the next attempt after `failures` failed ones (1 after the first failure):
 * a random share of `min(maxDelayMs, baseDelayMs × 2^(failures−1))`, or the server's
 * `Retry-After` when it asks for longer.
 */
export function backoffDelay(policy: RetryPolicy, failures: number, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  const jittered = Math.floor(policy.random() * ceiling);
  return retryAfterMs === undefined ? jittered : Math.max(retryAfterMs, jittered);
}

/** The budget of one call made with `method`. */
export function budgetOf(policy: RetryPolicy, method: string): number {
  return method === 'GET' ? policy.readBudgetMs : policy.budgetMs;
}

/**
 * The time limit of an attempt of a call begun at `startedAt` with `budgetMs`: `timeoutMs`, or
 * what is left of the budget when that is less, so that no call (retries included) outlasts it.
 */
export function attemptLimit(policy: RetryPolicy, budgetMs: number, startedAt: number, timeoutMs: number): number {
  return Math.max(0, Math.min(timeoutMs, budgetMs - (policy.now() - startedAt)));
}

/**
 * `Retry-After` in milliseconds: either delay-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`); `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
