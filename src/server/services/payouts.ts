/**
 * M2 monthly payouts: a finished month's net earnings move into each seller's store credit,
 * through the ledger, once per seller and month (the `seller_payouts` primary key). Paying a month
 * pays every earlier month of the seller not paid yet first, oldest first, so paid months always
 * come before unpaid ones and a late sale can join the next unpaid month (see partner-sales.ts).
 *
 * What a month credits is everything earned up to it less everything paid for it and the months
 * before (M2 payouts and the M3 first-order credit): a debt left by design-defect refunds (M5) is
 * paid first from later earnings, and nothing is ever paid twice.
 *
 * A run by hand is one transaction under one advisory lock; the schedule pays each seller in a
 * transaction of its own (timed-work/payouts-job.ts). Either way the seller's row is locked and
 * what is paid re-read under that lock, so each month is paid once however runs interleave; a run
 * that credited something is recorded.
 */
import type { PayoutRun, PayoutRunsResponse, PayoutsResponse, SellerPayout } from '../../api/index.ts';
import {
  calendarDay,
  isRefusal,
  payoutDecision,
  payoutTiming,
  type CalendarMonth,
  type FirstOrderCredit,
  type PayoutRecord,
  type RulesConfig,
} from '../../rules/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import type { Clock } from '../clock.ts';
import { ProblemError } from '../errors.ts';
import { appendEntry } from './ledger.ts';
import { findMember, lockMember } from './members.ts';
import { currentRules } from './rules-store.ts';
import { recordWebhookEvent, writeQueuedWebhookEvents } from './webhooks/outbox.ts';

export type PayoutTrigger = 'schedule' | 'manual';

/** The lock every payout run by hand takes: such runs on every instance sharing the database take turns. */
const RUN_LOCK = `hashtextextended('timed-work:payouts', 0)`;

