import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  badgesQuery,
  cartItemPathParams,
  checkInsQuery,
  donateBody,
  idPathParams,
  ledgerQuery,
  payoutsBody,
  putCatalogItemBody,
  redeemBody,
  rulesConfig,
  sellerOrdersQuery,
  updateCartItemBody,
  withdrawBody,
} from '../../../src/api/index.ts';
import { defaultRulesConfig } from '../../../src/rules/config.ts';
import { assertAccepts, assertRejectsAll } from './assert-schema.ts';

test('badges query: a comma-separated list of up to 200 member ids, repeats counted once', () => {
  assert.deepEqual(assertAccepts(badgesQuery, { members: 'a,b,c' }), { members: ['a', 'b', 'c'] });
  assert.deepEqual(assertAccepts(badgesQuery, { members: 'a,a,b' }), { members: ['a', 'b'] });
  const twoHundred = Array.from({ length: 200 }, (_, i) => `m${i}`);
  assert.equal(assertAccepts(badgesQuery, { members: twoHundred.join(',') }).members.length, 200);
  assert.equal(assertAccepts(badgesQuery, { members: [...twoHundred, 'm0'].join(',') }).members.length, 200);
  assertRejectsAll(badgesQuery, [
    ['201 ids', { members: [...twoHundred, 'm200'].join(',') }],
    ['no members parameter', {}],
    ['an empty list', { members: '' }],
    ['an empty entry', { members: 'a,,b' }],
    ['a trailing comma', { members: 'a,' }],
    ['an id over 128 characters', { members: `a,${'x'.repeat(129)}` }],
    ['a repeated parameter (an array)', { members: ['a', 'b'] }],
  ]);
});

test('ledger query: optional currency, limit and cursor', () => {
  assert.deepEqual(assertAccepts(ledgerQuery, {}), {});
  assert.deepEqual(assertAccepts(ledgerQuery, { currency: 'points', limit: '20', cursor: 'abc' }), {
    currency: 'points',
    limit: 20,
    cursor: 'abc',
  });
  assertRejectsAll(ledgerQuery, [
    ['an unknown currency', { currency: 'dollars' }],
    ['a limit of 0', { limit: '0' }],
    ['a limit over 100', { limit: '500' }],
    ['a fractional limit', { limit: '2.5' }],
    ['a negative limit', { limit: '-1' }],
    ['an empty cursor', { cursor: '' }],
    ['a cursor over 512 characters', { cursor: 'c'.repeat(513) }],
  ]);
});

test('query strings tolerate parameters they do not know (cache busters)', () => {
  assert.deepEqual(assertAccepts(ledgerQuery, { currency: 'coins', _: '1712345' }), { currency: 'coins' });
});

test('C7 check-ins query: an optional real month', () => {
  assert.deepEqual(assertAccepts(checkInsQuery, {}), {});
  assertAccepts(checkInsQuery, { month: '2026-02' });
  assertRejectsAll(checkInsQuery, [
    ['month 13', { month: '2026-13' }],
    ['a day instead of a month', { month: '2026-02-01' }],
    ['an empty month', { month: '' }],
  ]);
});

test('seller orders query: optional limit and cursor', () => {
  assertAccepts(sellerOrdersQuery, { cursor: 'next-page' });
  assertRejectsAll(sellerOrdersQuery, [['a limit that is not a number', { limit: 'ten' }]]);
});

test('path parameters are ids', () => {
  assertAccepts(idPathParams, { id: 'project-1' });
  assertAccepts(cartItemPathParams, { itemId: 'ci_9' });
  assertRejectsAll(idPathParams, [
    ['an empty id', { id: '' }],
    ['an id over 128 characters', { id: 'p'.repeat(129) }],
  ]);
  assertRejectsAll(cartItemPathParams, [['a missing itemId', {}]]);
});

test('S1 redeem body: exactly a catalog item id', () => {
  assertAccepts(redeemBody, { catalogItemId: 'mug-1' });
  assertRejectsAll(redeemBody, [
    ['no catalogItemId', {}],
    ['a numeric id', { catalogItemId: 7 }],
    ['an empty id', { catalogItemId: '' }],
    ['an id over 128 characters', { catalogItemId: 'x'.repeat(129) }],
    ['an unknown field', { catalogItemId: 'mug-1', coins: 0 }],
    ['an array', [{ catalogItemId: 'mug-1' }]],
    ['null', null],
  ]);
});

