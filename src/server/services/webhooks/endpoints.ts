/**
 * Webhook endpoints and their delivery log, managed by the shop's backend. The signing secret is
 * made when an endpoint is created and shown only in the answers to PUT; listings never carry it.
 */
import type {
  DeleteWebhookResponse,
  PutWebhookBody,
  PutWebhookResponse,
  WebhookDelivery,
  WebhookDeliveriesResponse,
  WebhookEndpoint,
  WebhookEventType,
  WebhooksResponse,
} from '../../../api/index.ts';
import type { Db, Queryable } from '../../db/index.ts';
import { ProblemError } from '../../errors.ts';
import { newSigningSecret } from './signature.ts';
import { webhookUrlProblem, type UrlPolicy } from './url-guard.ts';

/** Deliveries per page of the log. */
export const DELIVERIES_PAGE_SIZE = 50;

interface EndpointRow {
  id: string;
  url: string;
  events: Array<WebhookEventType | '*'>;
  enabled: boolean;
  secret: string;
}

interface DeliveryRow {
  id: number;
  event_id: string;
  type: WebhookEventType;
  status: WebhookDelivery['status'];
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
}

function listed(row: EndpointRow): WebhookEndpoint {
  return { id: row.id, url: row.url, events: row.events, enabled: row.enabled };
}

/** Creates or replaces an endpoint; `created` tells the route to answer 201. The secret is kept. */
export async function putWebhook(db: Db, id: string, body: PutWebhookBody, policy: UrlPolicy): Promise<{ endpoint: PutWebhookResponse; created: boolean }> {
  const problem = webhookUrlProblem(body.url, policy);
  if (problem) throw new ProblemError('invalid_request', `The webhook URL ${problem}.`, [{ path: 'body.url', message: problem }]);
  const subscribed: readonly string[] = body.events;
  const events = subscribed.includes('*') ? ['*'] : [...new Set(subscribed)];
  const { rows } = await db.query<EndpointRow & { created: boolean }>(
    `INSERT INTO webhook_endpoints (id, url, events, enabled, secret) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, events = EXCLUDED.events, enabled = EXCLUDED.enabled, updated_at = now()
     RETURNING id, url, events, enabled, secret, (xmax = 0) AS created`,
    [id, body.url, JSON.stringify(events), body.enabled ?? true, newSigningSecret()],
  );
  const row = rows[0]!;
  return { endpoint: { ...listed(row), secret: row.secret }, created: row.created };
}

export async function listWebhooks(q: Queryable): Promise<WebhooksResponse> {
  const { rows } = await q.query<EndpointRow>('SELECT id, url, events, enabled FROM webhook_endpoints ORDER BY id');
  return { webhooks: rows.map(listed) };
}

/** Deletes the endpoint with its log; deliveries still pending for it are dropped. */
export async function deleteWebhook(db: Db, id: string): Promise<DeleteWebhookResponse> {
  const { rowCount } = await db.query('DELETE FROM webhook_endpoints WHERE id = $1', [id]);
  if (rowCount === 0) throw new ProblemError('not_found', `No webhook endpoint ${id}.`);
  return { id, deleted: true };
}

async function requireEndpoint(q: Queryable, id: string): Promise<void> {
  const { rowCount } = await q.query('SELECT 1 FROM webhook_endpoints WHERE id = $1', [id]);
  if (rowCount === 0) throw new ProblemError('not_found', `No webhook endpoint ${id}.`);
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: String(row.id),
    eventId: row.event_id,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    ...(row.last_status_code === null ? {} : { lastStatusCode: row.last_status_code }),
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    ...(row.next_attempt_at === null || row.status !== 'pending' ? {} : { nextAttemptAt: row.next_attempt_at.toISOString() }),
    ...(row.delivered_at === null ? {} : { deliveredAt: row.delivered_at.toISOString() }),
  };
}

/** A cursor names the last delivery of the page before: the next page starts below it. */
function beforeIdOf(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  const id = /^d(\d{1,18})$/.exec(cursor)?.[1];
  if (id === undefined)
    throw new ProblemError('invalid_request', 'The cursor is not one this API gave.', [{ path: 'query.cursor', message: 'unknown cursor' }]);
  return Number(id);
}

const DELIVERY_COLUMNS = `d.id, d.event_id, e.type, d.status, d.attempts, d.last_status_code, d.last_error, d.next_attempt_at, d.delivered_at`;

/** The endpoint's deliveries, newest first, a page at a time. */
export async function listDeliveries(q: Queryable, endpointId: string, cursor: string | undefined): Promise<WebhookDeliveriesResponse> {
  const beforeId = beforeIdOf(cursor);
  await requireEndpoint(q, endpointId);
  const { rows } = await q.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
     WHERE d.endpoint_id = $1 AND ($2::bigint IS NULL OR d.id < $2)
     ORDER BY d.id DESC LIMIT $3`,
    [endpointId, beforeId, DELIVERIES_PAGE_SIZE + 1],
  );
  const page = rows.slice(0, DELIVERIES_PAGE_SIZE);
  const last = page.at(-1);
  return { deliveries: page.map(toDelivery), nextCursor: rows.length > DELIVERIES_PAGE_SIZE && last ? `d${last.id}` : null };
}

/**
 * A retry by hand: the delivery is pending again and due at once, whatever its status. Like any
 * pending delivery it waits for the member's earlier pending ones at the endpoint.
 */
export async function retryDelivery(db: Db, endpointId: string, deliveryId: string, now: Date): Promise<WebhookDelivery> {
  const id = /^\d{1,18}$/.test(deliveryId) ? Number(deliveryId) : null;
  await requireEndpoint(db, endpointId);
  const { rows } = await db.query<DeliveryRow>(
    `WITH retried AS (
       UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = $3
       WHERE id = $1 AND endpoint_id = $2 AND (status <> 'pending' OR leased_until IS NULL OR leased_until <= $3)
       RETURNING *
     )
     SELECT ${DELIVERY_COLUMNS} FROM retried d JOIN webhook_events e ON e.id = d.event_id`,
    [id, endpointId, now],
  );
  const row = rows[0];
  if (row) return toDelivery(row);
  const { rowCount } = await db.query('SELECT 1 FROM webhook_deliveries WHERE id = $1 AND endpoint_id = $2', [id, endpointId]);
  if (rowCount === 0) throw new ProblemError('not_found', `No delivery ${deliveryId} for webhook endpoint ${endpointId}.`);
  // An attempt is in flight right now: its outcome will show in the log.
  const { rows: current } = await db.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.id = $1`,
    [id],
  );
  return toDelivery(current[0]!);
}
