/**
 * Answers the reference server never gives (that is the point): a fake `fetch` plays a broken
 * server, a proxy's error page, a hung connection.
 */
import { expect } from '@open-wc/testing';
import { createRewardsClient, isRewardsError, RewardsError } from '../../../src/sdk/index.ts';

const validMe = {
  memberId: 'm1',
  displayName: null,
  points: 3,
  level: { index: 1, name: 'Mercury', discountPercent: 1 },
  nextLevel: { index: 2, name: 'Mars', pointsRequired: 500, pointsToGo: 497 },
  coins: { available: 4, pending: 0 },
  isSeller: false,
};

function fakeServer(answer: () => Response | Promise<Response>) {
  const calls: RequestInit[] = [];
  const fetchFn = async (_input: string, init: RequestInit) => {
    calls.push(init);
    return answer();
  };
  return { fetch: fetchFn, calls };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function client(fetchFn: (input: string, init: RequestInit) => Promise<Response>, extra: object = {}) {
  return createRewardsClient({
    baseUrl: 'https://rewards.example',
    getToken: () => 'a.b.c',
    fetch: fetchFn,
    retry: { random: () => 0, sleep: async () => {} },
    ...extra,
  });
}

async function failureOf(promise: Promise<unknown>): Promise<RewardsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(RewardsError);
    return error as RewardsError;
  }
  throw new Error('expected a failure');
}

