/**
 * When a failed delivery is tried again: exponential backoff from 30 s, doubling up to 6 h, with
 * ±20% jitter so that many deliveries failing together do not all come back at once. A delivery
 * keeps being tried for 24 hours after its event, then is marked failed.
 */
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3_600_000;
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;

/** The wait after the `attempts`-th failed attempt; `random` is in [0, 1). */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The next attempt's time, or null when the delivery has been tried long enough. */
export function nextAttemptAt(createdAt: Date, failedAt: Date, attempts: number, random?: () => number): Date | null {
  if (failedAt.getTime() - createdAt.getTime() >= GIVE_UP_AFTER_MS) return null;
  return new Date(failedAt.getTime() + retryDelayMs(attempts, random));
}
