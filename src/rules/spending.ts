/**
 * Spending coins: S1 redeeming a product, S2 a coupon, S3 donating to a project, and S4 no
 * overdraft. Spending never touches points (P2). The decisions judge one request against the
 * balance the server read under lock; racing requests are the database's to serialize.
 */
import { credit, isIdentifier, refuse, type Credit, type Refusal } from './decisions.ts';

/** S4: whether `available` coins cover `cost`; the balance afterwards is never below zero. */
export function coverCost(available: number, cost: number): { ok: true; balanceAfter: number } | Refusal {
  if (!Number.isSafeInteger(cost) || cost < 1) return refuse('invalid_request', 'a cost is a whole number of coins, at least 1');
  if (!Number.isSafeInteger(available) || available < cost) {
    return refuse('insufficient_coins', `needs ${cost} coins, the balance is ${Number.isSafeInteger(available) ? available : 0}`);
  }
  return { ok: true, balanceAfter: available - cost };
}

export interface CatalogItemFacts {
  id: string;
  kind: 'product' | 'coupon';
  coins: number;
  stock: number;
  /** Removed from the catalog: no longer redeemable. */
  active?: boolean;
  couponValueCents?: number | null;
}

export interface Redemption {
  ok: true;
  kind: 'product' | 'coupon';
  /** The S1 or S2 debit. */
  credits: Credit[];
  coinsAfter: number;
  stockAfter: number;
  /** A product goes into the cart as a free gift; a coupon is issued instead. */
  addsToCart: boolean;
  couponValueCents: number | null;
}

/** S1/S2: redeem a catalog item — take its coins at once and one unit of its stock. */
export function redeemDecision(item: CatalogItemFacts, coinsAvailable: number): Redemption | Refusal {
  if (item.active === false) return refuse('invalid_request', `catalog item ${item.id} is no longer offered`);
  if (item.kind === 'coupon' && !(Number.isSafeInteger(item.couponValueCents) && (item.couponValueCents ?? 0) >= 1)) {
    return refuse('invalid_request', `coupon ${item.id} has no value`);
  }
  if (!Number.isSafeInteger(item.stock) || item.stock < 1) return refuse('out_of_stock', `${item.id} is out of stock`);
  const covered = coverCost(coinsAvailable, item.coins);
  if (!covered.ok) return covered;
  const ruleId = item.kind === 'coupon' ? 'S2' : 'S1';
  return {
    ok: true,
    kind: item.kind,
    credits: [credit(ruleId, 'coins', -item.coins, { ref: item.id })],
    coinsAfter: covered.balanceAfter,
    stockAfter: item.stock - 1,
    addsToCart: item.kind === 'product',
    couponValueCents: item.kind === 'coupon' ? (item.couponValueCents ?? null) : null,
  };
}

export interface RedeemedThing {
  /** The cart item (for a product) or coupon code. */
  id: string;
  kind: 'product' | 'coupon' | 'upgrade_gift';
  coins: number;
  catalogItemId: string | null;
  /** A completed order carries it. */
  carriedByCompletedOrder: boolean;
  removed: boolean;
}

/** S1: whether a cart item can still be removed by the member. */
export function isRemovable(thing: RedeemedThing): boolean {
  return thing.kind === 'product' && !thing.removed && !thing.carriedByCompletedOrder;
}

export interface Return {
  ok: true;
  coinsReturned: number;
  /** Units to put back into the catalog item's stock. */
  stockReturned: number;
  credits: Credit[];
}

/**
 * S1/S2: take a redeemed product out of the cart — all its coins and its stock come back,
 * once. Coupons are never refunded into coins (S2); upgrade gifts are not the member's to remove.
 */
export function removeFromCartDecision(thing: RedeemedThing): Return | Refusal {
  if (thing.kind === 'coupon') return refuse('not_removable', 'coupons are not refundable into coins');
  if (thing.kind === 'upgrade_gift') return refuse('not_removable', 'upgrade gifts stay in the cart until shipped');
  if (thing.removed) return refuse('not_removable', 'already removed');
  if (thing.carriedByCompletedOrder) return refuse('not_removable', 'the order carrying this gift is completed');
  const credits = thing.coins > 0 ? [credit('S1', 'coins', thing.coins, { onceKey: thing.id, ref: thing.catalogItemId })] : [];
  return { ok: true, coinsReturned: thing.coins, stockReturned: thing.catalogItemId ? 1 : 0, credits };
}

export interface DonationRequest {
  projectId: string;
  coins: number;
  donorId: string;
  authorId: string;
  donorCoinsAvailable: number;
}

export interface Donation {
  ok: true;
  /** The donor's debit. */
  credits: Credit[];
  /** The author's credit. */
  authorCredits: Credit[];
  coinsAfter: number;
}

/** S3: give whole coins (≥ 1) to a project's author; never to one's own project. */
export function donationDecision(request: DonationRequest): Donation | Refusal {
  if (!isIdentifier(request.projectId)) return refuse('invalid_request', 'projectId must be a non-empty identifier');
  if (!Number.isSafeInteger(request.coins) || request.coins < 1) return refuse('invalid_request', 'a donation is a whole number of coins, at least 1');
  if (request.donorId === request.authorId) return refuse('forbidden', 'members cannot donate to their own project');
  const covered = coverCost(request.donorCoinsAvailable, request.coins);
  if (!covered.ok) return covered;
  return {
    ok: true,
    credits: [credit('S3', 'coins', -request.coins, { ref: request.projectId })],
    authorCredits: [credit('S3', 'coins', request.coins, { ref: request.projectId })],
    coinsAfter: covered.balanceAfter,
  };
}
