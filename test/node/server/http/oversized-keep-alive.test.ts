/**
 * After a 413 the server closes the connection it announced as such, so a client on a keep-alive
 * socket sends its next request on a new connection instead of into a reset one.
 */
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { test } from 'node:test';
import type { RouteModule } from '../../../../src/server/http/app.ts';
import { startHttpServer } from '../../../../src/server/http/server.ts';
import { MAX_BODY_BYTES } from '../../../../src/server/http/validate.ts';
import { makeApp } from './support.ts';

const echo: RouteModule = (app) => {
  app.post('/t/echo', async (c) => c.json({ bytes: (await c.req.text()).length }));
};

/** Writes `raw` on a fresh socket and resolves with everything the server sent until it closed. */
function rawExchange(port: number, raw: string | Buffer): Promise<{ text: string; closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false });
    }, 3000);
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('end', () => {
      clearTimeout(timer);
      resolve({ text, closedByServer: true });
    });
    socket.write(raw);
  });
}

test('a 413 answers Connection: close and then closes the socket (raw socket, Content-Length)', async () => {
  const server = await startHttpServer(makeApp({ routes: [echo] }).app, { port: 0, host: '127.0.0.1' });
  try {
    const body = 'x'.repeat(MAX_BODY_BYTES + 1);
    const { text, closedByServer } = await rawExchange(
      server.port,
      `POST /t/echo HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    assert.match(text, /^HTTP\/1\.1 413 /);
    assert.match(text, /\r\nconnection: close\r\n/i);
    assert.doesNotMatch(text, /\r\nconnection: keep-alive\r\n/i);
    assert.equal(closedByServer, true, 'the server closes the connection it said it would');
  } finally {
    await server.close();
  }
});

test('after a 413 on a keep-alive agent, the next requests succeed (Content-Length and chunked)', async () => {
  const server = await startHttpServer(makeApp({ routes: [echo] }).app, { port: 0, host: '127.0.0.1' });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: string, chunked: boolean) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers: Record<string, string | number> = { 'Content-Type': 'application/json' };
      if (!chunked) headers['Content-Length'] = Buffer.byteLength(body);
      const req = httpRequest({ host: '127.0.0.1', port: server.port, method: 'POST', path: '/t/echo', agent, headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (chunked) {
        // Streamed in pieces, so the limit trips while the body is still arriving.
        for (let sent = 0; sent < body.length; sent += 16_384) req.write(body.slice(sent, sent + 16_384));
        req.end();
      } else req.end(body);
    });
  try {
    for (const chunked of [false, true]) {
      for (let round = 0; round < 5; round += 1) {
        const big = await post(JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) }), chunked).catch((error: Error) => ({
          status: -1,
          text: error.message,
        }));
        // A client may also see the reset before reading the 413 of a streamed body; never a hang.
        assert.ok(big.status === 413 || (chunked && big.status === -1), `${big.status} ${big.text}`);
        const small = await post('{"a":1}', chunked);
        assert.equal(small.status, 200, `round ${round}: the request after a 413 works (${small.text})`);
        assert.deepEqual(JSON.parse(small.text), { bytes: 7 });
      }
    }
  } finally {
    agent.destroy();
    await server.close();
  }
});
