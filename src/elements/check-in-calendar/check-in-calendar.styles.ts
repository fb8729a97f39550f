/**
 * The calendar's look. Heights are fixed per row (a grid always keeps room for six weeks, the
 * message line is reserved), so the loading skeleton, which reuses these classes, is the size
 * of the ready calendar and a month switch moves nothing below the grid.
 */
import { css, type CSSResult } from 'lit';

export const calendarStyles: CSSResult = css`
  :host {
    --_cic-cell: var(--rk-calendar-cell-size, var(--_rk-control-size));
    --_cic-gap: 2px;
    --_cic-line-s: calc(var(--_rk-font-size-s) * var(--_rk-line-height));
    --_cic-tier: calc(2 * var(--_cic-line-s) + var(--_rk-space-1));
  }

  .calendar {
    display: grid;
    gap: var(--_rk-space-3);
    box-sizing: border-box;
    inline-size: var(--rk-calendar-inline-size, 20rem);
    max-inline-size: 100%;
    padding: var(--_rk-space-4);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-l);
    background: var(--_rk-surface);
  }

  .header {
    display: grid;
    grid-template-rows: auto var(--_cic-line-s);
  }
  .title {
    margin: 0;
    font-weight: var(--_rk-font-weight-strong);
  }
  .count {
    display: block;
    margin: 0;
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }

  .month-nav {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_rk-space-2);
    block-size: var(--_rk-control-size);
  }
  .month {
    margin: 0;
    font-weight: var(--_rk-font-weight-strong);
    text-align: center;
  }
  .nav {
    padding-inline: 0;
  }
  .nav .icon {
    font-size: var(--_rk-font-size-l);
  }
  [dir='rtl'] .nav .icon {
    transform: scaleX(-1);
  }

  .grid {
    display: grid;
    grid-auto-rows: var(--_cic-cell);
    align-content: start;
    gap: var(--_cic-gap);
    min-block-size: calc(7 * var(--_cic-cell) + 6 * var(--_cic-gap));
  }
  .grid[aria-busy='true'] .day:not(.blank) {
    color: var(--_rk-text-muted);
  }
  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: var(--_cic-gap);
  }
  .weekday {
    display: flex;
    align-items: center;
    justify-content: center;
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
    font-weight: var(--_rk-font-weight-strong);
  }
  .day {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    border-radius: var(--_rk-radius-s);
    font-variant-numeric: tabular-nums;
    cursor: default;
  }
  .day.checked {
    background: color-mix(in srgb, var(--_rk-success) 14%, var(--_rk-surface));
    font-weight: var(--_rk-font-weight-strong);
  }
  .day.today {
    border: 2px solid var(--_rk-accent);
    font-weight: var(--_rk-font-weight-strong);
  }
  .day.future {
    color: var(--_rk-text-muted);
  }
  .day:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 1px;
    z-index: 1;
  }
  .mark {
    position: absolute;
    inset-block-start: 1px;
    inset-inline-end: 2px;
    display: flex;
    color: var(--_rk-success);
    font-size: var(--_rk-font-size-xs);
  }

  .actions {
    display: grid;
    gap: var(--_rk-space-1);
  }
  .check-in .icon {
    font-size: var(--_rk-font-size-m);
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .button.primary[aria-disabled='true'] {
    border-color: var(--_rk-border);
    background: var(--_rk-surface-sunken);
    color: var(--_rk-text);
    opacity: 1;
  }
  .notice {
    margin: 0;
    min-block-size: var(--_cic-line-s);
    font-size: var(--_rk-font-size-s);
  }
  .notice.success {
    color: var(--_rk-success);
  }
  .notice.failure {
    color: var(--_rk-danger);
  }
  .inline-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2);
    margin: 0;
    color: var(--_rk-danger);
    font-size: var(--_rk-font-size-s);
  }

  .bonus-section {
    display: grid;
    gap: var(--_rk-space-2);
  }
  .bonus-title {
    margin: 0;
    font-weight: var(--_rk-font-weight-strong);
  }
  .bonuses {
    display: grid;
    gap: var(--_rk-space-2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .bonus {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--_rk-space-1) var(--_rk-space-3);
    min-block-size: var(--_cic-tier);
    font-size: var(--_rk-font-size-s);
  }
  .bonus.placeholder {
    display: block;
    block-size: var(--_cic-tier);
  }
  .bonus-name {
    font-weight: var(--_rk-font-weight-strong);
  }
  .bonus-reward {
    color: var(--_rk-text-muted);
    text-align: end;
  }
  .bonus-status {
    display: inline-flex;
    align-items: center;
    gap: var(--_rk-space-1);
    justify-self: end;
    color: var(--_rk-text-muted);
  }
  .bonus.earned .bonus-status {
    color: var(--_rk-success);
    font-weight: var(--_rk-font-weight-strong);
  }
  .meter {
    position: relative;
    block-size: 0.5rem;
    overflow: hidden;
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-pill);
    background: var(--_rk-surface-sunken);
  }
  .meter-fill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    background: var(--_rk-accent);
  }
  .bonus.earned .meter-fill {
    background: var(--_rk-success);
  }

  .skeleton-line {
    display: block;
    block-size: var(--_cic-line-s);
  }

  @media (forced-colors: active) {
    .meter-fill {
      background: Highlight;
    }
    .day.today {
      border-color: Highlight;
    }
  }
`;
