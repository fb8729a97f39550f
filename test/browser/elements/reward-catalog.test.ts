import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/coin-balance/define.ts';
import '../../../src/elements/redemption-cart/define.ts';
import '../../../src/elements/reward-catalog/define.ts';
import type { RewardCatalog } from '../../../src/elements/reward-catalog/reward-catalog.ts';
import type { RewardsCartChangedEvent } from '../../../src/events/cart-changed.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import type { RewardsRedeemedEvent } from '../../../src/events/redeemed.ts';
import { createRewardsClient } from '../../../src/sdk/rewards-client.ts';
import { newMember, serverUrl, shop } from '../support/server.ts';
import { part, parts, untilFace, visibleText } from './support/faces.ts';
import { problemResponse, spyOnFetch, type FetchSpy } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';
import { isolatedApi, type IsolatedApi } from './support/isolated-api.ts';
import { untilText } from './support/until-text.ts';

let counter = 0;
function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

async function product(name: string, coins: number, stock = 5): Promise<string> {
  const id = uniqueId('reward');
  await shop('putCatalogItem', id, { kind: 'product', name, description: 'A test reward', imageUrl: null, coins, stock });
  return id;
}

async function coupon(name: string, coins: number, valueCents: number): Promise<string> {
  const id = uniqueId('coupon');
  await shop('putCatalogItem', id, { kind: 'coupon', name, description: '', imageUrl: null, coins, stock: 10, couponValueCents: valueCents });
  return id;
}

interface CatalogOptions {
  api?: string;
  token?: string | undefined;
  locale?: string;
  theme?: 'light' | 'dark';
}

async function catalog(options: CatalogOptions, face = 'ready'): Promise<RewardCatalog> {
  const element = await fixture<RewardCatalog>(html`<reward-catalog
    api=${options.api ?? (await serverUrl())}
    token=${ifDefined(options.token)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></reward-catalog>`);
  await untilFace(element, face);
  return element;
}

/** A catalog on a fresh API name, so the test sees the items created just before it. */
async function freshCatalog(options: CatalogOptions, face = 'ready'): Promise<{ element: RewardCatalog; isolated: IsolatedApi }> {
  const isolated = isolatedApi(await serverUrl());
  return { element: await catalog({ ...options, api: isolated.api }, face), isolated };
}

function card(element: RewardCatalog, itemId: string): HTMLElement {
  const found = [...element.shadowRoot!.querySelectorAll<HTMLElement>('li[data-item-id]')].find((li) => li.dataset['itemId'] === itemId);
  if (!found) throw new Error(`no card for ${itemId}`);
  return found;
}

function cardPart(element: RewardCatalog, itemId: string, name: string): HTMLElement | null {
  return card(element, itemId).querySelector<HTMLElement>(`[part~="${name}"]`);
}

