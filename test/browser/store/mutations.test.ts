import { expect } from '@open-wc/testing';
import { createRewardsStore, type RewardsStore } from '../../../src/store/index.ts';
import { countingFetch, newMember, serverUrl, shop, signToken } from '../support/server.ts';
import { watch } from '../support/watch.ts';

async function catalogItem(coins: number, stock: number): Promise<string> {
  const id = `item-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await shop('putCatalogItem', id, { kind: 'product', name: 'Soldering kit', description: '', imageUrl: null, coins, stock });
  return id;
}

async function project(): Promise<string> {
  const author = await newMember();
  const projectId = `project-${author.memberId}`;
  await shop('sendEvent', {
    id: `${projectId}-created`,
    type: 'project.created',
    memberId: author.memberId,
    occurredAt: new Date().toISOString(),
    data: { projectId, title: 'Weather station' },
  });
  return projectId;
}

/** A fetch whose POST, PATCH and DELETE requests wait until released. */
function gatedFetch(base: (input: string, init: RequestInit) => Promise<Response>) {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    release: () => open(),
    fetch: async (input: string, init: RequestInit) => {
      if (init.method && init.method !== 'GET') await gate;
      return base(input, init);
    },
  };
}

describe('mutations update every store they change at once', () => {
  let store: RewardsStore | undefined;
  afterEach(() => store?.dispose());

  it('C6 a check-in updates the balance, the calendar and earning progress from one response, with no extra GET', async () => {
    const member = await newMember({ coins: 20 });
    const counter = countingFetch();
    store = createRewardsStore({ fetch: counter.fetch });
    const session = store.session({ api: await serverUrl(), getToken: () => member.token });
    const account = watch(session.account);
    const calendar = watch(session.checkIns());
    const earning = watch(session.earning);
    await Promise.all([account.ready(), calendar.ready(), earning.ready()]);
    const before = counter.requests.length;

    const answer = await session.checkIn();

    expect(account.data().coins.available).to.equal(30);
    expect(calendar.data().days).to.include(answer.day);
    expect(calendar.data().checkedInToday).to.equal(true);
    expect(earning.data().day).to.equal(answer.day);
    const after = counter.requests.slice(before);
    expect(after.map((request) => `${request.method} ${request.path}`)).to.deep.equal(['POST /v1/me/check-ins']);
    for (const watched of [account, calendar, earning]) watched.stop();
  });

  it('S1 a redemption updates the coins, the cart and the stock; a removal gives them back', async () => {
    const member = await newMember({ coins: 100 });
    const itemId = await catalogItem(30, 4);
    const counter = countingFetch();
    store = createRewardsStore({ fetch: counter.fetch });
    const session = store.session({ api: await serverUrl(), getToken: () => member.token });
    const account = watch(session.account);
    const cart = watch(session.cart);
    const catalog = watch(session.catalog);
    await Promise.all([account.ready(), cart.ready(), catalog.ready()]);
    const gets = counter.requests.filter((request) => request.method === 'GET').length;

    const redeemed = await session.redeem(itemId);

    expect(account.data().coins.available).to.equal(70);
    expect(cart.data().items.map((item) => item.id)).to.include(redeemed.cartItem?.id);
    expect(catalog.data().items.find((item) => item.id === itemId)?.stock).to.equal(3);

    await session.removeFromCart(redeemed.cartItem!.id);

    expect(account.data().coins.available).to.equal(100);
    expect(cart.data().items.map((item) => item.id)).to.not.include(redeemed.cartItem?.id);
    expect(catalog.data().items.find((item) => item.id === itemId)?.stock).to.equal(4);
    expect(counter.requests.filter((request) => request.method === 'GET').length, 'no GET needed').to.equal(gets);
    for (const watched of [account, cart, catalog]) watched.stop();
  });

  it("S3 a donation updates the coins and the project's donations", async () => {
    const projectId = await project();
    const member = await newMember({ coins: 50 });
    store = createRewardsStore();
    const session = store.session({ api: await serverUrl(), getToken: () => member.token });
    const account = watch(session.account);
    const donations = watch(session.projectDonations(projectId));
    await Promise.all([account.ready(), donations.ready()]);

    await session.donate(projectId, 12);

    expect(account.data().coins.available).to.equal(38);
    expect(donations.data().totalCoins).to.equal(12);
    expect(donations.data().recent[0]?.coins).to.equal(12);
    const settled = await donations.until((state) => state.status === 'ready' && !state.revalidating && state.data.donors === 1, 'donor count');
    expect(settled.status).to.equal('ready');
    account.stop();
    donations.stop();
  });

  it('ledger pages: more pages append, and a mutation brings the new entry on top', async () => {
    const member = await newMember({ coins: 10 });
    await shop('sendEvent', {
      id: `${member.memberId}-nl`,
      type: 'newsletter.subscribed',
      memberId: member.memberId,
      occurredAt: new Date().toISOString(),
      data: {},
    });
    store = createRewardsStore({ ledgerPageSize: 1 });
    const session = store.session({ api: await serverUrl(), getToken: () => member.token });
    const ledger = watch(session.ledger('coins'));
    const first = await ledger.ready();
    expect(first.entries.map((entry) => entry.ruleId)).to.deep.equal(['C2']);

    await session.loadMoreLedger('coins');
    expect(ledger.data().entries.map((entry) => entry.ruleId)).to.deep.equal(['C2', 'C1']);
    expect(ledger.data().nextCursor).to.equal(null);

    await session.checkIn();
    await ledger.until((state) => state.status === 'ready' && state.data.entries[0]?.ruleId === 'C6', 'the check-in entry');
    expect(
      ledger.data().entries.map((entry) => entry.ruleId),
      'older pages stay',
    ).to.deep.equal(['C6', 'C2', 'C1']);
    ledger.stop();
  });
});

describe('optimistic changes', () => {
  let store: RewardsStore | undefined;
  afterEach(() => store?.dispose());

  it('S4 a refused optimistic redemption is rolled back exactly', async () => {
    const member = await newMember({ coins: 10 });
    const itemId = await catalogItem(25, 2);
    store = createRewardsStore();
    const session = store.session({ api: await serverUrl(), getToken: () => member.token });
    const account = watch(session.account);
    const catalog = watch(session.catalog);
    const accountBefore = await account.ready();
    const catalogBefore = await catalog.ready();

    const pending = session.redeem(itemId, { optimistic: true });
    expect(account.data().coins.available, 'shown at once').to.equal(0);
    expect(catalog.data().items.find((item) => item.id === itemId)?.stock).to.equal(1);

    const error = await pending.catch((caught: unknown) => caught);
    expect((error as { code: string }).code).to.equal('insufficient_coins');
    expect(account.data()).to.equal(accountBefore);
    expect(catalog.data()).to.equal(catalogBefore);
    account.stop();
    catalog.stop();
  });

  it('a rollback withdraws only its own change: server data that arrived meanwhile stays', async () => {
    const member = await newMember({ coins: 10 });
    const counter = countingFetch();
    const gated = gatedFetch(counter.fetch);
    store = createRewardsStore({ fetch: gated.fetch });
    const session = store.session({ api: await serverUrl(), getToken: () => member.token });
    const account = watch(session.account);
    await account.ready();

    const pending = session.donate(`no-such-project-${Date.now()}`, 4, { optimistic: true });
    expect(account.data().coins.available).to.equal(6);

    await shop('sendEvent', {
      id: `${member.memberId}-nl`,
      type: 'newsletter.subscribed',
      memberId: member.memberId,
      occurredAt: new Date().toISOString(),
      data: {},
    });
    await session.refresh();
    expect(account.data().coins.available, 'new server data under the pending change').to.equal(56);

    gated.release();
    const error = await pending.catch((caught: unknown) => caught);
    expect((error as { code: string }).code).to.equal('not_found');
    expect(account.data().coins.available).to.equal(60);
    account.stop();
  });

  it('a successful optimistic check-in ends with the server answer', async () => {
    const member = await newMember();
    store = createRewardsStore();
    const session = store.session({ api: await serverUrl(), getToken: () => member.token });
    const calendar = watch(session.checkIns());
    const account = watch(session.account);
    const month = await calendar.ready();
    await account.ready();
    expect(month.checkedInToday).to.equal(false);

    const pending = session.checkIn({ optimistic: true });
    expect(calendar.data().checkedInToday, 'shown at once').to.equal(true);
    expect(calendar.data().days).to.include(month.today);
    await pending;
    expect(calendar.data().days).to.deep.equal([month.today]);
    expect(account.data().coins.available).to.equal(10);
    calendar.stop();
    account.stop();
  });
});

describe('a member among many on one page', () => {
  let store: RewardsStore | undefined;
  afterEach(() => store?.dispose());

  // A page keeps the stores of 16 members; past that it drops those nobody shows.
  async function showOthers(count: number, api: string): Promise<Array<() => void>> {
    const stops: Array<() => void> = [];
    for (let index = 0; index < count; index++) {
      const token = await signToken(`crowd-${Date.now().toString(36)}-${index}`);
      const view = watch(store!.session({ api, getToken: () => token }).account);
      stops.push(() => view.stop());
    }
    return stops;
  }

  it('C6 the 17th member, while 16 others are shown, gets stores that work: its calendar loads and it checks in', async () => {
    const api = await serverUrl();
    store = createRewardsStore();
    const stops = await showOthers(16, api);
    const member = await newMember();
    const session = store.session({ api, getToken: () => member.token });
    const calendar = watch(session.checkIns());
    await calendar.ready();

    const answer = await session.checkIn();

    expect(answer.coinsAwarded).to.equal(10);
    expect(calendar.data().checkedInToday).to.equal(true);
    for (const stop of stops) stop();
  });

  it('C6 a session whose member was dropped while nobody showed it still checks in, once', async () => {
    const api = await serverUrl();
    store = createRewardsStore();
    const member = await newMember();
    const session = store.session({ api, getToken: () => member.token });
    await session.refresh();
    // 17 other members come and go; this member's stores, shown by nothing, are dropped.
    for (const stop of await showOthers(17, api)) stop();
    await showOthers(1, api);

    const answer = await session.checkIn();
    expect(answer.coinsAwarded).to.equal(10);
    const account = watch(session.account);
    expect((await account.ready()).coins.available).to.equal(10);
  });
});
