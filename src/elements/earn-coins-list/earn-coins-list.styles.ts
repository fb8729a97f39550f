import { css, type CSSResult } from 'lit';

/**
 * A list of rows: title and coins on the first line, how often (or today's progress) on the
 * second. Rows wrap rather than overflow, down to a 280 px column; loading rows keep their height.
 */
export const earnCoinsListStyles: CSSResult = css`
  :host {
    display: block;
  }
  .rules {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .rule {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_rk-space-1) var(--_rk-space-3);
    min-block-size: calc(var(--_rk-font-size-m) * var(--_rk-line-height) + var(--_rk-font-size-s) * var(--_rk-line-height));
    padding-block: var(--_rk-space-2);
    border-block-end: 1px solid var(--_rk-border);
  }
  .rule:last-child {
    border-block-end: 0;
  }
  .title {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .coins {
    justify-self: end;
    color: var(--_rk-success);
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  .detail {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-1) var(--_rk-space-3);
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .progress {
    display: inline-flex;
    align-items: center;
    gap: var(--_rk-space-2);
    color: var(--_rk-text);
  }
  .bar {
    display: inline-block;
    inline-size: 4rem;
    block-size: 0.375rem;
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-pill);
    overflow: hidden;
  }
  .bar-fill {
    display: block;
    block-size: 100%;
    background: var(--_rk-accent);
  }
  .done {
    display: inline-flex;
    align-items: center;
    gap: var(--_rk-space-1);
    color: var(--_rk-success);
    font-weight: var(--_rk-font-weight-strong);
  }
  .rule.placeholder {
    display: block;
    border-block-end: 0;
  }
  .signed-out {
    margin-block-start: var(--_rk-space-2);
    color: var(--_rk-text-muted);
  }
  @media (forced-colors: active) {
    .bar-fill {
      background: Highlight;
    }
  }
`;
