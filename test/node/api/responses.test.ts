import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import {
  badgesResponse,
  cartResponse,
  catalogResponse,
  checkInResponse,
  checkInsResponse,
  couponsResponse,
  donateResponse,
  earningResponse,
  earningRulesResponse,
  ledgerResponse,
  levelsResponse,
  meResponse,
  payoutsResponse,
  projectDonationsResponse,
  redeemResponse,
  removeCartItemResponse,
  sellerMeResponse,
  sellerOrdersResponse,
  sellerProductsResponse,
  updateCartItemResponse,
  withdrawResponse,
} from '../../../src/api/index.ts';
import { assertAccepts, assertRejectsAll } from './assert-schema.ts';

const balance = { available: 120, pending: 200 };

const me = {
  memberId: 'm1',
  displayName: 'Ada',
  points: 650,
  level: { index: 2, name: 'Mars', discountPercent: 2 },
  nextLevel: { index: 3, name: 'Venus', pointsRequired: 2000, pointsToGo: 1350 },
  coins: balance,
  isSeller: false,
};

test('P6 the account shows points, level, discount and points to the next level', () => {
  assert.deepEqual(assertAccepts(meResponse, me), me);
  assertAccepts(meResponse, { ...me, displayName: null, level: { index: 6, name: 'Jupiter', discountPercent: 6 }, nextLevel: null });
  assertRejectsAll(meResponse, [
    ['fractional points', { ...me, points: 650.5 }],
    ['negative available coins', { ...me, coins: { available: -1, pending: 0 } }],
    ['a level beyond LV6', { ...me, level: { index: 7, name: 'Pluto', discountPercent: 7 } }],
    ['a missing next level (null is required at the top)', { ...me, nextLevel: undefined }],
    ['a seller flag as text', { ...me, isSeller: 'no' }],
  ]);
});

test('responses drop fields a newer server adds, so older clients keep working', () => {
  const parsed = assertAccepts(meResponse, { ...me, avatarUrl: 'https://cdn.example.com/a.png' });
  assert.equal('avatarUrl' in parsed, false);
});

test('P3 levels list thresholds and discounts', () => {
  assertAccepts(levelsResponse, {
    levels: [
      { index: 0, name: 'Member', pointsRequired: 0, discountPercent: 0 },
      { index: 1, name: 'Mercury', pointsRequired: 1, discountPercent: 1 },
    ],
    pointsPerDollar: 1,
    coinsPerDollar: 1,
  });
  assertRejectsAll(levelsResponse, [
    ['a fractional discount', { levels: [{ index: 1, name: 'Mercury', pointsRequired: 1, discountPercent: 1.5 }], pointsPerDollar: 1, coinsPerDollar: 1 }],
    ['no points per dollar', { levels: [], coinsPerDollar: 1 }],
  ]);
});

test('earning rules for display: coins, daily limit and scope', () => {
  assertAccepts(earningRulesResponse, {
    rules: [
      { id: 'C1', title: 'Place an order', coins: 1, minCoins: 1, limit: null, scope: 'per_dollar' },
      { id: 'C4', title: 'Share a project', coins: 500, minCoins: 50, limit: null, scope: 'per_item' },
      { id: 'C8', title: 'Like a project', coins: 1, minCoins: 1, limit: 5, scope: 'per_action' },
    ],
  });
  assertRejectsAll(earningRulesResponse, [['an unknown scope', { rules: [{ id: 'C8', title: 'Like', coins: 1, minCoins: 1, limit: 5, scope: 'hourly' }] }]]);
});

test('S1 S2 the catalog has products and coupons with a value', () => {
  const items = [
    { id: 'mug', kind: 'product', name: 'Mug', description: 'A mug', imageUrl: '/img/mug.png', coins: 500, stock: 3 },
    { id: 'c5', kind: 'coupon', name: '$5 coupon', description: '', imageUrl: null, coins: 1000, stock: 50, couponValueCents: 500 },
  ];
  assert.deepEqual(assertAccepts(catalogResponse, { items }), { items });
  assertRejectsAll(catalogResponse, [
    ['a coupon without a value', { items: [{ ...items[1], couponValueCents: undefined }] }],
    ['an unknown kind', { items: [{ ...items[0], kind: 'raffle' }] }],
  ]);
});

