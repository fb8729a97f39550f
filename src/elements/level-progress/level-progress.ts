import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { MeResponse } from '../../api/member.ts';
import type { LevelsResponse } from '../../api/public.ts';
import { RewardsLevelUpEvent } from '../../events/level-up.ts';
import type { RewardsError } from '../../sdk/errors.ts';
import type { ResourceState } from '../../store/state.ts';
import { boxSize } from '../shared/box-size.ts';
import { failureMessageKey } from '../shared/failures.ts';
import { errorFace, faceStyles, signedOutFace, skeleton } from '../shared/faces.ts';
import { formatNumber, formatPercent } from '../shared/format.ts';
import { checkIcon } from '../shared/icons.ts';
import { levelIndex, levelNameKey } from '../shared/levels.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { levelProgressStyles } from './level-progress.styles.ts';
import { levelProgress } from './progress-math.ts';
import enCore from '../../i18n/en-core.ts';
import enAmounts from '../../i18n/en-amounts.ts';
import enStatus from '../../i18n/en-status.ts';
import enLevelProgress from '../../i18n/en-level-progress.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type ProgressFace = { face: 'loading' } | { face: 'ready'; account: MeResponse } | { face: 'signed-out' } | { face: 'error'; error: RewardsError };

const LOADING_FACE: ProgressFace = { face: 'loading' };

/**
 * The signed-in member's standing (P3, P4, P6): lifetime points, level, member discount, and a
 * progress bar to the next level with "N points to Venus". At Jupiter (LV6) it says "Top level
 * reached" instead of a bar.
 *
 * When the member's level rises while the element is on the page (an order completed and the
 * account revalidated, another widget's action, another tab), it fires `rewards-level-up` and
 * tells screen readers politely. Loading a page, or switching to another member, is no rise.
 *
 * Zero points is a state worth showing (LV0 "Member", "1 point to Mercury"), so the element has
 * no empty face.
 *
 * ```html
 * <level-progress>
 *   <a slot="signed-out" href="/login">Sign in to see your level</a>
 * </level-progress>
 * ```
 *
 * <p><img src="docs/screenshots/level-progress-light.png" alt="level-progress, light theme: Mercury LV 1, 1% member discount, 480 points, a nearly full bar, 20 points to Mars" width="420"> <img src="docs/screenshots/level-progress-dark.png" alt="level-progress, dark theme: the same card" width="420"></p>
 *
 * @tagname level-progress
 * @summary Points, level, discount and progress to the next level.
 *
 * @slot signed-out - Shown when no member is signed in: the page's own sign-in link. By
 *   default a short sentence.
 *
 * @csspart card - The ready face's box.
 * @csspart level - The current level: name and `LV n` on the level's colour.
 * @csspart level-name - The current level's name.
 * @csspart level-number - `LV n`.
 * @csspart discount - The member discount (P4), or "No member discount yet".
 * @csspart points - Lifetime points.
 * @csspart progress - The progress bar (`role="progressbar"`), the track.
 * @csspart progress-fill - The filled share of the bar, in the next level's colour.
 * @csspart to-next - "N points to Venus".
 * @csspart top - "Top level reached", at LV6.
 * @csspart face - Every face other than the card; also `face-loading`, `face-signed-out`, `face-error`.
 * @csspart skeleton - The placeholders while loading.
 * @csspart retry-button - The error face's "Try again" button.
 *
 * @cssprop --rk-level-0 - Colour of LV0 (Member); `--rk-level-1` … `--rk-level-6` for Mercury … Jupiter.
 * @cssprop --rk-on-level - Text on a level colour.
 * @cssprop --rk-surface - The card's background.
 * @cssprop --rk-surface-sunken - The bar's empty track.
 * @cssprop --rk-border - The card's and the bar's outlines.
 * @cssprop --rk-text - Points.
 * @cssprop --rk-text-muted - Discount and "N points to …".
 * @cssprop --rk-success - "Top level reached".
 * @cssprop --rk-radius-l - The card's corners.
 *
 * @cssstate loading - Waiting for the account (or for an API to be configured).
 * @cssstate ready - The card is shown.
 * @cssstate signed-out - No member is signed in.
 * @cssstate error - The account could not be loaded; a retry button is shown.
 *
 * @fires {RewardsLevelUpEvent} rewards-level-up - The member's level rose while shown; `detail` is `{ from, to }` (level indexes).
 * @fires {RewardsErrorEvent} rewards-error - The account could not be loaded.
 */
export class LevelProgress extends RewardsElement<ProgressFace['face']> {
  static override styles = [...baseStyles, ...faceStyles, levelProgressStyles];
  protected static override english: EnglishMessages = { ...enCore, ...enAmounts, ...enStatus, ...enLevelProgress };

  /** What the polite live region says: the last level-up seen. */
  private announcement = '';
  /** A rise noticed while rendering, announced to the page once the render is on screen. */
  private pendingLevelUp?: { from: number; to: number };

  private readonly account = new SelectedStoreController<ResourceState<MeResponse>>(this, () => this.session()?.account);
  private readonly levels = new SelectedStoreController<ResourceState<LevelsResponse>>(this, () => this.session()?.levels);

  private current: ProgressFace = LOADING_FACE;
  /** The level last shown, and whose it was: a rise is only a rise for the same member. */
  private seen?: { member: string; level: number };

