/**
 * The append-only ledger. Every movement of points, coins or store credit is one entry, and the
 * member's cached balance moves in the same transaction, under a condition that refuses a
 * balance below zero (S4) even when requests race.
 */
import type { CoinBalance } from '../../api/index.ts';
import type { Credit, Currency } from '../../rules/index.ts';
import type { Queryable } from '../db/index.ts';
import { ProblemError } from '../errors.ts';

export interface LedgerEntryInput extends Credit {
  memberId: string;
  eventId?: string | null;
  /** The entry this one reverses (a refund or a removal), if any. */
  reverses?: number | null;
  /** When the entry is made, from the server's clock (daily caps count by it); the database's now() if absent. */
  createdAt?: Date | null;
}

export interface LedgerRow {
  id: number;
  member_id: string;
  currency: Currency;
  amount: number;
  rule_id: string;
  rules_version: number;
  ref: string | null;
  once_key: string | null;
  status: 'pending' | 'available' | 'void';
  event_id: string | null;
  shortfall: number;
  reverses: number | null;
  created_at: Date;
}

/** The cached balance column an entry moves. Pending coins are kept apart from available ones (C19). */
function balanceColumn(currency: Currency, status: Credit['status']): string {
  if (currency === 'points') return 'points';
  if (currency === 'store_credit') return 'store_credit_cents';
  return status === 'pending' ? 'coins_pending' : 'coins_available';
}

function overdraftProblem(currency: Currency): ProblemError {
  return currency === 'store_credit'
    ? new ProblemError('insufficient_funds', 'The store credit does not cover this amount.')
    : new ProblemError('insufficient_coins', 'The coin balance does not cover this amount.');
}

/** An entry just appended, with the member's coins once it moved them (null when it moved none). */
export interface AppendedEntry {
  row: LedgerRow;
  coins: CoinBalance | null;
}

type AppendedRow = LedgerRow & { moved: number; coins_available: number | null; coins_pending: number | null };

/**
 * Appends one entry and moves the cached balance with it, in one statement. Returns null, writing
 * nothing, when the entry's once-key was used before (the database's unique index decides, so
 * racing deliveries cannot both credit). Throws `insufficient_coins` / `insufficient_funds` when a
 * debit would take the balance below zero; the caller's transaction then rolls back.
 */
export async function appendEntryWithCoins(tx: Queryable, input: LedgerEntryInput, rulesVersion: number): Promise<AppendedEntry | null> {
  const column = balanceColumn(input.currency, input.status);
  const inserted = await tx.query<AppendedRow>(
    `WITH entry AS (
       INSERT INTO ledger (member_id, currency, amount, rule_id, rules_version, ref, once_key, status, event_id, shortfall, reverses, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, COALESCE($12::timestamptz, now()))
       ON CONFLICT (member_id, currency, rule_id, once_key) WHERE once_key IS NOT NULL DO NOTHING
       RETURNING *
     ), moved AS (
       UPDATE members SET ${column} = ${column} + $3
       WHERE id = $1 AND $3 <> 0 AND EXISTS (SELECT 1 FROM entry) AND ${column} + $3 >= 0
       RETURNING coins_available, coins_pending
     )
     SELECT entry.*, (SELECT count(*) FROM moved)::int AS moved, moved.coins_available, moved.coins_pending
     FROM entry LEFT JOIN moved ON true`,
    [
      input.memberId,
      input.currency,
      input.amount,
      input.ruleId,
      rulesVersion,
      input.ref,
      input.onceKey,
      input.status,
      input.eventId ?? null,
      input.shortfall ?? 0,
      input.reverses ?? null,
      input.createdAt ?? null,
    ],
  );
  const found = inserted.rows[0];
  if (!found) return null;
  const { moved, coins_available, coins_pending, ...row } = found;
  if (input.amount !== 0 && moved === 0) throw overdraftProblem(input.currency);
  const coins = moved === 1 && coins_available !== null && coins_pending !== null ? { available: coins_available, pending: coins_pending } : null;
  return { row, coins };
}

/** appendEntry without the balance: the entry appended, or null when its once-key was used before. */
export async function appendEntry(tx: Queryable, input: LedgerEntryInput, rulesVersion: number): Promise<LedgerRow | null> {
  return (await appendEntryWithCoins(tx, input, rulesVersion))?.row ?? null;
}

async function moveBalance(tx: Queryable, memberId: string, column: string, amount: number, currency: Currency): Promise<void> {
  if (amount === 0) return;
  const moved = await tx.query(`UPDATE members SET ${column} = ${column} + $2 WHERE id = $1 AND ${column} + $2 >= 0`, [memberId, amount]);
  if (moved.rowCount === 0) throw overdraftProblem(currency);
}

/**
 * C19: turns the pending coins that wait on an order into available ones (completed) or voids them
 * (cancelled). The only change the ledger allows to an entry is this one-way status move.
 */
export async function settlePendingForOrder(tx: Queryable, orderId: string, outcome: 'available' | 'void'): Promise<LedgerRow[]> {
  const settled = await tx.query<LedgerRow>(
    `UPDATE ledger SET status = $2
     WHERE ref = $1 AND currency = 'coins' AND status = 'pending'
     RETURNING *`,
    [orderId, outcome],
  );
  for (const entry of settled.rows) {
    await moveBalance(tx, entry.member_id, 'coins_pending', -entry.amount, 'coins');
    if (outcome === 'available') await moveBalance(tx, entry.member_id, 'coins_available', entry.amount, 'coins');
  }
  return settled.rows;
}
