/**
 * The check-in calendar's month as rows of weeks, and where each key of its grid moves the
 * focus. Pure: no DOM, no clock. Part of the calendar's ready face, which loads on demand
 * (`calendar-view.ts`).
 */
import { addDays, addMonths, daysInMonth, isoWeekday, monthOfDay } from '../../rules/calendar.ts';
import { dayOfMonth, sameDateIn, type CalendarDay, type CalendarMonth } from './month-grid.ts';

/** One row of the grid: seven cells, `null` where the day belongs to another month. */
export type Week = ReadonlyArray<CalendarDay | null>;

/** The ISO weekdays (1 = Monday … 7 = Sunday) in column order, starting on `firstDay`. */
export function weekdayColumns(firstDay: number): number[] {
  const start = normalizeWeekday(firstDay);
  return Array.from({ length: 7 }, (_, index) => ((start - 1 + index) % 7) + 1);
}

/** The column (0–6) of a day in a week that starts on `firstDay`. */
export function columnOf(day: CalendarDay, firstDay: number): number {
  return (isoWeekday(day) - normalizeWeekday(firstDay) + 7) % 7;
}

/** The month's weeks, each seven cells long; the first and last are padded with `null`. */
export function monthWeeks(month: CalendarMonth, firstDay: number): Week[] {
  const length = daysInMonth(month);
  const cells: Array<CalendarDay | null> = Array.from({ length: columnOf(`${month}-01`, firstDay) }, () => null);
  for (let date = 1; date <= length; date++) cells.push(dayOfMonth(month, date));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Week[] = [];
  for (let start = 0; start < cells.length; start += 7) weeks.push(cells.slice(start, start + 7));
  return weeks;
}

/** The keys the grid answers to. */
export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End' | 'PageUp' | 'PageDown';

const GRID_KEYS: ReadonlySet<string> = new Set<GridKey>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

export function isGridKey(key: string): key is GridKey {
  return GRID_KEYS.has(key);
}

export interface MoveContext {
  /** ISO weekday the weeks start on. */
  firstDay: number;
  /** In a right-to-left layout the grid is mirrored, so ArrowLeft goes forward in time. */
  rtl?: boolean;
  /** The latest month that may be shown (the shop's current month). */
  latestMonth: CalendarMonth;
  /** Shift held with PageUp/PageDown: a year instead of a month. */
  shift?: boolean;
}

/**
 * Where the focus goes from `day` for `key`, following the grid pattern of a date picker:
 * - arrows: the day before or after, a week before or after, into the adjacent month if need be;
 * - Home/End: the first/last day of the week, staying in the day's month;
 * - PageUp/PageDown: the same date of the previous/next month (Shift: year), or its last day.
 * A move that would leave the latest month stays where it is.
 */
export function moveFocus(day: CalendarDay, key: GridKey, context: MoveContext): CalendarDay {
  const target = rawTarget(day, key, context);
  return monthOfDay(target) > context.latestMonth ? day : target;
}

function rawTarget(day: CalendarDay, key: GridKey, { firstDay, rtl = false, shift = false }: MoveContext): CalendarDay {
  const forward = rtl ? -1 : 1;
  const month = monthOfDay(day);
  switch (key) {
    case 'ArrowRight':
      return addDays(day, forward);
    case 'ArrowLeft':
      return addDays(day, -forward);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'Home':
      return clampToMonth(addDays(day, -columnOf(day, firstDay)), month);
    case 'End':
      return clampToMonth(addDays(day, 6 - columnOf(day, firstDay)), month);
    case 'PageUp':
      return sameDateIn(day, addMonths(month, shift ? -12 : -1));
    case 'PageDown':
      return sameDateIn(day, addMonths(month, shift ? 12 : 1));
  }
}

function clampToMonth(day: CalendarDay, month: CalendarMonth): CalendarDay {
  const dayMonth = monthOfDay(day);
  if (dayMonth < month) return `${month}-01`;
  if (dayMonth > month) return dayOfMonth(month, 31);
  return day;
}

function normalizeWeekday(weekday: number): number {
  return Number.isInteger(weekday) && weekday >= 1 && weekday <= 7 ? weekday : 1;
}
