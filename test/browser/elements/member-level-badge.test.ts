import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/member-level-badge/define.ts';
import '../../../src/elements/rewards-provider/define.ts';
import type { MemberLevelBadge } from '../../../src/elements/member-level-badge/member-level-badge.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import { loadCatalog } from '../../../src/i18n/catalogs.ts';
import { publicBadges } from '../../../src/sdk/public-badges.ts';
import { newMember, serverUrl } from '../support/server.ts';
import { contrastRatio } from './support/contrast.ts';
import { part, untilFace, visibleText } from './support/faces.ts';
import { problemResponse, spyOnFetch } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';

/** Points (= dollars of a completed order) that put a new member at each level, LV0 … LV6 (P3). */
const POINTS_AT_LEVEL = [0, 1, 500, 2000, 5000, 10000, 20000] as const;

let api: string;
let runCounter = 0;

/** An id the server has never heard of. */
function unknownId(): string {
  runCounter += 1;
  return `nobody-${Date.now().toString(36)}-${runCounter}`;
}

interface BadgeOptions {
  member?: string | undefined;
  token?: string | undefined;
  variant?: 'compact' | 'full' | undefined;
  size?: 'small' | 'medium' | 'large' | undefined;
  locale?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
  api?: string | undefined;
}

async function badge(options: BadgeOptions, face = 'ready'): Promise<MemberLevelBadge> {
  const element = await fixture<MemberLevelBadge>(html`<member-level-badge
    api=${ifDefined('api' in options ? options.api : api)}
    member=${ifDefined(options.member)}
    token=${ifDefined(options.token)}
    variant=${ifDefined(options.variant)}
    size=${ifDefined(options.size)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></member-level-badge>`);
  await untilFace(element, face);
  return element;
}

function accessibleName(element: MemberLevelBadge): string | null {
  return part(element, 'badge')?.getAttribute('aria-label') ?? null;
}

