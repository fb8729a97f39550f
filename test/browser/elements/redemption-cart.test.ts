import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/coin-balance/define.ts';
import '../../../src/elements/redemption-cart/define.ts';
import type { RedemptionCart } from '../../../src/elements/redemption-cart/redemption-cart.ts';
import type { RewardsCartChangedEvent } from '../../../src/events/cart-changed.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import { createRewardsClient } from '../../../src/sdk/rewards-client.ts';
import { rewardsSession } from '../../../src/store/index.ts';
import { newMember, serverUrl, shop } from '../support/server.ts';
import { watch } from '../support/watch.ts';
import { part, parts, untilFace, visibleText } from './support/faces.ts';
import { problemResponse, spyOnFetch, type FetchSpy } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';
import { untilText } from './support/until-text.ts';

// ---------------------------------------------------------------------------------------------
// Members with gifts in their carts, on the real server.

let counter = 0;
function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

async function catalogItem(name: string, coins: number): Promise<string> {
  const id = uniqueId('gift');
  await shop('putCatalogItem', id, { kind: 'product', name, description: '', imageUrl: null, coins, stock: 5 });
  return id;
}

interface CartMember {
  memberId: string;
  token: string;
  /** Cart item ids of the redeemed products, in the order given. */
  redeemed: string[];
}

/**
 * A member whose cart holds the given products, redeemed with coins. With `order`, the coins
 * come from a completed order, which also reaches Mercury (LV1) and so puts its upgrade gift in
 * the cart (P5); without, they come from the newsletter (C2, 50 coins) and the cart holds only
 * the products.
 */
async function memberWithGifts(products: Array<{ name: string; coins: number }>, { order = true } = {}): Promise<CartMember> {
  const total = products.reduce((sum, product) => sum + product.coins, 0);
  const member = await newMember(order ? { coins: total + 20 } : {});
  if (!order) {
    await shop('sendEvent', {
      id: uniqueId('newsletter'),
      type: 'newsletter.subscribed',
      memberId: member.memberId,
      occurredAt: new Date().toISOString(),
      data: {},
    });
  }
  const client = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token });
  const redeemed: string[] = [];
  for (const product of products) {
    const answer = await client.redeem(await catalogItem(product.name, product.coins));
    redeemed.push(answer.cartItem!.id);
  }
  return { ...member, redeemed };
}

/** The shop completes an order that carries these cart items: they can no longer be removed (S1). */
async function shipWithOrder(member: CartMember, itemIds: string[]): Promise<void> {
  await shop('sendEvent', {
    id: uniqueId('order-event'),
    type: 'order.completed',
    memberId: member.memberId,
    occurredAt: new Date().toISOString(),
    data: {
      orderId: uniqueId('order'),
      lines: [{ sku: 'resistors', unitPriceCents: 99, quantity: 1 }],
      shippingCents: 0,
      redemptionItemIds: itemIds,
    },
  });
}

async function cart(options: { token?: string | undefined; locale?: string; theme?: 'light' | 'dark' }, face = 'ready') {
  const element = await fixture<RedemptionCart>(html`<redemption-cart
    api=${await serverUrl()}
    token=${ifDefined(options.token)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></redemption-cart>`);
  await untilFace(element, face);
  return element;
}

function row(element: RedemptionCart, itemId: string): HTMLElement {
  const found = [...element.shadowRoot!.querySelectorAll<HTMLElement>('li[data-item-id]')].find((candidate) => candidate.dataset['itemId'] === itemId);
  if (!found) throw new Error(`no row for ${itemId}; the cart reads "${visibleText(element)}"`);
  return found;
}

function rowPart(element: RedemptionCart, itemId: string, name: string): HTMLElement | null {
  return row(element, itemId).querySelector<HTMLElement>(`[part~="${name}"]`);
}

function rowNames(element: RedemptionCart): string[] {
  return parts(element, 'item-name').map((name) => visibleText(name));
}

function focused(element: RedemptionCart): HTMLElement | null {
  return element.shadowRoot!.activeElement as HTMLElement | null;
}

