import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { defineOnSight } from '../../../src/elements/define-on-sight.ts';
import { loadSellerDashboard } from '../../../src/elements/index.ts';

let count = 0;

/** A tag of its own and a module that defines it, counting how often it is fetched. */
function lazyTag() {
  const tag = `on-sight-${++count}`;
  const loads: number[] = [];
  class Lazy extends HTMLElement {}
  const importer = async () => {
    loads.push(Date.now());
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (!customElements.get(tag)) customElements.define(tag, Lazy);
    return { Lazy };
  };
  return { tag, loads, importer, Lazy };
}

describe('a tag defined on sight (the one-file build registers <seller-dashboard> so)', () => {
  afterEach(() => fixtureCleanup());

  it('is not fetched while no such element is in the document', async () => {
    const { tag, loads, importer } = lazyTag();
    defineOnSight(tag, importer);
    await fixture(html`<div><p>nothing of it here</p></div>`);
    document.createElement(tag); // made but never added
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loads).to.have.length(0);
    expect(customElements.get(tag)).to.equal(undefined);
  });

  it('is fetched once and upgrades the element when one is added, however deep', async () => {
    const { tag, loads, importer, Lazy } = lazyTag();
    defineOnSight(tag, importer);
    const outer = await fixture(html`<div></div>`);
    outer.innerHTML = `<section><article><${tag}></${tag}><${tag}></${tag}></article></section>`;
    await customElements.whenDefined(tag);
    expect(outer.querySelector(tag)).to.be.instanceOf(Lazy);
    outer.append(document.createElement(tag));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loads).to.have.length(1);
  });

  it('is fetched at once when the document already has one', async () => {
    const { tag, loads, importer } = lazyTag();
    await fixture(`<div><${tag}></${tag}></div>`);
    defineOnSight(tag, importer);
    await customElements.whenDefined(tag);
    expect(loads).to.have.length(1);
  });

  it('loads on request (for a shadow root it cannot see), once, giving the module', async () => {
    const { tag, loads, importer, Lazy } = lazyTag();
    const load = defineOnSight(tag, importer);
    const host = await fixture(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML = `<${tag}></${tag}>`;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loads).to.have.length(0);
    const [first, second] = await Promise.all([load(), load()]);
    expect(first.Lazy).to.equal(Lazy);
    expect(second).to.equal(first);
    expect(host.shadowRoot!.querySelector(tag)).to.be.instanceOf(Lazy);
    expect(loads).to.have.length(1);
  });

  it('tries again after a failed download', async () => {
    const { tag, importer } = lazyTag();
    let fail = true;
    const load = defineOnSight(tag, () => (fail ? Promise.reject(new Error('offline')) : importer()));
    const error = await load().catch((caught: unknown) => caught);
    expect(String(error)).to.contain('offline');
    fail = false;
    await load();
    expect(customElements.get(tag)).to.not.equal(undefined);
  });

  it('<seller-dashboard> is registered once one appears, and loadSellerDashboard() gives its class', async () => {
    await fixture(html`<div><seller-dashboard api="/" theme="light"></seller-dashboard></div>`);
    await customElements.whenDefined('seller-dashboard');
    const SellerDashboard = await loadSellerDashboard();
    expect(customElements.get('seller-dashboard')).to.equal(SellerDashboard);
    expect(document.querySelector('seller-dashboard')).to.be.instanceOf(SellerDashboard);
  });
});
