/**
 * The calendar's ready face: the month grid, today's check-in button, the line reporting its
 * result and the bonus tiers, with the styles only they use. Loaded on demand beside the store
 * (see `shared/ready-view.ts`); the loading face and the element's outline stay in the entry.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { CheckInsResponse } from '../../api/member.ts';
import { RewardsCheckedInEvent } from '../../events/checked-in.ts';
import enCheckInCalendarReady from '../../i18n/en-check-in-calendar-ready.ts';
import enStatus from '../../i18n/en-status.ts';
import type { EnglishMessages, LocalizeController } from '../../i18n/localize.ts';
import type { RewardsSession } from '../../store/session.ts';
import { failureEvent, failureMessageKey, isAborted } from '../shared/failures.ts';
import { skeleton } from '../shared/faces.ts';
import { firstDayOfWeek, formatMonth } from '../shared/format.ts';
import { checkIcon, chevronEndIcon, chevronStartIcon } from '../shared/icons.ts';
import { bonusTiersPlaceholder } from './bonus-placeholder.ts';
import { bonusTiers } from './bonus-tiers.ts';
import { calendarGrid } from './calendar-grid.ts';
import { addMonths, monthOfDay, type CalendarDay, type CalendarMonth } from './month-grid.ts';
import { isGridKey, moveFocus } from './month-layout.ts';
// For no value: keeps the element and what it shares with this view in one chunk (see ready-view.ts).
import './check-in-calendar.ts';

/** The messages only the ready face reads. */
export const english: EnglishMessages = { ...enStatus, ...enCheckInCalendarReady };

/** What the message line under the check-in button says. */
export type Notice = { readonly kind: 'checked-in'; readonly coins: number; readonly bonus: number } | { readonly kind: 'failed'; readonly error: unknown };

/** What every month's answer says about today, kept while another month loads. */
export interface TodayFacts {
  readonly today: CalendarDay;
  readonly checkedInToday: boolean;
}

/** What the ready face shows and what its controls do. */
export interface CalendarView {
  readonly l10n: LocalizeController;
  readonly facts: TodayFacts;
  readonly month: CalendarMonth;
  /** The shown month's check-ins, once they are here. */
  readonly monthData: CheckInsResponse | undefined;
  /** The day holding the grid's tab stop. */
  readonly focusDay: CalendarDay;
  /** Why the shown month could not be loaded, if it could not. */
  readonly loadError: { readonly error: unknown } | undefined;
  readonly checkingIn: boolean;
  readonly notice: Notice | undefined;
  showMonth(month: CalendarMonth): void;
  checkIn(): void;
  retry(): void;
  /** Gives `day` the grid's tab stop and the focus (opening its month if need be). */
  moveFocusTo(day: CalendarDay): void;
}

/**
 * Checks the member in for today: `show` gets the line to show under the button, then the element
 * fires `rewards-checked-in` (or `rewards-error`). Resolves when the answer is shown.
 */
export async function checkIn(session: RewardsSession, element: HTMLElement, show: (notice: Notice) => void): Promise<void> {
  try {
    const answer = await session.checkIn();
    show({ kind: 'checked-in', coins: answer.coinsAwarded, bonus: answer.bonusAwarded });
    element.dispatchEvent(new RewardsCheckedInEvent({ day: answer.day, coinsAwarded: answer.coinsAwarded, bonusAwarded: answer.bonusAwarded }));
  } catch (error) {
    if (isAborted(error)) return;
    // On `already_checked_in` (another tab was first) the store fetches the month again.
    show({ kind: 'failed', error });
    element.dispatchEvent(failureEvent(error, element.localName));
  }
}

