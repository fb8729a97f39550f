/**
 * The outbox: an event for the shop is written in the transaction of the change it reports, with
 * one pending delivery for every enabled endpoint that subscribes to its type. A change that rolls
 * back leaves no event; a committed one stays until the delivery job has posted it.
 */
import { randomBytes } from 'node:crypto';
import type { WebhookEventData, WebhookEventType } from '../../../api/index.ts';
import { levelOfPoints, quoteTermsOf, type RulesConfig } from '../../../rules/index.ts';
import type { Queryable } from '../../db/index.ts';

/** Whose events must reach an endpoint in order: the member's, or the seller's. */
function orderingKey(data: { memberId: string } | { sellerId: string }): string {
  return 'memberId' in data ? data.memberId : data.sellerId;
}

/** Records one event and its deliveries, inside the caller's transaction. */
export async function recordWebhookEvent<T extends WebhookEventType>(tx: Queryable, type: T, data: WebhookEventData<T>, now: Date): Promise<void> {
  await tx.query(
    `WITH event AS (
       INSERT INTO webhook_events (id, type, member_id, data, created_at) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, member_id, created_at
     )
     INSERT INTO webhook_deliveries (endpoint_id, event_id, member_id, status, next_attempt_at, created_at)
     SELECT w.id, event.id, event.member_id, 'pending', event.created_at, event.created_at
     FROM event JOIN webhook_endpoints w ON w.enabled AND (w.events ? $2 OR w.events ? '*')
     ORDER BY w.id`,
    [`evt_${randomBytes(16).toString('base64url')}`, type, orderingKey(data), JSON.stringify(data), now],
  );
}

interface Balances {
  points: number;
  coins_available: number;
  coins_pending: number;
}

/**
 * `member.balance_changed` with the member's balances as the transaction leaves them, and
 * `member.level_changed` when the points moved across a level threshold (up, or down after a
 * refund). `pointsDelta` is how far the points moved in this transaction.
 */
export async function recordAccountChanged(
  tx: Queryable,
  memberId: string,
  { pointsDelta = 0, rules, now }: { pointsDelta?: number; rules?: RulesConfig; now: Date },
): Promise<void> {
  const { rows } = await tx.query<Balances>('SELECT points, coins_available, coins_pending FROM members WHERE id = $1', [memberId]);
  const member = rows[0];
  if (!member) return;
  if (pointsDelta !== 0 && rules) {
    const { levels } = quoteTermsOf(rules);
    const from = levelOfPoints(member.points - pointsDelta, levels);
    const to = levelOfPoints(member.points, levels);
    if (from.index !== to.index) {
      await recordWebhookEvent(
        tx,
        'member.level_changed',
        { memberId, from: { index: from.index, name: from.name }, to: { index: to.index, name: to.name }, points: member.points },
        now,
      );
    }
  }
  await recordWebhookEvent(
    tx,
    'member.balance_changed',
    { memberId, points: member.points, coins: { available: member.coins_available, pending: member.coins_pending } },
    now,
  );
}
