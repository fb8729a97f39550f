/**
 * Design tokens and the host styles every element starts from.
 *
 * Two layers of custom properties:
 * - `--rk-*` are the public tokens. A page customizes them on an element, on a
 *   `<rewards-provider>` or anywhere above; custom properties inherit through shadow
 *   boundaries, so a value set outside reaches every shadow root below.
 * - `--_rk-*` are the local properties an element's own CSS reads. `tokenStyles` maps each
 *   one in `:host` to the public token, falling back to the built-in value of the current
 *   colour scheme. An element never has to know where a value came from.
 *
 * Themes: with nothing set, an element takes the colour scheme of the page around it, that is
 * its inherited CSS `color-scheme` (`light-dark()` picks the palette): light on an ordinary
 * page, dark in a region or on a page that declares `color-scheme: dark` (or `light dark` on a
 * dark system). So the default never puts dark widgets on a white page. `theme="auto"` follows
 * the system (`color-scheme: light dark`). `theme="light"` or `theme="dark"` on an element or
 * on a provider writes the public colour tokens of that scheme onto it, and they inherit from
 * there to everything inside. To customize a forced theme, set tokens on that same element:
 * the page's rules on an element win over its `:host` rules.
 *
 * Every text pair meets WCAG 2.2 AA (4.5:1) and every control or focus indicator meets
 * 3:1 against both surfaces, in both schemes; the foundation tests compute the ratios.
 */
// From Lit's style module alone: importing `lit` would bring its template engine and element
// class into bundles that only need style sheets (the level badge).
import { css, unsafeCSS, type CSSResult } from '@lit/reactive-element/css-tag.js';

export type ColorToken =
  | 'surface'
  | 'surface-sunken'
  | 'text'
  | 'text-muted'
  | 'accent'
  | 'on-accent'
  | 'success'
  | 'warning'
  | 'danger'
  | 'border'
  | 'focus-ring'
  | 'skeleton'
  | 'level-0'
  | 'level-1'
  | 'level-2'
  | 'level-3'
  | 'level-4'
  | 'level-5'
  | 'level-6'
  | 'on-level';

export type Palette = Readonly<Record<ColorToken, string>>;

/**
 * Levels, in the order of the programme: Member, Mercury, Mars, Venus, Earth, Saturn,
 * Jupiter. Each is dark enough for text on the surface, and `on-level` is readable on each.
 */
export const lightPalette: Palette = Object.freeze({
  surface: '#ffffff',
  'surface-sunken': '#f3f4f6',
  text: '#1b1e24',
  'text-muted': '#565d6b',
  accent: '#0a58ca',
  'on-accent': '#ffffff',
  success: '#157347',
  warning: '#8a5300',
  danger: '#b3261e',
  border: '#7c8391',
  'focus-ring': '#0a58ca',
  skeleton: '#e4e7eb',
  'level-0': '#59616e',
  'level-1': '#3f6b73',
  'level-2': '#b8321f',
  'level-3': '#8a6100',
  'level-4': '#1d6fb8',
  'level-5': '#84592b',
  'level-6': '#a0461b',
  'on-level': '#ffffff',
});

export const darkPalette: Palette = Object.freeze({
  surface: '#16181d',
  'surface-sunken': '#20242b',
  text: '#eceef2',
  'text-muted': '#a7aebb',
  accent: '#8ab4ff',
  'on-accent': '#10141b',
  success: '#5ed39b',
  warning: '#f2bf5e',
  danger: '#ff8f85',
  border: '#767e8c',
  'focus-ring': '#8ab4ff',
  skeleton: '#2c313a',
  'level-0': '#aab1bd',
  'level-1': '#8fd0d6',
  'level-2': '#ff8a73',
  'level-3': '#f0c75e',
  'level-4': '#7cc0ff',
  'level-5': '#dcb98a',
  'level-6': '#f2a36b',
  'on-level': '#16181d',
});

/** Tokens that do not change with the colour scheme. Sizes in rem follow the reader's font size. */
export const scaleTokens: Readonly<Record<string, string>> = Object.freeze({
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif',
  'font-size-xs': '0.75rem',
  'font-size-s': '0.875rem',
  'font-size-m': '1rem',
  'font-size-l': '1.25rem',
  'font-size-xl': '1.5rem',
  'font-weight-normal': '400',
  'font-weight-strong': '600',
  'line-height': '1.5',
  'space-1': '0.25rem',
  'space-2': '0.5rem',
  'space-3': '0.75rem',
  'space-4': '1rem',
  'space-5': '1.5rem',
  'space-6': '2rem',
  'radius-s': '4px',
  'radius-m': '8px',
  'radius-l': '12px',
  'radius-pill': '999px',
  'focus-ring-width': '2px',
  'control-size': '2.25rem',
});

/** Level colours as token names, indexed by level (0 = Member … 6 = Jupiter). */
export const levelColorTokens = [
  '--_rk-level-0',
  '--_rk-level-1',
  '--_rk-level-2',
  '--_rk-level-3',
  '--_rk-level-4',
  '--_rk-level-5',
  '--_rk-level-6',
] as const;

function declarations(entries: Iterable<[string, string]>, value: (name: string, v: string) => string): string {
  let out = '';
  for (const [name, v] of entries) out += `${value(name, v)};`;
  return out;
}

function publicTokens(palette: Palette): string {
  return declarations(Object.entries(palette), (name, v) => `--rk-${name}:${v}`);
}

