/**
 * A partner seller's standing (M6): who has a backstage at all, and their financial status —
 * store credit, earnings not paid out yet or a debt (M5), the first order's credit (M3), and each
 * month's gross, fee, net and payout (M2).
 */
import type { PutSellerResponse, SellerMeResponse } from '../../api/index.ts';
import { calendarDay, monthOfDay, sellerStatement, type SaleRecord } from '../../rules/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import { lockMember } from './members.ts';
import { firstOrderCredit, monthlyPayoutRecords } from './payouts.ts';
import { currentRules } from './rules-store.ts';

/**
 * A member becomes a partner seller when the shop names them: with `PUT /v1/sellers/{id}`, as the
 * seller of a completed order's line, or as the owner of a product it records for them.
 */
export async function isSeller(q: Queryable, memberId: string): Promise<boolean> {
  const { rows } = await q.query<{ is_seller: boolean }>('SELECT is_seller FROM members WHERE id = $1', [memberId]);
  return rows[0]?.is_seller === true;
}

/** `PUT /v1/sellers/{id}`: names the member a seller; `created` when they were not one before. */
export async function putSeller(db: Db, sellerId: string, displayName: string): Promise<{ seller: PutSellerResponse; created: boolean }> {
  return db.transaction(async (tx) => {
    const before = await lockMember(tx, sellerId);
    await tx.query('UPDATE members SET is_seller = true, display_name = $2 WHERE id = $1', [sellerId, displayName]);
    return { seller: { sellerId, displayName }, created: !before.is_seller };
  });
}

/** The months' totals, design-refund deductions (M5) included in the month they happened. */
async function monthlySales(q: Queryable, sellerId: string): Promise<SaleRecord[]> {
  const { rows } = await q.query<{ month: string; gross: number; fee: number; net: number }>(
    `SELECT month, SUM(line_cents)::bigint AS gross, SUM(fee_cents)::bigint AS fee, SUM(net_cents)::bigint AS net
     FROM seller_sales WHERE seller_id = $1 GROUP BY month`,
    [sellerId],
  );
  return rows.map((row) => ({ month: row.month, grossCents: row.gross, feeCents: row.fee, netCents: row.net }));
}

/** `GET /v1/seller/me` and `GET /v1/sellers/{id}`: the statement, months newest first. */
export async function sellerAccount(q: Queryable, sellerId: string, now: Date): Promise<SellerMeResponse> {
  const { rows } = await q.query<{ store_credit_cents: number; display_name: string | null }>(
    'SELECT store_credit_cents, display_name FROM members WHERE id = $1',
    [sellerId],
  );
  const rules = await currentRules(q);
  const first = await firstOrderCredit(q, sellerId);
  const statement = sellerStatement(await monthlySales(q, sellerId), await monthlyPayoutRecords(q, sellerId), first);
  return {
    sellerId,
    displayName: rows[0]?.display_name ?? null,
    storeCreditCents: rows[0]?.store_credit_cents ?? 0,
    pendingCents: statement.pendingCents,
    debtCents: statement.debtCents,
    currentMonth: monthOfDay(calendarDay(now, rules.timeZone)),
    feeBasisPoints: rules.sellers.feeBasisPoints,
    firstOrderCredit: first && { orderId: first.orderId, month: first.month, netCents: first.amountCents, creditedAt: first.paidAt },
    months: statement.months.map(({ month, grossCents, feeCents, netCents, paidOutCents, paidOutAt }) => ({
      month,
      grossCents,
      feeCents,
      netCents,
      ...(paidOutAt === undefined ? {} : { paidOutCents: paidOutCents ?? 0, paidOutAt }),
    })),
  };
}
