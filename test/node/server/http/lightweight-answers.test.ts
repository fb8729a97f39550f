/**
 * Over a real socket the server answers with @hono/node-server's lightweight Response, which the
 * middleware leaves as it is (see response-body.ts): these tests check that every header and
 * guarantee still holds there, and that the lightweight path is really taken (should a new
 * version of the adapter keep its body elsewhere, the first test says so).
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createRewardsApp } from '../../../../src/server/app.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import type { RouteModule } from '../../../../src/server/http/app.ts';
import { silentLogger } from '../../../../src/server/http/logger.ts';
import { knownBodyText } from '../../../../src/server/http/response-body.ts';
import { startHttpServer, type RunningServer } from '../../../../src/server/http/server.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { makeApp, MEMBER_SECRET, SHOP_ORIGIN, testConfig } from './support.ts';

test('the body of a JSON answer is known without reading it over a socket', async () => {
  const seen: Array<string | null | undefined> = [];
  const routes: RouteModule = (app) => {
    app.use('/t/*', async (c, next) => {
      await next();
      seen.push(knownBodyText(c.res));
    });
    app.get('/t/json', (c) => c.json({ ok: 'é' }));
    app.get('/t/empty', (c) => c.body(null, 204));
  };
  const { app } = makeApp({ routes: [routes] });
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  try {
    const res = await fetch(`${server.url}/t/json`);
    assert.equal(await res.text(), '{"ok":"é"}');
    assert.equal((await fetch(`${server.url}/t/empty`)).status, 204);
    assert.deepEqual(seen, ['{"ok":"é"}', null]);
  } finally {
    await server.close();
  }
});

for (const { name, open } of databaseTargets()) {
  describe(`a redemption over a socket on ${name}`, () => {
    let db: TestDatabase;
    let server: RunningServer;

    before(async () => {
      db = await open();
      await db.query(`INSERT INTO catalog_items (id, kind, name, coins, stock) VALUES ('sticker', 'product', 'Sticker', 10, 1000)`);
      await db.query(`INSERT INTO members (id, coins_available) VALUES ('rich', 1000)`);
      const app = createRewardsApp({ config: testConfig(), db, logger: silentLogger, demoDir: null });
      server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      await server.close();
      await db.drop();
    });

    const redeem = async (key: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/v1/me/redemptions`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, 'rich', 3600)}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
          Origin: SHOP_ORIGIN,
          ...headers,
        },
        body,
      });

    test('carries every header, and a retry replays the same bytes without acting again', async () => {
      const first = await redeem('socket-1', JSON.stringify({ catalogItemId: 'sticker' }), { 'Accept-Encoding': 'gzip, br' });
      const text = await first.text();
      assert.equal(first.status, 201, text);
      assert.equal(first.headers.get('Content-Type'), 'application/json');
      assert.equal(first.headers.get('Content-Encoding'), null, 'a small answer is not compressed');
      assert.match(first.headers.get('X-Request-Id') ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(first.headers.get('Cache-Control'), 'no-store');
      assert.equal(first.headers.get('X-Content-Type-Options'), 'nosniff');
      assert.equal(first.headers.get('Access-Control-Allow-Origin'), SHOP_ORIGIN);
      assert.equal(first.headers.get('Access-Control-Expose-Headers'), 'Retry-After,X-Request-Id,Idempotent-Replayed');
      assert.deepEqual(
        (first.headers.get('Vary') ?? '').split(',').map((v) => v.trim()),
        ['Origin', 'Accept-Encoding'],
      );
      assert.equal((JSON.parse(text) as { coins: { available: number } }).coins.available, 990);

      const again = await redeem('socket-1', JSON.stringify({ catalogItemId: 'sticker' }));
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(await again.text(), text, 'byte-identical');
      const { rows } = await db.query<{ coins_available: number }>(`SELECT coins_available FROM members WHERE id = 'rich'`);
      assert.equal(rows[0]?.coins_available, 990, 'acted once');

      const other = await redeem('socket-1', JSON.stringify({ catalogItemId: 'other' }));
      assert.equal(other.status, 409, 'another body with the same key');
    });

    test('a refusal is stored as it was answered (problem+json) and replayed', async () => {
      const first = await redeem('socket-2', JSON.stringify({ catalogItemId: 'nothing-here' }));
      const text = await first.text();
      assert.equal(first.status, 404);
      assert.equal(first.headers.get('Content-Type'), 'application/problem+json');
      const again = await redeem('socket-2', JSON.stringify({ catalogItemId: 'nothing-here' }));
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(await again.text(), text);
    });

    test('a body above the limit is refused by its declared length, before it is read', async () => {
      const res = await redeem('socket-3', JSON.stringify({ catalogItemId: 'x'.repeat(70 * 1024) }));
      assert.equal(res.status, 413);
      assert.equal(res.headers.get('Content-Type'), 'application/problem+json');
    });
  });
}

test('a large JSON answer over a socket is still compressed, with its Vary', async () => {
  const routes: RouteModule = (app) => app.get('/t/big', (c) => c.json({ items: Array.from({ length: 500 }, (_, i) => ({ i, name: `item ${i}` })) }));
  const server = await startHttpServer(makeApp({ routes: [routes] }).app, { port: 0, host: '127.0.0.1' });
  try {
    // fetch decompresses; the header says what travelled.
    const res = await fetch(`${server.url}/t/big`, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(res.headers.get('Content-Encoding'), 'br');
    assert.match(res.headers.get('Vary') ?? '', /Accept-Encoding/);
    assert.equal(((await res.json()) as { items: unknown[] }).items.length, 500);
  } finally {
    await server.close();
  }
});

test('a POST with neither Content-Length nor Transfer-Encoding has an empty body over HTTP/1.1', async () => {
  const routes: RouteModule = (app) => app.post('/t/echo', async (c) => c.json({ bytes: (await c.req.arrayBuffer()).byteLength }));
  const server = await startHttpServer(makeApp({ routes: [routes] }).app, { port: 0, host: '127.0.0.1' });
  try {
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('latin1')));
      socket.on('error', reject);
      socket.on('end', () => resolve(received));
      socket.write('POST /t/echo HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    });
    assert.match(text, /^HTTP\/1\.1 200 /);
    assert.match(text, /\{"bytes":0\}$/);
  } finally {
    await server.close();
  }
});
