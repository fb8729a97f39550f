import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/member-price/define.ts';
import type { MemberPrice } from '../../../src/elements/member-price/member-price.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import { quoteOrder } from '../../../src/rules/quote.ts';
import { createRewardsClient } from '../../../src/sdk/rewards-client.ts';
import { newMember, serverUrl } from '../support/server.ts';
import { part, untilFace, visibleText } from './support/faces.ts';
import { problemResponse, spyOnFetch, type FetchSpy } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';
import { isolatedApi, type IsolatedApi } from './support/isolated-api.ts';
import { untilText } from './support/until-text.ts';

interface PriceOptions {
  api?: string;
  price?: number;
  token?: string | undefined;
  locale?: string;
  currency?: string;
  theme?: 'light' | 'dark';
  partnerSeller?: boolean;
  specialOffer?: boolean;
}

async function memberPrice(options: PriceOptions, face = 'ready'): Promise<MemberPrice> {
  const element = await fixture<MemberPrice>(html`<member-price
    api=${options.api ?? (await serverUrl())}
    token=${ifDefined(options.token)}
    price=${ifDefined(options.price)}
    currency=${ifDefined(options.currency)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
    ?partner-seller=${options.partnerSeller ?? false}
    ?special-offer=${options.specialOffer ?? false}
  ></member-price>`);
  await untilFace(element, face);
  return element;
}

/** 600 points: Mars (LV2), 2% member discount (P3, P4). */
async function marsMember() {
  return newMember({ coins: 600 });
}

