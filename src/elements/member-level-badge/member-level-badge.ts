import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { RewardsError } from '../../sdk/errors.ts';
import { ConfiguredElement } from '../shared/configured-element.ts';
import { failureMessageKey } from '../shared/failures.ts';
import { errorFace, faceStyles, signedOutFace } from '../shared/faces.ts';
import { levelIndex, levelNameKey } from '../shared/levels.ts';
import { focusRingStyles, forcedThemeStyles } from '../shared/theme.ts';
import { memberLevelBadgeStyles } from './member-level-badge.styles.ts';
import type { OwnLevel } from './own-level.ts';
import { PublicBadgeController } from './public-badge-controller.ts';

export type BadgeSize = 'small' | 'medium' | 'large';
export type BadgeVariant = 'compact' | 'full';

/** What the badge draws, whoever it is about. */
interface BadgeView {
  level: number;
  displayName?: string | undefined;
}

type BadgeFace =
  | { face: 'loading' }
  | { face: 'ready'; view: BadgeView }
  | { face: 'unknown' }
  | { face: 'signed-out' }
  | { face: 'error'; error: RewardsError };

const LOADING_FACE: BadgeFace = { face: 'loading' };

/**
 * A member's level as a small inline badge: the planet name (Mercury … Jupiter, or "Member"
 * at LV0) with its colour, and in the full variant `LV n` and the member's display name.
 *
 * With `member="id"` it shows anyone's level, from public data: every badge on a page asks in
 * the same batched requests (`/v1/badges?members=…`, up to 200 ids each), so a thread with
 * 500 posters costs 3 requests. That path is light: no store, no session, no zod, and one
 * render per badge when its level arrives (until then the host holds the place, still).
 * Without `member` it shows the signed-in member's own level, from the account the other
 * elements share; the store for that is loaded on demand.
 *
 * It is text among text: inline, on the baseline of the sentence around it, sized in `em` of
 * that text, wrapping like words. Screen readers hear one name, such as "Mars, level 2".
 *
 * An id the server does not know draws nothing (state `unknown`): it is not a member of the
 * programme, and a "Member" badge would say it is. A known member without points is LV0 and
 * reads "Member".
 *
 * ```html
 * <p>Posted by Ada <member-level-badge member="ada-42"></member-level-badge></p>
 * <member-level-badge variant="full" size="large"></member-level-badge>  <!-- the signed-in member -->
 * ```
 *
 * <p><img src="docs/screenshots/member-level-badge-light.png" alt="member-level-badge, light theme: compact badges for Ada (Mercury) and Grace (Member) in sentences, and the full variant: Ada Lovelace, Mercury LV 1" width="420"> <img src="docs/screenshots/member-level-badge-dark.png" alt="member-level-badge, dark theme: the same badges" width="420"></p>
 *
 * @tagname member-level-badge
 * @summary A member's level (planet name, colour, LV n), inline in any text.
 *
 * @slot signed-out - Shown without `member` when no member is signed in: the page's own
 *   sign-in link. By default a short sentence.
 *
 * @csspart badge - The badge: one image-like unit with the accessible name.
 * @csspart display-name - The member's display name (full variant, when known).
 * @csspart level - The level: dot (compact) or pill (full), name and number.
 * @csspart dot - The planet-coloured dot (compact variant).
 * @csspart level-name - The level's name.
 * @csspart level-number - `LV n` (full variant).
 * @csspart face - Every face other than the badge itself; also `face-signed-out`, `face-error`.
 *   While loading nothing is drawn inside: style the host with `:state(loading)`.
 * @csspart retry-button - The error face's "Try again" button.
 *
 * @cssprop --rk-level-0 - Colour of LV0 (Member); `--rk-level-1` … `--rk-level-6` for Mercury … Jupiter.
 * @cssprop --rk-on-level - Text on a level colour (full variant); 4.5:1 on every level colour in both themes.
 * @cssprop --rk-text - The name's text (compact) and the display name.
 * @cssprop --rk-surface - The background behind the badge.
 * @cssprop --rk-radius-pill - Corners of the full variant's pill.
 *
 * @cssstate loading - Waiting for the level (or for an API to be configured): the host holds
 *   the badge's place in the skeleton colour.
 * @cssstate ready - The badge is shown.
 * @cssstate unknown - The server knows no member with this id; nothing is drawn.
 * @cssstate signed-out - No `member` and nobody signed in.
 * @cssstate error - The level could not be loaded; a retry button is shown.
 *
 * @fires {RewardsErrorEvent} rewards-error - The level could not be loaded.
 */
export class MemberLevelBadge extends ConfiguredElement<BadgeFace['face']> {
  static override styles = [forcedThemeStyles, focusRingStyles, ...faceStyles, ...memberLevelBadgeStyles];

