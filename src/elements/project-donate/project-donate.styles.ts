import { css, type CSSResult } from 'lit';

/**
 * The total on top, recent donors below it, then the member's form: a field, quick picks that
 * wrap, and the Donate button. Everything wraps inside a 280 px column.
 */
export const projectDonateStyles: CSSResult = css`
  :host {
    display: block;
  }
  .donate {
    display: grid;
    gap: var(--_rk-space-3);
    min-inline-size: 0;
  }
  .none,
  .no-coins {
    margin: 0;
    color: var(--_rk-text-muted);
  }
  .face-loading {
    block-size: 9rem;
  }
`;
