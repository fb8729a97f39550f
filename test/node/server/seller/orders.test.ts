/** GET /v1/seller/orders: a seller's sale lines grouped by order, newest first, a page at a time (M6). */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { sellerOrdersResponse, type ProblemDetails, type SellerOrdersResponse } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { assertShape } from '../member/support.ts';
import { send } from '../support/events.ts';
import type { TestApp } from '../support/test-app.ts';
import { completeOrder, startSellerApp } from './support.ts';

for (const target of databaseTargets()) {
  describe(`seller orders (${target.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startSellerApp(target);
    });
    afterEach(() => t.close());

    const orders = async (query = '') => {
      const res = await t.member('seller-a').get<SellerOrdersResponse>(`/v1/seller/orders${query}`);
      assert.equal(res.status, 200, res.text);
      return assertShape(sellerOrdersResponse, res.body);
    };

    test("M6 M1 an order shows the seller's lines with units, gross, fee and net, and its totals", async () => {
      await completeOrder(t, 'o-1', [
        { sku: 'synth-kit', unitPriceCents: 1_010, quantity: 2, sellerId: 'seller-a' }, // 2020: fee 101
        { sku: 'case', unitPriceCents: 890, sellerId: 'seller-a' }, // 44.5 → fee 45
        { sku: 'other-seller-thing', unitPriceCents: 5_000, sellerId: 'seller-b' },
      ]);
      assert.deepEqual(await orders(), {
        orders: [
          {
            orderId: 'o-1',
            status: 'completed',
            completedAt: '2025-03-10T12:00:00.000Z',
            lines: [
              { sku: 'synth-kit', quantity: 2, grossCents: 2_020, feeCents: 101, netCents: 1_919, refundedCents: 0 },
              { sku: 'case', quantity: 1, grossCents: 890, feeCents: 45, netCents: 845, refundedCents: 0 },
            ],
            grossCents: 2_910,
            feeCents: 146,
            netCents: 2_764,
            refundedCents: 0,
          },
        ],
        nextCursor: null,
      });
    });

    test('M6 orders come newest first, a page at a time, and a page never repeats or skips an order', async () => {
      for (const [day, orderId] of [
        ['10', 'o-1'],
        ['11', 'o-2'],
        ['12', 'o-3'],
      ] as const) {
        t.clock.set(`2025-03-${day}T12:00:00Z`);
        await completeOrder(t, orderId, [{ sku: 'synth-kit', unitPriceCents: 1_000, sellerId: 'seller-a' }]);
      }
      const first = await orders('?limit=2');
      assert.deepEqual(
        first.orders.map((o) => o.orderId),
        ['o-3', 'o-2'],
      );
      assert.ok(first.nextCursor);
      // An order that arrives between pages belongs to the first page, not the next.
      t.clock.set('2025-03-13T12:00:00Z');
      await completeOrder(t, 'o-4', [{ sku: 'synth-kit', unitPriceCents: 1_000, sellerId: 'seller-a' }]);
      const second = await orders(`?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`);
      assert.deepEqual(
        second.orders.map((o) => o.orderId),
        ['o-1'],
      );
      assert.equal(second.nextCursor, null);
      assert.deepEqual(
        (await orders()).orders.map((o) => o.orderId),
        ['o-4', 'o-3', 'o-2', 'o-1'],
      );
    });

    test('M5 a design-defect refund marks the order refunded and comes off its line and its totals alike; a manufacturing one does not', async () => {
      await completeOrder(t, 'o-design', [{ sku: 'synth-kit', unitPriceCents: 2_000, sellerId: 'seller-a' }]);
      await completeOrder(t, 'o-made', [{ sku: 'synth-kit', unitPriceCents: 2_000, sellerId: 'seller-a' }]);
      t.clock.set('2025-04-02T10:00:00Z');
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-design', refundedCents: 1_000, reason: 'design' });
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-made', refundedCents: 1_000, reason: 'manufacturing' });
      const [made, design] = (await orders()).orders;
      assert.deepEqual(
        [design?.orderId, design?.status, design?.grossCents, design?.feeCents, design?.netCents, design?.refundedCents],
        ['o-design', 'refunded', 1_000, 50, 950, 1_000],
      );
      assert.deepEqual(design?.lines, [{ sku: 'synth-kit', quantity: 1, grossCents: 1_000, feeCents: 50, netCents: 950, refundedCents: 1_000 }]);
      assert.deepEqual([made?.orderId, made?.status, made?.netCents, made?.refundedCents], ['o-made', 'completed', 1_900, 0]);
    });

    test('M5 M6 a whole refund shows 0 on the order and on each line; a refund spans lines in order', async () => {
      await completeOrder(t, 'o-1', [
        { sku: 'synth-kit', unitPriceCents: 2_000, sellerId: 'seller-a' },
        { sku: 'case', unitPriceCents: 1_000, sellerId: 'seller-a' },
      ]);
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-1', refundedCents: 2_500, reason: 'design' });
      const [order] = (await orders()).orders;
      assert.deepEqual(order?.lines, [
        { sku: 'synth-kit', quantity: 1, grossCents: 0, feeCents: 0, netCents: 0, refundedCents: 2_000 },
        { sku: 'case', quantity: 1, grossCents: 500, feeCents: 25, netCents: 475, refundedCents: 500 },
      ]);
      assert.deepEqual([order?.grossCents, order?.feeCents, order?.netCents, order?.refundedCents], [500, 25, 475, 2_500]);
    });

    test('M2 an order is listed with the time the shop says it completed', async () => {
      t.clock.set('2025-03-12T09:00:00Z');
      await send(
        t,
        'order.completed',
        'buyer',
        {
          orderId: 'o-late',
          lines: [{ sku: 'kit', unitPriceCents: 1_000, quantity: 1, partnerSellerId: 'seller-a' }],
          shippingCents: 0,
        },
        { occurredAt: '2025-03-08T20:00:00Z' },
      );
      assert.equal((await orders()).orders[0]?.completedAt, '2025-03-08T20:00:00.000Z');
    });

    test('M6 a cursor that was not handed out, and a bad limit, are 400 invalid_request', async () => {
      await completeOrder(t, 'o-1', [{ sku: 'synth-kit', unitPriceCents: 1_000, sellerId: 'seller-a' }]);
      for (const query of ['?cursor=forged.cursor', '?cursor=', '?limit=0', '?limit=101', '?limit=ten']) {
        const res = await t.member('seller-a').get<ProblemDetails>(`/v1/seller/orders${query}`);
        assert.deepEqual([res.status, res.body.code], [400, 'invalid_request'], query);
      }
    });
  });
}
