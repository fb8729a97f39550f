import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bonusProgress } from '../../../../src/elements/check-in-calendar/bonus-progress.ts';

const march = [
  { atCount: 7, coins: 100, earned: true },
  { atCount: 14, coins: 200, earned: true },
  { atCount: 21, coins: 300, earned: false },
  { atCount: 30, coins: 400, earned: false },
];

test("C7 progress towards each tier is the month's count, capped at the tier", () => {
  const tiers = bonusProgress(14, march);
  assert.deepEqual(
    tiers.map((tier) => [tier.atCount, tier.progress, tier.earned, tier.next]),
    [
      [7, 7, true, false],
      [14, 14, true, false],
      [21, 14, false, true],
      [30, 14, false, false],
    ],
  );
});

test("C7 in February the server's last tier asks for the month's length, and a full month earns all four", () => {
  const february = march.map((tier) => ({ ...tier, atCount: Math.min(tier.atCount, 28), earned: true }));
  const tiers = bonusProgress(28, february);
  assert.deepEqual(
    tiers.map((tier) => `${tier.progress}/${tier.atCount}`),
    ['7/7', '14/14', '21/21', '28/28'],
  );
  assert.ok(tiers.every((tier) => tier.earned && !tier.next));
  assert.equal(
    tiers.reduce((sum, tier) => sum + tier.coins, 0),
    1000,
  );
});

test('C7 tiers come out in order of their count whatever order they arrive in', () => {
  const tiers = bonusProgress(
    0,
    [...march].reverse().map((tier) => ({ ...tier, earned: false })),
  );
  assert.deepEqual(
    tiers.map((tier) => tier.atCount),
    [7, 14, 21, 30],
  );
  assert.equal(tiers[0]?.next, true);
  assert.ok(tiers.every((tier) => tier.progress === 0));
});
