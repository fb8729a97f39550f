/**
 * Runs the server's timed work: every job at start and then about once a minute, one tick at a
 * time (a tick still running when the next is due is not doubled). A failing job is logged and the
 * others still run; the next tick tries again. `stop()` cancels the timer and waits for the tick in
 * flight, so a graceful close never cuts a job in half.
 *
 * Tests give their own clock and trigger, and call `tick()` themselves: no waiting for real time.
 */
import type { Clock } from '../clock.ts';
import type { Logger } from '../http/logger.ts';
import type { TimedJob } from './job.ts';

export const DEFAULT_SCHEDULER_INTERVAL_MS = 60_000;

/** Calls `tick` every `intervalMs` until the returned function is called. */
export type SchedulerTrigger = (intervalMs: number, tick: () => void) => () => void;

/** The real timer; unref'd, so it never keeps a process alive on its own. */
export const intervalTrigger: SchedulerTrigger = (intervalMs, tick) => {
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
};

export interface SchedulerOptions {
  jobs: readonly TimedJob[];
  clock: Clock;
  logger: Logger;
  intervalMs?: number;
  trigger?: SchedulerTrigger;
}

export interface Scheduler {
  /** Runs a tick now, then one every interval. */
  start(): void;
  /** Runs every job once, in order (or joins the tick in flight); never rejects. */
  tick(): Promise<void>;
  /** No more ticks; resolves when the one in flight has finished. */
  stop(): Promise<void>;
}

export function createScheduler({ jobs, clock, logger, intervalMs = DEFAULT_SCHEDULER_INTERVAL_MS, trigger = intervalTrigger }: SchedulerOptions): Scheduler {
  let inFlight: Promise<void> | null = null;
  let cancel: (() => void) | null = null;
  let stopped = false;

  async function runJobs(): Promise<void> {
    const now = clock.now();
    for (const job of jobs) {
      if (stopped) return;
      try {
        await job.run(now);
      } catch (error) {
        logger.error('timed job failed', { job: job.name, error });
      }
    }
  }

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    inFlight ??= runJobs().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  return {
    start() {
      if (stopped || cancel) return;
      cancel = trigger(intervalMs, () => void tick());
      void tick();
    },
    tick,
    async stop() {
      stopped = true;
      cancel?.();
      cancel = null;
      await inFlight;
    },
  };
}
