import { expect } from '@open-wc/testing';
import { $pageSession, configure, createRewardsStore, rewardsSession, type RewardsStore } from '../../../src/store/index.ts';
import { countingFetch, newMember, serverUrl, sleep } from '../support/server.ts';
import { watch } from '../support/watch.ts';

describe('one request per resource, however many elements', () => {
  let store: RewardsStore | undefined;
  afterEach(() => store?.dispose());

  it('5 widgets subscribing to the account make 1 request, and a later one none while the data is fresh', async () => {
    const member = await newMember({ coins: 12 });
    const counter = countingFetch();
    store = createRewardsStore({ fetch: counter.fetch });
    const api = await serverUrl();
    // Elements with their own `token` attribute each make their own token source.
    const widgets = Array.from({ length: 5 }, () => watch(store!.session({ api, getToken: () => member.token }).account));

    const data = await Promise.all(widgets.map((widget) => widget.ready()));

    expect(data.every((account) => account.coins.available === 12)).to.equal(true);
    expect(counter.count('GET', '/v1/me')).to.equal(1);

    const late = watch(store.session({ api: `${api}/`, getToken: () => member.token }).account);
    expect((await late.ready()).memberId).to.equal(member.memberId);
    expect(counter.count('GET', '/v1/me'), 'fresh data is reused').to.equal(1);
    for (const widget of [...widgets, late]) widget.stop();
  });

  it('fetches again once the freshness window has passed', async () => {
    const member = await newMember();
    const counter = countingFetch();
    store = createRewardsStore({ fetch: counter.fetch, freshForMs: 50 });
    const session = store.session({ api: await serverUrl(), getToken: () => member.token });
    const first = watch(session.levels);
    await first.ready();
    await sleep(80);
    const second = watch(session.levels);
    await second.until((state) => state.status === 'ready' && !state.revalidating && counter.count('GET', '/v1/levels') === 2, 'a second fetch');
    expect(second.states[0]?.status, 'stale data stays visible while revalidating').to.equal('ready');
    first.stop();
    second.stop();
  });

  it('300 badge stores subscribed in one tick make 2 requests', async () => {
    const known = await newMember({ displayName: 'Lin' });
    const counter = countingFetch();
    store = createRewardsStore({ fetch: counter.fetch });
    const session = store.session({ api: await serverUrl() });
    const ids = [known.memberId, ...Array.from({ length: 299 }, (_, i) => `visitor-${i}`)];

    const badges = ids.map((id) => watch(session.badge(id)));
    const values = await Promise.all(badges.map((badge) => badge.ready()));

    expect(counter.count('GET', '/v1/badges')).to.equal(2);
    expect(values[0]).to.deep.include({ level: 0, displayName: 'Lin' });
    expect(values.slice(1).every((value) => value === null)).to.equal(true);
    for (const badge of badges) badge.stop();
  });

  it('a token for another member is another set of stores', async () => {
    const [ada, bob] = await Promise.all([newMember({ coins: 3 }), newMember({ coins: 8 })]);
    store = createRewardsStore();
    const api = await serverUrl();
    let token = ada.token;
    const switching = store.session({ api, getToken: () => token });
    const adaOnly = store.session({ api, getToken: () => ada.token });
    const shown = watch(switching.account);
    const adaShown = watch(adaOnly.account);
    expect((await shown.ready()).memberId).to.equal(ada.memberId);

    token = bob.token;
    await switching.refresh();
    const bobAccount = await shown.until((state) => state.status === 'ready' && state.data.memberId === bob.memberId, 'Bob');
    expect(bobAccount.status === 'ready' && bobAccount.data.coins.available).to.equal(8);
    expect((await adaShown.ready()).coins.available, "Ada's stores are untouched").to.equal(3);
    shown.stop();
    adaShown.stop();
  });

  it('without a token member stores are signed-out without a request, and public stores work', async () => {
    const counter = countingFetch();
    store = createRewardsStore({ fetch: counter.fetch });
    const session = store.session({ api: await serverUrl(), getToken: () => null });
    const account = watch(session.account);
    const calendar = watch(session.checkIns());
    const catalog = watch(session.catalog);
    await account.until((state) => state.status === 'signed-out', 'signed-out');
    await calendar.until((state) => state.status === 'signed-out', 'signed-out');
    await catalog.ready();
    expect(counter.requests.map((request) => request.path)).to.deep.equal(['/v1/catalog']);

    const error = await session.checkIn().catch((caught: unknown) => caught);
    expect((error as { code: string }).code).to.equal('unauthorized');
    const direct = await session.client.getMe().catch((caught: unknown) => caught);
    expect((direct as { code: string }).code, "the session's client has no token either").to.equal('unauthorized');
    for (const watched of [account, calendar, catalog]) watched.stop();
  });
});

describe('configurations on one page', () => {
  it('the page-wide configure() and a provider for another API keep apart', async () => {
    const [pageMember, providerMember] = await Promise.all([newMember({ coins: 1 }), newMember({ coins: 2 })]);
    const api = await serverUrl();
    const otherApi = api.replace('127.0.0.1', 'localhost');
    configure({ api, getToken: () => pageMember.token });
    const pageSession = $pageSession.get();
    const providerSession = rewardsSession({ api: otherApi, getToken: () => providerMember.token });

    expect(pageSession?.api).to.equal(api);
    expect(providerSession.api).to.equal(otherApi);
    expect(rewardsSession({ api: `${api}/`, getToken: () => pageMember.token }).catalog).to.equal(pageSession?.catalog);
    expect(providerSession.catalog).to.not.equal(pageSession?.catalog);

    const pageAccount = watch(pageSession!.account);
    const providerAccount = watch(providerSession.account);
    expect((await pageAccount.ready()).coins.available).to.equal(1);
    expect((await providerAccount.ready()).coins.available).to.equal(2);
    pageAccount.stop();
    providerAccount.stop();
  });

  it('refuses an unusable api', () => {
    const store = createRewardsStore();
    expect(() => store.session({ api: '//evil.example' })).to.throw(TypeError);
    expect(() => store.session({ api: 'ftp://x' })).to.throw(TypeError);
  });
});
