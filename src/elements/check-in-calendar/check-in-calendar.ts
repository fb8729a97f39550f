import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { CheckInsResponse } from '../../api/member.ts';
import type { RewardsSession } from '../../store/session.ts';
import { dataOf, type ResourceState } from '../../store/state.ts';
import { failureMessageKey } from '../shared/failures.ts';
import { errorFace, faceStyles, signedOutFace, skeleton } from '../shared/faces.ts';
import { readyView, viewFor } from '../shared/ready-view.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { bonusTiersPlaceholder } from './bonus-placeholder.ts';
import type { CalendarView, Notice, TodayFacts } from './calendar-view.ts';
import { calendarStyles } from './check-in-calendar.styles.ts';
import { entryDay, isCalendarMonth, monthOfDay, shownMonth, type CalendarDay, type CalendarMonth } from './month-grid.ts';
import enFaces from '../../i18n/en-faces.ts';
import enCheckInCalendar from '../../i18n/en-check-in-calendar.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type CalendarFace = 'loading' | 'ready' | 'signed-out' | 'error';

/** The ready face, loaded beside the store. */
const view = readyView(() => import('./calendar-view.ts'));

/**
 * The member's daily check-in (C6) and monthly bonus tiers (C7): the month as a keyboard
 * navigable grid with the checked-in days marked, today's check-in button, and progress
 * towards each bonus tier ("14 of 21 days"). Today is the shop's day, as the server says.
 *
 * Keyboard, in the grid: arrows move by a day or a week (into the adjacent month), Home/End
 * to the first/last day of the week, PageUp/PageDown to the previous/next month (Shift: year),
 * keeping the date or taking the month's last day. No month after the current one is shown.
 *
 * ```html
 * <rewards-provider api="/rewards" token="…member token…">
 *   <check-in-calendar></check-in-calendar>
 * </rewards-provider>
 * <check-in-calendar api="/rewards" token="…" month="2025-02" locale="zh-CN" theme="dark">
 *   <a slot="signed-out" href="/login">Sign in to check in</a>
 * </check-in-calendar>
 * ```
 *
 * <p><img src="docs/screenshots/check-in-calendar-light.png" alt="check-in-calendar, light theme: the month with six checked-in days before today, a Check in button, and the 7-, 14-, 21- and 30-day bonus tiers at 6 days each" width="300"> <img src="docs/screenshots/check-in-calendar-dark.png" alt="check-in-calendar, dark theme: the same month" width="300"></p>
 *
 * @tagname check-in-calendar
 * @summary The month's check-ins, today's check-in button and the monthly bonus tiers.
 *
 * @slot signed-out - Shown when no member is signed in: the page's own sign-in link.
 *
 * @csspart base - The calendar's outer box (every face).
 * @csspart title - "Daily check-in".
 * @csspart count - "N days checked in this month".
 * @csspart month-nav - The row with the month's name and the previous/next buttons.
 * @csspart month - The month's name.
 * @csspart previous-month - The previous-month button.
 * @csspart next-month - The next-month button (inactive on the current month).
 * @csspart grid - The month grid.
 * @csspart weekday - A weekday column header.
 * @csspart day - A day cell; also `day-checked`, `day-today` and `day-future` by state.
 * @csspart check-mark - The tick on a checked-in day.
 * @csspart check-in-button - Today's check-in button.
 * @csspart message - The line that reports the check-in's result or failure.
 * @csspart bonuses - The list of monthly bonus tiers.
 * @csspart bonus - One tier; also `bonus-earned` once reached.
 * @csspart bonus-progress - A tier's progress bar.
 * @csspart bonus-earned-mark - The tick of an earned tier.
 * @csspart face - Any face other than ready; also `face-loading`, `face-signed-out`, `face-error`.
 * @csspart skeleton - Placeholder shapes while loading.
 * @csspart retry-button - "Try again" after a failed load.
 *
 * @cssprop --rk-calendar-inline-size - Width of the calendar (default `20rem`, never wider than its container).
 * @cssprop --rk-calendar-cell-size - Height of a day cell (default `2.25rem`).
 * @cssprop --rk-surface - Background.
 * @cssprop --rk-surface-sunken - Progress bar track; the check-in button once done.
 * @cssprop --rk-text - Text.
 * @cssprop --rk-text-muted - Weekday names, future days, secondary text.
 * @cssprop --rk-accent - Check-in button, today's ring, progress.
 * @cssprop --rk-on-accent - Text on the check-in button.
 * @cssprop --rk-success - Checked-in days, earned tiers, the success message.
 * @cssprop --rk-danger - Failure messages.
 * @cssprop --rk-border - The calendar's and the controls' borders.
 * @cssprop --rk-focus-ring - Keyboard focus indicator.
 * @cssprop --rk-skeleton - Placeholder shapes while loading.
 *
 * @cssstate loading - Waiting for the first month's check-ins (or for an API to be configured).
 * @cssstate ready - The calendar is shown (also while another month's check-ins arrive).
 * @cssstate signed-out - No member is signed in.
 * @cssstate error - The check-ins could not be loaded and nothing is known yet; a retry button is shown.
 *
 * @fires {RewardsCheckedInEvent} rewards-checked-in - The member checked in: `{ day, coinsAwarded, bonusAwarded }`.
 * @fires {RewardsErrorEvent} rewards-error - Loading or checking in failed: `{ code, status, detail, source }`.
 */
