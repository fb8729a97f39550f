import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/points-for-product/define.ts';
import type { PointsForProduct } from '../../../src/elements/points-for-product/points-for-product.ts';
import { newMember, serverUrl } from '../support/server.ts';
import { part, untilFace, visibleText } from './support/faces.ts';
import { problemResponse } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';
import { isolatedApi, type IsolatedApi } from './support/isolated-api.ts';
import { untilText } from './support/until-text.ts';

interface EarnOptions {
  api?: string;
  price?: number;
  quantity?: number;
  token?: string | undefined;
  locale?: string;
  theme?: 'light' | 'dark';
}

async function pointsFor(options: EarnOptions, face = 'ready'): Promise<PointsForProduct> {
  const element = await fixture<PointsForProduct>(html`<points-for-product
    api=${options.api ?? (await serverUrl())}
    token=${ifDefined(options.token)}
    price=${ifDefined(options.price)}
    quantity=${ifDefined(options.quantity)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></points-for-product>`);
  await untilFace(element, face);
  return element;
}

describe('points-for-product', () => {
  let isolated: IsolatedApi | undefined;
  afterEach(() => {
    isolated?.restore();
    isolated = undefined;
    fixtureCleanup();
  });

  async function failingLevels(refuse: () => boolean = () => true): Promise<string> {
    isolated = isolatedApi(await serverUrl(), (path) => (path === '/v1/levels' && refuse() ? problemResponse(403, 'forbidden') : undefined));
    return isolated.api;
  }

  describe('accessibility audit (axe), every face, both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready passes in the ${theme} theme (with a level to reach)`, async () => {
        const member = await newMember({ coins: 450 });
        await expect(await pointsFor({ price: 6000, token: member.token, theme })).to.be.accessible();
      });
      it(`loading passes in the ${theme} theme`, async () => {
        const element = await fixture<PointsForProduct>(html`<points-for-product price="100" theme=${theme}></points-for-product>`);
        await untilFace(element, 'loading');
        await expect(element).to.be.accessible();
      });
      it(`signed-out passes in the ${theme} theme`, async () => {
        await expect(await pointsFor({ price: 1299, theme }, 'signed-out')).to.be.accessible();
      });
      it(`empty passes in the ${theme} theme`, async () => {
        await expect(await pointsFor({ price: 99, theme }, 'empty')).to.be.accessible();
      });
      it(`error passes in the ${theme} theme`, async () => {
        const api = await failingLevels();
        await expect(await pointsFor({ api, price: 1299, theme }, 'error')).to.be.accessible();
      });
    }
  });

  it('P1 C1 says what a price earns: whole dollars of points and coins', async () => {
    const element = await pointsFor({ price: 1299 }, 'signed-out');
    expect(visibleText(part(element, 'amounts')!)).to.equal('Earn 12 points and 12 coins');
    const one = await pointsFor({ price: 199 }, 'signed-out');
    expect(visibleText(part(one, 'amounts')!)).to.equal('Earn 1 point and 1 coin');
  });

  it('P3 for a member, the level the order would reach when it crosses a threshold', async () => {
    const member = await newMember({ coins: 450 });
    const crossing = await pointsFor({ price: 6000, token: member.token });
    expect(visibleText(crossing)).to.equal('Earn 60 points and 60 coins and reach Mars');
    const short = await pointsFor({ price: 2000, token: member.token });
    expect(visibleText(short)).to.equal('Earn 20 points and 20 coins');
    expect(part(short, 'level-after')).to.equal(null);
  });

  it('P1 follows quantity and price changes live, as a cart page changes them', async () => {
    const member = await newMember({ coins: 450 });
    const element = await pointsFor({ price: 1000, quantity: 1, token: member.token });
    expect(visibleText(element)).to.equal('Earn 10 points and 10 coins');
    element.setAttribute('quantity', '5');
    await untilText(element, () => visibleText(element), 'Earn 50 points and 50 coins and reach Mars');
    element.price = 250;
    await untilText(element, () => visibleText(element), 'Earn 12 points and 12 coins');
  });

  it('empty: under a dollar earns nothing, and says so', async () => {
    const element = await pointsFor({ price: 99 }, 'empty');
    expect(visibleText(element)).to.equal('This amount earns no points.');
  });

  it('Simplified Chinese', async () => {
    const member = await newMember({ coins: 450 });
    const element = await pointsFor({ price: 6000, token: member.token, locale: 'zh-CN' });
    await untilText(element, () => visibleText(element), '可获得 60 积分和 60 金币 并升至火星');
  });

  it('error: a short message and Try again, which loads the levels', async () => {
    let refuse = true;
    const api = await failingLevels(() => refuse);
    const element = await pointsFor({ api, price: 1299 }, 'error');
    expect(visibleText(element)).to.equal('Something went wrong. Try again');
    refuse = false;
    part(element, 'retry-button')!.click();
    await untilFace(element, 'signed-out');
    expect(visibleText(element)).to.equal('Earn 12 points and 12 coins');
  });

  it('survives a hostile page stylesheet', async () => {
    const remove = addHostileStyles();
    try {
      const element = await pointsFor({ price: 1299 }, 'signed-out');
      expect(part(element, 'amounts')!.getBoundingClientRect().width).to.be.above(20);
    } finally {
      remove();
    }
  });
});
