/**
 * The outbox survives a crash: the server is SIGKILLed right after it answered an order (its
 * transaction committed, nothing delivered yet), and the events still reach the shop once a
 * server runs again on the same database.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemClock } from '../../../../src/server/clock.ts';
import { verifyWebhook } from '../../../../src/sdk/index.ts';
import { durableTargets, startServerProcess, stopServerProcess, until } from '../support/server-process.ts';
import { startReceiver } from './support.ts';

const API_KEY = 'kill-restart-api-key-0123456789';

for (const target of durableTargets()) {
  describe(`webhooks after a crash (${target.name})`, () => {
    test('P3 P5 the server SIGKILLed right after committing an order delivers its events after restart', { timeout: 240_000 }, async () => {
      const store = await target.create();
      const receiver = await startReceiver(systemClock);
      try {
        // This instance does no timed work, so nothing can be delivered before the kill.
        const first = await startServerProcess({ REWARDS_API_KEY: API_KEY, DATABASE_URL: store.url, REWARDS_SCHEDULER: '0' });
        const headers = { 'X-Api-Key': API_KEY, 'Content-Type': 'application/json' };
        const put = await fetch(`${first.url}/v1/webhooks/shop`, { method: 'PUT', headers, body: JSON.stringify({ url: receiver.url, events: ['*'] }) });
        assert.equal(put.status, 201, first.output());
        const { secret } = (await put.json()) as { secret: string };
        const order = await fetch(`${first.url}/v1/events`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            id: 'crash-order-completed',
            type: 'order.completed',
            memberId: 'crash',
            occurredAt: new Date().toISOString(),
            data: { orderId: 'crash-1', lines: [{ sku: 'board', unitPriceCents: 2500, quantity: 1 }], shippingCents: 0 },
          }),
        });
        assert.equal(order.status, 200);
        await stopServerProcess(first, 'SIGKILL');
        assert.equal(receiver.received.length, 0);

        const second = await startServerProcess({ REWARDS_API_KEY: API_KEY, DATABASE_URL: store.url });
        try {
          await until(() => receiver.received.length >= 3, 'three deliveries', 60_000);
          const types = receiver.received.map((r) => r.event.type).sort();
          assert.deepEqual(types, ['cart.item_added', 'member.balance_changed', 'member.level_changed']);
          for (const delivery of receiver.received) await verifyWebhook(delivery.rawBody, String(delivery.headers['rewards-signature']), secret);
        } finally {
          await stopServerProcess(second, 'SIGTERM');
        }
      } finally {
        await receiver.close();
        await store.remove();
      }
    });
  });
}
