/** C8/C9: at most 5 coins a day each, counting calendar days in the rules' time zone. */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { applyConfiguredTimeZone } from '../../../../src/server/services/time-zone-setting.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { balancesOf } from '../support/ledger.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

for (const target of databaseTargets()) {
  describe(`daily caps (${target.name})`, () => {
    let t: TestApp;
    beforeEach(async () => {
      t = await startTestApp(target, { now: '2025-03-10T09:00:00Z' });
    });
    afterEach(() => t.close());

    const like = (memberId: string, projectId: string) => send(t, 'project.liked', memberId, { projectId });
    const comment = (memberId: string, commentId: string) => send(t, 'project.commented', memberId, { projectId: 'p', commentId });

    test('C8 the sixth like of a day earns nothing', async () => {
      const answers = [];
      for (let i = 1; i <= 6; i++) answers.push(await like('liker', `p${i}`));
      assert.deepEqual(
        answers.map((a) => a.credited.length),
        [1, 1, 1, 1, 1, 0],
      );
      assert.equal((await balancesOf(t.db, 'liker')).coinsAvailable, 5);
    });

    test('C8 a like on a capped day still counts: liking that project again later earns nothing', async () => {
      for (let i = 1; i <= 6; i++) await like('capped-liker', `p${i}`);
      t.clock.advance(86_400_000);
      assert.deepEqual((await like('capped-liker', 'p6')).credited, [], 'p6 was liked before');
      assert.equal((await like('capped-liker', 'p7')).credited.length, 1);
    });

    test('C9 the sixth comment of a day earns nothing, the next day earns again', async () => {
      const answers = [];
      for (let i = 1; i <= 6; i++) answers.push(await comment('commenter', `c${i}`));
      t.clock.advance(86_400_000);
      answers.push(await comment('commenter', 'c7'));
      assert.deepEqual(
        answers.map((a) => a.credited.length),
        [1, 1, 1, 1, 1, 0, 1],
      );
    });

    test('C8 C9 likes and comments are capped apart', async () => {
      for (let i = 1; i <= 5; i++) await like('both', `p${i}`);
      assert.equal((await comment('both', 'c1')).credited.length, 1);
    });

    test('C8 the cap resets at midnight of the rules zone (Asia/Shanghai), not at UTC midnight', async () => {
      await applyConfiguredTimeZone(t.db, 'Asia/Shanghai');
      t.clock.set('2025-03-10T15:30:00Z'); // 23:30 in Shanghai
      for (let i = 1; i <= 5; i++) await like('zoned', `before-${i}`);
      assert.deepEqual((await like('zoned', 'before-6')).credited, [], 'still the same Shanghai day');

      t.clock.set('2025-03-10T16:00:00Z'); // 00:00 the next day in Shanghai, still the 10th in UTC
      const afterMidnight = [];
      for (let i = 1; i <= 6; i++) afterMidnight.push(await like('zoned', `after-${i}`));
      assert.deepEqual(
        afterMidnight.map((a) => a.credited.length),
        [1, 1, 1, 1, 1, 0],
      );
      assert.equal((await balancesOf(t.db, 'zoned')).coinsAvailable, 10);
    });

    test('C9 in UTC, 23:59 and 00:00 are two days', async () => {
      t.clock.set('2025-03-10T23:59:00Z');
      for (let i = 1; i <= 5; i++) await comment('utc', `late-${i}`);
      assert.deepEqual((await comment('utc', 'late-6')).credited, []);
      t.clock.set('2025-03-11T00:00:00Z');
      assert.equal((await comment('utc', 'early-1')).credited.length, 1);
    });

    test('C8 likes racing past the cap never earn more than 5 coins a day', async () => {
      await Promise.all(Array.from({ length: 12 }, (_, i) => like('racing-liker', `race-${i}`)));
      assert.equal((await balancesOf(t.db, 'racing-liker')).coinsAvailable, 5);
    });
  });
}
