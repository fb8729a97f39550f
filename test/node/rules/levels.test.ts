import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRulesConfig as config, parseRulesConfig, type RulesConfig } from '../../../src/rules/config.ts';
import {
  eligibleCents,
  levelForPoints,
  levelsList,
  levelsReachedForFirstTime,
  memberDiscount,
  memberSummary,
  nextLevel,
  orderPoints,
  refundReversal,
  type CompletedOrderFacts,
} from '../../../src/rules/levels.ts';
import { orderCompletedCoins } from '../../../src/rules/earning.ts';

test('P1 a $12.99 product earns 12 points; $1 earns 1; 99 cents earn nothing', () => {
  assert.equal(orderPoints('o1', { lines: [{ unitPriceCents: 1299, quantity: 1 }] }, config).points, 12);
  assert.equal(orderPoints('o2', { lines: [{ unitPriceCents: 100, quantity: 1 }] }, config).points, 1);
  const tiny = orderPoints('o3', { lines: [{ unitPriceCents: 99, quantity: 1 }] }, config);
  assert.equal(tiny.points, 0);
  assert.deepEqual(tiny.credits, []);
});

test('P1 floors the order total, not each line', () => {
  const order = {
    lines: [
      { unitPriceCents: 1299, quantity: 1 },
      { unitPriceCents: 150, quantity: 1 },
    ],
  };
  assert.equal(eligibleCents(order), 1449);
  assert.equal(orderPoints('o', order, config).points, 14);
});

test('P1 excludes shipping and subtracts line and order discounts', () => {
  const order = {
    lines: [
      { sku: 'a', unitPriceCents: 2500, quantity: 2, discountCents: 500 }, // 4500
      { sku: 'b', unitPriceCents: 1000, quantity: 1 }, // 1000
    ],
    orderDiscountCents: 799,
    shippingCents: 1500,
  };
  assert.equal(eligibleCents(order), 4701);
  const result = orderPoints('order-9', order, config);
  assert.equal(result.points, 47);
  assert.deepEqual(result.credits, [{ currency: 'points', amount: 47, ruleId: 'P1', status: 'available', onceKey: 'order-9', ref: 'order-9' }]);
});

test('P1 never goes below zero, neither per line nor per order', () => {
  assert.equal(eligibleCents({ lines: [{ unitPriceCents: 500, quantity: 1 }], orderDiscountCents: 900 }), 0);
  assert.equal(
    eligibleCents({
      lines: [
        { unitPriceCents: 500, quantity: 1, discountCents: 800 },
        { unitPriceCents: 300, quantity: 1 },
      ],
    }),
    300,
  );
  assert.deepEqual(orderPoints('o', { lines: [], shippingCents: 2000 }, config).credits, []);
});

test('P1 refuses amounts that are not whole cents', () => {
  assert.throws(() => eligibleCents({ lines: [{ unitPriceCents: 12.5, quantity: 1 }] }), RangeError);
  assert.throws(() => eligibleCents({ lines: [{ unitPriceCents: 100, quantity: -1 }] }), RangeError);
});

test('P1 and C1 points and coins of a completed order come from the same eligible amount', () => {
  const order = { lines: [{ unitPriceCents: 4999, quantity: 3 }], shippingCents: 800 };
  const points = orderPoints('o-77', order, config);
  const coins = orderCompletedCoins('o-77', points.eligibleCents, config);
  assert.ok(coins.ok);
  assert.equal(points.points, 149);
  assert.equal(coins.credits[0]?.amount, 149);
});

test('P3 threshold boundaries are inclusive: 499 is Mercury, 500 is Mars', () => {
  const cases: Array<[number, number]> = [
    [0, 0],
    [1, 1],
    [499, 1],
    [500, 2],
    [1999, 2],
    [2000, 3],
    [4999, 3],
    [5000, 4],
    [9999, 4],
    [10000, 5],
    [19999, 5],
    [20000, 6],
    [1_000_000, 6],
  ];
  for (const [points, level] of cases) assert.equal(levelForPoints(points, config), level, `${points} points`);
});

