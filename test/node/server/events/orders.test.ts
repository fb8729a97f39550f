/** order.completed: P1 points, C1 coins, P3 levels, P5 upgrade gifts, S1 carried gifts, C10 invites. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EventData, MeResponse } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { balancesOf, entriesOf } from '../support/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

type Completion = EventData<'order.completed'>;

const orderOf = (orderId: string, cents: number, extra: Partial<Completion> = {}): Completion => ({
  orderId,
  lines: [{ sku: 'board', unitPriceCents: cents, quantity: 1 }],
  shippingCents: 1500,
  ...extra,
});

async function cartOf(t: TestApp, memberId: string) {
  const { rows } = await t.db.query<{
    id: string;
    kind: string;
    level: number | null;
    name: string;
    coins: number;
    shipping: string | null;
    order_id: string | null;
  }>('SELECT id, kind, level, name, coins, shipping, order_id FROM cart_items WHERE member_id = $1 ORDER BY level, id', [memberId]);
  return rows;
}

for (const target of databaseTargets()) {
  describe(`order.completed (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target);
    });
    after(() => t.close());

    test('P1 C1 points and coins from the product price paid: line and order discounts off, shipping excluded', async () => {
      const answer = await send(t, 'order.completed', 'buyer', {
        orderId: 'o-1',
        lines: [
          { sku: 'a', unitPriceCents: 1299, quantity: 3, discountCents: 200 }, // 3697
          { sku: 'b', unitPriceCents: 1000, quantity: 1, specialOffer: true }, // 1000
        ],
        orderDiscountCents: 398,
        shippingCents: 99_999,
      });
      // 4697 - 398 = 4299 cents → 42 points and 42 coins
      assert.deepEqual(answer.credited, [
        { currency: 'points', amount: 42, ruleId: 'P1', status: 'available' },
        { currency: 'coins', amount: 42, ruleId: 'C1', status: 'available' },
      ]);
      const order = await t.db.query('SELECT status, eligible_cents, points, coins FROM orders WHERE id = $1', ['o-1']);
      assert.deepEqual(order.rows, [{ status: 'completed', eligible_cents: 4299, points: 42, coins: 42 }]);
    });

    test('P1 $12.99 earns 12 points; an order discounted below zero earns nothing', async () => {
      assert.deepEqual(
        (await send(t, 'order.completed', 'small', orderOf('o-1299', 1299))).credited.map((c) => c.amount),
        [12, 12],
      );
      const free = await send(t, 'order.completed', 'free', orderOf('o-free', 500, { orderDiscountCents: 900 }));
      assert.deepEqual(free.credited, []);
    });

    test('P1 an order completes once: a second completion under another event id earns nothing', async () => {
      await send(t, 'order.completed', 'twice', orderOf('o-twice', 10_000));
      assert.deepEqual((await send(t, 'order.completed', 'twice', orderOf('o-twice', 10_000))).credited, []);
      assert.equal((await balancesOf(t.db, 'twice')).points, 100);
    });

    test('P3 P6 the new points total decides the level shown, with the points to the next level', async () => {
      await send(t, 'order.completed', 'climber', orderOf('o-a', 49_999));
      const me = await t.shop().get<MeResponse>('/v1/members/climber');
      assert.deepEqual(me.body, {
        memberId: 'climber',
        displayName: null,
        points: 499,
        level: { index: 1, name: 'Mercury', discountPercent: 1 },
        nextLevel: { index: 2, name: 'Mars', pointsRequired: 500, pointsToGo: 1 },
        coins: { available: 499, pending: 0 },
        isSeller: false,
      });
    });

    test('P5 reaching several levels in one order puts one upgrade gift per level into the cart', async () => {
      await send(t, 'order.completed', 'leaper', orderOf('o-big', 500_000)); // 5000 points: LV1..LV4
      const cart = await cartOf(t, 'leaper');
      assert.deepEqual(
        cart.map((item) => [item.kind, item.level, item.name, item.coins, item.shipping]),
        [
          ['upgrade_gift', 1, 'Mercury upgrade gift', 0, 'with_next_order'],
          ['upgrade_gift', 2, 'Mars upgrade gift', 0, 'with_next_order'],
          ['upgrade_gift', 3, 'Venus upgrade gift', 0, 'with_next_order'],
          ['upgrade_gift', 4, 'Earth upgrade gift', 0, 'with_next_order'],
        ],
      );
      await send(t, 'order.completed', 'leaper', orderOf('o-small', 1000));
      assert.equal((await cartOf(t, 'leaper')).length, 4, 'no new level, no new gift');
    });

    test('P5 a level regained after a refund drop gives no second gift', async () => {
      await send(t, 'order.completed', 'dropper', orderOf('o-drop-1', 50_000)); // 500 points: Mars
      await send(t, 'order.refunded', 'dropper', { orderId: 'o-drop-1', refundedCents: 10_000 }); // 400 points
      assert.equal((await t.shop().get<MeResponse>('/v1/members/dropper')).body.level.name, 'Mercury');
      await send(t, 'order.completed', 'dropper', orderOf('o-drop-2', 20_000)); // 600 points: Mars again
      assert.deepEqual(
        (await cartOf(t, 'dropper')).map((item) => item.level),
        [1, 2],
      );
    });

    test("S1 the cart items an order carries are marked with it; other members' items are not", async () => {
      await send(t, 'order.completed', 'shipper', orderOf('o-first', 100)); // Mercury gift
      const [gift] = await cartOf(t, 'shipper');
      assert.ok(gift);
      await send(t, 'order.completed', 'stranger', orderOf('o-stranger', 100));
      const [foreign] = await cartOf(t, 'stranger');
      assert.ok(foreign);
      await send(t, 'order.completed', 'shipper', orderOf('o-carrier', 100, { redemptionItemIds: [gift.id, foreign.id, 'no-such-item'] }));
      assert.equal((await cartOf(t, 'shipper'))[0]?.order_id, 'o-carrier');
      assert.equal((await cartOf(t, 'stranger'))[0]?.order_id, null);
    });

    test("C10 the inviter earns 1000 coins when the invitee's first order completes, and only then", async () => {
      await send(t, 'member.registered', 'invitee', { displayName: 'Invitee', invitedBy: 'inviter' });
      const first = await send(t, 'order.completed', 'invitee', orderOf('o-i1', 2000));
      assert.deepEqual(
        first.credited.find((c) => c.ruleId === 'C10'),
        { currency: 'coins', amount: 1000, ruleId: 'C10', status: 'available' },
      );
      const second = await send(t, 'order.completed', 'invitee', orderOf('o-i2', 2000));
      assert.equal(
        second.credited.some((c) => c.ruleId === 'C10'),
        false,
      );
      assert.equal((await balancesOf(t.db, 'inviter')).coinsAvailable, 1000);
      assert.equal((await balancesOf(t.db, 'invitee')).coinsAvailable, 40);
      const [entry] = await entriesOf(t.db, 'inviter', 'C10');
      assert.equal(entry?.ref, 'o-i1');
    });

    test('C10 an invite named after the first order earns nothing; a cancelled first order does not count as one', async () => {
      await send(t, 'order.completed', 'late-invitee', orderOf('o-l1', 2000));
      await send(t, 'member.registered', 'late-invitee', { invitedBy: 'late-inviter' });
      await send(t, 'order.completed', 'late-invitee', orderOf('o-l2', 2000));
      assert.equal((await balancesOf(t.db, 'late-inviter')).coinsAvailable, 0);

      await send(t, 'member.registered', 'cancelled-invitee', { invitedBy: 'patient-inviter' });
      await send(t, 'order.cancelled', 'cancelled-invitee', { orderId: 'o-c1' });
      await send(t, 'order.completed', 'cancelled-invitee', orderOf('o-c2', 2000));
      assert.equal((await balancesOf(t.db, 'patient-inviter')).coinsAvailable, 1000);
    });

    test('C10 no self-invites: a member naming themself as inviter earns nothing', async () => {
      await send(t, 'member.registered', 'narcissus', { invitedBy: 'narcissus' });
      const answer = await send(t, 'order.completed', 'narcissus', orderOf('o-n', 1000));
      assert.equal(
        answer.credited.some((c) => c.ruleId === 'C10'),
        false,
      );
      assert.equal((await balancesOf(t.db, 'narcissus')).coinsAvailable, 10);
    });

    test('C19 a cancelled order stays cancelled: completing it later earns nothing', async () => {
      await send(t, 'order.cancelled', 'flip', { orderId: 'o-flip' });
      assert.deepEqual((await send(t, 'order.completed', 'flip', orderOf('o-flip', 5000))).credited, []);
    });
  });
}
