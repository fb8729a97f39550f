import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { cartResponse, removeCartItemResponse, updateCartItemResponse, type CartItem } from '../../../../src/api/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertProblem, assertShape, TestApp } from './support.ts';

for (const target of databaseTargets()) {
  describe(`cart on ${target.name}`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
      await t.putItem('c-lamp', { kind: 'product', name: 'Desk lamp', coins: 200, stock: 10 });
    });
    after(async () => {
      await db.drop();
    });

    async function redeemLamp(memberId: string): Promise<string> {
      const reply = await t.asMember<{ cartItem: { id: string } }>(memberId, 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'c-lamp' } });
      assert.equal(reply.status, 201, reply.text);
      return reply.body.cartItem.id;
    }

    async function cartOf(memberId: string): Promise<CartItem[]> {
      const reply = await t.asMember(memberId, 'GET', '/v1/me/cart');
      assert.equal(reply.status, 200);
      assert.equal(reply.headers.get('Cache-Control'), 'no-store');
      return assertShape(cartResponse, reply.body).items;
    }

    async function completeOrder(memberId: string, orderId: string, cents: number, redemptionItemIds: string[] = []) {
      await t.event(memberId, 'order.completed', {
        orderId,
        lines: [{ sku: 'SKU-1', unitPriceCents: cents, quantity: 1 }],
        shippingCents: 0,
        redemptionItemIds,
      });
    }

    test('S1 removing a redeemed gift returns all its coins and its stock', async () => {
      await t.giveCoins('cart-ann', 500);
      const itemId = await redeemLamp('cart-ann');
      assert.equal(await t.stock('c-lamp'), 9);
      const reply = await t.asMember('cart-ann', 'DELETE', `/v1/me/cart/${itemId}`);
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(assertShape(removeCartItemResponse, reply.body), { coinsReturned: 200, coins: { available: 500, pending: 0 } });
      assert.equal(await t.stock('c-lamp'), 10);
      assert.deepEqual(await cartOf('cart-ann'), []);
      // Gone from the cart: removing it again finds nothing and returns nothing more.
      assertProblem(await t.asMember('cart-ann', 'DELETE', `/v1/me/cart/${itemId}`), 404, 'not_found');
      assert.deepEqual(await t.coins('cart-ann'), { available: 500, pending: 0 });
    });

    test('S1 once a completed order carries the gift it is no longer removable: 409 not_removable', async () => {
      await t.giveCoins('cart-bo', 200);
      const itemId = await redeemLamp('cart-bo');
      await completeOrder('cart-bo', 'cart-order-1', 0, [itemId]);
      const [item] = await cartOf('cart-bo');
      assert.equal(item?.id, itemId);
      assert.equal(item?.removable, false);
      assertProblem(await t.asMember('cart-bo', 'DELETE', `/v1/me/cart/${itemId}`), 409, 'not_removable');
      assert.deepEqual(await t.coins('cart-bo'), { available: 0, pending: 0 });
      assert.equal(await t.stock('c-lamp'), 9);
    });

    test("one member cannot see, remove or change another member's cart item: 404", async () => {
      await t.giveCoins('cart-owner', 200);
      const itemId = await redeemLamp('cart-owner');
      assert.deepEqual(await cartOf('cart-thief'), []);
      assertProblem(await t.asMember('cart-thief', 'DELETE', `/v1/me/cart/${itemId}`), 404, 'not_found');
      assertProblem(await t.asMember('cart-thief', 'PATCH', `/v1/me/cart/${itemId}`, { body: { shipping: 'now' } }), 404, 'not_found');
      assert.equal((await cartOf('cart-owner')).length, 1);
      assert.deepEqual(await t.coins('cart-owner'), { available: 0, pending: 0 });
    });

    test('P5 an upgrade gift sits in the cart, not removable, shipping with the next order until the member picks now', async () => {
      await completeOrder('cart-cy', 'cart-order-2', 1500);
      const [gift] = await cartOf('cart-cy');
      assert.equal(gift?.kind, 'upgrade_gift');
      assert.ok(gift?.kind === 'upgrade_gift');
      assert.deepEqual(
        { level: gift.level, name: gift.name, coins: gift.coins, shipping: gift.shipping, removable: gift.removable },
        {
          level: 1,
          name: 'Mercury upgrade gift',
          coins: 0,
          shipping: 'with_next_order',
          removable: false,
        },
      );
      assertProblem(await t.asMember('cart-cy', 'DELETE', `/v1/me/cart/${gift.id}`), 409, 'not_removable');

      const changed = await t.asMember('cart-cy', 'PATCH', `/v1/me/cart/${gift.id}`, { body: { shipping: 'now' } });
      assert.equal(changed.status, 200, changed.text);
      assert.deepEqual(assertShape(updateCartItemResponse, changed.body), { ...gift, shipping: 'now' });
      const [after] = await cartOf('cart-cy');
      assert.ok(after?.kind === 'upgrade_gift');
      assert.equal(after.shipping, 'now');

      // Once an order has carried it, the choice is made.
      await completeOrder('cart-cy', 'cart-order-3', 100, [gift.id]);
      assertProblem(await t.asMember('cart-cy', 'PATCH', `/v1/me/cart/${gift.id}`, { body: { shipping: 'with_next_order' } }), 409, 'not_removable');
    });

    test('PATCH is for upgrade gifts only (409 for a redeemed product); a bad shipping choice is 400', async () => {
      await t.giveCoins('cart-dee', 200);
      const itemId = await redeemLamp('cart-dee');
      assertProblem(await t.asMember('cart-dee', 'PATCH', `/v1/me/cart/${itemId}`, { body: { shipping: 'now' } }), 409, 'not_removable');
      for (const body of [{}, { shipping: 'tomorrow' }, { shipping: 'now', extra: true }, { shipping: null }]) {
        assertProblem(await t.asMember('cart-dee', 'PATCH', `/v1/me/cart/${itemId}`, { body }), 400, 'invalid_request');
      }
      assertProblem(await t.asMember('cart-dee', 'PATCH', '/v1/me/cart/no-such-item', { body: { shipping: 'now' } }), 404, 'not_found');
    });

    test('the cart needs a member token: none is 401, the shop key is 403', async () => {
      assertProblem(await t.request('GET', '/v1/me/cart'), 401, 'unauthorized');
      assertProblem(await t.request('DELETE', '/v1/me/cart/anything'), 401, 'unauthorized');
      assertProblem(await t.request('PATCH', '/v1/me/cart/anything', { body: { shipping: 'now' } }), 401, 'unauthorized');
      assertProblem(await t.asShop('GET', '/v1/me/cart'), 403, 'forbidden');
    });

    test('S1 racing removals of one gift return its coins and stock once', async () => {
      await t.giveCoins('cart-race', 200);
      const stockBefore = await t.stock('c-lamp');
      const itemId = await redeemLamp('cart-race');
      const replies = await Promise.all(Array.from({ length: 10 }, () => t.asMember('cart-race', 'DELETE', `/v1/me/cart/${itemId}`)));
      assert.equal(replies.filter((reply) => reply.status === 200).length, 1);
      for (const reply of replies.filter((r) => r.status !== 200)) assertProblem(reply, 404, 'not_found');
      assert.deepEqual(await t.coins('cart-race'), { available: 200, pending: 0 });
      assert.equal(await t.stock('c-lamp'), stockBefore);
    });

    test('an Idempotency-Key on DELETE replays the first answer', async () => {
      await t.giveCoins('cart-idem', 200);
      const itemId = await redeemLamp('cart-idem');
      const headers = { 'Idempotency-Key': 'remove-lamp' };
      const first = await t.asMember('cart-idem', 'DELETE', `/v1/me/cart/${itemId}`, { headers });
      const again = await t.asMember('cart-idem', 'DELETE', `/v1/me/cart/${itemId}`, { headers });
      assert.equal(first.status, 200);
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, first.body);
    });
  });
}
