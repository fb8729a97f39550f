/**
 * The webhook delivery worker, as one of the server's timed jobs. Each run posts what is due:
 * deliveries are claimed with `FOR UPDATE SKIP LOCKED` and a lease, so with several instances on
 * one database each delivery is posted by one instance at a time, and a lease left by a killed
 * instance expires. Only the oldest pending delivery of a member at an endpoint is ever due, so
 * one member's events arrive in the order they happened. Besides the scheduler's runs, a `nudge`
 * after a change delivers its events at once.
 */
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/index.ts';
import type { Logger } from '../../http/logger.ts';
import type { TimedJob } from '../../timed-work/job.ts';
import { nextAttemptAt } from './backoff.ts';
import { DELIVERY_TIMEOUT_MS, postJson, type PostResult } from './post.ts';
import { SIGNATURE_HEADER, signatureHeader } from './signature.ts';
import { publicOnlyLookup, webhookUrlProblem } from './url-guard.ts';

export interface WebhookDeliveryOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** `http://` and private addresses may be posted to (development, or REWARDS_WEBHOOKS_ALLOW_PRIVATE=1). */
  allowPrivate: boolean;
  /** How many deliveries one round posts at once. */
  batchSize?: number;
  timeoutMs?: number;
  /** For tests of the backoff's jitter; Math.random by default. */
  random?: () => number;
}

/** Longer than an attempt can take, so a live instance never loses its lease mid-attempt. */
const LEASE_MS = 6 * DELIVERY_TIMEOUT_MS;
/** Rounds per run: a member's queued events go out one after the other within one run. */
const MAX_ROUNDS = 50;

interface ClaimedDelivery {
  id: number;
  attempts: number;
  created_at: Date;
  endpoint_id: string;
  url: string;
  secret: string;
  event_id: string;
  type: string;
  data: unknown;
  event_created_at: Date;
}

export class WebhookDeliveryJob implements TimedJob {
  readonly name = 'webhook-deliveries';
  private queue: Promise<void> = Promise.resolve();
  private nudgeQueued = false;

  constructor(private readonly options: WebhookDeliveryOptions) {}

  /** Posts every delivery due at `now`; runs of one instance never overlap. */
  run(now: Date): Promise<void> {
    return this.enqueue(() => this.deliverDue(now));
  }

  /** Asks for a run soon, at the clock's time; nudges while one is waiting count once. */
  nudge(): void {
    if (this.nudgeQueued) return;
    this.nudgeQueued = true;
    this.enqueue(() => {
      this.nudgeQueued = false;
      return this.deliverDue(this.options.clock.now());
    }).catch((error: unknown) => this.options.logger.error('webhook deliveries failed', { error: String(error) }));
  }

  /** Resolves when the runs asked for so far are over. */
  async idle(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async deliverDue(now: Date): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const claimed = await this.claim(now);
      if (claimed.length === 0) return;
      await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    }
  }

  private async claim(now: Date): Promise<ClaimedDelivery[]> {
    const { rows } = await this.options.db.query<ClaimedDelivery>(
      `WITH due AS (
         SELECT d.id FROM webhook_deliveries d
         JOIN webhook_endpoints w ON w.id = d.endpoint_id AND w.enabled
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1
           AND (d.leased_until IS NULL OR d.leased_until <= $1)
           AND NOT EXISTS (
             SELECT 1 FROM webhook_deliveries earlier
             WHERE earlier.endpoint_id = d.endpoint_id AND earlier.member_id = d.member_id
               AND earlier.status = 'pending' AND earlier.id < d.id)
         ORDER BY d.id
         LIMIT $3
         FOR UPDATE OF d SKIP LOCKED
       )
       UPDATE webhook_deliveries d SET leased_until = $2, attempts = d.attempts + 1
       FROM due, webhook_endpoints w, webhook_events e
       WHERE d.id = due.id AND w.id = d.endpoint_id AND e.id = d.event_id
       RETURNING d.id, d.attempts, d.created_at, w.id AS endpoint_id, w.url, w.secret,
                 e.id AS event_id, e.type, e.data, e.created_at AS event_created_at`,
      [now, new Date(now.getTime() + LEASE_MS), this.options.batchSize ?? 20],
    );
    return rows;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const { clock, logger } = this.options;
    const body = JSON.stringify({ id: delivery.event_id, type: delivery.type, createdAt: delivery.event_created_at.toISOString(), data: delivery.data });
    const started = performance.now();
    const result = await this.post(delivery, body);
    const fields = {
      deliveryId: String(delivery.id),
      endpointId: delivery.endpoint_id,
      eventId: delivery.event_id,
      attempts: delivery.attempts,
      ms: Math.round(performance.now() - started),
    };
    if (result.statusCode !== undefined && result.statusCode >= 200 && result.statusCode < 300) {
      await this.options.db.query(
        `UPDATE webhook_deliveries SET status = 'delivered', delivered_at = $2, next_attempt_at = NULL, leased_until = NULL,
           last_status_code = $3, last_error = NULL
         WHERE id = $1`,
        [delivery.id, clock.now(), result.statusCode],
      );
      logger.info('webhook delivered', { ...fields, statusCode: result.statusCode });
      return;
    }
    const failedAt = clock.now();
    const next = nextAttemptAt(delivery.created_at, failedAt, delivery.attempts, this.options.random);
    const error = result.error ?? `answered ${result.statusCode}`;
    await this.options.db.query(
      `UPDATE webhook_deliveries SET status = $2, next_attempt_at = $3, leased_until = NULL, last_status_code = $4, last_error = $5
       WHERE id = $1`,
      [delivery.id, next ? 'pending' : 'failed', next, result.statusCode ?? null, error],
    );
    logger.warn(next ? 'webhook delivery will be retried' : 'webhook delivery failed', {
      ...fields,
      statusCode: result.statusCode ?? null,
      error,
      nextAttemptAt: next?.toISOString() ?? null,
    });
  }

  private async post(delivery: ClaimedDelivery, body: string): Promise<PostResult> {
    const { allowPrivate } = this.options;
    // The URL is judged again at every attempt: the policy may have changed since it was saved.
    const problem = webhookUrlProblem(delivery.url, { allowPrivate });
    if (problem) return { error: `the URL ${problem}` };
    return postJson(new URL(delivery.url), body, {
      headers: {
        'Rewards-Webhook-Id': delivery.endpoint_id,
        'Rewards-Event-Id': delivery.event_id,
        // Signed at the wall clock's time: receivers judge its freshness by their own clocks.
        [SIGNATURE_HEADER]: signatureHeader(delivery.secret, body, new Date()),
        'User-Agent': 'member-rewards-kit-webhooks',
      },
      timeoutMs: this.options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
      ...(allowPrivate ? {} : { lookup: publicOnlyLookup }),
    });
  }
}
