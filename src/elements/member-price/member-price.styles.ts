import { css, type CSSResult } from 'lit';

/**
 * A price line for product pages: the price first and large, the struck list price after it,
 * the note below on narrow columns. The loading face keeps the line's height.
 */
export const memberPriceStyles: CSSResult = css`
  :host {
    vertical-align: baseline;
    max-inline-size: 100%;
  }
  .price-line {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_rk-space-2);
    max-inline-size: 100%;
  }
  .amount {
    font-size: var(--_rk-price-size);
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .list-price {
    color: var(--_rk-text-muted);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .note {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
    overflow-wrap: anywhere;
  }
  .note.saving {
    color: var(--_rk-success);
    font-weight: var(--_rk-font-weight-strong);
  }
  :host {
    --_rk-price-size: var(--rk-price-font-size, var(--_rk-font-size-l));
  }
  .face-loading {
    display: inline-block;
    vertical-align: top;
    inline-size: 8em;
    block-size: calc(var(--_rk-price-size) * var(--_rk-line-height));
  }
  .face-loading .skeleton {
    display: block;
  }
  .face-error {
    display: inline-flex;
  }
`;
