import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeApp, SHOP_ORIGIN } from './support.ts';

test('routes added after creation still get the app-wide plumbing', async () => {
  const { app } = makeApp({ routes: [] });
  app.get('/t/late', (c) => c.json({ late: true }));
  const res = await app.request('/t/late', { headers: { Origin: SHOP_ORIGIN } });
  assert.equal(res.status, 200);
  assert.ok(res.headers.get('X-Request-Id'));
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), SHOP_ORIGIN);
});

test('a preflight to a guarded route is answered before any credential is asked for', async () => {
  const { app } = makeApp();
  const res = await app.request('/t/me', {
    method: 'OPTIONS',
    headers: { Origin: SHOP_ORIGIN, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
  });
  assert.equal(res.status, 204);
  assert.equal(res.headers.get('Access-Control-Allow-Origin'), SHOP_ORIGIN);
});
