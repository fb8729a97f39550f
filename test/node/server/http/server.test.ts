import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RouteModule } from '../../../../src/server/http/app.ts';
import { startHttpServer } from '../../../../src/server/http/server.ts';
import { makeApp } from './support.ts';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

test('the server answers over the network and closes gracefully, waiting for an in-flight request', async () => {
  const entered = deferred();
  const release = deferred();
  const slowRoutes: RouteModule = (app) => {
    app.get('/t/fast', (c) => c.json({ fast: true }));
    app.get('/t/slow', async (c) => {
      entered.resolve();
      await release.promise;
      return c.json({ finished: true });
    });
  };
  const { app } = makeApp({ routes: [slowRoutes] });
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.notEqual(server.port, 0);

  const fast = await fetch(`${server.url}/t/fast`);
  assert.equal(fast.status, 200);
  assert.match(fast.headers.get('X-Request-Id') ?? '', /^[0-9a-f-]{36}$/);
  assert.deepEqual(await fast.json(), { fast: true });

  const slow = fetch(`${server.url}/t/slow`);
  await entered.promise;

  let closed = false;
  const closing = server.close().then(() => {
    closed = true;
  });
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(closed, false, 'close waits for the in-flight request');
  await assert.rejects(fetch(`${server.url}/t/fast`), 'no new connection is accepted while closing');

  release.resolve();
  const res = await slow;
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { finished: true });
  await closing;
  assert.equal(closed, true);
});

test('a busy port is reported as a startup error', async () => {
  const { app } = makeApp();
  const first = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  try {
    await assert.rejects(startHttpServer(app, { port: first.port, host: '127.0.0.1' }), /EADDRINUSE/);
  } finally {
    await first.close();
  }
});
