import { expect } from '@open-wc/testing';
import { createRewardsClient, isRewardsError, type RetryOptions } from '../../../src/sdk/index.ts';
import { newMember, serverUrl, signToken } from '../support/server.ts';

type Fault =
  /** The server acts, then the answer is lost on the way back. */
  | 'lost-answer'
  /** The request never leaves. */
  | 'offline'
  | { status: 503 | 429 | 500; retryAfter?: string };

interface Attempt {
  method: string;
  path: string;
  idempotencyKey: string | null;
}

/** Breaks the first requests as listed, then lets the rest through to the real server. */
function faultyFetch(faults: Fault[]) {
  const attempts: Attempt[] = [];
  const fetchFn = async (input: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    attempts.push({ method: init.method ?? 'GET', path: new URL(input).pathname, idempotencyKey: headers.get('Idempotency-Key') });
    const fault = faults.shift();
    if (fault === 'offline') throw new TypeError('Failed to fetch');
    if (fault === 'lost-answer') {
      await fetch(input, init);
      throw new TypeError('Failed to fetch');
    }
    if (fault) {
      const body = JSON.stringify({
        type: 'about:blank',
        title: 'x',
        status: fault.status,
        detail: 'try later',
        code: fault.status === 429 ? 'rate_limited' : 'internal',
      });
      return new Response(body, {
        status: fault.status,
        headers: { 'Content-Type': 'application/problem+json', ...(fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {}) },
      });
    }
    return fetch(input, init);
  };
  return { fetch: fetchFn, attempts };
}

/** Retry timing without waiting: records the waits asked for. */
function instantRetry(overrides: RetryOptions = {}): RetryOptions & { waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  };
}

describe('retries', () => {
  it('C20 a check-in survives a lost answer, a 503 and a 429 with Retry-After, and happens exactly once', async () => {
    const member = await newMember({ coins: 5 });
    const faulty = faultyFetch(['lost-answer', { status: 503 }, { status: 429, retryAfter: '2' }]);
    const retry = instantRetry();
    const client = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token, fetch: faulty.fetch, retry });

    const answer = await client.checkIn();

    expect(faulty.attempts).to.have.length(4);
    const keys = new Set(faulty.attempts.map((attempt) => attempt.idempotencyKey));
    expect(keys.size, 'one key for the whole action').to.equal(1);
    expect([...keys][0]).to.match(/^[0-9a-f-]{36}$/);
    expect(answer.coinsAwarded).to.equal(10);
    // Full jitter at 0.5 of 250 ms and 500 ms; then the server's 2 s.
    expect(retry.waits).to.deep.equal([125, 250, 2000]);

    const check = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token });
    const me = await check.getMe();
    expect(me.coins.available).to.equal(15);
    const ledger = await check.getLedger({ currency: 'coins' });
    expect(ledger.entries.filter((entry) => entry.ruleId === 'C6')).to.have.length(1);
  });

  it('a new action gets a new idempotency key', async () => {
    const member = await newMember({ coins: 5 });
    const faulty = faultyFetch([]);
    const client = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token, fetch: faulty.fetch });
    await client.checkIn();
    await client.checkIn().catch(() => undefined);
    expect(faulty.attempts[0]?.idempotencyKey).to.not.equal(faulty.attempts[1]?.idempotencyKey);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const member = await newMember();
    const now = Date.parse('2030-01-01T00:00:00Z');
    const faulty = faultyFetch([{ status: 429, retryAfter: new Date(now + 3000).toUTCString() }]);
    const retry = instantRetry({ now: () => now });
    const client = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token, fetch: faulty.fetch, retry });
    await client.getMe();
    expect(retry.waits).to.deep.equal([3000]);
  });

  it('never retries other 4xx answers', async () => {
    const member = await newMember();
    const faulty = faultyFetch([]);
    const retry = instantRetry();
    const client = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token, fetch: faulty.fetch, retry });
    await client.checkIn();
    const error = await client.checkIn().catch((caught: unknown) => caught);
    expect(isRewardsError(error, 'already_checked_in')).to.equal(true);
    expect(faulty.attempts).to.have.length(2);
    expect(retry.waits).to.deep.equal([]);
  });

  it('gives up after the configured attempts with the last error', async () => {
    const faulty = faultyFetch(['offline', 'offline', 'offline', 'offline']);
    const retry = instantRetry({ attempts: 3 });
    const client = createRewardsClient({ baseUrl: await serverUrl(), fetch: faulty.fetch, retry });
    const error = await client.getLevels().catch((caught: unknown) => caught);
    expect(isRewardsError(error, 'network')).to.equal(true);
    expect(faulty.attempts).to.have.length(3);
    expect(retry.waits).to.deep.equal([125, 250]);
  });

  it('gives up when the next wait would pass the time budget', async () => {
    const faulty = faultyFetch([{ status: 503 }, { status: 429, retryAfter: '60' }]);
    const retry = instantRetry({ budgetMs: 10_000 });
    const client = createRewardsClient({ baseUrl: await serverUrl(), fetch: faulty.fetch, retry });
    const error = await client.getLevels().catch((caught: unknown) => caught);
    expect(isRewardsError(error, 'rate_limited')).to.equal(true);
    expect((error as { status: number }).status).to.equal(429);
    expect(faulty.attempts).to.have.length(2);
  });

  it('a read gives up within 10 s by default, an action keeps retrying for 30 s', async () => {
    const member = await newMember();
    // The server asks for 12 s: past a read's budget, within an action's.
    const read = faultyFetch([{ status: 503, retryAfter: '12' }]);
    const readRetry = instantRetry();
    const reader = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token, fetch: read.fetch, retry: readRetry });
    const error = await reader.getMe().catch((caught: unknown) => caught);
    expect((error as { status?: number }).status, String(error)).to.equal(503);
    expect(read.attempts).to.have.length(1);
    expect(readRetry.waits).to.deep.equal([]);

    const action = faultyFetch([{ status: 503, retryAfter: '12' }]);
    const actionRetry = instantRetry();
    const actor = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token, fetch: action.fetch, retry: actionRetry });
    await actor.checkIn();
    expect(action.attempts).to.have.length(2);
    expect(actionRetry.waits).to.deep.equal([12_000]);
  });

  it('retry: false makes one attempt', async () => {
    const faulty = faultyFetch([{ status: 500 }]);
    const client = createRewardsClient({ baseUrl: await serverUrl(), fetch: faulty.fetch, retry: false });
    const error = await client.getCatalog().catch((caught: unknown) => caught);
    expect(isRewardsError(error, 'internal')).to.equal(true);
    expect(faulty.attempts).to.have.length(1);
  });

  it('waits with exponential backoff and full jitter, capped by maxDelayMs', async () => {
    const faulty = faultyFetch(['offline', 'offline', 'offline', 'offline', 'offline']);
    const retry = instantRetry({ attempts: 6, random: () => 0.999, baseDelayMs: 100, maxDelayMs: 500 });
    const client = createRewardsClient({ baseUrl: await serverUrl(), fetch: faulty.fetch, retry });
    await client.getLevels();
    expect(retry.waits).to.deep.equal([99, 199, 399, 499, 499]);
  });
});

