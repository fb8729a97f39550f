import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { makeApp, MEMBER_SECRET, SHOP_ORIGIN } from './support.ts';

const preflight = (origin: string, requestHeaders = 'authorization,content-type,idempotency-key') => ({
  method: 'OPTIONS',
  headers: {
    Origin: origin,
    'Access-Control-Request-Method': 'POST',
    'Access-Control-Request-Headers': requestHeaders,
  },
});

const listOf = (value: string | null) => (value ?? '').split(',').map((h) => h.trim().toLowerCase());

test('a preflight from a configured origin is allowed with the API headers', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/echo', preflight(SHOP_ORIGIN));
  assert.equal(res.status, 204);
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), SHOP_ORIGIN);
  const allowed = listOf(res.headers.get('Access-Control-Allow-Headers'));
  for (const header of ['authorization', 'content-type', 'idempotency-key']) assert.ok(allowed.includes(header), header);
  assert.ok(!allowed.includes('x-api-key'), 'the shop key is not for browsers');
  assert.ok(listOf(res.headers.get('Access-Control-Allow-Methods')).includes('post'));
});

test('a preflight from any other origin gets no permission', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/echo', preflight('https://evil.example'));
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
});

test('responses to a configured origin expose Retry-After and X-Request-Id', async () => {
  const { app } = makeApp();
  const token = await signMemberToken(MEMBER_SECRET, 'alice', 600);
  const res = await app.request('/t/me', { headers: { Origin: SHOP_ORIGIN, Authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), SHOP_ORIGIN);
  const exposed = listOf(res.headers.get('Access-Control-Expose-Headers'));
  assert.ok(exposed.includes('retry-after'));
  assert.ok(exposed.includes('x-request-id'));
  assert.match(res.headers.get('Vary') ?? '', /Origin/);
});

test('error responses carry CORS headers too, so a page can read the problem', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/me', { headers: { Origin: SHOP_ORIGIN } });
  assert.equal(res.status, 401);
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), SHOP_ORIGIN);
});

test('responses to another origin carry no Access-Control-Allow-Origin', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/ledger?currency=coins', { headers: { Origin: 'https://evil.example' } });
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), null);
});

test('a refused origin is logged once, with the setting that would allow it', async () => {
  const { app, logs } = makeApp();
  await app.request('/t/echo', preflight('https://blog.example'));
  await app.request('/t/echo', preflight('https://blog.example'));
  await app.request('/t/echo', { headers: { Origin: 'https://blog.example' } });
  await app.request('/t/echo', preflight(SHOP_ORIGIN));
  const refused = logs.filter((record) => record.msg.startsWith('cross-origin request refused'));
  assert.deepEqual(
    refused.map((record) => [record.level, record.origin, record.setting]),
    [['warn', 'https://blog.example', 'REWARDS_ALLOWED_ORIGINS']],
  );
});
