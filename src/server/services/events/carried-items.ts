/**
 * S1: cart items shipped with a completed order can no longer be removed. Only the member's own
 * items that are still in the cart and not yet carried by another order are marked.
 */
import type { Queryable } from '../../db/index.ts';

export async function markCarriedByOrder(tx: Queryable, memberId: string, orderId: string, itemIds: readonly string[]): Promise<number> {
  if (itemIds.length === 0) return 0;
  const marked = await tx.query(
    `UPDATE cart_items SET order_id = $2
     WHERE member_id = $1 AND order_id IS NULL AND removed_at IS NULL
       AND id IN (SELECT jsonb_array_elements_text($3::jsonb))`,
    [memberId, orderId, JSON.stringify(itemIds)],
  );
  return marked.rowCount;
}
