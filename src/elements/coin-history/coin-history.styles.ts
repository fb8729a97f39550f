import { css, type CSSResult } from 'lit';

/**
 * A list of two-line rows: reason and amount, then date and status. Loading rows are built
 * from the same row boxes with one-line placeholders, so the list keeps its height when the
 * entries arrive. Statuses are words in a small outlined label; colour only repeats them.
 */
export const coinHistoryStyles: CSSResult = css`
  :host {
    display: block;
  }

  .entries {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_rk-space-1) var(--_rk-space-3);
    padding-block: var(--_rk-space-2);
    padding-inline: var(--_rk-space-1);
    border-block-end: 1px solid var(--_rk-border);
  }
  .entry:last-child {
    border-block-end: 0;
  }
  .entry:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: -2px;
  }
  .reason {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .amount {
    justify-self: end;
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .amount.credit {
    color: var(--_rk-success);
  }
  .entry.void .amount {
    color: var(--_rk-text-muted);
    text-decoration: line-through !important;
  }
  .meta {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-1) var(--_rk-space-3);
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .status {
    padding-inline: var(--_rk-space-2);
    border: 1px solid currentColor;
    border-radius: var(--_rk-radius-pill);
    font-size: var(--_rk-font-size-xs);
    /* With its border, no taller than the date's line: rows keep the placeholder's height. */
    line-height: 1.4;
  }
  .status.pending {
    color: var(--_rk-warning);
    border-style: dashed;
  }
  .status.available {
    color: var(--_rk-success);
  }
  .status.void {
    color: var(--_rk-text-muted);
  }

  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2) var(--_rk-space-3);
    padding-block-start: var(--_rk-space-3);
  }
  .more:empty {
    display: none;
  }
  .more p {
    margin: 0;
    color: var(--_rk-text-muted);
  }
  .more .failure {
    color: var(--_rk-danger);
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }

  .skeleton-row .skeleton {
    block-size: 1lh;
  }
  .skeleton-row .meta .skeleton {
    block-size: 1lh;
  }
`;
