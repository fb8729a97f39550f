import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkInResponse, checkInsResponse } from '../../../../src/api/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertProblem, assertShape, TestApp } from './support.ts';

for (const target of databaseTargets()) {
  describe(`check-ins on ${target.name}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await target.open();
    });
    after(async () => {
      await db.drop();
    });

    test('C6 the first check-in of a day pays 10 coins; a second one that day is 409 already_checked_in', async () => {
      const t = new TestApp(db);
      const first = await t.asMember('c6-ann', 'POST', '/v1/me/check-ins');
      assert.equal(first.status, 201, first.text);
      assert.deepEqual(assertShape(checkInResponse, first.body), {
        day: '2025-03-12',
        coinsAwarded: 10,
        bonusAwarded: 0,
        coins: { available: 10, pending: 0 },
      });
      assertProblem(await t.asMember('c6-ann', 'POST', '/v1/me/check-ins'), 409, 'already_checked_in');
      assert.deepEqual(await t.coins('c6-ann'), { available: 10, pending: 0 });

      t.clock.advanceDays(1);
      const nextDay = await t.asMember('c6-ann', 'POST', '/v1/me/check-ins');
      assert.equal(nextDay.status, 201);
      assert.equal((nextDay.body as { day: string }).day, '2025-03-13');
      assert.deepEqual(await t.coins('c6-ann'), { available: 20, pending: 0 });
    });

    test('C6 parallel check-ins of one member on one day: exactly one 201, the others 409', async () => {
      const t = new TestApp(db);
      const replies = await Promise.all(Array.from({ length: 20 }, () => t.asMember('c6-racer', 'POST', '/v1/me/check-ins')));
      const statuses = replies.map((reply) => reply.status).sort();
      assert.deepEqual(statuses, [201, ...Array<number>(19).fill(409)]);
      for (const reply of replies.filter((r) => r.status === 409)) assertProblem(reply, 409, 'already_checked_in');
      assert.deepEqual(await t.coins('c6-racer'), { available: 10, pending: 0 });
      const { rows } = await db.query('SELECT day FROM check_ins WHERE member_id = $1', ['c6-racer']);
      assert.equal(rows.length, 1);
    });

    test('C7 the 7th check-in of a month adds the 100-coin bonus, once, on days that need not be consecutive', async () => {
      const t = new TestApp(db);
      t.clock.set('2025-05-01T09:00:00Z');
      const awarded: number[] = [];
      for (let i = 0; i < 7; i++) {
        const reply = await t.asMember('c7-bea', 'POST', '/v1/me/check-ins');
        assert.equal(reply.status, 201, reply.text);
        awarded.push((reply.body as { bonusAwarded: number }).bonusAwarded);
        t.clock.advanceDays(i % 2 === 0 ? 2 : 1); // gaps between check-ins
      }
      assert.deepEqual(awarded, [0, 0, 0, 0, 0, 0, 100]);
      assert.deepEqual(await t.coins('c7-bea'), { available: 7 * 10 + 100, pending: 0 });

      const view = await t.asMember('c7-bea', 'GET', '/v1/me/check-ins?month=2025-05');
      assert.equal(view.status, 200);
      const month = assertShape(checkInsResponse, view.body);
      assert.equal(month.days.length, 7);
      assert.deepEqual(month.bonuses, [
        { atCount: 7, coins: 100, earned: true },
        { atCount: 14, coins: 200, earned: false },
        { atCount: 21, coins: 300, earned: false },
        { atCount: 30, coins: 400, earned: false },
      ]);
    });

    test('C7 in February the 30-day tier is reached by checking in on all 28 days: +1000 in bonuses', async () => {
      const t = new TestApp(db);
      t.clock.set('2025-02-01T08:00:00Z');
      let bonuses = 0;
      for (let day = 1; day <= 28; day++) {
        const reply = await t.asMember('c7-feb', 'POST', '/v1/me/check-ins');
        assert.equal(reply.status, 201, reply.text);
        bonuses += (reply.body as { bonusAwarded: number }).bonusAwarded;
        t.clock.advanceDays(1);
      }
      assert.equal(bonuses, 100 + 200 + 300 + 400);
      const view = assertShape(checkInsResponse, (await t.asMember('c7-feb', 'GET', '/v1/me/check-ins?month=2025-02')).body);
      assert.ok(view.bonuses.every((bonus) => bonus.earned));
      assert.equal(view.bonuses.at(-1)?.atCount, 28);
    });

    test('GET /v1/me/check-ins shows the current month by default, today, and whether today is done', async () => {
      const t = new TestApp(db);
      const before = assertShape(checkInsResponse, (await t.asMember('c6-view', 'GET', '/v1/me/check-ins')).body);
      assert.deepEqual(before, {
        month: '2025-03',
        today: '2025-03-12',
        checkedInToday: false,
        days: [],
        bonuses: before.bonuses,
      });
      await t.asMember('c6-view', 'POST', '/v1/me/check-ins');
      const afterwards = assertShape(checkInsResponse, (await t.asMember('c6-view', 'GET', '/v1/me/check-ins')).body);
      assert.equal(afterwards.checkedInToday, true);
      assert.deepEqual(afterwards.days, ['2025-03-12']);
      // Another month still knows about today.
      const april = assertShape(checkInsResponse, (await t.asMember('c6-view', 'GET', '/v1/me/check-ins?month=2025-04')).body);
      assert.deepEqual(april.days, []);
      assert.equal(april.checkedInToday, true);
    });

    test('C6 calendar days follow the rules time zone: 20:00 UTC is already tomorrow in Shanghai', async () => {
      const t = new TestApp(db);
      const rules = await t.asShop<Record<string, unknown>>('GET', '/v1/rules');
      const changed = await t.asShop('PUT', '/v1/rules', { body: { ...rules.body, timeZone: 'Asia/Shanghai' } });
      assert.equal(changed.status, 200, changed.text);
      try {
        t.clock.set('2025-03-12T20:00:00Z');
        const reply = await t.asMember('c6-tz', 'POST', '/v1/me/check-ins');
        assert.equal((reply.body as { day: string }).day, '2025-03-13');
        t.clock.set('2025-03-13T15:59:00Z'); // 23:59 in Shanghai, the same day
        assertProblem(await t.asMember('c6-tz', 'POST', '/v1/me/check-ins'), 409, 'already_checked_in');
        t.clock.set('2025-03-13T16:00:00Z'); // midnight in Shanghai
        assert.equal((await t.asMember('c6-tz', 'POST', '/v1/me/check-ins')).status, 201);
      } finally {
        await t.asShop('PUT', '/v1/rules', { body: { ...rules.body, timeZone: 'UTC' } });
      }
    });

    test('C6 a retried check-in with the same Idempotency-Key gets the first 201 again, not a 409', async () => {
      const t = new TestApp(db);
      const headers = { 'Idempotency-Key': 'check-in-2025-03-12' };
      const first = await t.asMember('c6-retry', 'POST', '/v1/me/check-ins', { headers });
      const retry = await t.asMember('c6-retry', 'POST', '/v1/me/check-ins', { headers });
      assert.equal(first.status, 201);
      assert.equal(retry.status, 201);
      assert.deepEqual(retry.body, first.body);
      assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
      assertProblem(await t.asMember('c6-retry', 'POST', '/v1/me/check-ins'), 409, 'already_checked_in');
      assert.deepEqual(await t.coins('c6-retry'), { available: 10, pending: 0 });
    });

    test('check-ins need a member token: none is 401, the shop key is 403, a bad month is 400', async () => {
      const t = new TestApp(db);
      assertProblem(await t.request('POST', '/v1/me/check-ins'), 401, 'unauthorized');
      assertProblem(await t.request('GET', '/v1/me/check-ins'), 401, 'unauthorized');
      assertProblem(await t.asShop('POST', '/v1/me/check-ins'), 403, 'forbidden');
      assertProblem(await t.request('POST', '/v1/me/check-ins', { headers: { Authorization: 'Bearer not-a-token' } }), 401, 'unauthorized');
      for (const month of ['2025-13', '2025-3', 'march', '2025-03-01']) {
        const problem = assertProblem(await t.asMember('c6-bad', 'GET', `/v1/me/check-ins?month=${month}`), 400, 'invalid_request');
        assert.equal((problem.errors as Array<{ path: string }>)[0]?.path, 'query.month');
      }
    });
  });
}
