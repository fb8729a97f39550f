/**
 * C8/C9 daily caps count the coins a rule already credited on the current calendar day of the
 * rules' time zone. Entries carry the server clock's time, so the count follows the same clock
 * as the decisions.
 */
import { calendarDay, dayBounds, type RuleId } from '../../../rules/index.ts';
import type { Queryable } from '../../db/index.ts';

/** Coins `ruleId` credited to the member on the day `now` falls on in `timeZone`. Lock the member first. */
export async function coinsEarnedToday(q: Queryable, memberId: string, ruleId: RuleId, now: Date, timeZone: string): Promise<number> {
  const { start, end } = dayBounds(calendarDay(now, timeZone), timeZone);
  const { rows } = await q.query<{ coins: number }>(
    `SELECT COALESCE(SUM(amount), 0)::int AS coins FROM ledger
     WHERE member_id = $1 AND currency = 'coins' AND rule_id = $2 AND created_at >= $3 AND created_at < $4`,
    [memberId, ruleId, start, end],
  );
  return rows[0]?.coins ?? 0;
}