test('badges are keyed by member id', () => {
  assertAccepts(badgesResponse, { badges: { m1: { level: 2, name: 'Mars', displayName: 'Ada' }, m2: { level: 0, name: 'Member' } } });
  assertAccepts(badgesResponse, { badges: {} });
  assertRejectsAll(badgesResponse, [['a level name missing', { badges: { m1: { level: 2 } } }]]);
});

test('S3 project donations: total, donors and recent ones', () => {
  assertAccepts(projectDonationsResponse, {
    projectId: 'p1',
    totalCoins: 300,
    donors: 2,
    recent: [{ id: 'd1', projectId: 'p1', memberId: 'm2', displayName: null, coins: 100, createdAt: '2026-03-01T08:30:00Z' }],
  });
  assertAccepts(donateResponse, {
    donation: { id: 'd2', projectId: 'p1', memberId: 'm1', displayName: 'Ada', coins: 50, createdAt: '2026-03-02T08:30:00Z' },
    coins: balance,
  });
});

test('the ledger pages newest first with a cursor, null on the last page', () => {
  const entry = {
    id: 'l1',
    currency: 'coins',
    amount: -500,
    ruleId: null,
    reason: 'Redeemed Mug',
    ref: 'r1',
    status: 'available',
    createdAt: '2026-03-01T08:30:00Z',
  };
  assertAccepts(ledgerResponse, { entries: [entry], nextCursor: 'c2' });
  assertAccepts(ledgerResponse, { entries: [], nextCursor: null });
  assertRejectsAll(ledgerResponse, [
    ['an unknown status', { entries: [{ ...entry, status: 'reversed' }], nextCursor: null }],
    ['a fractional amount', { entries: [{ ...entry, amount: 1.25 }], nextCursor: null }],
    ['a missing cursor', { entries: [] }],
  ]);
});

test("C8 C9 today's progress on capped rules", () => {
  assertAccepts(earningResponse, { day: '2026-03-01', rules: [{ ruleId: 'C8', earnedToday: 3, cap: 5 }], earnedOnce: ['C2'] });
  assertRejectsAll(earningResponse, [['an impossible day', { day: '2026-02-30', rules: [], earnedOnce: [] }]]);
});

test('C6 C7 check-ins of a month and the answer to a check-in', () => {
  assertAccepts(checkInsResponse, {
    month: '2026-03',
    today: '2026-03-07',
    checkedInToday: true,
    days: ['2026-03-01', '2026-03-07'],
    bonuses: [
      { atCount: 7, coins: 100, earned: false },
      { atCount: 30, coins: 400, earned: false },
    ],
  });
  assertAccepts(checkInResponse, { day: '2026-03-07', coinsAwarded: 10, bonusAwarded: 100, coins: balance });
  assertRejectsAll(checkInsResponse, [
    ['an invalid day in the list', { month: '2026-02', today: '2026-02-01', checkedInToday: false, days: ['2026-02-30'], bonuses: [] }],
  ]);
});

test('P5 S1 the cart holds redeemed gifts and upgrade gifts', () => {
  const redemption = { id: 'ci1', kind: 'redemption', catalogItemId: 'mug', name: 'Mug', coins: 500, removable: true };
  const gift = { id: 'ci2', kind: 'upgrade_gift', level: 2, name: 'Mars upgrade gift', coins: 0, shipping: 'with_next_order', removable: false };
  assert.deepEqual(assertAccepts(cartResponse, { items: [redemption, gift] }), { items: [redemption, gift] });
  assertAccepts(updateCartItemResponse, { ...gift, shipping: 'now' });
  assertRejectsAll(cartResponse, [
    ['an upgrade gift without its level', { items: [{ ...gift, level: undefined }] }],
    ['an unknown shipping choice', { items: [{ ...gift, shipping: 'someday' }] }],
  ]);
  assertAccepts(removeCartItemResponse, { coinsReturned: 500, coins: balance });
  assertAccepts(redeemResponse, {
    redemption: { id: 'r1', catalogItemId: 'mug', kind: 'product', coins: 500, createdAt: '2026-03-01T08:30:00Z' },
    cartItem: redemption,
    coins: balance,
  });
  assertAccepts(redeemResponse, {
    redemption: { id: 'r2', catalogItemId: 'c5', kind: 'coupon', coins: 1000, createdAt: '2026-03-01T08:30:00Z' },
    coupon: { code: 'RWD-7K2Q', valueCents: 500, createdAt: '2026-03-01T08:30:00Z' },
    coins: balance,
  });
  assertAccepts(couponsResponse, { coupons: [{ code: 'RWD-7K2Q', valueCents: 500, createdAt: '2026-03-01T08:30:00Z' }] });
});

