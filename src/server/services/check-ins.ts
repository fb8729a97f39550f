/**
 * C6 daily check-in and C7 monthly bonuses. A day is a calendar day in the rules' time zone.
 * The member row is locked first, so parallel check-ins of one member are judged one after the
 * other; the `check_ins` primary key (member, day) refuses a second row whatever happens.
 */
import type { CheckInResponse, CheckInsResponse, CoinBalance } from '../../api/index.ts';
import { checkInDay, checkInDecision, checkInMonth, monthOfDay, type CalendarDay, type CalendarMonth } from '../../rules/index.ts';
import { isUniqueViolation, type Db, type Queryable } from '../db/index.ts';
import { ProblemError } from '../errors.ts';
import { coinBalance } from './coin-balance.ts';
import { appendEntryWithCoins } from './ledger.ts';
import { lockMember, type LockedMemberRow } from './members.ts';
import { currentRules, rulesByStamp, RULES_STAMP_SQL } from './rules-store.ts';
import { recordAccountChanged, writeQueuedWebhookEvents } from './webhooks/outbox.ts';

function alreadyCheckedIn(day: CalendarDay): ProblemError {
  return new ProblemError('already_checked_in', `Already checked in on ${day}.`);
}

/** The member's check-in days within `month`, plus `alsoDay` when it is one of them. */
async function checkInDays(q: Queryable, memberId: string, month: CalendarMonth, alsoDay?: CalendarDay): Promise<CalendarDay[]> {
  const { rows } = await q.query<{ day: string }>(
    `SELECT day FROM check_ins
     WHERE member_id = $1
       AND ((day >= $2::date AND day < $2::date + interval '1 month') OR day = $3::date)
     ORDER BY day`,
    [memberId, `${month}-01`, alsoDay ?? `${month}-01`],
  );
  return rows.map((row) => row.day);
}

/** The first day (UTC) of the month `ms` falls in. */
function utcMonthStart(ms: number): CalendarDay {
  return `${new Date(ms).toISOString().slice(0, 7)}-01`;
}

const DAY_MS = 86_400_000;

/**
 * Locks the member, reading the rules stamp and the check-in days around `now` in the same
 * statement: every time zone's today lies within a day of UTC's, so the months of yesterday and
 * tomorrow in UTC hold the month the rules' time zone puts today in. A member never seen has
 * no row yet (and no check-ins): lockMember creates it.
 */
async function lockMemberWithDays(tx: Queryable, memberId: string, now: Date): Promise<{ member: LockedMemberRow; days: CalendarDay[] }> {
  const { rows } = await tx.query<LockedMemberRow & { days: CalendarDay[] }>(
    `SELECT members.*, ${RULES_STAMP_SQL} AS rules_stamp,
            (SELECT COALESCE(jsonb_agg(day::text ORDER BY day), '[]') FROM check_ins
             WHERE member_id = $1 AND day >= $2::date AND day < $3::date + interval '1 month') AS days
     FROM members WHERE id = $1 FOR UPDATE`,
    [memberId, utcMonthStart(now.getTime() - DAY_MS), utcMonthStart(now.getTime() + DAY_MS)],
  );
  const found = rows[0];
  if (!found) return { member: await lockMember(tx, memberId), days: [] };
  const { days, ...member } = found;
  return { member, days };
}

/** C6/C7: checks the member in for the day `now` falls on; 409 `already_checked_in` the second time. */
export async function checkIn(db: Db, memberId: string, now: Date): Promise<CheckInResponse> {
  let day: CalendarDay | undefined;
  try {
    return await db.transaction(async (tx) => {
      const { member, days } = await lockMemberWithDays(tx, memberId, now);
      const rules = await rulesByStamp(tx, member.rules_stamp);
      day = checkInDay(now, rules);
      const month = monthOfDay(day);
      const decision = checkInDecision(
        now,
        days.filter((each) => monthOfDay(each) === month),
        rules,
      );
      if (!decision.ok) throw new ProblemError(decision.code, decision.detail);
      // The day, its entries and its events are sent together, without waiting for each other's
      // answers; a day found taken refuses the check-in, and all of it is rolled back.
      const inserting = tx.query('INSERT INTO check_ins (member_id, day, created_at) VALUES ($1, $2, $3) ON CONFLICT (member_id, day) DO NOTHING', [
        memberId,
        decision.day,
        now,
      ]);
      const appending = decision.credits.map((entry) => appendEntryWithCoins(tx, { ...entry, memberId, createdAt: now }, rules.version));
      recordAccountChanged(tx, memberId, { now });
      const writing = writeQueuedWebhookEvents(tx);
      const [inserted, appended] = await Promise.all([inserting, Promise.all(appending), writing]);
      if (inserted.rowCount === 0) throw alreadyCheckedIn(decision.day);
      let coins: CoinBalance | null = null;
      for (const entry of appended) coins = entry?.coins ?? coins;
      return {
        day: decision.day,
        coinsAwarded: decision.coinsAwarded,
        bonusAwarded: decision.bonusAwarded,
        coins: coins ?? (await coinBalance(tx, memberId)),
      };
    });
  } catch (error) {
    // The last line of defence: a row that slipped in from elsewhere between lock and insert.
    if (isUniqueViolation(error, 'check_ins_pkey')) throw alreadyCheckedIn(day ?? 'this day');
    throw error;
  }
}

/** C7: a month's check-in days and bonus tiers (`month` defaults to the current one). */
export async function checkInsView(q: Queryable, memberId: string, now: Date, month?: CalendarMonth): Promise<CheckInsResponse> {
  const rules = await currentRules(q);
  const today = checkInDay(now, rules);
  const shown = month ?? monthOfDay(today);
  const view = checkInMonth(shown, await checkInDays(q, memberId, shown, today), now, rules);
  return {
    month: view.month,
    today: view.today,
    checkedInToday: view.checkedInToday,
    days: view.days,
    bonuses: view.bonuses.map(({ atCount, coins, earned }) => ({ atCount, coins, earned })),
  };
}
