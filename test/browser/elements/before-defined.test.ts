/**
 * The shipped member-rewards-kit.css, on a page whose script has not arrived yet: each element
 * keeps its place, and the page's slotted sign-in link stays hidden until the tag is defined.
 * This file registers no element of the kit, so every tag is still undefined here.
 */
import { expect, fixture, html } from '@open-wc/testing';

async function addShippedCss(): Promise<() => void> {
  const css = await (await fetch('/src/elements/before-defined.css')).text();
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return () => style.remove();
}

describe('member-rewards-kit.css, before the script loads', () => {
  it("reserves a block element's place and an inline element's width", async () => {
    const remove = await addShippedCss();
    try {
      const page = await fixture<HTMLElement>(html`<div style="inline-size: 600px">
        <reward-catalog></reward-catalog><p>Header <coin-balance></coin-balance> text</p>
      </div>`);
      const catalog = page.querySelector('reward-catalog')!;
      const balance = page.querySelector('coin-balance')!;
      expect(customElements.get('reward-catalog')).to.equal(undefined);
      expect(catalog.getBoundingClientRect().height).to.be.at.least(16 * 16);
      expect(balance.getBoundingClientRect().width).to.be.at.least(8 * 16 - 1);
    } finally {
      remove();
    }
  });

  it('hides slotted sign-in content until the tag is defined, then shows it', async () => {
    const remove = await addShippedCss();
    try {
      const page = await fixture<HTMLElement>(html`<div><project-donate><a slot="signed-out" href="/login">Sign in</a></project-donate></div>`);
      const link = page.querySelector('a')!;
      expect(getComputedStyle(link).display).to.equal('none');
      customElements.define('project-donate', class extends HTMLElement {});
      expect(getComputedStyle(link).display).to.not.equal('none');
    } finally {
      remove();
    }
  });
});
