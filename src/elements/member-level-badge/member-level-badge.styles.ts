/**
 * The badge is text among text: inline (never a block), on the surrounding baseline, sized in
 * `em` of the surrounding text, and free to wrap between the display name and the level like
 * words do, while the dot stays with the level name and `LV n` stays in one piece.
 */
import { css, type CSSResult } from 'lit';

export const memberLevelBadgeStyles: CSSResult = css`
  :host {
    display: inline;
    vertical-align: baseline;
    font-size: 0.875em !important;
    line-height: inherit !important;
    border-radius: var(--_rk-radius-s);
  }
  :host([size='small']) {
    font-size: 0.75em !important;
  }
  :host([size='large']) {
    font-size: 1.125em !important;
  }

  .badge {
    display: inline;
  }
  .display-name {
    font-weight: var(--_rk-font-weight-strong);
  }
  .level {
    white-space: nowrap;
  }
  .dot {
    display: inline-block;
    inline-size: 0.6em;
    block-size: 0.6em;
    margin-inline-end: 0.3em;
    border-radius: 50%;
    background: var(--_level-color);
    vertical-align: 0.05em;
  }

  /* Full: the level as a filled pill in its planet colour; --rk-on-level reads on every one. */
  .badge.full .level {
    padding-block: 0.1em;
    padding-inline: 0.5em;
    border-radius: var(--_rk-radius-pill);
    background: var(--_level-color);
    color: var(--_rk-on-level);
    font-weight: var(--_rk-font-weight-strong);
    -webkit-box-decoration-break: clone;
    box-decoration-break: clone;
  }
  .number {
    margin-inline-start: 0.35em;
    font-variant-numeric: tabular-nums;
  }

  /* Faces, kept inline: a badge never breaks the line it sits in. */
  .face,
  .face-loading {
    display: inline-flex;
    vertical-align: baseline;
    block-size: auto;
    inline-size: auto;
  }
  .face-loading .skeleton {
    display: inline-block;
    vertical-align: -0.15em;
  }
  .face-error {
    padding-inline-start: var(--_rk-space-2);
    border-inline-start-width: 2px;
  }
  .face-error .button {
    min-block-size: 1.5rem;
    min-inline-size: 1.5rem;
    padding-inline: var(--_rk-space-2);
    font-size: var(--_rk-font-size-s);
  }

  @media (forced-colors: active) {
    .dot {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
    }
    .badge.full .level {
      border: 1px solid CanvasText;
    }
  }
`;
