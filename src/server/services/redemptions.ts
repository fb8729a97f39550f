/**
 * S1/S2: spending coins on the catalog. One transaction does everything or nothing: lock the
 * member (reading the item with it), check the coins, take the coins through the ledger (which
 * refuses a balance below zero), write the webhook events, and last take one unit of stock with a
 * conditional update (so racing requests cannot take the same last unit) and, in the same
 * statement, put the product into the cart or issue the coupon (no unit left: all of it rolls back).
 */
import { randomBytes } from 'node:crypto';
import type { CoinBalance, Coupon, CouponsResponse, RedeemResponse, RedemptionCartItem } from '../../api/index.ts';
import { redeemDecision } from '../../rules/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import { ProblemError } from '../errors.ts';
import { randomText } from '../random.ts';
import { coinBalance } from './coin-balance.ts';
import { appendEntryWithCoins } from './ledger.ts';
import { currentRules, RULES_STAMP_SQL } from './rules-store.ts';
import { recordAccountChanged, recordWebhookEvent, writeQueuedWebhookEvents } from './webhooks/outbox.ts';

interface CatalogRow {
  id: string;
  kind: 'product' | 'coupon';
  name: string;
  coins: number;
  stock: number;
  coupon_value_cents: number | null;
  active: boolean;
}

/** 16 random bytes: an id nobody can guess or enumerate. */
export function randomId(prefix: string): string {
  return `${prefix}_${randomText(16)}`;
}

/**
 * A coupon code to type at checkout: 20 characters of an alphabet without look-alikes
 * (no 0/O, 1/I/L), about 98 bits of randomness, in groups of four.
 */
export function couponCode(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // 31 symbols
  const bytes = randomBytes(40);
  const symbols: string[] = [];
  // Rejection sampling keeps every symbol equally likely.
  for (const byte of bytes) {
    if (byte >= 248) continue; // 248 = 8 × 31
    symbols.push(alphabet[byte % alphabet.length]!);
    if (symbols.length === 20) break;
  }
  if (symbols.length < 20) return couponCode();
  return symbols.join('').match(/.{4}/g)!.join('-');
}

interface LockedRow {
  coins_available: number;
  rules_stamp: string | null;
  item: CatalogRow | null;
}

/**
 * Locks the member and reads the item and the rules version in one statement; a member never
 * seen has no row (and no coins), so only the item is read.
 */
async function lockMemberWithItem(tx: Queryable, memberId: string, catalogItemId: string): Promise<LockedRow> {
  const { rows } = await tx.query<LockedRow>(
    `SELECT m.coins_available, ${RULES_STAMP_SQL} AS rules_stamp,
            (SELECT to_jsonb(c) FROM catalog_items c WHERE c.id = $2) AS item
     FROM members m WHERE m.id = $1 FOR UPDATE`,
    [memberId, catalogItemId],
  );
  if (rows[0]) return rows[0];
  const item = await tx.query<CatalogRow>('SELECT * FROM catalog_items WHERE id = $1', [catalogItemId]);
  return { coins_available: 0, rules_stamp: null, item: item.rows[0] ?? null };
}

