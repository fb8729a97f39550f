/** Small row builders shared by the data-layer tests. */
import type { Queryable } from '../../../../src/server/db/index.ts';

let counter = 0;

/** An id no other test in this process uses, so tests can share one database. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

export async function insertMember(q: Queryable, overrides: { coinsAvailable?: number } = {}): Promise<string> {
  const id = uniqueId('member');
  await q.query('INSERT INTO members (id, display_name, coins_available) VALUES ($1, $2, $3)', [id, `Member ${id}`, overrides.coinsAvailable ?? 0]);
  return id;
}

export interface LedgerInsert {
  memberId: string;
  currency?: 'points' | 'coins' | 'store_credit';
  amount?: number;
  ruleId?: string;
  onceKey?: string | null;
  status?: 'pending' | 'available' | 'void';
}

export async function insertLedgerEntry(q: Queryable, entry: LedgerInsert): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO ledger (member_id, currency, amount, rule_id, rules_version, once_key, status)
     VALUES ($1, $2, $3, $4, 1, $5, $6) RETURNING id`,
    [entry.memberId, entry.currency ?? 'coins', entry.amount ?? 10, entry.ruleId ?? 'C6', entry.onceKey ?? null, entry.status ?? 'available'],
  );
  return rows[0]!.id;
}
