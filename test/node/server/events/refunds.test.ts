/** P7: a refund reverses the points and order coins it earned; coins stop at zero with a shortfall. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { appendEntry } from '../../../../src/server/services/ledger.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { balancesOf, entriesOf } from '../support/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const completion = (orderId: string, cents: number) => ({ orderId, lines: [{ sku: 'x', unitPriceCents: cents, quantity: 1 }], shippingCents: 700 });

for (const target of databaseTargets()) {
  describe(`order.refunded (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target);
    });
    after(() => t.close());

    /** The member spends coins (a redemption, say) so a refund finds fewer than it earned. */
    const spend = (memberId: string, coins: number) =>
      t.db.transaction((tx) =>
        appendEntry(tx, { memberId, currency: 'coins', amount: -coins, ruleId: 'S1', status: 'available', onceKey: null, ref: 'catalog-item' }, 1),
      );

    test('P7 a full refund reverses points and order coins; the reversals point at what they reverse', async () => {
      await send(t, 'order.completed', 'refunded', completion('o-1', 25_000));
      const answer = await send(t, 'order.refunded', 'refunded', { orderId: 'o-1', refundedCents: 25_000 });
      assert.deepEqual(answer.credited, [
        { currency: 'points', amount: -250, ruleId: 'P7', status: 'available' },
        { currency: 'coins', amount: -250, ruleId: 'P7', status: 'available' },
      ]);
      assert.deepEqual(await balancesOf(t.db, 'refunded').then((b) => [b.points, b.coinsAvailable]), [0, 0]);
      const [p1] = await entriesOf(t.db, 'refunded', 'P1');
      const [c1] = await entriesOf(t.db, 'refunded', 'C1');
      const reversals = await entriesOf(t.db, 'refunded', 'P7');
      assert.deepEqual(
        reversals.map((e) => [e.currency, e.reverses]),
        [
          ['points', p1?.id],
          ['coins', c1?.id],
        ],
      );
    });

    test('P7 partial refunds add up, and never reverse more than the order earned', async () => {
      await send(t, 'order.completed', 'partial', completion('o-p', 1000));
      await send(t, 'order.refunded', 'partial', { orderId: 'o-p', refundedCents: 150 });
      await send(t, 'order.refunded', 'partial', { orderId: 'o-p', refundedCents: 150 });
      assert.equal((await balancesOf(t.db, 'partial')).points, 7, 'two refunds of $1.50 reverse 3 points');
      await send(t, 'order.refunded', 'partial', { orderId: 'o-p', refundedCents: 50_000 });
      assert.deepEqual(await balancesOf(t.db, 'partial').then((b) => [b.points, b.coinsAvailable]), [0, 0]);
    });

    test('P7 coins already spent are recorded as a shortfall, never as a negative balance', async () => {
      await send(t, 'order.completed', 'spender', completion('o-s', 10_000)); // 100 coins
      await spend('spender', 70);
      const answer = await send(t, 'order.refunded', 'spender', { orderId: 'o-s', refundedCents: 10_000 });
      assert.deepEqual(
        answer.credited.find((c) => c.currency === 'coins'),
        { currency: 'coins', amount: -30, ruleId: 'P7', status: 'available' },
      );
      const reversal = (await entriesOf(t.db, 'spender', 'P7')).find((e) => e.currency === 'coins');
      assert.equal(reversal?.shortfall, 70);
      assert.deepEqual(await balancesOf(t.db, 'spender').then((b) => [b.points, b.coinsAvailable]), [0, 0]);
    });

    test('P7 with every coin spent the reversal takes nothing and records the whole shortfall', async () => {
      await send(t, 'order.completed', 'broke', completion('o-b', 5000));
      await spend('broke', 50);
      await send(t, 'order.refunded', 'broke', { orderId: 'o-b', refundedCents: 5000 });
      const reversal = (await entriesOf(t.db, 'broke', 'P7')).find((e) => e.currency === 'coins');
      assert.deepEqual([reversal?.amount, reversal?.shortfall], [0, 50]);
    });

    test('P7 P5 gifts already given stay in the cart after a refund', async () => {
      await send(t, 'order.completed', 'gifted', completion('o-g', 60_000));
      await send(t, 'order.refunded', 'gifted', { orderId: 'o-g', refundedCents: 60_000 });
      const gifts = await t.db.query(`SELECT level FROM cart_items WHERE member_id = 'gifted' ORDER BY level`);
      assert.deepEqual(gifts.rows, [{ level: 1 }, { level: 2 }]);
      assert.equal((await balancesOf(t.db, 'gifted')).highestLevel, 2);
    });

    test("P7 refunds of orders never completed, or of another member's order, reverse nothing", async () => {
      await send(t, 'order.completed', 'owner', completion('o-own', 10_000));
      assert.deepEqual((await send(t, 'order.refunded', 'owner', { orderId: 'o-unknown', refundedCents: 100 })).credited, []);
      assert.deepEqual((await send(t, 'order.refunded', 'intruder', { orderId: 'o-own', refundedCents: 10_000 })).credited, []);
      assert.equal((await balancesOf(t.db, 'owner')).points, 100);
    });

    test('P2 spending coins leaves points untouched; only refunds lower them', async () => {
      await send(t, 'order.completed', 'saver', completion('o-sv', 10_000));
      await spend('saver', 100);
      assert.deepEqual(await balancesOf(t.db, 'saver').then((b) => [b.points, b.coinsAvailable]), [100, 0]);
    });
  });
}
