import { css, type CSSResult } from 'lit';

/**
 * A grid of cards that becomes one column in a narrow container (never wider than it): picture,
 * name, price and stock, then the card's action. Loading cards have the same box.
 */
export const rewardCatalogStyles: CSSResult = css`
  :host {
    display: block;
  }
  .items {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(var(--_catalog-card-min), 100%), 1fr));
    gap: var(--_rk-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :host {
    --_catalog-card-min: var(--rk-catalog-card-min-size, 12rem);
    --_catalog-image: 7rem;
  }
  .item {
    display: flex;
    flex-direction: column;
    gap: var(--_rk-space-2);
    min-inline-size: 0;
    padding: var(--_rk-space-3);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-l);
    background: var(--_rk-surface);
  }
  .item.unavailable .image,
  .item.unavailable .image-placeholder {
    opacity: 0.55;
  }
  .image,
  .image-placeholder {
    display: block;
    inline-size: 100%;
    block-size: var(--_catalog-image);
    border-radius: var(--_rk-radius-m);
    object-fit: cover;
    background: var(--_rk-surface-sunken);
  }
  .name {
    font-weight: var(--_rk-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .description,
  .coupon-value {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
    overflow-wrap: anywhere;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_rk-space-1) var(--_rk-space-3);
    margin-block-start: auto;
  }
  .price {
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .stock {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .stock.out {
    color: var(--_rk-danger);
    font-weight: var(--_rk-font-weight-strong);
  }
  .action {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2);
    min-block-size: var(--_rk-control-size);
  }
  .action .button {
    flex: 1 1 auto;
  }
  .shortfall,
  .message,
  .question,
  .problem {
    flex: 1 1 100%;
    margin: 0;
    font-size: var(--_rk-font-size-s);
    overflow-wrap: anywhere;
  }
  .shortfall {
    color: var(--_rk-text-muted);
  }
  .message {
    color: var(--_rk-success);
  }
  .problem {
    color: var(--_rk-danger);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2);
    flex: 1 1 100%;
    padding: var(--_rk-space-2);
    border-radius: var(--_rk-radius-m);
    background: var(--_rk-surface-sunken);
  }
  .confirm .button {
    flex: 1 1 auto;
  }
  .code {
    padding: var(--_rk-space-1) var(--_rk-space-2);
    border: 1px dashed var(--_rk-border);
    border-radius: var(--_rk-radius-s);
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-weight: var(--_rk-font-weight-strong);
    overflow-wrap: anywhere;
    user-select: all;
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .signed-out {
    margin-block-end: var(--_rk-space-3);
  }
  .item.placeholder {
    block-size: 15rem;
    padding: 0;
    border: 0;
  }
`;