function focusedPart(element: RewardCatalog): string | null {
  return (element.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('part') ?? null;
}

describe('reward-catalog', () => {
  let spy: FetchSpy | undefined;
  let cleanup: Array<() => void> = [];
  afterEach(() => {
    spy?.restore();
    spy = undefined;
    for (const step of cleanup.reverse()) step();
    cleanup = [];
    fixtureCleanup();
  });

  async function fresh(options: CatalogOptions, face = 'ready'): Promise<RewardCatalog> {
    const { element, isolated } = await freshCatalog(options, face);
    cleanup.push(() => isolated.restore());
    return element;
  }

  describe('accessibility audit (axe), every face, both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready passes in the ${theme} theme (affordable, too dear, out of stock)`, async () => {
        await product('Soldering kit', 30);
        await product('Oscilloscope', 5000);
        await product('Sold out probe', 10, 0);
        const member = await newMember({ coins: 100 });
        await expect(await fresh({ token: member.token, theme })).to.be.accessible();
      });
      it(`confirm step and coupon code pass in the ${theme} theme`, async () => {
        const id = await coupon('Five dollars off', 20, 500);
        const member = await newMember({ coins: 100 });
        const element = await fresh({ token: member.token, theme });
        cardPart(element, id, 'redeem-button')!.click();
        await element.updateComplete;
        await expect(element).to.be.accessible();
        cardPart(element, id, 'confirm-redeem-button')!.click();
        await untilText(element, () => (visibleText(cardPart(element, id, 'coupon-code') ?? element).length > 0 ? 'code' : ''), 'code');
        await expect(element).to.be.accessible();
      });
      it(`loading passes in the ${theme} theme`, async () => {
        const element = await fixture<RewardCatalog>(html`<reward-catalog theme=${theme}></reward-catalog>`);
        await untilFace(element, 'loading');
        await expect(element).to.be.accessible();
      });
      it(`signed-out passes in the ${theme} theme`, async () => {
        await product('Soldering kit', 30);
        await expect(await catalog({ theme }, 'signed-out')).to.be.accessible();
      });
      it(`empty passes in the ${theme} theme`, async () => {
        const isolated = isolatedApi(await serverUrl(), (path) =>
          path === '/v1/catalog' ? new Response('{"items":[]}', { headers: { 'content-type': 'application/json' } }) : undefined,
        );
        cleanup.push(() => isolated.restore());
        const element = await catalog({ api: isolated.api, theme }, 'empty');
        await expect(element).to.be.accessible();
      });
      it(`error passes in the ${theme} theme`, async () => {
        const isolated = isolatedApi(await serverUrl(), (path) => (path === '/v1/catalog' ? problemResponse(403, 'forbidden') : undefined));
        cleanup.push(() => isolated.restore());
        await expect(await catalog({ api: isolated.api, theme }, 'error')).to.be.accessible();
      });
    }
  });

  describe('S1 S2 what the catalog shows', () => {
    it('S1 name, coin price and stock; what the member cannot afford says how many coins are missing; out of stock plainly', async () => {
      const kit = await product('Soldering kit', 30);
      const scope = await product('Oscilloscope', 500);
      const gone = await product('Sold out probe', 10, 0);
      const member = await newMember({ coins: 100 });
      const element = await fresh({ token: member.token });
      expect(visibleText(cardPart(element, kit, 'item-name')!)).to.equal('Soldering kit');
      expect(visibleText(cardPart(element, kit, 'price')!)).to.equal('30 coins');
      expect(visibleText(cardPart(element, kit, 'stock')!)).to.equal('5 left');
      expect(visibleText(cardPart(element, kit, 'redeem-button')!)).to.equal('Redeem');
      expect(cardPart(element, kit, 'redeem-button')!.getAttribute('aria-label')).to.equal('Redeem for 30 coins: Soldering kit');
      expect(cardPart(element, scope, 'redeem-button')).to.equal(null);
      expect(visibleText(cardPart(element, scope, 'shortfall')!)).to.equal('400 more coins needed');
      expect(visibleText(cardPart(element, gone, 'stock')!)).to.equal('Out of stock');
      expect(cardPart(element, gone, 'redeem-button')).to.equal(null);
    });

    it('S2 a coupon shows its value', async () => {
      const id = await coupon('Five dollars off', 20, 500);
      const element = await fresh({}, 'signed-out');
      expect(visibleText(cardPart(element, id, 'coupon-value')!)).to.equal('$5.00 coupon');
      expect(cardPart(element, id, 'redeem-button'), 'no button for a visitor').to.equal(null);
      expect(visibleText(part(element, 'face-signed-out')!)).to.equal('Sign in to redeem rewards with your coins.');
    });
  });

  describe('S1 S2 redeeming', () => {
    it('S1 Redeem asks in the card; Cancel and Escape keep the coins; focus goes where expected', async () => {
      const id = await product('Soldering kit', 30);
      const member = await newMember({ coins: 100 });
      const element = await fresh({ token: member.token });
      cardPart(element, id, 'redeem-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(visibleText(cardPart(element, id, 'confirm')!)).to.equal('Redeem Soldering kit for 30 coins? Redeem Cancel');
      expect(focusedPart(element), 'focus on the safe answer').to.equal('cancel-button');
      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(cardPart(element, id, 'confirm')).to.equal(null);
      expect(focusedPart(element)).to.equal('redeem-button');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      await sendKeys({ press: 'Enter' }); // Cancel
      await element.updateComplete;
      expect(cardPart(element, id, 'confirm')).to.equal(null);
      expect(focusedPart(element)).to.equal('redeem-button');
    });

    it('S1 confirming puts the gift in the cart: balances and carts on the page follow without another request, the event tells the page', async () => {
      const id = await product('Probe set', 30);
      const member = await newMember({ coins: 100 });
      const isolated = isolatedApi(await serverUrl());
      cleanup.push(() => isolated.restore());
      const page = document.createElement('div');
      page.innerHTML = `<coin-balance api="${isolated.api}" locale="en"></coin-balance><redemption-cart api="${isolated.api}" locale="en"></redemption-cart>`;
      const [balance, cart] = [...page.children] as Array<HTMLElement & { token: string }>;
      balance!.token = member.token;
      cart!.token = member.token;
      document.body.append(page);
      cleanup.push(() => page.remove());
      await untilFace(balance!, 'ready');
      await untilFace(cart!, 'ready');
      const element = await catalog({ api: isolated.api, token: member.token });
      const before = isolated.requests.length;

      cardPart(element, id, 'redeem-button')!.click();
      await element.updateComplete;
      const cartChanged = oneEvent(element, 'rewards-cart-changed');
      setTimeout(() => cardPart(element, id, 'confirm-redeem-button')!.click());
      const event = (await oneEvent(element, 'rewards-redeemed')) as RewardsRedeemedEvent;
      await element.updateComplete;
      expect(((await cartChanged) as RewardsCartChangedEvent).detail).to.deep.equal({ reason: 'redeemed', itemId: event.detail.cartItemId });

      expect(event.detail.catalogItemId).to.equal(id);
      expect(event.detail.coins).to.equal(30);
      expect(event.detail.cartItemId).to.be.a('string');
      expect(event.bubbles && event.composed).to.equal(true);
      expect(visibleText(cardPart(element, id, 'message')!)).to.equal('Probe set is in your cart.');
      expect(focusedPart(element)).to.equal('message');
      await untilText(element, () => visibleText(balance!.shadowRoot!.querySelector('[part~="amount"]')!), '70');
      await untilText(element, () => visibleText(cart!), visibleText(cart!).includes('Probe set') ? visibleText(cart!) : 'waiting for the cart');
      expect(visibleText(cardPart(element, id, 'stock')!)).to.equal('4 left');
      expect(isolated.requests.slice(before)).to.deep.equal(['POST /v1/me/redemptions']);
      expect(visibleText(cardPart(element, id, 'redeem-button')!), 'another can be redeemed').to.equal('Redeem');
    });

    it('S1 a double click on the confirmation redeems once', async () => {
      const id = await product('Probe set', 30);
      const member = await newMember({ coins: 100 });
      const element = await fresh({ token: member.token });
      spy = spyOnFetch();
      cardPart(element, id, 'redeem-button')!.click();
      await element.updateComplete;
      const confirm = cardPart(element, id, 'confirm-redeem-button')!;
      const redeemed = oneEvent(element, 'rewards-redeemed');
      confirm.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
      confirm.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 2 }));
      confirm.click();
      await redeemed;
      expect(spy.count('/', 'POST')).to.equal(1);
      const coins = (await createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token }).getMe()).coins.available;
      expect(coins).to.equal(70);
    });

    it('S2 a coupon shows its code with a copy button', async () => {
      const id = await coupon('Five dollars off', 20, 500);
      const member = await newMember({ coins: 100 });
      const element = await fresh({ token: member.token });
      cardPart(element, id, 'redeem-button')!.click();
      await element.updateComplete;
      cardPart(element, id, 'confirm-redeem-button')!.click();
      await oneEvent(element, 'rewards-redeemed');
      await element.updateComplete;
      const code = visibleText(cardPart(element, id, 'coupon-code')!);
      const { coupons } = await createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token }).getCoupons();
      expect(coupons.map((entry) => entry.code)).to.deep.equal([code]);
      let copied: string | undefined;
      const clipboard = navigator.clipboard as Clipboard & { writeText: (text: string) => Promise<void> };
      const writeText = Object.getOwnPropertyDescriptor(clipboard, 'writeText');
      Object.defineProperty(clipboard, 'writeText', { configurable: true, value: async (text: string) => void (copied = text) });
      cleanup.push(() => (writeText ? Object.defineProperty(clipboard, 'writeText', writeText) : delete (clipboard as { writeText?: unknown }).writeText));
      cardPart(element, id, 'copy-button')!.click();
      await untilText(element, () => visibleText(cardPart(element, id, 'copy-status')!), 'Copied');
      expect(copied).to.equal(code);
    });

    it('S1 out of stock meanwhile: the refusal is said plainly and the stock re-syncs', async () => {
      const id = await product('Last probe', 10, 1);
      const [member, other] = [await newMember({ coins: 100 }), await newMember({ coins: 100 })];
      const element = await fresh({ token: member.token });
      cardPart(element, id, 'redeem-button')!.click();
      await element.updateComplete;
      await createRewardsClient({ baseUrl: await serverUrl(), getToken: () => other.token }).redeem(id);
      const errors: RewardsErrorEvent[] = [];
      element.addEventListener('rewards-error', (event) => errors.push(event));
      cardPart(element, id, 'confirm-redeem-button')!.click();
      await untilText(element, () => visibleText(cardPart(element, id, 'item-message') ?? element), 'This reward is out of stock.');
      await untilText(element, () => visibleText(cardPart(element, id, 'stock')!), 'Out of stock');
      expect(errors.map((error) => [error.detail.code, error.detail.source])).to.deep.equal([['out_of_stock', 'reward-catalog']]);
    });

    it('S4 insufficient coins meanwhile: said plainly, and the card then says how many are missing', async () => {
      const id = await product('Probe set', 80);
      const member = await newMember({ coins: 100 });
      const element = await fresh({ token: member.token });
      cardPart(element, id, 'redeem-button')!.click();
      await element.updateComplete;
      await createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token }).redeem(await product('Spent elsewhere', 50));
      cardPart(element, id, 'confirm-redeem-button')!.click();
      await untilText(element, () => visibleText(cardPart(element, id, 'item-message') ?? element), 'You do not have enough coins for this.');
      await untilText(element, () => visibleText(cardPart(element, id, 'shortfall') ?? element), '30 more coins needed');
    });
  });

  it('error: a short message and Try again loads the catalog', async () => {
    let refuse = true;
    const isolated = isolatedApi(await serverUrl(), (path) => (path === '/v1/catalog' && refuse ? problemResponse(403, 'forbidden') : undefined));
    cleanup.push(() => isolated.restore());
    const element = await catalog({ api: isolated.api }, 'error');
    expect(visibleText(element)).to.equal('Something went wrong. Try again');
    refuse = false;
    await product('After the retry', 10);
    part(element, 'retry-button')!.click();
    await untilFace(element, 'signed-out');
    expect(parts(element, 'item').length).to.be.above(0);
  });

  it('Simplified Chinese', async () => {
    const id = await product('Soldering kit', 30);
    const element = await fresh({ locale: 'zh-CN' }, 'signed-out');
    await untilText(element, () => visibleText(cardPart(element, id, 'price')!), '30 金币');
    expect(visibleText(cardPart(element, id, 'stock')!)).to.equal('剩余 5 件');
  });

  it('survives a hostile page stylesheet', async () => {
    const remove = addHostileStyles();
    cleanup.push(remove);
    const id = await product('Soldering kit', 30);
    const member = await newMember({ coins: 100 });
    const element = await fresh({ token: member.token });
    const button = cardPart(element, id, 'redeem-button')!;
    expect(getComputedStyle(button).display).to.not.equal('none');
    expect(button.getBoundingClientRect().height).to.be.above(30);
  });
});
