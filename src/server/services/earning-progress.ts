/**
 * The ways to earn coins as members see them: the list of earning rules (`GET /v1/earning-rules`)
 * and today's progress on the rules with a daily cap (C8 likes, C9 comments, `GET /v1/me/earning`).
 * A day is a calendar day in the rules' time zone; entries count on the day the server made them,
 * as the caps themselves do.
 */
import type { EarningResponse, EarningRule, EarningScope } from '../../api/index.ts';
import {
  calendarDay,
  dailyCapProgress,
  dayBounds,
  earningRulesList,
  isProjectEventRunning,
  type CappedRuleId,
  type RuleId,
  type RulesConfig,
} from '../../rules/index.ts';
import type { Queryable } from '../db/index.ts';
import { currentRules } from './rules-store.ts';

const CAPPED_RULES: readonly CappedRuleId[] = ['C8', 'C9'];

export async function earningProgress(q: Queryable, memberId: string, now: Date): Promise<EarningResponse> {
  const rules = await currentRules(q);
  const day = calendarDay(now, rules.timeZone);
  const { start, end } = dayBounds(day, rules.timeZone);
  const { rows } = await q.query<{ rule_id: CappedRuleId; coins: number }>(
    `SELECT rule_id, COALESCE(SUM(amount), 0)::bigint AS coins FROM ledger
     WHERE member_id = $1 AND currency = 'coins' AND rule_id = ANY($2::text[])
       AND created_at >= $3 AND created_at < $4
     GROUP BY rule_id`,
    [memberId, CAPPED_RULES, start, end],
  );
  const earned: Partial<Record<CappedRuleId, number>> = {};
  for (const row of rows) earned[row.rule_id] = Math.max(0, Number(row.coins));
  return { day, rules: dailyCapProgress(earned, rules), earnedOnce: await earnedOnce(q, memberId) };
}

/** The one-time rules (scope `once`) the member has already been paid for, in rule order. */
async function earnedOnce(q: Queryable, memberId: string): Promise<RuleId[]> {
  const once = ONCE_RULES;
  const { rows } = await q.query<{ rule_id: RuleId }>(
    `SELECT DISTINCT rule_id FROM ledger
     WHERE member_id = $1 AND currency = 'coins' AND rule_id = ANY($2::text[]) AND status <> 'void'`,
    [memberId, once],
  );
  const found = new Set(rows.map((row) => row.rule_id));
  return once.filter((ruleId) => found.has(ruleId));
}

/** How often each rule pays, in the API's words. */
const SCOPES: Readonly<Partial<Record<RuleId, EarningScope>>> = {
  C1: 'per_dollar',
  C2: 'once',
  C3: 'once',
  C4: 'per_item',
  C5: 'per_item',
  C6: 'per_day',
  C7: 'per_month',
  C8: 'per_action',
  C9: 'per_action',
  C10: 'per_item',
  C11: 'per_action',
  C12: 'per_item',
  C13: 'per_item',
  C14: 'per_item',
  C15: 'per_week',
  C16: 'per_item',
  C17: 'per_item',
  C18: 'per_item',
};

const ONCE_RULES: readonly RuleId[] = (Object.keys(SCOPES) as RuleId[]).filter((ruleId) => SCOPES[ruleId] === 'once');

/** The least and the most one award of a rule pays, where that depends on a tier or on staff. */
function awardRange(ruleId: RuleId, rules: RulesConfig, now: Date): { min: number; max: number } | undefined {
  const e = rules.earning;
  const range = (amounts: number[]) => (amounts.length === 0 ? { min: 0, max: 0 } : { min: Math.min(...amounts), max: Math.max(...amounts) });
  switch (ruleId) {
    case 'C4': {
      const tutorial = isProjectEventRunning(now, rules) ? e.projectShared.tutorialDuringEvent : e.projectShared.tutorial;
      return range([e.projectShared.textImages, e.projectShared.gerberBom, tutorial]);
    }
    case 'C5':
      return range([e.feedbackShared.shortText, e.feedbackShared.longText, e.feedbackShared.withMedia, e.feedbackShared.longWithVideos]);
    case 'C7':
      return range(e.checkIn.bonuses.map((bonus) => bonus.coins));
    case 'C11':
      return { min: e.officialReward.minCoins, max: e.officialReward.maxCoins };
    default:
      return undefined;
  }
}

const DAILY_CAPS: Readonly<Partial<Record<RuleId, (rules: RulesConfig) => number>>> = {
  C8: (rules) => rules.earning.projectLiked.dailyCapCoins,
  C9: (rules) => rules.earning.projectCommented.dailyCapCoins,
};

/** Every way to earn, with its coins under the rules in force at `now` (C4's event window). */
export function earningRulesView(rules: RulesConfig, now: Date): EarningRule[] {
  return earningRulesList(rules, now).map((view) => {
    const range = awardRange(view.id, rules, now) ?? { min: view.coins, max: view.coins };
    return {
      id: view.id,
      title: view.title,
      coins: range.max,
      minCoins: range.min,
      limit: DAILY_CAPS[view.id]?.(rules) ?? null,
      scope: SCOPES[view.id] ?? 'per_action',
    };
  });
}
