import { css, type CSSResult } from 'lit';

/**
 * A line of text for headers and sidebars. The ready and loading faces share one minimum
 * width (room for a balance of four or five digits) and the line's height, so the header does
 * not move when the balance arrives.
 */
export const coinBalanceStyles: CSSResult = css`
  :host {
    vertical-align: baseline;
  }

  .balance,
  .face-loading {
    min-inline-size: 8em;
  }
  .balance {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_rk-space-2);
  }
  .available {
    display: inline-flex;
    align-items: baseline;
    gap: 0.3em;
    white-space: nowrap;
  }
  .amount {
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .coin {
    align-self: center;
    inline-size: 1em;
    block-size: 1em;
    color: var(--_rk-warning);
    flex: none;
  }
  .pending {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
    white-space: nowrap;
  }

  .face-loading {
    display: inline-block;
    /* A box without text has no baseline of its own: align it to the line's top instead, so
       the line is exactly one line high, as it is with the balance's text. */
    vertical-align: top;
    block-size: 1lh;
  }
  .face-loading .skeleton {
    display: block;
  }
`;
