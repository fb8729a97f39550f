/** GET /v1/members/{id}: any member's account for the shop, in the shape a member sees at /v1/me (P6). */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { meResponse, type MeResponse, type ProblemDetails } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

for (const target of databaseTargets()) {
  describe(`GET /v1/members/{id} (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target);
    });
    after(() => t.close());

    test('P6 points, level, discount, points to the next level and coins, valid against the API schema', async () => {
      await send(t, 'member.registered', 'viewed', { displayName: 'Viewed' });
      await send(t, 'order.completed', 'viewed', { orderId: 'o', lines: [{ sku: 's', unitPriceCents: 250_000, quantity: 1 }], shippingCents: 0 });
      await send(t, 'bom.uploaded', 'viewed', { orderId: 'o-open' });
      const res = await t.shop().get<MeResponse>('/v1/members/viewed');
      assert.equal(res.status, 200);
      assert.equal(meResponse.safeParse(res.body).success, true);
      assert.deepEqual(res.body, {
        memberId: 'viewed',
        displayName: 'Viewed',
        points: 2500,
        level: { index: 3, name: 'Venus', discountPercent: 3 },
        nextLevel: { index: 4, name: 'Earth', pointsRequired: 5000, pointsToGo: 2500 },
        coins: { available: 2500, pending: 200 },
        isSeller: false,
      });
    });

    test('P3 at the top level there is no next level', async () => {
      await send(t, 'order.completed', 'top', { orderId: 'o-top', lines: [{ sku: 's', unitPriceCents: 2_000_000, quantity: 1 }], shippingCents: 0 });
      const res = await t.shop().get<MeResponse>('/v1/members/top');
      assert.deepEqual([res.body.level.name, res.body.nextLevel], ['Jupiter', null]);
    });

    test('an unknown member is 404 not_found', async () => {
      const res = await t.shop().get<ProblemDetails>('/v1/members/nobody');
      assert.deepEqual([res.status, res.body.code], [404, 'not_found']);
    });

    test('without the API key: 401; a member token, even their own: 403', async () => {
      await send(t, 'member.registered', 'curious', {});
      assert.equal((await t.request('GET', '/v1/members/curious')).status, 401);
      assert.equal((await t.member('curious').get('/v1/members/curious')).status, 403);
    });
  });
}
