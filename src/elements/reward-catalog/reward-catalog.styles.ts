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
  .signed-out {
    margin-block-end: var(--_rk-space-3);
  }
  .item.placeholder {
    block-size: 15rem;
    padding: 0;
    border: 0;
  }
`;
