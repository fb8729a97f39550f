import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/coin-history/define.ts';
import '../../../src/elements/rewards-provider/define.ts';
import type { CoinHistory } from '../../../src/elements/coin-history/coin-history.ts';
import { formatDateTime } from '../../../src/elements/shared/format.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import { loadCatalog } from '../../../src/i18n/catalogs.ts';
import { rewardsSession } from '../../../src/store/index.ts';
import { newMember, serverUrl, shop } from '../support/server.ts';
import { part, parts, untilFace, visibleText } from './support/faces.ts';
import { problemResponse, spyOnFetch } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';
import { cancelOrder, rateMedia, uploadBom } from './support/shop-events.ts';

let api: string;

interface HistoryOptions {
  token?: string | undefined;
  currency?: 'coins' | 'points' | undefined;
  locale?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
  api?: string | undefined;
}

async function history(options: HistoryOptions, face = 'ready'): Promise<CoinHistory> {
  const element = await fixture<CoinHistory>(html`<coin-history
    api=${ifDefined('api' in options ? options.api : api)}
    token=${ifDefined(options.token)}
    currency=${ifDefined(options.currency)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></coin-history>`);
  await untilFace(element, face);
  return element;
}

const texts = (element: CoinHistory, name: string) => parts(element, name).map((node) => node.textContent!.replace(/\s+/g, ' ').trim());

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('coin-history', () => {
  /**
   * Newest first: a BOM upload whose order was cancelled (void), a BOM upload waiting on its
   * order (pending), a redeemed product (−500), a check-in (+10), a completed order (+600).
   */
  let member: { memberId: string; token: string };

  before(async () => {
    api = await serverUrl();
    await loadCatalog('zh-CN');
    member = await newMember({ coins: 600 });
    const getToken = () => member.token;
    const session = rewardsSession({ api, getToken });
    await session.checkIn();
    const productId = `soldering-iron-${Date.now().toString(36)}`;
    await shop('putCatalogItem', productId, {
      kind: 'product',
      name: 'Soldering iron',
      description: 'A good one',
      imageUrl: null,
      coins: 500,
      stock: 10,
    });
    await session.redeem(productId);
    await uploadBom(member.memberId);
    await cancelOrder(member.memberId, await uploadBom(member.memberId));
  });

  describe('accessibility audit (axe)', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready passes in the ${theme} theme`, async () => {
        await expect(await history({ token: member.token, theme })).to.be.accessible();
      });
      it(`empty passes in the ${theme} theme`, async () => {
        const nobody = await newMember();
        await expect(await history({ token: nobody.token, theme }, 'empty')).to.be.accessible();
      });
      it(`loading passes in the ${theme} theme`, async () => {
        await expect(await history({ api: undefined, theme }, 'loading')).to.be.accessible();
      });
      it(`signed-out passes in the ${theme} theme`, async () => {
        await expect(await history({ theme }, 'signed-out')).to.be.accessible();
      });
      it(`error passes in the ${theme} theme`, async () => {
        const other = await newMember();
        const spy = spyOnFetch((url) => (url.pathname === '/v1/me/ledger' ? problemResponse(403) : undefined));
        try {
          await expect(await history({ token: other.token, theme }, 'error')).to.be.accessible();
        } finally {
          spy.restore();
        }
      });
    }
  });

  describe('what the member reads', () => {
    it('C1 C6 C12 S1 newest first: reasons as rule titles, signed amounts, statuses in words', async () => {
      const element = await history({ token: member.token });
      expect(texts(element, 'reason')).to.deep.equal([
        'Uploaded a BOM with our template',
        'Uploaded a BOM with our template',
        'Product redeemed',
        'Daily check-in',
        'Order completed',
      ]);
      expect(texts(element, 'amount')).to.deep.equal(['+200 coins', '+200 coins', '\u2212500 coins', '+10 coins', '+600 coins']);
      expect(texts(element, 'status')).to.deep.equal(['Void', 'Pending', 'Available', 'Available', 'Available']);
      expect(element.shadowRoot!.querySelector('[part~="entries"]')!.getAttribute('aria-label')).to.equal('Coin history');
    });

    it('C19 pending and void are marked by words and shape, not by colour alone', async () => {
      const element = await history({ token: member.token });
      const [voided, pending] = parts(element, 'entry');
      expect(voided!.getAttribute('part')).to.contain('entry-void');
      expect(pending!.getAttribute('part')).to.contain('entry-pending');
      expect(getComputedStyle(voided!.querySelector('[part~="amount"]')!).textDecorationLine).to.equal('line-through');
      expect(getComputedStyle(pending!.querySelector('[part~="status"]')!).borderStyle).to.equal('dashed');
    });

    it("dates are the entries' instants in the reader's language and time zone", async () => {
      const element = await history({ token: member.token });
      const time = part<HTMLTimeElement>(element, 'date')!;
      const instant = time.dateTime;
      expect(Number.isNaN(Date.parse(instant))).to.equal(false);
      expect(time.textContent).to.equal(formatDateTime('en', instant));
      const chinese = await history({ token: member.token, locale: 'zh-CN' });
      expect(part(chinese, 'date')!.textContent).to.equal(formatDateTime('zh-CN', instant));
      expect(part(chinese, 'date')!.textContent).to.match(/年/);
    });

    it('C1 C6 C12 S1 in Simplified Chinese', async () => {
      const element = await history({ token: member.token, locale: 'zh-CN' });
      expect(texts(element, 'reason')).to.deep.equal(['使用官方模板上传 BOM', '使用官方模板上传 BOM', '兑换商品', '每日签到', '订单完成']);
      expect(texts(element, 'status')).to.deep.equal(['已作废', '待入账', '已入账', '已入账', '已入账']);
      expect(texts(element, 'amount')[2]).to.equal('\u2212500 金币');
      expect(element.shadowRoot!.querySelector('[part~="entries"]')!.getAttribute('aria-label')).to.equal('金币记录');
    });

    it('is laid out right to left in a right-to-left language: the amount at the inline end (left)', async () => {
      const element = await history({ token: member.token, locale: 'ar' });
      const row = parts(element, 'entry')[0]!;
      const reason = row.querySelector('[part~="reason"]')!.getBoundingClientRect();
      const amount = row.querySelector('[part~="amount"]')!.getBoundingClientRect();
      expect(amount.right).to.be.at.most(reason.left + 1);
    });

    it('P1 currency="points" shows the points ledger, and switching the attribute re-renders', async () => {
      const element = await history({ token: member.token, currency: 'points' });
      expect(texts(element, 'reason')).to.deep.equal(['Points for a completed order']);
      expect(texts(element, 'amount')).to.deep.equal(['+600 points']);
      element.currency = 'coins';
      await until(() => parts(element, 'entry').length === 5, 'the coin ledger');
      expect(texts(element, 'reason')[4]).to.equal('Order completed');
    });

    it("C6 a new entry from another widget's action appears at the top", async () => {
      const other = await newMember({ coins: 20 });
      const element = await history({ token: other.token });
      expect(texts(element, 'reason')).to.deep.equal(['Order completed']);
      await rewardsSession({ api, getToken: () => other.token }).checkIn();
      await until(() => parts(element, 'entry').length === 2, 'the check-in entry');
      expect(texts(element, 'reason')).to.deep.equal(['Daily check-in', 'Order completed']);
    });

    it('empty: a member without coins, and one without points', async () => {
      const nobody = await newMember();
      const coins = await history({ token: nobody.token }, 'empty');
      expect(visibleText(coins)).to.equal('No coin activity yet.');
      const points = await history({ token: nobody.token, currency: 'points' }, 'empty');
      expect(visibleText(points)).to.equal('No points yet.');
    });

    it('the loading skeleton has the height of five entries: nothing moves when they arrive', async () => {
      const loading = await history({ api: undefined }, 'loading');
      const ready = await history({ token: member.token });
      expect(parts(ready, 'entry').length).to.equal(5);
      expect(Math.abs(loading.getBoundingClientRect().height - ready.getBoundingClientRect().height)).to.be.lessThan(2);
    });
  });

  describe('paging', () => {
    /** A member with 25 entries: a first page of 20 and a second of 5. Loaded pages stay in the store, so one per test. */
    let busy: { memberId: string; token: string };

    beforeEach(async () => {
      busy = await newMember();
      await rateMedia(busy.memberId, 25);
    });

    it('C16 "Load more" from the keyboard appends the next page and moves the focus to its first entry', async () => {
      const element = await history({ token: busy.token });
      expect(parts(element, 'entry').length).to.equal(20);
      expect(texts(element, 'reason')[0]).to.equal('Rated a PCBA photo or video');
      const button = part<HTMLButtonElement>(element, 'load-more-button')!;
      expect(button.textContent!.trim()).to.equal('Load more');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => parts(element, 'entry').length === 25, 'the second page');
      await element.updateComplete;
      const entries = parts(element, 'entry');
      expect(element.shadowRoot!.activeElement).to.equal(entries[20]);
      expect(part(element, 'load-more-button')).to.equal(null);
      expect(part(element, 'end')!.textContent).to.equal('That is everything.');
      expect(new Set(entries.map((entry) => entry.dataset['entryId'])).size).to.equal(25);
    });

    it('a failed "Load more" says why, keeps the focus on the button, and can be tried again', async () => {
      const element = await history({ token: busy.token });
      const spy = spyOnFetch((url) => (url.pathname === '/v1/me/ledger' && url.searchParams.has('cursor') ? problemResponse(403) : undefined));
      const failed = oneEvent(element, 'rewards-error') as Promise<RewardsErrorEvent>;
      const button = part<HTMLButtonElement>(element, 'load-more-button')!;
      try {
        button.focus();
        await sendKeys({ press: 'Enter' });
        expect((await failed).detail).to.include({ code: 'forbidden', source: 'coin-history' });
        await until(() => part(element, 'load-more-error') !== null, 'the failure message');
        expect(part(element, 'load-more-error')!.textContent).to.equal('Something went wrong.');
        expect(part(element, 'load-more-error')!.getAttribute('role')).to.equal('alert');
        expect(element.shadowRoot!.activeElement).to.equal(part(element, 'load-more-button'));
        expect(parts(element, 'entry').length).to.equal(20);
      } finally {
        spy.restore();
      }
      await sendKeys({ press: 'Enter' });
      await until(() => parts(element, 'entry').length === 25, 'the second page');
      expect(part(element, 'load-more-error')).to.equal(null);
      expect(element.shadowRoot!.activeElement).to.equal(parts(element, 'entry')[20]);
    });

    it('the button says it is loading without becoming disabled (the focus stays on it)', async () => {
      const element = await history({ token: busy.token });
      const button = part<HTMLButtonElement>(element, 'load-more-button')!;
      button.focus();
      button.click();
      await element.updateComplete;
      expect(button.disabled).to.equal(false);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.textContent!.trim()).to.equal('Loading more…');
      expect(element.shadowRoot!.activeElement).to.equal(button);
      await until(() => parts(element, 'entry').length === 25, 'the second page');
    });
  });

  it("signed out, shows the page's sign-in slot", async () => {
    const element = await fixture<CoinHistory>(html`<coin-history api=${api} locale="en"
      ><a slot="signed-out" href="/sign-in">Sign in</a></coin-history
    >`);
    await untilFace(element, 'signed-out');
    const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Sign in');
  });

  it('an error shows a retry button that works from the keyboard', async () => {
    const other = await newMember({ coins: 2 });
    const spy = spyOnFetch((url) => (url.pathname === '/v1/me/ledger' ? problemResponse(403) : undefined));
    try {
      const element = await history({ token: other.token }, 'error');
      expect(visibleText(element)).to.equal('Something went wrong. Try again');
      spy.restore();
      part<HTMLButtonElement>(element, 'retry-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await untilFace(element, 'ready');
      expect(texts(element, 'amount')).to.deep.equal(['+2 coins']);
    } finally {
      spy.restore();
    }
  });

  it('a hostile page stylesheet does not break it', async () => {
    const remove = addHostileStyles();
    try {
      const element = await history({ token: member.token });
      const entries = parts(element, 'entry');
      expect(entries.length).to.equal(5);
      expect(entries[0]!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(getComputedStyle(part(element, 'status')!).display).not.to.equal('none');
      expect(texts(element, 'reason')[3]).to.equal('Daily check-in');
    } finally {
      remove();
    }
  });

  it('removing it leaves no subscription behind', async () => {
    const getToken = () => member.token;
    const provider = await fixture<HTMLElement>(html`<rewards-provider api=${api} .getToken=${getToken}
      ><coin-history locale="en"></coin-history
    ></rewards-provider>`);
    const element = provider.querySelector('coin-history')!;
    await untilFace(element, 'ready');
    const ledger = rewardsSession({ api, getToken }).ledger('coins');
    expect(ledger.lc).to.equal(1);
    element.remove();
    expect(ledger.lc).to.equal(0);
  });
});
