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
  .meta {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-1) var(--_rk-space-3);
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }

  .skeleton-row .skeleton {
    block-size: 1lh;
  }
  .skeleton-row .meta .skeleton {
    block-size: 1lh;
  }
`;
