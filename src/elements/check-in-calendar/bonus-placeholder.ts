/** The bonus tiers' place while the month's check-ins arrive (and while the calendar loads). */
import { html, type TemplateResult } from 'lit';
import { skeleton } from '../shared/faces.ts';

/** Four default tiers, so the section keeps its size while a month's data arrives. */
const PLACEHOLDER_TIERS = 4;

/** The tiers' place while the month's check-ins arrive: same rows, no content. */
export function bonusTiersPlaceholder(): TemplateResult {
  return html`<ol class="bonuses" part="bonuses" aria-hidden="true">
    ${Array.from({ length: PLACEHOLDER_TIERS }, () => html`<li class="bonus placeholder">${skeleton({ blockSize: '100%' })}</li>`)}
  </ol>`;
}
