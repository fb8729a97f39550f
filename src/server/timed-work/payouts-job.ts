/**
 * M2 on its own: each ended month is credited from the first working day (Monday–Friday, minus the
 * configured holidays) of the next month, so within its first three working days while the server
 * runs, and at the first run after any downtime. With several instances on one database the one
 * that wins the advisory lock pays; the others find the work taken and do nothing.
 */
import { addMonths, calendarDay, isPayoutDue, monthOfDay, type CalendarMonth } from '../../rules/index.ts';
import type { Db } from '../db/index.ts';
import type { Logger } from '../http/logger.ts';
import { payThrough, PayoutRunRecorder, tryLockPayoutRuns, type PaidMonth } from '../services/payouts.ts';
import { currentRules } from '../services/rules-store.ts';
import type { TimedJob } from './job.ts';

export function payoutsJob({ db, logger }: { db: Db; logger: Logger }): TimedJob {
  return {
    name: 'payouts',
    async run(now) {
      const paid = await db.transaction(async (tx): Promise<PaidMonth[]> => {
        if (!(await tryLockPayoutRuns(tx))) return [];
        const rules = await currentRules(tx);
        const today = calendarDay(now, rules.timeZone);
        const lastEnded = addMonths(monthOfDay(today), -1);
        // Each seller's unpaid months that have ended; the latest one due is paid with all before it.
        const { rows } = await tx.query<{ seller_id: string; month: string }>(
          `SELECT DISTINCT s.seller_id, s.month FROM seller_sales s
           LEFT JOIN (SELECT seller_id, MAX(month) AS through FROM seller_payouts GROUP BY seller_id) p ON p.seller_id = s.seller_id
           WHERE s.month <= $1 AND (p.through IS NULL OR s.month > p.through)
           ORDER BY s.seller_id, s.month`,
          [lastEnded],
        );
        const dueThrough = new Map<string, CalendarMonth>();
        for (const row of rows) if (isPayoutDue(row.month, today, rules)) dueThrough.set(row.seller_id, row.month);
        const run = new PayoutRunRecorder(tx, 'schedule', now);
        const paidMonths: PaidMonth[] = [];
        for (const [sellerId, month] of dueThrough) paidMonths.push(...(await payThrough(tx, sellerId, month, rules, run)));
        return paidMonths;
      });
      if (paid.length > 0) {
        logger.info('payouts credited', { sellers: new Set(paid.map((p) => p.sellerId)).size, months: paid.length, cents: paid.reduce((sum, p) => sum + p.netCents, 0) });
      }
    },
  };
}
