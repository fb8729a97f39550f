import { css, type CSSResult } from 'lit';

/**
 * Sections stacked in one column that fits a 280 px container; tables scroll sideways inside
 * their own focusable region rather than widen the page. Cells set `overflow-wrap: normal`: a
 * page's inherited `overflow-wrap: anywhere` would split "$350.52" or "Completed" to squeeze the
 * table. Marks are words in outlined labels; colour only repeats them.
 */
export const sellerDashboardStyles: CSSResult = css`
  :host {
    display: block;
    max-inline-size: 100%;
  }
  .face-not-seller {
    color: var(--_rk-text-muted);
  }
`;
