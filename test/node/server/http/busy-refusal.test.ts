/**
 * A member with as many requests in flight as they may: the same token, sent again meanwhile, is
 * refused by the node:http server before the app, byte for byte as the app refuses it (the request
 * id and Date aside), once the app has answered that refusal on the route. Only for the exact text
 * of a token a request in flight carries, only while that token is still in time (an expired one
 * gets the app's 401), never where the app answers otherwise first (ownership), and never for
 * another member. The tokens are held only while their requests are in flight. On PGlite and on
 * the PostgreSQL server of DATABASE_URL, with the rate limit's buckets in the database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Hono } from 'hono';
import { createRewardsApp } from '../../../../src/server/app.ts';
import type { Db } from '../../../../src/server/db/index.ts';
import type { RewardsApp, RouteModule } from '../../../../src/server/http/app.ts';
import { memberIdOf, signMemberToken } from '../../../../src/server/http/auth.ts';
import type { AppEnv } from '../../../../src/server/http/env.ts';
import { silentLogger } from '../../../../src/server/http/logger.ts';
import { MemberConcurrency } from '../../../../src/server/http/member-concurrency.ts';
import { startHttpServer, type RunningServer } from '../../../../src/server/http/server.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { exchange, makeApp, ManualClock, MEMBER_SECRET, plumbingRoutes, testConfig } from './support.ts';

/** The answer without what differs from one answer to the next: its Date and its request id. */
const comparable = (answer: string) => answer.replace(/\r\nDate: [^\r]+/, '').replace(/\r\nx-request-id: [^\r]+/, '');
const statusOf = (answer: string) => Number(answer.slice(9, 12));

/** An app behind a real server, counting the requests that reach the app. */
async function serve(app: RewardsApp) {
  let reachedApp = 0;
  const appFetch = app.fetch;
  app.fetch = (...args) => (reachedApp++, appFetch(...args));
  const server: RunningServer = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  const send = (path: string, headers: Record<string, string>) => {
    const lines = Object.entries({ Host: 'localhost', ...headers }).map(([k, v]) => `${k}: ${v}\r\n`);
    return exchange(server.port, `GET ${path} HTTP/1.1\r\n${lines.join('')}\r\n`);
  };
  /** Sends a request and waits for its answer: its status, whole text, and whether the app answered it. */
  const ask = async (path: string, headers: Record<string, string>) => {
    const before = reachedApp;
    const answer = await send(path, headers);
    return { answer, status: statusOf(answer), viaApp: reachedApp > before };
  };
  return { server, send, ask };
}

/** Waits until `done()` holds (what the server does meanwhile is not in the test's hands). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; !done(); i++) {
    if (i > 500) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The database, with a member's statements held back until `release()`: their requests stay in flight. */
function holding(inner: TestDatabase) {
  let release!: () => void;
  let released = Promise.resolve();
  let member: string | undefined;
  const state = { held: 0 };
  const db: Db = {
    kind: inner.kind,
    query: async (sql, params) => {
      if (member !== undefined && params?.includes(member)) {
        state.held++;
        await released;
      }
      return inner.query(sql, params);
    },
    transaction: (fn) => inner.transaction(fn),
    close: () => inner.close(),
  };
  return {
    db,
    state,
    hold(memberId: string) {
      member = memberId;
      released = new Promise((resolve) => (release = resolve));
    },
    release() {
      member = undefined;
      release();
    },
  };
}

const LIMIT = { ratePerSecond: 1, burst: 100, maxInFlight: 2 };
const AT_ONCE = 'Too many requests at once; retry in 1 s.';

