/**
 * Runs the page's clock faster, so a test can show what a member sees after 10 or 30 seconds
 * of a hanging API without waiting for them: `setTimeout`, `setInterval` and `Date.now` all run
 * `factor` times faster until `restore()`. The SDK reads them at call time (its per-attempt
 * timeout, its backoff and its retry budget), so its timing is the real one, only compressed.
 * Mocha keeps its own timers, so test timeouts stay in real time.
 */
export interface TimeWarp {
  restore(): void;
}

export function warpTime(factor: number): TimeWarp {
  const realSetTimeout = globalThis.setTimeout;
  const realSetInterval = globalThis.setInterval;
  const realNow = Date.now;
  const start = realNow();
  const now = () => start + Math.round((realNow() - start) * factor);
  Date.now = now;
  globalThis.setTimeout = ((handler: TimerHandler, ms = 0, ...args: unknown[]) => realSetTimeout(handler, Number(ms) / factor, ...args)) as typeof setTimeout;
  globalThis.setInterval = ((handler: TimerHandler, ms = 0, ...args: unknown[]) =>
    realSetInterval(handler, Number(ms) / factor, ...args)) as typeof setInterval;
  return {
    restore: () => {
      Date.now = realNow;
      globalThis.setTimeout = realSetTimeout;
      globalThis.setInterval = realSetInterval;
    },
  };
}
