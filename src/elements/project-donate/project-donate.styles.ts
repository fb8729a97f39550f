import { css, type CSSResult } from 'lit';

/**
 * The total on top, recent donors below it, then the member's form: a field, quick picks that
 * wrap, and the Donate button. Everything wraps inside a 280 px column.
 */
export const projectDonateStyles: CSSResult = css`
  :host {
    display: block;
  }
  .donate {
    display: grid;
    gap: var(--_rk-space-3);
    min-inline-size: 0;
  }
  .total {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_rk-space-2);
    margin: 0;
  }
  .total-coins {
    font-size: var(--_rk-font-size-l);
    font-weight: var(--_rk-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .donors {
    color: var(--_rk-text-muted);
  }
  .recent-title {
    margin: 0;
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .recent {
    display: grid;
    gap: var(--_rk-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_rk-font-size-s);
  }
  .recent li {
    display: flex;
    justify-content: space-between;
    gap: var(--_rk-space-3);
  }
  .donor {
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .donated {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .none,
  .no-coins {
    margin: 0;
    color: var(--_rk-text-muted);
  }
  .form {
    display: grid;
    gap: var(--_rk-space-2);
    padding-block-start: var(--_rk-space-3);
    border-block-start: 1px solid var(--_rk-border);
  }
  .label {
    font-weight: var(--_rk-font-weight-strong);
  }
  .field-row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2);
  }
  .amount {
    flex: 1 1 6rem;
    min-inline-size: 0;
    min-block-size: var(--_rk-control-size);
    padding-inline: var(--_rk-space-3);
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-m);
    background: var(--_rk-surface);
    color: var(--_rk-text);
    font: inherit;
    font-variant-numeric: tabular-nums;
  }
  .amount:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 2px;
  }
  .amount[aria-invalid='true'] {
    border-color: var(--_rk-danger);
  }
  .hint {
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
  }
  .picks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_rk-space-2);
  }
  .picks .button {
    padding-inline: var(--_rk-space-3);
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2);
    padding: var(--_rk-space-2);
    border-radius: var(--_rk-radius-m);
    background: var(--_rk-surface-sunken);
  }
  .question {
    flex: 1 1 100%;
    margin: 0;
  }
  .problem,
  .thanks {
    margin: 0;
    font-size: var(--_rk-font-size-s);
  }
  .problem {
    color: var(--_rk-danger);
  }
  .thanks {
    color: var(--_rk-success);
    font-weight: var(--_rk-font-weight-strong);
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .face-loading {
    block-size: 9rem;
  }
`;
