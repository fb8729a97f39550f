/**
 * P6: a member's standing as the API shows it, the same at `GET /v1/me` (the member) and at
 * `GET /v1/members/{id}` (the shop). Levels come from the rules engine, never from stored columns,
 * so a change of thresholds shows at once.
 */
import type { MeResponse } from '../../api/index.ts';
import { memberSummary, type RulesConfig } from '../../rules/index.ts';
import type { Queryable } from '../db/index.ts';
import { findMember } from './members.ts';

/** The account of `memberId` under `rules`, or null when the member has never been named. */
export async function memberView(q: Queryable, memberId: string, rules: RulesConfig): Promise<MeResponse | null> {
  const member = await findMember(q, memberId);
  if (!member) return null;
  const summary = memberSummary(member.points, rules);
  return {
    memberId: member.id,
    displayName: member.display_name,
    points: summary.points,
    level: summary.level,
    nextLevel: summary.nextLevel,
    coins: { available: member.coins_available, pending: member.coins_pending },
    isSeller: member.is_seller,
  };
}
