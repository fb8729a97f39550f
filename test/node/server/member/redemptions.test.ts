import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cartResponse, couponsResponse, redeemResponse } from '../../../../src/api/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertProblem, assertShape, TestApp } from './support.ts';

for (const target of databaseTargets()) {
  describe(`redemptions on ${target.name}`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
      await t.putItem('r-mug', { kind: 'product', name: 'Mug', coins: 300, stock: 5 });
      await t.putItem('r-coupon', { kind: 'coupon', name: '$5 coupon', coins: 500, stock: 100, couponValueCents: 500 });
      await t.putItem('r-last', { kind: 'product', name: 'Last one', coins: 10, stock: 1 });
      await t.putItem('r-none', { kind: 'product', name: 'Sold out', coins: 10, stock: 0 });
    });
    after(async () => {
      await db.drop();
    });

    test('S1 redeeming a product takes its coins and one unit of stock, and puts it into the cart', async () => {
      await t.giveCoins('s1-amy', 1000);
      const reply = await t.asMember('s1-amy', 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'r-mug' } });
      assert.equal(reply.status, 201, reply.text);
      const body = assertShape(redeemResponse, reply.body);
      assert.equal(body.redemption.kind, 'product');
      assert.equal(body.redemption.coins, 300);
      assert.equal(body.redemption.createdAt, '2025-03-12T12:00:00.000Z');
      assert.equal(body.coupon, undefined);
      assert.deepEqual(body.cartItem, { id: body.redemption.id, kind: 'redemption', catalogItemId: 'r-mug', name: 'Mug', coins: 300, removable: true });
      assert.deepEqual(body.coins, { available: 700, pending: 0 });
      assert.equal(await t.stock('r-mug'), 4);

      const cart = assertShape(cartResponse, (await t.asMember('s1-amy', 'GET', '/v1/me/cart')).body);
      assert.deepEqual(cart.items, [body.cartItem]);
      const points = await t.asMember<{ points: number }>('s1-amy', 'GET', '/v1/me');
      assert.equal(points.body.points, 0, 'P2 spending never touches points');
    });

    test('S2 redeeming a coupon issues an unguessable code, listed with the coupons and not in the cart', async () => {
      await t.giveCoins('s2-bo', 1000);
      const codes = new Set<string>();
      for (let i = 0; i < 2; i++) {
        const reply = await t.asMember('s2-bo', 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'r-coupon' } });
        assert.equal(reply.status, 201, reply.text);
        const body = assertShape(redeemResponse, reply.body);
        assert.equal(body.cartItem, undefined);
        assert.equal(body.coupon?.valueCents, 500);
        assert.match(body.coupon?.code ?? '', /^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){4}$/);
        codes.add(body.coupon!.code);
      }
      assert.equal(codes.size, 2);
      assert.deepEqual(await t.coins('s2-bo'), { available: 0, pending: 0 });
      const coupons = assertShape(couponsResponse, (await t.asMember('s2-bo', 'GET', '/v1/me/coupons')).body);
      assert.deepEqual(new Set(coupons.coupons.map((c) => c.code)), codes);
      assert.deepEqual((await t.asMember<{ items: unknown[] }>('s2-bo', 'GET', '/v1/me/cart')).body.items, []);
      // Another member sees none of them.
      assert.deepEqual((await t.asMember<{ coupons: unknown[] }>('s2-other', 'GET', '/v1/me/coupons')).body.coupons, []);
      assert.equal(await t.stock('r-coupon'), 98);
    });

    test('S4 too few coins is 409 insufficient_coins and nothing changes', async () => {
      await t.giveCoins('s4-cy', 299);
      assertProblem(await t.asMember('s4-cy', 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'r-mug' } }), 409, 'insufficient_coins');
      assert.deepEqual(await t.coins('s4-cy'), { available: 299, pending: 0 });
      assert.equal(await t.stock('r-mug'), 4);
      assert.deepEqual((await t.asMember<{ items: unknown[] }>('s4-cy', 'GET', '/v1/me/cart')).body.items, []);
    });

    test('S1 no stock is 409 out_of_stock; an unknown or withdrawn item is 404', async () => {
      await t.giveCoins('s1-dee', 100);
      assertProblem(await t.asMember('s1-dee', 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'r-none' } }), 409, 'out_of_stock');
      assertProblem(await t.asMember('s1-dee', 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'r-nowhere' } }), 404, 'not_found');
      await t.putItem('r-withdrawn', { kind: 'product', coins: 10, stock: 5 });
      assert.equal((await t.asShop('DELETE', '/v1/catalog/r-withdrawn')).status, 200);
      assertProblem(await t.asMember('s1-dee', 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'r-withdrawn' } }), 404, 'not_found');
      assert.deepEqual(await t.coins('s1-dee'), { available: 100, pending: 0 });
    });

    test('a malformed redemption is 400 and changes nothing', async () => {
      await t.giveCoins('s1-eve', 100);
      const bodies: unknown[] = [{}, { catalogItemId: '' }, { catalogItemId: 42 }, { catalogItemId: 'r-last', extra: 1 }, 'not json {', [1]];
      for (const body of bodies) {
        assertProblem(await t.asMember('s1-eve', 'POST', '/v1/me/redemptions', { body }), 400, 'invalid_request');
      }
      assert.deepEqual(await t.coins('s1-eve'), { available: 100, pending: 0 });
      assert.equal(await t.stock('r-last'), 1);
    });

    test('redeeming needs a member token: none is 401, the shop key is 403', async () => {
      assertProblem(await t.request('POST', '/v1/me/redemptions', { body: { catalogItemId: 'r-last' } }), 401, 'unauthorized');
      assertProblem(await t.asShop('POST', '/v1/me/redemptions', { body: { catalogItemId: 'r-last' } }), 403, 'forbidden');
      assertProblem(await t.request('GET', '/v1/me/coupons'), 401, 'unauthorized');
      assert.equal(await t.stock('r-last'), 1);
    });

    test('S4 50 simultaneous redemptions against a balance that covers 3: exactly 3 succeed, the rest are 409', async () => {
      await t.putItem('r-race', { kind: 'product', name: 'Race prize', coins: 100, stock: 40 });
      await t.giveCoins('s4-racer', 350);
      const replies = await Promise.all(
        Array.from({ length: 50 }, () => t.asMember('s4-racer', 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'r-race' } })),
      );
      const created = replies.filter((reply) => reply.status === 201);
      assert.equal(created.length, 3);
      for (const reply of replies.filter((r) => r.status !== 201)) assertProblem(reply, 409, 'insufficient_coins');
      assert.deepEqual(await t.coins('s4-racer'), { available: 50, pending: 0 });
      assert.equal(await t.stock('r-race'), 37);
      assert.equal((await t.asMember<{ items: unknown[] }>('s4-racer', 'GET', '/v1/me/cart')).body.items.length, 3);
    });

    test('S1 50 members race for the last 2 units: exactly 2 succeed, the rest are 409 out_of_stock', async () => {
      await t.putItem('r-scarce', { kind: 'product', name: 'Scarce', coins: 10, stock: 2 });
      const members = Array.from({ length: 50 }, (_, i) => `s1-crowd-${i}`);
      for (const member of members) await t.giveCoins(member, 10);
      const replies = await Promise.all(members.map((member) => t.asMember(member, 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'r-scarce' } })));
      assert.equal(replies.filter((reply) => reply.status === 201).length, 2);
      for (const reply of replies.filter((r) => r.status !== 201)) assertProblem(reply, 409, 'out_of_stock');
      assert.equal(await t.stock('r-scarce'), 0);
      const { rows } = await db.query<{ spent: number }>(
        `SELECT COALESCE(SUM(amount), 0)::int AS spent FROM ledger WHERE rule_id = 'S1' AND member_id LIKE 's1-crowd-%'`,
      );
      assert.equal(rows[0]?.spent, -20, 'only the two winners paid');
    });

    test('an Idempotency-Key replays the first redemption instead of redeeming twice; another body is 409', async () => {
      await t.giveCoins('s1-retry', 1000);
      const headers = { 'Idempotency-Key': 'redeem-mug-once' };
      const first = await t.asMember('s1-retry', 'POST', '/v1/me/redemptions', { headers, body: { catalogItemId: 'r-mug' } });
      const again = await t.asMember('s1-retry', 'POST', '/v1/me/redemptions', { headers, body: { catalogItemId: 'r-mug' } });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.deepEqual(again.body, first.body);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await t.coins('s1-retry'), { available: 700, pending: 0 });

      const conflict = await t.asMember('s1-retry', 'POST', '/v1/me/redemptions', { headers, body: { catalogItemId: 'r-coupon' } });
      assertProblem(conflict, 409, 'idempotency_conflict');
      assert.deepEqual(await t.coins('s1-retry'), { available: 700, pending: 0 });

      // Parallel retries of one key act once too.
      const racing = await Promise.all(
        Array.from({ length: 10 }, () =>
          t.asMember('s1-retry', 'POST', '/v1/me/redemptions', { headers: { 'Idempotency-Key': 'redeem-race' }, body: { catalogItemId: 'r-mug' } }),
        ),
      );
      assert.ok(racing.every((reply) => reply.status === 201));
      assert.equal(new Set(racing.map((reply) => reply.text)).size, 1);
      assert.deepEqual(await t.coins('s1-retry'), { available: 400, pending: 0 });
    });
  });
}
