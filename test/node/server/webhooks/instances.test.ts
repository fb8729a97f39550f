/** Several instances on one database: each event is posted once between them, each member's in order. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { WebhookDeliveriesResponse } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { deliveryJob, startReceiver, startWebhookApp, type Receiver, type WebhookTestApp } from './support.ts';

const MEMBERS = ['ada', 'bo', 'cy', 'di'];

for (const target of databaseTargets()) {
  describe(`webhook deliveries with several instances (${target.name})`, () => {
    let t: WebhookTestApp;
    let receiver: Receiver;
    before(async () => {
      // No nudges: only the two instances below deliver.
      t = await startWebhookApp(target, { nudge: false });
    });
    after(async () => {
      await t.close();
      await receiver?.close();
    });

    test('two instances running at once deliver each event once between them, each member in order', async () => {
      receiver = await startReceiver(t.clock);
      await t.subscribe(receiver.url, 'shop', ['member.balance_changed']);
      for (let round = 1; round <= 5; round++) {
        for (const member of MEMBERS) await send(t, 'project.rewarded', member, { projectId: `p-${round}`, coins: round });
      }
      const one = deliveryJob(t.db, t.clock, { batchSize: 3 });
      const two = deliveryJob(t.db, t.clock, { batchSize: 3 });
      await Promise.all([one.run(t.clock.now()), two.run(t.clock.now()), one.run(t.clock.now()), two.run(t.clock.now())]);

      const ids = receiver.received.map((r) => r.event.id);
      assert.equal(ids.length, MEMBERS.length * 5);
      assert.equal(new Set(ids).size, ids.length, 'no event twice');
      for (const member of MEMBERS) {
        const coins = receiver.received
          .map((r) => r.event)
          .filter((event) => event.type === 'member.balance_changed' && event.data.memberId === member)
          .map((event) => (event.type === 'member.balance_changed' ? event.data.coins.available : -1));
        assert.deepEqual(coins, [1, 3, 6, 10, 15], `${member}'s balances in the order they changed`);
      }
    });

    test("one member's failing event holds back that member's later events, not another member's", async () => {
      let refuseEve = true;
      const picky = await startReceiver(t.clock, (_n, event) =>
        refuseEve && event.type === 'member.balance_changed' && event.data.memberId === 'eve' ? 500 : 200,
      );
      try {
        await t.subscribe(picky.url, 'picky', ['member.balance_changed']);
        await send(t, 'project.rewarded', 'eve', { projectId: 'p-e1', coins: 1 });
        await send(t, 'project.rewarded', 'eve', { projectId: 'p-e2', coins: 2 });
        await send(t, 'project.rewarded', 'fay', { projectId: 'p-f1', coins: 4 });
        await t.deliveries.run(t.clock.now());
        const seen = () =>
          picky.received.map((r) => (r.event.type === 'member.balance_changed' ? `${r.event.data.memberId}:${r.event.data.coins.available}` : ''));
        assert.deepEqual(seen(), ['eve:1', 'fay:4'], "eve's second event waits for her first");

        refuseEve = false;
        const log = await t.shop().get<WebhookDeliveriesResponse>('/v1/webhooks/picky/deliveries');
        const waiting = log.body.deliveries.find((d) => d.status === 'pending' && d.attempts === 1)!;
        t.clock.set(waiting.nextAttemptAt!);
        await t.deliveries.run(t.clock.now());
        assert.deepEqual(seen(), ['eve:1', 'fay:4', 'eve:1', 'eve:3']);
      } finally {
        await picky.close();
      }
    });
  });
}
