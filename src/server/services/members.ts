/** Members as the ledger sees them: created on first sight, balances read under a row lock. */
import type { Queryable } from '../db/index.ts';

export interface MemberRow {
  id: string;
  display_name: string | null;
  invited_by: string | null;
  is_seller: boolean;
  points: number;
  highest_level: number;
  coins_available: number;
  coins_pending: number;
  store_credit_cents: number;
}

/**
 * The shop is the authority on who its members are: any member it names (in an event, or in a
 * member token it signed) exists here from then on, with empty balances.
 */
export async function ensureMember(tx: Queryable, memberId: string, displayName?: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO members (id, display_name) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET display_name = COALESCE(EXCLUDED.display_name, members.display_name)`,
    [memberId, displayName ?? null],
  );
}

export async function findMember(q: Queryable, memberId: string): Promise<MemberRow | undefined> {
  const found = await q.query<MemberRow>('SELECT * FROM members WHERE id = $1', [memberId]);
  return found.rows[0];
}

/**
 * Locks the member's row for the rest of the transaction, so that decisions that read a balance or
 * a daily count (caps, refund shortfalls) and then write cannot interleave with another request.
 */
export async function lockMember(tx: Queryable, memberId: string): Promise<MemberRow> {
  await ensureMember(tx, memberId);
  const locked = await tx.query<MemberRow>('SELECT * FROM members WHERE id = $1 FOR UPDATE', [memberId]);
  const row = locked.rows[0];
  if (!row) throw new Error(`member ${memberId} vanished inside its own transaction`);
  return row;
}
