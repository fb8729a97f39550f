/**
 * A piece of the server's own timed work (monthly payouts, webhook deliveries, clean-up of
 * expired idempotency keys). The scheduler calls `run` about once a minute and at start, on every
 * instance where `REWARDS_SCHEDULER` is not `0`; a job makes itself safe with several instances on
 * one database (an advisory lock, or `FOR UPDATE SKIP LOCKED` on the rows it works on), so each
 * piece of work is done once.
 */
export interface TimedJob {
  /** A short stable name for logs and run records, e.g. `payouts`. */
  readonly name: string;
  /** Does whatever is due at `now`; throws only for failures worth logging. */
  run(now: Date): Promise<void>;
}