test('P5 update cart item body: shipping now or with the next order', () => {
  assertAccepts(updateCartItemBody, { shipping: 'now' });
  assertAccepts(updateCartItemBody, { shipping: 'with_next_order' });
  assertRejectsAll(updateCartItemBody, [
    ['an unknown shipping choice', { shipping: 'later' }],
    ['no shipping', {}],
    ['an unknown field', { shipping: 'now', removable: true }],
  ]);
});

test('S3 donate body: a whole number of coins, at least one', () => {
  assertAccepts(donateBody, { coins: 1 });
  assertAccepts(donateBody, { coins: 5000 });
  assertRejectsAll(donateBody, [
    ['zero coins', { coins: 0 }],
    ['negative coins', { coins: -10 }],
    ['fractional coins', { coins: 2.5 }],
    ['coins as text', { coins: '10' }],
    ['unsafe integers', { coins: 2 ** 60 }],
    ['no coins', {}],
    ['an unknown field', { coins: 10, projectId: 'p1' }],
  ]);
});

test('S1 S2 catalog item body: a product, or a coupon with its value', () => {
  const product = { kind: 'product', name: 'Rewards mug', description: 'A mug.', imageUrl: 'https://cdn.example.com/mug.png', coins: 500, stock: 20 };
  const coupon = { kind: 'coupon', name: '$5 coupon', description: '', imageUrl: null, coins: 1000, stock: 100, couponValueCents: 500 };
  assertAccepts(putCatalogItemBody, product, 'a product');
  assertAccepts(putCatalogItemBody, coupon, 'a coupon');
  assertRejectsAll(putCatalogItemBody, [
    ['an unknown kind', { ...product, kind: 'service' }],
    ['a coupon without a value', { ...coupon, couponValueCents: undefined }],
    ['a product with a coupon value', { ...product, couponValueCents: 500 }],
    ['a zero coupon value', { ...coupon, couponValueCents: 0 }],
    ['a fractional coupon value', { ...coupon, couponValueCents: 4.99 }],
    ['negative coins', { ...product, coins: -1 }],
    ['fractional coins', { ...product, coins: 9.5 }],
    ['negative stock', { ...product, stock: -1 }],
    ['fractional stock', { ...product, stock: 0.5 }],
    ['an empty name', { ...product, name: '' }],
    ['a name over 200 characters', { ...product, name: 'n'.repeat(201) }],
    ['a description over 2000 characters', { ...product, description: 'd'.repeat(2001) }],
    ['a javascript image URL', { ...product, imageUrl: 'javascript:alert(1)' }],
    ['an id in the body', { ...product, id: 'mug-1' }],
    ['a missing stock', { ...product, stock: undefined }],
  ]);
});

test('M2 payouts body: a real month', () => {
  assertAccepts(payoutsBody, { month: '2026-01' });
  assertRejectsAll(payoutsBody, [
    ['month 00', { month: '2026-00' }],
    ['a day', { month: '2026-01-31' }],
    ['no month', {}],
    ['an unknown field', { month: '2026-01', sellerId: 's1' }],
  ]);
});

test('M4 withdrawal body: a whole, positive number of cents', () => {
  assertAccepts(withdrawBody, { amountCents: 1999 });
  assertRejectsAll(withdrawBody, [
    ['zero cents', { amountCents: 0 }],
    ['negative cents', { amountCents: -100 }],
    ['fractional cents', { amountCents: 10.5 }],
    ['dollars as text', { amountCents: '19.99' }],
    ['an unknown field', { amountCents: 100, currency: 'USD' }],
  ]);
});

test('rules body: the full default configuration is accepted, broken ones are not', () => {
  assertAccepts(rulesConfig, structuredClone(defaultRulesConfig), 'the defaults');
  const broken = (change: (config: ReturnType<typeof structuredClone<typeof defaultRulesConfig>>) => void) => {
    const config = structuredClone(defaultRulesConfig);
    change(config);
    return config;
  };
  assertRejectsAll(rulesConfig, [
    ['a fractional discount', broken((config) => void (config.levels[1]!.discountPercent = 1.5))],
    ['negative check-in coins', broken((config) => void (config.earning.checkIn.coins = -10))],
    ['an unknown time zone', broken((config) => void (config.timeZone = 'Mars/Olympus'))],
    ['six levels', broken((config) => void config.levels.pop())],
    ['decreasing thresholds', broken((config) => void (config.levels[2]!.pointsRequired = 0))],
  ]);
});
