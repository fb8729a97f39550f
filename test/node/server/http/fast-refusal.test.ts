/**
 * A waiting member's refused token is answered by the node:http server before the app: byte for
 * byte what the app answers (the Date aside), with the same log line, and only for the exact token
 * the rate limit refused (or another verified token of the member's, refused while they wait), on
 * a member route, for a request the app would refuse the same way.
 * Everything else still reaches the app.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { startHttpServer, type RunningServer } from '../../../../src/server/http/server.ts';
import { API_KEY, exchange, makeApp, ManualClock, MEMBER_SECRET, SHOP_ORIGIN } from './support.ts';

const LIMIT = { ratePerSecond: 1, burst: 2, maxInFlight: 4 };

const withoutDate = (answer: string) => answer.replace(/\r\nDate: [^\r]+/, '');
const statusOf = (answer: string) => Number(answer.slice(9, 12));

describe('the fast refusal of a waiting token', () => {
  const clock = new ManualClock();
  const { app, logs } = makeApp({ clock, rateLimit: LIMIT });
  /** Requests that reached the app. */
  let reachedApp = 0;
  const appFetch = app.fetch;
  app.fetch = (...args) => (reachedApp++, appFetch(...args));
  let server: RunningServer;
  let tokenA: string;
  let tokenB: string;

  const send = async (path: string, headers: Record<string, string>, { method = 'GET', body = '' } = {}) => {
    const lines = Object.entries({ Host: 'localhost', ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) }).map(
      ([k, v]) => `${k}: ${v}\r\n`,
    );
    const before = reachedApp;
    const answer = await exchange(server.port, `${method} ${path} HTTP/1.1\r\n${lines.join('')}\r\n${body}`, method === 'HEAD');
    return { answer, status: statusOf(answer), viaApp: reachedApp > before };
  };

  before(async () => {
    server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
    tokenA = await signMemberToken(MEMBER_SECRET, 'fast-a', 3600, clock.now());
    tokenB = await signMemberToken(MEMBER_SECRET, 'fast-b', 3600, clock.now());
  });
  after(() => server.close());

  test('answers byte for byte what the app answered, without the app, once the app has answered it on that route', async () => {
    const a = { Authorization: `Bearer ${tokenA}`, 'X-Request-Id': 'req-1' };
    for (let i = 0; i < LIMIT.burst; i++) assert.equal((await send('/t/me', a)).status, 200);
    const limited = await send('/t/me', a);
    assert.deepEqual([limited.status, limited.viaApp], [429, true], 'refused by the rate limit');
    const learnt = await send('/t/me', a);
    assert.deepEqual([learnt.status, learnt.viaApp], [429, true], "the token gate's first refusal on this route is the app's");
    const fast = await send('/t/me', a);
    assert.deepEqual([fast.status, fast.viaApp], [429, false], 'then the server answers it alone');
    assert.equal(withoutDate(fast.answer), withoutDate(learnt.answer));
    assert.equal(withoutDate(fast.answer), withoutDate(limited.answer), "the limiter's own refusal, too");
    assert.match(fast.answer, /\r\ncontent-type: application\/problem\+json\r\n/);
    assert.match(fast.answer, /\r\nretry-after: 1\r\n/);
    assert.match(fast.answer, /\r\nx-content-type-options: nosniff\r\n/);
    assert.match(fast.answer, /\r\nx-request-id: req-1\r\n/);

    const fresh = await send('/t/me', { Authorization: `Bearer ${tokenA}` });
    assert.deepEqual([fresh.status, fresh.viaApp], [429, false]);
    const id = /\r\nx-request-id: ([^\r]+)\r\n/.exec(fresh.answer)?.[1];
    assert.match(id ?? '', /^[0-9a-f-]{36}$/, 'a request id of its own when the caller sends none');
    const lines = logs.filter((record) => record.msg === 'request' && record.requestId === id);
    assert.equal(lines.length, 1, 'one log line, as the app writes');
    const { time: _time, ms, ...line } = lines[0]!;
    assert.equal(typeof ms, 'number');
    assert.deepEqual(line, { level: 'info', msg: 'request', requestId: id, method: 'GET', path: '/t/me', status: 429 });
    const appLine = logs.find((record) => record.msg === 'request' && record.status === 429);
    assert.deepEqual(Object.keys(appLine ?? {}), Object.keys(lines[0]!), "the app's line has the same fields");
  });

  test('another route is learnt from the app first; a body is not read', async () => {
    const a = { Authorization: `Bearer ${tokenA}`, 'Content-Type': 'application/json' };
    const first = await send('/t/echo', a, { method: 'POST', body: '{ not json' });
    assert.deepEqual([first.status, first.viaApp], [429, true]);
    const second = await send('/t/echo?x=1', a, { method: 'POST', body: '{ not json' });
    assert.deepEqual([second.status, second.viaApp], [429, false]);
    assert.equal(withoutDate(second.answer).replace(/x-request-id: [^\r]+/, ''), withoutDate(first.answer).replace(/x-request-id: [^\r]+/, ''));
  });

  test('a keep-alive connection goes on after a fast refusal that left its body unread', async () => {
    const body = '{"name":"x","coins":1}';
    const request = `POST /t/echo HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${tokenA}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const before = reachedApp;
    const answers = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString('latin1');
        if (text.split('HTTP/1.1 ').length - 1 === 2 && text.endsWith('}')) {
          socket.destroy();
          resolve(text);
        }
      });
      socket.on('error', reject);
      // Two requests in one write: the second is read only once the first one's body has been skipped.
      socket.write(request + request);
    });
    assert.deepEqual(answers.match(/HTTP\/1\.1 \d+/g), ['HTTP/1.1 429', 'HTTP/1.1 429']);
    assert.equal(reachedApp, before);
  });

  test('never answers for a token the rate limit did not refuse, nor for a request the app would treat otherwise', async () => {
    const b = await send('/t/me', { Authorization: `Bearer ${tokenB}` });
    assert.deepEqual([b.status, b.viaApp], [200, true], 'another member');
    const secondTokenOfA = await signMemberToken(MEMBER_SECRET, 'fast-a', 600, clock.now());
    const other = await send('/t/me', { Authorization: `Bearer ${secondTokenOfA}` });
    assert.deepEqual([other.status, other.viaApp], [429, true], 'another token of the waiting member: verified by the app');
    const otherAgain = await send('/t/me', { Authorization: `Bearer ${secondTokenOfA}` });
    assert.deepEqual([otherAgain.status, otherAgain.viaApp], [429, false], 'then held as refused, like the one the rate limit refused');
    assert.equal(withoutDate(otherAgain.answer).replace(/x-request-id: [^\r]+/, ''), withoutDate(other.answer).replace(/x-request-id: [^\r]+/, ''));
    const forged = await send('/t/me', { Authorization: `Bearer ${tokenA}x` });
    assert.deepEqual([forged.status, forged.viaApp], [401, true], 'not the exact text');

    const cases: [string, Record<string, string>, number][] = [
      ['with an Origin (CORS headers depend on it)', { Authorization: `Bearer ${tokenA}`, Origin: SHOP_ORIGIN }, 429],
      ['with an API key alongside', { Authorization: `Bearer ${tokenA}`, 'X-Api-Key': API_KEY }, 401],
      ['with two Authorization headers', { Authorization: `Bearer ${tokenA}`, authorization: `Bearer ${tokenA}` }, 401],
    ];
    for (const [what, headers, status] of cases) {
      const res = await send('/t/me', headers);
      assert.deepEqual([res.status, res.viaApp], [status, true], what);
    }
    const origin = await send('/t/me', { Authorization: `Bearer ${tokenA}`, Origin: SHOP_ORIGIN });
    assert.match(origin.answer, /\r\naccess-control-allow-origin: https:\/\/shop\.example\r\n/i);
    const encoded = await send('/t/%6De', { Authorization: `Bearer ${tokenA}` });
    assert.equal(encoded.viaApp, true, 'a percent-encoded path');
    const head = await send('/t/me', { Authorization: `Bearer ${tokenA}` }, { method: 'HEAD' });
    assert.equal(head.viaApp, true, 'HEAD');
    const publicRoute = await send('/t/ledger?currency=coins', { Authorization: `Bearer ${tokenA}` });
    assert.deepEqual([publicRoute.status, publicRoute.viaApp], [200, true], 'a route without the member chain');
    const shopRoute = await send('/t/shop', { Authorization: `Bearer ${tokenA}` }, { method: 'POST' });
    assert.deepEqual([shopRoute.status, shopRoute.viaApp], [403, true], "the shop's route");
  });

  test('once the wait has passed, the token reaches the app again', async () => {
    clock.advance(1_000);
    const res = await send('/t/me', { Authorization: `Bearer ${tokenA}` });
    assert.deepEqual([res.status, res.viaApp], [200, true]);
  });
});
