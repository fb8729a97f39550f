/**
 * Webhook endpoints and their delivery log, for the shop's backend; and the nudge that makes the
 * delivery job post a change's events as soon as the change is committed.
 */
import type { MiddlewareHandler } from 'hono';
import { endpoints, idPathParams, putWebhookBody, routerPath, webhookDeliveriesQuery, webhookDeliveryPathParams } from '../../api/index.ts';
import type { HttpDeps, RewardsApp, RouteModule } from '../http/app.ts';
import type { AppEnv } from '../http/env.ts';
import { validJson, validParams, validQuery } from '../http/validate.ts';
import { deleteWebhook, listDeliveries, listWebhooks, putWebhook, retryDelivery } from '../services/webhooks/endpoints.ts';

export function registerWebhookRoutes(app: RewardsApp, deps: HttpDeps): void {
  const { db, clock, config } = deps;

  app.put(routerPath(endpoints.putWebhook.path), deps.shop(), validParams(idPathParams), validJson(putWebhookBody), async (c) => {
    const { endpoint, created } = await putWebhook(db, c.req.valid('param').id, c.req.valid('json'), { allowPrivate: config.webhooksAllowPrivate });
    // The answer carries the signing secret: no cache may keep it.
    c.header('Cache-Control', 'no-store');
    return c.json(endpoint, created ? 201 : 200);
  });

  app.get(routerPath(endpoints.getWebhooks.path), deps.shop(), async (c) => c.json(await listWebhooks(db), 200));

  app.delete(routerPath(endpoints.deleteWebhook.path), deps.shop(), validParams(idPathParams), async (c) =>
    c.json(await deleteWebhook(db, c.req.valid('param').id), 200),
  );

  app.get(routerPath(endpoints.getWebhookDeliveries.path), deps.shop(), validParams(idPathParams), validQuery(webhookDeliveriesQuery), async (c) =>
    c.json(await listDeliveries(db, c.req.valid('param').id, c.req.valid('query').cursor), 200),
  );

  app.post(routerPath(endpoints.retryWebhookDelivery.path), deps.shop(), validParams(webhookDeliveryPathParams), async (c) => {
    const { id, deliveryId } = c.req.valid('param');
    return c.json(await retryDelivery(db, id, deliveryId, clock.now()), 202);
  });
}

/** What the nudge needs of the delivery job. */
export interface DeliveryNudge {
  nudge(): void;
}

/**
 * After a change that succeeded (its transaction committed, possibly writing outbox rows), the
 * delivery job is nudged so the events leave now rather than at its next timed run. Mounted
 * before every other route so that it wraps them.
 */
export function nudgeWebhookDeliveries(deliveries: DeliveryNudge): RouteModule {
  const nudge: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS' && c.res.status < 400) deliveries.nudge();
  };
  return (app) => {
    app.use('/v1/*', nudge);
  };
}
