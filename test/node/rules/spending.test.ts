import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  coverCost,
  donationDecision,
  isRemovable,
  redeemDecision,
  removeFromCartDecision,
  type CatalogItemFacts,
  type RedeemedThing,
} from '../../../src/rules/spending.ts';
import type { Credit, Refusal } from '../../../src/rules/decisions.ts';

/** The refusal code of a decision, failing when it was not refused. */
function codeOf(decision: { ok: true } | Refusal): string {
  assert.equal(decision.ok, false, 'expected a refusal');
  return decision.ok ? '' : decision.code;
}

const keyboard: CatalogItemFacts = { id: 'keyboard', kind: 'product', coins: 3000, stock: 2 };
const coupon: CatalogItemFacts = { id: 'coupon-10', kind: 'coupon', coins: 1000, stock: 50, couponValueCents: 1000 };
const inCart: RedeemedThing = { id: 'cart-1', kind: 'product', coins: 3000, catalogItemId: 'keyboard', carriedByCompletedOrder: false, removed: false };

test('S1 redeeming a product takes its coins at once and one unit of stock, into the cart', () => {
  const redemption = redeemDecision(keyboard, 3500);
  assert.ok(redemption.ok);
  assert.deepEqual(redemption.credits, [{ currency: 'coins', amount: -3000, ruleId: 'S1', status: 'available', onceKey: null, ref: 'keyboard' }]);
  assert.equal(redemption.coinsAfter, 500);
  assert.equal(redemption.stockAfter, 1);
  assert.equal(redemption.addsToCart, true);
  assert.equal(redemption.couponValueCents, null);
});

test('S1 out of stock and insufficient coins are refused', () => {
  assert.deepEqual(redeemDecision({ ...keyboard, stock: 0 }, 10_000), { ok: false, code: 'out_of_stock', detail: 'keyboard is out of stock' });
  const poor = redeemDecision(keyboard, 2999);
  assert.equal(poor.ok, false);
  assert.equal(!poor.ok && poor.code, 'insufficient_coins');
  // Nothing could make an out-of-stock redemption succeed, so that is what is reported first.
  assert.equal(codeOf(redeemDecision({ ...keyboard, stock: 0 }, 0)), 'out_of_stock');
  assert.equal(codeOf(redeemDecision({ ...keyboard, active: false }, 10_000)), 'invalid_request');
});

test('S1 removing a redeemed product returns all its coins and its stock, once', () => {
  assert.equal(isRemovable(inCart), true);
  const removal = removeFromCartDecision(inCart);
  assert.ok(removal.ok);
  assert.equal(removal.coinsReturned, 3000);
  assert.equal(removal.stockReturned, 1);
  assert.deepEqual(removal.credits, [{ currency: 'coins', amount: 3000, ruleId: 'S1', status: 'available', onceKey: 'cart-1', ref: 'keyboard' }]);
  assert.deepEqual(removeFromCartDecision({ ...inCart, removed: true }), { ok: false, code: 'not_removable', detail: 'already removed' });
});

test('S1 once the order carrying the gift completes, it can no longer be removed', () => {
  const carried = { ...inCart, carriedByCompletedOrder: true };
  assert.equal(isRemovable(carried), false);
  assert.equal(codeOf(removeFromCartDecision(carried)), 'not_removable');
});

test('S1 upgrade gifts are not removable by the member', () => {
  const gift: RedeemedThing = { id: 'gift-2', kind: 'upgrade_gift', coins: 0, catalogItemId: null, carriedByCompletedOrder: false, removed: false };
  assert.equal(isRemovable(gift), false);
  assert.equal(codeOf(removeFromCartDecision(gift)), 'not_removable');
});