export function calendarReady(view: CalendarView): TemplateResult {
  const { l10n, month, monthData, facts } = view;
  const isCurrent = month === monthOfDay(facts.today);
  return html`<div class="calendar" part="base">
    <div class="header">
      <p class="title" part="title">${l10n.t('checkIn.title')}</p>
      ${
        monthData
          ? html`<p class="count" part="count">${l10n.t('checkIn.monthCount', { n: monthData.days.length })}</p>`
          : html`<span class="count">${skeleton({ blockSize: '100%', inlineSize: '60%' })}</span>`
      }
    </div>
    <div class="month-nav" part="month-nav">
      <button type="button" class="button nav" part="previous-month" @click=${() => view.showMonth(addMonths(month, -1))}>
        ${chevronStartIcon()}<span class="visually-hidden">${l10n.t('checkIn.previousMonth')}</span>
      </button>
      <p class="month" part="month" aria-live="polite">${formatMonth(l10n.locale, month)}</p>
      <button
        type="button"
        class="button nav"
        part="next-month"
        aria-disabled=${isCurrent ? 'true' : 'false'}
        @click=${() => (isCurrent ? undefined : view.showMonth(addMonths(month, 1)))}
      >
        ${chevronEndIcon()}<span class="visually-hidden">${l10n.t('checkIn.nextMonth')}</span>
      </button>
    </div>
    ${calendarGrid({
      month,
      today: facts.today,
      focusDay: view.focusDay,
      checkedDays: new Set(monthData?.days ?? []),
      busy: !monthData,
      firstDay: firstDayOfWeek(l10n.locale),
      l10n,
      onKeydown: (event) => onGridKeydown(view, event),
      onDayClick: (day) => view.moveFocusTo(day),
    })}
    ${view.loadError ? inlineError(view, view.loadError.error) : nothing}
    <div class="actions">${checkInButton(view)} ${noticeLine(view)}</div>
    <div class="bonus-section">
      <p class="bonus-title">${l10n.t('checkIn.bonusTitle')}</p>
      ${monthData ? bonusTiers(l10n, monthData.days.length, monthData.bonuses) : bonusTiersPlaceholder()}
    </div>
  </div>`;
}

/**
 * The grid's keys: arrows move by a day or a week (into the adjacent month), Home/End to the
 * first/last day of the week, PageUp/PageDown to the previous/next month (Shift: year).
 */
