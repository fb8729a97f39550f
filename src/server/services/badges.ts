/**
 * Level badges anyone may see (P3): a member's level, its name and their display name. Nothing
 * else of the account is public. Unknown ids are simply absent.
 */
import type { Badge } from '../../api/index.ts';
import { levelForPoints, type RulesConfig } from '../../rules/index.ts';
import type { Queryable } from '../db/index.ts';

export async function badgesFor(q: Queryable, memberIds: readonly string[], rules: RulesConfig): Promise<Record<string, Badge>> {
  if (memberIds.length === 0) return Object.create(null) as Record<string, Badge>;
  const { rows } = await q.query<{ id: string; display_name: string | null; points: number }>(
    'SELECT id, display_name, points FROM members WHERE id = ANY($1::text[])',
    [memberIds],
  );
  // Without a prototype, an id such as "__proto__" is a key like any other.
  const badges = Object.create(null) as Record<string, Badge>;
  for (const row of rows) {
    const level = levelForPoints(row.points, rules);
    const badge: Badge = { level, name: rules.levels[level]?.name ?? `LV${level}` };
    if (row.display_name !== null && row.display_name !== '') badge.displayName = row.display_name;
    badges[row.id] = badge;
  }
  return badges;
}

/** One member's badge, or undefined for an id nobody has used. */
export async function badgeOf(q: Queryable, memberId: string, rules: RulesConfig): Promise<Badge | undefined> {
  return (await badgesFor(q, [memberId], rules))[memberId];
}
