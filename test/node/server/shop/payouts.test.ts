/** POST /v1/payouts: M2 pays each seller's finished month into store credit, once per seller and month. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { PayoutsResponse, ProblemDetails } from '../../../../src/api/index.ts';
import { firstOrderCredit, monthlyPayoutRecords } from '../../../../src/server/services/payouts.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { balancesOf, countRows, entriesOf } from '../support/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const sale = (orderId: string, sellerId: string, cents: number) => ({
  orderId,
  lines: [{ sku: `${sellerId}-sku`, unitPriceCents: cents, quantity: 1, partnerSellerId: sellerId }],
  shippingCents: 0,
});

for (const target of databaseTargets()) {
  describe(`POST /v1/payouts (${target.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(target, { now: '2025-03-05T10:00:00Z' });
    });
    afterEach(() => t.close());

    const runPayouts = (month: string) => t.shop().post<PayoutsResponse>('/v1/payouts', { month });

    /** seller-a: first order in March (M3 pays at once), then two more; seller-b: one order in March. */
    async function marchSales(): Promise<void> {
      await send(t, 'order.completed', 'buyer', sale('o-1', 'seller-a', 10_000)); // net 9500, paid by M3
      await send(t, 'order.completed', 'buyer', sale('o-2', 'seller-a', 2_000)); // net 1900
      await send(t, 'order.completed', 'buyer', sale('o-3', 'seller-a', 1_010)); // fee 51 (50.5 up), net 959
      await send(t, 'order.completed', 'buyer', sale('o-4', 'seller-b', 4_000)); // net 3800, paid by M3
    }

    test('M2 a month not over yet (in the rules zone) is refused with 400, paying nothing', async () => {
      await marchSales();
      t.clock.set('2025-03-31T23:59:59Z');
      const res = await t.shop().post<ProblemDetails>('/v1/payouts', { month: '2025-03' });
      assert.deepEqual([res.status, res.body.code], [400, 'invalid_request']);
      assert.equal(await countRows(t.db, 'seller_payouts'), 0);
    });

    test("M2 M3 the month's net is paid, less what the first-order payout already paid", async () => {
      await marchSales();
      t.clock.set('2025-04-01T09:00:00Z');
      const res = await runPayouts('2025-03');
      assert.equal(res.status, 200);
      assert.deepEqual(res.body, {
        month: '2025-03',
        payouts: [
          { sellerId: 'seller-a', netCents: 2859, paidOutAt: '2025-04-01T09:00:00.000Z', alreadyPaid: false },
          { sellerId: 'seller-b', netCents: 0, paidOutAt: '2025-04-01T09:00:00.000Z', alreadyPaid: false },
        ],
      });
      assert.equal((await balancesOf(t.db, 'seller-a')).storeCreditCents, 9500 + 2859);
      assert.equal((await balancesOf(t.db, 'seller-b')).storeCreditCents, 3800);
      const [m2] = await entriesOf(t.db, 'seller-a', 'M2');
      assert.deepEqual([m2?.currency, m2?.amount, m2?.ref], ['store_credit', 2859, '2025-03']);
    });

    test('M2 running the payout twice credits once; the second run says it was already paid', async () => {
      await marchSales();
      t.clock.set('2025-04-02T09:00:00Z');
      const first = await runPayouts('2025-03');
      t.clock.set('2025-04-03T09:00:00Z');
      const second = await runPayouts('2025-03');
      assert.deepEqual(
        second.body.payouts,
        first.body.payouts.map((payout) => ({ ...payout, alreadyPaid: true })),
      );
      assert.equal((await balancesOf(t.db, 'seller-a')).storeCreditCents, 9500 + 2859);
      assert.equal((await entriesOf(t.db, 'seller-a', 'M2')).length, 1);
    });

    test('M2 payout runs racing each other credit each seller once', async () => {
      await marchSales();
      t.clock.set('2025-04-01T09:00:00Z');
      const runs = await Promise.all(Array.from({ length: 5 }, () => runPayouts('2025-03')));
      for (const run of runs) assert.equal(run.status, 200, run.text);
      assert.equal((await entriesOf(t.db, 'seller-a', 'M2')).length, 1);
      assert.equal((await balancesOf(t.db, 'seller-a')).storeCreditCents, 9500 + 2859);
      const fresh = runs.flatMap((run) => run.body.payouts).filter((payout) => !payout.alreadyPaid);
      assert.equal(fresh.length, 2, 'one fresh payout per seller across all runs');
    });

    test("M2 each month is paid on its own: April sales wait for April's payout", async () => {
      await marchSales();
      t.clock.set('2025-04-10T09:00:00Z');
      await send(t, 'order.completed', 'buyer', sale('o-april', 'seller-a', 3_000), { occurredAt: '2025-04-10T09:00:00Z' }); // net 2850
      const march = await runPayouts('2025-03');
      assert.equal(march.body.payouts.find((p) => p.sellerId === 'seller-a')?.netCents, 2859);
      t.clock.set('2025-05-01T09:00:00Z');
      const april = await runPayouts('2025-04');
      assert.deepEqual(
        april.body.payouts.map((p) => [p.sellerId, p.netCents]),
        [['seller-a', 2850]],
      );
    });

    test("M5 a design-defect refund comes off the seller's next payout", async () => {
      await marchSales();
      await send(t, 'order.refunded', 'buyer', { orderId: 'o-2', refundedCents: 2_000, reason: 'design' });
      t.clock.set('2025-04-01T09:00:00Z');
      const res = await runPayouts('2025-03');
      assert.equal(res.body.payouts.find((p) => p.sellerId === 'seller-a')?.netCents, 959);
    });

    test('M6 M3 the payout records of a seller: the first-order credit on its own, and the monthly ones', async () => {
      await marchSales();
      t.clock.set('2025-04-01T09:00:00Z');
      await runPayouts('2025-03');
      assert.deepEqual(await firstOrderCredit(t.db, 'seller-a'), { orderId: 'o-1', month: '2025-03', amountCents: 9500, paidAt: '2025-03-05T10:00:00.000Z' });
      const records = await monthlyPayoutRecords(t.db, 'seller-a');
      assert.deepEqual(
        records.map((r) => [r.month, r.amountCents]),
        [['2025-03', 2859]],
      );
    });

    test('M2 a month without sales pays no one; a malformed month is 400; only the shop may run payouts', async () => {
      t.clock.set('2025-06-01T00:00:00Z');
      assert.deepEqual((await runPayouts('2025-01')).body, { month: '2025-01', payouts: [] });
      assert.equal((await t.shop().post('/v1/payouts', { month: '2025-13' })).status, 400);
      assert.equal((await t.request('POST', '/v1/payouts', { body: { month: '2025-01' } })).status, 401);
      assert.equal((await t.member('seller-a').post('/v1/payouts', { month: '2025-01' })).status, 403);
    });
  });
}
