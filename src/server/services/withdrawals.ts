/**
 * M4: a partner seller withdraws store credit, any amount up to what they have, at any time. The
 * seller's row is locked first, so racing withdrawals are decided one after the other; the
 * ledger's conditional balance move refuses an overdraft even so.
 */
import type { WithdrawResponse } from '../../api/index.ts';
import { isRefusal, withdrawalDecision } from '../../rules/index.ts';
import type { Db } from '../db/index.ts';
import { ProblemError } from '../errors.ts';
import { appendEntry } from './ledger.ts';
import { lockMember } from './members.ts';
import { currentRules } from './rules-store.ts';
import { recordWebhookEvent } from './webhooks/outbox.ts';

export async function withdraw(db: Db, sellerId: string, amountCents: number, now: Date): Promise<WithdrawResponse> {
  return db.transaction(async (tx) => {
    const seller = await lockMember(tx, sellerId);
    const decision = withdrawalDecision(amountCents, seller.store_credit_cents);
    if (isRefusal(decision)) throw new ProblemError(decision.code, decision.detail);
    const { rows } = await tx.query<{ id: number; created_at: Date }>(
      'INSERT INTO withdrawals (seller_id, amount_cents, created_at) VALUES ($1, $2, $3) RETURNING id, created_at',
      [sellerId, amountCents, now],
    );
    const recorded = rows[0]!;
    const rules = await currentRules(tx);
    // The entry names its withdrawal, so the ledger and the withdrawals agree line by line.
    for (const entry of decision.credits) {
      await appendEntry(tx, { ...entry, ref: `withdrawal:${recorded.id}`, memberId: sellerId, createdAt: now }, rules.version);
    }
    await recordWebhookEvent(tx, 'seller.withdrawal_requested', { sellerId, withdrawalId: String(recorded.id), amountCents }, now);
    return {
      withdrawal: { id: String(recorded.id), amountCents, createdAt: recorded.created_at.toISOString() },
      storeCreditCents: decision.storeCreditAfter,
    };
  });
}
