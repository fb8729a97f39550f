/**
 * Badges on a page without a provider that name no `api`, `token` or `locale` of their own (a
 * forum's): they take the page's `configure()` and the closest `lang`, follow both as they
 * change, and a badge given its own settings shows from those instead. Only the badge is
 * registered here, so no provider's tag is defined.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/member-level-badge/define.ts';
import type { MemberLevelBadge } from '../../../src/elements/member-level-badge/member-level-badge.ts';
import { loadCatalog } from '../../../src/i18n/catalogs.ts';
import { $pageConfig, configure } from '../../../src/store/config.ts';
import { newMember, serverUrl } from '../support/server.ts';
import { part, untilFace, visibleText } from './support/faces.ts';

async function untilText(element: Element, text: string): Promise<void> {
  const deadline = Date.now() + 4_000;
  while (visibleText(element) !== text) {
    if (Date.now() > deadline) throw new Error(`expected "${text}", saw "${visibleText(element)}"`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("member-level-badge following the page's settings", () => {
  let api: string;
  /** A member at LV2: Mars, 火星 in Simplified Chinese. */
  let mars: string;

  before(async () => {
    api = await serverUrl();
    mars = (await newMember({ displayName: 'Page reader', coins: 500 })).memberId;
    await loadCatalog('zh-CN');
  });

  afterEach(() => $pageConfig.set(undefined));

  it('holds its place until the page is configured, then shows the level from its API', async () => {
    const page = await fixture<HTMLElement>(html`<p lang="en">Posted by <member-level-badge member=${mars}></member-level-badge></p>`);
    const badge = page.querySelector('member-level-badge')!;
    expect(badge.matches(':state(loading)'), 'no API anywhere yet').to.equal(true);
    configure({ api });
    await untilFace(badge, 'ready');
    expect(visibleText(badge)).to.equal('Mars');
  });

  it('reads the closest `lang`, and follows a change of it', async () => {
    configure({ api });
    const page = await fixture<HTMLElement>(html`<article lang="zh-CN"><p>作者 <member-level-badge member=${mars}></member-level-badge></p></article>`);
    const badge = page.querySelector('member-level-badge')!;
    await untilFace(badge, 'ready');
    expect(visibleText(badge)).to.equal('火星');
    expect(part(badge, 'badge')!.getAttribute('lang')).to.equal('zh-CN');
    page.lang = 'en';
    await untilText(badge, 'Mars');
    expect(part(badge, 'badge')!.getAttribute('lang')).to.equal('en');
  });

  it("takes the page's locale before `lang`, and follows a new configure()", async () => {
    configure({ api, locale: 'zh-CN' });
    const page = await fixture<HTMLElement>(html`<p lang="en">By <member-level-badge member=${mars}></member-level-badge></p>`);
    const badge = page.querySelector('member-level-badge')!;
    await untilFace(badge, 'ready');
    expect(visibleText(badge)).to.equal('火星');
    configure({ api, locale: 'en' });
    await untilText(badge, 'Mars');
  });

  it('a badge given its own `api` or `locale` shows from them instead of the page', async () => {
    // The page names a server that does not answer: only the badge's own API can show a level.
    configure({ api: 'http://127.0.0.1:9/nowhere' });
    const page = await fixture<HTMLElement>(html`<p lang="en">
      <member-level-badge member=${mars} api=${api}></member-level-badge>
      <member-level-badge member=${mars}></member-level-badge>
    </p>`);
    const [own, following] = [...page.querySelectorAll<MemberLevelBadge>('member-level-badge')];
    await untilFace(own!, 'ready');
    expect(visibleText(own!)).to.equal('Mars');
    expect(following!.matches(':state(ready)'), "the page's server does not answer").to.equal(false);

    // Given its own language after it showed the page's.
    own!.locale = 'zh-CN';
    await untilText(own!, '火星');
  });

  it('a badge moved under another `lang` shows that language', async () => {
    configure({ api });
    const page = await fixture<HTMLElement>(html`<div>
      <p lang="en"><member-level-badge member=${mars}></member-level-badge></p>
      <p lang="zh-CN"></p>
    </div>`);
    const badge = page.querySelector('member-level-badge')!;
    await untilFace(badge, 'ready');
    expect(visibleText(badge)).to.equal('Mars');
    page.querySelector('[lang="zh-CN"]')!.append(badge);
    await untilText(badge, '火星');
  });
});

describe('member-level-badge given its settings before its class is defined', () => {
  it('shows from the `api` property set on it while it was still an unknown element', async () => {
    const api = await serverUrl();
    const mars = (await newMember({ displayName: 'Early reader', coins: 500 })).memberId;
    // The page names a server that does not answer: only the badge's own API can show a level.
    configure({ api: 'http://127.0.0.1:9/nowhere' });
    try {
      const early = document.createElement('early-level-badge') as HTMLElement & { api?: string; member?: string; locale?: string };
      early.api = api;
      early.member = mars;
      early.locale = 'en';
      document.body.append(early);
      const { MemberLevelBadge } = await import('../../../src/elements/member-level-badge/member-level-badge.ts');
      customElements.define('early-level-badge', class extends MemberLevelBadge {});
      await untilFace(early, 'ready');
      expect(visibleText(early)).to.equal('Mars');
      early.remove();
    } finally {
      $pageConfig.set(undefined);
    }
  });
});
