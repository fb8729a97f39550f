/**
 * The member's cart of gifts: products redeemed with coins (S1) and upgrade gifts (P5).
 * A redeemed product can be taken out — all its coins and its stock come back — until a completed
 * order carries it. Upgrade gifts cannot be removed; their member only picks when they ship.
 */
import type { CartItem, CartResponse, RemoveCartItemResponse, ShippingChoice, UpgradeGiftCartItem } from '../../api/index.ts';
import { isRemovable, removeFromCartDecision, type RedeemedThing } from '../../rules/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import { ProblemError } from '../errors.ts';
import { coinBalance } from './coin-balance.ts';
import { appendEntry } from './ledger.ts';
import { lockMember } from './members.ts';
import { currentRules } from './rules-store.ts';
import { recordAccountChanged, recordWebhookEvent, writeQueuedWebhookEvents } from './webhooks/outbox.ts';

export interface CartItemRow {
  id: string;
  member_id: string;
  kind: 'redemption' | 'upgrade_gift';
  catalog_item_id: string | null;
  level: number | null;
  name: string;
  coins: number;
  shipping: ShippingChoice | null;
  order_id: string | null;
  removed_at: Date | null;
}

const DEFAULT_SHIPPING: ShippingChoice = 'with_next_order';

function facts(row: CartItemRow): RedeemedThing {
  return {
    id: row.id,
    kind: row.kind === 'upgrade_gift' ? 'upgrade_gift' : 'product',
    coins: row.coins,
    catalogItemId: row.catalog_item_id,
    carriedByCompletedOrder: row.order_id !== null,
    removed: row.removed_at !== null,
  };
}

function upgradeGiftItem(row: CartItemRow): UpgradeGiftCartItem {
  return {
    id: row.id,
    kind: 'upgrade_gift',
    level: row.level ?? 0,
    name: row.name,
    coins: row.coins,
    shipping: row.shipping ?? DEFAULT_SHIPPING,
    removable: false,
  };
}

export function toCartItem(row: CartItemRow): CartItem {
  if (row.kind === 'upgrade_gift') return upgradeGiftItem(row);
  return {
    id: row.id,
    kind: 'redemption',
    catalogItemId: row.catalog_item_id ?? '',
    name: row.name,
    coins: row.coins,
    removable: isRemovable(facts(row)),
  };
}

/**
 * Every gift not taken out, oldest first. Gifts a completed order carried stay listed, not
 * removable, so the member sees what was shipped with the order.
 */
export async function listCart(q: Queryable, memberId: string): Promise<CartResponse> {
  const { rows } = await q.query<CartItemRow>(`SELECT * FROM cart_items WHERE member_id = $1 AND removed_at IS NULL ORDER BY created_at, id`, [memberId]);
  return { items: rows.map(toCartItem) };
}

/** The member's own item, locked; another member's item is as absent as one that never was. */
async function lockOwnItem(tx: Queryable, memberId: string, itemId: string): Promise<CartItemRow> {
  const { rows } = await tx.query<CartItemRow>('SELECT * FROM cart_items WHERE id = $1 AND member_id = $2 AND removed_at IS NULL FOR UPDATE', [
    itemId,
    memberId,
  ]);
  const row = rows[0];
  if (!row) throw new ProblemError('not_found', `No item ${itemId} in your cart.`);
  return row;
}

/** S1: takes a redeemed product out of the cart, giving back its coins and one unit of stock. */
export async function removeCartItem(db: Db, memberId: string, itemId: string, now: Date): Promise<RemoveCartItemResponse> {
  return db.transaction(async (tx) => {
    await lockMember(tx, memberId);
    const row = await lockOwnItem(tx, memberId, itemId);
    const decision = removeFromCartDecision(facts(row));
    if (!decision.ok) throw new ProblemError(decision.code, `This item cannot be removed: ${decision.detail}.`);
    await tx.query('UPDATE cart_items SET removed_at = $2 WHERE id = $1', [row.id, now]);
    if (decision.stockReturned > 0 && row.catalog_item_id !== null) {
      await tx.query('UPDATE catalog_items SET stock = stock + $2 WHERE id = $1', [row.catalog_item_id, decision.stockReturned]);
    }
    const rules = await currentRules(tx);
    // The return refers to the redemption it undoes, like the debit did.
    for (const entry of decision.credits) await appendEntry(tx, { ...entry, ref: row.id, memberId, createdAt: now }, rules.version);
    recordWebhookEvent(tx, 'cart.item_removed', { memberId, itemId: row.id }, now);
    recordAccountChanged(tx, memberId, { now });
    await writeQueuedWebhookEvents(tx);
    return { coinsReturned: decision.coinsReturned, coins: await coinBalance(tx, memberId) };
  });
}

/** P5: the member chooses when an upgrade gift ships, until an order has carried it. */
export async function setUpgradeGiftShipping(db: Db, memberId: string, itemId: string, shipping: ShippingChoice): Promise<UpgradeGiftCartItem> {
  return db.transaction(async (tx) => {
    const row = await lockOwnItem(tx, memberId, itemId);
    if (row.kind !== 'upgrade_gift') {
      throw new ProblemError('not_removable', 'Only upgrade gifts have a shipping choice; a redeemed product ships with the next order.');
    }
    if (row.order_id !== null) throw new ProblemError('not_removable', 'This gift has already shipped with an order.');
    const { rows } = await tx.query<CartItemRow>('UPDATE cart_items SET shipping = $2 WHERE id = $1 RETURNING *', [row.id, shipping]);
    return upgradeGiftItem(rows[0] ?? { ...row, shipping });
  });
}
