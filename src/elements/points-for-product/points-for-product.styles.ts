import { css, type CSSResult } from 'lit';

/** One line (wrapping on narrow columns) next to a price or a cart total; the loading face keeps its height. */
export const pointsForProductStyles: CSSResult = css`
  :host {
    vertical-align: baseline;
    max-inline-size: 100%;
  }
  .earn {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.3em;
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }
  .icon {
    align-self: center;
    flex: none;
    color: var(--_rk-warning);
  }
  .amounts {
    font-weight: var(--_rk-font-weight-strong);
  }
  .level-after {
    color: var(--_rk-success);
    font-weight: var(--_rk-font-weight-strong);
  }
  .muted {
    color: var(--_rk-text-muted);
  }
  .face-loading {
    display: inline-block;
    vertical-align: top;
    inline-size: 14em;
    max-inline-size: 100%;
    block-size: 1lh;
  }
  .face-loading .skeleton {
    display: block;
  }
  .face-error {
    display: inline-flex;
  }
`;
