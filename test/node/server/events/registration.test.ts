/** member.registered and project.created: who a member is, who invited them, who wrote a project. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MeResponse } from '../../../../src/api/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

for (const target of databaseTargets()) {
  describe(`registration and projects (${target.name})`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(target);
    });
    after(() => t.close());

    const memberRow = async (id: string) =>
      (await t.db.query<{ display_name: string | null; invited_by: string | null }>('SELECT display_name, invited_by FROM members WHERE id = $1', [id]))
        .rows[0];

    test('member.registered records the display name, shown on the account', async () => {
      const answer = await send(t, 'member.registered', 'ada', { displayName: 'Ada' });
      assert.deepEqual(answer, { duplicate: false, credited: [] });
      assert.equal((await t.shop().get<MeResponse>('/v1/members/ada')).body.displayName, 'Ada');
    });

    test('C10 the inviter is recorded once; a later registration event cannot change it', async () => {
      await send(t, 'member.registered', 'guest', { invitedBy: 'host-1' });
      await send(t, 'member.registered', 'guest', { displayName: 'Guest', invitedBy: 'host-2' });
      assert.deepEqual(await memberRow('guest'), { display_name: 'Guest', invited_by: 'host-1' });
    });

    test('C10 no self-invites: naming oneself as inviter records no inviter', async () => {
      await send(t, 'member.registered', 'solo', { invitedBy: 'solo' });
      assert.deepEqual(await memberRow('solo'), { display_name: null, invited_by: null });
    });

    test('any event creates the member it names, with empty balances', async () => {
      await send(t, 'project.liked', 'newcomer', { projectId: 'p-x' });
      const me = await t.shop().get<MeResponse>('/v1/members/newcomer');
      assert.equal(me.status, 200);
      assert.deepEqual(me.body.coins, { available: 1, pending: 0 });
    });

    test('S3 project.created records the project and its author for donations; the author stays', async () => {
      await send(t, 'project.created', 'author', { projectId: 'proj-1', title: 'A synth' });
      await send(t, 'project.created', 'someone-else', { projectId: 'proj-1', title: 'Hijacked' });
      await send(t, 'project.created', 'author', { projectId: 'proj-1', title: 'A better synth' });
      const { rows } = await t.db.query('SELECT id, author_id, title FROM projects');
      assert.deepEqual(rows, [{ id: 'proj-1', author_id: 'author', title: 'A better synth' }]);
    });
  });
}
