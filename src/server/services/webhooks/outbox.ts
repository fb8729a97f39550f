/**
 * The outbox: an event for the shop is written in the transaction of the change it reports, with
 * one pending delivery for every enabled endpoint that subscribes to its type. A change that rolls
 * back leaves no event; a committed one stays until the delivery job has posted it.
 *
 * A service queues its events on the transaction's handle as it goes and writes them once, at the
 * end of its transaction, with `writeQueuedWebhookEvents`: one statement for all of them, however
 * many the change reports. A balance event carries the member's balances as that statement finds
 * them, which is how the transaction leaves them, read by the statement itself.
 */
import { randomText } from '../../random.ts';
import type { WebhookEventData, WebhookEventType } from '../../../api/index.ts';
import { levelOfPoints, quoteTermsOf, type RulesConfig } from '../../../rules/index.ts';
import type { Queryable } from '../../db/index.ts';

interface QueuedEvent {
  type: WebhookEventType;
  /** Whose events must reach an endpoint in order: the member's, or the seller's. */
  orderingKey: string;
  createdAt: Date;
  /** The event's data, or null for `member.balance_changed`, whose data the write reads. */
  data: unknown;
  /** Set on a balance event: a level change is looked for when the points moved. */
  account?: { pointsDelta: number; rules: RulesConfig | undefined };
}

/** Events queued per open transaction (its handle), in the order they happened. */
const queues = new WeakMap<Queryable, QueuedEvent[]>();

function queueOf(tx: Queryable): QueuedEvent[] {
  let queue = queues.get(tx);
  if (!queue) queues.set(tx, (queue = []));
  return queue;
}

function orderingKey(data: { memberId: string } | { sellerId: string }): string {
  return 'memberId' in data ? data.memberId : data.sellerId;
}

/** Queues one event; it is written by `writeQueuedWebhookEvents` before the transaction ends. */
export function recordWebhookEvent<T extends WebhookEventType>(tx: Queryable, type: T, data: WebhookEventData<T>, now: Date): void {
  queueOf(tx).push({ type, orderingKey: orderingKey(data), createdAt: now, data });
}

/**
 * Queues `member.balance_changed` with the member's balances as the transaction leaves them, and
 * `member.level_changed` when the points moved across a level threshold (up, or down after a
 * refund). `pointsDelta` is how far the points moved in this transaction. A member without a row
 * gets no event.
 */
export function recordAccountChanged(
  tx: Queryable,
  memberId: string,
  { pointsDelta = 0, rules, now }: { pointsDelta?: number; rules?: RulesConfig; now: Date },
): void {
  queueOf(tx).push({ type: 'member.balance_changed', orderingKey: memberId, createdAt: now, data: null, account: { pointsDelta, rules } });
}

/** The level events due before each balance event whose points moved (one read, only then). */
function movesPoints(event: QueuedEvent): boolean {
  return Boolean(event.account && event.account.pointsDelta !== 0 && event.account.rules);
}

async function withLevelChanges(tx: Queryable, queue: QueuedEvent[]): Promise<QueuedEvent[]> {
  const moved = queue.filter(movesPoints);
  if (moved.length === 0) return queue;
  const { rows } = await tx.query<{ id: string; points: number }>('SELECT id, points FROM members WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [
    JSON.stringify([...new Set(moved.map((event) => event.orderingKey))]),
  ]);
  const points = new Map(rows.map((row) => [row.id, row.points]));
  return queue.flatMap((event) => {
    const now = points.get(event.orderingKey);
    if (!event.account?.rules || event.account.pointsDelta === 0 || now === undefined) return [event];
    const { levels } = quoteTermsOf(event.account.rules);
    const from = levelOfPoints(now - event.account.pointsDelta, levels);
    const to = levelOfPoints(now, levels);
    if (from.index === to.index) return [event];
    const memberId = event.orderingKey;
    const data: WebhookEventData<'member.level_changed'> = {
      memberId,
      from: { index: from.index, name: from.name },
      to: { index: to.index, name: to.name },
      points: now,
    };
    return [{ type: 'member.level_changed', orderingKey: memberId, createdAt: event.createdAt, data }, event];
  });
}

/**
 * Writes the events queued on `tx` and their deliveries in one statement, in the order they were
 * queued (deliveries are posted in that order), and empties the queue. Nothing queued, no statement.
 */
export async function writeQueuedWebhookEvents(tx: Queryable): Promise<void> {
  const queued = queues.get(tx);
  if (!queued || queued.length === 0) return;
  queues.delete(tx);
  // Without a level to look up, the statement is sent at once (before this function first
  // awaits), so a caller may send its next statement with it.
  const events = (queued.some(movesPoints) ? await withLevelChanges(tx, queued) : queued).map((event, ord) => ({
    ord,
    id: `evt_${randomText(16)}`,
    type: event.type,
    member_id: event.orderingKey,
    data: event.data,
    balance_of: event.data === null ? event.orderingKey : null,
    created_at: event.createdAt.toISOString(),
  }));
  await tx.query(
    `WITH queued AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS q(ord int, id text, type text, member_id text, data jsonb, balance_of text, created_at timestamptz)
     ), event AS (
       INSERT INTO webhook_events (id, type, member_id, data, created_at)
       SELECT q.id, q.type, q.member_id,
              COALESCE(q.data, jsonb_build_object(
                'memberId', m.id, 'points', m.points,
                'coins', jsonb_build_object('available', m.coins_available, 'pending', m.coins_pending))),
              q.created_at
       FROM queued q LEFT JOIN members m ON m.id = q.balance_of
       WHERE q.balance_of IS NULL OR m.id IS NOT NULL
       ORDER BY q.ord
       RETURNING id, type, member_id, created_at
     )
     INSERT INTO webhook_deliveries (endpoint_id, event_id, member_id, status, next_attempt_at, created_at)
     SELECT w.id, event.id, event.member_id, 'pending', event.created_at, event.created_at
     FROM event JOIN queued q ON q.id = event.id
     JOIN webhook_endpoints w ON w.enabled AND (w.events ? event.type OR w.events ? '*')
     ORDER BY q.ord, w.id`,
    [JSON.stringify(events)],
  );
}
