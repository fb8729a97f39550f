/** C19: coins that wait on an order (C12, C13) are pending until it completes, and never come if it is cancelled. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MeResponse } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { balancesOf, entriesOf } from '../support/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const completion = (orderId: string) => ({ orderId, lines: [{ sku: 'pcba', unitPriceCents: 10_000, quantity: 1 }], shippingCents: 0 });

for (const target of databaseTargets()) {
  describe(`pending coins (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target);
    });
    after(() => t.close());

    const coinsOf = async (memberId: string) => (await t.shop().get<MeResponse>(`/v1/members/${memberId}`)).body.coins;

    test('C12 C13 C19 pending until the order completes, then available', async () => {
      await send(t, 'bom.uploaded', 'maker', { orderId: 'o-1' });
      await send(t, 'pcba.test_file_uploaded', 'maker', { orderId: 'o-1' });
      assert.deepEqual(await coinsOf('maker'), { available: 0, pending: 250 });

      const answer = await send(t, 'order.completed', 'maker', completion('o-1'));
      assert.deepEqual(
        answer.credited.filter((c) => c.ruleId === 'C12' || c.ruleId === 'C13'),
        [
          { currency: 'coins', amount: 200, ruleId: 'C12', status: 'available' },
          { currency: 'coins', amount: 50, ruleId: 'C13', status: 'available' },
        ],
      );
      assert.deepEqual(await coinsOf('maker'), { available: 350, pending: 0 });
      assert.deepEqual(
        (await entriesOf(t.db, 'maker', 'C12')).map((e) => e.status),
        ['available'],
      );
    });

    test('C19 cancelling the order voids its pending coins', async () => {
      await send(t, 'bom.uploaded', 'unlucky', { orderId: 'o-2' });
      await send(t, 'pcba.test_file_uploaded', 'unlucky', { orderId: 'o-2' });
      const answer = await send(t, 'order.cancelled', 'unlucky', { orderId: 'o-2' });
      assert.deepEqual(
        answer.credited.map((c) => [c.ruleId, c.status]),
        [
          ['C12', 'void'],
          ['C13', 'void'],
        ],
      );
      assert.deepEqual(await coinsOf('unlucky'), { available: 0, pending: 0 });
      await send(t, 'order.completed', 'unlucky', completion('o-2'));
      assert.deepEqual(await coinsOf('unlucky'), { available: 0, pending: 0 }, 'voided coins never become available');
    });

    test('C12 C19 a BOM uploaded for a cancelled order earns nothing; for a completed order it is available at once', async () => {
      await send(t, 'order.cancelled', 'late', { orderId: 'o-cancelled' });
      assert.deepEqual((await send(t, 'bom.uploaded', 'late', { orderId: 'o-cancelled' })).credited, []);
      await send(t, 'order.completed', 'late', completion('o-done'));
      assert.deepEqual((await send(t, 'bom.uploaded', 'late', { orderId: 'o-done' })).credited, [
        { currency: 'coins', amount: 200, ruleId: 'C12', status: 'available' },
      ]);
    });

    test("C19 pending coins of one order are untouched by another order's completion", async () => {
      await send(t, 'bom.uploaded', 'two-orders', { orderId: 'o-wait' });
      await send(t, 'order.completed', 'two-orders', completion('o-other'));
      assert.deepEqual(await coinsOf('two-orders'), { available: 100, pending: 200 });
    });

    test("C12 C19 uploads racing their orders' completions never stay pending", async () => {
      const orders = Array.from({ length: 20 }, (_, i) => `o-race-${i}`);
      await Promise.all(
        orders.flatMap((orderId) => [send(t, 'bom.uploaded', 'racing-maker', { orderId }), send(t, 'order.completed', 'racing-buyer', completion(orderId))]),
      );
      const maker = await balancesOf(t.db, 'racing-maker');
      assert.deepEqual([maker.coinsAvailable, maker.coinsPending], [200 * orders.length, 0]);
    });
  });
}
