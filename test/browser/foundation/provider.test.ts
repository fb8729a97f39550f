import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/rewards-provider/define.ts';
import { RewardsProvider } from '../../../src/elements/rewards-provider/rewards-provider.ts';
import { rewardsContext } from '../../../src/elements/rewards-provider/context.ts';
import { defineElement } from './define.ts';
import { deepQuery, type ConfigProbe, type L10nProbe } from './probes.ts';

async function deepProbe<T extends Element>(root: Element, selector: string): Promise<T> {
  await waitUntil(() => deepQuery<T>(root, selector), `${selector} never rendered`);
  const probe = deepQuery<T>(root, selector)!;
  if ('updateComplete' in probe) await (probe as unknown as ConfigProbe).updateComplete;
  return probe;
}

function shownApi(probe: ConfigProbe): string {
  return probe.shadowRoot!.querySelector('output')!.textContent!;
}

describe('<rewards-provider>', () => {
  it('reaches an element three shadow roots deep', async () => {
    const provider = await fixture<RewardsProvider>(html`
      <rewards-provider api="https://rewards.example/" token="t-1">
        <nest-shell depth="3"></nest-shell>
      </rewards-provider>
    `);
    const probe = await deepProbe<ConfigProbe>(provider, 'config-probe');
    expect(shownApi(probe)).to.equal('https://rewards.example');
    expect(await probe.configuration.config?.getToken?.()).to.equal('t-1');
    expect(probe.configuration.config?.source).to.equal('provider');
  });

  it('propagates api, token and locale changes to elements already rendered', async () => {
    const provider = await fixture<RewardsProvider>(html`
      <rewards-provider api="/first"><nest-shell depth="2"></nest-shell></rewards-provider>
    `);
    const probe = await deepProbe<ConfigProbe>(provider, 'config-probe');
    expect(shownApi(probe)).to.equal(`${location.origin}/first`);
    expect(probe.configuration.config?.getToken).to.equal(undefined);

    provider.setAttribute('api', 'https://second.example/api');
    provider.token = 'fresh';
    await waitUntil(() => shownApi(probe) === 'https://second.example/api', 'api change did not reach the element');
    expect(await probe.configuration.config?.getToken?.()).to.equal('fresh');

    provider.removeAttribute('api');
    await waitUntil(() => shownApi(probe) === 'no api', 'removing api did not reach the element');
  });

  it('lets a getToken hook win over a static token', async () => {
    const provider = await fixture<RewardsProvider>(html`
      <rewards-provider api="/r" token="static"><config-probe></config-probe></rewards-provider>
    `);
    const probe = provider.querySelector('config-probe')!;
    await probe.updateComplete;
    expect(await probe.configuration.config?.getToken?.()).to.equal('static');
    provider.getToken = async () => 'from-hook';
    await provider.updateComplete;
    await probe.updateComplete;
    expect(await probe.configuration.config?.getToken?.()).to.equal('from-hook');
  });

  it('propagates locale changes: the element re-renders in Chinese', async () => {
    const provider = await fixture<RewardsProvider>(html`
      <rewards-provider locale="en"><nest-shell depth="2" probe="l10n-probe"></nest-shell></rewards-provider>
    `);
    const probe = await deepProbe<L10nProbe>(provider, 'l10n-probe');
    expect(probe.text).to.equal('1,500 points to Venus');
    provider.locale = 'zh-CN';
    await waitUntil(() => probe.text === '再得 1,500 积分升至金星', `still "${probe.text}"`);
    expect(probe.l10n.locale).to.equal('zh-CN');
  });

  it('propagates theme changes into nested shadow roots, through CSS and through the context', async () => {
    const provider = await fixture<RewardsProvider>(html`
      <rewards-provider theme="light"><nest-shell depth="2"></nest-shell></rewards-provider>
    `);
    const probe = await deepProbe<ConfigProbe>(provider, 'config-probe');
    const surface = () => getComputedStyle(probe).getPropertyValue('--_rk-surface').trim();
    expect(surface()).to.equal('#ffffff');
    provider.theme = 'dark';
    await provider.updateComplete;
    expect(provider.getAttribute('theme')).to.equal('dark');
    expect(surface()).to.equal('#16181d');

    let seen: string | undefined;
    probe.dispatchEvent(new (await import('@lit/context')).ContextEvent(rewardsContext, probe, (value) => (seen = value.theme)));
    expect(seen).to.equal('dark');
  });

  it('falls back to "page" for an unknown theme', async () => {
    const provider = await fixture<RewardsProvider>(html`<rewards-provider theme="sepia"></rewards-provider>`);
    expect(provider.theme).to.equal('page');
  });

  it('takes no room of its own: its children lay out as if it were not there', async () => {
    const provider = await fixture<RewardsProvider>(html`<rewards-provider><p>hello</p></rewards-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
  });

  it('configures elements inside it even when it is defined after them', async () => {
    const host = await fixture<HTMLElement>(html`
      <div><late-rewards-provider api="https://late.example"><config-probe></config-probe></late-rewards-provider></div>
    `);
    const probe = host.querySelector('config-probe')!;
    await probe.updateComplete;
    expect(shownApi(probe)).to.equal('no api');
    defineElement('late-rewards-provider', class extends RewardsProvider {});
    await waitUntil(() => shownApi(probe) === 'https://late.example', 'the late provider was never found');
  });

  it('no longer configures an element moved out of it', async () => {
    const host = await fixture<HTMLElement>(html`
      <div><rewards-provider api="/inside"><config-probe></config-probe></rewards-provider><section></section></div>
    `);
    const probe = host.querySelector('config-probe')!;
    await probe.updateComplete;
    expect(shownApi(probe)).to.equal(`${location.origin}/inside`);
    host.querySelector('section')!.append(probe);
    await waitUntil(() => shownApi(probe) === 'no api', 'the moved element kept its old provider');
  });
});

describe('define.ts', () => {
  it('registers rewards-provider', () => {
    expect(customElements.get('rewards-provider')).to.equal(RewardsProvider);
    expect(document.createElement('rewards-provider')).to.be.instanceOf(RewardsProvider);
  });

  it('a second copy of the kit defining the same tag does not throw, and the first definition stays', async () => {
    const secondCopy = new URL('../../../src/elements/rewards-provider/define.ts', import.meta.url).href + '?copy=2';
    await import(secondCopy);
    expect(customElements.get('rewards-provider')).to.equal(RewardsProvider);
  });

  it('a copy with its own class (another build of the kit) does not throw either', async () => {
    const source = new URL('../../../src/elements/rewards-provider/define.ts', import.meta.url).href;
    const otherBuild = `${source.replace('/define.ts', '/rewards-provider.ts')}?build=other`;
    const { RewardsProvider: OtherBuildProvider } = (await import(otherBuild)) as { RewardsProvider: unknown };
    expect(OtherBuildProvider).not.to.equal(RewardsProvider);
    // The define module as served, pointed at the other build's class.
    const body = (await (await fetch(source)).text()).replaceAll(/\.\/rewards-provider\.ts(\?[^'"]*)?/g, otherBuild);
    const url = URL.createObjectURL(new Blob([body], { type: 'text/javascript' }));
    await import(url);
    URL.revokeObjectURL(url);
    expect(customElements.get('rewards-provider')).to.equal(RewardsProvider);
  });
});
