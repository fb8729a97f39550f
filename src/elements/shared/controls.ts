/**
 * Buttons as the kit draws them, inside shadow roots: at least 36 px tall (WCAG 2.2 target
 * size), a visible focus ring, a 3:1 border or fill against both surfaces.
 */
import { css, type CSSResult } from 'lit';

export const buttonStyles: CSSResult = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_rk-space-2);
    min-block-size: var(--_rk-control-size);
    min-inline-size: var(--_rk-control-size);
    padding-block: 0;
    padding-inline: var(--_rk-space-4);
    margin: 0;
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-m);
    background: var(--_rk-surface);
    color: var(--_rk-accent);
    font: inherit;
    font-weight: var(--_rk-font-weight-strong);
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  .button.primary {
    border-color: var(--_rk-accent);
    background: var(--_rk-accent);
    color: var(--_rk-on-accent);
  }
  .button:hover:not(:disabled) {
    border-color: var(--_rk-accent);
  }
  .button:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 2px;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }
  }
`;
