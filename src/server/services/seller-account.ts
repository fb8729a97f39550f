/**
 * A partner seller's standing (M6): who has a backstage at all, and their financial status —
 * store credit, earnings not paid out yet, and each month's gross, fee, net and payout.
 */
import type { SellerMeResponse } from '../../api/index.ts';
import { sellerStatement, type SaleRecord } from '../../rules/index.ts';
import type { Queryable } from '../db/index.ts';
import { sellerPayoutRecords } from './payouts.ts';

/**
 * A member becomes a partner seller when the shop names them: as the seller of a completed
 * order's line, or as the owner of a product it records for them.
 */
export async function isSeller(q: Queryable, memberId: string): Promise<boolean> {
  const { rows } = await q.query<{ is_seller: boolean }>('SELECT is_seller FROM members WHERE id = $1', [memberId]);
  return rows[0]?.is_seller === true;
}

/** The months' totals, design-refund deductions (M5) included where the refund happened. */
async function monthlySales(q: Queryable, sellerId: string): Promise<SaleRecord[]> {
  const { rows } = await q.query<{ month: string; gross: number; fee: number; net: number }>(
    `SELECT month, SUM(line_cents)::bigint AS gross, SUM(fee_cents)::bigint AS fee, SUM(net_cents)::bigint AS net
     FROM seller_sales WHERE seller_id = $1 GROUP BY month`,
    [sellerId],
  );
  return rows.map((row) => ({ month: row.month, grossCents: row.gross, feeCents: row.fee, netCents: row.net }));
}

/** `GET /v1/seller/me`: store credit, pending earnings, and the months newest first. */
export async function sellerAccount(q: Queryable, sellerId: string): Promise<SellerMeResponse> {
  const { rows } = await q.query<{ store_credit_cents: number }>('SELECT store_credit_cents FROM members WHERE id = $1', [sellerId]);
  const statement = sellerStatement(await monthlySales(q, sellerId), await sellerPayoutRecords(q, sellerId));
  return {
    sellerId,
    storeCreditCents: rows[0]?.store_credit_cents ?? 0,
    pendingCents: statement.pendingCents,
    months: statement.months.map(({ month, grossCents, feeCents, netCents, paidOutAt }) => ({
      month,
      grossCents,
      feeCents,
      netCents,
      ...(paidOutAt === undefined ? {} : { paidOutAt }),
    })),
  };
}