for (const target of databaseTargets()) {
  describe(`a member at the requests-at-once bound, on ${target.name}`, () => {
    const clock = new ManualClock();
    let database: TestDatabase | undefined;
    let held: ReturnType<typeof holding> | undefined;
    let running: Awaited<ReturnType<typeof serve>> | undefined;
    let tokenA: string;
    let shortA: string;
    let tokenB: string;

    before(async () => {
      database = await target.open();
      held = holding(database);
      const config = { ...testConfig(), rateLimitStore: 'database' as const };
      running = await serve(createRewardsApp({ config, db: held.db, logger: silentLogger, demoDir: null, clock, rateLimit: LIMIT }));
      tokenA = await signMemberToken(MEMBER_SECRET, 'busy-a', 3600, clock.now());
      shortA = await signMemberToken(MEMBER_SECRET, 'busy-a', 60, clock.now());
      tokenB = await signMemberToken(MEMBER_SECRET, 'calm-b', 3600, clock.now());
    });
    after(async () => {
      held?.release();
      await running?.server.close();
      await database?.drop();
    });

    test("is refused before the app with the app's answer, for a token in flight and in time only", async () => {
      const { ask, send } = running!;
      const hold = held!;
      assert.equal((await ask('/v1/me', { Authorization: `Bearer ${tokenA}` })).status, 200);
      hold.hold('busy-a');
      // Two requests in flight, each with a token of A's: A is at the bound.
      const inFlight = [send('/v1/me', { Authorization: `Bearer ${tokenA}` }), send('/v1/me', { Authorization: `Bearer ${shortA}` })];
      await until(() => hold.state.held === 2);

      const a = { Authorization: `Bearer ${tokenA}` };
      const learnt = await ask('/v1/me', a);
      assert.deepEqual([learnt.status, learnt.viaApp], [429, true], "the first refusal on the route is the app's");
      assert.match(learnt.answer, new RegExp(`\\r\\nretry-after: 1\\r\\n[^]*"detail":"${AT_ONCE}"`));
      const fast = await ask('/v1/me', { ...a, 'X-Request-Id': 'busy-1' });
      assert.deepEqual([fast.status, fast.viaApp], [429, false], 'then the server answers it alone');
      assert.equal(comparable(fast.answer), comparable(learnt.answer));
      assert.match(fast.answer, /\r\nx-request-id: busy-1\r\n/);
      const short = await ask('/v1/me', { Authorization: `Bearer ${shortA}` });
      assert.deepEqual([short.status, short.viaApp], [429, false], "the other token in flight, while it's in time");

      const b = await ask('/v1/me', { Authorization: `Bearer ${tokenB}` });
      assert.deepEqual([b.status, b.viaApp], [200, true], 'another member is served');
      const another = await ask('/v1/me', { Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, 'busy-a', 600, clock.now())}` });
      assert.deepEqual([another.status, another.viaApp], [429, true], 'a token of A that no request in flight carries: verified by the app');
      assert.equal(comparable(another.answer), comparable(learnt.answer));

      // Past the expiry of the short token, and the verifier's tolerance of clocks.
      clock.advance(66_000);
      const expired = await ask('/v1/me', { Authorization: `Bearer ${shortA}` });
      assert.deepEqual([expired.status, expired.viaApp], [401, true], 'an expired token in flight: the 401 of the app');
      assert.match(expired.answer, /The member token has expired\./);
      const stillA = await ask('/v1/me', a);
      assert.deepEqual([stillA.status, stillA.viaApp], [429, false]);

      hold.release();
      assert.deepEqual((await Promise.all(inFlight)).map(statusOf), [200, 200]);
      const freed = await ask('/v1/me', a);
      assert.deepEqual([freed.status, freed.viaApp], [200, true], 'once its requests have ended, the token reaches the app again');
    });
  });
}

describe('the requests-at-once refusal before the app', () => {
  test('is left to the app on a route that checks ownership first', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered = 0;
    const slow: RouteModule = (app, deps) => {
      app.get('/t/slow', deps.member(), async (c) => {
        entered++;
        await released;
        return c.json({ memberId: memberIdOf(c) });
      });
    };
    const { app } = makeApp({ routes: [slow, plumbingRoutes], rateLimit: { ratePerSecond: 1000, burst: 1000, maxInFlight: 1 } });
    const { server, send, ask } = await serve(app);
    try {
      const a = { Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, 'own-a', 3600)}` };
      const inFlight = send('/t/slow', a);
      await until(() => entered === 1);
      for (let i = 0; i < 3; i++) {
        const other = await ask('/t/members/own-b', a);
        assert.deepEqual([other.status, other.viaApp], [403, true], "another member's account: the app's 403");
        const own = await ask('/t/members/own-a', a);
        assert.deepEqual([own.status, own.viaApp], [429, true], 'their own: the bound, answered by the app');
      }
      const learnt = await ask('/t/slow', a);
      assert.deepEqual([learnt.status, learnt.viaApp], [429, true]);
      const fast = await ask('/t/slow', a);
      assert.deepEqual([fast.status, fast.viaApp], [429, false], 'a route without ownership: before the app');
      release();
      assert.equal(statusOf(await inFlight), 200);
    } finally {
      release();
      await server.close();
    }
  });

  test('holds the tokens of requests in flight only: at most the bound per member, none once they end', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const concurrency = new MemberConcurrency(3);
    const app = new Hono<AppEnv>();
    app.onError((_err, c) => c.text('refused', 429));
    app.get(
      '/x',
      (c, next) => (c.set('memberId', c.req.header('X-Member')), next()),
      concurrency.middleware,
      async (c) => (await released, c.text('ok')),
    );
    const request = (member: string, token: string) => app.request('/x', { headers: { 'X-Member': member, Authorization: `Bearer ${token}` } });
    const answers: (Response | Promise<Response>)[] = [];
    for (let m = 0; m < 20; m++) for (let t = 0; t < 50; t++) answers.push(request(`m${m}`, `token-${m}-${t}`));
    answers.push(request('same', 'one'), request('same', 'one'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(concurrency.tokensHeld, 20 * 3 + 1, 'three tokens per member, the one token of two requests once');
    assert.equal(concurrency.busyMemberOf('token-0-0'), 'm0');
    assert.equal(concurrency.busyMemberOf('token-0-49'), undefined, 'a refused request left nothing behind');
    assert.equal(concurrency.busyMemberOf('one'), undefined, 'a member under the bound is not busy');
    release();
    const statuses = (await Promise.all(answers)).map((res) => res.status);
    assert.equal(statuses.filter((status) => status === 200).length, 20 * 3 + 2);
    assert.equal(concurrency.tokensHeld, 0);
  });
});
