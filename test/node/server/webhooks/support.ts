/**
 * Webhook tests: a real receiver listening on loopback, and a test app with the shop's routes,
 * the member's routes, checkout and webhooks, whose delivery job runs on the test clock.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PutWebhookResponse, WebhookEvent } from '../../../../src/api/index.ts';
import { registerCheckoutRoutes } from '../../../../src/server/routes/checkout.ts';
import { registerEventRoutes } from '../../../../src/server/routes/events.ts';
import { registerMemberRoutes } from '../../../../src/server/routes/member.ts';
import { registerShopRoutes } from '../../../../src/server/routes/shop.ts';
import { nudgeWebhookDeliveries, registerWebhookRoutes } from '../../../../src/server/routes/webhooks.ts';
import { registerCatalogAdminRoutes } from '../../../../src/server/routes/catalog-admin.ts';
import { createCapturingLogger } from '../../../../src/server/http/logger.ts';
import { WebhookDeliveryJob, type WebhookDeliveryOptions } from '../../../../src/server/services/webhooks/delivery-job.ts';
import type { Db } from '../../../../src/server/db/index.ts';
import type { Clock } from '../../../../src/server/clock.ts';
import type { DatabaseTarget } from '../../support/databases.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  rawBody: string;
  event: WebhookEvent;
  /** The test clock's time when it arrived. */
  at: Date;
}

export interface Receiver {
  url: string;
  received: ReceivedDelivery[];
  /** Deliveries answered 2xx, i.e. delivered. */
  accepted(): ReceivedDelivery[];
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1:0. `answer(n)` gives the status of the n-th request (1-based); 200 by
 * default. `clock` stamps each arrival.
 */
export async function startReceiver(clock: Clock, answer: (n: number, event: WebhookEvent) => number = () => 200): Promise<Receiver> {
  const received: ReceivedDelivery[] = [];
  const statuses: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const event = JSON.parse(rawBody) as WebhookEvent;
      received.push({ headers: req.headers, rawBody, event, at: clock.now() });
      const status = answer(received.length, event);
      statuses.push(status);
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    accepted: () => received.filter((_, i) => (statuses[i] ?? 0) >= 200 && (statuses[i] ?? 0) < 300),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface WebhookTestApp extends TestApp {
  deliveries: WebhookDeliveryJob;
  /** Registers an endpoint for every event type at `url` and gives its secret. */
  subscribe(url: string, id?: string, events?: string[]): Promise<PutWebhookResponse>;
}

export function deliveryJob(db: Db, clock: Clock, options: Partial<WebhookDeliveryOptions> = {}): WebhookDeliveryJob {
  return new WebhookDeliveryJob({ db, clock, logger: createCapturingLogger(), allowPrivate: true, ...options });
}

/** The app with every route a shop integration touches, nudging its delivery job after each change. */
export async function startWebhookApp(target: DatabaseTarget, options: { now?: string; nudge?: boolean } = {}): Promise<WebhookTestApp> {
  const holder: { job?: WebhookDeliveryJob } = {};
  const t = await startTestApp(target, {
    ...(options.now ? { now: options.now } : {}),
    routes: [
      nudgeWebhookDeliveries({ nudge: () => (options.nudge === false ? undefined : holder.job?.nudge()) }),
      registerEventRoutes,
      registerShopRoutes,
      registerCatalogAdminRoutes,
      registerMemberRoutes,
      registerCheckoutRoutes,
      registerWebhookRoutes,
    ],
  });
  const job = deliveryJob(t.db, t.clock);
  holder.job = job;
  const closeApp = t.close;
  return Object.assign(t, {
    deliveries: job,
    async subscribe(url: string, id = 'shop', events: string[] = ['*']) {
      const res = await t.shop().put<PutWebhookResponse>(`/v1/webhooks/${id}`, { url, events });
      if (res.status !== 201 && res.status !== 200) throw new Error(`PUT /v1/webhooks/${id} answered ${res.status}: ${res.text}`);
      return res.body;
    },
    async close() {
      await job.idle();
      await closeApp();
    },
  });
}
