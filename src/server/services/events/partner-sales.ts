/**
 * Partner sellers' side of orders: M1 sale lines with the platform's fee, M3 the first order's
 * net paid into store credit at once, M5 design-defect refunds deducted from the seller, and M6
 * stock taken off by every sale. Each line lands in the month of its \`occurredAt\` (rules' zone),
 * or in the next unpaid month when that one is already paid out (M2). The seller's row is locked
 * first, so a sale and a payout of its month never interleave.
 */
import { firstSalePayout, refundSplit, saleMonth, sellerSales, type RefundReason, type RulesConfig, type SellerSale } from '../../../rules/index.ts';
import type { Queryable } from '../../db/index.ts';
import { findMember, lockMember } from '../members.ts';
import { paidThrough } from '../payouts.ts';
import type { EventContext } from './context.ts';
import { recordWebhookEvent } from '../webhooks/outbox.ts';

/** A sale line with the units it sold (M6 shows units sold per product). */
type SaleLine = SellerSale & { quantity: number };

function groupBySeller(sales: readonly SaleLine[]): Map<string, SaleLine[]> {
  const bySeller = new Map<string, SaleLine[]>();
  for (const sale of sales) bySeller.set(sale.sellerId, [...(bySeller.get(sale.sellerId) ?? []), sale]);
  return bySeller;
}

/** The seller's month for something that happened at `occurredAt`, under the seller's lock. */
async function monthFor(tx: Queryable, sellerId: string, occurredAt: string, now: Date, rules: RulesConfig): Promise<string> {
  return saleMonth(occurredAt, now, await paidThrough(tx, sellerId), rules);
}

/**
 * M6: the sale takes its units off the product's stock. Stock stops at zero and the units beyond
 * it are counted as oversold, until the shop reports its stock again.
 */
async function takeStock(tx: Queryable, sellerId: string, sku: string | null, quantity: number, now: Date): Promise<void> {
  if (sku === null) return;
  await tx.query(
    `UPDATE seller_products SET stock = GREATEST(stock - $3, 0), oversold = oversold + GREATEST($3 - stock, 0), updated_at = $4
     WHERE seller_id = $1 AND sku = $2`,
    [sellerId, sku, quantity, now],
  );
}

/** M1 + M3 + M6 for a completed order. */
export async function recordPartnerSales(context: EventContext<'order.completed'>): Promise<void> {
  const { tx, event, data, rules, now, credits } = context;
  // Sellers in a stable order, so two orders that share sellers lock their rows alike.
  const lines = data.lines.flatMap((line) => sellerSales([line], rules).map((sale) => ({ ...sale, quantity: line.quantity })));
  const bySeller = [...groupBySeller(lines)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [sellerId, sales] of bySeller) {
    await lockMember(tx, sellerId);
    await tx.query('UPDATE members SET is_seller = true WHERE id = $1 AND NOT is_seller', [sellerId]);
    const earlier = await tx.query('SELECT 1 FROM seller_sales WHERE seller_id = $1 LIMIT 1', [sellerId]);
    const month = await monthFor(tx, sellerId, event.occurredAt, now, rules);
    const occurredAt = new Date(Math.min(Date.parse(event.occurredAt), now.getTime()));
    for (const sale of sales) {
      await tx.query(
        `INSERT INTO seller_sales (seller_id, order_id, sku, line_cents, fee_cents, net_cents, month, completed_at, occurred_at, quantity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [sellerId, data.orderId, sale.sku, sale.grossCents, sale.feeCents, sale.netCents, month, now, occurredAt, sale.quantity],
      );
      await takeStock(tx, sellerId, sale.sku, sale.quantity, now);
    }
    const netCents = sales.reduce((sum, sale) => sum + sale.netCents, 0);
    const first = firstSalePayout({ orderId: data.orderId, netCents, isFirstCompletedOrder: earlier.rowCount === 0, completedAt: now }, rules);
    for (const entry of first.credits) await credits.append(sellerId, entry);
    if (first.credits.length > 0) {
      const storeCreditCents = (await findMember(tx, sellerId))?.store_credit_cents ?? 0;
      recordWebhookEvent(tx, 'seller.payout_credited', { sellerId, orderId: data.orderId, netCents, storeCreditCents }, now);
    }
  }
}

/**
 * M5 for a refund of an order with partner-seller lines. A refund that names a reason is about
 * the partner products: its amount is attributed to their lines in order, each up to what is
 * not refunded yet. The engine decides who bears each part; what the seller bears is a negative
 * line that names the sale line it undoes, in the refund's month, so it comes off the next payout
 * (or, beyond the unpaid earnings, stays a debt that later earnings pay first).
 */
export async function recordRefundSplit(context: EventContext<'order.refunded'>, refundedCents: number, reason: RefundReason | undefined): Promise<void> {
  const { tx, event, data, rules, now } = context;
  if (reason === undefined) return;
  const { rows: lines } = await tx.query<{ id: number; seller_id: string; sku: string | null; remaining: number }>(
    `SELECT s.id, s.seller_id, s.sku, (s.line_cents + COALESCE(SUM(r.line_cents), 0))::bigint AS remaining
     FROM seller_sales s LEFT JOIN seller_sales r ON r.refund_of = s.id
     WHERE s.order_id = $1 AND s.refund_of IS NULL AND s.quantity IS NOT NULL
     GROUP BY s.id ORDER BY s.id`,
    [data.orderId],
  );
  const occurredAt = new Date(Math.min(Date.parse(event.occurredAt), now.getTime()));
  // Sellers locked in a stable order, like completions do.
  for (const sellerId of [...new Set(lines.map((line) => line.seller_id))].sort()) await lockMember(tx, sellerId);
  let left = refundedCents;
  for (const line of lines) {
    const share = Math.min(left, Math.max(0, line.remaining));
    if (share <= 0) continue;
    left -= share;
    const adjustment = refundSplit(share, reason, rules).sellerAdjustment;
    if (!adjustment) continue;
    const month = await monthFor(tx, line.seller_id, event.occurredAt, now, rules);
    await tx.query(
      `INSERT INTO seller_sales (seller_id, order_id, sku, line_cents, fee_cents, net_cents, month, completed_at, occurred_at, refund_of)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [line.seller_id, data.orderId, line.sku, adjustment.grossCents, adjustment.feeCents, adjustment.netCents, month, now, occurredAt, line.id],
    );
  }
}