test('S2 a coupon costs coins, is issued with its value, and is never refundable into coins', () => {
  const redemption = redeemDecision(coupon, 1000);
  assert.ok(redemption.ok);
  assert.equal(redemption.credits[0]?.ruleId, 'S2');
  assert.equal(redemption.credits[0]?.amount, -1000);
  assert.equal(redemption.addsToCart, false);
  assert.equal(redemption.couponValueCents, 1000);
  const refund = removeFromCartDecision({
    id: 'CODE-1',
    kind: 'coupon',
    coins: 1000,
    catalogItemId: 'coupon-10',
    carriedByCompletedOrder: false,
    removed: false,
  });
  assert.deepEqual(refund, { ok: false, code: 'not_removable', detail: 'coupons are not refundable into coins' });
  assert.equal(codeOf(redeemDecision({ ...coupon, couponValueCents: null }, 5000)), 'invalid_request');
});

test('S3 a donation moves whole coins from the donor to the project author', () => {
  const donation = donationDecision({ projectId: 'p-1', coins: 25, donorId: 'ann', authorId: 'bob', donorCoinsAvailable: 30 });
  assert.ok(donation.ok);
  assert.deepEqual(donation.credits, [{ currency: 'coins', amount: -25, ruleId: 'S3', status: 'available', onceKey: null, ref: 'p-1' }]);
  assert.deepEqual(donation.authorCredits, [{ currency: 'coins', amount: 25, ruleId: 'S3', status: 'available', onceKey: null, ref: 'p-1' }]);
  assert.equal(donation.coinsAfter, 5);
});

test("S3 zero, fractional and negative donations, and donations to one's own project, are refused", () => {
  for (const coins of [0, 1.5, -3]) {
    assert.equal(codeOf(donationDecision({ projectId: 'p', coins, donorId: 'ann', authorId: 'bob', donorCoinsAvailable: 100 })), 'invalid_request');
  }
  assert.deepEqual(donationDecision({ projectId: 'p', coins: 1, donorId: 'ann', authorId: 'ann', donorCoinsAvailable: 100 }), {
    ok: false,
    code: 'forbidden',
    detail: 'members cannot donate to their own project',
  });
  assert.equal(donationDecision({ projectId: 'p', coins: 1, donorId: 'ann', authorId: 'bob', donorCoinsAvailable: 1 }).ok, true);
});

test('S4 the exact balance is spendable; one coin more is refused', () => {
  assert.deepEqual(coverCost(100, 100), { ok: true, balanceAfter: 0 });
  assert.deepEqual(coverCost(99, 100), { ok: false, code: 'insufficient_coins', detail: 'needs 100 coins, the balance is 99' });
  assert.equal(redeemDecision(keyboard, 3000).ok, true);
  assert.equal(codeOf(redeemDecision(keyboard, 2999)), 'insufficient_coins');
  assert.equal(codeOf(donationDecision({ projectId: 'p', coins: 11, donorId: 'a', authorId: 'b', donorCoinsAvailable: 10 })), 'insufficient_coins');
  assert.equal(codeOf(coverCost(0, 0)), 'invalid_request');
});

test('S4 spending in sequence succeeds exactly as often as the balance covers', () => {
  let balance = 2500;
  let succeeded = 0;
  for (let attempt = 0; attempt < 10; attempt++) {
    const decision = redeemDecision({ ...coupon, stock: 100 }, balance);
    if (decision.ok) {
      balance = decision.coinsAfter;
      succeeded++;
    }
  }
  assert.equal(succeeded, 2);
  assert.equal(balance, 500);
});

test('P2 spending coins never touches points', () => {
  const all: Credit[] = [];
  const redemption = redeemDecision(keyboard, 5000);
  const couponRedemption = redeemDecision(coupon, 5000);
  const donation = donationDecision({ projectId: 'p', coins: 10, donorId: 'a', authorId: 'b', donorCoinsAvailable: 10 });
  const removal = removeFromCartDecision(inCart);
  for (const decision of [redemption, couponRedemption, donation, removal]) {
    assert.ok(decision.ok);
    all.push(...decision.credits);
  }
  if (donation.ok) all.push(...donation.authorCredits);
  assert.ok(all.length >= 5);
  assert.ok(all.every((entry) => entry.currency === 'coins'));
});
