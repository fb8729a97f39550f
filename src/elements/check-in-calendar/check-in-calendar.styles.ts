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

  .actions {
    display: grid;
    gap: var(--_rk-space-1);
  }
  .notice {
    margin: 0;
    min-block-size: var(--_cic-line-s);
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

  .skeleton-line {
    display: block;
    block-size: var(--_cic-line-s);
  }
`;
