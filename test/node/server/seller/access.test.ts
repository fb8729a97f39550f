/** Who reaches a seller backstage: a seller's member token, for their own data only (M6). */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { ProblemDetails, SellerMeResponse, SellerOrdersResponse, SellerProductsResponse } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { balancesOf } from '../support/ledger.ts';
import { TEST_API_KEY, type TestApp } from '../support/test-app.ts';
import { completeOrder, sellerWithCredit, startSellerApp } from './support.ts';

const backstage = [
  ['GET', '/v1/seller/me'],
  ['GET', '/v1/seller/orders'],
  ['GET', '/v1/seller/products'],
  ['POST', '/v1/seller/withdrawals'],
] as const;

for (const target of databaseTargets()) {
  describe(`seller backstage access (${target.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startSellerApp(target);
      await sellerWithCredit(t, 'seller-a', 10_000);
      await sellerWithCredit(t, 'seller-b', 4_000);
    });
    afterEach(() => t.close());

    const call = (method: string, path: string, headers: Record<string, string>) =>
      t.request<ProblemDetails>(method, path, { headers, ...(method === 'POST' ? { body: { amountCents: 100 } } : {}) });

    test("M6 without credentials every backstage call is 401; the shop's key is 403", async () => {
      for (const [method, path] of backstage) {
        const anonymous = await call(method, path, {});
        assert.deepEqual([anonymous.status, anonymous.body.code], [401, 'unauthorized'], `${method} ${path}`);
        const shop = await call(method, path, { 'X-Api-Key': TEST_API_KEY });
        assert.deepEqual([shop.status, shop.body.code], [403, 'forbidden'], `${method} ${path}`);
      }
    });

    test('M6 a member who is not a seller is 403 forbidden, whether the server knows them or not', async () => {
      for (const memberId of ['buyer', 'never-seen']) {
        for (const [method, path] of backstage) {
          const res = await call(method, path, { Authorization: `Bearer ${await t.memberToken(memberId)}` });
          assert.deepEqual([res.status, res.body.code], [403, 'forbidden'], `${memberId}: ${method} ${path}`);
        }
      }
      assert.equal((await balancesOf(t.db, 'buyer')).storeCreditCents, 0);
    });

    test('M6 each seller sees only their own credit, orders and products', async () => {
      await completeOrder(t, 'shared-order', [
        { sku: 'a-only', unitPriceCents: 2_000, sellerId: 'seller-a' },
        { sku: 'b-only', unitPriceCents: 3_000, sellerId: 'seller-b' },
      ]);
      const meA = await t.member('seller-a').get<SellerMeResponse>('/v1/seller/me');
      const meB = await t.member('seller-b').get<SellerMeResponse>('/v1/seller/me');
      assert.deepEqual([meA.body.sellerId, meA.body.storeCreditCents, meA.body.pendingCents], ['seller-a', 9_500, 1_900]);
      assert.deepEqual([meB.body.sellerId, meB.body.storeCreditCents, meB.body.pendingCents], ['seller-b', 3_800, 2_850]);

      const ordersB = await t.member('seller-b').get<SellerOrdersResponse>('/v1/seller/orders');
      assert.deepEqual(
        ordersB.body.orders.map((o) => [o.orderId, o.lines.map((l) => l.sku)]),
        [
          ['shared-order', ['b-only']],
          ['first-seller-b', ['seller-b-kit']],
        ],
      );
      const productsA = await t.member('seller-a').get<SellerProductsResponse>('/v1/seller/products');
      assert.deepEqual(
        productsA.body.products.map((p) => p.sku),
        ['a-only', 'seller-a-kit'],
      );
    });

    test("M4 a seller's withdrawal only ever touches their own credit", async () => {
      const res = await t.member('seller-b').post('/v1/seller/withdrawals', { amountCents: 3_800 });
      assert.equal(res.status, 201, res.text);
      assert.equal((await balancesOf(t.db, 'seller-b')).storeCreditCents, 0);
      assert.equal((await balancesOf(t.db, 'seller-a')).storeCreditCents, 9_500);
      const more = await t.member('seller-b').post<ProblemDetails>('/v1/seller/withdrawals', { amountCents: 1 });
      assert.deepEqual([more.status, more.body.code], [409, 'insufficient_funds']);
    });

    test('M6 a cursor handed to one seller is refused to another', async () => {
      t.clock.set('2025-03-11T12:00:00Z');
      await completeOrder(t, 'a-second', [{ sku: 'a-only', unitPriceCents: 1_000, sellerId: 'seller-a' }]);
      const page = await t.member('seller-a').get<SellerOrdersResponse>('/v1/seller/orders?limit=1');
      const cursor = page.body.nextCursor;
      assert.ok(cursor);
      const stolen = await t.member('seller-b').get<ProblemDetails>(`/v1/seller/orders?cursor=${encodeURIComponent(cursor)}`);
      assert.deepEqual([stolen.status, stolen.body.code], [400, 'invalid_request']);
    });
  });
}