describe('tokens', () => {
  it('a 401 asks getToken for a fresh token once and retries', async () => {
    const member = await newMember({ coins: 7 });
    const expired = await signToken(member.memberId, -60);
    const asked: Array<{ refresh: boolean } | undefined> = [];
    const faulty = faultyFetch([]);
    const client = createRewardsClient({
      baseUrl: await serverUrl(),
      fetch: faulty.fetch,
      getToken: (context) => {
        asked.push(context);
        return context?.refresh ? member.token : expired;
      },
    });
    const me = await client.getMe();
    expect(me.coins.available).to.equal(7);
    expect(asked).to.deep.equal([{ refresh: false }, { refresh: true }]);
    expect(faulty.attempts).to.have.length(2);
  });

  it('a second 401 surfaces as unauthorized', async () => {
    const member = await newMember();
    const expired = await signToken(member.memberId, -60);
    const faulty = faultyFetch([]);
    const client = createRewardsClient({ baseUrl: await serverUrl(), fetch: faulty.fetch, getToken: () => expired });
    const error = await client.getMe().catch((caught: unknown) => caught);
    expect(isRewardsError(error, 'unauthorized')).to.equal(true);
    expect((error as { status: number }).status).to.equal(401);
    expect(faulty.attempts).to.have.length(2);
  });

  it('a refresh that finds the member signed out ends with unauthorized, without another request', async () => {
    const member = await newMember();
    const expired = await signToken(member.memberId, -60);
    const faulty = faultyFetch([]);
    const client = createRewardsClient({
      baseUrl: await serverUrl(),
      fetch: faulty.fetch,
      getToken: (context) => (context?.refresh ? null : expired),
    });
    const error = await client.getMe().catch((caught: unknown) => caught);
    expect(isRewardsError(error, 'unauthorized')).to.equal(true);
    expect(faulty.attempts).to.have.length(1);
  });
});
