/**
 * A partner seller's orders (M6): their sale lines grouped by shop order, newest first, a page at
 * a time. An order's place in the list is its first sale line (a keyset that never moves), so a
 * page never repeats or skips an order while new ones arrive. Cursors are signed per seller.
 */
import type { SellerOrder, SellerOrderLine, SellerOrdersResponse } from '../../api/index.ts';
import type { Queryable } from '../db/index.ts';
import type { LedgerCursors } from './ledger-view.ts';

export const DEFAULT_SELLER_ORDERS_PAGE = 20;
const LISTING = 'seller-orders';

interface SaleRow {
  id: number;
  order_id: string;
  /** The order's first sale line: its place in the list. */
  first_id: number;
  sku: string | null;
  quantity: number | null;
  line_cents: number;
  fee_cents: number;
  net_cents: number;
  occurred_at: Date;
  refund_of: number | null;
}

export interface SellerOrdersRequest {
  sellerId: string;
  limit?: number;
  cursor?: string;
}

/**
 * One order from its rows: each sale line with the design-defect refunds (M5) that undo it, and
 * the order's totals as the sum of its lines, so lines, orders and the months of `/v1/seller/me`
 * all add up to the same gross, fee and net.
 */
function toOrder(rows: readonly SaleRow[]): SellerOrder {
  const sales = rows.filter((row): row is SaleRow & { quantity: number } => row.quantity !== null);
  const lines: SellerOrderLine[] = sales.map((sale) => {
    const refunds = rows.filter((row) => row.refund_of === sale.id);
    const sum = (pick: (row: SaleRow) => number) => refunds.reduce((total, row) => total + pick(row), pick(sale));
    return {
      // Every order line of the API names a sku; the column allows none only because the rules engine does.
      sku: sale.sku ?? 'unknown',
      quantity: sale.quantity,
      grossCents: sum((row) => row.line_cents),
      feeCents: sum((row) => row.fee_cents),
      netCents: sum((row) => row.net_cents),
      refundedCents: -refunds.reduce((total, row) => total + row.line_cents, 0),
    };
  });
  const total = (pick: (line: SellerOrderLine) => number) => lines.reduce((sum, line) => sum + pick(line), 0);
  const refundedCents = total((line) => line.refundedCents);
  const first = sales[0] ?? rows[0]!;
  return {
    orderId: first.order_id,
    status: refundedCents > 0 ? 'refunded' : 'completed',
    completedAt: first.occurred_at.toISOString(),
    lines,
    grossCents: total((line) => line.grossCents),
    feeCents: total((line) => line.feeCents),
    netCents: total((line) => line.netCents),
    refundedCents,
  };
}

export async function sellerOrdersPage(q: Queryable, request: SellerOrdersRequest, cursors: LedgerCursors): Promise<SellerOrdersResponse> {
  const limit = request.limit ?? DEFAULT_SELLER_ORDERS_PAGE;
  const before = request.cursor === undefined ? null : cursors.decode(request.sellerId, LISTING, request.cursor);
  // One order more than the page, to know whether another page follows.
  const { rows } = await q.query<SaleRow>(
    `WITH page AS (
       SELECT order_id, MIN(id) AS first_id FROM seller_sales WHERE seller_id = $1
       GROUP BY order_id HAVING $2::bigint IS NULL OR MIN(id) < $2::bigint
       ORDER BY first_id DESC LIMIT $3
     )
     SELECT s.id, s.order_id, p.first_id, s.sku, s.quantity, s.line_cents, s.fee_cents, s.net_cents, s.occurred_at, s.refund_of
     FROM seller_sales s JOIN page p ON p.order_id = s.order_id
     WHERE s.seller_id = $1
     ORDER BY p.first_id DESC, s.id`,
    [request.sellerId, before, limit + 1],
  );
  const byOrder = new Map<number, SaleRow[]>();
  for (const row of rows) byOrder.set(row.first_id, [...(byOrder.get(row.first_id) ?? []), row]);
  const groups = [...byOrder.values()];
  const page = groups.slice(0, limit);
  const last = page.at(-1)?.[0];
  return {
    orders: page.map(toOrder),
    nextCursor: groups.length > limit && last ? cursors.encode(request.sellerId, LISTING, last.first_id) : null,
  };
}
