/**
 * C6 daily check-in and C7 monthly bonuses. Days are calendar days of the shop's zone; a
 * month's check-ins need not be consecutive. In a month shorter than a bonus's count, that
 * bonus is reached by checking in on every day of the month.
 */
import type { RulesConfig } from './config.ts';
import { calendarDay, daysInMonth, isCalendarDay, monthOfDay, type CalendarDay, type CalendarMonth, type Instant } from './calendar.ts';
import { credit, refuse, type Credit, type Refusal } from './decisions.ts';

/** C6: the calendar day a check-in at `at` counts for, in the shop's zone. */
export function checkInDay(at: Instant, config: RulesConfig): CalendarDay {
  return calendarDay(at, config.timeZone);
}

export interface BonusTier {
  /** The check-in count of the month that earns the bonus, after shortening to the month's length. */
  atCount: number;
  /** The count as configured (30 for the last default tier, even in February). */
  configuredAtCount: number;
  coins: number;
}

/** C7: the bonus tiers of a month, each count capped at the number of days in the month. */
export function bonusTiersForMonth(month: CalendarMonth, config: RulesConfig): BonusTier[] {
  const length = daysInMonth(month);
  return config.earning.checkIn.bonuses.map((bonus) => ({ atCount: Math.min(bonus.atCount, length), configuredAtCount: bonus.atCount, coins: bonus.coins }));
}

function distinctDaysOfMonth(days: readonly CalendarDay[], month: CalendarMonth): CalendarDay[] {
  return [...new Set(days.filter((day) => isCalendarDay(day) && monthOfDay(day) === month))].sort();
}

export interface CheckIn {
  ok: true;
  day: CalendarDay;
  /** This check-in's number within its calendar month (1 for the first). */
  countThisMonth: number;
  coinsAwarded: number;
  bonusAwarded: number;
  /** C6 and, when a tier is reached, C7 entries. */
  credits: Credit[];
}

/**
 * C6/C7: a member checks in at `at`. `checkedInDays` are the member's earlier check-in days
 * (at least those of the same month). A second check-in on one day is refused. The bonus of a
 * tier is credited by the check-in whose count reaches it exactly, so each is earned once.
 */
export function checkInDecision(at: Instant, checkedInDays: readonly CalendarDay[], config: RulesConfig): CheckIn | Refusal {
  const day = checkInDay(at, config);
  if (checkedInDays.includes(day)) return refuse('already_checked_in', `already checked in on ${day}`);
  const month = monthOfDay(day);
  const countThisMonth = distinctDaysOfMonth(checkedInDays, month).length + 1;
  const credits: Credit[] = [];
  const coinsAwarded = config.earning.checkIn.coins;
  if (coinsAwarded > 0) credits.push(credit('C6', 'coins', coinsAwarded, { onceKey: day, ref: day }));
  let bonusAwarded = 0;
  for (const tier of bonusTiersForMonth(month, config)) {
    if (tier.atCount !== countThisMonth || tier.coins === 0) continue;
    bonusAwarded += tier.coins;
    credits.push(credit('C7', 'coins', tier.coins, { onceKey: `${month}#${tier.configuredAtCount}`, ref: month }));
  }
  return { ok: true, day, countThisMonth, coinsAwarded, bonusAwarded, credits };
}

export interface CheckInMonth {
  month: CalendarMonth;
  today: CalendarDay;
  checkedInToday: boolean;
  /** The month's check-in days, in order. */
  days: CalendarDay[];
  count: number;
  bonuses: Array<{ atCount: number; coins: number; earned: boolean }>;
  /** Check-ins still needed for the next bonus of the month; null when every bonus is earned. */
  toNextBonus: number | null;
}

/** C7: a month's check-ins and bonus tiers with progress (`GET /v1/me/check-ins`). */
export function checkInMonth(month: CalendarMonth, checkedInDays: readonly CalendarDay[], now: Instant, config: RulesConfig): CheckInMonth {
  const today = checkInDay(now, config);
  const days = distinctDaysOfMonth(checkedInDays, month);
  const count = days.length;
  const bonuses = bonusTiersForMonth(month, config).map((tier) => ({ atCount: tier.atCount, coins: tier.coins, earned: count >= tier.atCount }));
  const next = bonuses.find((bonus) => !bonus.earned);
  return { month, today, checkedInToday: checkedInDays.includes(today), days, count, bonuses, toNextBonus: next ? next.atCount - count : null };
}