test('P3 the levels keep the source order Mercury, Mars, Venus and follow a changed configuration', () => {
  assert.deepEqual(
    levelsList(config).map((level) => level.name),
    ['Member', 'Mercury', 'Mars', 'Venus', 'Earth', 'Saturn', 'Jupiter'],
  );
  const custom = structuredClone(config) as RulesConfig;
  custom.levels[2]!.pointsRequired = 300;
  const parsed = parseRulesConfig(custom);
  assert.equal(levelForPoints(300, parsed), 2);
  assert.equal(levelForPoints(300, config), 1);
});

test('P3 next level and points to go; none at the top', () => {
  assert.deepEqual(nextLevel(0, config), { index: 1, name: 'Mercury', pointsRequired: 1, pointsToGo: 1 });
  assert.deepEqual(nextLevel(499, config), { index: 2, name: 'Mars', pointsRequired: 500, pointsToGo: 1 });
  assert.deepEqual(nextLevel(500, config), { index: 3, name: 'Venus', pointsRequired: 2000, pointsToGo: 1500 });
  assert.equal(nextLevel(20000, config), null);
});

test('P4 half-up rounding once per order', () => {
  // Two lines of 75 cents at 1%: 0.75 + 0.75 = 1.5 → 2 cents once; per line it would be 1 + 1.
  const lines = [
    { unitPriceCents: 75, quantity: 1 },
    { unitPriceCents: 75, quantity: 1 },
  ];
  assert.deepEqual(memberDiscount(lines, 1, config), { percent: 1, discountableCents: 150, discountCents: 2 });
  assert.equal(memberDiscount([{ unitPriceCents: 149, quantity: 1 }], 1, config).discountCents, 1);
  assert.equal(memberDiscount([{ unitPriceCents: 2500, quantity: 1 }], 6, config).discountCents, 150);
  assert.equal(memberDiscount([{ unitPriceCents: 2525, quantity: 1 }], 2, config).discountCents, 51); // 50.5 → 51
});

test('P4 excludes partner-seller and special-offer lines, which still earn points', () => {
  const lines = [
    { sku: 'own', unitPriceCents: 10000, quantity: 1, discountCents: 1000 },
    { sku: 'partner', unitPriceCents: 5000, quantity: 1, partnerSellerId: 'seller-1' },
    { sku: 'offer', unitPriceCents: 3000, quantity: 1, specialOffer: true },
  ];
  assert.deepEqual(memberDiscount(lines, 3, config), { percent: 3, discountableCents: 9000, discountCents: 270 });
  assert.equal(orderPoints('o', { lines }, config).points, 170);
});

test('P4 LV0 gets no discount', () => {
  assert.equal(memberDiscount([{ unitPriceCents: 99999, quantity: 3 }], 0, config).discountCents, 0);
});

test('P5 several levels reached in one order give one gift each', () => {
  const reached = levelsReachedForFirstTime(1, 5200, config);
  assert.deepEqual(reached.levels, [2, 3, 4]);
  assert.deepEqual(
    reached.gifts.map((gift) => [gift.level, gift.name]),
    [
      [2, 'Mars upgrade gift'],
      [3, 'Venus upgrade gift'],
      [4, 'Earth upgrade gift'],
    ],
  );
  assert.equal(reached.highestLevelReached, 4);
});

test('P5 the first order of a new member reaches Mercury', () => {
  const reached = levelsReachedForFirstTime(0, 12, config);
  assert.deepEqual(reached.levels, [1]);
  assert.equal(reached.gifts.length, 1);
});

test('P5 no second gift after a drop and a re-reach', () => {
  // The member had reached Venus (3), a refund dropped them to Mars, now they are back at Venus.
  const backAtVenus = levelsReachedForFirstTime(3, 2100, config);
  assert.deepEqual(backAtVenus.levels, []);
  assert.deepEqual(backAtVenus.gifts, []);
  assert.equal(backAtVenus.highestLevelReached, 3);
  // Going past the old highest level gives only the new one.
  assert.deepEqual(levelsReachedForFirstTime(3, 5000, config).levels, [4]);
  // A drop never lowers the highest level reached.
  assert.equal(levelsReachedForFirstTime(3, 10, config).highestLevelReached, 3);
});

