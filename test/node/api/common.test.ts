import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import {
  calendarDay,
  calendarMonth,
  coinAmount,
  idempotencyKey,
  imageUrl,
  isoDateTime,
  pageLimit,
  positiveCoinAmount,
  resourceId,
  signedCoinAmount,
} from '../../../src/api/index.ts';
import { assertAccepts, assertRejectsAll } from './assert-schema.ts';

test('ids accept what shops use and reject empty, long, comma and whitespace ids', () => {
  for (const id of ['m_1', 'ORD-2026-000123', 'user@example.com', 'c3f1e2a4-5b6c-4d7e-8f90-123456789abc', 'x'.repeat(128)]) {
    assertAccepts(resourceId, id, id);
  }
  assertRejectsAll(resourceId, [
    ['an empty id', ''],
    ['an id over 128 characters', 'x'.repeat(129)],
    ['a comma, which would split a badge list', 'a,b'],
    ['a space', 'a b'],
    ['a newline', 'a\nb'],
    ['a number', 42],
    ['null', null],
  ]);
});

test('coin amounts are non-negative safe integers, never fractions', () => {
  assertAccepts(coinAmount, 0);
  assertAccepts(coinAmount, Number.MAX_SAFE_INTEGER);
  assertRejectsAll(coinAmount, [
    ['a negative amount', -1],
    ['a fraction', 1.5],
    ['a number beyond safe integers', 2 ** 53],
    ['a numeric string', '10'],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ]);
  assertRejectsAll(positiveCoinAmount, [['zero', 0]]);
  assertAccepts(signedCoinAmount, -250, 'a reversal');
  assertRejectsAll(signedCoinAmount, [['a negative fraction', -0.5]]);
});

test('calendar days must be real dates', () => {
  for (const day of ['2026-01-31', '2024-02-29', '2026-12-01']) assertAccepts(calendarDay, day, day);
  assertRejectsAll(calendarDay, [
    ['February 30th', '2026-02-30'],
    ['February 29th of a common year', '2025-02-29'],
    ['April 31st', '2026-04-31'],
    ['month 13', '2026-13-01'],
    ['a month only', '2026-02'],
    ['a time', '2026-02-01T00:00:00Z'],
    ['a slashed date', '2026/02/01'],
  ]);
});

test('calendar months are YYYY-MM with a real month', () => {
  for (const month of ['2026-01', '2026-12']) assertAccepts(calendarMonth, month, month);
  assertRejectsAll(calendarMonth, [
    ['month 00', '2026-00'],
    ['month 13', '2026-13'],
    ['a one-digit month', '2026-1'],
    ['a day', '2026-02-01'],
    ['a number', 202602],
  ]);
});

test('times are ISO 8601 instants in UTC', () => {
  assertAccepts(isoDateTime, '2026-03-01T08:30:00Z');
  assertAccepts(isoDateTime, '2026-03-01T08:30:00.123Z');
  assertRejectsAll(isoDateTime, [
    ['an offset other than Z', '2026-03-01T08:30:00+08:00'],
    ['no zone at all', '2026-03-01T08:30:00'],
    ['an impossible day', '2026-02-30T08:30:00Z'],
    ['a day only', '2026-03-01'],
    ['a timestamp number', 1_767_225_600_000],
  ]);
});

test('a page limit arrives as text and becomes a whole number from 1 to 100', () => {
  assert.equal(assertAccepts(pageLimit, '1'), 1);
  assert.equal(assertAccepts(pageLimit, '100'), 100);
  assertRejectsAll(pageLimit, [
    ['zero', '0'],
    ['more than 100', '101'],
    ['a fraction', '2.5'],
    ['a negative number', '-5'],
    ['a leading zero', '010'],
    ['an exponent', '1e2'],
    ['empty text', ''],
  ]);
});

test('image URLs are http(s) or site paths', () => {
  for (const url of ['https://cdn.example.com/a.png', 'http://shop.test/x.jpg', 'https://cdn.example.com', '/images/gift.png?v=2'])
    assertAccepts(imageUrl, url, url);
  assertRejectsAll(imageUrl, [
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:image/png;base64,AAAA'],
    ['a relative path', 'images/a.png'],
    ['a protocol-relative URL', '//evil.example/a.png'],
    ['a backslash path that browsers read as another host', '/\\evil.example/a.png'],
    ['a URL without a host', 'https:///a.png'],
    ['an over-long URL', `https://a.example/${'x'.repeat(2048)}`],
  ]);
});

test('an Idempotency-Key is 1 to 255 visible characters', () => {
  assertAccepts(idempotencyKey, 'a');
  assertAccepts(idempotencyKey, 'k'.repeat(255));
  assertRejectsAll(idempotencyKey, [
    ['an empty key', ''],
    ['a key over 255 characters', 'k'.repeat(256)],
    ['a key with a space', 'a b'],
    ['a non-ASCII key', 'clé'],
  ]);
  assert.equal(z.safeParse(idempotencyKey, 'retry-1').success, true);
});