describe('member-price', () => {
  let spy: FetchSpy | undefined;
  let isolated: IsolatedApi | undefined;
  afterEach(() => {
    spy?.restore();
    spy = undefined;
    isolated?.restore();
    isolated = undefined;
    fixtureCleanup();
  });

  /** The levels of a fresh API name fail while `refuse()` says so. */
  async function failingLevels(refuse: () => boolean = () => true): Promise<string> {
    isolated = isolatedApi(await serverUrl(), (path) => (path === '/v1/levels' && refuse() ? problemResponse(403, 'forbidden') : undefined));
    return isolated.api;
  }

  describe('accessibility audit (axe), every face, both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready (discounted) passes in the ${theme} theme`, async () => {
        const member = await marsMember();
        await expect(await memberPrice({ price: 1299, token: member.token, theme })).to.be.accessible();
      });
      it(`ready (no discount) passes in the ${theme} theme`, async () => {
        const member = await marsMember();
        await expect(await memberPrice({ price: 1299, token: member.token, theme, partnerSeller: true })).to.be.accessible();
      });
      it(`loading passes in the ${theme} theme`, async () => {
        const element = await fixture<MemberPrice>(html`<member-price price="100" theme=${theme}></member-price>`);
        await untilFace(element, 'loading');
        await expect(element).to.be.accessible();
      });
      it(`signed-out passes in the ${theme} theme`, async () => {
        await expect(await memberPrice({ price: 1299, theme }, 'signed-out')).to.be.accessible();
      });
      it(`empty passes in the ${theme} theme`, async () => {
        await expect(await memberPrice({ theme }, 'empty')).to.be.accessible();
      });
      it(`error passes in the ${theme} theme`, async () => {
        const api = await failingLevels();
        const member = await newMember();
        await expect(await memberPrice({ api, price: 1299, token: member.token, theme }, 'error')).to.be.accessible();
      });
    }
  });

  describe('P4 the member price', () => {
    it('P4 a Mars member sees 2% off next to the struck list price, as the rules quote it', async () => {
      const member = await marsMember();
      const element = await memberPrice({ price: 1299, token: member.token });
      const terms = await createRewardsClient({ baseUrl: await serverUrl() }).getLevels();
      const quote = quoteOrder({ lines: [{ unitPriceCents: 1299, quantity: 1 }] }, 600, terms);
      expect(quote.memberDiscountCents).to.equal(26);
      expect(visibleText(part(element, 'price')!)).to.equal('Member price: $12.73');
      expect(part(element, 'list-price')!.localName).to.equal('s');
      expect(visibleText(part(element, 'list-price')!)).to.equal('List price: $12.99');
      expect(visibleText(part(element, 'note')!)).to.equal('Mars price, 2% off');
    });

    it('P4 a partner seller product and a special offer get the plain price and say why', async () => {
      const member = await marsMember();
      const partner = await memberPrice({ price: 1299, token: member.token, partnerSeller: true });
      expect(visibleText(partner)).to.equal('$12.99 Partner seller product: no member discount.');
      expect(part(partner, 'list-price')).to.equal(null);
      const offer = await memberPrice({ price: 1299, token: member.token, specialOffer: true });
      expect(visibleText(offer)).to.equal('$12.99 Special offer: no member discount.');
    });

    it('P4 a member at LV0 sees the plain price and "No member discount yet"', async () => {
      const member = await newMember();
      const element = await memberPrice({ price: 500, token: member.token });
      expect(visibleText(element)).to.equal('$5.00 No member discount yet');
    });

    it('P4 follows a change of price at once, without another request', async () => {
      const member = await marsMember();
      const element = await memberPrice({ price: 1000, token: member.token });
      expect(visibleText(part(element, 'price')!)).to.equal('Member price: $9.80');
      spy = spyOnFetch(() => undefined);
      element.price = 5000;
      await element.updateComplete;
      expect(visibleText(part(element, 'price')!)).to.equal('Member price: $49.00');
      expect(spy.requests).to.deep.equal([]);
    });

    it('locale and currency aware: euros, yen without minor units, yuan in Chinese', async () => {
      const member = await marsMember();
      const euros = await memberPrice({ price: 1000, token: member.token, currency: 'EUR' });
      expect(visibleText(part(euros, 'price')!)).to.equal('Member price: €9.80');
      const yen = await memberPrice({ price: 1000, token: member.token, currency: 'JPY' });
      expect(visibleText(part(yen, 'price')!)).to.equal('Member price: ¥980');
      const yuan = await memberPrice({ price: 1000, token: member.token, locale: 'zh-CN', currency: 'CNY' });
      await untilText(yuan, () => visibleText(part(yuan, 'price')!), '会员价: ¥9.80');
      expect(visibleText(part(yuan, 'note')!)).to.equal('火星会员价，优惠 2%');
    });
  });

  describe('faces', () => {
    it("signed-out: the plain price and the page's sign-in link, or a short sentence", async () => {
      const bare = await memberPrice({ price: 1299 }, 'signed-out');
      expect(visibleText(bare)).to.equal('$12.99 Sign in for your member price.');
      const partner = await memberPrice({ price: 1299, partnerSeller: true }, 'signed-out');
      expect(visibleText(partner), 'no discount to sign in for').to.equal('$12.99 Partner seller product: no member discount.');
      const element = await fixture<MemberPrice>(html`<member-price api=${await serverUrl()} price="1299" locale="en"
        ><a slot="signed-out" href="/login">Sign in for 6% off</a></member-price
      >`);
      await untilFace(element, 'signed-out');
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out"]')!;
      expect(slot.assignedElements().map((assigned) => assigned.textContent)).to.deep.equal(['Sign in for 6% off']);
    });

    it('error: the plain price stays, with a short message, one rewards-error and Try again', async () => {
      let refuse = true;
      const api = await failingLevels(() => refuse);
      const member = await marsMember();
      const errors: RewardsErrorEvent[] = [];
      const listener = (event: RewardsErrorEvent) => errors.push(event);
      document.addEventListener('rewards-error', listener);
      try {
        const element = await memberPrice({ api, price: 1299, token: member.token }, 'error');
        expect(visibleText(part(element, 'price')!)).to.equal('$12.99');
        expect(errors.map((error) => error.detail.source)).to.deep.equal(['member-price']);
        refuse = false;
        part(element, 'retry-button')!.click();
        await untilFace(element, 'ready');
        expect(visibleText(part(element, 'note')!)).to.equal('Mars price, 2% off');
      } finally {
        document.removeEventListener('rewards-error', listener);
      }
    });

    it('empty: no usable price shows nothing, and says why in the console', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        const element = await memberPrice({ price: 12.5 }, 'empty');
        expect(visibleText(element)).to.equal('');
        expect(warnings.some((message) => message.includes('whole number'))).to.equal(true);
      } finally {
        console.warn = warn;
      }
    });
  });

  it('survives a hostile page stylesheet', async () => {
    const remove = addHostileStyles();
    try {
      const member = await marsMember();
      const element = await memberPrice({ price: 1299, token: member.token });
      const price = part(element, 'price')!;
      expect(getComputedStyle(price).display).to.not.equal('none');
      expect(price.getBoundingClientRect().width).to.be.above(10);
    } finally {
      remove();
    }
  });
});
