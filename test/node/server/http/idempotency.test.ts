import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import type { RewardsApp, RouteModule } from '../../../../src/server/http/app.ts';
import { memberIdOf, signMemberToken } from '../../../../src/server/http/auth.ts';
import { ProblemError } from '../../../../src/server/errors.ts';
import { validJson } from '../../../../src/server/http/validate.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { API_KEY, makeApp, MEMBER_SECRET, problemOf } from './support.ts';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** An action endpoint that records what it does, and can be slowed down or made to fail. */
class Actions {
  performed: { memberId: string; amount: number }[] = [];
  gate: Promise<void> | undefined;
  entered = deferred();
  failNext = false;

  readonly routes: RouteModule = (app, deps) => {
    const body = z.strictObject({ amount: z.int().check(z.minimum(1)) });
    app.post('/t/actions', deps.member(), validJson(body), async (c) => {
      this.entered.resolve();
      if (this.gate) await this.gate;
      if (this.failNext) {
        this.failNext = false;
        throw new Error('the database went away');
      }
      const { amount } = c.req.valid('json');
      this.performed.push({ memberId: memberIdOf(c), amount });
      return c.json({ action: this.performed.length, amount }, 201);
    });
    app.post('/t/other-actions', deps.member(), validJson(body), (c) => {
      this.performed.push({ memberId: memberIdOf(c), amount: c.req.valid('json').amount });
      return c.json({ other: true }, 201);
    });
    app.post('/t/refusals', deps.member(), (c) => {
      this.performed.push({ memberId: memberIdOf(c), amount: 0 });
      throw new ProblemError('insufficient_coins', `Refusal number ${this.performed.length}.`);
    });
    app.post('/t/shop-actions', deps.shop(), (c) => {
      this.performed.push({ memberId: 'shop', amount: 0 });
      return c.json({ action: this.performed.length });
    });
    app.get('/t/read', deps.member(), (c) => c.json({ read: true }));
  };
}

