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
  .item.confirming {
    background: var(--_rk-surface-sunken);
  }
  .item.placeholder {
    display: block;
    block-size: var(--_cart-row);
    padding: 0;
    border: 0;
  }

  .item-main {
    display: grid;
    flex: 1 1 12rem;
    min-inline-size: 0;
  }
  .name {
    font-weight: var(--_rk-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .detail {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }

  .remove {
    margin-inline-start: auto;
  }

  .locked {
    display: flex;
    align-items: flex-start;
    gap: var(--_rk-space-1);
    flex: 1 1 100%;
    margin: 0;
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .locked .icon {
    flex: none;
    margin-block-start: 0.2em;
  }
  .locked-title,
  .locked-reason {
    display: block;
  }
  .locked-title {
    color: var(--_rk-text);
    font-weight: var(--_rk-font-weight-strong);
  }

  .shipping {
    flex: 1 1 100%;
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .shipping-legend {
    padding: 0;
    margin-block-end: var(--_rk-space-1);
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_rk-space-2);
    min-block-size: var(--_rk-control-size);
    padding-inline: var(--_rk-space-3);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-pill);
    font-size: var(--_rk-font-size-s);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_rk-accent);
    box-shadow: inset 0 0 0 1px var(--_rk-accent);
    font-weight: var(--_rk-font-weight-strong);
  }
  .choice input {
    margin: 0;
    inline-size: 1rem;
    block-size: 1rem;
    accent-color: var(--_rk-accent);
  }
  .choice input:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 2px;
  }

  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2) var(--_rk-space-3);
    flex: 1 1 100%;
  }
  .question {
    flex: 1 1 12rem;
    margin: 0;
  }
  .confirm-actions {
    display: flex;
    gap: var(--_rk-space-2);
  }
  .button.danger {
    border-color: var(--_rk-danger);
    background: var(--_rk-danger);
    color: var(--_rk-surface);
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
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

  @media (forced-colors: active) {
    .choice:has(input:checked) {
      border-color: Highlight;
    }
  }
`;
