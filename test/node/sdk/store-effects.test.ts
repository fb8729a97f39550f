/**
 * How the store applies a mutation's answer to the data other stores hold, and how it tells
 * members apart: pure functions, tested without a server.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CheckInsResponse, LedgerEntry } from '../../../src/api/member.ts';
import { mergeLedgerFirstPage, withCheckIn, withCheckInEarning, withDonation, withStockMoved } from '../../../src/store/effects.ts';
import { memberOfToken } from '../../../src/store/member-of-token.ts';

const february: CheckInsResponse = {
  month: '2026-02',
  today: '2026-02-28',
  checkedInToday: false,
  days: Array.from({ length: 27 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`),
  bonuses: [
    { atCount: 7, coins: 100, earned: true },
    { atCount: 14, coins: 200, earned: true },
    { atCount: 21, coins: 300, earned: true },
    { atCount: 28, coins: 400, earned: false },
  ],
};

test('C7 a check-in on the last day of February reaches the last tier, whose count the server shortened to 28', () => {
  const next = withCheckIn(february, '2026-02-28');
  assert.equal(next.days.length, 28);
  assert.equal(next.checkedInToday, true);
  assert.deepEqual(
    next.bonuses.map((bonus) => bonus.earned),
    [true, true, true, true],
  );
  assert.equal(february.days.length, 27, 'the input is not modified');
});

test('C6 a check-in leaves other months alone and never counts a day twice', () => {
  assert.equal(withCheckIn(february, '2026-03-01'), february);
  const once = withCheckIn(february, '2026-02-28');
  assert.equal(withCheckIn(once, '2026-02-28'), once);
});

test("C6 today's progress moves only for the rules the check-in credited, and a progress of another day is refetched", () => {
  const earning = { day: '2026-02-28', rules: [{ ruleId: 'C8', earnedToday: 2, cap: 5 }] };
  const credited = new Map([['C6', 10]]);
  assert.equal(withCheckInEarning(earning, '2026-02-28', credited), earning);
  assert.equal(withCheckInEarning(earning, '2026-03-01', credited), undefined);
  const tracked = { day: '2026-02-28', rules: [{ ruleId: 'C6', earnedToday: 0, cap: 10 }] };
  assert.deepEqual(withCheckInEarning(tracked, '2026-02-28', credited)?.rules, [{ ruleId: 'C6', earnedToday: 10, cap: 10 }]);
});

test('S1 stock moves but never below zero, and only for the item named', () => {
  const catalog = {
    items: [
      { id: 'a', kind: 'product' as const, name: 'A', description: '', imageUrl: null, coins: 5, stock: 0 },
      { id: 'b', kind: 'product' as const, name: 'B', description: '', imageUrl: null, coins: 5, stock: 3 },
    ],
  };
  assert.deepEqual(
    withStockMoved(catalog, 'a', -1).items.map((item) => item.stock),
    [0, 3],
  );
  assert.deepEqual(
    withStockMoved(catalog, 'b', -1).items.map((item) => item.stock),
    [0, 2],
  );
  assert.equal(withStockMoved(catalog, 'z', -1), catalog);
});

test('S3 a donation adds to the total and leads the recent list; the same donation twice counts once', () => {
  const donations = { projectId: 'p', totalCoins: 10, donors: 1, recent: [] };
  const donation = { id: 'd1', projectId: 'p', memberId: 'm', displayName: null, coins: 5, createdAt: '2026-01-01T00:00:00Z' };
  const once = withDonation(donations, donation);
  assert.equal(once.totalCoins, 15);
  assert.deepEqual(once.recent, [donation]);
  assert.equal(withDonation(once, donation), once);
});

function entry(id: string): LedgerEntry {
  return { id, currency: 'coins', amount: 1, ruleId: 'C8', reason: 'Like', ref: null, status: 'available', createdAt: '2026-01-01T00:00:00Z' };
}

test('a fresh first ledger page joins the loaded pages where they overlap, and replaces them where they cannot', () => {
  const kept = { entries: [entry('3'), entry('2'), entry('1')], nextCursor: 'after-1' };
  assert.deepEqual(mergeLedgerFirstPage({ entries: [entry('4'), entry('3')], nextCursor: 'after-3' }, kept), {
    entries: [entry('4'), entry('3'), entry('2'), entry('1')],
    nextCursor: 'after-1',
  });
  const gap = { entries: [entry('9'), entry('8')], nextCursor: 'after-8' };
  assert.equal(mergeLedgerFirstPage(gap, kept), gap);
  const everything = { entries: [entry('4'), entry('3'), entry('2'), entry('1')], nextCursor: null };
  assert.equal(mergeLedgerFirstPage(everything, kept), everything);
});

test('the member of a token is its sub, read without verification; anything else is no member', () => {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  assert.equal(memberOfToken(`${encode({ alg: 'HS256' })}.${encode({ sub: 'ada?>~', exp: 1 })}.sig`), 'ada?>~');
  assert.equal(memberOfToken(`${encode({ alg: 'HS256' })}.${encode({ exp: 1 })}.sig`), undefined);
  assert.equal(memberOfToken('opaque-token'), undefined);
  assert.equal(memberOfToken('a.!!!.c'), undefined);
});