  private resolveFace(): ProgressFace {
    if (!this.configuration.config) return LOADING_FACE;
    const account = this.account.value;
    if (!account || account.status === 'loading') return LOADING_FACE;
    if (account.status === 'signed-out') return { face: 'signed-out' };
    if (account.data === undefined) return account.status === 'error' ? { face: 'error', error: account.error } : LOADING_FACE;
    // The level thresholds only refine the bar: wait for them briefly, never fail for them.
    if (this.levels.value?.status === 'loading') return LOADING_FACE;
    return { face: 'ready', account: account.data };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
  }

  protected override render(): TemplateResult {
    this.current = this.resolveFace();
    const { l10n } = this;
    let body: TemplateResult;
    switch (this.current.face) {
      case 'loading':
        body = this.renderLoading();
        break;
      case 'signed-out':
        body = signedOutFace(l10n, l10n.t('signIn.level'));
        break;
      case 'error':
        body = errorFace(l10n, () => void this.session()?.refresh(), l10n.t(failureMessageKey(this.current.error)));
        break;
      case 'ready':
        this.noticeLevel(this.current.account);
        body = this.renderCard(this.current.account);
        break;
    }
    return html`<div lang=${l10n.locale} dir=${l10n.dir}>
      ${body}
      <span class="visually-hidden" role="status" aria-live="polite">${this.announcement}</span>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const current = this.current;
    this.faceState.show(current.face, current.face === 'error' ? current.error : undefined);
    const levelUp = this.pendingLevelUp;
    this.pendingLevelUp = undefined;
    if (levelUp) {
      // Built apart from dispatchEvent so that the manifest analyzer can name the event.
      const event = new RewardsLevelUpEvent({ from: levelUp.from, to: levelUp.to });
      this.dispatchEvent(event);
    }
  }

  /**
   * Notices a rise of the same member's level over the one last shown: the live region says it
   * in this render, and `rewards-level-up` follows once the render is on screen.
   */
  private noticeLevel(account: MeResponse): void {
    const member = `${this.session()?.api ?? ''}|${account.memberId}`;
    const level = account.level.index;
    const before = this.seen;
    this.seen = { member, level };
    if (!before || before.member !== member || level <= before.level) return;
    this.announcement = this.l10n.t('level.reached', { level: this.l10n.t(levelNameKey(level)) });
    this.pendingLevelUp = { from: before.level, to: level };
  }

  private renderLoading(): TemplateResult {
    const line = (inlineSize: string) => skeleton({ blockSize: '1lh', inlineSize });
    return html`<div class="card face-loading" part="face face-loading" role="status" aria-busy="true">
      <span class="visually-hidden">${this.l10n.t('face.loading')}</span>
      <div class="row head">${line('7rem')}${line('8rem')}</div>
      <div class="row points">${line('9rem')}</div>
      <div class="track" aria-hidden="true"></div>
      <div class="row to-next">${line('10rem')}</div>
    </div>`;
  }

  private renderCard(account: MeResponse): TemplateResult {
    const { l10n } = this;
    const locale = l10n.locale;
    const level = levelIndex(account.level.index);
    const levelName = l10n.t(levelNameKey(level));
    const percent = account.level.discountPercent;
    const levelsState = this.levels.value;
    const levels = levelsState?.status === 'ready' || levelsState?.status === 'error' ? levelsState.data?.levels : undefined;
    const progress = levelProgress(account, levels);
    const next = account.nextLevel;

    return html`<div class="card" part="card">
      <div class="row head">
        <span class="level" part="level" data-level=${level}>
          <span part="level-name">${levelName}</span>
          <span class="level-number" part="level-number">${l10n.t('level.short', { n: level })}</span>
        </span>
        <span class="discount" part="discount"
          >${percent > 0 ? l10n.t('level.discount', { percent: formatPercent(locale, percent) }) : l10n.t('level.noDiscountYet')}</span
        >
      </div>
      <p class="row points" part="points">${l10n.t('level.points', { n: account.points })}</p>
      ${
        next && progress.to !== undefined
          ? this.renderBar(progress.points, progress.from, progress.to, progress.fraction, next.index, progress.toGo)
          : html`<p class="row top" part="top">${checkIcon()}<span>${l10n.t('level.top')}</span></p>`
      }
    </div>`;
  }

  private renderBar(points: number, from: number, to: number, fraction: number, nextIndex: number, toGo: number): TemplateResult {
    const { l10n } = this;
    const locale = l10n.locale;
    const nextName = l10n.t(levelNameKey(nextIndex));
    return html`<div
        class="track"
        part="progress"
        role="progressbar"
        aria-label=${l10n.t('level.progress', { level: nextName })}
        aria-valuemin=${from}
        aria-valuemax=${to}
        aria-valuenow=${Math.min(points, to)}
        aria-valuetext=${l10n.t('level.progressValue', { points: formatNumber(locale, points), target: formatNumber(locale, to) })}
        aria-describedby="to-next"
        data-next-level=${levelIndex(nextIndex)}
      >
        <div class="fill" part="progress-fill" ${boxSize({ inlineSize: `${(fraction * 100).toFixed(2)}%` })}></div>
      </div>
      <p class="row to-next" part="to-next" id="to-next">${l10n.t('level.pointsToNext', { n: toGo, level: nextName })}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'level-progress': LevelProgress;
  }
}
