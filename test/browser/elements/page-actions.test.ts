import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { checkIn, configure, donate, pageSession, redeem, rewardsSession } from '../../../src/elements/index.ts';
import type { CoinBalance } from '../../../src/elements/coin-balance/coin-balance.ts';
import { newMember, serverUrl, shop } from '../support/server.ts';
import { part, untilFace, visibleText } from './support/faces.ts';
import { untilText } from './support/until-text.ts';

describe("a script-tag page acts from its own buttons (the one-file build's exports)", () => {
  afterEach(() => fixtureCleanup());

  it('before configure(), the page session and every action reject saying what to call', async () => {
    for (const pending of [pageSession(), checkIn(), redeem('any'), donate('any', 1)]) {
      const error = await pending.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(String(error)).to.contain('configure({ api, getToken })');
    }
  });

  it("C6 S1 S3 checkIn, redeem and donate go through the elements' store: a balance on the page follows each at once", async () => {
    const member = await newMember({ coins: 100 });
    configure({ api: await serverUrl(), getToken: () => member.token, locale: 'en' });
    const balance = await fixture<CoinBalance>(html`<coin-balance></coin-balance>`);
    await untilFace(balance, 'ready');
    expect(visibleText(part(balance, 'amount')!)).to.equal('100');

    const checked = await checkIn();
    await untilText(balance, () => visibleText(part(balance, 'amount')!), String(100 + checked.coinsAwarded));

    const gift = `page-gift-${Date.now().toString(36)}`;
    await shop('putCatalogItem', gift, { kind: 'product', name: 'Page gift', description: '', imageUrl: null, coins: 30, stock: 3 });
    const redeemed = await redeem(gift);
    expect(redeemed.cartItem?.name).to.equal('Page gift');
    await untilText(balance, () => visibleText(part(balance, 'amount')!), String(70 + checked.coinsAwarded));

    const projectId = `page-project-${Date.now().toString(36)}`;
    const owner = await newMember();
    await shop('sendEvent', {
      id: `${projectId}-created`,
      type: 'project.created',
      memberId: owner.memberId,
      occurredAt: new Date().toISOString(),
      data: { projectId, title: 'A project' },
    } as never);
    await donate(projectId, 20);
    await untilText(balance, () => visibleText(part(balance, 'amount')!), String(50 + checked.coinsAwarded));
    expect((await (await pageSession()).client.getMe()).coins.available).to.equal(50 + checked.coinsAwarded);
  });

  it("rewardsSession() gives the elements' own session for the same API and token source", async () => {
    const getToken = () => null;
    const api = await serverUrl();
    const session = await rewardsSession({ api, getToken });
    expect(await rewardsSession({ api: `${api}/`, getToken })).to.equal(session);
    const { rewardsSession: storeSession } = await import('../../../src/store/index.ts');
    expect(storeSession({ api, getToken })).to.equal(session);
    const error = await rewardsSession({ api: 'ftp://example.test' }).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(TypeError);
  });
});
