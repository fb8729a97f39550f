/**
 * The member's client and the store run in Node too (no DOM): a server-rendered page or a
 * script acting for one member uses them the same way a browser does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRewardsClient, isRewardsError } from '../../../src/sdk/index.ts';
import { createRewardsStore, type ResourceState } from '../../../src/store/index.ts';
import { startReferenceServer, type ReferenceServer } from '../../browser/support/reference-server.ts';

/** Subscribes, and resolves with the first state `check` accepts (and the way to unsubscribe). */
async function settled<T>(
  store: { subscribe(listener: (state: ResourceState<T>) => void): () => void },
  check: (state: ResourceState<T>) => boolean,
): Promise<{ state: ResourceState<T>; stop: () => void }> {
  let found!: (state: ResourceState<T>) => void;
  const first = new Promise<ResourceState<T>>((resolve) => (found = resolve));
  const stop = store.subscribe((state) => {
    if (check(state)) found(state);
  });
  return { state: await first, stop };
}

describe('member client in Node', () => {
  let server: ReferenceServer;
  before(async () => {
    server = await startReferenceServer();
  });
  after(() => server.close());

  test('C6 reads the account, checks in, and reads the calendar and the ledger', async () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined', 'no DOM here');
    const member = await server.newMember({ coins: 30 });
    const client = createRewardsClient({ baseUrl: server.url, getToken: () => member.token });
    assert.equal((await client.getMe()).coins.available, 30);
    const checkIn = await client.checkIn();
    assert.equal(checkIn.coins.available, 40);
    const month = await client.getCheckIns();
    assert.deepEqual(month.days, [checkIn.day]);
    const ledger = await client.getLedger({ currency: 'coins' });
    assert.deepEqual(
      ledger.entries.map((entry) => entry.ruleId),
      ['C6', 'C1'],
    );
    const badge = await client.getBadge(member.memberId);
    assert.equal(badge?.level, 1);
    assert.equal(await client.getBadge('no-such-member'), null);
  });

  test('a token source that signs tokens on demand is asked again after a 401', async () => {
    const member = await server.newMember();
    let calls = 0;
    const client = createRewardsClient({
      baseUrl: server.url,
      getToken: async (context) => {
        calls += 1;
        return context?.refresh ? server.signToken(member.memberId) : server.signToken(member.memberId, -60);
      },
    });
    assert.equal((await client.getMe()).memberId, member.memberId);
    assert.equal(calls, 2);
  });

  test('a server that is not there is a network error', async () => {
    const client = createRewardsClient({ baseUrl: 'http://127.0.0.1:9', retry: { attempts: 2, sleep: async () => {} } });
    await assert.rejects(client.getLevels(), (error) => isRewardsError(error, 'network'));
  });

  test('the store works without a DOM: one request, a check-in updates the balance, no tab events needed', async () => {
    const member = await server.newMember({ coins: 3 });
    let requests = 0;
    const store = createRewardsStore({
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    try {
      const session = store.session({ api: server.url, getToken: () => member.token });
      const [a, b] = await Promise.all([
        settled(session.account, (state) => state.status === 'ready'),
        settled(session.account, (state) => state.status === 'ready'),
      ]);
      assert.equal(requests, 1);
      await session.checkIn();
      const now = session.account.get();
      assert.equal(now.status === 'ready' && now.data.coins.available, 13);
      assert.equal(requests, 2, 'the check-in answer updated the balance without a GET');
      a.stop();
      b.stop();
      assert.throws(() => store.session({ api: '/relative' }), TypeError, 'a path needs a page to resolve against');
    } finally {
      store.dispose();
    }
  });
});
