/**
 * A seller's products with their stock and units sold (M6): the shop records them with
 * `PUT /v1/sellers/{id}/products/{sku}`, the seller lists them with `GET /v1/seller/products`.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  putSellerProductResponse,
  sellerProductsResponse,
  type MeResponse,
  type ProblemDetails,
  type PutSellerProductResponse,
  type SellerProductsResponse,
} from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { assertShape } from '../member/support.ts';
import { send } from '../support/events.ts';
import type { TestApp } from '../support/test-app.ts';
import { completeOrder, startSellerApp } from './support.ts';

for (const target of databaseTargets()) {
  describe(`seller products (${target.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startSellerApp(target);
    });
    afterEach(() => t.close());

    const putProduct = (sellerId: string, sku: string, body: unknown) =>
      t.shop().put<PutSellerProductResponse & ProblemDetails>(`/v1/sellers/${sellerId}/products/${sku}`, body);
    const products = async (sellerId: string) => {
      const res = await t.member(sellerId).get<SellerProductsResponse>('/v1/seller/products');
      assert.equal(res.status, 200, res.text);
      return assertShape(sellerProductsResponse, res.body).products;
    };

    test('M6 the shop records a product (201), replaces it (200), and the member becomes a seller', async () => {
      const created = await putProduct('seller-a', 'synth-kit', { name: 'Synth kit', stock: 12 });
      assert.equal(created.status, 201, created.text);
      assert.deepEqual(assertShape(putSellerProductResponse, created.body), {
        sellerId: 'seller-a',
        sku: 'synth-kit',
        name: 'Synth kit',
        stock: 12,
        unitsSold: 0,
        oversoldUnits: 0,
      });
      const replaced = await putProduct('seller-a', 'synth-kit', { name: 'Synth kit v2', stock: 11 });
      assert.equal(replaced.status, 200, replaced.text);
      assert.deepEqual([replaced.body.name, replaced.body.stock], ['Synth kit v2', 11]);
      assert.equal((await t.shop().get<MeResponse>('/v1/members/seller-a')).body.isSeller, true);
      assert.deepEqual(await products('seller-a'), [{ sku: 'synth-kit', name: 'Synth kit v2', stock: 11, unitsSold: 0, oversoldUnits: 0 }]);
    });

    test('M6 every completed sale takes its units off the stock; a product sold before the shop recorded it has no stock yet', async () => {
      await putProduct('seller-a', 'synth-kit', { name: 'Synth kit', stock: 12 });
      await putProduct('seller-a', 'panel', { name: 'Front panel', stock: 0 });
      await completeOrder(t, 'o-1', [
        { sku: 'synth-kit', unitPriceCents: 1_000, quantity: 2, sellerId: 'seller-a' },
        { sku: 'stepper-motor', unitPriceCents: 2_500, sellerId: 'seller-a' },
      ]);
      await completeOrder(t, 'o-2', [{ sku: 'synth-kit', unitPriceCents: 1_000, quantity: 3, sellerId: 'seller-a' }]);
      // A refund returns money, not units: what was sold stays sold.
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-2', refundedCents: 1_000, reason: 'design' });
      assert.deepEqual(await products('seller-a'), [
        { sku: 'panel', name: 'Front panel', stock: 0, unitsSold: 0, oversoldUnits: 0 },
        { sku: 'stepper-motor', name: 'stepper-motor', stock: null, unitsSold: 1, oversoldUnits: 0 },
        { sku: 'synth-kit', name: 'Synth kit', stock: 7, unitsSold: 5, oversoldUnits: 0 },
      ]);
      const put = await putProduct('seller-a', 'synth-kit', { name: 'Synth kit', stock: 20 });
      assert.deepEqual([put.body.stock, put.body.unitsSold], [20, 5]);
    });

    test('M6 one sku of two sellers is two products, each seen only by its seller and stocked on its own', async () => {
      await putProduct('seller-a', 'kit', { name: 'Kit of A', stock: 1 });
      await putProduct('seller-b', 'kit', { name: 'Kit of B', stock: 6 });
      await completeOrder(t, 'o-1', [{ sku: 'kit', unitPriceCents: 1_000, quantity: 4, sellerId: 'seller-b' }]);
      assert.deepEqual(await products('seller-a'), [{ sku: 'kit', name: 'Kit of A', stock: 1, unitsSold: 0, oversoldUnits: 0 }]);
      assert.deepEqual(await products('seller-b'), [{ sku: 'kit', name: 'Kit of B', stock: 2, unitsSold: 4, oversoldUnits: 0 }]);
    });

    test('M6 selling more than the stock stops it at zero and shows the units oversold, until the shop reports its stock', async () => {
      await putProduct('seller-a', 'kit', { name: 'Kit', stock: 2 });
      await completeOrder(t, 'o-1', [{ sku: 'kit', unitPriceCents: 1_000, quantity: 3, sellerId: 'seller-a' }]);
      assert.deepEqual(await products('seller-a'), [{ sku: 'kit', name: 'Kit', stock: 0, unitsSold: 3, oversoldUnits: 1 }]);
      await completeOrder(t, 'o-2', [{ sku: 'kit', unitPriceCents: 1_000, quantity: 2, sellerId: 'seller-a' }]);
      assert.deepEqual(await products('seller-a'), [{ sku: 'kit', name: 'Kit', stock: 0, unitsSold: 5, oversoldUnits: 3 }]);
      const restocked = await putProduct('seller-a', 'kit', { name: 'Kit', stock: 10 });
      assert.deepEqual([restocked.body.stock, restocked.body.oversoldUnits], [10, 0]);
      // Sales racing each other each take their own units off.
      await Promise.all(
        [1, 2, 3, 4].map((n) => completeOrder(t, `race-${n}`, [{ sku: 'kit', unitPriceCents: 1_000, quantity: 2, sellerId: 'seller-a' }], `buyer-${n}`)),
      );
      assert.deepEqual(await products('seller-a'), [{ sku: 'kit', name: 'Kit', stock: 2, unitsSold: 13, oversoldUnits: 0 }]);
    });

    test('M6 a bad product is 400 invalid_request and records nothing', async () => {
      const bad = [{ name: 'Kit', stock: -1 }, { name: 'Kit', stock: 1.5 }, { name: '', stock: 1 }, { name: 'Kit' }, { name: 'Kit', stock: 1, price: 3 }];
      for (const body of bad) {
        const res = await putProduct('seller-a', 'kit', body);
        assert.deepEqual([res.status, res.body.code], [400, 'invalid_request'], JSON.stringify(body));
      }
      const badSku = await putProduct('seller-a', 'a%20b', { name: 'Kit', stock: 1 });
      assert.deepEqual([badSku.status, badSku.body.code], [400, 'invalid_request']);
      const { rows } = await t.db.query('SELECT 1 FROM seller_products');
      assert.equal(rows.length, 0);
      assert.equal((await t.shop().get<MeResponse>('/v1/members/seller-a')).status, 404, 'a refused product makes no seller');
    });

    test('M6 only the shop records products: no key is 401, a member token 403', async () => {
      const body = { name: 'Kit', stock: 1 };
      const anonymous = await t.request<ProblemDetails>('PUT', '/v1/sellers/seller-a/products/kit', { body });
      assert.deepEqual([anonymous.status, anonymous.body.code], [401, 'unauthorized']);
      await putProduct('seller-a', 'kit', body);
      const bySeller = await t.member('seller-a').put<ProblemDetails>('/v1/sellers/seller-a/products/kit', { name: 'Free', stock: 999 });
      assert.deepEqual([bySeller.status, bySeller.body.code], [403, 'forbidden']);
      assert.deepEqual(await products('seller-a'), [{ sku: 'kit', name: 'Kit', stock: 1, unitsSold: 0, oversoldUnits: 0 }]);
    });
  });
}
