import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { ProblemError } from '../../../../src/server/errors.ts';
import { MAX_BODY_BYTES, validJson } from '../../../../src/server/http/validate.ts';
import * as z from 'zod/mini';
import type { RouteModule } from '../../../../src/server/http/app.ts';
import { makeApp, MEMBER_SECRET, problemOf } from './support.ts';

const token = await signMemberToken(MEMBER_SECRET, 'm-1', 3600);
const member = { Authorization: `Bearer ${token}` };
const json = { 'Content-Type': 'application/json' };

/** A route that counts the actions it performs, to prove refused requests change nothing. */
function countingRoutes(): { routes: RouteModule; actions: () => number } {
  let actions = 0;
  const routes: RouteModule = (app, deps) => {
    app.post('/t/act', deps.member(), validJson(z.object({ note: z.string() })), (c) => {
      actions += 1;
      return c.json({ actions }, 201);
    });
    app.get('/t/conflict', () => {
      throw new ProblemError('already_checked_in', 'Already checked in on 2025-03-01.');
    });
  };
  return { routes, actions: () => actions };
}

function assertProblemShape(body: Record<string, unknown>, status: number, code: string): void {
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(typeof body.type, 'string');
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
}

test('an unknown route is a 404 not_found problem', async () => {
  const { app } = makeApp();
  const res = await app.request('/v1/nothing-here');
  assert.equal(res.status, 404);
  assertProblemShape(await problemOf(res), 404, 'not_found');
});

test('a ProblemError thrown by a route becomes its problem document', async () => {
  const { routes } = countingRoutes();
  const { app } = makeApp({ routes: [routes] });
  const res = await app.request('/t/conflict');
  assert.equal(res.status, 409);
  const body = await problemOf(res);
  assertProblemShape(body, 409, 'already_checked_in');
  assert.equal(body.detail, 'Already checked in on 2025-03-01.');
  assert.equal(body.errors, undefined);
});

test('an unexpected error is a bare 500 internal, logged with its request id', async () => {
  const { app, logs } = makeApp();
  const res = await app.request('/t/boom', { headers: { 'X-Request-Id': 'req-boom-1' } });
  assert.equal(res.status, 500);
  const text = await res.clone().text();
  assert.doesNotMatch(text, /postgres|secret|Error/);
  const body = await problemOf(res);
  assertProblemShape(body, 500, 'internal');
  assert.equal(body.errors, undefined);
  assert.equal(res.headers.get('X-Request-Id'), 'req-boom-1');
  const logged = logs.find((r) => r.level === 'error');
  assert.ok(logged, 'the error is logged');
  assert.equal(logged.requestId, 'req-boom-1');
  assert.match(JSON.stringify(logged.error), /postgres:\/\/secret@db/);
});

test('malformed JSON is a 400 invalid_request with field errors, and nothing happens', async () => {
  const { routes, actions } = countingRoutes();
  const { app } = makeApp({ routes: [routes] });
  const res = await app.request('/t/act', { method: 'POST', headers: { ...member, ...json }, body: '{"note": "a",' });
  assert.equal(res.status, 400);
  const body = await problemOf(res);
  assertProblemShape(body, 400, 'invalid_request');
  assert.ok(Array.isArray(body.errors) && body.errors.length > 0);
  assert.equal(actions(), 0);
});

test('a JSON body sent with another content type is refused', async () => {
  const { routes, actions } = countingRoutes();
  const { app } = makeApp({ routes: [routes] });
  const res = await app.request('/t/act', {
    method: 'POST',
    headers: { ...member, 'Content-Type': 'text/plain' },
    body: '{"note":"a"}',
  });
  assert.equal(res.status, 400);
  assertProblemShape(await problemOf(res), 400, 'invalid_request');
  assert.equal(actions(), 0);
});

test('wrong types, unknown fields and negative or fractional amounts list each problem by path', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/echo', {
    method: 'POST',
    headers: { ...member, ...json },
    body: JSON.stringify({ name: 7, coins: -1.5, extra: true }),
  });
  assert.equal(res.status, 400);
  const body = await problemOf(res);
  assertProblemShape(body, 400, 'invalid_request');
  const errors = body.errors as { path: string; message: string }[];
  const paths = errors.map((e) => e.path).sort();
  assert.ok(paths.includes('body.name'), JSON.stringify(errors));
  assert.ok(paths.includes('body.coins'), JSON.stringify(errors));
  assert.ok(
    errors.some((e) => /extra/.test(e.message)),
    JSON.stringify(errors),
  );
  for (const error of errors) assert.equal(typeof error.message, 'string');
});

test('a missing body is a 400 for a route that needs one', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/echo', { method: 'POST', headers: member });
  assert.equal(res.status, 400);
  assertProblemShape(await problemOf(res), 400, 'invalid_request');
});

test('a valid body reaches the handler, validated', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/echo', {
    method: 'POST',
    headers: { ...member, 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ name: 'Mars', coins: 3 }),
  });
  assert.equal(res.status, 201);
  assert.deepEqual(await res.json(), { name: 'Mars', coins: 3 });
});

test('query strings and path params are validated the same way', async () => {
  const { app } = makeApp();
  const badQuery = await app.request('/t/ledger?currency=gold');
  assert.equal(badQuery.status, 400);
  const q = await problemOf(badQuery);
  assertProblemShape(q, 400, 'invalid_request');
  assert.deepEqual(
    (q.errors as { path: string }[]).map((e) => e.path),
    ['query.currency'],
  );
  assert.deepEqual(await (await app.request('/t/ledger?currency=points')).json(), { currency: 'points' });

  const badParam = await app.request('/t/orders/12x');
  assert.equal(badParam.status, 400);
  const p = await problemOf(badParam);
  assert.deepEqual(
    (p.errors as { path: string }[]).map((e) => e.path),
    ['params.n'],
  );
  assert.deepEqual(await (await app.request('/t/orders/12')).json(), { n: 12 });
});

test('a body over 64 KiB is a 413 problem and nothing happens; 64 KiB exactly is accepted', async () => {
  const { routes, actions } = countingRoutes();
  const { app } = makeApp({ routes: [routes] });
  const envelope = JSON.stringify({ note: '' });
  const exact = JSON.stringify({ note: 'x'.repeat(MAX_BODY_BYTES - envelope.length) });
  assert.equal(Buffer.byteLength(exact), 64 * 1024);

  const over = await app.request('/t/act', { method: 'POST', headers: { ...member, ...json }, body: `${exact} ` });
  assert.equal(over.status, 413);
  assertProblemShape(await problemOf(over), 413, 'payload_too_large');
  assert.equal(actions(), 0);

  // A declared length is trusted for an early refusal too.
  const declared = await app.request('/t/act', {
    method: 'POST',
    headers: { ...member, ...json, 'Content-Length': String(MAX_BODY_BYTES + 1) },
    body: `${exact} `,
  });
  assert.equal(declared.status, 413);
  assert.equal(actions(), 0);

  const ok = await app.request('/t/act', { method: 'POST', headers: { ...member, ...json }, body: exact });
  assert.equal(ok.status, 201);
  assert.equal(actions(), 1);
});
