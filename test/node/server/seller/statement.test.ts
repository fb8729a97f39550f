/** GET /v1/seller/me and GET /v1/sellers/{id}: a seller's financial status — store credit, pending earnings or debt, each month (M6). */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import {
  sellerMeResponse,
  sellerStatementResponse,
  type PayoutsResponse,
  type ProblemDetails,
  type PutSellerResponse,
  type SellerMeResponse,
} from '../../../../src/api/index.ts';
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

    /** A statement with the fields every test here shares filled in. */
    const expected = (fields: Partial<SellerMeResponse>): SellerMeResponse => ({
      sellerId: 'seller-a',
      displayName: null,
      storeCreditCents: 0,
      pendingCents: 0,
      debtCents: 0,
      currentMonth: '2025-03',
      feeBasisPoints: 500,
      firstOrderCredit: null,
      months: [],
      ...fields,
    });
    const firstOrder = { orderId: 'o-1', month: '2025-03', netCents: 9_500, creditedAt: '2025-03-10T12:00:00.000Z' };

    test('M6 M1 M2 M3 sales in two months and a payout: gross, 5% fee, net, the first order on its own line, paid out in full', async () => {
      await completeOrder(t, 'o-1', [{ sku: 'synth-kit', unitPriceCents: 10_000, sellerId: 'seller-a' }]); // M3 pays 9500 at once
      t.clock.set('2025-03-20T12:00:00Z');
      await completeOrder(t, 'o-2', [{ sku: 'case', unitPriceCents: 1_000, quantity: 2, sellerId: 'seller-a' }]); // fee 100, net 1900

      assert.deepEqual(
        await statement('seller-a'),
        expected({
          storeCreditCents: 9_500,
          pendingCents: 1_900,
          firstOrderCredit: firstOrder,
          months: [{ month: '2025-03', grossCents: 12_000, feeCents: 600, netCents: 11_400 }],
        }),
        "the first order's credit does not make its month paid out",
      );

      t.clock.set('2025-04-02T09:00:00Z');
      const payout = await t.shop().post<PayoutsResponse>('/v1/payouts', { month: '2025-03' });
      assert.equal(payout.status, 200, payout.text);
      t.clock.set('2025-04-15T12:00:00Z');
      await completeOrder(t, 'o-3', [{ sku: 'synth-kit', unitPriceCents: 1_010, sellerId: 'seller-a' }]); // 50.5 → fee 51, net 959

      assert.deepEqual(
        await statement('seller-a'),
        expected({
          storeCreditCents: 9_500 + 1_900,
          pendingCents: 959,
          currentMonth: '2025-04',
          firstOrderCredit: firstOrder,
          months: [
            { month: '2025-04', grossCents: 1_010, feeCents: 51, netCents: 959 },
            { month: '2025-03', grossCents: 12_000, feeCents: 600, netCents: 11_400, paidOutCents: 1_900, paidOutAt: '2025-04-02T09:00:00.000Z' },
          ],
        }),
      );
    });

    test('M3 a new seller sees the net of their first sale in store credit at once; the next sale waits as pending', async () => {
      await completeOrder(t, 'o-first', [{ sku: 'stepper-motor', unitPriceCents: 4_000, sellerId: 'seller-a' }]);
      const first = await statement('seller-a');
      assert.deepEqual([first.storeCreditCents, first.pendingCents, first.firstOrderCredit?.netCents], [3_800, 0, 3_800]);
      assert.equal(first.months[0]?.paidOutAt, undefined);

      t.clock.set('2025-03-11T08:00:00Z');
      await completeOrder(t, 'o-second', [{ sku: 'stepper-motor', unitPriceCents: 4_000, sellerId: 'seller-a' }]);
      const second = await statement('seller-a');
      assert.deepEqual([second.storeCreditCents, second.pendingCents], [3_800, 3_800]);
    });

    test('M5 M6 a design-defect refund comes off the month it happens in; a manufacturing one changes nothing', async () => {
      await completeOrder(t, 'o-1', [{ sku: 'synth-kit', unitPriceCents: 10_000, sellerId: 'seller-a' }]);
      t.clock.set('2025-04-03T10:00:00Z');
      const at = { occurredAt: '2025-04-03T10:00:00Z' };
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-1', refundedCents: 2_000, reason: 'manufacturing' }, at);
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-1', refundedCents: 1_000, reason: 'design' }, at);
      const me = await statement('seller-a');
      assert.deepEqual(
        me.months.map((m) => [m.month, m.grossCents, m.feeCents, m.netCents]),
        [
          ['2025-04', -1_000, -50, -950],
          ['2025-03', 10_000, 500, 9_500],
        ],
      );
      assert.equal(me.storeCreditCents, 9_500, 'store credit already paid is not taken back');
      assert.deepEqual([me.pendingCents, me.debtCents], [0, 950], 'what the refund took beyond the unpaid earnings is a debt, shown');
    });

    test('M5 a debt is shown, paid first from later earnings, and the payouts credit only what is left', async () => {
      await completeOrder(t, 'o-1', [{ sku: 'synth-kit', unitPriceCents: 2_000, sellerId: 'seller-a' }]); // M3: 1900 at once
      t.clock.set('2025-03-12T10:00:00Z');
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-1', refundedCents: 2_000, reason: 'design' }, { occurredAt: '2025-03-12T10:00:00Z' });
      await completeOrder(t, 'o-2', [{ sku: 'synth-kit', unitPriceCents: 1_000, sellerId: 'seller-a' }]); // net 950
      const owing = await statement('seller-a');
      assert.deepEqual([owing.pendingCents, owing.debtCents, owing.storeCreditCents], [0, 950, 1_900]);

      t.clock.set('2025-04-01T09:00:00Z');
      const march = await t.shop().post<PayoutsResponse>('/v1/payouts', { month: '2025-03' });
      assert.deepEqual(
        march.body.payouts.map((p) => [p.sellerId, p.netCents]),
        [['seller-a', 0]],
      );
      const paid = await statement('seller-a');
      assert.deepEqual([paid.debtCents, paid.months[0]?.paidOutCents, paid.months[0]?.paidOutAt], [950, 0, '2025-04-01T09:00:00.000Z']);

      t.clock.set('2025-04-10T09:00:00Z');
      await completeOrder(t, 'o-3', [{ sku: 'synth-kit', unitPriceCents: 2_000, sellerId: 'seller-a' }]); // net 1900: 950 repays the debt
      const repaid = await statement('seller-a');
      assert.deepEqual([repaid.pendingCents, repaid.debtCents], [950, 0]);
      t.clock.set('2025-05-01T09:00:00Z');
      const april = await t.shop().post<PayoutsResponse>('/v1/payouts', { month: '2025-04' });
      assert.deepEqual(
        april.body.payouts.map((p) => [p.sellerId, p.netCents]),
        [['seller-a', 950]],
      );
      const after = await statement('seller-a');
      assert.deepEqual([after.pendingCents, after.debtCents, after.storeCreditCents], [0, 0, 1_900 + 950]);
    });

    test("M2 a sale belongs to the month it happened in (shop's zone); reported after that month was paid, it joins the next unpaid month", async () => {
      await completeOrder(t, 'o-1', [{ sku: 'kit', unitPriceCents: 1_000, sellerId: 'seller-a' }]);
      t.clock.set('2025-04-01T00:30:00Z');
      // Completed in the last minutes of March, reported after midnight: still March.
      const line = (orderId: string) => ({
        orderId,
        lines: [{ sku: 'kit', unitPriceCents: 2_000, quantity: 1, partnerSellerId: 'seller-a' }],
        shippingCents: 0,
      });
      await send(t, 'order.completed', 'buyer', line('o-2'), { occurredAt: '2025-03-31T23:50:00Z' });
      assert.deepEqual(
        (await statement('seller-a')).months.map((m) => [m.month, m.grossCents]),
        [['2025-03', 3_000]],
      );

      t.clock.set('2025-04-01T09:00:00Z');
      await t.shop().post<PayoutsResponse>('/v1/payouts', { month: '2025-03' });
      await send(t, 'order.completed', 'buyer', line('o-3'), { occurredAt: '2025-03-30T10:00:00Z' });
      const me = await statement('seller-a');
      assert.deepEqual(
        me.months.map((m) => [m.month, m.grossCents, m.paidOutCents]),
        [
          ['2025-04', 2_000, undefined],
          ['2025-03', 3_000, 1_900],
        ],
      );
      assert.equal(me.pendingCents, 1_900, "the late sale is not lost: it waits for April's payout");
    });

    test("M2 in the shop's zone a sale late on 31 March UTC is already April", async () => {
      await t.close();
      t = await startSellerApp(target, { env: { REWARDS_TIMEZONE: 'Asia/Shanghai' } });
      await t.shop().put('/v1/rules', { ...(await t.shop().get<Record<string, unknown>>('/v1/rules')).body, timeZone: 'Asia/Shanghai' });
      t.clock.set('2025-04-01T09:00:00Z');
      await send(
        t,
        'order.completed',
        'buyer',
        {
          orderId: 'o-1',
          lines: [{ sku: 'kit', unitPriceCents: 1_000, quantity: 1, partnerSellerId: 'seller-a' }],
          shippingCents: 0,
        },
        { occurredAt: '2025-03-31T17:00:00Z' },
      );
      assert.deepEqual(
        (await statement('seller-a')).months.map((m) => m.month),
        ['2025-04'],
      );
    });

    test('M6 a member the shop named as a seller before any sale sees an empty statement', async () => {
      const put = await t.shop().put('/v1/sellers/new-seller/products/lamp', { name: 'Desk lamp', stock: 4 });
      assert.equal(put.status, 201, put.text);
      assert.deepEqual(await statement('new-seller'), expected({ sellerId: 'new-seller' }));
    });

    test("M6 the shop names a seller (PUT /v1/sellers/{id}) and reads any seller's statement (GET /v1/sellers/{id})", async () => {
      const named = await t.shop().put<PutSellerResponse>('/v1/sellers/seller-a', { displayName: "Ada's Synths" });
      assert.deepEqual([named.status, named.body], [201, { sellerId: 'seller-a', displayName: "Ada's Synths" }]);
      const renamed = await t.shop().put<PutSellerResponse>('/v1/sellers/seller-a', { displayName: 'Ada Synths' });
      assert.equal(renamed.status, 200);
      await completeOrder(t, 'o-1', [{ sku: 'kit', unitPriceCents: 1_000, sellerId: 'seller-a' }]);
      const read = await t.shop().get<SellerMeResponse>('/v1/sellers/seller-a');
      assert.equal(read.status, 200, read.text);
      assert.equal(read.headers.get('Cache-Control'), 'no-store');
      assert.deepEqual(assertShape(sellerStatementResponse, read.body), await statement('seller-a'));
      assert.equal(read.body.displayName, 'Ada Synths');

      assert.equal((await t.shop().get<ProblemDetails>('/v1/sellers/buyer')).body.code, 'not_found', 'a member who is not a seller');
      assert.equal((await t.member('seller-a').get('/v1/sellers/seller-a')).status, 403, 'a seller reads their own at /v1/seller/me');
      assert.equal((await t.shop().put('/v1/sellers/seller-a', { displayName: '' })).status, 400);
      assert.equal((await t.shop().put('/v1/sellers/seller-a', { displayName: 'x', extra: 1 })).status, 400);
    });
  });
}
