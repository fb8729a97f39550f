import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { meResponse } from '../../../../src/api/index.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertProblem, assertShape, MEMBER_SECRET, TestApp } from './support.ts';

for (const target of databaseTargets()) {
  describe(`the member's own account on ${target.name}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await target.open();
    });
    after(async () => {
      await db.drop();
    });

    test('P6 GET /v1/me for a member the shop signed a token for but never mentioned: an empty LV0 account', async () => {
      const t = new TestApp(db);
      const reply = await t.asMember('me-new', 'GET', '/v1/me');
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.headers.get('Cache-Control'), 'no-store');
      assert.deepEqual(assertShape(meResponse, reply.body), {
        memberId: 'me-new',
        displayName: null,
        points: 0,
        level: { index: 0, name: 'Member', discountPercent: 0 },
        nextLevel: { index: 1, name: 'Mercury', pointsRequired: 1, pointsToGo: 1 },
        coins: { available: 0, pending: 0 },
        isSeller: false,
      });
    });

    test('P6 GET /v1/me shows points, level and the points still missing to the next level', async () => {
      const t = new TestApp(db);
      await t.event('me-ada', 'member.registered', { displayName: 'Ada' });
      await t.event('me-ada', 'order.completed', { orderId: 'me-o1', lines: [{ sku: 'A', unitPriceCents: 48_000, quantity: 1 }], shippingCents: 0 });
      const me = assertShape(meResponse, (await t.asMember('me-ada', 'GET', '/v1/me')).body);
      assert.equal(me.displayName, 'Ada');
      assert.equal(me.points, 480);
      assert.deepEqual(me.level, { index: 1, name: 'Mercury', discountPercent: 1 });
      assert.deepEqual(me.nextLevel, { index: 2, name: 'Mars', pointsRequired: 500, pointsToGo: 20 });
    });

    test('a member token is required: none, a bad one, an expired one are 401; the shop key is 403', async () => {
      const t = new TestApp(db);
      assertProblem(await t.request('GET', '/v1/me'), 401, 'unauthorized');
      assertProblem(await t.request('GET', '/v1/me', { headers: { Authorization: 'Bearer abc.def.ghi' } }), 401, 'unauthorized');
      const wrongSecret = await signMemberToken('another-secret-another-secret-0123456789', 'me-x', 3600, t.clock.now());
      assertProblem(await t.request('GET', '/v1/me', { headers: { Authorization: `Bearer ${wrongSecret}` } }), 401, 'unauthorized');
      const expired = await signMemberToken(MEMBER_SECRET, 'me-x', 60, new Date(t.clock.now().getTime() - 3_600_000));
      assertProblem(await t.request('GET', '/v1/me', { headers: { Authorization: `Bearer ${expired}` } }), 401, 'unauthorized');
      assertProblem(await t.asShop('GET', '/v1/me'), 403, 'forbidden');
    });

    test('member routes are rate limited per member: past the burst a member gets 429 with Retry-After, others do not', async () => {
      const t = new TestApp(db, { rateLimit: { ratePerSecond: 1, burst: 5 } });
      const replies = [];
      for (let i = 0; i < 6; i++) replies.push(await t.asMember('me-busy', 'GET', '/v1/me/cart'));
      assert.deepEqual(
        replies.map((reply) => reply.status),
        [200, 200, 200, 200, 200, 429],
      );
      const limited = assertProblem(replies[5]!, 429, 'rate_limited');
      assert.ok(limited);
      assert.ok(Number(replies[5]!.headers.get('Retry-After')) >= 1);
      assert.equal((await t.asMember('me-calm', 'GET', '/v1/me/cart')).status, 200);
    });
  });
}
