/**
 * Small inline icons, drawn in `currentColor` so they follow the text's colour, the theme and
 * forced colours. They are decoration next to words that say the same thing, so each is hidden
 * from screen readers; sized in `em` to follow the text around them.
 */
import { svg, type TemplateResult } from 'lit';

function icon(body: TemplateResult<2>, part: string): TemplateResult<2> {
  return svg`<svg
    part=${part}
    class="icon"
    viewBox="0 0 16 16"
    width="1em"
    height="1em"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >${body}</svg>`;
}

/** A tick: done, checked in, earned. */
export function checkIcon(part = 'icon'): TemplateResult<2> {
  return icon(svg`<path d="M3 8.5l3.2 3.2L13 4.8" />`, part);
}

/** A padlock: can no longer be changed. */
export function lockIcon(part = 'icon'): TemplateResult<2> {
  return icon(svg`<rect x="3" y="7" width="10" height="7" rx="1.5" /><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />`, part);
}

/** A chevron pointing to the inline start (previous); mirrored in right-to-left text by CSS. */
export function chevronStartIcon(part = 'icon'): TemplateResult<2> {
  return icon(svg`<path d="M10 3.5L5.5 8l4.5 4.5" />`, part);
}

/** A chevron pointing to the inline end (next). */
export function chevronEndIcon(part = 'icon'): TemplateResult<2> {
  return icon(svg`<path d="M6 3.5L10.5 8 6 12.5" />`, part);
}