/** Redeems one unit of a catalog item for the member. */
export async function redeem(db: Db, memberId: string, catalogItemId: string, now: Date): Promise<RedeemResponse> {
  return db.transaction(async (tx) => {
    const { coins_available, rules_stamp, item } = await lockMemberWithItem(tx, memberId, catalogItemId);
    if (!item || !item.active) throw new ProblemError('not_found', `No catalog item ${catalogItemId}.`);
    const decision = redeemDecision(
      { id: item.id, kind: item.kind, coins: item.coins, stock: item.stock, active: item.active, couponValueCents: item.coupon_value_cents },
      coins_available,
    );
    if (!decision.ok) throw new ProblemError(decision.code, decision.detail);

    const redemptionId = randomId('rd');
    const rulesVersion = rules_stamp === null ? (await currentRules(tx)).version : Number.parseInt(rules_stamp, 10);
    // The debit refers to the redemption, which a later removal refers to as well.
    // The entries, the events and the stock unit are sent together, in this order, without
    // waiting for each other: the member's row is locked and the coins checked, so none depends on
    // another's answer; should one fail, the ones after it fail too and the first error is the one
    // reported (the request is then rolled back whole).
    const appending = decision.credits.map((entry) => appendEntryWithCoins(tx, { ...entry, ref: redemptionId, memberId, createdAt: now }, rulesVersion));
    const giving = decision.addsToCart
      ? giveCartItem(tx, memberId, redemptionId, item, now)
      : giveCoupon(tx, memberId, item, decision.couponValueCents ?? 0, now);
    recordAccountChanged(tx, memberId, { now });
    const writing = writeQueuedWebhookEvents(tx);
    // The item's row is the one every redemption of it waits for: taken last, it is held only
    // until the commit.
    const taking = giving.take();
    const [appended] = await Promise.all([Promise.all(appending), writing, taking]);
    let coins: CoinBalance | null = null;
    for (const entry of appended) coins = entry?.coins ?? coins;
    return {
      redemption: { id: redemptionId, catalogItemId: item.id, kind: item.kind, coins: item.coins, createdAt: now.toISOString() },
      coins: coins ?? (await coinBalance(tx, memberId)),
      ...giving.given,
    };
  });
}

function outOfStock(item: CatalogRow): ProblemError {
  return new ProblemError('out_of_stock', `${item.name} is out of stock.`);
}

/** Takes one unit of the item's stock (when there is one left) and, in the same statement, what it gives. */
const TAKE_ONE_UNIT = `WITH taken AS (UPDATE catalog_items SET stock = stock - 1 WHERE id = $1 AND active AND stock > 0 RETURNING id)`;

/** What a redemption gives, its event already queued; `take` takes the unit and stores the gift. */
interface Giving {
  given: { cartItem: RedemptionCartItem } | { coupon: Coupon };
  take(): Promise<void>;
}

function giveCartItem(tx: Queryable, memberId: string, id: string, item: CatalogRow, now: Date): Giving {
  const cartItem: RedemptionCartItem = { id, kind: 'redemption', catalogItemId: item.id, name: item.name, coins: item.coins, removable: true };
  recordWebhookEvent(tx, 'cart.item_added', { memberId, item: cartItem }, now);
  return {
    given: { cartItem },
    async take() {
      const added = await tx.query(
        `${TAKE_ONE_UNIT}
         INSERT INTO cart_items (id, member_id, kind, catalog_item_id, name, coins, created_at)
         SELECT $2, $3, 'redemption', taken.id, $4, $5, $6 FROM taken`,
        [item.id, id, memberId, item.name, item.coins, now],
      );
      if (added.rowCount === 0) throw outOfStock(item);
    },
  };
}

function giveCoupon(tx: Queryable, memberId: string, item: CatalogRow, valueCents: number, now: Date): Giving {
  const code = couponCode();
  recordWebhookEvent(tx, 'coupon.issued', { memberId, code, valueCents }, now);
  return {
    given: { coupon: { code, valueCents, createdAt: now.toISOString() } },
    async take() {
      const issued = await tx.query(
        `${TAKE_ONE_UNIT}
         INSERT INTO coupons (code, member_id, catalog_item_id, value_cents, created_at)
         SELECT $2, $3, taken.id, $4, $5 FROM taken`,
        [item.id, code, memberId, valueCents, now],
      );
      if (issued.rowCount === 0) throw outOfStock(item);
    },
  };
}

/** S2: the member's coupons, newest first, with the order that used each one. */
export async function listCoupons(q: Queryable, memberId: string): Promise<CouponsResponse> {
  const { rows } = await q.query<{ code: string; value_cents: number; created_at: Date; used_at: Date | null; order_id: string | null }>(
    'SELECT code, value_cents, created_at, used_at, order_id FROM coupons WHERE member_id = $1 ORDER BY created_at DESC, code',
    [memberId],
  );
  return {
    coupons: rows.map((row) => ({
      code: row.code,
      valueCents: row.value_cents,
      createdAt: row.created_at.toISOString(),
      ...(row.used_at && row.order_id !== null ? { usedAt: row.used_at.toISOString(), orderId: row.order_id } : {}),
    })),
  };
}