describe('member-level-badge', () => {
  /** One member per level, made once: LV0 … LV6. */
  const byLevel: { memberId: string; token: string }[] = [];

  before(async () => {
    api = await serverUrl();
    await loadCatalog('zh-CN');
    for (const [level, points] of POINTS_AT_LEVEL.entries()) {
      byLevel.push(await newMember({ displayName: `Level ${level} member`, coins: points }));
    }
  });

  describe('accessibility audit (axe)', () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const variant of ['compact', 'full'] as const) {
        it(`ready, ${variant}, passes in the ${theme} theme`, async () => {
          const element = await badge({ member: byLevel[2]!.memberId, variant, theme });
          await expect(element).to.be.accessible();
        });
      }
      it(`loading passes in the ${theme} theme`, async () => {
        await expect(await badge({ api: undefined, member: 'someone', theme }, 'loading')).to.be.accessible();
      });
      it(`signed-out passes in the ${theme} theme`, async () => {
        await expect(await badge({ theme }, 'signed-out')).to.be.accessible();
      });
      it(`error passes in the ${theme} theme`, async () => {
        const spy = spyOnFetch((url) => (url.pathname === '/v1/badges' ? problemResponse(403) : undefined));
        try {
          await expect(await badge({ member: unknownId(), theme }, 'error')).to.be.accessible();
        } finally {
          spy.restore();
        }
      });
    }
    it('unknown member (nothing drawn) passes', async () => {
      await expect(await badge({ member: unknownId() }, 'unknown')).to.be.accessible();
    });
  });

  describe('P3 levels as a reader sees them', () => {
    const names = ['Member', 'Mercury', 'Mars', 'Venus', 'Earth', 'Saturn', 'Jupiter'];
    for (const [level, name] of names.entries()) {
      it(`P3 LV${level} reads "${name}", "LV ${level}" and is named "${name}, level ${level}"`, async () => {
        const element = await badge({ member: byLevel[level]!.memberId, variant: 'full' });
        expect(part(element, 'level-name')!.textContent).to.equal(name);
        expect(part(element, 'level-number')!.textContent).to.equal(`LV ${level}`);
        expect(accessibleName(element)).to.equal(`Level ${level} member: ${name}, level ${level}`);
        expect(part(element, 'badge')!.getAttribute('role')).to.equal('img');
      });
    }

    it('P3 compact shows the coloured dot and the name only', async () => {
      const element = await badge({ member: byLevel[2]!.memberId });
      expect(visibleText(element)).to.equal('Mars');
      expect(part(element, 'dot')).not.to.equal(null);
      expect(part(element, 'level-number')).to.equal(null);
      expect(part(element, 'display-name')).to.equal(null);
      expect(accessibleName(element)).to.equal('Mars, level 2');
    });

    it('P3 full shows the display name, the level and LV n', async () => {
      const element = await badge({ member: byLevel[3]!.memberId, variant: 'full' });
      expect(visibleText(element)).to.equal('Level 3 member VenusLV 3');
      expect(part(element, 'display-name')!.textContent).to.equal('Level 3 member');
    });

    it('P3 each level has its own planet colour, from the --rk-level-N tokens', async () => {
      const colours = new Set<string>();
      for (const member of byLevel) {
        const element = await badge({ member: member.memberId, variant: 'full', theme: 'light' });
        colours.add(getComputedStyle(part(element, 'level')!).backgroundColor);
      }
      expect(colours.size).to.equal(7);
      const element = await badge({ member: byLevel[2]!.memberId });
      element.style.setProperty('--rk-level-2', 'rgb(1, 2, 3)');
      expect(getComputedStyle(part(element, 'dot')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    });

    for (const theme of ['light', 'dark'] as const) {
      it(`P3 text on every level colour meets AA (4.5:1) in the ${theme} theme`, async () => {
        for (const member of byLevel) {
          const full = await badge({ member: member.memberId, variant: 'full', theme });
          const pill = getComputedStyle(part(full, 'level')!);
          expect(contrastRatio(pill.color, pill.backgroundColor)).to.be.at.least(4.5);
          const compact = await badge({ member: member.memberId, theme });
          const name = getComputedStyle(part(compact, 'level-name')!);
          expect(contrastRatio(name.color, getComputedStyle(compact).backgroundColor)).to.be.at.least(4.5);
        }
      });
    }

    it('a `theme` given after the first render brings its colours', async () => {
      const element = await badge({ member: byLevel[2]!.memberId });
      const pageColours = getComputedStyle(element).backgroundColor;
      expect(getComputedStyle(element).colorScheme).to.equal('normal');
      element.theme = 'dark';
      await element.updateComplete;
      expect(getComputedStyle(element).colorScheme).to.equal('dark');
      expect(getComputedStyle(element).backgroundColor).to.not.equal(pageColours);
      element.theme = undefined;
      await element.updateComplete;
      expect(getComputedStyle(element).backgroundColor).to.equal(pageColours);
    });

    it('P3 in Simplified Chinese: planet names, LV and the spoken name', async () => {
      const names = ['会员', '水星', '火星', '金星', '地球', '土星', '木星'];
      for (const [level, name] of names.entries()) {
        const element = await badge({ member: byLevel[level]!.memberId, variant: 'full', locale: 'zh-CN' });
        expect(part(element, 'level-name')!.textContent).to.equal(name);
        expect(part(element, 'level-number')!.textContent).to.equal(`LV${level}`);
        expect(accessibleName(element)).to.equal(`Level ${level} member：${name}，等级 ${level}`);
        expect(part(element, 'badge')!.getAttribute('lang')).to.equal('zh-CN');
      }
    });

    it('switching `locale` after the first render re-renders in the new language', async () => {
      const element = await badge({ member: byLevel[2]!.memberId });
      element.locale = 'zh-CN';
      await waitForText(element, '火星');
      expect(accessibleName(element)).to.equal('火星，等级 2');
    });

    it('is laid out right to left in a right-to-left language', async () => {
      const element = await badge({ member: byLevel[1]!.memberId, locale: 'ar' });
      expect(part(element, 'badge')!.getAttribute('dir')).to.equal('rtl');
    });
  });

  describe("anyone's badge, batched", () => {
    it('500 badges on a forum page make at most 3 requests, and each shows its level', async () => {
      const known = [byLevel[1]!, byLevel[4]!, byLevel[6]!];
      const ids = Array.from({ length: 500 }, (_, index) => known[index % 50]?.memberId ?? unknownId());
      const spy = spyOnFetch();
      try {
        const page = await fixture<HTMLElement>(html`<div>
          ${ids.map((id) => html`<p>Post by ${id} <member-level-badge api=${api} member=${id} locale="en"></member-level-badge></p>`)}
        </div>`);
        const badges = [...page.querySelectorAll('member-level-badge')];
        const settled = () => badges.every((element) => element.matches(':state(ready), :state(unknown)'));
        const deadline = Date.now() + 8_000;
        while (!settled()) {
          if (Date.now() > deadline) throw new Error('the badges did not all settle');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(spy.count('/v1/badges')).to.be.at.most(3);
        expect(spy.count('/v1/')).to.equal(spy.count('/v1/badges'));
        expect(visibleText(badges[0]!)).to.equal('Mercury');
        expect(visibleText(badges[1]!)).to.equal('Earth');
        expect(visibleText(badges[2]!)).to.equal('Jupiter');
        expect(badges[3]!.matches(':state(unknown)')).to.equal(true);
        expect(badges.filter((element) => element.matches(':state(ready)')).length).to.equal(30);
      } finally {
        spy.restore();
      }
    });

    it('an unknown member draws nothing and says so as a state', async () => {
      const element = await badge({ member: unknownId() }, 'unknown');
      expect(visibleText(element)).to.equal('');
      expect(element.getBoundingClientRect().width).to.equal(0);
    });

    it('switching `member` shows the other member (an SPA re-using the element)', async () => {
      const element = await badge({ member: byLevel[2]!.memberId });
      expect(visibleText(element)).to.equal('Mars');
      element.member = byLevel[5]!.memberId;
      await untilFace(element, 'ready');
      await waitForText(element, 'Saturn');
      element.variant = 'full';
      await element.updateComplete;
      expect(part(element, 'level-number')!.textContent).to.equal('LV 5');
      element.member = unknownId();
      await untilFace(element, 'unknown');
    });
  });

  describe("the signed-in member's own badge", () => {
    it("P3 without `member`, shows the signed-in member's level and display name", async () => {
      const element = await badge({ token: byLevel[4]!.token, variant: 'full' });
      expect(part(element, 'level-name')!.textContent).to.equal('Earth');
      expect(accessibleName(element)).to.equal('Level 4 member: Earth, level 4');
    });

    it("signed out, shows the page's sign-in slot", async () => {
      const element = await fixture<MemberLevelBadge>(html`<member-level-badge api=${api}
        ><a slot="signed-out" href="/sign-in">Sign in</a></member-level-badge
      >`);
      await untilFace(element, 'signed-out');
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out"]')!;
      expect(slot.assignedElements().map((node) => node.textContent)).to.deep.equal(['Sign in']);
    });

    it("follows a provider's token", async () => {
      const provider = await fixture(html`<rewards-provider api=${api} token=${byLevel[6]!.token}
        ><member-level-badge locale="en"></member-level-badge
      ></rewards-provider>`);
      const element = provider.querySelector('member-level-badge')!;
      await untilFace(element, 'ready');
      expect(visibleText(element)).to.equal('Jupiter');
    });
  });

  describe('inline in a blog post', () => {
    it('is inline text on the baseline: the paragraph stays one line high', async () => {
      const paragraph = await fixture<HTMLParagraphElement>(html`<p style="font: 16px/24px serif; width: 40em; margin: 0">
        Written by Ada <member-level-badge api=${api} member=${byLevel[2]!.memberId} variant="full" locale="en"></member-level-badge> last week.
      </p>`);
      const element = paragraph.querySelector('member-level-badge')!;
      await untilFace(element, 'ready');
      const style = getComputedStyle(element);
      expect(style.display).to.equal('inline');
      expect(style.verticalAlign).to.equal('baseline');
      expect(paragraph.getBoundingClientRect().height).to.equal(24);
    });

    it('wraps between the display name and the level like words, never inside the level', async () => {
      const paragraph = await fixture<HTMLParagraphElement>(html`<p style="font: 16px/24px serif; width: 11em; margin: 0">
        By <member-level-badge api=${api} member=${byLevel[5]!.memberId} variant="full" locale="en"></member-level-badge>
      </p>`);
      const element = paragraph.querySelector('member-level-badge')!;
      await untilFace(element, 'ready');
      expect(part(element, 'badge')!.getClientRects().length).to.be.greaterThan(1);
      const level = part(element, 'level')!;
      expect(Math.round(level.getBoundingClientRect().height)).to.be.at.most(24);
    });

    it('sizes follow the surrounding text: small < medium < large', async () => {
      const sizes: number[] = [];
      for (const size of ['small', 'medium', 'large'] as const) {
        const element = await badge({ member: byLevel[1]!.memberId, size });
        sizes.push(parseFloat(getComputedStyle(part(element, 'level-name')!).fontSize));
      }
      expect(sizes[0]).to.be.lessThan(sizes[1]!);
      expect(sizes[1]).to.be.lessThan(sizes[2]!);
    });

    it('a hostile page stylesheet does not break it', async () => {
      const remove = addHostileStyles();
      try {
        const element = await badge({ member: byLevel[2]!.memberId, variant: 'full' });
        const pill = part(element, 'level')!;
        expect(pill.getBoundingClientRect().width).to.be.greaterThan(0);
        expect(getComputedStyle(part(element, 'level-name')!).display).not.to.equal('none');
        expect(visibleText(element)).to.equal('Level 2 member MarsLV 2');
        expect(getComputedStyle(element).textTransform).to.equal('none');
      } finally {
        remove();
      }
    });
  });

  describe('failures', () => {
    it('shows an error with a retry button (keyboard), fires rewards-error, and recovers', async () => {
      const spy = spyOnFetch((url) => (url.pathname === '/v1/badges' ? problemResponse(403) : undefined));
      const page = await fixture<HTMLElement>(html`<div></div>`);
      const failed = oneEvent(page, 'rewards-error') as Promise<RewardsErrorEvent>;
      const element = document.createElement('member-level-badge');
      try {
        element.api = api;
        element.locale = 'en';
        element.member = byLevel[3]!.memberId + '-x';
        page.append(element);
        await untilFace(element, 'error');
        const event = await failed;
        expect(event.detail.code).to.equal('forbidden');
        expect(event.detail.source).to.equal('member-level-badge');
        expect(visibleText(element)).to.equal('Something went wrong. Try again');
      } finally {
        spy.restore();
      }
      part<HTMLButtonElement>(element, 'retry-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await untilFace(element, 'unknown');
    });
  });

  it('an unusable `api` keeps the loading face and says why in the console, once', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const element = await badge({ api: '//elsewhere.example', member: 'someone' }, 'loading');
      element.size = 'large';
      await element.updateComplete;
      expect(warnings.length).to.equal(1);
      expect(String(warnings[0]![0])).to.contain('member-level-badge');
      expect(String(warnings[0]![0])).to.contain('protocol-relative');
    } finally {
      console.warn = warn;
    }
  });

  it('removing the badge leaves no subscription behind', async () => {
    const memberId = byLevel[2]!.memberId;
    const element = await badge({ member: memberId });
    const source = publicBadges(api.replace(/\/+$/, ''));
    expect(source.watchers(memberId)).to.be.greaterThan(0);
    element.remove();
    expect(source.watchers(memberId)).to.equal(0);
  });
});

async function waitForText(element: Element, text: string): Promise<void> {
  const deadline = Date.now() + 4_000;
  while (visibleText(element) !== text) {
    if (Date.now() > deadline) throw new Error(`expected "${text}", saw "${visibleText(element)}"`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