export class CheckInCalendar extends RewardsElement<CalendarFace> {
  static override styles = [...baseStyles, ...faceStyles, calendarStyles];
  protected static override english: EnglishMessages = { ...enFaces, ...enCheckInCalendar };
  static override properties: PropertyDeclarations = {
    month: {},
    checkingIn: { attribute: false },
    notice: { attribute: false },
  };

  /**
   * The month to show, `YYYY-MM`; the shop's current month when absent, malformed or later than
   * the current month. Moving to another month (buttons, PageUp/PageDown) updates it, and the
   * current month sets it back to `undefined`.
   */
  month?: string;

  private checkingIn = false;
  private notice?: Notice;

  private readonly checkIns = new SelectedStoreController<ResourceState<CheckInsResponse>>(this, () => this.selectStore());

  /** The session whose data is shown, to notice a switch of member or API. */
  private shownSession?: RewardsSession;
  /** The month key the store was chosen with (`undefined`: the shop's current month). */
  private storeKey?: CalendarMonth;
  private facts?: TodayFacts;
  /** The day holding the grid's tab stop. */
  private focusDay?: CalendarDay;
  private focusPending = false;

  /** Checks the member in for today, as the button does; resolves when the answer is shown. */
  async checkIn(): Promise<void> {
    const session = this.shownSession;
    if (!session || this.checkingIn || this.facts?.checkedInToday !== false) return;
    this.checkingIn = true;
    this.notice = undefined;
    try {
      // The check-in is the ready face's (its button's): its code is here, or on its way.
      const ready = view.module ?? (await view.load());
      await ready.checkIn(session, this, (notice) => (this.notice = notice));
    } finally {
      this.checkingIn = false;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.settle();
    if (changed.has('month') && this.month !== undefined && !isCalendarMonth(this.month)) {
      console.warn(`check-in-calendar: month="${this.month}" is not YYYY-MM; showing the current month`);
    }
  }

  /**
   * Everything the render reads besides the store, worked out before the store is chosen (the
   * controller chooses right after `willUpdate`) so that `render()` only reads: who is shown,
   * what is known about today, and which day holds the grid's tab stop.
   */
  private settle(): void {
    const session = this.session();
    if (session !== this.shownSession) {
      // Another member or API: nothing known about today any more.
      this.shownSession = session;
      this.facts = undefined;
      this.notice = undefined;
    }
    // What the followed store knows about today decides which month's store to follow (a
    // requested month after the current one falls back to the current); that store may in turn
    // already hold a newer answer (another element fetched it).
    for (const store of [this.checkIns.store, session?.checkIns(this.monthKey())]) {
      const state = store?.get();
      const known = state ? dataOf(state) : undefined;
      if (known) this.facts = { today: known.today, checkedInToday: known.checkedInToday };
    }
    if (this.facts) {
      const month = shownMonth(this.month, this.facts.today);
      if (!this.focusDay || monthOfDay(this.focusDay) !== month) this.focusDay = entryDay(month, this.facts.today, this.focusDay);
    }
  }

  protected override render(): TemplateResult {
    const state = this.checkIns.value;
    const data = state ? dataOf(state) : undefined;
    const { l10n } = this;
    return html`<div class="root" lang=${l10n.locale} dir=${l10n.dir}>${this.renderFace(state, data)}</div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.checkIns.value;
    this.faceState.show(this.face(state), state?.status === 'error' ? state.error : undefined);
    if (this.focusPending) {
      this.focusPending = false;
      this.shadowRoot?.querySelector<HTMLElement>(`[data-day="${this.focusDay}"]`)?.focus();
    }
  }

  /** The store of the month to show; the choice itself was settled in `willUpdate`. */
  private selectStore() {
    this.storeKey = this.monthKey();
    return this.shownSession?.checkIns(this.storeKey);
  }

  /** Which month's store to follow: the current month has its own key, so it is fetched once. */
  private monthKey(): CalendarMonth | undefined {
    const requested = this.month;
    if (!requested || !isCalendarMonth(requested)) return undefined;
    if (this.facts && requested > monthOfDay(this.facts.today)) return undefined;
    return requested;
  }

  private face(state: ResourceState<CheckInsResponse> | undefined): CalendarFace {
    if (state?.status === 'signed-out') return 'signed-out';
    // Ready once today is known and the ready face's code is here (it loads beside the store).
    if (this.facts && viewFor(this, view, 'the check-in calendar')) return 'ready';
    return state?.status === 'error' ? 'error' : 'loading';
  }

  private renderFace(state: ResourceState<CheckInsResponse> | undefined, data: CheckInsResponse | undefined): TemplateResult {
    const { l10n } = this;
    switch (this.face(state)) {
      case 'signed-out':
        return signedOutFace(l10n, l10n.t('signIn.checkIn'));
      case 'ready':
        return view.module!.calendarReady(this.readyView(this.facts!, state, data));
      case 'error':
        return errorFace(l10n, () => this.retry(), l10n.t(failureMessageKey(state?.status === 'error' ? state.error : undefined)));
      case 'loading':
        return this.renderLoading();
    }
  }

  private readyView(facts: TodayFacts, state: ResourceState<CheckInsResponse> | undefined, data: CheckInsResponse | undefined): CalendarView {
    const month = shownMonth(this.month, facts.today);
    return {
      l10n: this.l10n,
      facts,
      month,
      monthData: data?.month === month ? data : undefined,
      focusDay: this.focusDay ?? entryDay(month, facts.today, undefined),
      loadError: state?.status === 'error' ? { error: state.error } : undefined,
      checkingIn: this.checkingIn,
      notice: this.notice,
      showMonth: (shown) => this.showMonth(shown),
      checkIn: () => void this.checkIn(),
      retry: () => this.retry(),
      moveFocusTo: (day) => this.moveFocusTo(day, true),
    };
  }

  /** The ready calendar's outline, so nothing moves when the data arrives. */
  private renderLoading(): TemplateResult {
    const { l10n } = this;
    return html`<div class="face face-loading calendar" part="base face face-loading" role="status" aria-busy="true">
      <span class="visually-hidden">${l10n.t('face.loading')}</span>
      <div class="header" aria-hidden="true">
        <span class="title">${l10n.t('checkIn.title')}</span>
        <span class="count">${skeleton({ blockSize: '100%', inlineSize: '60%' })}</span>
      </div>
      ${skeleton({ blockSize: 'var(--_rk-control-size)' })}
      ${skeleton({ blockSize: 'calc(7 * var(--_cic-cell) + 6 * var(--_cic-gap))' })}
      <div class="actions">
        ${skeleton({ blockSize: 'var(--_rk-control-size)' })}
        <span class="notice"></span>
      </div>
      <div class="bonus-section" aria-hidden="true">
        <span class="bonus-title">${l10n.t('checkIn.bonusTitle')}</span>
        ${bonusTiersPlaceholder()}
      </div>
    </div>`;
  }

  private moveFocusTo(day: CalendarDay, focus: boolean): void {
    this.focusDay = day;
    this.focusPending = focus;
    const month = monthOfDay(day);
    if (this.facts && month !== shownMonth(this.month, this.facts.today)) this.showMonth(month);
    this.requestUpdate();
  }

  /** Opens `month`; the current month is kept under "no month", the key it was first fetched by. */
  private showMonth(month: CalendarMonth): void {
    const current = this.facts ? monthOfDay(this.facts.today) : undefined;
    this.month = month === current ? undefined : month;
  }

  private retry(): void {
    void this.shownSession?.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'check-in-calendar': CheckInCalendar;
  }
}
