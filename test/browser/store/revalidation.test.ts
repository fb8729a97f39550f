import { expect } from '@open-wc/testing';
import { createRewardsStore, type RewardsStore } from '../../../src/store/index.ts';
import { countingFetch, newMember, serverUrl, shop, sleep } from '../support/server.ts';
import { watch } from '../support/watch.ts';

function subscribeToNewsletter(memberId: string) {
  return shop('sendEvent', { id: `${memberId}-newsletter`, type: 'newsletter.subscribed', memberId, occurredAt: new Date().toISOString(), data: {} });
}

describe('revalidation when the tab comes back', () => {
  let store: RewardsStore | undefined;
  afterEach(() => store?.dispose());

  it('C2 coins earned elsewhere show when the tab becomes visible again', async () => {
    const member = await newMember({ coins: 5 });
    const counter = countingFetch();
    store = createRewardsStore({ fetch: counter.fetch, freshForMs: 40 });
    const account = watch(store.session({ api: await serverUrl(), getToken: () => member.token }).account);
    await account.ready();

    await subscribeToNewsletter(member.memberId);
    await sleep(60);
    expect(account.data().coins.available, 'nothing happens while the tab is away').to.equal(5);
    document.dispatchEvent(new Event('visibilitychange'));

    const updated = await account.until((state) => state.status === 'ready' && state.data.coins.available === 55, 'the new balance');
    expect(updated.status).to.equal('ready');
    const sinceFirstReady = account.states.slice(account.states.findIndex((state) => state.status === 'ready'));
    expect(
      sinceFirstReady.map((state) => state.status === 'ready' && state.data.coins.available),
      'the old balance stays visible meanwhile',
    ).to.deep.equal([5, 5, 55]);
    expect(counter.count('GET', '/v1/me')).to.equal(2);
    account.stop();
  });

  it('fresh data is not fetched again on a tab return', async () => {
    const member = await newMember();
    const counter = countingFetch();
    store = createRewardsStore({ fetch: counter.fetch, freshForMs: 60_000 });
    const account = watch(store.session({ api: await serverUrl(), getToken: () => member.token }).account);
    await account.ready();
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('online'));
    await sleep(100);
    expect(counter.count('GET', '/v1/me')).to.equal(1);
    account.stop();
  });

  it('coming back online revalidates too', async () => {
    const member = await newMember({ coins: 2 });
    store = createRewardsStore({ freshForMs: 0 });
    const account = watch(store.session({ api: await serverUrl(), getToken: () => member.token }).account);
    await account.ready();
    await subscribeToNewsletter(member.memberId);
    window.dispatchEvent(new Event('online'));
    await account.until((state) => state.status === 'ready' && state.data.coins.available === 52, 'the new balance');
    account.stop();
  });

  it('a tab return notices that another member signed in', async () => {
    const [ada, bob] = await Promise.all([newMember(), newMember()]);
    store = createRewardsStore({ freshForMs: 60_000 });
    let token: string | null = ada.token;
    const account = watch(store.session({ api: await serverUrl(), getToken: () => token }).account);
    expect((await account.ready()).memberId).to.equal(ada.memberId);

    token = bob.token;
    document.dispatchEvent(new Event('visibilitychange'));
    await account.until((state) => state.status === 'ready' && state.data.memberId === bob.memberId, 'Bob');

    token = null;
    document.dispatchEvent(new Event('visibilitychange'));
    await account.until((state) => state.status === 'signed-out', 'signed out');
    account.stop();
  });

  it('an error keeps the last data, and refresh() recovers', async () => {
    const member = await newMember({ coins: 9 });
    let broken = false;
    store = createRewardsStore({
      retry: false,
      fetch: (input, init) => (broken ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
    });
    const session = store.session({ api: await serverUrl(), getToken: () => member.token });
    const account = watch(session.account);
    await account.ready();

    broken = true;
    const refreshing = session.refresh();
    expect(account.current()).to.deep.include({ status: 'ready', revalidating: true });
    await refreshing;
    const failed = account.current();
    expect(failed.status).to.equal('error');
    expect(failed.status === 'error' && failed.error.code).to.equal('network');
    expect(failed.status === 'error' && failed.data?.coins.available, 'the last data stays').to.equal(9);

    broken = false;
    await session.refresh();
    expect(account.current().status).to.equal('ready');
    account.stop();
  });
});
