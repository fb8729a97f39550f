/**
 * The badge's rarely shown faces (signed out, error) with their styles: loaded the first time a
 * badge shows one, so a page of public badges never downloads them. The faces declare the
 * local `--_rk-*` tokens on their own wrapper (the host reads the public tokens directly).
 */
import { css, html, type CSSResult, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/localize.ts';
import { failureMessageKey } from '../shared/failures.ts';
import { errorFace, faceStyles, signedOutFace } from '../shared/faces.ts';
import { focusRingStyles, localTokensOn } from '../shared/theme.ts';

/** Added to the badge's shadow root beside its own styles when a face first shows. */
export const badgeFaceStyles: CSSResult[] = [
  focusRingStyles,
  ...faceStyles,
  css`
    /* Faces, kept inline: a badge never breaks the line it sits in. */
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
  `,
  localTokensOn('.faces'),
];

type BadgeText = Pick<LocalizeController, 't' | 'locale' | 'dir'>;

/** Signed out: the page's `signed-out` slot, or a short sentence. */
export function badgeSignedOutFace(l10n: BadgeText): TemplateResult {
  return inLanguage(l10n, signedOutFace(l10n, l10n.t('signIn.level')));
}

/** The level could not be loaded: why, and a "Try again" button. */
export function badgeErrorFace(l10n: BadgeText, error: unknown, retry: () => void): TemplateResult {
  return inLanguage(l10n, errorFace(l10n, retry, l10n.t(failureMessageKey(error))));
}

/** A face in the badge's language and direction, with the tokens faces read. */
function inLanguage(l10n: BadgeText, face: TemplateResult): TemplateResult {
  return html`<span class="faces" lang=${l10n.locale} dir=${l10n.dir}>${face}</span>`;
}
