/**
 * The faces every data element shares besides its own "ready" face:
 * - loading: a skeleton of the final size, so nothing moves when the data arrives,
 * - empty: a message,
 * - signed-out: the page's own sign-in link or text in a `signed-out` slot,
 * - error: a short message and a "Try again" button, announced as an alert.
 *
 * Each face has a `part` (`face` plus `face-loading`, `face-empty`, `face-signed-out`,
 * `face-error`) so a page can style it with `::part()`. Include `faceStyles` after
 * `baseStyles` in the element's styles.
 */
import { css, html, type CSSResult, type TemplateResult } from 'lit';
import { boxSize } from './box-size.ts';
import type { LocalizeController } from '../../i18n/localize.ts';
import { buttonStyles } from './controls.ts';
import { visuallyHiddenStyles } from './theme.ts';

/** What the faces need of the localization controller. */
export type FaceText = Pick<LocalizeController, 't'>;

/** The size of the ready face, as CSS lengths (`'4.5rem'`, `'100%'`, `'min(20rem, 100%)'`). */
export interface FaceSize {
  blockSize: string;
  inlineSize?: string;
}

/** A placeholder shape of a given size; also for composing an element's own skeletons. */
export function skeleton(size: FaceSize): TemplateResult {
  return html`<span
    class="skeleton"
    part="skeleton"
    aria-hidden="true"
    ${boxSize({ blockSize: size.blockSize, inlineSize: size.inlineSize ?? '100%' })}
  ></span>`;
}

/** Loading: a status that screen readers can find, drawn as a skeleton of the final size. */
export function loadingFace(text: FaceText, size: FaceSize): TemplateResult {
  return html`<div
    class="face face-loading"
    part="face face-loading"
    role="status"
    aria-busy="true"
    ${boxSize({ blockSize: size.blockSize, inlineSize: size.inlineSize ?? '100%' })}
  >
    <span class="visually-hidden">${text.t('face.loading')}</span>
    ${skeleton({ blockSize: '100%' })}
  </div>`;
}

/** Empty: a short, already localized message such as `t('history.empty')`. */
export function emptyFace(message: string): TemplateResult {
  return html`<div class="face face-empty" part="face face-empty" role="status">
    <p class="face-message">${message}</p>
  </div>`;
}

/**
 * Signed-out: whatever the page puts in `slot="signed-out"` (its own sign-in link), or the
 * given message when it puts nothing.
 */
export function signedOutFace(text: FaceText, message: string = text.t('face.signedOut')): TemplateResult {
  return html`<div class="face face-signed-out" part="face face-signed-out">
    <slot name="signed-out"><p class="face-message">${message}</p></slot>
  </div>`;
}

/**
 * Error: a short message and a real button that calls `retry`. The whole face is an alert,
 * so the failure is announced without moving focus away from what the reader was doing.
 */
export function errorFace(text: FaceText, retry: () => void, message: string = text.t('error.generic')): TemplateResult {
  return html`<div class="face face-error" part="face face-error" role="alert">
    <p class="face-message">${message}</p>
    <button type="button" class="button" part="retry-button" @click=${retry}>${text.t('error.retry')}</button>
  </div>`;
}

export const faceStyles: CSSResult[] = [
  buttonStyles,
  visuallyHiddenStyles,
  css`
    .face {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_rk-space-2) var(--_rk-space-3);
      box-sizing: border-box;
      max-inline-size: 100%;
    }
    .face-message {
      margin: 0;
    }
    .face-empty,
    .face-signed-out {
      color: var(--_rk-text-muted);
    }
    .face-error {
      padding-inline-start: var(--_rk-space-3);
      border-inline-start: 3px solid var(--_rk-danger);
    }
    .face-loading {
      display: block;
      position: relative;
    }
    .skeleton {
      display: block;
      border-radius: var(--_rk-radius-m);
      background-color: var(--_rk-skeleton);
      background-image: linear-gradient(
        90deg,
        transparent 0%,
        color-mix(in srgb, var(--_rk-surface) 45%, transparent) 50%,
        transparent 100%
      );
      background-size: 200% 100%;
      background-repeat: no-repeat;
      animation: rk-shimmer 1.6s ease-in-out infinite;
    }
    @keyframes rk-shimmer {
      from {
        background-position: 150% 0;
      }
      to {
        background-position: -50% 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .skeleton {
        animation: none;
        background-image: none;
      }
    }
    @media (forced-colors: active) {
      .skeleton {
        border: 1px solid GrayText;
      }
    }
  `,
];