function onGridKeydown(view: CalendarView, event: KeyboardEvent): void {
  if (!isGridKey(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  // From the day that has the focus, wherever it came from (a click, a script, Tab).
  const from = (event.target as HTMLElement).closest<HTMLElement>('[data-day]')?.dataset['day'] ?? view.focusDay;
  event.preventDefault();
  const { l10n } = view;
  view.moveFocusTo(
    moveFocus(from, event.key, {
      firstDay: firstDayOfWeek(l10n.locale),
      rtl: l10n.dir === 'rtl',
      latestMonth: monthOfDay(view.facts.today),
      shift: event.shiftKey,
    }),
  );
}

function checkInButton(view: CalendarView): TemplateResult {
  const { l10n, checkingIn } = view;
  const done = view.facts.checkedInToday;
  const inactive = done || checkingIn;
  return html`<button
    type="button"
    class="button primary check-in"
    part="check-in-button"
    aria-disabled=${inactive ? 'true' : 'false'}
    @click=${() => (inactive ? undefined : view.checkIn())}
  >
    ${done ? html`${checkIcon()}<span>${l10n.t('checkIn.done')}</span>` : checkingIn ? l10n.t('checkIn.checking') : l10n.t('checkIn.action')}
  </button>`;
}

function noticeLine(view: CalendarView): TemplateResult {
  const { l10n, notice } = view;
  let text = '';
  if (notice?.kind === 'checked-in') {
    text = l10n.t('checkIn.awarded', { n: notice.coins });
    if (notice.bonus > 0) text += ` ${l10n.t('checkIn.bonusAwarded', { n: notice.bonus })}`;
  } else if (notice?.kind === 'failed') {
    text = l10n.t(failureMessageKey(notice.error));
  }
  const tone = notice?.kind === 'failed' ? 'failure' : 'success';
  return html`<p class="notice ${tone}" part="message" role="status">${text}</p>`;
}

/** A month whose check-ins could not be loaded, while the rest of the calendar stays usable. */
function inlineError(view: CalendarView, error: unknown): TemplateResult {
  const { l10n } = view;
  return html`<div class="inline-error" role="alert">
    <span>${l10n.t(failureMessageKey(error))}</span>
    <button type="button" class="button" part="retry-button" @click=${() => view.retry()}>${l10n.t('error.retry')}</button>
  </div>`;
}

/** The rules only the ready face uses, after the element's own (`check-in-calendar.styles.ts`). */
export const styles = css`


  .month-nav {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_rk-space-2);
    block-size: var(--_rk-control-size);
  }
  .month {
    margin: 0;
    font-weight: var(--_rk-font-weight-strong);
    text-align: center;
  }
  .nav {
    padding-inline: 0;
  }
  .nav .icon {
    font-size: var(--_rk-font-size-l);
  }
  [dir='rtl'] .nav .icon {
    transform: scaleX(-1);
  }

  .grid {
    display: grid;
    grid-auto-rows: var(--_cic-cell);
    align-content: start;
    gap: var(--_cic-gap);
    min-block-size: calc(7 * var(--_cic-cell) + 6 * var(--_cic-gap));
  }
  .grid[aria-busy='true'] .day:not(.blank) {
    color: var(--_rk-text-muted);
  }
  .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    gap: var(--_cic-gap);
  }
  .weekday {
    display: flex;
    align-items: center;
    justify-content: center;
    color: var(--_rk-text-muted);
    font-size: var(--_rk-font-size-s);
    font-weight: var(--_rk-font-weight-strong);
  }
  .day {
    position: relative;
    display: flex;
    align-items: center;
    justify-content: center;
    border-radius: var(--_rk-radius-s);
    font-variant-numeric: tabular-nums;
    cursor: default;
  }
  .day.checked {
    background: color-mix(in srgb, var(--_rk-success) 14%, var(--_rk-surface));
    font-weight: var(--_rk-font-weight-strong);
  }
  .day.today {
    border: 2px solid var(--_rk-accent);
    font-weight: var(--_rk-font-weight-strong);
  }
  .day.future {
    color: var(--_rk-text-muted);
  }
  .day:focus-visible {
    outline: var(--_rk-focus-ring-width) solid var(--_rk-focus-ring);
    outline-offset: 1px;
    z-index: 1;
  }
  .mark {
    position: absolute;
    inset-block-start: 1px;
    inset-inline-end: 2px;
    display: flex;
    color: var(--_rk-success);
    font-size: var(--_rk-font-size-xs);
  }
  .check-in .icon {
    font-size: var(--_rk-font-size-m);
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .button.primary[aria-disabled='true'] {
    border-color: var(--_rk-border);
    background: var(--_rk-surface-sunken);
    color: var(--_rk-text);
    opacity: 1;
  }
  .notice.success {
    color: var(--_rk-success);
  }
  .notice.failure {
    color: var(--_rk-danger);
  }
  .inline-error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_rk-space-2);
    margin: 0;
    color: var(--_rk-danger);
    font-size: var(--_rk-font-size-s);
  }
  .bonus-name {
    font-weight: var(--_rk-font-weight-strong);
  }
  .bonus-reward {
    color: var(--_rk-text-muted);
    text-align: end;
  }
  .bonus-status {
    display: inline-flex;
    align-items: center;
    gap: var(--_rk-space-1);
    justify-self: end;
    color: var(--_rk-text-muted);
  }
  .bonus.earned .bonus-status {
    color: var(--_rk-success);
    font-weight: var(--_rk-font-weight-strong);
  }
  .meter {
    position: relative;
    block-size: 0.5rem;
    overflow: hidden;
    border: 1px solid var(--_rk-border);
    border-radius: var(--_rk-radius-pill);
    background: var(--_rk-surface-sunken);
  }
  .meter-fill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    background: var(--_rk-accent);
  }
  .bonus.earned .meter-fill {
    background: var(--_rk-success);
  }

  @media (forced-colors: active) {
    .meter-fill {
      background: Highlight;
    }
    .day.today {
      border-color: Highlight;
    }
  }
`;
