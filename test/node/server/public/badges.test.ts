import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { badgesResponse } from '../../../../src/api/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertProblem, assertShape, TestApp } from '../member/support.ts';

for (const target of databaseTargets()) {
  describe(`badges on ${target.name}`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
      await t.event('b-venus', 'member.registered', { displayName: 'Vera' });
      await t.event('b-venus', 'order.completed', { orderId: 'b-o1', lines: [{ sku: 'X', unitPriceCents: 200_000, quantity: 1 }], shippingCents: 0 });
      await t.event('b-plain', 'newsletter.subscribed', {});
      await t.event('__proto__', 'member.registered', { displayName: 'Odd id' });
    });
    after(async () => {
      await db.drop();
    });

    test('P3 GET /v1/badges answers many members at once; unknown ids are absent, not errors', async () => {
      const reply = await t.request('GET', '/v1/badges?members=b-venus,b-plain,b-unknown,b-venus');
      assert.equal(reply.status, 200, reply.text);
      assert.deepEqual(assertShape(badgesResponse, reply.body), {
        badges: {
          'b-venus': { level: 3, name: 'Venus', displayName: 'Vera' },
          'b-plain': { level: 0, name: 'Member' },
        },
      });
    });

    test('an id such as __proto__ is just another member id', async () => {
      const reply = await t.request('GET', '/v1/badges?members=__proto__');
      assert.equal(reply.text, '{"badges":{"__proto__":{"level":0,"name":"Member","displayName":"Odd id"}}}');
    });

    test('up to 200 ids: 201 distinct ids, none, or an empty entry is 400', async () => {
      const ids200 = Array.from({ length: 200 }, (_, i) => `m${i}`);
      assert.equal((await t.request('GET', `/v1/badges?members=${ids200.join(',')}`)).status, 200);
      for (const query of [`members=${[...ids200, 'one-more'].join(',')}`, '', 'members=', 'members=a,,b', 'members=a,']) {
        assertProblem(await t.request('GET', `/v1/badges?${query}`), 400, 'invalid_request');
      }
    });
  });
}
