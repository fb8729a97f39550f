/** Webhooks out: what a level-up order sends, signed; retries with backoff; nothing from a rollback. */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { WebhookDeliveriesResponse, WebhookEvent } from '../../../../src/api/index.ts';
import { verifyWebhook } from '../../../../src/sdk/index.ts';
import { recordAccountChanged, recordWebhookEvent } from '../../../../src/server/services/webhooks/outbox.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { startReceiver, startWebhookApp, type Receiver, type WebhookTestApp } from './support.ts';

const typesOf = (events: WebhookEvent[]) => events.map((event) => event.type).sort();

for (const target of databaseTargets()) {
  describe(`webhook deliveries (${target.name})`, () => {
    let t: WebhookTestApp;
    let receiver: Receiver;
    let secret: string;
    before(async () => {
      t = await startWebhookApp(target);
      receiver = await startReceiver(t.clock);
      secret = (await t.subscribe(receiver.url)).secret;
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });

    test('P3 P5 a level-up order sends member.level_changed, cart.item_added and member.balance_changed, each once and signed', async () => {
      receiver.received.length = 0;
      await send(t, 'order.completed', 'rising', { orderId: 'rise-1', lines: [{ sku: 'board', unitPriceCents: 2500, quantity: 1 }], shippingCents: 500 });
      // No timed run: the commit's nudge delivers at once.
      await t.deliveries.idle();
      const events = receiver.received.map((r) => r.event);
      assert.deepEqual(typesOf(events), ['cart.item_added', 'member.balance_changed', 'member.level_changed']);
      assert.equal(new Set(events.map((e) => e.id)).size, 3);

      const byType = Object.fromEntries(events.map((e) => [e.type, e])) as Record<string, WebhookEvent>;
      assert.deepEqual(byType['member.level_changed']!.data, {
        memberId: 'rising',
        from: { index: 0, name: 'Member' },
        to: { index: 1, name: 'Mercury' },
        points: 25,
      });
      assert.deepEqual(byType['member.balance_changed']!.data, { memberId: 'rising', points: 25, coins: { available: 25, pending: 0 } });
      const added = byType['cart.item_added']!.data as { memberId: string; item: { kind: string; level: number; removable: boolean } };
      assert.deepEqual([added.memberId, added.item.kind, added.item.level, added.item.removable], ['rising', 'upgrade_gift', 1, false]);

      for (const delivery of receiver.received) {
        assert.equal(delivery.headers['content-type'], 'application/json');
        assert.equal(delivery.headers['rewards-webhook-id'], 'shop');
        assert.equal(delivery.headers['rewards-event-id'], delivery.event.id);
        const header = String(delivery.headers['rewards-signature']);
        const [, t1, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header) ?? [];
        assert.ok(t1 && v1, header);
        assert.equal(v1, createHmac('sha256', secret).update(`${t1}.${delivery.rawBody}`).digest('hex'));
        assert.deepEqual(await verifyWebhook(delivery.rawBody, header, secret), delivery.event);
      }
      const log = await t.shop().get<WebhookDeliveriesResponse>('/v1/webhooks/shop/deliveries');
      assert.deepEqual(
        log.body.deliveries.slice(0, 3).map((d) => [d.status, d.attempts, d.lastStatusCode]),
        Array(3).fill(['delivered', 1, 200]),
      );
    });

    test('a rolled-back change sends nothing; a refused request neither', async () => {
      receiver.received.length = 0;
      const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_events');
      await assert.rejects(
        t.db.transaction(async (tx) => {
          await tx.query(`INSERT INTO members (id) VALUES ('ghost')`);
          await tx.query(`UPDATE members SET coins_available = 50 WHERE id = 'ghost'`);
          await recordAccountChanged(tx, 'ghost', { now: t.clock.now() });
          await recordWebhookEvent(tx, 'coupon.issued', { memberId: 'ghost', code: 'GHST', valueCents: 500 }, t.clock.now());
          throw new Error('the change fails after its events were written');
        }),
        /the change fails/,
      );
      const refused = await t.member('rising').post('/v1/me/redemptions', { catalogItemId: 'nothing-like-it' });
      assert.equal(refused.status, 404);
      await t.deliveries.run(t.clock.now());
      await t.deliveries.idle();
      assert.deepEqual(receiver.received, []);
      const afterwards = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_events');
      assert.equal(afterwards.rows[0]!.n, before.rows[0]!.n);
    });
  });

  describe(`webhook retries (${target.name})`, () => {
    let t: WebhookTestApp;
    let receiver: Receiver;
    before(async () => {
      t = await startWebhookApp(target);
      receiver = await startReceiver(t.clock, (n) => (n <= 2 ? 500 : 200));
      await t.subscribe(receiver.url, 'flaky', ['member.balance_changed']);
    });
    after(async () => {
      await t.close();
      await receiver.close();
    });

    test('a receiver answering 500, 500, then 200 gets the event three times, with growing gaps, then it is delivered', async () => {
      await send(t, 'project.rewarded', 'patient', { projectId: 'p-1', coins: 40 });
      await t.deliveries.idle();
      const log = async () => (await t.shop().get<WebhookDeliveriesResponse>('/v1/webhooks/flaky/deliveries')).body.deliveries[0]!;

      const first = await log();
      assert.deepEqual([first.status, first.attempts, first.lastStatusCode], ['pending', 1, 500]);
      // Not due yet: a run a second before the retry time posts nothing.
      t.clock.set(new Date(Date.parse(first.nextAttemptAt!) - 1000));
      await t.deliveries.run(t.clock.now());
      assert.equal(receiver.received.length, 1);

      t.clock.set(first.nextAttemptAt!);
      await t.deliveries.run(t.clock.now());
      const second = await log();
      assert.deepEqual([second.status, second.attempts, second.lastStatusCode], ['pending', 2, 500]);

      t.clock.set(second.nextAttemptAt!);
      await t.deliveries.run(t.clock.now());
      const third = await log();
      assert.deepEqual([third.status, third.attempts, third.lastStatusCode, third.nextAttemptAt], ['delivered', 3, 200, undefined]);

      const arrivals = receiver.received.map((r) => r.at.getTime());
      assert.equal(arrivals.length, 3);
      assert.equal(new Set(receiver.received.map((r) => r.event.id)).size, 1, 'the same event each time');
      const gaps = [arrivals[1]! - arrivals[0]!, arrivals[2]! - arrivals[1]!];
      assert.ok(gaps[0]! > 0 && gaps[1]! > gaps[0]!, `gaps ${gaps.join(', ')} ms grow`);
    });

    test('a delivery failing for 24 hours is marked failed; a retry by hand sends it again', async () => {
      const failing = await startReceiver(t.clock, () => 503);
      await t.subscribe(failing.url, 'down', ['member.balance_changed']);
      await send(t, 'project.rewarded', 'unlucky', { projectId: 'p-2', coins: 10 });
      await t.deliveries.idle();
      const started = t.clock.now().getTime();
      const log = async () => (await t.shop().get<WebhookDeliveriesResponse>('/v1/webhooks/down/deliveries')).body.deliveries[0]!;
      let current = await log();
      while (current.status === 'pending') {
        t.clock.set(current.nextAttemptAt!);
        await t.deliveries.run(t.clock.now());
        current = await log();
      }
      assert.equal(current.status, 'failed');
      assert.ok(t.clock.now().getTime() - started >= 24 * 3_600_000, 'tried for at least 24 hours');
      assert.equal(current.attempts, failing.received.length);
      assert.ok(current.attempts >= 8 && current.attempts <= 20, `${current.attempts} attempts`);

      const retry = await t.shop().post(`/v1/webhooks/down/deliveries/${current.id}/retry`);
      assert.equal(retry.status, 202);
      await t.deliveries.idle();
      assert.equal(failing.received.length, current.attempts + 1);
      const missing = await t.shop().post('/v1/webhooks/down/deliveries/999999/retry');
      assert.equal(missing.status, 404);
      await failing.close();
    });
  });
}