function subscribers(element: RedemptionCart): number {
  const store = (element as unknown as { cart: { store?: { lc: number } } }).cart.store;
  return store?.lc ?? 0;
}

describe('redemption-cart', () => {
  let spy: FetchSpy | undefined;
  let cleanup: Array<() => void> = [];

  afterEach(() => {
    spy?.restore();
    spy = undefined;
    for (const step of cleanup) step();
    cleanup = [];
    fixtureCleanup();
  });

  describe('accessibility audit (axe), every face, both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready face passes in the ${theme} theme (a removable gift, a shipped one, an upgrade gift)`, async () => {
        const member = await memberWithGifts([
          { name: 'Soldering kit', coins: 30 },
          { name: 'Probe set', coins: 40 },
        ]);
        await shipWithOrder(member, [member.redeemed[1]!]);
        const element = await cart({ token: member.token, theme });
        await expect(element).to.be.accessible();
      });

      it(`confirm step passes in the ${theme} theme`, async () => {
        const member = await memberWithGifts([{ name: 'Soldering kit', coins: 30 }]);
        const element = await cart({ token: member.token, theme });
        rowPart(element, member.redeemed[0]!, 'remove-button')!.click();
        await element.updateComplete;
        await expect(element).to.be.accessible();
      });

      it(`loading face passes in the ${theme} theme`, async () => {
        const element = await fixture<RedemptionCart>(html`<redemption-cart theme=${theme}></redemption-cart>`);
        await untilFace(element, 'loading');
        await expect(element).to.be.accessible();
      });

      it(`empty face passes in the ${theme} theme`, async () => {
        const member = await newMember();
        const element = await cart({ token: member.token, theme }, 'empty');
        await expect(element).to.be.accessible();
      });

      it(`signed-out face passes in the ${theme} theme`, async () => {
        const element = await cart({ theme }, 'signed-out');
        await expect(element).to.be.accessible();
      });

      it(`error face passes in the ${theme} theme`, async () => {
        spy = spyOnFetch((url) => (url.pathname === '/v1/me/cart' ? problemResponse(403, 'forbidden') : undefined));
        const member = await newMember();
        const element = await cart({ token: member.token, theme }, 'error');
        await expect(element).to.be.accessible();
      });
    }
  });

  describe('S1 P5 what the cart shows', () => {
    it('S1 P5 lists redeemed gifts with their coins and upgrade gifts with their level', async () => {
      const member = await memberWithGifts([{ name: 'Soldering kit', coins: 30 }]);
      const element = await cart({ token: member.token });
      expect(visibleText(part(element, 'title')!)).to.equal('Gifts in your cart');
      expect(rowNames(element)).to.deep.equal(['Mercury upgrade gift', 'Soldering kit']);
      expect(visibleText(rowPart(element, member.redeemed[0]!, 'item-detail')!)).to.equal('Redeemed for 30 coins');
      const details = parts(element, 'item-detail').map((detail) => visibleText(detail));
      expect(details[0]).to.equal('Upgrade gift for reaching Mercury · Free');
      const remove = rowPart(element, member.redeemed[0]!, 'remove-button')!;
      expect(visibleText(remove)).to.equal('Remove');
      expect(remove.getAttribute('aria-label')).to.equal('Remove Soldering kit');
    });

    it('S1 a gift carried by a completed order says it can no longer be removed, and why', async () => {
      const member = await memberWithGifts([{ name: 'Probe set', coins: 40 }]);
      await shipWithOrder(member, member.redeemed);
      const element = await cart({ token: member.token });
      const itemId = member.redeemed[0]!;
      expect(rowPart(element, itemId, 'remove-button')).to.equal(null);
      expect(visibleText(rowPart(element, itemId, 'not-removable')!)).to.equal('Can no longer be removed It is part of a completed order.');
    });

    it('P5 an upgrade gift cannot be removed and says so', async () => {
      const member = await newMember({ coins: 10 });
      const element = await cart({ token: member.token });
      const gift = parts(element, 'item-upgrade-gift')[0]!;
      expect(gift.querySelector('[part~="remove-button"]')).to.equal(null);
      expect(visibleText(gift.querySelector('[part~="not-removable"]')!)).to.equal('Upgrade gifts cannot be removed.');
    });

    it('empty: a member without gifts reads so', async () => {
      const member = await newMember();
      const element = await cart({ token: member.token }, 'empty');
      expect(visibleText(part(element, 'face-empty')!)).to.equal('No gifts in your cart.');
    });
  });

  describe('S1 removing a gift', () => {
    it('S1 Remove asks inside the row, Keep and Escape keep the gift, focus goes where expected', async () => {
      const member = await memberWithGifts([{ name: 'Soldering kit', coins: 30 }]);
      const element = await cart({ token: member.token });
      const itemId = member.redeemed[0]!;

      rowPart(element, itemId, 'remove-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      const confirm = rowPart(element, itemId, 'confirm')!;
      expect(confirm.getAttribute('role')).to.equal('group');
      expect(visibleText(confirm)).to.equal('Remove Soldering kit? 30 coins will come back. Remove Keep');
      expect(element.shadowRoot!.getElementById(confirm.getAttribute('aria-labelledby')!)!.textContent).to.equal(
        'Remove Soldering kit? 30 coins will come back.',
      );
      expect(focused(element)?.getAttribute('part'), 'focus on the safe answer').to.equal('keep-button');

      await sendKeys({ press: 'Escape' });
      await element.updateComplete;
      expect(rowPart(element, itemId, 'confirm')).to.equal(null);
      expect(focused(element)?.getAttribute('part')).to.equal('remove-button');

      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      await sendKeys({ press: 'Enter' }); // Keep
      await element.updateComplete;
      expect(rowPart(element, itemId, 'confirm')).to.equal(null);
      expect(rowNames(element)).to.include('Soldering kit');
      expect(focused(element)?.getAttribute('part')).to.equal('remove-button');
    });

    it('S1 confirming gives the coins back: the row goes, the message says so, balances on the page follow, the event tells the page', async () => {
      const member = await memberWithGifts([
        { name: 'Soldering kit', coins: 30 },
        { name: 'Probe set', coins: 40 },
      ]);
      const api = await serverUrl();
      const page = document.createElement('div');
      page.innerHTML = `<coin-balance api="${api}" locale="en"></coin-balance>`;
      const balance = page.firstElementChild as HTMLElement & { token: string };
      balance.token = member.token;
      document.body.append(page);
      cleanup.push(() => page.remove());
      const account = watch(rewardsSession({ api, getToken: () => member.token }).account);
      cleanup.push(() => account.stop());
      expect((await account.ready()).coins.available).to.equal(20);

      const element = await cart({ token: member.token });
      const [kit, probes] = member.redeemed as [string, string];
      rowPart(element, kit, 'remove-button')!.click();
      await element.updateComplete;
      setTimeout(() => rowPart(element, kit, 'confirm-remove-button')!.click());
      const event = (await oneEvent(element, 'rewards-cart-changed')) as RewardsCartChangedEvent;
      await element.updateComplete;

      expect(event.detail).to.deep.equal({ reason: 'removed', itemId: kit, coinsReturned: 30 });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(rowNames(element)).to.deep.equal(['Mercury upgrade gift', 'Probe set']);
      expect(visibleText(part(element, 'message')!)).to.equal('Soldering kit removed. 30 coins returned.');
      expect(part(element, 'message')!.getAttribute('role')).to.equal('status');
      expect(focused(element)?.getAttribute('part'), 'the next gift').to.equal('remove-button');
      expect(focused(element)?.closest('li')?.dataset['itemId']).to.equal(probes);
      expect(account.data().coins.available, 'every balance reads the same store').to.equal(50);
      await untilText(element, () => visibleText(balance.shadowRoot!.querySelector('[part~="amount"]')!), '50');
    });

    it('S1 removing the last gift shows the empty cart and puts focus on its title', async () => {
      const member = await memberWithGifts([{ name: 'Soldering kit', coins: 30 }], { order: false });
      const element = await cart({ token: member.token });
      rowPart(element, member.redeemed[0]!, 'remove-button')!.click();
      await element.updateComplete;
      setTimeout(() => rowPart(element, member.redeemed[0]!, 'confirm-remove-button')!.click());
      await oneEvent(element, 'rewards-cart-changed');
      await untilFace(element, 'empty');
      expect(visibleText(part(element, 'face-empty')!)).to.equal('No gifts in your cart.');
      expect(visibleText(part(element, 'message')!)).to.equal('Soldering kit removed. 30 coins returned.');
      expect(focused(element)?.getAttribute('part')).to.equal('title');
    });

    it('S1 removeItem() from a page script removes without asking, and leaves the focus where it is', async () => {
      const member = await memberWithGifts([{ name: 'Soldering kit', coins: 30 }]);
      const element = await cart({ token: member.token });
      const search = document.createElement('input');
      search.setAttribute('aria-label', 'Search');
      document.body.append(search);
      cleanup.push(() => search.remove());
      search.focus();
      const changed = oneEvent(element, 'rewards-cart-changed');
      await element.removeItem(member.redeemed[0]!);
      expect(((await changed) as RewardsCartChangedEvent).detail.coinsReturned).to.equal(30);
      await element.updateComplete;
      expect(rowNames(element)).to.deep.equal(['Mercury upgrade gift']);
      expect(document.activeElement === search, 'the focus stays on the page').to.equal(true);
    });

    it('S1 a gift an order took meanwhile: the removal is refused with a short message, and the row re-syncs', async () => {
      const member = await memberWithGifts([{ name: 'Probe set', coins: 40 }]);
      const element = await cart({ token: member.token });
      const itemId = member.redeemed[0]!;
      rowPart(element, itemId, 'remove-button')!.click();
      await element.updateComplete;
      await shipWithOrder(member, [itemId]);

      const errors: RewardsErrorEvent[] = [];
      element.addEventListener('rewards-error', (event) => errors.push(event));
      rowPart(element, itemId, 'confirm-remove-button')!.click();

      await untilText(element, () => visibleText(rowPart(element, itemId, 'item-message') ?? element), 'This gift can no longer be removed.');
      await untilText(
        element,
        () => visibleText(rowPart(element, itemId, 'not-removable') ?? element),
        'Can no longer be removed It is part of a completed order.',
      );
      expect(rowPart(element, itemId, 'remove-button')).to.equal(null);
      expect(focused(element)?.getAttribute('part')).to.equal('item-message');
      expect(errors.map((error) => [error.detail.code, error.detail.source])).to.deep.equal([['not_removable', 'redemption-cart']]);
    });
  });

  describe('P5 shipping an upgrade gift', () => {
    it('P5 a radio group chosen with the keyboard; the choice is saved and the event fired', async () => {
      const member = await newMember({ coins: 10 });
      const element = await cart({ token: member.token });
      const gift = parts(element, 'item-upgrade-gift')[0]!;
      const itemId = gift.dataset['itemId']!;
      const radios = [...gift.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      expect(gift.querySelector('legend')!.textContent).to.equal('Shipping');
      expect(radios.map((radio) => radio.closest('label')!.textContent!.trim())).to.deep.equal(['With my next order', 'Ship now (I pay the shipping)']);
      expect(
        radios.map((radio) => radio.checked),
        'with the next order by default',
      ).to.deep.equal([true, false]);

      radios[0]!.focus();
      setTimeout(() => void sendKeys({ press: 'ArrowDown' }));
      const event = (await oneEvent(element, 'rewards-cart-changed')) as RewardsCartChangedEvent;
      expect(event.detail).to.deep.equal({ reason: 'shipping', itemId });
      await element.updateComplete;
      const now = gift.querySelectorAll<HTMLInputElement>('input[type="radio"]');
      expect([...now].map((radio) => radio.checked)).to.deep.equal([false, true]);
      const saved = await createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token }).getCart();
      expect(saved.items.find((item) => item.id === itemId)).to.include({ shipping: 'now' });
    });

    it('P5 a refused shipping choice goes back and says so', async () => {
      const member = await newMember({ coins: 10 });
      spy = spyOnFetch((url, init) => (url.pathname.startsWith('/v1/me/cart/') && init?.method === 'PATCH' ? problemResponse(403, 'forbidden') : undefined));
      const element = await cart({ token: member.token });
      const gift = parts(element, 'item-upgrade-gift')[0]!;
      const itemId = gift.dataset['itemId']!;
      gift.querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]!.click();
      await untilText(
        element,
        () => visibleText(rowPart(element, itemId, 'item-message') ?? element),
        'Your shipping choice for Mercury upgrade gift could not be saved.',
      );
      const radios = row(element, itemId).querySelectorAll<HTMLInputElement>('input[type="radio"]');
      expect([...radios].map((radio) => radio.checked)).to.deep.equal([true, false]);
    });
  });

  describe('faces', () => {
    it("signed-out: the page's own sign-in link in the slot, or a sentence", async () => {
      const element = await fixture<RedemptionCart>(html`<redemption-cart api=${await serverUrl()} locale="en"
        ><a slot="signed-out" href="/login">Sign in</a></redemption-cart
      >`);
      await untilFace(element, 'signed-out');
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out"]')!;
      expect(slot.assignedElements().map((assigned) => assigned.textContent)).to.deep.equal(['Sign in']);
      const bare = await cart({}, 'signed-out');
      expect(visibleText(bare)).to.equal('Sign in to see the gifts in your cart.');
    });

    it('error: a short message, one rewards-error, and Try again loads the cart', async () => {
      let refuse = true;
      spy = spyOnFetch((url) => (url.pathname === '/v1/me/cart' && refuse ? problemResponse(403, 'forbidden') : undefined));
      const member = await memberWithGifts([{ name: 'Soldering kit', coins: 30 }]);
      const errors: RewardsErrorEvent[] = [];
      const listener = (event: RewardsErrorEvent) => errors.push(event);
      document.addEventListener('rewards-error', listener);
      cleanup.push(() => document.removeEventListener('rewards-error', listener));
      const element = await cart({ token: member.token }, 'error');
      expect(visibleText(part(element, 'face-error')!)).to.equal('Something went wrong. Try again');
      expect(errors.map((error) => [error.detail.code, error.detail.source])).to.deep.equal([['forbidden', 'redemption-cart']]);
      refuse = false;
      part(element, 'retry-button')!.click();
      await untilFace(element, 'ready');
      expect(rowNames(element)).to.deep.equal(['Mercury upgrade gift', 'Soldering kit']);
    });

    it('loading: a status with a spoken label and a skeleton', async () => {
      const element = await fixture<RedemptionCart>(html`<redemption-cart locale="en"></redemption-cart>`);
      await untilFace(element, 'loading');
      const face = part(element, 'face-loading')!;
      expect(face.getAttribute('role')).to.equal('status');
      expect(face.getAttribute('aria-busy')).to.equal('true');
      expect(face.querySelector('.visually-hidden')!.textContent).to.equal('Loading…');
      expect(parts(element, 'skeleton').length).to.be.above(0);
    });
  });

  describe('languages', () => {
    it('S1 P5 Simplified Chinese', async () => {
      const member = await memberWithGifts([{ name: 'Soldering kit', coins: 30 }]);
      const element = await cart({ token: member.token, locale: 'zh-CN' });
      await untilText(element, () => visibleText(part(element, 'title')!), '购物车中的礼品');
      expect(visibleText(rowPart(element, member.redeemed[0]!, 'item-detail')!)).to.equal('已用 30 金币兑换');
      expect(visibleText(parts(element, 'item-detail')[0]!)).to.equal('达到水星的升级礼品 · 免费');
      expect(rowPart(element, member.redeemed[0]!, 'remove-button')!.getAttribute('aria-label')).to.equal('移除Soldering kit');
      rowPart(element, member.redeemed[0]!, 'remove-button')!.click();
      await element.updateComplete;
      expect(visibleText(rowPart(element, member.redeemed[0]!, 'confirm')!)).to.equal('确定移除Soldering kit吗？30 金币将退回。 移除 保留');
    });
  });

  describe('its box on a page', () => {
    /** The host's and the drawn cart's boxes, and where the next paragraph starts. */
    async function placed(container: string, style = '') {
      const member = await memberWithGifts([{ name: 'Soldering kit', coins: 30 }], { order: false });
      const page = await fixture<HTMLElement>(html`<div style="inline-size: ${container}">
        <redemption-cart api=${await serverUrl()} token=${member.token} locale="en" style=${style}></redemption-cart><p>After the cart</p>
      </div>`);
      const element = page.querySelector('redemption-cart')!;
      await untilFace(element, 'ready');
      const host = element.getBoundingClientRect();
      const drawn = part(element, 'base')!.getBoundingClientRect();
      const next = page.querySelector('p')!.getBoundingClientRect();
      return {
        display: getComputedStyle(element).display,
        host: [host.left, host.right, host.bottom],
        drawn: [drawn.left, drawn.right, drawn.bottom],
        nextTop: next.top,
      };
    }

    it('is a block as wide as the cart it draws, 28rem by default, the next content below it', async () => {
      const box = await placed('600px');
      expect(box.display).to.equal('block');
      expect(box.host).to.deep.equal(box.drawn);
      expect(box.host[1]! - box.host[0]!).to.equal(28 * 16);
      expect(box.nextTop).to.be.at.least(box.host[2]!);
      // A page that writes display: block (as the demo once did) gets the same box, not a wider host.
      const pageBlock = await placed('600px', 'display: block');
      expect(pageBlock.host).to.deep.equal(pageBlock.drawn);
    });

    it('never wider than a narrow container, and --rk-cart-inline-size sets its width', async () => {
      const narrow = await placed('280px');
      expect(narrow.host).to.deep.equal(narrow.drawn);
      expect(narrow.host[1]! - narrow.host[0]!).to.equal(280);
      const themed = await placed('600px', '--rk-cart-inline-size: 20rem');
      expect(themed.host).to.deep.equal(themed.drawn);
      expect(themed.host[1]! - themed.host[0]!).to.equal(20 * 16);
    });
  });

  describe('on a hostile page', () => {
    it('S1 rows and buttons stay visible and usable under * { all: unset } and friends', async () => {
      cleanup.push(addHostileStyles());
      const member = await memberWithGifts([{ name: 'Soldering kit', coins: 30 }]);
      const element = document.createElement('redemption-cart');
      element.api = await serverUrl();
      element.token = member.token;
      element.locale = 'en';
      document.body.append(element);
      cleanup.push(() => element.remove());
      await untilFace(element, 'ready');
      const remove = rowPart(element, member.redeemed[0]!, 'remove-button')!;
      const box = remove.getBoundingClientRect();
      expect(box.width).to.be.above(40);
      expect(box.height).to.be.at.least(36);
      expect(row(element, member.redeemed[0]!).getBoundingClientRect().height).to.be.above(40);
      remove.click();
      await element.updateComplete;
      setTimeout(() => rowPart(element, member.redeemed[0]!, 'confirm-remove-button')!.click());
      const event = (await oneEvent(element, 'rewards-cart-changed')) as RewardsCartChangedEvent;
      expect(event.detail.coinsReturned).to.equal(30);
    });
  });

  describe('life cycle', () => {
    it("another member (token) after the first render shows that member's cart", async () => {
      const first = await memberWithGifts([{ name: 'Soldering kit', coins: 30 }]);
      const second = await memberWithGifts([{ name: 'Probe set', coins: 40 }], { order: false });
      const element = await cart({ token: first.token });
      expect(rowNames(element)).to.deep.equal(['Mercury upgrade gift', 'Soldering kit']);
      element.token = second.token;
      await untilText(element, () => rowNames(element).join(', '), 'Probe set');
    });

    it('removing the element leaves no subscription behind; putting it back subscribes again', async () => {
      const member = await newMember();
      const element = await cart({ token: member.token }, 'empty');
      expect(subscribers(element)).to.equal(1);
      const parent = element.parentElement!;
      element.remove();
      expect(subscribers(element)).to.equal(0);
      parent.append(element);
      await element.updateComplete;
      expect(subscribers(element)).to.equal(1);
    });
  });
});
