/**
 * The reference server as one HTTP app: the plumbing of `createHttpApp` (request ids, CORS, body
 * limit, problem answers) with every route module of the API mounted on it, the API reference at
 * `/docs`, and the demo pages at `/`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServerConfig } from './config.ts';
import type { Db } from './db/index.ts';
import { createHttpApp, type CreateHttpAppOptions, type RewardsApp, type RouteModule } from './http/app.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Logger } from './http/logger.ts';
import { registerCatalogAdminRoutes } from './routes/catalog-admin.ts';
import { demoStaticRoutes } from './routes/demo-static.ts';
import { registerDemoTokenRoute } from './routes/demo-token.ts';
import { registerDocsRoutes } from './routes/docs.ts';
import { registerEventRoutes } from './routes/events.ts';
import { registerMemberRoutes } from './routes/member.ts';
import { registerPublicRoutes } from './routes/public.ts';
import { registerSellerRoutes } from './routes/seller.ts';
import { registerShopRoutes } from './routes/shop.ts';
import { registerCheckoutRoutes } from './routes/checkout.ts';
import { nudgeWebhookDeliveries, registerWebhookRoutes, type DeliveryNudge } from './routes/webhooks.ts';

/** The project's `demo/` folder. */
export const DEFAULT_DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));
/** The browser build (`npm run build`) that the demo pages load from `/dist/`. */
export const DEFAULT_KIT_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

export interface CreateRewardsAppOptions {
  config: ServerConfig;
  db: Db;
  logger: Logger;
  clock?: Clock;
  /** Per-member request budget; the default suits a page full of widgets. */
  rateLimit?: CreateHttpAppOptions['rateLimit'];
  idempotency?: CreateHttpAppOptions['idempotency'];
  /** Static pages served at `/`; the project's `demo/` folder by default, none when null. */
  demoDir?: string | null;
  /** The webhook delivery job, nudged after every change so events leave at once; none by default. */
  webhookDeliveries?: DeliveryNudge | null;
  /** The browser build the demo pages load from `/dist/`; the project's `dist/` by default. */
  kitDir?: string;
}

/** Every route module of the API, in the order they are mounted. */
export const apiRoutes: readonly RouteModule[] = [
  registerPublicRoutes,
  registerMemberRoutes,
  registerEventRoutes,
  registerShopRoutes,
  registerCatalogAdminRoutes,
  registerSellerRoutes,
  registerCheckoutRoutes,
  registerWebhookRoutes,
  registerDocsRoutes,
];

export function createRewardsApp(options: CreateRewardsAppOptions): RewardsApp {
  const { config, db, logger, clock = systemClock, rateLimit, idempotency } = options;
  const demoDir = options.demoDir === undefined ? DEFAULT_DEMO_DIR : options.demoDir;
  const demo: RouteModule[] =
    demoDir !== null && existsSync(demoDir)
      ? [...(config.demoTokens ? [registerDemoTokenRoute] : []), demoStaticRoutes(options.kitDir ?? DEFAULT_KIT_DIR, '/dist/'), demoStaticRoutes(demoDir)]
      : [demoStaticRoutes(null)];
  // Static files come last: they only answer what no API route did.
  const nudge = options.webhookDeliveries ? [nudgeWebhookDeliveries(options.webhookDeliveries)] : [];
  const routes = [...nudge, ...apiRoutes, ...demo];
  return createHttpApp({
    config,
    db,
    logger,
    clock,
    routes,
    ...(rateLimit ? { rateLimit } : {}),
    ...(idempotency ? { idempotency } : {}),
  });
}
