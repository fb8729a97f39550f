import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { earningResponse } from '../../../../src/api/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertProblem, assertShape, TestApp } from './support.ts';

for (const target of databaseTargets()) {
  describe(`earning progress on ${target.name}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await target.open();
    });
    after(async () => {
      await db.drop();
    });

    test("C8 C9 today's progress on the capped rules counts today's likes and comments, and starts over tomorrow", async () => {
      const t = new TestApp(db);
      const progress = async () => assertShape(earningResponse, (await t.asMember('earn-ann', 'GET', '/v1/me/earning')).body);
      assert.deepEqual(await progress(), {
        day: '2025-03-12',
        rules: [
          { ruleId: 'C8', earnedToday: 0, cap: 5 },
          { ruleId: 'C9', earnedToday: 0, cap: 5 },
        ],
        earnedOnce: [],
      });
      for (let i = 0; i < 7; i++) await t.event('earn-ann', 'project.liked', { projectId: `p-${i}` });
      await t.event('earn-ann', 'project.commented', { projectId: 'p-0', commentId: 'k-1' });
      assert.deepEqual((await progress()).rules, [
        { ruleId: 'C8', earnedToday: 5, cap: 5 },
        { ruleId: 'C9', earnedToday: 1, cap: 5 },
      ]);
      t.clock.advanceDays(1);
      assert.deepEqual(await progress(), {
        day: '2025-03-13',
        rules: [
          { ruleId: 'C8', earnedToday: 0, cap: 5 },
          { ruleId: 'C9', earnedToday: 0, cap: 5 },
        ],
        earnedOnce: [],
      });
    });

    test('C2 C3 one-time rules already earned are listed, the others not', async () => {
      const t = new TestApp(db);
      const progress = async () => assertShape(earningResponse, (await t.asMember('earn-once', 'GET', '/v1/me/earning')).body);
      assert.deepEqual((await progress()).earnedOnce, []);
      await t.event('earn-once', 'newsletter.subscribed', {});
      assert.deepEqual((await progress()).earnedOnce, ['C2']);
      await t.event('earn-once', 'profile.completed', { avatarUrl: 'https://example.test/a.png', nickname: 'Once', country: 'FR' });
      assert.deepEqual((await progress()).earnedOnce, ['C2', 'C3']);
    });

    test('earning progress needs a member token: none is 401, the shop key is 403', async () => {
      const t = new TestApp(db);
      assertProblem(await t.request('GET', '/v1/me/earning'), 401, 'unauthorized');
      assertProblem(await t.asShop('GET', '/v1/me/earning'), 403, 'forbidden');
    });
  });
}
