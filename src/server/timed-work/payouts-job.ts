/**
 * M2 on its own: each ended month is credited from the first working day (Monday–Friday, minus the
 * configured holidays) of the next month, so within its first three working days while the server
 * runs, and at the first run after any downtime.
 *
 * Each seller is paid in a transaction of its own: a run never holds every seller's row at once
 * (no seller waits for the whole run, and no deadlock with an order that locks several sellers),
 * and one seller's failure leaves the others paid; it is logged and tried again at the next run.
 * Paying is idempotent per seller and month: payThrough locks the seller and re-reads what is paid,
 * so with several instances on one database each month is paid once, whichever instance gets there.
 */
import { addMonths, calendarDay, isPayoutDue, monthOfDay, type CalendarMonth } from '../../rules/index.ts';
import type { Db } from '../db/index.ts';
import type { Logger } from '../http/logger.ts';
import { payThrough, PayoutRunRecorder, type PaidMonth } from '../services/payouts.ts';
import { currentRules } from '../services/rules-store.ts';
import type { TimedJob } from './job.ts';

export function payoutsJob({ db, logger }: { db: Db; logger: Logger }): TimedJob {
  return {
    name: 'payouts',
    async run(now) {
      const rules = await currentRules(db);
      const today = calendarDay(now, rules.timeZone);
      const lastEnded = addMonths(monthOfDay(today), -1);
      // Each seller's unpaid months that have ended; the latest one due is paid with all before it.
      const { rows } = await db.query<{ seller_id: string; month: string }>(
        `SELECT DISTINCT s.seller_id, s.month FROM seller_sales s
         LEFT JOIN (SELECT seller_id, MAX(month) AS through FROM seller_payouts GROUP BY seller_id) p ON p.seller_id = s.seller_id
         WHERE s.month <= $1 AND (p.through IS NULL OR s.month > p.through)
         ORDER BY s.seller_id, s.month`,
        [lastEnded],
      );
      const dueThrough = new Map<string, CalendarMonth>();
      for (const row of rows) if (isPayoutDue(row.month, today, rules)) dueThrough.set(row.seller_id, row.month);

      let runId: number | null = null;
      const paid: PaidMonth[] = [];
      const failed: string[] = [];
      for (const [sellerId, month] of dueThrough) {
        try {
          const result = await db.transaction(async (tx) => {
            const run = new PayoutRunRecorder(tx, 'schedule', now, runId);
            return { months: await payThrough(tx, sellerId, month, rules, run), runId: run.runId };
          });
          runId = result.runId;
          paid.push(...result.months);
        } catch (error) {
          failed.push(sellerId);
          logger.error('payout failed; tried again at the next run', { sellerId, month, error });
        }
      }
      if (paid.length > 0) {
        logger.info('payouts credited', {
          sellers: new Set(paid.map((p) => p.sellerId)).size,
          months: paid.length,
          cents: paid.reduce((sum, p) => sum + p.netCents, 0),
        });
      }
      if (failed.length > 0) throw new Error(`payouts failed for ${failed.length} of ${dueThrough.size} sellers`);
    },
  };
}
