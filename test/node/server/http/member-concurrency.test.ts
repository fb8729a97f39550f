/**
 * A member's requests at once are bounded per process: past the bound they are refused with 429
 * before their handler runs (so before any database work), other members are not affected, and
 * a slot frees as soon as a request finishes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RouteModule } from '../../../../src/server/http/app.ts';
import { memberIdOf, signMemberToken } from '../../../../src/server/http/auth.ts';
import { until } from '../support/server-process.ts';
import { MEMBER_SECRET, makeApp, problemOf } from './support.ts';

test('past maxInFlight a member gets 429 with Retry-After before the handler runs; another member does not', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const entered: string[] = [];
  const slow: RouteModule = (app, deps) => {
    app.get('/t/slow', deps.member(), async (c) => {
      entered.push(memberIdOf(c));
      await gate;
      return c.json({ ok: true });
    });
  };
  const { app } = makeApp({ routes: [slow], rateLimit: { ratePerSecond: 1000, burst: 1000, maxInFlight: 2 } });
  const as = async (id: string) => ({ Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, id, 3600)}` });
  const a = await as('burst-a');
  const first = [app.request('/t/slow', { headers: a }), app.request('/t/slow', { headers: a })];
  // Token checks run on the crypto thread pool: wait for both to be in, not for a timer.
  await until(() => entered.length === 2, 'both requests to reach their handler', 5_000);
  const refused = await app.request('/t/slow', { headers: a });
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('Retry-After'), '1');
  assert.equal((await problemOf(refused)).code, 'rate_limited');
  assert.deepEqual(entered, ['burst-a', 'burst-a'], 'the refused request never reached its handler');

  const other = app.request('/t/slow', { headers: await as('burst-b') });
  await until(() => entered.length === 3, "the other member's request to reach its handler", 5_000);
  assert.deepEqual(entered, ['burst-a', 'burst-a', 'burst-b'], 'another member is served meanwhile');

  release();
  for (const res of [...(await Promise.all(first)), await other]) assert.equal(res.status, 200);
  assert.equal((await app.request('/t/slow', { headers: a })).status, 200, 'a slot frees when a request finishes');
});
