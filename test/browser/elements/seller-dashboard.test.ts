import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/seller-dashboard/define.ts';
import type { SellerDashboard } from '../../../src/elements/seller-dashboard/seller-dashboard.ts';
import type { RewardsWithdrawalRequestedEvent } from '../../../src/events/withdrawal-requested.ts';
import { loadCatalog } from '../../../src/i18n/catalogs.ts';
import { newMember, serverUrl, shop } from '../support/server.ts';
import { part, parts, untilFace, visibleText } from './support/faces.ts';
import { problemResponse, spyOnFetch } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';

let counter = 0;
const uniqueId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

/**
 * A seller on the real server: 12 orders this month (the first, of $100, credited at once, M3),
 * a synth kit with plenty of stock, a panel low on stock and cables sold beyond their stock.
 */
async function sellerWithSales(): Promise<{ memberId: string; token: string; orderIds: string[] }> {
  const seller = await newMember({ displayName: 'Parts Co' });
  await shop('putSeller', seller.memberId, 'Parts Co');
  await shop('putSellerProduct', seller.memberId, 'KIT', { name: 'Synth kit', stock: 50 });
  await shop('putSellerProduct', seller.memberId, 'PANEL', { name: 'Front panel', stock: 12 });
  await shop('putSellerProduct', seller.memberId, 'CABLES', { name: 'Patch cables', stock: 1 });
  const buyer = await newMember();
  const orderIds: string[] = [];
  const sell = async (sku: string, unitPriceCents: number, quantity = 1) => {
    const orderId = uniqueId('order');
    orderIds.push(orderId);
    await shop('sendEvent', {
      id: uniqueId('event'),
      type: 'order.completed',
      memberId: buyer.memberId,
      occurredAt: new Date().toISOString(),
      data: { orderId, lines: [{ sku, unitPriceCents, quantity, partnerSellerId: seller.memberId }], shippingCents: 0 },
    });
  };
  await sell('KIT', 10_000);
  for (let i = 1; i <= 9; i += 1) await sell('PANEL', 1_000 + i * 10);
  await sell('CABLES', 999, 3);
  await sell('KIT', 2_000);
  return { ...seller, orderIds };
}

async function dashboard(options: { token?: string | undefined; locale?: string; theme?: 'light' | 'dark'; api?: string | null }, face = 'ready') {
  const api = options.api === null ? undefined : (options.api ?? (await serverUrl()));
  const element = await fixture<SellerDashboard>(html`<seller-dashboard
    api=${ifDefined(api)}
    token=${ifDefined(options.token)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></seller-dashboard>`);
  await untilFace(element, face, 10_000);
  return element;
}

