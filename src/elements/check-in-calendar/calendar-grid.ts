/**
 * The month as an ARIA grid: a row of weekday column headers in the locale's week order, then
 * one row per week. Each day is a gridcell named by its full date and whether it was checked
 * in; only the focused day is in the tab order (roving tabindex), the element moves it.
 * Checked-in days carry a tick as well as a fill, so colour is never the only sign; today is
 * ringed and marked `aria-current="date"`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { LocalizeController } from '../../i18n/localize.ts';
import { formatDay, formatMonth, formatNumber, weekdayName } from '../shared/format.ts';
import { checkIcon } from '../shared/icons.ts';
import type { CalendarDay, CalendarMonth } from './month-grid.ts';
import { monthWeeks, weekdayColumns } from './month-layout.ts';

export interface CalendarGridView {
  readonly month: CalendarMonth;
  /** The shop's today; days after it are neither checked nor missed. */
  readonly today: CalendarDay;
  /** The day holding the grid's tab stop. */
  readonly focusDay: CalendarDay;
  readonly checkedDays: ReadonlySet<CalendarDay>;
  /** The month's check-ins are still arriving: days show no state yet. */
  readonly busy: boolean;
  readonly firstDay: number;
  readonly l10n: Pick<LocalizeController, 't' | 'locale'>;
  readonly onKeydown: (event: KeyboardEvent) => void;
  readonly onDayClick: (day: CalendarDay) => void;
}

export function calendarGrid(view: CalendarGridView): TemplateResult {
  const { l10n } = view;
  const columns = weekdayColumns(view.firstDay);
  const month = formatMonth(l10n.locale, view.month);
  return html`<div
    class="grid"
    part="grid"
    role="grid"
    aria-label=${l10n.t('checkIn.calendar', { month })}
    aria-busy=${view.busy ? 'true' : 'false'}
    @keydown=${view.onKeydown}
  >
    <div class="week weekdays" role="row">
      ${columns.map(
        (weekday) => html`<div class="weekday" part="weekday" role="columnheader">
          <span aria-hidden="true">${weekdayName(l10n.locale, weekday, 'narrow')}</span>
          <span class="visually-hidden">${weekdayName(l10n.locale, weekday, 'long')}</span>
        </div>`,
      )}
    </div>
    ${monthWeeks(view.month, view.firstDay).map(
      (week) => html`<div class="week" role="row">${week.map((day) => (day ? dayCell(view, day) : blankCell()))}</div>`,
    )}
  </div>`;
}

function blankCell(): TemplateResult {
  return html`<div class="day blank" role="gridcell"></div>`;
}

function dayCell(view: CalendarGridView, day: CalendarDay): TemplateResult {
  const { l10n } = view;
  const isToday = day === view.today;
  const future = day > view.today;
  const checked = !view.busy && view.checkedDays.has(day);
  const date = formatDay(l10n.locale, day, 'full');
  const label = view.busy || future ? date : l10n.t(checked ? 'checkIn.dayChecked' : 'checkIn.dayMissed', { date });
  const parts = ['day', checked ? 'day-checked' : '', isToday ? 'day-today' : '', future ? 'day-future' : ''].filter(Boolean).join(' ');
  return html`<div
    class=${classMap({ day: true, checked, today: isToday, future })}
    part=${parts}
    role="gridcell"
    data-day=${day}
    tabindex=${day === view.focusDay ? 0 : -1}
    aria-current=${isToday ? 'date' : nothing}
    @click=${() => view.onDayClick(day)}
  >
    <span class="date" aria-hidden="true">${formatNumber(l10n.locale, Number(day.slice(8)))}</span>
    ${checked ? html`<span class="mark" aria-hidden="true">${checkIcon('check-mark')}</span>` : nothing}
    <span class="visually-hidden">${label}</span>
  </div>`;
}
