/**
 * Order events. Completion earns P1 points and C1 coins, may reach new levels (P3, P5 gifts),
 * settles coins that waited on it (C19), rewards the inviter on a first order (C10), fixes the
 * cart items it carries (S1) and records partner sales (M1, M3). Cancellation voids what waited
 * on the order. A refund reverses points and order coins (P7) and splits partner lines (M5).
 */
import { inviteCoins, isRefusal, orderCompletedCoins, orderPoints, refundReversal, settlePendingCoins } from '../../../rules/index.ts';
import type { Queryable } from '../../db/index.ts';
import { settlePendingForOrder } from '../ledger.ts';
import { markCarriedByOrder } from './carried-items.ts';
import { refusalProblem, type EventHandler } from './context.ts';
import { findOrder } from './order-records.ts';
import { recordPartnerSales, recordRefundSplit } from './partner-sales.ts';
import { giveUpgradeGifts } from './upgrade-gifts.ts';

async function hasCompletedOrder(tx: Queryable, memberId: string): Promise<boolean> {
  const { rowCount } = await tx.query(`SELECT 1 FROM orders WHERE member_id = $1 AND status = 'completed' LIMIT 1`, [memberId]);
  return rowCount > 0;
}

/**
 * An order completes once: a second completion (under another event id) or the completion of an
 * order already cancelled changes nothing.
 */
export const orderCompleted: EventHandler<'order.completed'> = {
  orderId: (data) => data.orderId,
  async handle(context) {
    const { tx, event, data, member, rules, now, credits } = context;
    if (await findOrder(tx, data.orderId)) return;
    const isFirstCompletedOrder = !(await hasCompletedOrder(tx, member.id));

    const points = orderPoints(data.orderId, data, rules);
    await credits.apply(member.id, { ok: true, credits: points.credits });
    const coins = orderCompletedCoins(data.orderId, points.eligibleCents, rules);
    const coinEntries = await credits.apply(member.id, coins);
    await tx.query(
      `INSERT INTO orders (id, member_id, status, eligible_cents, points, coins, completed_at)
       VALUES ($1, $2, 'completed', $3, $4, $5, $6)`,
      [data.orderId, member.id, points.eligibleCents, points.points, coinEntries.reduce((sum, row) => sum + row.amount, 0), now],
    );

    await markCarriedByOrder(tx, member.id, data.orderId, data.redemptionItemIds ?? []);
    credits.noteSettled(await settlePendingForOrder(tx, data.orderId, settlePendingCoins('completed')));
    await giveUpgradeGifts(tx, member.id, rules, now);

    const invite = inviteCoins({ inviteeId: event.memberId, inviterId: member.invited_by, orderId: data.orderId, isFirstCompletedOrder }, rules);
    if (isRefusal(invite)) throw refusalProblem(invite);
    if (invite.inviterId !== null) await credits.apply(invite.inviterId, invite);

    await recordPartnerSales(context);
  },
};

/** Remembers the cancellation (later uploads for the order earn nothing) and voids what waited on it. */
export const orderCancelled: EventHandler<'order.cancelled'> = {
  orderId: (data) => data.orderId,
  async handle({ tx, data, member, now, credits }) {
    // A completed order is undone by a refund, not a cancellation.
    if (await findOrder(tx, data.orderId)) return;
    await tx.query(`INSERT INTO orders (id, member_id, status, cancelled_at) VALUES ($1, $2, 'cancelled', $3)`, [data.orderId, member.id, now]);
    credits.noteSettled(await settlePendingForOrder(tx, data.orderId, settlePendingCoins('cancelled')));
  },
};

/** The P1 and C1 entries an order earned, so reversals can point at them. */
async function earnedEntries(tx: Queryable, memberId: string, orderId: string): Promise<{ points: number | null; coins: number | null }> {
  const { rows } = await tx.query<{ id: number; rule_id: string }>(
    `SELECT id, rule_id FROM ledger WHERE member_id = $1 AND once_key = $2 AND rule_id IN ('P1', 'C1') AND reverses IS NULL`,
    [memberId, orderId],
  );
  const idOf = (ruleId: string) => rows.find((row) => row.rule_id === ruleId)?.id ?? null;
  return { points: idOf('P1'), coins: idOf('C1') };
}

/** Refunds of orders never completed (or of another member's order) reverse nothing. Gifts stay given. */
export const orderRefunded: EventHandler<'order.refunded'> = {
  orderId: (data) => data.orderId,
  async handle(context) {
    const { tx, data, member, rules, credits } = context;
    const order = await findOrder(tx, data.orderId);
    if (!order || order.status !== 'completed' || order.member_id !== member.id) return;
    const reversal = refundReversal(
      {
        orderId: order.id,
        eligibleCents: order.eligible_cents,
        pointsEarned: order.points,
        coinsEarned: order.coins,
        refundedCentsBefore: order.refunded_cents,
      },
      data.refundedCents,
      member.coins_available,
      rules,
    );
    if (isRefusal(reversal)) throw refusalProblem(reversal);
    const earned = await earnedEntries(tx, member.id, order.id);
    for (const entry of reversal.credits) {
      await credits.append(member.id, entry, { reverses: entry.currency === 'points' ? earned.points : earned.coins });
    }
    await tx.query('UPDATE orders SET refunded_cents = refunded_cents + $2 WHERE id = $1', [order.id, data.refundedCents]);
    await recordRefundSplit(context, data.refundedCents, data.reason);
  },
};
