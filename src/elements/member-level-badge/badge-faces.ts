/**
 * The badge's rarely shown faces, signed out and error, with their styles: loaded the first
 * time a badge shows one, so that a page of public badges never downloads the template engine
 * or the faces' styles. Drawn with Lit into a wrapper span the badge owns.
 */
import { css, render } from 'lit';
import { adoptStyles } from '@lit/reactive-element/css-tag.js';
import enCore from '../../i18n/en-core.ts';
import { errorFace, faceStyles, signedOutFace, type FaceText } from '../shared/faces.ts';
import { failureEvent, failureMessageKey, isAborted } from '../shared/failures.ts';
import { focusRingStyles, forcedThemeStyles, localTokensOn } from '../shared/theme.ts';
import { MemberLevelBadge } from './member-level-badge.ts';

/** The faces kept inline: a badge never breaks the line it sits in. */
const inlineFaceStyles = css`
  .face {
    display: inline-flex;
    vertical-align: baseline;
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
`;

/**
 * The badge's styles with the faces', in cascade order (the theme's first, then the faces' before
 * the badge's own, which keep them inline); the faces read the local tokens of their wrapper.
 * The badge's are taken from its class: importing its module keeps what the badge loads
 * statically in one chunk.
 */
const withFaces = [forcedThemeStyles, focusRingStyles, ...faceStyles, ...MemberLevelBadge.styles, inlineFaceStyles, localTokensOn('.faces')];

/** The faces' English, which the badges read from when this module arrives. */
export const faceEnglish = enCore;

export interface BadgeFaces {
  reportFailure(host: HTMLElement, error: unknown): void;
  adoptFaceStyles(root: ShadowRoot): void;
  drawSignedOut(wrapper: HTMLElement, l10n: FaceText): void;
  drawError(wrapper: HTMLElement, l10n: FaceText, error: unknown, retry: () => void): void;
}

/** Fires the `rewards-error` of a failure from the badge (not for a cancelled call). */
export function reportFailure(host: HTMLElement, error: unknown): void {
  if (!isAborted(error)) host.dispatchEvent(failureEvent(error, host.localName));
}

export function adoptFaceStyles(root: ShadowRoot): void {
  if (root.adoptedStyleSheets.length !== withFaces.length) adoptStyles(root, withFaces);
}

export function drawSignedOut(wrapper: HTMLElement, l10n: FaceText): void {
  render(signedOutFace(l10n, l10n.t('signIn.level')), wrapper);
}

export function drawError(wrapper: HTMLElement, l10n: FaceText, error: unknown, retry: () => void): void {
  render(errorFace(l10n, retry, l10n.t(failureMessageKey(error))), wrapper);
}
