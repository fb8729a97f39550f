import { expect } from '@open-wc/testing';
import { createRewardsStore, type RewardsStore } from '../../../src/store/index.ts';
import type { TabApi } from '../support/tab.ts';
import { newMember, serverUrl, shop, until } from '../support/server.ts';
import { watch } from '../support/watch.ts';

async function openTab(): Promise<{ frame: HTMLIFrameElement; tab: TabApi }> {
  const frame = document.createElement('iframe');
  frame.src = new URL('../support/tab.html', import.meta.url).href;
  document.body.append(frame);
  const tabOf = () => (frame.contentWindow as (Window & { tab?: TabApi }) | null)?.tab;
  await until(() => tabOf() !== undefined, 'the other tab to load', 8_000);
  return { frame, tab: tabOf()! };
}

describe('other tabs of the same member follow', () => {
  let stores: RewardsStore[] = [];
  let frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const store of stores) store.dispose();
    for (const frame of frames) frame.remove();
    stores = [];
    frames = [];
  });

  it('C6 a check-in in this tab updates the coins and the calendar shown in another tab', async () => {
    const [member, stranger] = await Promise.all([newMember({ coins: 5 }), newMember({ coins: 1 })]);
    const api = await serverUrl();
    const { frame, tab } = await openTab();
    frames.push(frame);
    const here = createRewardsStore();
    const there = tab.createRewardsStore({ fetch: tab.fetch });
    stores.push(here, there);

    const thereAccount = watch(there.session({ api, getToken: () => member.token }).account);
    const thereCalendar = watch(there.session({ api, getToken: () => member.token }).checkIns());
    const strangerAccount = watch(there.session({ api, getToken: () => stranger.token }).account);
    await Promise.all([thereAccount.ready(), thereCalendar.ready(), strangerAccount.ready()]);
    expect(thereAccount.data().coins.available).to.equal(5);

    const answer = await createdSession(here, api, member.token).checkIn();

    await thereAccount.until((state) => state.status === 'ready' && state.data.coins.available === 15, 'coins in the other tab');
    await thereCalendar.until((state) => state.status === 'ready' && state.data.days.includes(answer.day), 'calendar in the other tab');
    expect(tab.requests.filter((request) => request === 'GET /v1/me')).to.have.length(3);
    expect(
      tab.requests.filter((request) => request === 'POST /v1/me/check-ins'),
      'the other tab only fetched',
    ).to.have.length(0);
    expect(strangerAccount.data().coins.available, "another member's tab is not concerned").to.equal(1);
    for (const watched of [thereAccount, thereCalendar, strangerAccount]) watched.stop();
  });

  it('a redemption in another tab updates the stock shown here', async () => {
    const member = await newMember({ coins: 40 });
    const api = await serverUrl();
    const { frame, tab } = await openTab();
    frames.push(frame);
    const itemId = `tab-item-${Date.now()}`;
    await shop('putCatalogItem', itemId, { kind: 'product', name: 'Cable', description: '', imageUrl: null, coins: 15, stock: 9 });
    const here = createRewardsStore();
    const there = tab.createRewardsStore();
    stores.push(here, there);
    const hereSession = createdSession(here, api, member.token);
    const catalog = watch(hereSession.catalog);
    const account = watch(hereSession.account);
    await Promise.all([catalog.ready(), account.ready()]);

    await there.session({ api, getToken: () => member.token }).redeem(itemId);

    await catalog.until((state) => state.status === 'ready' && state.data.items.some((item) => item.id === itemId && item.stock === 8), 'stock here');
    await account.until((state) => state.status === 'ready' && state.data.coins.available === 25, 'coins here');
    catalog.stop();
    account.stop();
  });
});

function createdSession(store: RewardsStore, api: string, token: string) {
  return store.session({ api, getToken: () => token });
}
