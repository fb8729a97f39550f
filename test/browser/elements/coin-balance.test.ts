import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/coin-balance/define.ts';
import '../../../src/elements/rewards-provider/define.ts';
import type { CoinBalance } from '../../../src/elements/coin-balance/coin-balance.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import { loadCatalog } from '../../../src/i18n/catalogs.ts';
import { rewardsSession } from '../../../src/store/index.ts';
import { newMember, serverUrl } from '../support/server.ts';
import { part, untilFace, visibleText } from './support/faces.ts';
import { problemResponse, spyOnFetch } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';
import { completeOrder, uploadBom } from './support/shop-events.ts';

let api: string;

interface BalanceOptions {
  token?: string | undefined;
  locale?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
  api?: string | undefined;
}

async function balance(options: BalanceOptions, face = 'ready'): Promise<CoinBalance> {
  const element = await fixture<CoinBalance>(html`<coin-balance
    api=${ifDefined('api' in options ? options.api : api)}
    token=${ifDefined(options.token)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></coin-balance>`);
  await untilFace(element, face);
  return element;
}

function liveRegion(element: CoinBalance): HTMLElement {
  return element.shadowRoot!.querySelector<HTMLElement>('[aria-live="polite"]')!;
}

/** Every text the element's amount and live region show from now on. */
function recordChanges(element: CoinBalance): { amounts: string[]; announcements: string[]; stop(): void } {
  const amounts: string[] = [];
  const announcements: string[] = [];
  const amountObserver = new MutationObserver(() => {
    const text = part(element, 'amount')?.textContent ?? '';
    if (amounts.at(-1) !== text) amounts.push(text);
  });
  amountObserver.observe(element.shadowRoot!, { subtree: true, characterData: true, childList: true });
  const liveObserver = new MutationObserver(() => announcements.push(liveRegion(element).textContent!.trim()));
  liveObserver.observe(liveRegion(element), { subtree: true, characterData: true, childList: true });
  return {
    amounts,
    announcements,
    stop() {
      amountObserver.disconnect();
      liveObserver.disconnect();
    },
  };
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('coin-balance', () => {
  let rich: { memberId: string; token: string };

  before(async () => {
    api = await serverUrl();
    await loadCatalog('zh-CN');
    rich = await newMember({ coins: 1234 });
  });

  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('accessibility audit (axe)', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready passes in the ${theme} theme`, async () => {
        await expect(await balance({ token: rich.token, theme })).to.be.accessible();
      });
      it(`ready with pending coins passes in the ${theme} theme`, async () => {
        const member = await newMember({ coins: 5 });
        await uploadBom(member.memberId);
        await expect(await balance({ token: member.token, theme })).to.be.accessible();
      });
      it(`loading passes in the ${theme} theme`, async () => {
        await expect(await balance({ api: undefined, theme }, 'loading')).to.be.accessible();
      });
      it(`signed-out passes in the ${theme} theme`, async () => {
        await expect(await balance({ theme }, 'signed-out')).to.be.accessible();
      });
      it(`error passes in the ${theme} theme`, async () => {
        const member = await newMember();
        const spy = spyOnFetch((url) => (url.pathname === '/v1/me' ? problemResponse(403) : undefined));
        try {
          await expect(await balance({ token: member.token, theme }, 'error')).to.be.accessible();
        } finally {
          spy.restore();
        }
      });
    }
  });

  it('shows the available coins, and no pending line when nothing is pending', async () => {
    const element = await balance({ token: rich.token });
    expect(visibleText(element)).to.equal('1,234coins');
    expect(part(element, 'amount')!.textContent).to.equal('1,234');
    expect(part(element, 'unit')!.textContent).to.equal('coins');
    expect(part(element, 'pending')).to.equal(null);
    expect(liveRegion(element).textContent!.trim()).to.equal('');
  });

  it('is laid out right to left in a right-to-left language: the icon comes first, on the right', async () => {
    const element = await balance({ token: rich.token, locale: 'he' });
    const icon = part(element, 'icon')!.getBoundingClientRect();
    const amount = part(element, 'amount')!.getBoundingClientRect();
    expect(icon.left).to.be.at.least(amount.right);
  });

  it('C19 shows pending coins next to the available ones', async () => {
    const member = await newMember({ coins: 1 });
    await uploadBom(member.memberId);
    const element = await balance({ token: member.token });
    expect(part(element, 'amount')!.textContent).to.equal('1');
    expect(part(element, 'unit')!.textContent).to.equal('coin');
    expect(part(element, 'pending')!.textContent).to.equal('200 pending');
  });

  it('C19 in Simplified Chinese', async () => {
    const member = await newMember({ coins: 1000 });
    await uploadBom(member.memberId);
    const element = await balance({ token: member.token, locale: 'zh-CN' });
    expect(part(element, 'amount')!.textContent).to.equal('1,000');
    expect(part(element, 'unit')!.textContent).to.equal('金币');
    expect(part(element, 'pending')!.textContent).to.equal('待入账 200');
  });

  it('C1 counts up to a new balance and then announces it politely, once', async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    const member = await newMember({ coins: 100 });
    const element = await balance({ token: member.token });
    const seen = recordChanges(element);
    await completeOrder(member.memberId, 500);
    await rewardsSession({ api }).refresh();
    await until(() => liveRegion(element).textContent!.trim() !== '', 'the announcement');
    seen.stop();
    expect(part(element, 'amount')!.textContent).to.equal('600');
    // Frames in between were drawn, counting up…
    const values = seen.amounts.map((text) => Number(text.replace(/,/g, '')));
    expect(values.length).to.be.greaterThan(3);
    expect(values.every((value, index) => index === 0 || value > values[index - 1]!)).to.equal(true);
    // …and screen readers heard only the settled value.
    expect(seen.announcements).to.deep.equal(['Coin balance: 600 coins']);
    expect(liveRegion(element).getAttribute('aria-live')).to.equal('polite');
  });

  it('C6 under prefers-reduced-motion the balance jumps, and is announced once', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const member = await newMember({ coins: 100 });
    const getToken = () => member.token;
    const element = await balance({ token: member.token });
    const seen = recordChanges(element);
    // Another widget's action: a check-in by the same member, through the shared store.
    await rewardsSession({ api, getToken }).checkIn();
    await until(() => liveRegion(element).textContent!.trim() !== '', 'the announcement');
    seen.stop();
    expect(seen.amounts).to.deep.equal(['110']);
    expect(seen.announcements).to.deep.equal(['Coin balance: 110 coins']);
  });

  it('switching to another member shows their balance at once, without counting or announcing', async () => {
    const element = await balance({ token: rich.token });
    const other = await newMember({ coins: 7 });
    const seen = recordChanges(element);
    element.token = other.token;
    await until(() => part(element, 'amount')?.textContent === '7', 'the other balance');
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen.stop();
    expect(seen.amounts.filter((text) => text !== '1,234' && text !== '')).to.deep.equal(['7']);
    expect(seen.announcements.filter((text) => text !== '')).to.deep.equal([]);
  });

  it("signed out, shows the page's sign-in slot", async () => {
    const element = await fixture<CoinBalance>(html`<coin-balance api=${api} locale="en"
      ><a slot="signed-out" href="/sign-in">Sign in</a></coin-balance
    >`);
    await untilFace(element, 'signed-out');
    const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out"]')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Sign in');
  });

  it('an error shows a retry button that works from the keyboard; rewards-error tells the page', async () => {
    const member = await newMember({ coins: 3 });
    const spy = spyOnFetch((url) => (url.pathname === '/v1/me' ? problemResponse(403) : undefined));
    const errors: RewardsErrorEvent[] = [];
    const onError = (event: RewardsErrorEvent) => errors.push(event);
    document.addEventListener('rewards-error', onError);
    try {
      const element = await balance({ token: member.token }, 'error');
      expect(visibleText(element)).to.equal('Something went wrong. Try again');
      spy.restore();
      part<HTMLButtonElement>(element, 'retry-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await untilFace(element, 'ready');
      expect(part(element, 'amount')!.textContent).to.equal('3');
      expect(errors.map((event) => event.detail.source)).to.deep.equal(['coin-balance']);
    } finally {
      spy.restore();
      document.removeEventListener('rewards-error', onError);
    }
  });

  it("the loading skeleton keeps the ready face's size", async () => {
    const loading = await balance({ api: undefined }, 'loading');
    const ready = await balance({ token: rich.token });
    const a = loading.getBoundingClientRect();
    const b = ready.getBoundingClientRect();
    expect(Math.abs(a.height - b.height)).to.be.lessThan(1);
    expect(Math.abs(a.width - b.width)).to.be.lessThan(2);
  });

  it('a hostile page stylesheet does not break it', async () => {
    const remove = addHostileStyles();
    try {
      const element = await balance({ token: rich.token });
      expect(part(element, 'amount')!.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(part(element, 'icon')!.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(visibleText(element)).to.equal('1,234coins');
    } finally {
      remove();
    }
  });

  it('removing it leaves no subscription behind', async () => {
    const getToken = () => rich.token;
    const provider = await fixture<HTMLElement>(html`<rewards-provider api=${api} .getToken=${getToken}
      ><coin-balance locale="en"></coin-balance
    ></rewards-provider>`);
    const element = provider.querySelector('coin-balance')!;
    await untilFace(element, 'ready');
    const session = rewardsSession({ api, getToken });
    expect(session.account.lc).to.equal(1);
    element.remove();
    expect(session.account.lc).to.equal(0);
  });
});
