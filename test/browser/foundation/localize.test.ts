import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/rewards-provider/define.ts';
import { $pageConfig, configure } from '../../../src/store/config.ts';
import { deepQuery, type L10nProbe } from './probes.ts';

const ENGLISH = '1,500 points to Venus';
const CHINESE = '再得 1,500 积分升至金星';

async function showsText(probe: L10nProbe, text: string): Promise<void> {
  await waitUntil(() => probe.text === text, `expected "${text}"`, { timeout: 3000 });
}

describe('LocalizeController: where the locale comes from', () => {
  let pageLang: string | null;

  beforeEach(() => {
    pageLang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
  });

  afterEach(() => {
    if (pageLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', pageLang);
    $pageConfig.set(undefined);
  });

  it("follows the browser's language when nothing else speaks", async () => {
    const probe = await fixture<L10nProbe>(html`<l10n-probe></l10n-probe>`);
    const browserLanguage = new Intl.Locale(navigator.language);
    expect(probe.l10n.locale).to.equal(browserLanguage.language === 'en' ? browserLanguage.toString() : 'en');
    expect(probe.text).to.equal(ENGLISH);
  });

  it('uses the element locale attribute first', async () => {
    const host = await fixture<HTMLElement>(html`
      <div lang="en">
        <rewards-provider locale="en"><l10n-probe locale="zh-CN"></l10n-probe></rewards-provider>
      </div>
    `);
    const probe = host.querySelector('l10n-probe')!;
    await showsText(probe, CHINESE);
    expect(probe.l10n.locale).to.equal('zh-CN');
  });

  it('then the provider, even through shadow roots, before the page language', async () => {
    const host = await fixture<HTMLElement>(html`
      <div lang="en">
        <rewards-provider locale="zh-CN"><nest-shell depth="2" probe="l10n-probe"></nest-shell></rewards-provider>
      </div>
    `);
    await waitUntil(() => deepQuery<L10nProbe>(host, 'l10n-probe'));
    await showsText(deepQuery<L10nProbe>(host, 'l10n-probe')!, CHINESE);
  });

  it('then the page-wide configure({ locale }), before lang', async () => {
    configure({ api: '/r', locale: 'zh-CN' });
    const host = await fixture<HTMLElement>(html`<div lang="en"><l10n-probe></l10n-probe></div>`);
    await showsText(host.querySelector('l10n-probe')!, CHINESE);
  });

  it('then the closest lang, looking through shadow roots to their hosts', async () => {
    const host = await fixture<HTMLElement>(html`
      <div lang="zh-CN"><section lang=""><nest-shell depth="3" probe="l10n-probe"></nest-shell></section></div>
    `);
    await waitUntil(() => deepQuery<L10nProbe>(host, 'l10n-probe'));
    const probe = deepQuery<L10nProbe>(host, 'l10n-probe')!;
    await showsText(probe, CHINESE);
    expect(probe.shadowRoot!.querySelector('p')!.getAttribute('lang')).to.equal('zh-CN');
  });

  it('follows live changes of the document language', async () => {
    const probe = await fixture<L10nProbe>(html`<l10n-probe></l10n-probe>`);
    document.documentElement.lang = 'zh-CN';
    await showsText(probe, CHINESE);
    document.documentElement.lang = 'en-GB';
    await showsText(probe, ENGLISH);
    expect(probe.l10n.locale).to.equal('en-GB');
  });

  it('follows live changes of a lang attribute on an ancestor', async () => {
    const host = await fixture<HTMLElement>(html`<article lang="en"><l10n-probe></l10n-probe></article>`);
    const probe = host.querySelector('l10n-probe')!;
    expect(probe.text).to.equal(ENGLISH);
    host.setAttribute('lang', 'zh');
    await showsText(probe, CHINESE);
  });

  it('follows a change of its own locale attribute', async () => {
    const probe = await fixture<L10nProbe>(html`<l10n-probe locale="en"></l10n-probe>`);
    probe.setAttribute('locale', 'zh-CN');
    await showsText(probe, CHINESE);
    probe.removeAttribute('locale');
    await showsText(probe, ENGLISH);
  });
});

describe('LocalizeController: catalogs and fallbacks', () => {
  const cases: [lang: string, text: string, locale: string][] = [
    ['zh', CHINESE, 'zh'],
    ['zh-Hans', CHINESE, 'zh-Hans'],
    ['zh-SG', CHINESE, 'zh-SG'],
    ['zh-CN', CHINESE, 'zh-CN'],
    ['zh-TW', ENGLISH, 'en'],
    ['de-DE', ENGLISH, 'en'],
    ['en-GB', ENGLISH, 'en-GB'],
  ];
  for (const [lang, text, locale] of cases) {
    it(`lang="${lang}" reads "${text}" formatted for ${locale}`, async () => {
      const probe = await fixture<L10nProbe>(html`<l10n-probe locale=${lang}></l10n-probe>`);
      await showsText(probe, text);
      expect(probe.l10n.locale).to.equal(locale);
    });
  }

  it('skips a locale that is not a language tag and asks the next source', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="zh-CN"><l10n-probe locale="not a tag!"></l10n-probe></div>`);
    await showsText(host.querySelector('l10n-probe')!, CHINESE);
  });

  it('chooses plural forms by number, formatted for the locale', async () => {
    const probe = await fixture<L10nProbe>(html`<l10n-probe locale="en"></l10n-probe>`);
    expect(probe.l10n.t('coins.amount', { n: 1 })).to.equal('1 coin');
    expect(probe.l10n.t('coins.amount', { n: 0 })).to.equal('0 coins');
    expect(probe.l10n.t('coins.amount', { n: 12000 })).to.equal('12,000 coins');
    expect(probe.l10n.t('checkIn.bonusTier', { count: 5, target: 7 })).to.equal('5 of 7 days');
    expect(probe.l10n.t('level.short', { n: 3 })).to.equal('LV 3');
  });

  it('renders the Chinese catalog: level names, check-in, cart', async () => {
    const probe = await fixture<L10nProbe>(html`<l10n-probe locale="zh-CN"></l10n-probe>`);
    await showsText(probe, CHINESE);
    const { l10n } = probe;
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => l10n.t(`level.${n}` as 'level.0'))).to.deep.equal(['会员', '水星', '火星', '金星', '地球', '土星', '木星']);
    expect(l10n.t('checkIn.done')).to.equal('今日已签到');
    expect(l10n.t('checkIn.bonusTier', { count: 14, target: 21 })).to.equal('14/21 天');
    expect(l10n.t('level.short', { n: 6 })).to.equal('LV6');
    expect(l10n.has('reason.C7')).to.equal(true);
    expect(l10n.has('reason.C99')).to.equal(false);
    expect(l10n.catalogLocale).to.equal('zh-CN');
    expect(l10n.loaded).to.equal(true);
  });

  for (const lang of ['ar', 'he', 'fa', 'ur', 'ar-EG']) {
    it(`lays out right to left for ${lang}`, async () => {
      const probe = await fixture<L10nProbe>(html`<l10n-probe locale=${lang}></l10n-probe>`);
      expect(probe.l10n.dir).to.equal('rtl');
      expect(probe.shadowRoot!.querySelector('p')!.getAttribute('dir')).to.equal('rtl');
      expect(getComputedStyle(probe.shadowRoot!.querySelector('p')!).direction).to.equal('rtl');
    });
  }

  it('lays out left to right for English and Chinese', async () => {
    for (const locale of ['en', 'zh-CN']) {
      const probe = await fixture<L10nProbe>(html`<l10n-probe locale=${locale}></l10n-probe>`);
      expect(probe.l10n.dir).to.equal('ltr');
    }
  });
});
