import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/level-progress/define.ts';
import '../../../src/elements/rewards-provider/define.ts';
import type { LevelProgress } from '../../../src/elements/level-progress/level-progress.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import type { RewardsLevelUpEvent } from '../../../src/events/level-up.ts';
import { loadCatalog } from '../../../src/i18n/catalogs.ts';
import { rewardsSession } from '../../../src/store/index.ts';
import { newMember, serverUrl } from '../support/server.ts';
import { part, untilFace, visibleText } from './support/faces.ts';
import { problemResponse, spyOnFetch } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';
import { completeOrder } from './support/shop-events.ts';

let api: string;

interface ProgressOptions {
  token?: string | undefined;
  locale?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
  api?: string | undefined;
}

async function progress(options: ProgressOptions, face = 'ready'): Promise<LevelProgress> {
  const element = await fixture<LevelProgress>(html`<level-progress
    api=${ifDefined('api' in options ? options.api : api)}
    token=${ifDefined(options.token)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></level-progress>`);
  await untilFace(element, face);
  return element;
}

function text(element: LevelProgress, name: string): string {
  return (part(element, name)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Fetches again everything shown from the API, as a tab coming back into view does. */
function revalidate(): Promise<void> {
  return rewardsSession({ api }).refresh();
}

describe('level-progress', () => {
  /** 1,200 points: Mars (LV2, 500) on the way to Venus (LV3, 2,000). */
  let mars: { memberId: string; token: string };
  let jupiter: { memberId: string; token: string };
  let newcomer: { memberId: string; token: string };

  before(async () => {
    api = await serverUrl();
    await loadCatalog('zh-CN');
    mars = await newMember({ coins: 1200 });
    jupiter = await newMember({ coins: 25000 });
    newcomer = await newMember();
  });

  describe('accessibility audit (axe)', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready passes in the ${theme} theme`, async () => {
        await expect(await progress({ token: mars.token, theme })).to.be.accessible();
      });
      it(`top level passes in the ${theme} theme`, async () => {
        await expect(await progress({ token: jupiter.token, theme })).to.be.accessible();
      });
      it(`loading passes in the ${theme} theme`, async () => {
        await expect(await progress({ api: undefined, theme }, 'loading')).to.be.accessible();
      });
      it(`signed-out passes in the ${theme} theme`, async () => {
        await expect(await progress({ theme }, 'signed-out')).to.be.accessible();
      });
      it(`error passes in the ${theme} theme`, async () => {
        const member = await newMember();
        const spy = spyOnFetch((url) => (url.pathname === '/v1/me' ? problemResponse(403) : undefined));
        try {
          await expect(await progress({ token: member.token, theme }, 'error')).to.be.accessible();
        } finally {
          spy.restore();
        }
      });
    }
  });

  describe('P6 what the member sees', () => {
    it('P6 points, level, discount and the points to the next level', async () => {
      const element = await progress({ token: mars.token });
      expect(text(element, 'points')).to.equal('1,200 points');
      expect(text(element, 'level-name')).to.equal('Mars');
      expect(text(element, 'level-number')).to.equal('LV 2');
      expect(text(element, 'discount')).to.equal('2% member discount');
      expect(text(element, 'to-next')).to.equal('800 points to Venus');
    });

    it("P3 a real progress bar from this level's threshold to the next, with a text alternative", async () => {
      const element = await progress({ token: mars.token });
      const bar = part(element, 'progress')!;
      expect(bar.getAttribute('role')).to.equal('progressbar');
      expect(bar.getAttribute('aria-valuemin')).to.equal('500');
      expect(bar.getAttribute('aria-valuemax')).to.equal('2000');
      expect(bar.getAttribute('aria-valuenow')).to.equal('1200');
      expect(bar.getAttribute('aria-valuetext')).to.equal('1,200 of 2,000 points');
      expect(bar.getAttribute('aria-label')).to.equal('Progress to Venus');
      // 700 of the 1,500 points between Mars and Venus.
      const fill = part(element, 'progress-fill')!.getBoundingClientRect().width;
      const track = bar.clientWidth;
      expect(fill / track).to.be.closeTo(700 / 1500, 0.02);
    });

    it('P4 LV0 has no discount yet and 1 point to go to Mercury', async () => {
      const element = await progress({ token: newcomer.token });
      expect(text(element, 'level-name')).to.equal('Member');
      expect(text(element, 'discount')).to.equal('No member discount yet');
      expect(text(element, 'points')).to.equal('0 points');
      expect(text(element, 'to-next')).to.equal('1 point to Mercury');
      expect(part(element, 'progress')!.getAttribute('aria-valuenow')).to.equal('0');
    });

    it('P3 at Jupiter (LV6): "Top level reached" and no bar', async () => {
      const element = await progress({ token: jupiter.token });
      expect(text(element, 'level-name')).to.equal('Jupiter');
      expect(text(element, 'discount')).to.equal('6% member discount');
      expect(text(element, 'top')).to.equal('Top level reached');
      expect(part(element, 'progress')).to.equal(null);
      expect(part(element, 'to-next')).to.equal(null);
    });

    it('P6 in Simplified Chinese', async () => {
      const element = await progress({ token: mars.token, locale: 'zh-CN' });
      expect(text(element, 'level-name')).to.equal('火星');
      expect(text(element, 'level-number')).to.equal('LV2');
      expect(text(element, 'discount')).to.equal('会员优惠 2%');
      expect(text(element, 'points')).to.equal('1,200 积分');
      expect(text(element, 'to-next')).to.equal('再得 800 积分升至金星');
      expect(part(element, 'progress')!.getAttribute('aria-label')).to.equal('升至金星的进度');
    });

    it('the bar fills from the inline start in right-to-left text', async () => {
      const element = await progress({ token: mars.token, locale: 'he' });
      const track = part(element, 'progress')!.getBoundingClientRect();
      const fill = part(element, 'progress-fill')!.getBoundingClientRect();
      expect(Math.abs(track.right - 1 - fill.right)).to.be.lessThan(1.5);
      expect(fill.left).to.be.greaterThan(track.left + 10);
    });

    it('the loading skeleton has the height of the card: nothing moves when the data arrives', async () => {
      const loading = await progress({ api: undefined }, 'loading');
      const ready = await progress({ token: mars.token });
      expect(Math.abs(loading.getBoundingClientRect().height - ready.getBoundingClientRect().height)).to.be.lessThan(2);
    });
  });

  describe('P3 level up while shown', () => {
    it('P3 fires rewards-level-up {from, to} and says so when the level rises after a revalidation', async () => {
      const member = await newMember({ coins: 400 });
      const element = await progress({ token: member.token });
      expect(text(element, 'level-name')).to.equal('Mercury');
      const events: RewardsLevelUpEvent[] = [];
      const record = (event: RewardsLevelUpEvent) => events.push(event);
      document.addEventListener('rewards-level-up', record);
      const levelUp = oneEvent(document, 'rewards-level-up') as Promise<RewardsLevelUpEvent>;
      await completeOrder(member.memberId, 200);
      await revalidate();
      const event = await levelUp;
      expect(event.detail).to.deep.equal({ from: 1, to: 2 });
      expect(event.composed).to.equal(true);
      await element.updateComplete;
      expect(text(element, 'level-name')).to.equal('Mars');
      expect(text(element, 'points')).to.equal('600 points');
      const live = element.shadowRoot!.querySelector('[aria-live="polite"]')!;
      expect(live.textContent!.trim()).to.equal('Level up! You reached Mars.');
      expect(events.length).to.equal(1);
      document.removeEventListener('rewards-level-up', record);
    });

    it('P3 a first load or a switch to another member is no level up', async () => {
      let fired = 0;
      const count = () => fired++;
      document.addEventListener('rewards-level-up', count);
      try {
        const element = await progress({ token: newcomer.token });
        element.token = jupiter.token;
        await untilFace(element, 'ready');
        const deadline = Date.now() + 4_000;
        while (text(element, 'level-name') !== 'Jupiter') {
          if (Date.now() > deadline) throw new Error('the element did not switch member');
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        expect(fired).to.equal(0);
      } finally {
        document.removeEventListener('rewards-level-up', count);
      }
    });
  });

  it("signed out, shows the page's sign-in slot", async () => {
    const element = await fixture<LevelProgress>(html`<level-progress api=${api} locale="en"
      ><a slot="signed-out" href="/sign-in">Sign in to see your level</a></level-progress
    >`);
    await untilFace(element, 'signed-out');
    const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Sign in to see your level');
  });

  it('an error shows a retry button; Enter on it loads again, and rewards-error is fired once', async () => {
    const member = await newMember({ coins: 10 });
    const spy = spyOnFetch((url) => (url.pathname === '/v1/me' ? problemResponse(403) : undefined));
    const errors: RewardsErrorEvent[] = [];
    const onError = (event: RewardsErrorEvent) => errors.push(event);
    document.addEventListener('rewards-error', onError);
    try {
      const element = await progress({ token: member.token }, 'error');
      expect(visibleText(element)).to.equal('Something went wrong. Try again');
      spy.restore();
      part<HTMLButtonElement>(element, 'retry-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await untilFace(element, 'ready');
      expect(text(element, 'level-name')).to.equal('Mercury');
      expect(errors.length).to.equal(1);
      expect(errors[0]!.detail).to.include({ code: 'forbidden', source: 'level-progress' });
    } finally {
      spy.restore();
      document.removeEventListener('rewards-error', onError);
    }
  });

  it('a hostile page stylesheet does not break it', async () => {
    const remove = addHostileStyles();
    try {
      const element = await progress({ token: mars.token });
      expect(part(element, 'progress-fill')!.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(part(element, 'to-next')!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(text(element, 'to-next')).to.equal('800 points to Venus');
    } finally {
      remove();
    }
  });

  it('removing it leaves no subscription behind', async () => {
    const getToken = () => mars.token;
    const provider = await fixture<HTMLElement & { getToken?: () => string }>(html`<rewards-provider api=${api} .getToken=${getToken}
      ><level-progress locale="en"></level-progress
    ></rewards-provider>`);
    const element = provider.querySelector('level-progress')!;
    await untilFace(element, 'ready');
    const session = rewardsSession({ api, getToken });
    expect(session.account.lc).to.be.greaterThan(0);
    element.remove();
    expect(session.account.lc).to.equal(0);
    expect(session.levels.lc).to.equal(0);
  });
});
