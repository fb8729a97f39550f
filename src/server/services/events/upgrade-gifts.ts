/**
 * P5: a level reached for the first time puts its gift into the member's cart, one per level,
 * however many levels one order crosses. `highest_level` remembers the best level ever reached,
 * so a level regained after a refund (P7) gives nothing; the cart's unique index per level is
 * the last line against a second gift.
 */
import { randomUUID } from 'node:crypto';
import { levelsReachedForFirstTime, type RulesConfig, type UpgradeGift } from '../../../rules/index.ts';
import type { Queryable } from '../../db/index.ts';
import { toCartItem, type CartItemRow } from '../cart.ts';
import { recordWebhookEvent } from '../webhooks/outbox.ts';

export async function giveUpgradeGifts(tx: Queryable, memberId: string, rules: RulesConfig, now: Date): Promise<UpgradeGift[]> {
  const { rows } = await tx.query<{ points: number; highest_level: number }>('SELECT points, highest_level FROM members WHERE id = $1', [memberId]);
  const member = rows[0];
  if (!member) return [];
  const reached = levelsReachedForFirstTime(member.highest_level, member.points, rules);
  if (reached.highestLevelReached > member.highest_level) {
    await tx.query('UPDATE members SET highest_level = GREATEST(highest_level, $2) WHERE id = $1', [memberId, reached.highestLevelReached]);
  }
  const given: UpgradeGift[] = [];
  for (const gift of reached.gifts) {
    const inserted = await tx.query<CartItemRow>(
      `INSERT INTO cart_items (id, member_id, kind, catalog_item_id, level, name, coins, shipping, created_at)
       VALUES ($1, $2, 'upgrade_gift', (SELECT id FROM catalog_items WHERE id = $3), $4, $5, 0, 'with_next_order', $6)
       ON CONFLICT (member_id, level) WHERE kind = 'upgrade_gift' DO NOTHING
       RETURNING *`,
      [`gift-${randomUUID()}`, memberId, gift.catalogItemId ?? null, gift.level, gift.name, now],
    );
    const row = inserted.rows[0];
    if (!row) continue;
    given.push(gift);
    recordWebhookEvent(tx, 'cart.item_added', { memberId, item: toCartItem(row) }, now);
  }
  return given;
}
