import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/rewards-provider/define.ts';
import type { RewardsProvider } from '../../../src/elements/rewards-provider/rewards-provider.ts';
import { $pageConfig, configure } from '../../../src/store/config.ts';
import type { ConfigProbe } from './probes.ts';
import './probes.ts';

async function settle(...elements: (ConfigProbe | RewardsProvider)[]): Promise<void> {
  for (const element of elements) await element.updateComplete;
}

describe('RewardsConfigController: where the configuration comes from', () => {
  afterEach(() => $pageConfig.set(undefined));

  it('has no configuration when nothing gives one', async () => {
    const probe = await fixture<ConfigProbe>(html`<config-probe></config-probe>`);
    expect(probe.configuration.config).to.equal(undefined);
    expect(probe.configuration.problem).to.equal(undefined);
  });

  it('uses the page-wide configure() when there is nothing nearer', async () => {
    const getToken = () => 'page-token';
    configure({ api: 'https://page.example/', getToken });
    const probe = await fixture<ConfigProbe>(html`<config-probe></config-probe>`);
    expect(probe.configuration.config).to.deep.equal({ api: 'https://page.example', source: 'page', getToken });
  });

  it("takes the page's API again once its own is removed; a page API given as a path follows the document's base URL", async () => {
    configure({ api: '/rewards/' });
    const probe = await fixture<ConfigProbe>(html`<config-probe api="https://own.example"></config-probe>`);
    expect(probe.configuration.config).to.deep.equal({ api: 'https://own.example', source: 'element' });
    probe.api = undefined;
    await probe.updateComplete;
    expect(probe.configuration.config).to.deep.equal({ api: new URL('/rewards', document.baseURI).href, source: 'page' });
    expect(probe.shadowRoot!.textContent).to.contain('/rewards');
  });

  it('prefers the provider to the page, and the element attribute to both', async () => {
    configure({ api: 'https://page.example', getToken: () => 'page-token' });
    const provider = await fixture<RewardsProvider>(html`
      <rewards-provider api="https://provider.example" token="provider-token">
        <config-probe></config-probe>
        <config-probe api="https://own.example" token="own-token"></config-probe>
      </rewards-provider>
    `);
    const [inherited, own] = provider.querySelectorAll('config-probe');
    await settle(inherited!, own!);
    expect(inherited!.configuration.config?.api).to.equal('https://provider.example');
    expect(await inherited!.configuration.config?.getToken?.()).to.equal('provider-token');
    expect(own!.configuration.config?.api).to.equal('https://own.example');
    expect(own!.configuration.config?.source).to.equal('element');
    expect(await own!.configuration.config?.getToken?.()).to.equal('own-token');
  });

  it('never sends a token given for one server to another', async () => {
    configure({ api: 'https://page.example', getToken: () => 'page-token' });
    const provider = await fixture<RewardsProvider>(html`
      <rewards-provider api="https://provider.example" token="provider-token">
        <config-probe api="https://elsewhere.example"></config-probe>
        <config-probe api="https://provider.example/"></config-probe>
        <config-probe api="https://page.example"></config-probe>
      </rewards-provider>
    `);
    const [elsewhere, sameAsProvider, sameAsPage] = provider.querySelectorAll('config-probe');
    await settle(elsewhere!, sameAsProvider!, sameAsPage!);
    expect(elsewhere!.configuration.config?.api).to.equal('https://elsewhere.example');
    expect(elsewhere!.configuration.config?.getToken).to.equal(undefined);
    expect(await sameAsProvider!.configuration.config?.getToken?.()).to.equal('provider-token');
    expect(await sameAsPage!.configuration.config?.getToken?.()).to.equal('page-token');
  });

  it('applies a token given without an API to the API named above it', async () => {
    configure({ api: '/shop-rewards' });
    const provider = await fixture<RewardsProvider>(html`
      <rewards-provider token="section-token"><config-probe></config-probe></rewards-provider>
    `);
    const probe = provider.querySelector('config-probe')!;
    await probe.updateComplete;
    expect(probe.configuration.config?.api).to.equal(`${location.origin}/shop-rewards`);
    expect(probe.configuration.config?.source).to.equal('page');
    expect(await probe.configuration.config?.getToken?.()).to.equal('section-token');
  });

  it('reports an invalid api attribute instead of silently calling another server', async () => {
    configure({ api: 'https://page.example' });
    const probe = await fixture<ConfigProbe>(html`<config-probe api="javascript:alert(1)"></config-probe>`);
    expect(probe.configuration.config).to.equal(undefined);
    expect(probe.configuration.problem).to.match(/config-probe \(element\): api must use http or https/);
  });

  it('re-renders when the page-wide configuration changes, and keeps the same object while nothing changes', async () => {
    const probe = await fixture<ConfigProbe>(html`<config-probe></config-probe>`);
    configure({ api: 'https://one.example' });
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('https://one.example');
    const first = probe.configuration.config;
    probe.requestUpdate();
    await probe.updateComplete;
    expect(probe.configuration.config).to.equal(first);
    configure({ api: 'https://two.example' });
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('https://two.example');
  });

  it('stops listening to the page-wide configuration once disconnected', async () => {
    const probe = await fixture<ConfigProbe>(html`<config-probe></config-probe>`);
    const parent = probe.parentElement!;
    probe.remove();
    const renders = probe.renders;
    configure({ api: 'https://while-away.example' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(probe.renders).to.equal(renders);
    parent.append(probe);
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('https://while-away.example');
  });
});
