/** Members as the ledger sees them: created on first sight, balances read under a row lock. */
import type { Queryable } from '../db/index.ts';
import { RULES_STAMP_SQL } from './rules-store.ts';

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

/** A locked member, with the rules in force read in the same statement (see rulesByStamp). */
export interface LockedMemberRow extends MemberRow {
  rules_stamp: string | null;
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
export async function lockMember(tx: Queryable, memberId: string): Promise<LockedMemberRow> {
  const lock = () => tx.query<LockedMemberRow>(`SELECT members.*, ${RULES_STAMP_SQL} AS rules_stamp FROM members WHERE id = $1 FOR UPDATE`, [memberId]);
  const found = (await lock()).rows[0];
  if (found) return found;
  // First sight of this member: only then is the row written.
  await tx.query('INSERT INTO members (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [memberId]);
  const created = (await lock()).rows[0];
  if (!created) throw new Error(`member ${memberId} vanished inside its own transaction`);
  return created;
}
