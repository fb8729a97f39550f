import { Hono, type MiddlewareHandler } from 'hono';
import type { ServerConfig } from '../config.ts';
import type { Db } from '../db/index.ts';
import { createAuth, type Auth, type OwnershipOptions } from './auth.ts';
import { systemClock, type Clock } from '../clock.ts';
import { corsForOrigins } from './cors.ts';
import type { AppEnv } from './env.ts';
import { compression } from './compression.ts';
import { registerHealthRoutes } from './health.ts';
import { idempotency, runsInRequestTransaction } from './idempotency.ts';
import type { Logger } from './logger.ts';
import { createErrorHandler, notFoundHandler } from './problem.ts';
import { createMemberRateLimiter, DEFAULT_MEMBER_RATE_LIMIT, rateLimitMembers } from './rate-limit.ts';
import { requestContext } from './request-context.ts';
import { securityHeaders } from './security-headers.ts';
import { limitBody } from './validate.ts';
import { DEFAULT_MAX_IN_FLIGHT_PER_MEMBER, MemberConcurrency } from './member-concurrency.ts';
import { MemberGate, refuseWaitingMembers, refuseWaitingTokens } from './member-gate.ts';
import { AT_ONCE, createFastRefusals } from './fast-refusal.ts';

export type RewardsApp = Hono<AppEnv>;

/** What route modules receive besides the app. */
export interface HttpDeps {
  config: ServerConfig;
  db: Db;
  logger: Logger;
  clock: Clock;
  auth: Auth;
  /** A member's own account: member token, per-member rate limit, idempotency. */
  member(options?: OwnershipOptions): MiddlewareHandler<AppEnv>;
  /** The shop's backend: API key, idempotency. */
  shop(): MiddlewareHandler<AppEnv>;
  /** Reads (and writes) open to the member concerned and to the shop. */
  memberOrShop(options?: OwnershipOptions): MiddlewareHandler<AppEnv>;
}

/** A route module adds its routes, e.g. `app.post('/v1/me/check-ins', deps.member(), handler)`. */
export type RouteModule = (app: RewardsApp, deps: HttpDeps) => void;

export interface CreateHttpAppOptions {
  config: ServerConfig;
  db: Db;
  logger: Logger;
  clock?: Clock;
  routes?: readonly RouteModule[];
  /** Per member: a token bucket, and how many requests at once (`maxInFlight`, else at most the burst). */
  rateLimit?: { ratePerSecond: number; burst: number; maxInFlight?: number };
  idempotency?: { waitTimeoutMs?: number; ttlSeconds?: number };
}

/**
 * The HTTP app with its plumbing. Order, outermost first, and why:
 *
 * 1. request context: the request id and the log line cover every response, errors and
 *    preflights included; security headers and compression right after it, for the same reason;
 * 2. CORS: preflights are answered before any credential is asked for, and problem responses
 *    carry the CORS headers a browser needs to read them;
 * 3. body limit: an oversized body is refused (413) before anything reads it;
 * 4. per route, in each guard chain: a member token refused by the rate limit is refused again,
 *    unverified, while its member waits; auth (who is calling), the per-member limits (need the
 *    member: a member refused by the rate limit is refused again in memory until their
 *    Retry-After has passed, then requests at once, then the rate, shared by every instance on a
 *    PostgreSQL server, where a mutating request's token leaves with its BEGIN and is judged
 *    before anything else of it runs) — after its first refusal a burst sends the database
 *    nothing. Once the app has answered a waiting token's refusal, or one at the
 *    requests-at-once bound, on a route, the node:http server answers the same refusal itself,
 *    before the app, for a token already verified (fast-refusal.ts). Then one transaction for the
 *    rest of a mutating request, with its Idempotency-Key claimed in it (its scope is the caller;
 *    only authorized requests claim a key);
 * 5. per route: validation of params, query and body, then the handler.
 *
 * The error handler turns anything thrown along the way into `application/problem+json`.
 */
/**
 * Middleware run in turn, each one's `next` the following one's start, as Hono's `every` runs
 * middleware that answers nothing or a Response; without composing a new function per request.
 */
function chain(...middleware: MiddlewareHandler<AppEnv>[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let index = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= index) throw new Error('next() called multiple times');
      index = i;
      const current = middleware[i];
      if (current === undefined) return next();
      const res = await current(c, () => dispatch(i + 1));
      if (res !== undefined && !c.finalized) c.res = res;
    };
    await dispatch(0);
  };
}

export function createHttpApp(options: CreateHttpAppOptions): RewardsApp {
  const { config, db, logger, clock = systemClock } = options;
  const app = new Hono<AppEnv>();

  const refused = new MemberGate({ clock });
  const concurrency = new MemberConcurrency(
    options.rateLimit ? (options.rateLimit.maxInFlight ?? options.rateLimit.burst) : DEFAULT_MAX_IN_FLIGHT_PER_MEMBER,
    (c) => fast.refused(c, AT_ONCE),
  );
  const fast = createFastRefusals(app, { gate: refused, concurrency, clock, logger });
  // Outermost, so that it learns a refusal's answer as the client gets it (fast-refusal.ts).
  app.use(fast.learn);
  app.use(requestContext(logger));
  app.use(securityHeaders());
  app.use(compression());
  app.use(corsForOrigins(config.allowedOrigins, logger));
  app.use(limitBody());
  app.onError(createErrorHandler(logger));
  app.notFound(notFoundHandler);

  const auth = createAuth({ apiKey: config.apiKey, memberSecret: config.memberSecret, clock });
  const memberRateLimit = chain(
    refuseWaitingMembers(refused),
    concurrency.middleware,
    rateLimitMembers(
      createMemberRateLimiter(db, { ...DEFAULT_MEMBER_RATE_LIMIT, ...options.rateLimit }, { store: config.rateLimitStore, clock }),
      refused,
      // The idempotency middleware follows it in every member chain, and takes the token with its BEGIN.
      runsInRequestTransaction,
    ),
  );
  const idempotent = idempotency({ db, logger, ...options.idempotency });
  /** A chain for member tokens: a waiting token is refused first, and its refusals can be answered before the app (fast-refusal.ts). */
  const memberChain = (ownership: OwnershipOptions | undefined, ...middleware: MiddlewareHandler<AppEnv>[]) =>
    fast.chain(chain(refuseWaitingTokens(refused, fast.refused), ...middleware), ownership?.ownParam);

  const deps: HttpDeps = {
    config,
    db,
    logger,
    clock,
    auth,
    member: (ownership) => memberChain(ownership, auth.requireMember(ownership), memberRateLimit, idempotent),
    shop: () => chain(auth.requireShop(), idempotent),
    memberOrShop: (ownership) => memberChain(ownership, auth.memberOrShop(ownership), memberRateLimit, idempotent),
  };

  registerHealthRoutes(app, db, logger);

  for (const register of options.routes ?? []) register(app, deps);
  return app;
}