test('M1 M2 M6 the seller backstage: months, orders, products, withdrawals', () => {
  const statement = {
    sellerId: 's1',
    displayName: 'Parts Co',
    storeCreditCents: 9500,
    pendingCents: 1900,
    debtCents: 0,
    currentMonth: '2026-02',
    feeBasisPoints: 500,
    firstOrderCredit: { orderId: 'o1', month: '2026-01', netCents: 9000, creditedAt: '2026-01-05T00:00:00Z' },
    months: [
      { month: '2026-01', grossCents: 10000, feeCents: 500, netCents: 9500, paidOutCents: 500, paidOutAt: '2026-02-03T00:00:00Z' },
      { month: '2026-02', grossCents: 2000, feeCents: 100, netCents: 1900 },
    ],
  };
  assertAccepts(sellerMeResponse, statement);
  assertAccepts(sellerMeResponse, { ...statement, displayName: null, firstOrderCredit: null, pendingCents: 0, debtCents: 950 });
  assertAccepts(sellerOrdersResponse, {
    orders: [
      {
        orderId: 'o1',
        status: 'completed',
        completedAt: '2026-02-10T10:00:00Z',
        lines: [{ sku: 'kit-7', quantity: 1, grossCents: 2000, feeCents: 100, netCents: 1900, refundedCents: 0 }],
        grossCents: 2000,
        feeCents: 100,
        netCents: 1900,
        refundedCents: 0,
      },
    ],
    nextCursor: null,
  });
  assertAccepts(sellerProductsResponse, { products: [{ sku: 'kit-7', name: 'Synth kit', stock: 0, unitsSold: 3, oversoldUnits: 1 }] });
  assertAccepts(withdrawResponse, {
    withdrawal: { id: 'w1', amountCents: 5000, status: 'requested', createdAt: '2026-03-01T08:30:00Z' },
    storeCreditCents: 4500,
  });
  assertAccepts(withdrawResponse, {
    withdrawal: { id: 'w1', amountCents: 5000, status: 'failed', createdAt: '2026-03-01T08:30:00Z', settledAt: '2026-03-02T08:30:00Z' },
    storeCreditCents: 9500,
  });
  assertAccepts(payoutsResponse, {
    month: '2026-02',
    payouts: [{ sellerId: 's1', netCents: 1900, paidOutAt: '2026-03-02T00:00:00Z', alreadyPaid: false }],
  });
  assertRejectsAll(sellerMeResponse, [
    ['negative store credit', { ...statement, storeCreditCents: -1 }],
    ['negative pending earnings (a debt is its own field)', { ...statement, pendingCents: -950 }],
    ['fractional fees', { ...statement, months: [{ month: '2026-01', grossCents: 999, feeCents: 49.95, netCents: 949 }] }],
  ]);
  assert.equal(
    z.safeParse(withdrawResponse, { withdrawal: { id: 'w1', amountCents: 1, status: 'pending', createdAt: '2026-03-01T08:30:00Z' }, storeCreditCents: 0 })
      .success,
    false,
  );
  assert.equal(
    z.safeParse(withdrawResponse, { withdrawal: { id: 'w1', amountCents: 0, createdAt: '2026-03-01T08:30:00Z' }, storeCreditCents: 0 }).success,
    false,
  );
});
