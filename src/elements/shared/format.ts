/**
 * Numbers, amounts, dates, months, weekdays and plurals through `Intl`, with one formatter
 * per locale and options kept for the page's life (building `Intl` formatters is the slow
 * part; a history of 50 rows must not build 50).
 *
 * Calendar days (`YYYY-MM-DD`, in the shop's time zone) and months (`YYYY-MM`) are labels,
 * not instants: they are formatted in UTC so that no reader's time zone shifts them.
 * Timestamps (ISO instants such as `createdAt`) are shown in the reader's time zone.
 */

import { cachedIntl, formatNumber, numberFormat, pluralCategory } from '../../i18n/intl-cache.ts';

export { formatNumber, pluralCategory };

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedIntl('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

/** A ledger amount with its sign: `+10`, `-5`, `0`. */
export function formatSigned(locale: string, value: number): string {
  return numberFormat(locale, { signDisplay: 'exceptZero' }).format(value);
}

/** A whole percentage: `6` → `6%`. */
export function formatPercent(locale: string, percent: number): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(percent / 100);
}

/** Minor units of a currency: `1299, 'USD'` → `$12.99`. */
export function formatMoney(locale: string, cents: number, currency = 'USD'): string {
  const format = numberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(cents / 10 ** digits);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** A calendar day `YYYY-MM-DD` as a UTC date; throws on anything else. */
export function parseDay(day: string): Date {
  const match = DAY.exec(day);
  if (!match) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** A month `YYYY-MM` as the UTC date of its first day; throws on anything else. */
export function parseMonth(month: string): Date {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** A calendar day: `2025-03-07` → `Mar 7, 2025` (medium) or `Friday, March 7, 2025` (full). */
export function formatDay(locale: string, day: string, dateStyle: Intl.DateTimeFormatOptions['dateStyle'] = 'medium'): string {
  return dateFormat(locale, { dateStyle, timeZone: 'UTC' }).format(parseDay(day));
}

/** A month: `2025-03` → `March 2025` (en), `2025年3月` (zh-CN). */
export function formatMonth(locale: string, month: string): string {
  return dateFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(parseMonth(month));
}

/** An instant in the reader's time zone: `Mar 7, 2025, 3:04 PM`. */
export function formatDateTime(
  locale: string,
  instant: string | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  return dateFormat(locale, options).format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The name of an ISO weekday (1 = Monday … 7 = Sunday). */
export function weekdayName(locale: string, isoWeekday: number, width: 'long' | 'short' | 'narrow' = 'short'): string {
  // 2024-01-01 was a Monday.
  const date = new Date(Date.UTC(2024, 0, isoWeekday));
  return dateFormat(locale, { weekday: width, timeZone: 'UTC' }).format(date);
}

/** Regions whose weeks start on Sunday, for engines without `Intl.Locale#getWeekInfo`. */
const SUNDAY_FIRST = new Set(['US', 'CA', 'MX', 'BR', 'JP', 'KR', 'TW', 'HK', 'IL', 'PH', 'IN', 'ZA', 'AU', 'SA']);

type LocaleWithWeekInfo = Intl.Locale & {
  getWeekInfo?: () => { firstDay: number };
  weekInfo?: { firstDay: number };
};

/** The ISO weekday (1 = Monday … 7 = Sunday) a calendar week starts on in a locale. */
export function firstDayOfWeek(locale: string): number {
  return cachedIntl('first-day', locale, {}, () => {
    const intlLocale = new Intl.Locale(locale) as LocaleWithWeekInfo;
    const info = intlLocale.getWeekInfo?.() ?? intlLocale.weekInfo;
    if (info) return info.firstDay;
    const region = intlLocale.maximize().region;
    return region && SUNDAY_FIRST.has(region) ? 7 : 1;
  });
}
