/**
 * The check-in calendar's months and days: which month to show and which day takes the focus
 * when it opens (the month as rows of weeks, and where each key moves the focus, are in
 * `month-layout.ts`). Pure: no DOM, no clock. Days are `YYYY-MM-DD` and months `YYYY-MM` of the shop's calendar;
 * "today" is always passed in (the server's, not the reader's clock).
 */
import { addMonths, daysInMonth, isCalendarDay, isCalendarMonth, monthOfDay, type CalendarDay, type CalendarMonth } from '../../rules/calendar.ts';

export { addMonths, daysInMonth, isCalendarMonth, monthOfDay, type CalendarDay, type CalendarMonth };

/** The `date`th day of `month`, or the month's last day when it is shorter (31 → 30 April). */
export function dayOfMonth(month: CalendarMonth, date: number): CalendarDay {
  const clamped = Math.min(Math.max(1, Math.trunc(date)), daysInMonth(month));
  return `${month}-${String(clamped).padStart(2, '0')}`;
}

/** The same date in another month, or that month's last day (PageUp/PageDown). */
export function sameDateIn(day: CalendarDay, month: CalendarMonth): CalendarDay {
  return dayOfMonth(month, Number(day.slice(8, 10)));
}

/** Whether `value` is a real calendar day (`2025-02-30` is not). */
export function isDay(value: unknown): value is CalendarDay {
  return typeof value === 'string' && isCalendarDay(value);
}

/**
 * The month to show: the requested one (`month="YYYY-MM"`), unless it is missing, malformed
 * or after the shop's current month, which is then shown instead.
 */
export function shownMonth(requested: string | null | undefined, today: CalendarDay): CalendarMonth {
  const current = monthOfDay(today);
  if (!requested || !isCalendarMonth(requested)) return current;
  return requested > current ? current : requested;
}

/**
 * The day that takes the grid's tab stop when a month opens: today in the current month,
 * otherwise the date the reader was on (the same date, or the month's last day), else the 1st.
 */
export function entryDay(month: CalendarMonth, today: CalendarDay, previous?: CalendarDay): CalendarDay {
  if (monthOfDay(today) === month) return today;
  return previous ? sameDateIn(previous, month) : `${month}-01`;
}
