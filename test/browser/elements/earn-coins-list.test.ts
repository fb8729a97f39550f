import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/earn-coins-list/define.ts';
import type { EarnCoinsList } from '../../../src/elements/earn-coins-list/earn-coins-list.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import { createRewardsClient } from '../../../src/sdk/rewards-client.ts';
import { newMember, serverUrl, shop } from '../support/server.ts';
import { part, parts, untilFace, visibleText } from './support/faces.ts';
import { problemResponse } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';
import { isolatedApi, type IsolatedApi } from './support/isolated-api.ts';
import { untilText } from './support/until-text.ts';

let counter = 0;
function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

async function send(memberId: string, type: 'project.liked' | 'newsletter.subscribed', data: Record<string, unknown>): Promise<void> {
  await shop('sendEvent', { id: uniqueId(type), type, memberId, occurredAt: new Date().toISOString(), data } as never);
}

interface ListOptions {
  api?: string;
  token?: string | undefined;
  rules?: string;
  locale?: string;
  theme?: 'light' | 'dark';
}

async function earnList(options: ListOptions, face = 'ready'): Promise<EarnCoinsList> {
  const element = await fixture<EarnCoinsList>(html`<earn-coins-list
    api=${options.api ?? (await serverUrl())}
    token=${ifDefined(options.token)}
    rules=${ifDefined(options.rules)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></earn-coins-list>`);
  await untilFace(element, face);
  return element;
}

function row(element: EarnCoinsList, ruleId: string): HTMLElement {
  const found = element.shadowRoot!.querySelector<HTMLElement>(`li[data-rule="${ruleId}"]`);
  if (!found) throw new Error(`no row for ${ruleId}: "${visibleText(element)}"`);
  return found;
}

/** A member who liked 3 projects today (C8), subscribed to the newsletter (C2) and checked in (C6). */
async function busyMember(): Promise<{ memberId: string; token: string }> {
  const member = await newMember();
  for (let i = 0; i < 3; i++) await send(member.memberId, 'project.liked', { projectId: uniqueId('project') });
  await send(member.memberId, 'newsletter.subscribed', {});
  await createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token }).checkIn();
  return member;
}