test('P5 a gift carries its catalog item; a level configured without a gift gives none', () => {
  const custom = structuredClone(config) as RulesConfig;
  custom.levels[1]!.gift = { name: 'Sticker pack', catalogItemId: 'stickers' };
  custom.levels[2]!.gift = null;
  const reached = levelsReachedForFirstTime(0, 600, parseRulesConfig(custom));
  assert.deepEqual(reached.levels, [1, 2]);
  assert.deepEqual(reached.gifts, [{ level: 1, name: 'Sticker pack', catalogItemId: 'stickers' }]);
});

test('P6 the member summary shows points, level, discount, next level and points to go', () => {
  assert.deepEqual(memberSummary(0, config), {
    points: 0,
    level: { index: 0, name: 'Member', discountPercent: 0 },
    nextLevel: { index: 1, name: 'Mercury', pointsRequired: 1, pointsToGo: 1 },
  });
  assert.deepEqual(memberSummary(2345, config), {
    points: 2345,
    level: { index: 3, name: 'Venus', discountPercent: 3 },
    nextLevel: { index: 4, name: 'Earth', pointsRequired: 5000, pointsToGo: 2655 },
  });
  assert.deepEqual(memberSummary(25000, config).nextLevel, null);
  assert.equal(memberSummary(25000, config).level.name, 'Jupiter');
});

const completed: CompletedOrderFacts = { orderId: 'o-1', eligibleCents: 5099, pointsEarned: 50, coinsEarned: 50, refundedCentsBefore: 0 };

test('P7 a full refund reverses all points and order coins', () => {
  const reversal = refundReversal(completed, 5099, 400, config);
  assert.ok(reversal.ok);
  assert.equal(reversal.pointsReversed, 50);
  assert.equal(reversal.coinsReversed, 50);
  assert.equal(reversal.coinShortfall, 0);
  assert.deepEqual(reversal.credits, [
    { currency: 'points', amount: -50, ruleId: 'P7', status: 'available', onceKey: 'o-1@5099', ref: 'o-1' },
    { currency: 'coins', amount: -50, ruleId: 'P7', status: 'available', onceKey: 'o-1@5099', ref: 'o-1', shortfall: 0 },
  ]);
});

test('P7 a partial refund reverses floor(refunded / 100)', () => {
  const reversal = refundReversal(completed, 1299, 400, config);
  assert.ok(reversal.ok);
  assert.equal(reversal.pointsReversed, 12);
  assert.equal(reversal.coinsReversed, 12);
});

test('P7 partial refunds add up: never more than the order earned', () => {
  const first = refundReversal(completed, 150, 400, config);
  assert.ok(first.ok);
  assert.equal(first.pointsReversed, 1);
  const second = refundReversal({ ...completed, refundedCentsBefore: 150 }, 150, 400, config);
  assert.ok(second.ok);
  assert.equal(second.pointsReversed, 2, '$3.00 refunded in two halves reverses 3 points in all');
  const tooMuch = refundReversal({ ...completed, refundedCentsBefore: 5000 }, 9999, 400, config);
  assert.ok(tooMuch.ok);
  assert.equal(tooMuch.refundedEligibleCents, 99);
  assert.equal(tooMuch.pointsReversed, 0);
  assert.deepEqual(tooMuch.credits, []);
});

test('P7 a refund with a coin shortfall takes the balance to zero and records the rest', () => {
  const reversal = refundReversal(completed, 5099, 20, config);
  assert.ok(reversal.ok);
  assert.equal(reversal.pointsReversed, 50);
  assert.equal(reversal.coinsReversed, 20);
  assert.equal(reversal.coinShortfall, 30);
  const coins = reversal.credits.find((entry) => entry.currency === 'coins');
  assert.deepEqual(coins, { currency: 'coins', amount: -20, ruleId: 'P7', status: 'available', onceKey: 'o-1@5099', ref: 'o-1', shortfall: 30 });
  const broke = refundReversal(completed, 5099, 0, config);
  assert.ok(broke.ok);
  assert.ok(Object.is(broke.credits[1]?.amount, 0));
  assert.equal(broke.credits[1]?.shortfall, 50);
});

test('P7 refuses a refund that is not a positive whole number of cents', () => {
  for (const bad of [0, -100, 10.5]) {
    const refusal = refundReversal(completed, bad, 10, config);
    assert.equal(refusal.ok, false);
    assert.equal(!refusal.ok && refusal.code, 'invalid_request');
  }
});
