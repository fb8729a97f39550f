import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { CheckInsResponse, EarningResponse } from '../../api/member.ts';
import type { EarningRule, EarningRulesResponse } from '../../api/public.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { dataOf, type ResourceState } from '../../store/state.ts';
import { failureMessageKey } from '../shared/failures.ts';
import { emptyFace, errorFace, faceStyles, skeleton } from '../shared/faces.ts';
import { boxSize } from '../shared/box-size.ts';
import { checkIcon } from '../shared/icons.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { earnCoinsListStyles } from './earn-coins-list.styles.ts';
import { selectedRuleIds } from './rule-filter.ts';
import enFaces from '../../i18n/en-faces.ts';
import enStatus from '../../i18n/en-status.ts';
import enEarnCoinsList from '../../i18n/en-earn-coins-list.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type ListFace = 'loading' | 'ready' | 'empty' | 'signed-out' | 'error';

/** What the signed-in member has done today or ever, for the marks on the rows. */
interface MemberProgress {
  readonly earning?: EarningResponse | undefined;
  readonly checkedInToday: boolean;
}

const PLACEHOLDER_ROWS = 4;
const CHECK_IN_RULE = 'C6';

/**
 * Every way to earn coins (C1–C18), titled in the reader's language, with what each pays and
 * how often. For a signed-in member, rules with a daily cap show today's progress ("3 of 5
 * today"), the daily check-in says when it is done for today, and one-time rules already earned
 * carry a mark. `rules` shows a subset, by rule id or group.
 *
 * ```html
 * <earn-coins-list rules="community"></earn-coins-list>  <!-- sharing, likes, comments, invitations -->
 * <earn-coins-list rules="C6 C8 C9"></earn-coins-list>
 * ```
 *
 * <p><img src="docs/screenshots/earn-coins-list-light.png" alt="earn-coins-list, light theme: completing an order pays 1 coin per dollar; the newsletter and the profile are marked earned; the daily check-in, likes 1 of 5 today and comments 1 of 5 today; inviting a friend pays 1,000 coins" width="400"> <img src="docs/screenshots/earn-coins-list-dark.png" alt="earn-coins-list, dark theme: the same list" width="400"></p>
 *
 * @tagname earn-coins-list
 * @summary The ways to earn coins, with today's progress on capped rules.
 *
 * @slot signed-out - Shown under the list when no member is signed in: the page's own sign-in
 *   link. By default "Sign in to see your progress."
 *
 * @csspart rules - The list.
 * @csspart rule - One way to earn; also `rule-done` when earned (once, or today's cap reached).
 * @csspart rule-title - What to do: "Like a project".
 * @csspart rule-coins - What it pays: "+1 coin", "+10–50 coins", "1 coin per dollar".
 * @csspart rule-detail - How often, or today's progress.
 * @csspart progress - "3 of 5 today" with its bar.
 * @csspart progress-bar - The bar of today's progress (decorative: the words say it).
 * @csspart done - "Earned" or "Checked in today", with a tick.
 * @csspart face - Any face other than ready; also `face-loading`, `face-empty`, `face-signed-out`, `face-error`.
 * @csspart skeleton - Placeholder rows while loading.
 * @csspart retry-button - "Try again" after a failed load.
 *
 * @cssprop --rk-text - Titles and progress.
 * @cssprop --rk-text-muted - How often a rule pays.
 * @cssprop --rk-success - Coins and done marks.
 * @cssprop --rk-accent - The progress bar.
 * @cssprop --rk-border - Row separators.
 * @cssprop --rk-surface - Background.
 *
 * @cssstate loading - Waiting for the rules (and the member's progress).
 * @cssstate ready - The rules, with the member's progress.
 * @cssstate empty - No rule to show (the `rules` filter matches none).
 * @cssstate signed-out - The rules without progress, and the sign-in slot.
 * @cssstate error - The rules could not be loaded; a retry button is shown.
 *
 * @fires {RewardsErrorEvent} rewards-error - The rules could not be loaded.
 */
export class EarnCoinsList extends RewardsElement<ListFace> {
  static override styles = [...baseStyles, ...faceStyles, earnCoinsListStyles];
  protected static override english: EnglishMessages = { ...enFaces, ...enStatus, ...enEarnCoinsList };
  static override properties: PropertyDeclarations = {
    rules: { reflect: true },
  };

  /**
   * The rules to show, by id or group, separated by spaces or commas: `"C6 C8 C9"`,
   * `"community"` (C4 C5 C8–C11), `"orders"` (C1 C12–C17), `"daily"` (C6–C9), `"account"`
   * (C2 C3 C18). Unset: every rule.
   */
  rules?: string;

  private readonly earningRules = new SelectedStoreController<ResourceState<EarningRulesResponse>>(this, () => this.session()?.earningRules);
  private readonly earning = new SelectedStoreController<ResourceState<EarningResponse>>(this, () => this.session()?.earning);
  /** Only followed when the check-in is shown: it costs the member a request otherwise saved. */
  private readonly checkIns = new SelectedStoreController<ResourceState<CheckInsResponse>>(this, () =>
    this.shows(CHECK_IN_RULE) ? this.session()?.checkIns() : undefined,
  );

  private face: ListFace = 'loading';

  private shows(ruleId: string): boolean {
    const selected = selectedRuleIds(this.rules);
    return !selected || selected.has(ruleId);
  }

