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
  .dashboard {
    display: grid;
    gap: var(--_rk-space-4);
    min-inline-size: 0;
  }
  .section {
    display: grid;
    gap: var(--_rk-space-2);
    min-inline-size: 0;
    padding: var(--_rk-space-3);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-l);
    background: var(--_rk-surface);
  }
  h3,
  h4,
  p,
  dl,
  figure {
    margin: 0;
  }
  h3 {
    font-size: var(--_rk-font-size-m);
    font-weight: var(--_rk-font-weight-strong);
  }
  h4 {
    font-size: var(--_rk-font-size-s);
    font-weight: var(--_rk-font-weight-strong);
  }
  .big {
    font-size: 1.5em;
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .muted {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .debt,
  .failure {
    color: var(--_rk-danger);
  }
  .withdraw {
    display: grid;
    gap: var(--_rk-space-1);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2);
  }
  input {
    flex: 1 1 6rem;
    min-inline-size: 0;
    min-block-size: var(--_rk-control-size);
    box-sizing: border-box;
    padding-inline: var(--_rk-space-2);
    border: 1px solid var(--_rk-text-muted);
    border-radius: var(--_rk-radius-m);
    background: var(--_rk-surface);
    color: var(--_rk-text);
    font: inherit;
  }
  input:focus-visible,
  .scroll:focus-visible,
  .sort:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 2px;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2);
  }
  .confirm p {
    flex-basis: 100%;
  }
  .status:empty {
    display: none;
  }
  .withdrawals {
    display: grid;
    gap: var(--_rk-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .withdrawals li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-1) var(--_rk-space-2);
  }
  .tag {
    padding-inline: var(--_rk-space-2);
    border: 1px solid currentColor;
    border-radius: var(--_rk-radius-pill);
    font-size: var(--_rk-font-size-xs);
    white-space: nowrap;
  }
  .tag.requested {
    color: var(--_rk-warning);
    border-style: dashed;
  }
  .tag.paid {
    color: var(--_rk-success);
  }
  .tag.failed {
    color: var(--_rk-danger);
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2) var(--_rk-space-4);
  }
  .figures dt {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .figures dd {
    margin: 0;
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .chart svg {
    display: block;
    inline-size: 100%;
    block-size: 4rem;
  }
  .chart .bar {
    fill: var(--_rk-accent);
  }
  .chart .bar.negative {
    fill: var(--_rk-danger);
  }
  .chart .axis {
    stroke: var(--_rk-border);
    stroke-width: 1;
  }
  .scroll {
    overflow-x: auto;
    max-inline-size: 100%;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--_rk-font-size-s);
  }
  th,
  td {
    padding: var(--_rk-space-1) var(--_rk-space-2);
    border-block-end: 1px solid var(--_rk-border);
    text-align: start;
    vertical-align: top;
    overflow-wrap: normal;
  }
  thead th {
    color: var(--_rk-text-muted);
    font-weight: var(--_rk-font-weight-strong);
    white-space: nowrap;
  }
  tbody th {
    font-weight: normal;
    overflow-wrap: anywhere;
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .sort {
    all: unset;
    cursor: pointer;
    min-block-size: 24px;
  }
  .pager {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_rk-space-2);
  }
  .face-not-seller {
    color: var(--_rk-text-muted);
  }
  @media (forced-colors: active) {
    .chart .bar {
      fill: CanvasText;
    }
  }
`;