describe('earn-coins-list', () => {
  let isolated: IsolatedApi | undefined;
  afterEach(() => {
    isolated?.restore();
    isolated = undefined;
    fixtureCleanup();
  });

  async function failingRules(refuse: () => boolean = () => true): Promise<string> {
    isolated = isolatedApi(await serverUrl(), (path) => (path === '/v1/earning-rules' && refuse() ? problemResponse(403, 'forbidden') : undefined));
    return isolated.api;
  }

  describe('accessibility audit (axe), every face, both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready passes in the ${theme} theme (progress, earned and checked-in marks)`, async () => {
        const member = await busyMember();
        await expect(await earnList({ token: member.token, theme })).to.be.accessible();
      });
      it(`loading passes in the ${theme} theme`, async () => {
        const element = await fixture<EarnCoinsList>(html`<earn-coins-list theme=${theme}></earn-coins-list>`);
        await untilFace(element, 'loading');
        await expect(element).to.be.accessible();
      });
      it(`signed-out passes in the ${theme} theme`, async () => {
        await expect(await earnList({ theme }, 'signed-out')).to.be.accessible();
      });
      it(`empty passes in the ${theme} theme`, async () => {
        await expect(await earnList({ theme, rules: 'C99' }, 'empty')).to.be.accessible();
      });
      it(`error passes in the ${theme} theme`, async () => {
        const api = await failingRules();
        await expect(await earnList({ api, theme }, 'error')).to.be.accessible();
      });
    }
  });

  it('C1–C18 every way to earn, titled for members, with its coins and how often', async () => {
    const element = await earnList({}, 'signed-out');
    const ids = parts(element, 'rule').map((rule) => rule.dataset['rule']);
    expect(ids).to.deep.equal(Array.from({ length: 18 }, (_, i) => `C${i + 1}`));
    expect(visibleText(row(element, 'C1'))).to.equal('Complete an order 1 coin per dollar On every completed order');
    expect(visibleText(row(element, 'C2'))).to.equal('Subscribe to the newsletter +50 coins Once');
    expect(visibleText(row(element, 'C5'))).to.equal('Share feedback +10–50 coins Each time');
    expect(visibleText(row(element, 'C6'))).to.equal('Check in every day +10 coins Once a day');
    expect(visibleText(row(element, 'C8'))).to.equal('Like a project +1 coin Up to 5 coins a day');
    expect(visibleText(part(element, 'face-signed-out')!)).to.equal('Sign in to see your progress.');
  });

  it("C8 C2 C6 a member's progress: likes 3 of 5 today, the newsletter earned, checked in today", async () => {
    const member = await busyMember();
    const element = await earnList({ token: member.token });
    expect(visibleText(row(element, 'C8').querySelector('[part~="progress"]')!)).to.equal('3 of 5 today');
    expect(visibleText(row(element, 'C9').querySelector('[part~="progress"]')!)).to.equal('0 of 5 today');
    expect(visibleText(row(element, 'C2').querySelector('[part~="done"]')!)).to.equal('Earned');
    expect(row(element, 'C2').getAttribute('part')).to.equal('rule rule-done');
    expect(row(element, 'C3').querySelector('[part~="done"]')).to.equal(null);
    expect(visibleText(row(element, 'C6').querySelector('[part~="done"]')!)).to.equal('Checked in today');
  });

  it('C8 a like made while the list is shown appears after the store revalidates', async () => {
    const member = await newMember();
    const element = await earnList({ token: member.token, rules: 'C8' });
    expect(visibleText(row(element, 'C8').querySelector('[part~="progress"]')!)).to.equal('0 of 5 today');
    await send(member.memberId, 'project.liked', { projectId: uniqueId('project') });
    const { rewardsSession } = await import('../../../src/store/index.ts');
    await rewardsSession({ api: await serverUrl(), getToken: () => member.token }).refresh();
    await untilText(element, () => visibleText(row(element, 'C8').querySelector('[part~="progress"]')!), '1 of 5 today');
  });

  it('rules="community" shows a subset, ids work too', async () => {
    const community = await earnList({ rules: 'community' }, 'signed-out');
    expect(parts(community, 'rule').map((rule) => rule.dataset['rule'])).to.deep.equal(['C4', 'C5', 'C8', 'C9', 'C10', 'C11']);
    const two = await earnList({ rules: 'c6, C2' }, 'signed-out');
    expect(parts(two, 'rule').map((rule) => rule.dataset['rule'])).to.deep.equal(['C2', 'C6']);
  });

  it('titles in Simplified Chinese', async () => {
    const element = await earnList({ locale: 'zh-CN', rules: 'C8' }, 'signed-out');
    await untilText(element, () => visibleText(row(element, 'C8')), '点赞项目 +1 金币 每天最多 5 金币');
  });

  it('error: a short message, one rewards-error, and Try again loads the rules', async () => {
    let refuse = true;
    const api = await failingRules(() => refuse);
    const errors: RewardsErrorEvent[] = [];
    const listener = (event: RewardsErrorEvent) => errors.push(event);
    document.addEventListener('rewards-error', listener);
    try {
      const element = await earnList({ api }, 'error');
      expect(visibleText(element)).to.equal('Something went wrong. Try again');
      expect(errors.map((error) => error.detail.source)).to.deep.equal(['earn-coins-list']);
      refuse = false;
      part(element, 'retry-button')!.click();
      await untilFace(element, 'signed-out');
      expect(parts(element, 'rule').length).to.equal(18);
    } finally {
      document.removeEventListener('rewards-error', listener);
    }
  });

  it("signed-out: the page's own sign-in link in the slot", async () => {
    const element = await fixture<EarnCoinsList>(html`<earn-coins-list api=${await serverUrl()} locale="en"
      ><a slot="signed-out" href="/login">Sign in</a></earn-coins-list
    >`);
    await untilFace(element, 'signed-out');
    const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out"]')!;
    expect(slot.assignedElements().map((assigned) => assigned.textContent)).to.deep.equal(['Sign in']);
  });

  it('survives a hostile page stylesheet', async () => {
    const remove = addHostileStyles();
    try {
      const element = await earnList({ rules: 'C6' }, 'signed-out');
      expect(row(element, 'C6').getBoundingClientRect().height).to.be.above(20);
    } finally {
      remove();
    }
  });
});