  private shownRules(): EarningRule[] {
    const rules = dataOf(this.earningRules.value ?? { status: 'loading' })?.rules ?? [];
    return rules.filter((rule) => this.shows(rule.id));
  }

  private resolveFace(): ListFace {
    if (!this.session()) return 'loading';
    const rules = this.earningRules.value;
    if (!rules || rules.status === 'loading') return 'loading';
    if (rules.status === 'error' && !rules.data) return 'error';
    const earning = this.earning.value;
    if (!earning || earning.status === 'loading') return 'loading';
    // The check-in's mark arrives with the list, not a moment after it.
    const checkIns = this.checkIns.value;
    if (earning.status !== 'signed-out' && this.shows(CHECK_IN_RULE) && (!checkIns || checkIns.status === 'loading')) return 'loading';
    if (this.shownRules().length === 0) return 'empty';
    return earning.status === 'signed-out' ? 'signed-out' : 'ready';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
  }

  protected override render(): TemplateResult {
    this.face = this.resolveFace();
    const { l10n } = this;
    return html`<div class="root" lang=${l10n.locale} dir=${l10n.dir}>${this.renderFace()}</div>`;
  }

  private renderFace(): TemplateResult {
    const { l10n } = this;
    switch (this.face) {
      case 'loading':
        return html`<div class="face face-loading" part="face face-loading" role="status" aria-busy="true">
          <span class="visually-hidden">${l10n.t('face.loading')}</span>
          <div class="rules" aria-hidden="true">
            ${Array.from({ length: PLACEHOLDER_ROWS }, () => html`<div class="rule placeholder">${skeleton({ blockSize: '100%' })}</div>`)}
          </div>
        </div>`;
      case 'error': {
        const state = this.earningRules.value;
        return errorFace(l10n, () => void this.session()?.refresh(), l10n.t(failureMessageKey(state?.status === 'error' ? state.error : undefined)));
      }
      case 'empty':
        return emptyFace(l10n.t('earn.empty'));
      case 'signed-out':
        return html`${this.renderList({ checkedInToday: false })}
          <div class="face face-signed-out signed-out" part="face face-signed-out">
            <slot name="signed-out"><p class="face-message">${l10n.t('signIn.earn')}</p></slot>
          </div>`;
      case 'ready': {
        const checkIns = this.checkIns.value;
        return this.renderList({
          earning: dataOf(this.earning.value ?? { status: 'loading' }),
          checkedInToday: (checkIns && dataOf(checkIns)?.checkedInToday) ?? false,
        });
      }
    }
  }

  private renderList(progress: MemberProgress): TemplateResult {
    return html`<ul class="rules" part="rules" aria-label=${this.l10n.t('earn.title')}>
      ${this.shownRules().map((rule) => this.renderRule(rule, progress))}
    </ul>`;
  }

  private renderRule(rule: EarningRule, progress: MemberProgress): TemplateResult {
    const { l10n } = this;
    const titleKey = `earn.rule.${rule.id}`;
    const title = l10n.has(titleKey) ? l10n.t(titleKey as Extract<MessageKey, `earn.rule.${string}`>) : rule.title;
    const today = progress.earning?.rules.find((entry) => entry.ruleId === rule.id);
    const earnedOnce = rule.scope === 'once' && (progress.earning?.earnedOnce ?? []).includes(rule.id);
    const checkedIn = rule.id === CHECK_IN_RULE && progress.checkedInToday;
    const capReached = today !== undefined && today.cap > 0 && today.earnedToday >= today.cap;
    const done = earnedOnce || checkedIn || capReached;
    return html`<li class="rule" part=${done ? 'rule rule-done' : 'rule'} data-rule=${rule.id}>
      <span class="title" part="rule-title">${title}</span>
      <span class="coins" part="rule-coins">${this.coinsText(rule)}</span>
      <span class="detail" part="rule-detail">
        <span>${rule.limit !== null ? l10n.t('earn.dailyCap', { n: rule.limit }) : l10n.t(`earn.scope.${rule.scope}`)}</span>
        ${today ? this.renderToday(today.earnedToday, today.cap) : nothing}
        ${earnedOnce ? this.renderDone(l10n.t('earn.earned')) : nothing}
        ${checkedIn ? this.renderDone(l10n.t('checkIn.done')) : nothing}
      </span>
    </li>`;
  }

  private coinsText(rule: EarningRule): string {
    const { l10n } = this;
    if (rule.scope === 'per_dollar') return l10n.t('earn.perDollar', { n: rule.coins });
    if (rule.minCoins !== rule.coins) return l10n.t('earn.range', { min: rule.minCoins, max: rule.coins });
    return l10n.t('earn.coins', { n: rule.coins });
  }

  private renderToday(earned: number, cap: number): TemplateResult {
    const share = cap > 0 ? Math.min(1, earned / cap) : 0;
    return html`<span class="progress" part="progress">
      <span class="bar" part="progress-bar" aria-hidden="true"
        ><span class="bar-fill" ${boxSize({ inlineSize: `${share * 100}%` })}></span
      ></span>
      <span>${this.l10n.t('earn.todayProgress', { earned, cap })}</span>
    </span>`;
  }

  private renderDone(text: string): TemplateResult {
    return html`<span class="done" part="done">${checkIcon('done-icon')}<span>${text}</span></span>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.earningRules.value;
    this.faceState.show(this.face, this.face === 'error' && state?.status === 'error' ? state.error : undefined);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'earn-coins-list': EarnCoinsList;
  }
}
