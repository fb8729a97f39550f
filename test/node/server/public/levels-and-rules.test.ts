import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { earningRulesResponse, levelsResponse } from '../../../../src/api/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertShape, TestApp } from '../member/support.ts';

for (const target of databaseTargets()) {
  describe(`levels and ways to earn on ${target.name}`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
    });
    after(async () => {
      await db.drop();
    });

    test('P3 GET /v1/levels lists LV0 to LV6 in the source order, with thresholds and discounts', async () => {
      const reply = await t.request('GET', '/v1/levels');
      assert.equal(reply.status, 200);
      const { levels } = assertShape(levelsResponse, reply.body);
      assert.deepEqual(
        levels.map((level) => [level.index, level.name, level.pointsRequired, level.discountPercent]),
        [
          [0, 'Member', 0, 0],
          [1, 'Mercury', 1, 1],
          [2, 'Mars', 500, 2],
          [3, 'Venus', 2000, 3],
          [4, 'Earth', 5000, 4],
          [5, 'Saturn', 10000, 5],
          [6, 'Jupiter', 20000, 6],
        ],
      );
    });

    test('P1 C1 GET /v1/levels also gives the points and coins per dollar that a quote needs', async () => {
      const reply = assertShape(levelsResponse, (await t.request('GET', '/v1/levels')).body);
      assert.deepEqual([reply.pointsPerDollar, reply.coinsPerDollar], [1, 1]);
    });

    test('P3 a new rules version shows at once in the levels', async () => {
      const rules = (await t.asShop<{ levels: Array<{ pointsRequired: number }> }>('GET', '/v1/rules')).body;
      const levels = rules.levels.map((level, index) => (index === 2 ? { ...level, pointsRequired: 400 } : level));
      assert.equal((await t.asShop('PUT', '/v1/rules', { body: { ...rules, levels } })).status, 200);
      const reply = assertShape(levelsResponse, (await t.request('GET', '/v1/levels')).body);
      assert.equal(reply.levels[2]?.pointsRequired, 400);
      await t.asShop('PUT', '/v1/rules', { body: rules });
    });

    test('GET /v1/earning-rules lists every earning rule C1–C18 with coins, ranges, daily caps and scope', async () => {
      const reply = await t.request('GET', '/v1/earning-rules');
      assert.equal(reply.status, 200);
      const { rules } = assertShape(earningRulesResponse, reply.body);
      assert.deepEqual(
        rules.map((rule) => rule.id),
        Array.from({ length: 18 }, (_, i) => `C${i + 1}`),
      );
      const byId = new Map(rules.map((rule) => [rule.id, rule]));
      assert.deepEqual(byId.get('C6'), { id: 'C6', title: 'Daily check-in', coins: 10, minCoins: 10, limit: null, scope: 'per_day' });
      assert.deepEqual(byId.get('C8'), { id: 'C8', title: 'Like a project', coins: 1, minCoins: 1, limit: 5, scope: 'per_action' });
      assert.equal(byId.get('C9')?.limit, 5);
      assert.deepEqual([byId.get('C4')?.minCoins, byId.get('C4')?.coins], [50, 500]);
      assert.deepEqual([byId.get('C5')?.minCoins, byId.get('C5')?.coins], [10, 50]);
      assert.deepEqual([byId.get('C7')?.minCoins, byId.get('C7')?.coins, byId.get('C7')?.scope], [100, 400, 'per_month']);
      assert.deepEqual([byId.get('C11')?.minCoins, byId.get('C11')?.coins], [1, 1000]);
      assert.equal(byId.get('C1')?.scope, 'per_dollar');
      assert.equal(byId.get('C10')?.coins, 1000);
      assert.equal(byId.get('C15')?.scope, 'per_week');
    });
  });
}
