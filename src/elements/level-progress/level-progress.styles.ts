import { css, type CSSResult } from 'lit';
import { levelColorRules } from '../shared/levels.ts';

/**
 * One card. The loading face repeats the ready face's rows with placeholders one line high
 * in the same type sizes, so the card keeps its height when the data arrives.
 */
export const levelProgressStyles: CSSResult = css`
  :host {
    display: block;
  }

  .card {
    display: grid;
    gap: var(--_rk-space-2);
    padding: var(--_rk-space-4);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-l);
    background: var(--_rk-surface);
  }
  .row {
    margin: 0;
    min-block-size: 1lh;
  }
  .head {
    /* The level's pill is a little taller than a line; the placeholder row keeps its height. */
    min-block-size: calc(1lh + 0.2em);
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_rk-space-1) var(--_rk-space-3);
  }

  /* Level colours from data-level, never a style attribute: a strict CSP keeps them. */
  ${levelColorRules('.level[data-level', '--_level-color')}
  ${levelColorRules('.track[data-next-level', '--_next-color')}

  .level {
    display: inline-flex;
    align-items: baseline;
    gap: 0.4em;
    padding-block: 0.1em;
    padding-inline: 0.6em;
    border-radius: var(--_rk-radius-pill);
    background: var(--_level-color);
    color: var(--_rk-on-level);
    font-weight: var(--_rk-font-weight-strong);
    white-space: nowrap;
  }
  .level-number {
    font-variant-numeric: tabular-nums;
  }
  .discount,
  .to-next,
  .top {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .points {
    font-size: var(--_rk-font-size-xl);
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
    line-height: 1.3;
  }

  .track {
    position: relative;
    block-size: 0.75rem;
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-pill);
    background: var(--_rk-surface-sunken);
    overflow: hidden;
  }
  .fill {
    block-size: 100%;
    min-inline-size: 0;
    border-radius: inherit;
    background: var(--_next-color);
    transition: inline-size 400ms ease-out;
  }
  .top {
    display: flex;
    align-items: center;
    gap: var(--_rk-space-2);
    color: var(--_rk-success);
    font-weight: var(--_rk-font-weight-strong);
  }

  .skeleton-line {
    display: block;
    block-size: 1lh;
  }

  @media (prefers-reduced-motion: reduce) {
    .fill {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .level {
      border: 1px solid CanvasText;
    }
    .fill {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
`;
