// What an operator's probes and a browser see on every answer: liveness and readiness, compression,
// nosniff and the HTML pages' Content Security Policy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createRewardsApp } from '../../../../src/server/app.ts';
import { chooseEncoding } from '../../../../src/server/http/compression.ts';
import { createCapturingLogger } from '../../../../src/server/http/logger.ts';
import { HTML_CONTENT_SECURITY_POLICY } from '../../../../src/server/http/security-headers.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { makeApp, problemOf, testConfig, unreachableDb } from './support.ts';

const rewardsApp = (demoDir?: string | null) =>
  createRewardsApp({ config: testConfig(), db: unreachableDb, logger: createCapturingLogger(), ...(demoDir === undefined ? {} : { demoDir }) });

test('GET /healthz says the process is alive without asking the database', async () => {
  const res = await makeApp().app.request('/healthz');
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
});

test('GET /readyz is 503 "database unreachable" when the database does not answer', async () => {
  const { app, logs } = makeApp();
  const res = await app.request('/readyz');
  assert.equal(res.status, 503);
  assert.deepEqual(await res.json(), { status: 'not ready', reason: 'database unreachable' });
  assert.equal(res.headers.get('Cache-Control'), 'no-store');
  assert.ok(logs.some((r) => r.level === 'warn' && r.msg === 'readiness check failed'));
});

for (const target of databaseTargets()) {
  describe(`readiness on ${target.name}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await target.open();
    });
    after(async () => {
      await db.drop();
    });

    test('GET /readyz is 200 once every migration of this build is applied, 503 while one is missing', async () => {
      const { app } = makeApp({ db });
      const ready = await app.request('/readyz');
      assert.equal(ready.status, 200);
      assert.deepEqual(await ready.json(), { status: 'ready' });

      // As if a newer build's migration had not run yet.
      await db.query('DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)');
      const pending = await app.request('/readyz');
      assert.equal(pending.status, 503);
      assert.deepEqual(await pending.json(), { status: 'not ready', reason: 'migrations pending' });
    });
  });
}

describe('compression', () => {
  const app = rewardsApp(null);
  const openapi = (acceptEncoding?: string) =>
    app.request('/v1/openapi.json', acceptEncoding === undefined ? {} : { headers: { 'Accept-Encoding': acceptEncoding } });
  let identity: string;
  before(async () => {
    identity = await (await openapi()).text();
  });

  test('the OpenAPI document comes as brotli to a browser, and decodes to the same document', async () => {
    const res = await openapi('gzip, deflate, br, zstd');
    assert.equal(res.headers.get('Content-Encoding'), 'br');
    assert.match(res.headers.get('Vary') ?? '', /Accept-Encoding/);
    const compressed = Buffer.from(await res.arrayBuffer());
    assert.ok(compressed.byteLength * 5 < Buffer.byteLength(identity), `${compressed.byteLength} B of ${Buffer.byteLength(identity)} B`);
    assert.equal(brotliDecompressSync(compressed).toString(), identity);
  });

  test('gzip for a client without brotli; nothing for a client that accepts neither', async () => {
    const gzipped = await openapi('gzip');
    assert.equal(gzipped.headers.get('Content-Encoding'), 'gzip');
    assert.equal(gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString(), identity);

    const plain = await openapi('identity');
    assert.equal(plain.headers.get('Content-Encoding'), null);
    assert.equal(await plain.text(), identity);
    // A cache must still keep the encodings apart.
    assert.match(plain.headers.get('Vary') ?? '', /Accept-Encoding/);
  });

  test('small answers and HEAD requests go uncompressed', async () => {
    const small = await app.request('/healthz', { headers: { 'Accept-Encoding': 'br, gzip' } });
    assert.equal(small.headers.get('Content-Encoding'), null);
    assert.deepEqual(await small.json(), { status: 'ok' });
    const head = await app.request('/v1/openapi.json', { method: 'HEAD', headers: { 'Accept-Encoding': 'br' } });
    assert.equal(head.headers.get('Content-Encoding'), null);
  });

  test('HTML and JavaScript of the demo pages are compressed too', async () => {
    const demo = rewardsApp();
    for (const path of ['/docs', '/demo.js']) {
      const res = await demo.request(path, { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('Content-Encoding'), 'gzip', path);
    }
  });

  test('the encoding follows Accept-Encoding weights: q=0 refuses, a higher q wins, brotli wins a tie', () => {
    assert.equal(chooseEncoding('gzip, br'), 'br');
    assert.equal(chooseEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(chooseEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
    assert.equal(chooseEncoding('*'), 'br');
    assert.equal(chooseEncoding('*;q=0'), undefined);
    assert.equal(chooseEncoding('deflate'), undefined);
    assert.equal(chooseEncoding(undefined), undefined);
  });
});

describe('security headers', () => {
  test('every answer says nosniff: JSON, problems and static files', async () => {
    const app = rewardsApp();
    for (const path of ['/v1/levels', '/v1/no-such-thing', '/demo.css']) {
      const res = await app.request(path);
      assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff', path);
    }
    const missing = await app.request('/v1/no-such-thing');
    assert.equal(missing.status, 404);
    assert.equal((await problemOf(missing)).code, 'not_found');
  });

  test('HTML pages forbid framing by other sites and scripts from elsewhere; JSON answers carry no policy', async () => {
    const app = rewardsApp();
    for (const path of ['/', '/account.html', '/docs']) {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      const policy = res.headers.get('Content-Security-Policy') ?? '';
      assert.match(policy, /frame-ancestors 'none'/, path);
      // The demo pages load their scripts from this origin; /docs runs none at all.
      assert.match(policy, /script-src 'self'(;|$)|default-src 'none'/, path);
      assert.doesNotMatch(policy, /'unsafe-eval'/, path);
    }
    assert.equal((await app.request('/account.html')).headers.get('Content-Security-Policy'), HTML_CONTENT_SECURITY_POLICY);
    const json = await app.request('/v1/levels');
    assert.equal(json.headers.get('Content-Security-Policy'), null);
  });
});