function schemeTokens(light: Palette, dark: Palette): string {
  return declarations(Object.entries(light), (name, v) => `--_rk-${name}:var(--rk-${name},light-dark(${v},${dark[name as ColorToken]}))`);
}

function localTokens(palette: Readonly<Record<string, string>>): string {
  return declarations(Object.entries(palette), (name, v) => `--_rk-${name}:var(--rk-${name},${v})`);
}

/**
 * `theme="light|dark"` forces a scheme on an element or a provider, and on everything inside
 * it; `theme="auto"` follows the system. Also used by `<rewards-provider>`, which has no look
 * of its own.
 */
export const forcedThemeStyles: CSSResult = /* @__PURE__ */ (() => css`
  :host([theme='light']) {
    ${unsafeCSS(publicTokens(lightPalette))}
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${unsafeCSS(publicTokens(darkPalette))}
    color-scheme: dark;
  }
  :host([theme='auto']) {
    color-scheme: light dark;
  }
`)();

/**
 * Maps the public tokens onto the local `--_rk-*` properties an element's CSS reads. Colours
 * fall back to `light-dark(light, dark)`, resolved against the `color-scheme` in force where
 * they are painted: inherited from the page unless a theme sets it.
 */
export const tokenStyles: CSSResult = /* @__PURE__ */ (() => css`
  :host {
    ${unsafeCSS(localTokens(scaleTokens))}
    ${unsafeCSS(schemeTokens(lightPalette, darkPalette))}
  }
`)();

/**
 * The element's own box against a hostile page.
 *
 * Shadow DOM keeps page selectors (`span { display: none }`, `button { display: none }`)
 * away from everything inside; only the host element itself can be reached. Of the host's
 * properties:
 * - `display` stays an ordinary declaration. Layout belongs to the page: it must be able to
 *   write `display: block`, `none` or a grid placement. Under `* { all: unset }` the host
 *   becomes `inline`, which the shadow content survives (its boxes lay themselves out).
 *   `[hidden]` hides with `!important`, as it does for built-in elements.
 * - Text and colour properties inherit into the shadow tree, so a page rule such as
 *   `* { all: unset }`, `body * { letter-spacing: .3em }` or `text-transform: uppercase`
 *   would otherwise reach every glyph. They are `!important`: in the cascade an important
 *   `:host` declaration beats any page declaration, and pages restyle the kit through the
 *   `--rk-*` tokens and `::part()` instead. `all` never touches custom properties, so the
 *   tokens survive it too.
 * - The background is painted with the text colour's own surface, also `!important`: the
 *   contrast of the tokens is only guaranteed against it. Without it, a dark-theme element
 *   on a light page (or one whose background a page rule removed) would draw light text on
 *   white. An element whose parts carry their own backgrounds (a filled badge) may set
 *   `:host { background-color: transparent !important }` in its own styles.
 * - `visibility` is deliberately left alone: a page hiding a region must hide the kit in it.
 */
export const hostReset: CSSResult = /* @__PURE__ */ (() => css`
  :host {
    display: inline-block;
    box-sizing: border-box;
    /* Never wider than its container, whatever width the element's own box asks for. */
    max-inline-size: 100%;
    color: var(--_rk-text) !important;
    background-color: var(--_rk-surface) !important;
    font-family: var(--_rk-font-family) !important;
    font-size: var(--_rk-font-size-m) !important;
    font-weight: var(--_rk-font-weight-normal) !important;
    font-style: normal !important;
    line-height: var(--_rk-line-height) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-align: start !important;
    text-decoration: none !important;
    text-shadow: none !important;
    white-space: normal !important;
    cursor: auto;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`)();

/** A visible keyboard focus ring, 3:1 against both surfaces; for use inside shadow roots. */
export const focusRingStyles: CSSResult = /* @__PURE__ */ (() => css`
  :focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 2px;
  }
`)();

/** Content for screen readers only. */
export const visuallyHiddenStyles: CSSResult = /* @__PURE__ */ (() => css`
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`)();

/** Everything an element of the kit starts from, in cascade order. */
// Every style sheet here is made in a call marked pure, so a bundle that does not use it (the
// badge reads tokens directly) drops it: a bare css`` tag call would stay in every bundle.
export const baseStyles: CSSResult[] = /* @__PURE__ */ (() => [forcedThemeStyles, tokenStyles, hostReset, focusRingStyles, visuallyHiddenStyles])();

/**
 * A token read directly, `var(--rk-<name>, <built-in value>)`; a colour's built-in value is
 * `light-dark(light, dark)`, like the local tokens. For an element a page may hold thousands of
 * (the badge): it reads the few tokens it needs this way instead of declaring every local token
 * again on each host.
 */
export function tokenValue(name: ColorToken | keyof typeof scaleTokens): CSSResult {
  const fallback = name in lightPalette ? `light-dark(${lightPalette[name as ColorToken]},${darkPalette[name as ColorToken]})` : scaleTokens[name];
  return unsafeCSS(`var(--rk-${name}, ${fallback})`);
}

/**
 * The local `--_rk-*` tokens declared on the elements matching `selector` instead of the host:
 * for the rarely shown parts (faces) of an element that reads tokens directly elsewhere.
 */
export function localTokensOn(selector: string): CSSResult {
  return css`
    ${unsafeCSS(selector)} {
      ${unsafeCSS(localTokens(scaleTokens))}
      ${unsafeCSS(schemeTokens(lightPalette, darkPalette))}
    }
  `;
}
