/** The orders table as event handlers read it: what the shop told us about an order so far. */
import type { OrderProgress } from '../../../rules/index.ts';
import type { Queryable } from '../../db/index.ts';

export interface OrderRow {
  id: string;
  member_id: string;
  status: 'completed' | 'cancelled';
  eligible_cents: number;
  points: number;
  coins: number;
  refunded_cents: number;
  completed_at: Date | null;
  cancelled_at: Date | null;
}

export async function findOrder(q: Queryable, orderId: string): Promise<OrderRow | undefined> {
  const { rows } = await q.query<OrderRow>('SELECT * FROM orders WHERE id = $1', [orderId]);
  return rows[0];
}

/** An order the shop has not completed or cancelled yet is open: coins that wait on it stay pending (C19). */
export async function orderProgress(q: Queryable, orderId: string): Promise<OrderProgress> {
  return (await findOrder(q, orderId))?.status ?? 'open';
}

/**
 * Serializes everything that concerns one order (its completion, cancellation, refunds, and the
 * uploads whose coins wait on it) for the rest of the transaction. Taken before any member lock.
 */
export async function lockOrder(q: Queryable, orderId: string): Promise<void> {
  await q.query(`SELECT pg_advisory_xact_lock(hashtextextended('order:' || $1, 0))`, [orderId]);
}
