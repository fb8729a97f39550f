import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import '../../../src/elements/rewards-provider/define.ts';
import { defineElement } from './define.ts';
import { baseStyles, darkPalette, lightPalette, type ColorToken } from '../../../src/elements/shared/theme.ts';

/** Paints each colour token on a swatch inside its shadow root, as an element of the kit would. */
class ThemeProbe extends LitElement {
  static override styles = baseStyles;

  /** The colour the browser paints for a token, as [r, g, b]. */
  paint(token: ColorToken): [number, number, number] {
    const swatch = document.createElement('span');
    swatch.style.color = `var(--_rk-${token})`;
    this.shadowRoot!.append(swatch);
    const rgb = getComputedStyle(swatch)
      .color.match(/\d+(\.\d+)?/g)!
      .map(Number);
    swatch.remove();
    return [rgb[0]!, rgb[1]!, rgb[2]!];
  }
}
defineElement('theme-probe', ThemeProbe);

/** WCAG 2.x relative luminance and contrast ratio. */
function luminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function hex(rgb: [number, number, number]): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

const levels = [0, 1, 2, 3, 4, 5, 6].map((n) => `level-${n}` as ColorToken);
const surfaces: ColorToken[] = ['surface', 'surface-sunken'];

/** Text: 4.5:1 (WCAG 1.4.3). Every foreground that may be text, on every surface it may sit on. */
const textPairs: [ColorToken, ColorToken][] = [
  ...(['text', 'text-muted', 'accent', 'success', 'warning', 'danger', ...levels] as ColorToken[]).flatMap((fg) =>
    surfaces.map((bg) => [fg, bg] as [ColorToken, ColorToken]),
  ),
  ['on-accent', 'accent'],
  ...levels.map((level) => ['on-level', level] as [ColorToken, ColorToken]),
];

/** Controls and focus indicators: 3:1 (WCAG 1.4.11). */
const uiPairs: [ColorToken, ColorToken][] = (['border', 'focus-ring', 'accent'] as ColorToken[]).flatMap((fg) =>
  surfaces.map((bg) => [fg, bg] as [ColorToken, ColorToken]),
);

function expectContrast(probe: ThemeProbe, pairs: [ColorToken, ColorToken][], minimum: number): void {
  for (const [fg, bg] of pairs) {
    const ratio = contrast(probe.paint(fg), probe.paint(bg));
    expect(ratio, `${fg} on ${bg}: ${ratio.toFixed(2)}:1`).to.be.at.least(minimum);
  }
}

function expectPalette(probe: ThemeProbe, palette: Readonly<Record<ColorToken, string>>, label: string): void {
  for (const token of Object.keys(palette) as ColorToken[]) {
    expect(hex(probe.paint(token)), `${label}: ${token}`).to.equal(palette[token]);
  }
}

describe('theme tokens', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('light and dark palettes define the same tokens', () => {
    expect(Object.keys(darkPalette).sort()).to.deep.equal(Object.keys(lightPalette).sort());
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: text pairs reach 4.5:1`, async () => {
      const probe = await fixture<ThemeProbe>(html`<theme-probe theme=${theme}></theme-probe>`);
      expectPalette(probe, theme === 'light' ? lightPalette : darkPalette, theme);
      expectContrast(probe, textPairs, 4.5);
    });

    it(`${theme}: controls and the focus ring reach 3:1`, async () => {
      const probe = await fixture<ThemeProbe>(html`<theme-probe theme=${theme}></theme-probe>`);
      expectContrast(probe, uiPairs, 3);
    });
  }

  it('by default takes the colour scheme of the page: light on a plain page even when the system is dark', async () => {
    const probe = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
    await emulateMedia({ colorScheme: 'dark' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expectPalette(probe, lightPalette, 'plain page, system dark');
    const region = await fixture<HTMLElement>(html`<div style="color-scheme: dark"><theme-probe></theme-probe></div>`);
    expectPalette(region.querySelector('theme-probe') as ThemeProbe, darkPalette, 'a dark region of the page');
    const both = await fixture<HTMLElement>(html`<div style="color-scheme: light dark"><theme-probe></theme-probe></div>`);
    expectPalette(both.querySelector('theme-probe') as ThemeProbe, darkPalette, 'a page that follows a dark system');
  });

  it('theme="auto" follows prefers-color-scheme', async () => {
    const probe = await fixture<ThemeProbe>(html`<theme-probe theme="auto"></theme-probe>`);
    await emulateMedia({ colorScheme: 'dark' });
    await waitUntil(() => hex(probe.paint('surface')) === darkPalette.surface, 'dark scheme not followed');
    expectPalette(probe, darkPalette, 'system dark');
    await emulateMedia({ colorScheme: 'light' });
    await waitUntil(() => hex(probe.paint('surface')) === lightPalette.surface, 'light scheme not followed');
  });

  it('theme="light" on the element wins over a dark system', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const probe = await fixture<ThemeProbe>(html`<theme-probe theme="light"></theme-probe>`);
    expectPalette(probe, lightPalette, 'forced light');
  });

  it('a provider forces its theme on elements inside it, across shadow roots', async () => {
    const provider = await fixture<HTMLElement>(html`
      <rewards-provider theme="dark"><div id="host"></div></rewards-provider>
    `);
    const host = provider.querySelector('#host')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<theme-probe></theme-probe>';
    const probe = root.querySelector('theme-probe') as ThemeProbe;
    await probe.updateComplete;
    expectPalette(probe, darkPalette, 'provider dark, system light');

    await emulateMedia({ colorScheme: 'dark' });
    provider.setAttribute('theme', 'light');
    await waitUntil(() => hex(probe.paint('surface')) === lightPalette.surface, 'provider light not applied');
    expectPalette(probe, lightPalette, 'provider light, system dark');
  });

  it('an element forcing its own theme wins over its provider', async () => {
    const provider = await fixture<HTMLElement>(html`
      <rewards-provider theme="dark"><theme-probe theme="light"></theme-probe></rewards-provider>
    `);
    const probe = provider.querySelector('theme-probe') as ThemeProbe;
    await probe.updateComplete;
    expectPalette(probe, lightPalette, 'element light in provider dark');
  });

  it('a page customizes a token on the element or above it', async () => {
    const host = await fixture<HTMLElement>(html`
      <div style="--rk-accent: #5b21b6"><theme-probe></theme-probe><theme-probe style="--rk-accent: #065f46"></theme-probe></div>
    `);
    const [inherited, own] = host.querySelectorAll('theme-probe') as NodeListOf<ThemeProbe>;
    expect(hex(inherited!.paint('accent'))).to.equal('#5b21b6');
    expect(hex(own!.paint('accent'))).to.equal('#065f46');
  });
});
