/**
 * C20 exactly once: an event's id is stored in `events` in the same transaction as everything
 * the event credits. The id is claimed first, so a second delivery (later, or racing on another
 * connection) stops at the primary key: its transaction rolls back and the answer is the first
 * delivery's result, marked as a duplicate.
 */
import type { SendEventResponse, ShopEvent } from '../../../api/index.ts';
import { judgeDelivery } from '../../../rules/index.ts';
import { isUniqueViolation, type Db, type Queryable } from '../../db/index.ts';
import type { Clock } from '../../clock.ts';
import { lockMember } from '../members.ts';
import { rulesByStamp } from '../rules-store.ts';
import { EventCredits, type EventContext, type EventHandler } from './context.ts';
import { eventHandlers } from './handlers.ts';
import { lockOrder } from './order-records.ts';
import { recordAccountChanged, writeQueuedWebhookEvents } from '../webhooks/outbox.ts';

export interface IngestOptions {
  clock: Clock;
}

/**
 * Applies a validated event once and answers what it credited. Lock waits across members (an
 * inviter, a seller) can, rarely, deadlock: the Db runs the loser's transaction again.
 */
export async function ingestEvent(db: Db, event: ShopEvent, { clock }: IngestOptions): Promise<SendEventResponse> {
  try {
    return await db.transaction((tx) => applyEvent(tx, event, clock.now()));
  } catch (error) {
    if (isUniqueViolation(error, 'events_pkey')) return answerDuplicate(db, event);
    throw error;
  }
}

async function applyEvent(tx: Queryable, event: ShopEvent, now: Date): Promise<SendEventResponse> {
  await tx.query(`INSERT INTO events (id, type, member_id, occurred_at, received_at, result) VALUES ($1, $2, $3, $4, $5, $6)`, [
    event.id,
    event.type,
    event.memberId,
    event.occurredAt,
    now,
    JSON.stringify({ duplicate: false, credited: [] }),
  ]);
  const handler = eventHandlers[event.type] as EventHandler<ShopEvent['type']>;
  const orderId = handler.orderId?.(event.data);
  if (orderId !== undefined) await lockOrder(tx, orderId);
  const member = await lockMember(tx, event.memberId);
  const rules = await rulesByStamp(tx, member.rules_stamp);
  const credits = new EventCredits(tx, event.id, rules.version, now);
  const context: EventContext = { tx, event, data: event.data, member, rules, now, credits };
  await handler.handle(context);
  for (const [memberId, pointsDelta] of credits.pointsMoved) recordAccountChanged(tx, memberId, { pointsDelta, rules, now });
  await writeQueuedWebhookEvents(tx);
  const result: SendEventResponse = { duplicate: false, credited: credits.credited };
  await tx.query('UPDATE events SET result = $2 WHERE id = $1', [event.id, JSON.stringify(result)]);
  return result;
}

/**
 * The first delivery's answer again. An id reused for another type or member is still a
 * duplicate, but the first event's credits are not this one's to report.
 */
async function answerDuplicate(q: Queryable, event: ShopEvent): Promise<SendEventResponse> {
  const { rows } = await q.query<{ id: string; type: string; member_id: string; result: SendEventResponse }>(
    'SELECT id, type, member_id, result FROM events WHERE id = $1',
    [event.id],
  );
  const stored = rows[0];
  if (!stored) throw new Error(`event ${event.id} was refused as a duplicate but is not stored`);
  const verdict = judgeDelivery(event, { id: stored.id, type: stored.type, memberId: stored.member_id });
  const credited = verdict.duplicate && verdict.sameEvent ? stored.result.credited : [];
  return { duplicate: true, credited };
}
