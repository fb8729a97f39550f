/** Reading the database the way assertions need it: balances and ledger entries of one member. */
import type { Queryable } from '../../../../src/server/db/index.ts';

export interface Balances {
  points: number;
  coinsAvailable: number;
  coinsPending: number;
  storeCreditCents: number;
  highestLevel: number;
}

export async function balancesOf(q: Queryable, memberId: string): Promise<Balances> {
  const { rows } = await q.query<{ points: number; coins_available: number; coins_pending: number; store_credit_cents: number; highest_level: number }>(
    'SELECT points, coins_available, coins_pending, store_credit_cents, highest_level FROM members WHERE id = $1',
    [memberId],
  );
  const row = rows[0];
  if (!row) throw new Error(`no member ${memberId}`);
  return {
    points: row.points,
    coinsAvailable: row.coins_available,
    coinsPending: row.coins_pending,
    storeCreditCents: row.store_credit_cents,
    highestLevel: row.highest_level,
  };
}

export interface EntryRow {
  id: number;
  currency: string;
  amount: number;
  rule_id: string;
  rules_version: number;
  status: string;
  ref: string | null;
  event_id: string | null;
  shortfall: number;
  reverses: number | null;
}

/** The member's entries, oldest first, optionally of one rule. */
export async function entriesOf(q: Queryable, memberId: string, ruleId?: string): Promise<EntryRow[]> {
  const { rows } = await q.query<EntryRow>(
    `SELECT id, currency, amount, rule_id, rules_version, status, ref, event_id, shortfall, reverses FROM ledger
     WHERE member_id = $1 AND ($2::text IS NULL OR rule_id = $2) ORDER BY id`,
    [memberId, ruleId ?? null],
  );
  return rows;
}

/** Rows in a table, to show that a refused request wrote nothing. */
export async function countRows(
  q: Queryable,
  table: 'events' | 'ledger' | 'members' | 'orders' | 'cart_items' | 'seller_sales' | 'seller_payouts' | 'projects',
): Promise<number> {
  const { rows } = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}
