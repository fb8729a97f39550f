// A page whose origin the API does not allow sees the request fail like a dead network. The SDK
// tells the two apart with one request the browser does not guard (no-cors), stops retrying, and
// the element's console warning names the cause.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { failureEvent } from '../../../src/elements/shared/failures.ts';
import { createRewardsClient, isRewardsError, OriginRefusedError, RewardsError } from '../../../src/sdk/index.ts';

const PAGE = 'https://blog.example';
const API = 'https://rewards.example';

interface Call {
  url: string;
  init: RequestInit;
}

/**
 * The browser's own fetch as a page on PAGE sees it: CORS requests fail; no-cors requests get an
 * (opaque) answer when the server is up. Installed as globalThis.fetch, as in a page.
 */
function browserFetch(serverUp: boolean) {
  const calls: Call[] = [];
  globalThis.fetch = (input: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    if (init.mode === 'no-cors' && serverUp) return Promise.resolve(new Response(null, { status: 200 }));
    return Promise.reject(new TypeError('Failed to fetch'));
  };
  return { calls };
}

const realFetch = globalThis.fetch;

const retry = { attempts: 4, baseDelayMs: 1, maxDelayMs: 2 };

beforeEach(() => {
  Object.defineProperty(globalThis, 'location', { value: { origin: PAGE }, configurable: true });
});
afterEach(() => {
  delete (globalThis as { location?: unknown }).location;
  globalThis.fetch = realFetch;
});

test('a refused origin fails at once, without retries, and says which origin to allow', async () => {
  const { calls } = browserFetch(true);
  const client = createRewardsClient({ baseUrl: API, getToken: () => 'member-token', retry });
  const error = await client.getMe().then(
    () => assert.fail('resolved'),
    (failure: unknown) => failure,
  );
  assert.ok(isRewardsError(error, 'network'));
  assert.ok(error.cause instanceof OriginRefusedError);
  assert.match(error.detail, /origin https:\/\/blog\.example is probably not allowed.*REWARDS_ALLOWED_ORIGINS/);
  assert.deepEqual(
    calls.map((call) => call.init.mode ?? 'cors'),
    ['cors', 'no-cors', 'cors'],
    'a request, a probe, the request once more: no backoff retries',
  );
  const probe = calls[1]!;
  assert.equal(probe.url, `${API}/v1/me`);
  assert.deepEqual([probe.init.method, probe.init.mode, probe.init.credentials], ['GET', 'no-cors', 'omit']);
  assert.equal(probe.init.headers, undefined, 'the probe carries no token');
});

test('a server that is really down is still retried as a network failure', async () => {
  const { calls } = browserFetch(false);
  const client = createRewardsClient({ baseUrl: API, getToken: () => 'member-token', retry });
  await assert.rejects(client.getMe(), (error: unknown) => isRewardsError(error, 'network') && !(error.cause instanceof OriginRefusedError));
  assert.equal(calls.filter((call) => call.init.mode !== 'no-cors').length, 4);
});

test('a custom fetch (tests, instrumentation) is never second-guessed with a probe', async () => {
  browserFetch(true);
  const custom: Call[] = [];
  const fetch = (input: string | URL | Request, init: RequestInit = {}) => {
    custom.push({ url: String(input), init });
    return Promise.reject(new TypeError('Failed to fetch'));
  };
  const client = createRewardsClient({ baseUrl: API, getToken: () => 'member-token', fetch, retry });
  await assert.rejects(client.getMe(), (error: unknown) => isRewardsError(error, 'network') && !(error.cause instanceof OriginRefusedError));
  assert.equal(custom.length, 4);
});

test('a same-origin API is never probed', async () => {
  Object.defineProperty(globalThis, 'location', { value: { origin: API }, configurable: true });
  const { calls } = browserFetch(true);
  const client = createRewardsClient({ baseUrl: API, getToken: () => 'member-token', retry });
  await assert.rejects(client.getMe());
  assert.ok(calls.every((call) => call.init.mode !== 'no-cors'));
});

test("the elements' console warning names the refused origin once a page, not once an element", () => {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (message: string) => warnings.push(message);
  try {
    const refused = new RewardsError({ code: 'network', detail: 'x', cause: new OriginRefusedError(PAGE, 'https://other-rewards.example') });
    const event = failureEvent(refused, 'coin-balance');
    failureEvent(refused, 'level-progress');
    failureEvent(new RewardsError({ code: 'network', detail: 'The server could not be reached.' }), 'coin-history');
    assert.equal(event.detail.code, 'network');
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0]!,
      /^member-rewards-kit: <coin-balance> https:\/\/other-rewards\.example answered.*origin https:\/\/blog\.example.*REWARDS_ALLOWED_ORIGINS/,
    );
  } finally {
    console.warn = original;
  }
});
