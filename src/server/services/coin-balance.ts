/** The coin balance a member sees after an action, read inside the action's own transaction. */
import type { CoinBalance } from '../../api/index.ts';
import type { Queryable } from '../db/index.ts';

/** Available and pending coins; an unknown member has none. */
export async function coinBalance(q: Queryable, memberId: string): Promise<CoinBalance> {
  const { rows } = await q.query<{ coins_available: number; coins_pending: number }>('SELECT coins_available, coins_pending FROM members WHERE id = $1', [
    memberId,
  ]);
  const row = rows[0];
  return { available: row?.coins_available ?? 0, pending: row?.coins_pending ?? 0 };
}
