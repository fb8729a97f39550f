import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basisPointsOfCents, floorDiv, mulDivRoundHalfUp, percentOfCents, roundHalfUp, wholeDollars } from '../../../src/rules/money.ts';

test('money: round half up of a ratio, with integers only', () => {
  assert.equal(roundHalfUp(5, 2), 3);
  assert.equal(roundHalfUp(4, 2), 2);
  assert.equal(roundHalfUp(7, 4), 2); // 1.75
  assert.equal(roundHalfUp(5, 4), 1); // 1.25
  assert.equal(roundHalfUp(-5, 2), -3); // halves away from zero
  assert.equal(roundHalfUp(0, 7), 0);
  assert.throws(() => roundHalfUp(1, 0), RangeError);
});

test('money: floor division and whole dollars', () => {
  assert.equal(floorDiv(1299, 100), 12);
  assert.equal(floorDiv(-1, 100), -1);
  assert.equal(wholeDollars(1299), 12);
  assert.equal(wholeDollars(99), 0);
  assert.equal(wholeDollars(100), 1);
  assert.throws(() => wholeDollars(12.5), RangeError);
});

test('P4 percent of cents rounds half up', () => {
  assert.equal(percentOfCents(150, 1), 2); // 1.5 → 2
  assert.equal(percentOfCents(149, 1), 1); // 1.49 → 1
  assert.equal(percentOfCents(1050, 2), 21);
  assert.equal(percentOfCents(25, 6), 2); // 1.5 → 2
});

test('M1 basis points of cents round half up, exactly even for large amounts', () => {
  assert.equal(basisPointsOfCents(10, 500), 1); // 0.5 → 1
  assert.equal(basisPointsOfCents(9, 500), 0); // 0.45 → 0
  assert.equal(basisPointsOfCents(1999, 500), 100); // 99.95 → 100
  assert.equal(basisPointsOfCents(1989, 500), 99); // 99.45 → 99
  // 2^53 − 1 cents × 500 overflows doubles; the result must still be exact.
  assert.equal(mulDivRoundHalfUp(Number.MAX_SAFE_INTEGER, 500, 10_000), 450_359_962_737_050);
  assert.throws(() => basisPointsOfCents(10.5, 500), RangeError);
});
