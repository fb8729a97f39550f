/**
 * The badge is text among text: inline (never a block), on the surrounding baseline, sized in
 * `em` of the surrounding text, and free to wrap between the display name and the level like
 * words do, while the dot stays with the level name and `LV n` stays in one piece.
 *
 * A page may hold thousands of badges, so the host declares no local tokens: the badge reads
 * the public `--rk-*` tokens directly, with the built-in values of both colour schemes as the
 * fallback (`light-dark()`). Only the rarely shown faces (error, signed out) declare the local
 * tokens, on their own wrapper, with their styles (`badge-faces.ts`). The level colour comes from `data-level` and these static rules, never from a
 * style attribute, so a strict CSP (`style-src 'self'`) keeps it.
 */
// From Lit's style module alone: importing `lit` would bring its template engine and element
// class into bundles that only need style sheets (the level badge).
import { css, unsafeCSS, type CSSResult } from '@lit/reactive-element/css-tag.js';
import { TOP_LEVEL } from '../shared/levels.ts';
import { tokenValue as token } from '../shared/theme.ts';

const levels = Array.from({ length: TOP_LEVEL + 1 }, (_, level) => level);

function levelColors(): CSSResult {
  return unsafeCSS(levels.map((level) => `.badge[data-level='${level}']{--_level-color:${token(`level-${level}`).cssText}}`).join(''));
}

export const memberLevelBadgeStyles: CSSResult = css`
    :host {
      display: inline;
      vertical-align: baseline;
      box-sizing: border-box;
      border-radius: ${token('radius-s')};
      color: ${token('text')} !important;
      background-color: ${token('surface')} !important;
      font-family: ${token('font-family')} !important;
      font-size: 0.875em !important;
      font-weight: ${token('font-weight-normal')} !important;
      font-style: normal !important;
      line-height: inherit !important;
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
    :host([size='small']) {
      font-size: 0.75em !important;
    }
    :host([size='large']) {
      font-size: 1.125em !important;
    }

    /* Waiting: the host itself holds the place, still (no animation per badge), in the
       skeleton colour; nothing is rendered inside until the level arrives. */
    :host(:state(loading)) {
      display: inline-block;
      inline-size: 4.5em;
      block-size: 1em;
      vertical-align: -0.15em;
      background-color: ${token('skeleton')} !important;
    }
    :host(:state(loading)[variant='full']) {
      inline-size: 7em;
    }
    @media (forced-colors: active) {
      :host(:state(loading)) {
        border: 1px solid GrayText;
      }
    }

    .badge {
      display: inline;
    }
    /* Each piece its own run: on a right-to-left page English words still read left to right
       inside, while the pieces follow the page's direction. */
    .display-name,
    .level,
    .name,
    .number {
      unicode-bidi: isolate;
    }
    .display-name {
      font-weight: ${token('font-weight-strong')};
    }
    .level {
      white-space: nowrap;
    }
    .dot {
      display: inline-block;
      inline-size: 0.6em;
      block-size: 0.6em;
      margin-inline-end: 0.3em;
      border-radius: 50%;
      background: var(--_level-color);
      vertical-align: 0.05em;
    }

    /* Full: the level as a filled pill in its planet colour; --rk-on-level reads on every one. */
    .badge.full .level {
      padding-block: 0.1em;
      padding-inline: 0.5em;
      border-radius: ${token('radius-pill')};
      background: var(--_level-color);
      color: ${token('on-level')};
      font-weight: ${token('font-weight-strong')};
      -webkit-box-decoration-break: clone;
      box-decoration-break: clone;
    }
    .number {
      margin-inline-start: 0.35em;
      font-variant-numeric: tabular-nums;
    }
    ${levelColors()}

    @media (forced-colors: active) {
      .dot {
        forced-color-adjust: none;
        border: 1px solid CanvasText;
      }
      .badge.full .level {
        border: 1px solid CanvasText;
      }
    }
  `;
