/**
 * Partner sellers' side of orders: M1 sale lines with the platform's fee, M3 the first order's
 * net paid into store credit at once, M5 design-defect refunds deducted from the seller. Each
 * line lands in the calendar month (rules' zone) whose payout carries it (M2).
 */
import {
  calendarDay,
  firstSalePayout,
  monthOfDay,
  refundSplit,
  sellerSales,
  type RefundReason,
  type SellerSale,
} from '../../../rules/index.ts';
import { ensureMember, findMember } from '../members.ts';
import type { EventContext } from './context.ts';
import { recordWebhookEvent } from '../webhooks/outbox.ts';

/** A sale line with the units it sold (M6 shows units sold per product). */
type SaleLine = SellerSale & { quantity: number };

function groupBySeller(sales: readonly SaleLine[]): Map<string, SaleLine[]> {
  const bySeller = new Map<string, SaleLine[]>();
  for (const sale of sales) bySeller.set(sale.sellerId, [...(bySeller.get(sale.sellerId) ?? []), sale]);
  return bySeller;
}

/** M1 + M3 for a completed order. */
export async function recordPartnerSales(context: EventContext<'order.completed'>): Promise<void> {
  const { tx, data, rules, now, credits } = context;
  const month = monthOfDay(calendarDay(now, rules.timeZone));
  // Sellers in a stable order, so two orders that share sellers lock their rows alike.
  const lines = data.lines.flatMap((line) => sellerSales([line], rules).map((sale) => ({ ...sale, quantity: line.quantity })));
  const bySeller = [...groupBySeller(lines)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [sellerId, sales] of bySeller) {
    await ensureMember(tx, sellerId);
    await tx.query('UPDATE members SET is_seller = true WHERE id = $1 AND NOT is_seller', [sellerId]);
    const earlier = await tx.query('SELECT 1 FROM seller_sales WHERE seller_id = $1 LIMIT 1', [sellerId]);
    for (const sale of sales) {
      await tx.query(
        `INSERT INTO seller_sales (seller_id, order_id, sku, line_cents, fee_cents, net_cents, month, completed_at, quantity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [sellerId, data.orderId, sale.sku, sale.grossCents, sale.feeCents, sale.netCents, month, now, sale.quantity],
      );
    }
    const netCents = sales.reduce((sum, sale) => sum + sale.netCents, 0);
    const first = firstSalePayout({ orderId: data.orderId, netCents, isFirstCompletedOrder: earlier.rowCount === 0, completedAt: now }, rules);
    for (const entry of first.credits) await credits.append(sellerId, entry);
    if (first.credits.length > 0) {
      const storeCreditCents = (await findMember(tx, sellerId))?.store_credit_cents ?? 0;
      await recordWebhookEvent(tx, 'seller.payout_credited', { sellerId, orderId: data.orderId, netCents, storeCreditCents }, now);
    }
  }
}

/**
 * M5 for a refund of an order with partner-seller lines. A refund that names a reason is about
 * the partner products: its amount is attributed to their lines in order, each up to what is
 * not refunded yet. The engine decides who bears each part; what the seller bears is a negative
 * sale line in the current month, so it comes off the next payout.
 */
export async function recordRefundSplit(
  context: EventContext<'order.refunded'>,
  refundedCents: number,
  reason: RefundReason | undefined,
): Promise<void> {
  const { tx, data, rules, now } = context;
  if (reason === undefined) return;
  const { rows: lines } = await tx.query<{ seller_id: string; sku: string | null; remaining: number }>(
    `SELECT seller_id, sku, SUM(line_cents)::bigint AS remaining FROM seller_sales
     WHERE order_id = $1 GROUP BY seller_id, sku ORDER BY MIN(id)`,
    [data.orderId],
  );
  const month = monthOfDay(calendarDay(now, rules.timeZone));
  let left = refundedCents;
  for (const line of lines) {
    const share = Math.min(left, Math.max(0, line.remaining));
    if (share <= 0) continue;
    left -= share;
    const adjustment = refundSplit(share, reason, rules).sellerAdjustment;
    if (!adjustment) continue;
    await tx.query(
      `INSERT INTO seller_sales (seller_id, order_id, sku, line_cents, fee_cents, net_cents, month, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [line.seller_id, data.orderId, line.sku, adjustment.grossCents, adjustment.feeCents, adjustment.netCents, month, now],
    );
  }
}