for (const target of databaseTargets()) {
  describe(`idempotency on ${target.name}`, () => {
    let db: TestDatabase;
    let alice: Record<string, string>;
    let bob: Record<string, string>;

    before(async () => {
      db = await target.open();
      alice = { Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, 'alice', 3600)}` };
      bob = { Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, 'bob', 3600)}` };
    });
    after(async () => {
      await db.drop();
    });

    function setup(idempotency?: { waitTimeoutMs?: number; ttlSeconds?: number }) {
      const actions = new Actions();
      const { app } = makeApp({ db, routes: [actions.routes], idempotency });
      return { app, actions };
    }

    const post = (app: RewardsApp, path: string, headers: Record<string, string>, body?: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    // Here rather than in app.test.ts: starting the embedded database once per test process is the slow part.
    test('GET /healthz answers ok when the database answers', async () => {
      const { app } = makeApp({ db });
      const res = await app.request('/healthz');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
    });

    test('the same key and body return the first response again, acting once', async () => {
      const { app, actions } = setup();
      const headers = { ...alice, 'Idempotency-Key': 'replay-1' };
      const first = await post(app, '/t/actions', headers, { amount: 5 });
      assert.equal(first.status, 201);
      assert.equal(first.headers.get('Idempotent-Replayed'), null);
      const firstBody = await first.text();

      const again = await post(app, '/t/actions', headers, { amount: 5 });
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.match(again.headers.get('Content-Type') ?? '', /^application\/json/);
      assert.equal(await again.text(), firstBody);
      assert.deepEqual(actions.performed, [{ memberId: 'alice', amount: 5 }]);
    });

    test('a key is scoped to its caller, method and path', async () => {
      const { app, actions } = setup();
      const key = { 'Idempotency-Key': 'scoped-1' };
      assert.equal((await post(app, '/t/actions', { ...alice, ...key }, { amount: 1 })).status, 201);
      assert.equal((await post(app, '/t/actions', { ...bob, ...key }, { amount: 1 })).status, 201);
      assert.equal((await post(app, '/t/other-actions', { ...alice, ...key }, { amount: 1 })).status, 201);
      assert.equal(actions.performed.length, 3);
    });

    test('the same key with another body is a 409 idempotency_conflict, acting once', async () => {
      const { app, actions } = setup();
      const headers = { ...alice, 'Idempotency-Key': 'conflict-1' };
      assert.equal((await post(app, '/t/actions', headers, { amount: 5 })).status, 201);
      const conflict = await post(app, '/t/actions', headers, { amount: 6 });
      assert.equal(conflict.status, 409);
      const problem = await problemOf(conflict);
      assert.equal(problem.code, 'idempotency_conflict');
      assert.equal(actions.performed.length, 1);
    });

    test('a retry racing the first request waits for it and gets the same answer, acting once', async () => {
      const { app, actions } = setup();
      const release = deferred();
      actions.gate = release.promise;
      const headers = { ...alice, 'Idempotency-Key': 'race-1' };

      const first = post(app, '/t/actions', headers, { amount: 7 });
      await actions.entered.promise;
      const second = post(app, '/t/actions', headers, { amount: 7 });
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(actions.performed.length, 0, 'the first is still in flight');
      release.resolve();

      const [a, b] = await Promise.all([first, second]);
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      assert.equal(await a.text(), await b.text());
      assert.equal(b.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(actions.performed, [{ memberId: 'alice', amount: 7 }]);
    });

    test('many simultaneous requests with one key act once and all get the same answer', async () => {
      const { app, actions } = setup();
      const headers = { ...alice, 'Idempotency-Key': 'burst-1' };
      const responses = await Promise.all(Array.from({ length: 8 }, () => post(app, '/t/actions', headers, { amount: 2 })));
      const bodies = await Promise.all(responses.map((r) => r.text()));
      assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([201]));
      assert.equal(new Set(bodies).size, 1);
      assert.equal(responses.filter((r) => r.headers.get('Idempotent-Replayed') === 'true').length, 7);
      assert.equal(actions.performed.length, 1);
    });

    test('a retry that waits too long is told to come back, with Retry-After', async () => {
      const { app, actions } = setup({ waitTimeoutMs: 100 });
      const release = deferred();
      actions.gate = release.promise;
      const headers = { ...alice, 'Idempotency-Key': 'slow-1' };
      const first = post(app, '/t/actions', headers, { amount: 1 });
      await actions.entered.promise;
      const impatient = await post(app, '/t/actions', headers, { amount: 1 });
      assert.equal(impatient.status, 409);
      assert.equal(impatient.headers.get('Retry-After'), '1');
      assert.equal((await problemOf(impatient)).code, 'idempotency_conflict');
      release.resolve();
      assert.equal((await first).status, 201);
      assert.equal(actions.performed.length, 1);
    });

    test('a 5xx releases the key, so a retry with it acts', async () => {
      const { app, actions } = setup();
      actions.failNext = true;
      const headers = { ...alice, 'Idempotency-Key': 'fail-1' };
      const failed = await post(app, '/t/actions', headers, { amount: 3 });
      assert.equal(failed.status, 500);
      assert.equal((await problemOf(failed)).code, 'internal');
      assert.equal(actions.performed.length, 0);

      const retry = await post(app, '/t/actions', headers, { amount: 3 });
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('Idempotent-Replayed'), null);
      assert.equal(actions.performed.length, 1);
      const replay = await post(app, '/t/actions', headers, { amount: 3 });
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(actions.performed.length, 1);
    });

    test('a 4xx answer is final and replayed as it was', async () => {
      const { app, actions } = setup();
      const headers = { ...alice, 'Idempotency-Key': 'refused-1' };
      const first = await post(app, '/t/refusals', headers);
      assert.equal(first.status, 409);
      const firstBody = await problemOf(first);
      const again = await post(app, '/t/refusals', headers);
      assert.equal(again.status, 409);
      assert.equal(again.headers.get('Content-Type'), 'application/problem+json');
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await problemOf(again), firstBody);
      assert.equal(actions.performed.length, 1);
    });

    test('the shop has its own scope and replays too', async () => {
      const { app, actions } = setup();
      const headers = { 'X-Api-Key': API_KEY, 'Idempotency-Key': 'shop-1' };
      const first = await post(app, '/t/shop-actions', headers);
      const again = await post(app, '/t/shop-actions', headers);
      assert.deepEqual(await again.json(), await first.json());
      assert.equal(actions.performed.length, 1);
    });

    test('a key left unanswered by an older server is free at once', async () => {
      const { app, actions } = setup();
      await db.query(`INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ('member:alice POST /t/actions', 'orphan-1', 'whatever')`);
      const res = await post(app, '/t/actions', { ...alice, 'Idempotency-Key': 'orphan-1' }, { amount: 4 });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('Idempotent-Replayed'), null);
      assert.equal(actions.performed.length, 1);
    });

    test('a finished key expires: past its time to live the same key acts again', async () => {
      const { app, actions } = setup({ ttlSeconds: 60 });
      const headers = { ...alice, 'Idempotency-Key': 'expiring-1' };
      assert.equal((await post(app, '/t/actions', headers, { amount: 1 })).status, 201);
      assert.equal((await post(app, '/t/actions', headers, { amount: 1 })).headers.get('Idempotent-Replayed'), 'true');
      await db.query(`UPDATE idempotency_keys SET created_at = now() - interval '2 minutes' WHERE key = 'expiring-1'`);
      const after = await post(app, '/t/actions', headers, { amount: 1 });
      assert.equal(after.status, 201);
      assert.equal(after.headers.get('Idempotent-Replayed'), null);
      assert.equal(actions.performed.length, 2);
    });

    test('without a key, or on reads, nothing is remembered', async () => {
      const { app, actions } = setup();
      assert.equal((await post(app, '/t/actions', alice, { amount: 1 })).status, 201);
      assert.equal((await post(app, '/t/actions', alice, { amount: 1 })).status, 201);
      assert.equal(actions.performed.length, 2);
      const read = await app.request('/t/read', { headers: { ...alice, 'Idempotency-Key': 'read-1' } });
      assert.equal(read.status, 200);
      const { rows } = await db.query(`SELECT 1 FROM idempotency_keys WHERE key = 'read-1'`);
      assert.equal(rows.length, 0);
    });

    test('a key must be 1 to 255 characters', async () => {
      const { app, actions } = setup();
      for (const key of ['', 'k'.repeat(256), 'naïve']) {
        const res = await post(app, '/t/actions', { ...alice, 'Idempotency-Key': key }, { amount: 1 });
        assert.equal(res.status, 400, JSON.stringify(key));
        assert.equal((await problemOf(res)).code, 'invalid_request');
      }
      assert.equal(actions.performed.length, 0);
      const longest = await post(app, '/t/actions', { ...alice, 'Idempotency-Key': 'k'.repeat(255) }, { amount: 1 });
      assert.equal(longest.status, 201);
    });
  });
}
