import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './env.ts';
import type { Logger } from './logger.ts';

/** Origins already reported; bounded, so a flood of made-up origins cannot grow it without end. */
const MAX_REPORTED_ORIGINS = 1000;

/**
 * Cross-origin access for the configured origins only. `X-Api-Key` is deliberately not an
 * allowed header: the shop's key belongs on its backend, never in a browser.
 *
 * A refused origin is logged once: in the browser it looks like an unreachable server, so the
 * log is where an operator learns that a page's origin is missing from REWARDS_ALLOWED_ORIGINS.
 */
export function corsForOrigins(allowedOrigins: readonly string[], logger?: Logger): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins);
  const reported = new Set<string>();
  const report = (origin: string, ownOrigin: string) => {
    // A page on the server's own origin needs no permission (the demo pages send Origin on POST).
    if (!logger || origin === ownOrigin || reported.has(origin) || reported.size >= MAX_REPORTED_ORIGINS) return;
    reported.add(origin);
    logger.warn('cross-origin request refused: origin not allowed', { origin, setting: 'REWARDS_ALLOWED_ORIGINS' });
  };
  const allowOrigin = (origin: string, c: Context) => {
    if (allowed.has(origin)) return origin;
    if (origin) report(origin, new URL(c.req.url).origin);
    return null;
  };
  const preflight = cors({
    origin: allowOrigin,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  const exposed = EXPOSED_HEADERS.join(',');
  // Other requests get the same headers as Hono's cors gives them, set once the answer is there:
  // set before it, they sit on a placeholder answer that Hono then merges into the real one,
  // turning a lightweight answer into a stream (see response-body.ts).
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = allowOrigin(c.req.header('origin') ?? '', c);
    await next();
    const headers = c.res.headers;
    if (origin) headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', exposed);
    headers.append('Vary', 'Origin');
  };
}

const EXPOSED_HEADERS = ['Retry-After', 'X-Request-Id', 'Idempotent-Replayed'];
