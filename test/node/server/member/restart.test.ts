import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openDatabase } from '../../../../src/server/db/index.ts';
import { durableTargets } from '../support/server-process.ts';
import { TestApp } from './support.ts';

for (const target of durableTargets()) {
  describe(`restart on ${target.name}`, () => {
    test('S1 coins, a redemption and the cart survive closing and reopening the database', async () => {
      const store = await target.create();
      try {
        const first = new TestApp(await openDatabase(store.url));
        await first.putItem('keepsake', { kind: 'product', name: 'Keepsake', coins: 120, stock: 3 });
        await first.event('restart-ann', 'project.rewarded', { projectId: 'p', coins: 500 });
        const redeemed = await first.asMember<{ cartItem: { id: string } }>('restart-ann', 'POST', '/v1/me/redemptions', {
          body: { catalogItemId: 'keepsake' },
          headers: { 'Idempotency-Key': 'keep-1' },
        });
        assert.equal(redeemed.status, 201, redeemed.text);
        await first.db.close();

        const second = new TestApp(await openDatabase(store.url));
        try {
          assert.deepEqual(await second.coins('restart-ann'), { available: 380, pending: 0 });
          const cart = await second.asMember<{ items: Array<{ id: string; removable: boolean }> }>('restart-ann', 'GET', '/v1/me/cart');
          assert.deepEqual(
            cart.body.items.map((item) => [item.id, item.removable]),
            [[redeemed.body.cartItem.id, true]],
          );
          assert.equal(await second.stock('keepsake'), 2);
          // The idempotency record survived too: the retry is a replay, not a second redemption.
          const retry = await second.asMember('restart-ann', 'POST', '/v1/me/redemptions', {
            body: { catalogItemId: 'keepsake' },
            headers: { 'Idempotency-Key': 'keep-1' },
          });
          assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
          assert.deepEqual(await second.coins('restart-ann'), { available: 380, pending: 0 });
        } finally {
          await second.db.close();
        }
      } finally {
        await store.remove();
      }
    });
  });
}
