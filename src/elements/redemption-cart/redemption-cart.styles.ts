/** The cart's look: a box of rows that wrap on narrow screens; the loading outline reuses it. */
import { css, type CSSResult } from 'lit';

// The host is the cart's box (comments stay out of the CSS, which ships as written): a block as
// wide as the cart, never wider than its container (the host reset), so a page places and sizes
// it like any block, nothing of the host shows beside the drawn box, and it takes the place
// member-rewards-kit.css keeps for it.
export const cartStyles: CSSResult = css`
  :host {
    display: block;
    inline-size: var(--rk-cart-inline-size, 28rem);
    --_cart-line-s: calc(var(--_rk-font-size-s) * var(--_rk-line-height));
    --_cart-row: calc(var(--_rk-control-size) + 2 * var(--_rk-space-3));
  }

  .cart {
    display: grid;
    gap: var(--_rk-space-3);
    box-sizing: border-box;
    padding: var(--_rk-space-4);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-l);
    background: var(--_rk-surface);
  }

  .title {
    margin: 0;
    font-weight: var(--_rk-font-weight-strong);
  }
  .title:focus {
    outline: none;
  }
  .title:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
  }

  .items {
    display: grid;
    gap: var(--_rk-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2) var(--_rk-space-3);
    min-block-size: var(--_cart-row);
    padding: var(--_rk-space-3);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-m);
  }
  .item:focus {
    outline: none;
  }
  .item:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 2px;
  }
  .item.placeholder {
    display: block;
    block-size: var(--_cart-row);
    padding: 0;
    border: 0;
  }

  .row-problem,
  .inline-error {
    flex: 1 1 100%;
    margin: 0;
    color: var(--_rk-danger);
    font-size: var(--_rk-font-size-s);
  }
  .row-problem:focus {
    outline: none;
  }
  .inline-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2);
  }

  .notice {
    margin: 0;
    min-block-size: var(--_cart-line-s);
    color: var(--_rk-success);
    font-size: var(--_rk-font-size-s);
  }
`;
