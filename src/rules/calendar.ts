/**
 * Calendar days in the shop's time zone. A day is `YYYY-MM-DD`, a month `YYYY-MM`, an ISO
 * week `YYYY-Www`. Day arithmetic runs on whole days since the epoch, never on local clocks.
 */
export type CalendarDay = string;
export type CalendarMonth = string;
export type IsoWeekKey = string;
/** An instant: a Date, epoch milliseconds, or an ISO 8601 string with an offset. */
export type Instant = Date | number | string;

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

export { isValidTimeZone } from './time-zone.ts';

export function toEpochMs(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return ms;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'gregory', numberingSystem: 'latn' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day that `instant` falls on in `timeZone`. */
export function calendarDay(instant: Instant, timeZone: string): CalendarDay {
  const parts = dayFormatter(timeZone).formatToParts(toEpochMs(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/**
 * The instants at which `day` begins (inclusive) and ends (exclusive) in `timeZone`: the
 * range to count a day's earnings in. A day is 23 or 25 hours long on daylight-saving changes.
 */
export function dayBounds(day: CalendarDay, timeZone: string): { start: Date; end: Date } {
  return { start: new Date(firstInstantOfDay(day, timeZone)), end: new Date(firstInstantOfDay(addDays(day, 1), timeZone)) };
}

function firstInstantOfDay(day: CalendarDay, timeZone: string): number {
  // Every zone's offset lies within ±18 h, so the day starts inside this range; the calendar
  // day only moves forward with time, so a binary search finds its first millisecond.
  const utcMidnight = epochDay(day) * DAY_MS;
  let low = utcMidnight - 18 * 3_600_000;
  let high = utcMidnight + 18 * 3_600_000;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (calendarDay(middle, timeZone) < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function isCalendarDay(value: string): boolean {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(formatMonth(y, m));
}

export function isCalendarMonth(value: string): boolean {
  const match = MONTH_PATTERN.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

function parseDay(day: CalendarDay): [number, number, number] {
  if (!isCalendarDay(day)) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function parseMonth(month: CalendarMonth): [number, number] {
  if (!isCalendarMonth(month)) throw new RangeError(`not a calendar month (YYYY-MM): ${month}`);
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [y, m];
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');
const formatMonth = (year: number, month: number): CalendarMonth => `${pad(year, 4)}-${pad(month, 2)}`;

/** Whole days since 1970-01-01. */
function epochDay(day: CalendarDay): number {
  const [y, m, d] = parseDay(day);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function fromEpochDay(days: number): CalendarDay {
  const date = new Date(days * DAY_MS);
  return `${formatMonth(date.getUTCFullYear(), date.getUTCMonth() + 1)}-${pad(date.getUTCDate(), 2)}`;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromEpochDay(epochDay(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return epochDay(to) - epochDay(from);
}

export function monthOfDay(day: CalendarDay): CalendarMonth {
  parseDay(day);
  return day.slice(0, 7);
}

export function daysInMonth(month: CalendarMonth): number {
  const [y, m] = parseMonth(month);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function firstDayOfMonth(month: CalendarMonth): CalendarDay {
  parseMonth(month);
  return `${month}-01`;
}

export function daysOfMonth(month: CalendarMonth): CalendarDay[] {
  const count = daysInMonth(month);
  return Array.from({ length: count }, (_, index) => `${month}-${pad(index + 1, 2)}`);
}

export function addMonths(month: CalendarMonth, months: number): CalendarMonth {
  const [y, m] = parseMonth(month);
  const index = y * 12 + (m - 1) + months;
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(day: CalendarDay): number {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay(day) + 3) % 7) + 7) % 7) + 1;
}

/** The ISO 8601 week of a day: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekKey(day: CalendarDay): IsoWeekKey {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${pad(year, 4)}-01-01`, thursday) / 7) + 1;
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

/** Monday to Friday, except the listed holidays. */
export function isWorkingDay(day: CalendarDay, holidays: readonly CalendarDay[] = []): boolean {
  return isoWeekday(day) <= 5 && !holidays.includes(day);
}

/** The first `count` working days of a month (fewer only if the month has fewer). */
export function firstWorkingDays(month: CalendarMonth, count: number, holidays: readonly CalendarDay[] = []): CalendarDay[] {
  return daysOfMonth(month)
    .filter((day) => isWorkingDay(day, holidays))
    .slice(0, Math.max(0, count));
}