/** Waits for any other run to finish. */
export async function lockPayoutRuns(tx: Queryable): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(${RUN_LOCK})`);
}

/** The latest month paid for the seller: every month up to it is closed. */
export async function paidThrough(q: Queryable, sellerId: string): Promise<CalendarMonth | null> {
  const { rows } = await q.query<{ month: string | null }>('SELECT MAX(month) AS month FROM seller_payouts WHERE seller_id = $1', [sellerId]);
  return rows[0]?.month ?? null;
}

/**
 * One run: recorded the first time it credits something, so idle runs leave no trace. A run made
 * of several transactions hands each a recorder with the id an earlier one committed.
 */
export class PayoutRunRecorder {
  private id: number | null;

  constructor(
    private readonly tx: Queryable,
    readonly trigger: PayoutTrigger,
    readonly now: Date,
    recordedId: number | null = null,
  ) {
    this.id = recordedId;
  }

  get runId(): number | null {
    return this.id;
  }

  async record(): Promise<number> {
    if (this.id !== null) return this.id;
    const { rows } = await this.tx.query<{ id: number }>('INSERT INTO payout_runs (ran_at, trigger) VALUES ($1, $2) RETURNING id', [this.now, this.trigger]);
    this.id = rows[0]!.id;
    return this.id;
  }
}

/** What one seller's month paid. */
export interface PaidMonth {
  sellerId: string;
  month: CalendarMonth;
  netCents: number;
}

/**
 * Pays `sellerId` every unpaid month with sales up to `month`, oldest first, under the seller's lock.
 * Months not over yet are refused by the rules engine.
 */
export async function payThrough(tx: Queryable, sellerId: string, month: CalendarMonth, rules: RulesConfig, run: PayoutRunRecorder): Promise<PaidMonth[]> {
  await lockMember(tx, sellerId);
  const through = await paidThrough(tx, sellerId);
  const { rows: unpaid } = await tx.query<{ month: string }>(
    'SELECT DISTINCT month FROM seller_sales WHERE seller_id = $1 AND month <= $2 AND ($3::text IS NULL OR month > $3::text) ORDER BY month',
    [sellerId, month, through],
  );
  const paid: PaidMonth[] = [];
  for (const { month: due } of unpaid) {
    const decision = payoutDecision(
      { sellerId, month: due, netCents: await earnedThrough(tx, sellerId, due), paidOutCents: await paidOutThrough(tx, sellerId, due), now: run.now },
      rules,
    );
    if (isRefusal(decision)) throw new ProblemError(decision.code, decision.detail);
    const runId = await run.record();
    for (const entry of decision.credits) await appendEntry(tx, { ...entry, memberId: sellerId, createdAt: run.now }, rules.version);
    await tx.query('INSERT INTO seller_payouts (seller_id, month, net_cents, paid_at, run_id) VALUES ($1, $2, $3, $4, $5)', [
      sellerId,
      due,
      decision.amountCents,
      run.now,
      runId,
    ]);
    const storeCreditCents = (await findMember(tx, sellerId))?.store_credit_cents ?? 0;
    recordWebhookEvent(tx, 'seller.payout_credited', { sellerId, month: due, netCents: decision.amountCents, storeCreditCents }, run.now);
    paid.push({ sellerId, month: due, netCents: decision.amountCents });
  }
  await writeQueuedWebhookEvents(tx);
  return paid;
}

/** M1/M5: the net of every month up to `month`, design-refund deductions included. */
async function earnedThrough(q: Queryable, sellerId: string, month: CalendarMonth): Promise<number> {
  const { rows } = await q.query<{ net: number }>('SELECT COALESCE(SUM(net_cents), 0)::bigint AS net FROM seller_sales WHERE seller_id = $1 AND month <= $2', [
    sellerId,
    month,
  ]);
  return rows[0]?.net ?? 0;
}

/** Everything paid for the months up to `month`: earlier M2 payouts and the M3 credit of an order in them. */
async function paidOutThrough(q: Queryable, sellerId: string, month: CalendarMonth): Promise<number> {
  const monthly = await q.query<{ paid: number }>(
    'SELECT COALESCE(SUM(net_cents), 0)::bigint AS paid FROM seller_payouts WHERE seller_id = $1 AND month <= $2',
    [sellerId, month],
  );
  const first = await firstOrderCredit(q, sellerId);
  return (monthly.rows[0]?.paid ?? 0) + (first && first.month <= month ? first.amountCents : 0);
}

/** `POST /v1/payouts`: pays every seller with unpaid sales up to `month`; a month not over yet (rules' zone) is refused. Safe to repeat. */
export async function runPayouts(db: Db, month: CalendarMonth, { clock }: { clock: Clock }): Promise<PayoutsResponse> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await lockPayoutRuns(tx);
    const rules = await currentRules(tx);
    if (payoutTiming(month, calendarDay(now, rules.timeZone), rules) === 'early') {
      const detail = `${month} is not over yet in ${rules.timeZone}; its payout can run from the first day of the next month.`;
      throw new ProblemError('invalid_request', detail, [{ path: 'body.month', message: 'the month has not ended' }]);
    }
    const run = new PayoutRunRecorder(tx, 'manual', now);
    for (const sellerId of await sellersWithUnpaidSales(tx, month)) await payThrough(tx, sellerId, month, rules, run);
    const { rows } = await tx.query<{ seller_id: string; net_cents: number; paid_at: Date; run_id: number | null }>(
      'SELECT seller_id, net_cents, paid_at, run_id FROM seller_payouts WHERE month = $1 ORDER BY seller_id',
      [month],
    );
    const payouts: SellerPayout[] = rows.map((row) => ({
      sellerId: row.seller_id,
      netCents: row.net_cents,
      paidOutAt: row.paid_at.toISOString(),
      alreadyPaid: run.runId === null || row.run_id !== run.runId,
    }));
    return { month, payouts };
  });
}

/** Sellers with sales in months up to `month` that are not paid yet. */
export async function sellersWithUnpaidSales(q: Queryable, month: CalendarMonth): Promise<string[]> {
  const { rows } = await q.query<{ seller_id: string }>(
    `SELECT DISTINCT s.seller_id FROM seller_sales s
     LEFT JOIN (SELECT seller_id, MAX(month) AS through FROM seller_payouts GROUP BY seller_id) p ON p.seller_id = s.seller_id
     WHERE s.month <= $1 AND (p.through IS NULL OR s.month > p.through)
     ORDER BY s.seller_id`,
    [month],
  );
  return rows.map((row) => row.seller_id);
}

/** The M3 entry names its order; the order's sale lines name the month it belongs to. */
export async function firstOrderCredit(q: Queryable, sellerId: string): Promise<FirstOrderCredit | null> {
  const { rows } = await q.query<{ amount: number; created_at: Date; month: string; ref: string }>(
    `SELECT l.amount, l.created_at, l.ref, s.month FROM ledger l
     JOIN (SELECT order_id, MIN(month) AS month FROM seller_sales WHERE seller_id = $1 AND quantity IS NOT NULL GROUP BY order_id) s ON s.order_id = l.ref
     WHERE l.member_id = $1 AND l.currency = 'store_credit' AND l.rule_id = 'M3'
     ORDER BY l.id LIMIT 1`,
    [sellerId],
  );
  const row = rows[0];
  return row ? { orderId: row.ref, month: row.month, amountCents: row.amount, paidAt: row.created_at.toISOString() } : null;
}

/** The M2 payouts of a seller, per month, as the rules engine's `sellerStatement` takes them (M6). */
export async function monthlyPayoutRecords(q: Queryable, sellerId: string): Promise<PayoutRecord[]> {
  const { rows } = await q.query<{ month: string; net_cents: number; paid_at: Date }>(
    'SELECT month, net_cents, paid_at FROM seller_payouts WHERE seller_id = $1 ORDER BY month',
    [sellerId],
  );
  return rows.map((row) => ({ month: row.month, amountCents: row.net_cents, paidAt: row.paid_at.toISOString() }));
}

/** `GET /v1/payouts/runs`: the latest recorded runs, newest first, with what each paid. */
export async function listPayoutRuns(q: Queryable, limit = 20): Promise<PayoutRunsResponse> {
  const { rows } = await q.query<{
    id: number;
    ran_at: Date;
    trigger: PayoutRun['trigger'];
    payouts: Array<{ seller_id: string; month: string; net_cents: number }> | null;
  }>(
    `SELECT r.id, r.ran_at, r.trigger,
            (SELECT json_agg(json_build_object('seller_id', p.seller_id, 'month', p.month, 'net_cents', p.net_cents) ORDER BY p.seller_id, p.month)
             FROM seller_payouts p WHERE p.run_id = r.id) AS payouts
     FROM payout_runs r ORDER BY r.id DESC LIMIT $1`,
    [limit],
  );
  return {
    runs: rows.map((row) => ({
      id: String(row.id),
      ranAt: row.ran_at.toISOString(),
      trigger: row.trigger,
      payouts: (row.payouts ?? []).map((p) => ({ sellerId: p.seller_id, month: p.month, netCents: Number(p.net_cents) })),
    })),
  };
}
