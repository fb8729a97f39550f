/**
 * M2 monthly payouts: a finished month's net earnings move into each seller's store credit,
 * through the ledger, once per seller and month (the `seller_payouts` primary key). What M3 already
 * paid at once for the month's first order is not paid again.
 */
import type { PayoutsResponse, SellerPayout } from '../../api/index.ts';
import { calendarDay, isRefusal, payoutDecision, payoutTiming, type PayoutRecord } from '../../rules/index.ts';
import { isUniqueViolation, type Db, type Queryable } from '../db/index.ts';
import type { Clock } from '../clock.ts';
import { ProblemError } from '../errors.ts';
import { appendEntry } from './ledger.ts';
import { findMember, lockMember } from './members.ts';
import { currentRules } from './rules-store.ts';
import { recordWebhookEvent } from './webhooks/outbox.ts';

export interface PayoutOptions {
  clock: Clock;
}

interface PayoutRow {
  net_cents: number;
  paid_at: Date;
}

/** Pays every seller with sales in `month`; a month not over yet (rules' zone) is refused. Safe to repeat. */
export async function runPayouts(db: Db, month: string, { clock }: PayoutOptions): Promise<PayoutsResponse> {
  const now = clock.now();
  const rules = await currentRules(db);
  if (payoutTiming(month, calendarDay(now, rules.timeZone), rules) === 'early') {
    const detail = `${month} is not over yet in ${rules.timeZone}; its payout can run from the first day of the next month.`;
    throw new ProblemError('invalid_request', detail, [{ path: 'body.month', message: 'the month has not ended' }]);
  }
  const { rows: sellers } = await db.query<{ seller_id: string }>(
    `SELECT seller_id FROM seller_sales WHERE month = $1
     UNION SELECT seller_id FROM seller_payouts WHERE month = $1
     ORDER BY seller_id`,
    [month],
  );
  const payouts: SellerPayout[] = [];
  for (const { seller_id: sellerId } of sellers) payouts.push(await paySeller(db, sellerId, month, now));
  return { month, payouts };
}

function answer(sellerId: string, row: PayoutRow, alreadyPaid: boolean): SellerPayout {
  return { sellerId, netCents: row.net_cents, paidOutAt: row.paid_at.toISOString(), alreadyPaid };
}

async function storedPayout(q: Queryable, sellerId: string, month: string): Promise<PayoutRow | undefined> {
  const { rows } = await q.query<PayoutRow>('SELECT net_cents, paid_at FROM seller_payouts WHERE seller_id = $1 AND month = $2', [sellerId, month]);
  return rows[0];
}

/** One seller's payout in its own transaction, under the seller's lock; `netCents` is what it credited. */
async function paySeller(db: Db, sellerId: string, month: string, now: Date): Promise<SellerPayout> {
  try {
    return await db.transaction(async (tx) => {
      await lockMember(tx, sellerId);
      const earlier = await storedPayout(tx, sellerId, month);
      if (earlier) return answer(sellerId, earlier, true);
      const rules = await currentRules(tx);
      const decision = payoutDecision(
        { sellerId, month, netCents: await monthNetCents(tx, sellerId, month), paidOutCents: await firstSalePaidCents(tx, sellerId, month), now },
        rules,
      );
      if (isRefusal(decision)) throw new ProblemError(decision.code, decision.detail);
      for (const entry of decision.credits) await appendEntry(tx, { ...entry, memberId: sellerId, createdAt: now }, rules.version);
      const row: PayoutRow = { net_cents: decision.amountCents, paid_at: now };
      await tx.query('INSERT INTO seller_payouts (seller_id, month, net_cents, paid_at) VALUES ($1, $2, $3, $4)', [sellerId, month, row.net_cents, now]);
      const storeCreditCents = (await findMember(tx, sellerId))?.store_credit_cents ?? 0;
      await recordWebhookEvent(tx, 'seller.payout_credited', { sellerId, month, netCents: row.net_cents, storeCreditCents }, now);
      return answer(sellerId, row, false);
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'seller_payouts_pkey')) throw error;
    const earlier = await storedPayout(db, sellerId, month);
    if (!earlier) throw error;
    return answer(sellerId, earlier, true);
  }
}

/** M1/M5: the month's net, design-refund deductions included. */
async function monthNetCents(q: Queryable, sellerId: string, month: string): Promise<number> {
  const { rows } = await q.query<{ net: number }>(
    'SELECT COALESCE(SUM(net_cents), 0)::bigint AS net FROM seller_sales WHERE seller_id = $1 AND month = $2',
    [sellerId, month],
  );
  return rows[0]?.net ?? 0;
}

/** M3 entries name their order; the order's sale lines name the month they belong to. */
const FIRST_SALE_PAYOUTS = `
  SELECT l.amount, l.created_at, s.month FROM ledger l
  JOIN (SELECT DISTINCT order_id, month FROM seller_sales WHERE seller_id = $1 AND line_cents > 0) s ON s.order_id = l.ref
  WHERE l.member_id = $1 AND l.currency = 'store_credit' AND l.rule_id = 'M3'`;

async function firstSalePaidCents(q: Queryable, sellerId: string, month: string): Promise<number> {
  const { rows } = await q.query<{ amount: number; month: string }>(FIRST_SALE_PAYOUTS, [sellerId]);
  return rows.filter((row) => row.month === month).reduce((sum, row) => sum + row.amount, 0);
}

/**
 * Everything paid out to a seller, per month: M3 first-order payouts and M2 monthly payouts, as
 * the rules engine's `sellerStatement` takes them (M6).
 */
export async function sellerPayoutRecords(q: Queryable, sellerId: string): Promise<PayoutRecord[]> {
  const firstSale = await q.query<{ amount: number; created_at: Date; month: string }>(FIRST_SALE_PAYOUTS, [sellerId]);
  const monthly = await q.query<{ month: string; net_cents: number; paid_at: Date }>(
    'SELECT month, net_cents, paid_at FROM seller_payouts WHERE seller_id = $1 ORDER BY month',
    [sellerId],
  );
  return [
    ...firstSale.rows.map((row) => ({ month: row.month, amountCents: row.amount, paidAt: row.created_at.toISOString() })),
    ...monthly.rows.map((row) => ({ month: row.month, amountCents: row.net_cents, paidAt: row.paid_at.toISOString() })),
  ];
}