const cellTexts = (element: SellerDashboard, section: string, column: number) =>
  [...element.shadowRoot!.querySelectorAll(`[part~="section-${section}"] tbody tr`)].map((row) => visibleText(row.children[column]!));

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('seller-dashboard', () => {
  let seller: { memberId: string; token: string; orderIds: string[] };
  before(async () => {
    await loadCatalog('zh-CN');
    seller = await sellerWithSales();
  });
  afterEach(() => fixtureCleanup());

  describe('accessibility audit (axe), every face, both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready passes in the ${theme} theme`, async () => {
        await expect(await dashboard({ token: seller.token, theme })).to.be.accessible();
      });
      it(`loading passes in the ${theme} theme`, async () => {
        await expect(await dashboard({ api: null, theme }, 'loading')).to.be.accessible();
      });
      it(`signed-out passes in the ${theme} theme`, async () => {
        await expect(await dashboard({ theme }, 'signed-out')).to.be.accessible();
      });
      it(`not a seller passes in the ${theme} theme`, async () => {
        const member = await newMember();
        await expect(await dashboard({ token: member.token, theme }, 'not-seller')).to.be.accessible();
      });
      it(`empty passes in the ${theme} theme`, async () => {
        const fresh = await newMember();
        await shop('putSeller', fresh.memberId, 'New seller');
        await expect(await dashboard({ token: fresh.token, theme }, 'empty')).to.be.accessible();
      });
      it(`error passes in the ${theme} theme`, async () => {
        const spy = spyOnFetch((url) => (url.pathname === '/v1/seller/me' ? problemResponse(500, 'internal') : undefined));
        try {
          await expect(await dashboard({ token: seller.token, theme }, 'error')).to.be.accessible();
        } finally {
          spy.restore();
        }
      });
    }
  });

  it('M6 M1 M3 shows the store credit, this month with the 5% fee, the first order on its own line, and a chart', async () => {
    const element = await dashboard({ token: seller.token });
    expect(visibleText(part(element, 'store-credit')!)).to.equal('$95.00');
    const figures = visibleText(part(element, 'figures')!);
    // $100 + ($10.10 + … + $10.90) + 3 × $9.99 + $20 = gross $244.47, fee rounded per line.
    expect(figures).to.contain('Sales$244.47').and.to.contain('Fee (5%)');
    expect(visibleText(element)).to.contain(`First order ${seller.orderIds[0]} credited at once: $95.00`);
    expect(visibleText(element)).to.contain('Not paid out yet:');
    expect(part(element, 'chart')!.querySelectorAll('rect').length).to.equal(1);
  });

  it('M6 products show stock taken off by sales, low stock and oversold marks', async () => {
    const element = await dashboard({ token: seller.token });
    expect(cellTexts(element, 'products', 0)).to.deep.equal(['Patch cables', 'Synth kit', 'Front panel']);
    expect(cellTexts(element, 'products', 1)).to.deep.equal(['0 Oversold by 2', '48', '3 Low stock']);
    expect(cellTexts(element, 'products', 2)).to.deep.equal(['3', '2', '9']);
    expect(parts(element, 'stock-oversold').length).to.equal(1);
    expect(parts(element, 'stock-low').length).to.equal(1);
  });

  it('M6 orders are paged by ten and sorted from the keyboard', async () => {
    const element = await dashboard({ token: seller.token });
    expect(cellTexts(element, 'orders', 0).length).to.equal(10);
    expect(visibleText(part(element, 'pager')!)).to.contain('Page 1 of 2');
    const [, grossButton] = parts<HTMLButtonElement>(element, 'sort-button');
    grossButton!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(cellTexts(element, 'orders', 2)[0]).to.equal('$100.00');
    expect(grossButton!.closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(cellTexts(element, 'orders', 2)[0]).to.equal('$10.10');
    const next = part(element, 'pager')!.querySelectorAll('button')[1]!;
    next.click();
    await element.updateComplete;
    expect(cellTexts(element, 'orders', 0).length).to.equal(2);
    expect(visibleText(part(element, 'pager')!)).to.contain('Page 2 of 2');
  });

  it('M4 M6 withdraw: amount, confirm, requested; the shop reports it failed and the amount comes back', async () => {
    const element = await dashboard({ token: seller.token });
    const input = part<HTMLInputElement>(element, 'withdraw-input')!;
    input.value = '1000';
    part<HTMLButtonElement>(element, 'withdraw-button')!.click();
    await element.updateComplete;
    expect(visibleText(part(element, 'withdraw-status')!)).to.equal('That is more than your store credit.');

    input.value = '12.50';
    part<HTMLButtonElement>(element, 'withdraw-button')!.click();
    await element.updateComplete;
    expect(visibleText(element)).to.contain('Withdraw $12.50 from your store credit?');
    const requested = oneEvent(element, 'rewards-withdrawal-requested') as Promise<RewardsWithdrawalRequestedEvent>;
    (element.shadowRoot!.activeElement as HTMLButtonElement).click();
    const event = await requested;
    expect([event.detail.amountCents, event.detail.storeCreditCents]).to.deep.equal([1_250, 8_250]);
    await until(() => visibleText(part(element, 'store-credit')!) === '$82.50', 'the store credit after the withdrawal');
    expect(visibleText(part(element, 'withdraw-status')!)).to.equal('Withdrawal of $12.50 requested.');
    expect(parts(element, 'withdrawal-requested').length).to.equal(1);

    await shop('settleWithdrawal', seller.memberId, event.detail.withdrawalId, 'failed');
    await element.reload();
    await element.updateComplete;
    expect(visibleText(part(element, 'store-credit')!)).to.equal('$95.00');
    expect(visibleText(part(element, 'withdrawal-failed')!)).to.contain('Failed, returned to store credit');
  });

  it('a member who is not a seller sees a clear face, and the page can replace it', async () => {
    const member = await newMember();
    const element = await dashboard({ token: member.token }, 'not-seller');
    expect(visibleText(element)).to.contain('You are not a partner seller.');
  });

  it('speaks Simplified Chinese', async () => {
    const element = await dashboard({ token: seller.token, locale: 'zh-CN' });
    expect(visibleText(element)).to.contain('店铺余额').and.to.contain('本月至今').and.to.contain('超卖');
  });

  it('M6 amounts and words stay whole in a 280 px column on a page that sets overflow-wrap: anywhere; the table scrolls', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: 280px; overflow-wrap: anywhere"></div>`);
    const element = document.createElement('seller-dashboard');
    element.setAttribute('api', await serverUrl());
    element.setAttribute('locale', 'en');
    element.token = seller.token;
    wrapper.append(element);
    await untilFace(element, 'ready', 10_000);
    /** The distinct line tops a cell's text is laid out on. */
    const lines = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    };
    const cells = [...element.shadowRoot!.querySelectorAll('[part~="section-orders"] tbody td')];
    expect(cells.length).to.be.above(0);
    const broken = cells.filter((cell) => !/\s/.test(visibleText(cell)) && lines(cell) > 1).map((cell) => visibleText(cell));
    expect(broken).to.deep.equal([]);
    expect(element.getBoundingClientRect().width).to.be.at.most(280);
  });

  it('fits a 280 px container and survives hostile host CSS', async () => {
    const remove = addHostileStyles();
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="display: block; inline-size: 280px"></div>`);
      const element = document.createElement('seller-dashboard');
      element.setAttribute('api', await serverUrl());
      element.token = seller.token;
      element.setAttribute('style', 'display: block');
      wrapper.append(element);
      await untilFace(element, 'ready', 10_000);
      expect(element.getBoundingClientRect().width).to.be.at.most(280);
      const button = part<HTMLButtonElement>(element, 'withdraw-button')!;
      expect(button.getBoundingClientRect().height).to.be.greaterThan(0);
      for (const section of parts(element, 'section')) expect(section.scrollWidth).to.be.at.most(section.clientWidth + 1);
    } finally {
      remove();
    }
  });
});
