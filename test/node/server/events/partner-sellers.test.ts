/** M1 fee and sale lines, M3 first order paid at once, M5 refunds by reason — recorded as orders complete. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { MeResponse } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { balancesOf, entriesOf } from '../support/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

interface SaleRow {
  seller_id: string;
  order_id: string;
  sku: string | null;
  line_cents: number;
  fee_cents: number;
  net_cents: number;
  month: string;
}

async function salesOf(t: TestApp, sellerId: string): Promise<SaleRow[]> {
  const { rows } = await t.db.query<SaleRow>(
    'SELECT seller_id, order_id, sku, line_cents, fee_cents, net_cents, month FROM seller_sales WHERE seller_id = $1 ORDER BY id',
    [sellerId],
  );
  return rows;
}

const mixedOrder = (orderId: string) => ({
  orderId,
  lines: [
    { sku: 'own-product', unitPriceCents: 5000, quantity: 1 },
    { sku: 'seller-kit', unitPriceCents: 1010, quantity: 2, partnerSellerId: 'seller-a' }, // 2020
    { sku: 'seller-case', unitPriceCents: 990, quantity: 1, discountCents: 100, partnerSellerId: 'seller-b' }, // 890
  ],
  shippingCents: 800,
});

for (const target of databaseTargets()) {
  describe(`partner sellers (${target.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(target, { now: '2025-03-31T23:30:00Z' });
    });
    afterEach(() => t.close());

    test('M1 each partner line keeps 5% (rounded half up) for the platform, in the month the order completed', async () => {
      await send(t, 'order.completed', 'buyer', mixedOrder('o-1'));
      assert.deepEqual(await salesOf(t, 'seller-a'), [
        { seller_id: 'seller-a', order_id: 'o-1', sku: 'seller-kit', line_cents: 2020, fee_cents: 101, net_cents: 1919, month: '2025-03' },
      ]);
      // 5% of 890 = 44.5 → 45
      assert.deepEqual(
        (await salesOf(t, 'seller-b')).map((s) => [s.line_cents, s.fee_cents, s.net_cents]),
        [[890, 45, 845]],
      );
      assert.equal((await t.shop().get<MeResponse>('/v1/members/seller-a')).body.isSeller, true);
      assert.equal((await t.shop().get<MeResponse>('/v1/members/buyer')).body.isSeller, false);
    });

    test('P1 partner lines earn the buyer points like any other line', async () => {
      const answer = await send(t, 'order.completed', 'buyer', mixedOrder('o-points'));
      assert.equal(answer.credited.find((c) => c.ruleId === 'P1')?.amount, 79); // 5000 + 2020 + 890 = 7910
    });

    test("M3 a new seller's first order net goes to store credit at once; later sales wait for the payout", async () => {
      const first = await send(t, 'order.completed', 'buyer', mixedOrder('o-first'));
      assert.equal(
        first.credited.some((c) => c.currency !== 'points' && c.currency !== 'coins'),
        false,
        "store credit is not the buyer's",
      );
      assert.equal((await balancesOf(t.db, 'seller-a')).storeCreditCents, 1919);
      await send(t, 'order.completed', 'another-buyer', mixedOrder('o-second'));
      assert.equal((await balancesOf(t.db, 'seller-a')).storeCreditCents, 1919);
      const [m3] = await entriesOf(t.db, 'seller-a', 'M3');
      assert.deepEqual([m3?.currency, m3?.amount, m3?.ref], ['store_credit', 1919, 'o-first']);
    });

    test('M1 M2 the month of a sale is the month it happened in, in the rules zone', async () => {
      const rules = (await t.shop().get<Record<string, unknown>>('/v1/rules')).body;
      await t.shop().put('/v1/rules', { ...rules, timeZone: 'Asia/Tokyo' }); // 2025-04-01 08:30 in Tokyo
      await send(t, 'order.completed', 'buyer', mixedOrder('o-tokyo'), { occurredAt: t.clock.now().toISOString() });
      assert.equal((await salesOf(t, 'seller-a'))[0]?.month, '2025-04');
    });

    test("M5 a design-defect refund is deducted from the seller; a manufacturing one is the platform's", async () => {
      await send(t, 'order.completed', 'buyer', mixedOrder('o-r'));
      t.clock.set('2025-04-02T10:00:00Z');
      const at = { occurredAt: '2025-04-02T10:00:00Z' };
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-r', refundedCents: 1010, reason: 'design' }, at);
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-r', refundedCents: 1000, reason: 'manufacturing' }, at);
      const sales = await salesOf(t, 'seller-a');
      assert.deepEqual(
        sales.map((s) => [s.line_cents, s.fee_cents, s.net_cents, s.month]),
        [
          [2020, 101, 1919, '2025-03'],
          [-1010, -51, -959, '2025-04'],
        ],
      );
      assert.deepEqual((await salesOf(t, 'seller-b')).length, 1, 'nothing was attributed beyond the refunded amount');
    });

    test('M5 a design refund larger than the first partner line moves on to the next, never beyond what was sold', async () => {
      await send(t, 'order.completed', 'buyer', mixedOrder('o-big-refund'));
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-big-refund', refundedCents: 7910, reason: 'design' });
      const net = async (sellerId: string) => (await salesOf(t, sellerId)).reduce((sum, s) => sum + s.line_cents, 0);
      assert.deepEqual([await net('seller-a'), await net('seller-b')], [0, 0]);
    });

    test('M5 a refund without a reason is borne by the platform', async () => {
      await send(t, 'order.completed', 'buyer', mixedOrder('o-plain'));
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-plain', refundedCents: 2020 });
      assert.equal((await salesOf(t, 'seller-a')).length, 1);
    });
  });
}