  /** Whose level to show (any member, public). Without it: the signed-in member's own level. */
  @property() member?: string;

  /** `small`, `medium` (default) or `large`, relative to the surrounding text. */
  @property({ reflect: true }) size: BadgeSize = 'medium';

  /** `compact` (default): dot and level name. `full`: adds `LV n` and the display name when known. */
  @property({ reflect: true }) variant: BadgeVariant = 'compact';

  private readonly badge = new PublicBadgeController(this, () => {
    const memberId = this.memberId;
    const config = memberId ? this.configuration.config : undefined;
    return config && memberId ? { api: config.api, memberId } : undefined;
  });

  /** The signed-in member's level, once its module has arrived. */
  private own?: OwnLevel;
  private ownRequested = false;

  private current: BadgeFace = LOADING_FACE;

  constructor() {
    super();
    // Holds the place from the first frame, before any render.
    this.faceState.show('loading');
  }

  private get memberId(): string | undefined {
    return this.member?.trim() || undefined;
  }

  private resolveFace(): BadgeFace {
    if (!this.configuration.config) return LOADING_FACE;
    if (this.memberId) {
      const state = this.badge.state;
      if (!state || state.status === 'loading') return LOADING_FACE;
      if (state.status === 'error') return { face: 'error', error: state.error };
      if (state.badge === null) return { face: 'unknown' };
      return { face: 'ready', view: { level: state.badge.level, displayName: state.badge.displayName } };
    }
    const state = this.own?.state;
    if (!state || state.status === 'loading') return LOADING_FACE;
    if (state.status === 'signed-out') return { face: 'signed-out' };
    if (state.data === undefined) return state.status === 'error' ? { face: 'error', error: state.error } : LOADING_FACE;
    return { face: 'ready', view: { level: state.data.level.index, displayName: state.data.displayName ?? undefined } };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.memberId && !this.ownRequested) this.loadOwnLevel();
  }

  /** After the controllers have picked what to follow (they do so after `willUpdate`), before `render`. */
  protected override update(changed: PropertyValues<this>): void {
    this.current = this.resolveFace();
    super.update(changed);
  }

  /** The signed-in path needs the store: fetched the first time a badge without `member` shows. */
  private loadOwnLevel(): void {
    this.ownRequested = true;
    void import('./own-level.ts').then(({ followOwnLevel }) => {
      this.own = followOwnLevel(this, () => this.configuration.config, () => !this.memberId);
      this.requestUpdate();
    });
  }

  protected override render(): TemplateResult | typeof nothing {
    const { l10n } = this;
    switch (this.current.face) {
      case 'loading':
      case 'unknown':
        return nothing;
      case 'signed-out':
        return this.inLanguage(signedOutFace(l10n, l10n.t('signIn.level')));
      case 'error':
        return this.inLanguage(errorFace(l10n, () => this.retry(), l10n.t(failureMessageKey(this.current.error))));
      case 'ready':
        return this.renderBadge(this.current.view);
    }
  }

  private retry(): void {
    if (this.memberId) this.badge.refresh();
    else this.own?.refresh();
  }

  /** A face in the badge's language and direction, with the tokens faces read. */
  private inLanguage(face: TemplateResult): TemplateResult {
    return html`<span class="faces" lang=${this.l10n.locale} dir=${this.l10n.dir}>${face}</span>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const current = this.current;
    this.faceState.show(current.face, current.face === 'error' ? current.error : undefined);
  }

  private renderBadge(view: BadgeView): TemplateResult {
    const { l10n } = this;
    const full = this.variant === 'full';
    const level = levelIndex(view.level);
    const levelName = l10n.t(levelNameKey(level));
    const displayName = full ? view.displayName : undefined;
    const label = displayName
      ? l10n.t('badge.labelWithName', { name: displayName, level: levelName, n: level })
      : l10n.t('badge.label', { level: levelName, n: level });
    // No white space inside the level (it must not wrap); one real space after the display
    // name, where a line may break as between two words. The colour comes from `data-level`.
    return html`<span
      class=${full ? 'badge full' : 'badge compact'}
      part="badge"
      role="img"
      aria-label=${label}
      lang=${l10n.locale}
      dir=${l10n.dir}
      data-level=${level}
      >${displayName ? html`<span class="display-name" part="display-name">${displayName}</span> ` : nothing}<span
        class="level"
        part="level"
        >${full ? nothing : html`<span class="dot" part="dot"></span>`}<span class="name" part="level-name"
          >${levelName}</span
        >${full ? html`<span class="number" part="level-number">${l10n.t('level.short', { n: level })}</span>` : nothing}</span
      ></span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'member-level-badge': MemberLevelBadge;
  }
}
