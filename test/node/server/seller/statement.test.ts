/** GET /v1/seller/me: a seller's financial status — store credit, pending earnings, each month (M6). */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { sellerMeResponse, type PayoutsResponse, type SellerMeResponse } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { assertShape } from '../member/support.ts';
import { send } from '../support/events.ts';
import type { TestApp } from '../support/test-app.ts';
import { completeOrder, startSellerApp } from './support.ts';

for (const target of databaseTargets()) {
  describe(`seller statement (${target.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startSellerApp(target);
    });
    afterEach(() => t.close());

    const statement = async (sellerId: string) => {
      const res = await t.member(sellerId).get<SellerMeResponse>('/v1/seller/me');
      assert.equal(res.status, 200, res.text);
      assert.equal(res.headers.get('Cache-Control'), 'no-store');
      return assertShape(sellerMeResponse, res.body);
    };

    test('M6 M1 M2 sales in two months and a payout: gross, 5% fee, net, paid out and pending', async () => {
      await completeOrder(t, 'o-1', [{ sku: 'synth-kit', unitPriceCents: 10_000, sellerId: 'seller-a' }]); // M3 pays 9500 at once
      t.clock.set('2025-03-20T12:00:00Z');
      await completeOrder(t, 'o-2', [{ sku: 'case', unitPriceCents: 1_000, quantity: 2, sellerId: 'seller-a' }]); // fee 100, net 1900

      const march = await statement('seller-a');
      assert.deepEqual(march, {
        sellerId: 'seller-a',
        storeCreditCents: 9_500,
        pendingCents: 1_900,
        months: [{ month: '2025-03', grossCents: 12_000, feeCents: 600, netCents: 11_400, paidOutAt: '2025-03-10T12:00:00.000Z' }],
      });

      t.clock.set('2025-04-02T09:00:00Z');
      const payout = await t.shop().post<PayoutsResponse>('/v1/payouts', { month: '2025-03' });
      assert.equal(payout.status, 200, payout.text);
      t.clock.set('2025-04-15T12:00:00Z');
      await completeOrder(t, 'o-3', [{ sku: 'synth-kit', unitPriceCents: 1_010, sellerId: 'seller-a' }]); // 50.5 → fee 51, net 959

      assert.deepEqual(await statement('seller-a'), {
        sellerId: 'seller-a',
        storeCreditCents: 9_500 + 1_900,
        pendingCents: 959,
        months: [
          { month: '2025-04', grossCents: 1_010, feeCents: 51, netCents: 959 },
          { month: '2025-03', grossCents: 12_000, feeCents: 600, netCents: 11_400, paidOutAt: '2025-04-02T09:00:00.000Z' },
        ],
      });
    });

    test('M3 a new seller sees the net of their first sale in store credit at once; the next sale waits as pending', async () => {
      await completeOrder(t, 'o-first', [{ sku: 'stepper-motor', unitPriceCents: 4_000, sellerId: 'seller-a' }]);
      const first = await statement('seller-a');
      assert.deepEqual([first.storeCreditCents, first.pendingCents], [3_800, 0]);
      assert.equal(first.months[0]?.paidOutAt, '2025-03-10T12:00:00.000Z');

      t.clock.set('2025-03-11T08:00:00Z');
      await completeOrder(t, 'o-second', [{ sku: 'stepper-motor', unitPriceCents: 4_000, sellerId: 'seller-a' }]);
      const second = await statement('seller-a');
      assert.deepEqual([second.storeCreditCents, second.pendingCents], [3_800, 3_800]);
    });

    test('M5 M6 a design-defect refund comes off the month it happens in; a manufacturing one changes nothing', async () => {
      await completeOrder(t, 'o-1', [{ sku: 'synth-kit', unitPriceCents: 10_000, sellerId: 'seller-a' }]);
      t.clock.set('2025-04-03T10:00:00Z');
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-1', refundedCents: 2_000, reason: 'manufacturing' });
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-1', refundedCents: 1_000, reason: 'design' });
      const me = await statement('seller-a');
      assert.deepEqual(me.months.map((m) => [m.month, m.grossCents, m.feeCents, m.netCents]), [
        ['2025-04', -1_000, -50, -950],
        ['2025-03', 10_000, 500, 9_500],
      ]);
      assert.equal(me.storeCreditCents, 9_500, 'store credit already paid is not taken back');
    });

    test('M6 a member the shop named as a seller before any sale sees an empty statement', async () => {
      const put = await t.shop().put('/v1/sellers/new-seller/products/lamp', { name: 'Desk lamp', stock: 4 });
      assert.equal(put.status, 201, put.text);
      assert.deepEqual(await statement('new-seller'), { sellerId: 'new-seller', storeCreditCents: 0, pendingCents: 0, months: [] });
    });
  });
}
