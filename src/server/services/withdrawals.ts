/**
 * M4: a partner seller withdraws store credit, any amount up to what they have, at any time. The
 * seller's row is locked first, so racing withdrawals are decided one after the other; the
 * ledger's conditional balance move refuses an overdraft even so.
 *
 * M6: a withdrawal is `requested` until the shop reports the transfer `paid` or `failed`; a failed
 * one gives its amount back to the store credit, through the ledger.
 */
import type { SettleWithdrawalResponse, SellerWithdrawalsResponse, Withdrawal, WithdrawResponse } from '../../api/index.ts';
import { failedWithdrawalCredit, isRefusal, withdrawalDecision } from '../../rules/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import { ProblemError } from '../errors.ts';
import { appendEntry } from './ledger.ts';
import { lockMember } from './members.ts';
import { currentRules } from './rules-store.ts';
import { recordWebhookEvent, writeQueuedWebhookEvents } from './webhooks/outbox.ts';

interface WithdrawalRow {
  id: number;
  amount_cents: number;
  status: Withdrawal['status'];
  created_at: Date;
  settled_at: Date | null;
}

function toWithdrawal(row: WithdrawalRow): Withdrawal {
  return {
    id: String(row.id),
    amountCents: row.amount_cents,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    ...(row.settled_at ? { settledAt: row.settled_at.toISOString() } : {}),
  };
}

export async function withdraw(db: Db, sellerId: string, amountCents: number, now: Date): Promise<WithdrawResponse> {
  return db.transaction(async (tx) => {
    const seller = await lockMember(tx, sellerId);
    const decision = withdrawalDecision(amountCents, seller.store_credit_cents);
    if (isRefusal(decision)) throw new ProblemError(decision.code, decision.detail);
    const { rows } = await tx.query<WithdrawalRow>(
      'INSERT INTO withdrawals (seller_id, amount_cents, created_at) VALUES ($1, $2, $3) RETURNING id, amount_cents, status, created_at, settled_at',
      [sellerId, amountCents, now],
    );
    const recorded = rows[0]!;
    const rules = await currentRules(tx);
    // The entry names its withdrawal, so the ledger and the withdrawals agree line by line.
    for (const entry of decision.credits) {
      await appendEntry(tx, { ...entry, ref: `withdrawal:${recorded.id}`, memberId: sellerId, createdAt: now }, rules.version);
    }
    recordWebhookEvent(tx, 'seller.withdrawal_requested', { sellerId, withdrawalId: String(recorded.id), amountCents }, now);
    await writeQueuedWebhookEvents(tx);
    return { withdrawal: toWithdrawal(recorded), storeCreditCents: decision.storeCreditAfter };
  });
}

/** `GET /v1/seller/withdrawals`: the latest ones, newest first. */
export async function listWithdrawals(q: Queryable, sellerId: string, limit = 20): Promise<SellerWithdrawalsResponse> {
  const { rows } = await q.query<WithdrawalRow>(
    'SELECT id, amount_cents, status, created_at, settled_at FROM withdrawals WHERE seller_id = $1 ORDER BY id DESC LIMIT $2',
    [sellerId, limit],
  );
  return { withdrawals: rows.map(toWithdrawal) };
}

/**
 * The shop reports the transfer. Reporting the status it already has answers the same again;
 * changing a settled withdrawal is `already_settled`. A withdrawal id that is not a number, or not
 * this seller's, is not found.
 */
export async function settleWithdrawal(
  db: Db,
  request: { sellerId: string; withdrawalId: string; status: 'paid' | 'failed' },
  now: Date,
): Promise<SettleWithdrawalResponse> {
  const { sellerId, withdrawalId, status } = request;
  const notFound = new ProblemError('not_found', `Seller ${sellerId} has no withdrawal ${withdrawalId}.`);
  if (!/^[1-9][0-9]{0,17}$/.test(withdrawalId)) throw notFound;
  return db.transaction(async (tx) => {
    const seller = await lockMember(tx, sellerId);
    const { rows } = await tx.query<WithdrawalRow>(
      'SELECT id, amount_cents, status, created_at, settled_at FROM withdrawals WHERE id = $1 AND seller_id = $2 FOR UPDATE',
      [withdrawalId, sellerId],
    );
    const row = rows[0];
    if (!row) throw notFound;
    if (row.status === status) return { withdrawal: toWithdrawal(row), storeCreditCents: seller.store_credit_cents };
    if (row.status !== 'requested') throw new ProblemError('already_settled', `Withdrawal ${withdrawalId} is already ${row.status}.`);
    const settled = await tx.query<WithdrawalRow>(
      'UPDATE withdrawals SET status = $2, settled_at = $3 WHERE id = $1 RETURNING id, amount_cents, status, created_at, settled_at',
      [row.id, status, now],
    );
    let storeCreditCents = seller.store_credit_cents;
    if (status === 'failed') {
      const rules = await currentRules(tx);
      const giveBack = failedWithdrawalCredit(String(row.id), row.amount_cents);
      await appendEntry(tx, { ...giveBack, memberId: sellerId, createdAt: now }, rules.version);
      storeCreditCents += row.amount_cents;
    }
    return { withdrawal: toWithdrawal(settled.rows[0]!), storeCreditCents };
  });
}
