/**
 * Finished Idempotency-Keys are remembered for a day (by default), long enough for any client's
 * retries; after that the key is free again (the middleware already treats it so) and this job
 * deletes the row, a batch at a time so a large backlog never holds a long lock.
 */
import type { Db } from '../db/index.ts';
import type { TimedJob } from './job.ts';

export const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
const BATCH = 5_000;

export function idempotencyKeysCleanup(db: Db, ttlSeconds = DEFAULT_IDEMPOTENCY_TTL_SECONDS): TimedJob {
  return {
    name: 'idempotency-keys-cleanup',
    async run(now: Date) {
      const cutoff = new Date(now.getTime() - ttlSeconds * 1000);
      // Several instances may run this at once: each batch deletes rows nobody else is deleting.
      for (;;) {
        const deleted = await db.query(
          `DELETE FROM idempotency_keys WHERE ctid IN (
             SELECT ctid FROM idempotency_keys WHERE created_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)`,
          [cutoff, BATCH],
        );
        if (deleted.rowCount < BATCH) return;
      }
    },
  };
}
