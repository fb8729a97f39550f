import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { createJsonLogger } from '../../../../src/server/http/logger.ts';
import { API_KEY, makeApp, MEMBER_SECRET, SHOP_ORIGIN } from './support.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('every response carries a request id: success, problem, not found, preflight', async () => {
  const { app } = makeApp();
  const responses = [
    await app.request('/t/ledger?currency=coins'),
    await app.request('/t/me'),
    await app.request('/nowhere'),
    await app.request('/t/echo', {
      method: 'OPTIONS',
      headers: { Origin: SHOP_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    }),
  ];
  const ids = responses.map((res) => res.headers.get('X-Request-Id') ?? '');
  for (const id of ids) assert.match(id, UUID);
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
});

test('a sane incoming request id is kept, an unsafe one replaced', async () => {
  const { app } = makeApp();
  const kept = await app.request('/t/ledger?currency=coins', { headers: { 'X-Request-Id': 'edge-42:abc.DEF_1' } });
  assert.equal(kept.headers.get('X-Request-Id'), 'edge-42:abc.DEF_1');
  for (const unsafe of ['a'.repeat(129), 'has space', 'quote"s', '{"json":1}']) {
    const res = await app.request('/t/ledger?currency=coins', { headers: { 'X-Request-Id': unsafe } });
    assert.match(res.headers.get('X-Request-Id') ?? '', UUID, unsafe);
  }
});

test('one structured log line per request, with no credential, key or query string', async () => {
  const lines: string[] = [];
  const { app } = makeApp({ logger: createJsonLogger((line) => lines.push(line)) });
  const token = await signMemberToken(MEMBER_SECRET, 'alice', 600);
  await app.request('/t/me?token=leaky-query-value', {
    headers: { Authorization: `Bearer ${token}`, 'X-Request-Id': 'req-1' },
  });
  await app.request('/t/shop', { method: 'POST', headers: { 'X-Api-Key': API_KEY, 'X-Request-Id': 'req-2' } });
  await app.request('/t/shop', { method: 'POST', headers: { 'X-Api-Key': 'wrong-key-value', 'X-Request-Id': 'req-3' } });

  assert.equal(lines.length, 3);
  const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.deepEqual(
    records.map(({ method, path, status, requestId }) => ({ method, path, status, requestId })),
    [
      { method: 'GET', path: '/t/me', status: 200, requestId: 'req-1' },
      { method: 'POST', path: '/t/shop', status: 200, requestId: 'req-2' },
      { method: 'POST', path: '/t/shop', status: 401, requestId: 'req-3' },
    ],
  );
  for (const record of records) {
    assert.equal(typeof record.ms, 'number');
    assert.equal(record.level, 'info');
    assert.ok(!Number.isNaN(Date.parse(String(record.time))));
  }
  const all = lines.join('\n');
  for (const secret of [token, API_KEY, 'wrong-key-value', 'leaky-query-value']) assert.ok(!all.includes(secret));
});

test('fields named like secrets are redacted by the logger itself', () => {
  const lines: string[] = [];
  const logger = createJsonLogger((line) => lines.push(line));
  logger.warn('careless call', { apiKey: 'k-123', authorization: 'Bearer t', memberSecret: 's', memberId: 'alice' });
  const record = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  assert.equal(record.apiKey, '[redacted]');
  assert.equal(record.authorization, '[redacted]');
  assert.equal(record.memberSecret, '[redacted]');
  assert.equal(record.memberId, 'alice');
  assert.equal(record.level, 'warn');
});