describe('answers that break the contract are invalid_response', () => {
  it('accepts a valid answer (the fake itself is sound)', async () => {
    const server = fakeServer(() => json(validMe));
    expect(await client(server.fetch).getMe()).to.deep.equal(validMe);
  });

  it('wrong types', async () => {
    const server = fakeServer(() => json({ ...validMe, points: '3' }));
    const error = await failureOf(client(server.fetch).getMe());
    expect(error.code).to.equal('invalid_response');
    expect(error.status).to.equal(200);
    expect(error.detail).to.contain('points');
  });

  it('missing fields', async () => {
    const { coins: _coins, ...withoutCoins } = validMe;
    const server = fakeServer(() => json(withoutCoins));
    const error = await failureOf(client(server.fetch).getMe());
    expect(error.code).to.equal('invalid_response');
    expect(error.detail).to.contain('coins');
  });

  it('fractional coins and unknown enum values', async () => {
    const fractional = fakeServer(() => json({ ...validMe, coins: { available: 1.5, pending: 0 } }));
    expect((await failureOf(client(fractional.fetch).getMe())).code).to.equal('invalid_response');
    const badKind = fakeServer(() => json({ items: [{ id: 'x', kind: 'voucher', name: 'n', description: '', imageUrl: null, coins: 1, stock: 1 }] }));
    expect((await failureOf(client(badKind.fetch).getCatalog())).code).to.equal('invalid_response');
  });

  it('an HTML page with status 200', async () => {
    const server = fakeServer(() => new Response('<!doctype html><title>Shop</title>', { status: 200, headers: { 'Content-Type': 'text/html' } }));
    const error = await failureOf(client(server.fetch).getCatalog());
    expect(error.code).to.equal('invalid_response');
  });

  it('an HTML error page (404 from a misconfigured base URL) is not retried', async () => {
    const server = fakeServer(() => new Response('<html><h1>Not Found</h1></html>', { status: 404, headers: { 'Content-Type': 'text/html' } }));
    const error = await failureOf(client(server.fetch).getLevels());
    expect(error.code).to.equal('invalid_response');
    expect(error.status).to.equal(404);
    expect(server.calls).to.have.length(1);
  });

  it('a proxy HTML 502 is retried, then reported as invalid_response with its status', async () => {
    const server = fakeServer(() => new Response('<html>Bad Gateway</html>', { status: 502 }));
    const error = await failureOf(client(server.fetch, { retry: { attempts: 3, random: () => 0, sleep: async () => {} } }).getLevels());
    expect(error.code).to.equal('invalid_response');
    expect(error.status).to.equal(502);
    expect(server.calls).to.have.length(3);
  });

  it('invalid JSON and an empty body', async () => {
    const broken = fakeServer(() => new Response('{"levels": [', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    expect((await failureOf(client(broken.fetch).getLevels())).code).to.equal('invalid_response');
    const empty = fakeServer(() => new Response(null, { status: 200 }));
    expect((await failureOf(client(empty.fetch).getLevels())).code).to.equal('invalid_response');
  });

  it('a problem document with a code outside the contract', async () => {
    const server = fakeServer(() => json({ type: 't', title: 't', status: 409, detail: 'd', code: 'teapot' }, 409));
    const error = await failureOf(client(server.fetch).checkIn());
    expect(error.code).to.equal('invalid_response');
    expect(error.status).to.equal(409);
  });
});

describe('problem answers', () => {
  it('carry the code, status, detail, field errors and request id', async () => {
    const problem = {
      type: 'urn:member-rewards-kit:problem:invalid_request',
      title: 'The request is not valid',
      status: 400,
      detail: 'coins: must be at least 1',
      code: 'invalid_request',
      errors: [{ path: 'body.coins', message: 'must be at least 1' }],
    };
    const server = fakeServer(() => json(problem, 400, { 'Content-Type': 'application/problem+json', 'X-Request-Id': 'req-42' }));
    const error = await failureOf(client(server.fetch).donate('p1', 0));
    expect(error.code).to.equal('invalid_request');
    expect(error.status).to.equal(400);
    expect(error.detail).to.equal('coins: must be at least 1');
    expect(error.errors).to.deep.equal([{ path: 'body.coins', message: 'must be at least 1' }]);
    expect(error.requestId).to.equal('req-42');
    expect(error.name).to.equal('RewardsError');
    expect(isRewardsError(error, 'invalid_request', 'forbidden')).to.equal(true);
  });
});

describe('abort and timeout', () => {
  /** A server that never answers, until the request is aborted. */
  function hangingServer() {
    const calls: RequestInit[] = [];
    const fetchFn = (_input: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        calls.push(init);
        init.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    return { fetch: fetchFn, calls };
  }

  it('an already aborted signal makes no request', async () => {
    const server = hangingServer();
    const controller = new AbortController();
    controller.abort();
    const error = await failureOf(client(server.fetch).getMe({ signal: controller.signal }));
    expect(error.code).to.equal('aborted');
    expect(error.name).to.equal('AbortError');
    expect(server.calls).to.have.length(0);
  });

  it('aborting during a request rejects at once with aborted, and is not retried', async () => {
    const server = hangingServer();
    const controller = new AbortController();
    const pending = client(server.fetch).checkIn({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await failureOf(pending);
    expect(error.code).to.equal('aborted');
    expect(server.calls).to.have.length(1);
  });

  it('aborting during the wait between attempts stops the retries', async () => {
    const server = fakeServer(() => json({ type: 't', title: 't', status: 503, detail: 'busy', code: 'internal' }, 503));
    const controller = new AbortController();
    const slow = createRewardsClient({ baseUrl: 'https://rewards.example', fetch: server.fetch, retry: { baseDelayMs: 10_000, random: () => 1 } });
    const pending = slow.getLevels({ signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const error = await failureOf(pending);
    expect(error.code).to.equal('aborted');
    expect(server.calls).to.have.length(1);
  });

  it('each attempt has its own time limit; running out on every attempt is a timeout', async () => {
    const server = hangingServer();
    const started = Date.now();
    const error = await failureOf(client(server.fetch, { timeoutMs: 50, retry: { attempts: 2, random: () => 0, sleep: async () => {} } }).getLevels());
    expect(error.code).to.equal('timeout');
    expect(server.calls).to.have.length(2);
    expect(Date.now() - started).to.be.lessThan(2_000);
  });

  it('no call outlasts its retry budget: the last attempt gets only what is left of it', async () => {
    const server = hangingServer();
    const started = Date.now();
    // Attempts of up to 300 ms within a budget of 400 ms: the second one is cut at about 100 ms.
    const error = await failureOf(
      client(server.fetch, { timeoutMs: 300, retry: { attempts: 4, budgetMs: 400, random: () => 0, sleep: async () => {} } }).getLevels(),
    );
    const took = Date.now() - started;
    expect(error.code).to.equal('timeout');
    expect(server.calls).to.have.length.within(2, 3);
    expect(took).to.be.within(380, 540);
  });
});
