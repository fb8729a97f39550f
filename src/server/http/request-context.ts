import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';
import type { Logger } from './logger.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** An incoming id is kept only if it is short and cannot smuggle anything into logs or headers. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function acceptRequestId(incoming: string | undefined): string {
  return incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Gives every request an id (echoed in `X-Request-Id`, reused from the caller when sane) and
 * writes one log line per request once the response is known. The line holds the path without
 * its query string and no header at all, so credentials never reach the log.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = acceptRequestId(c.req.header(REQUEST_ID_HEADER));
    c.set('requestId', requestId);
    const started = performance.now();
    let failed = false;
    try {
      await next();
    } catch (err) {
      failed = true;
      // The app's error handler only receives Error instances; wrap anything else so it answers too.
      throw err instanceof Error ? err : new Error(`Non-error thrown: ${String(err)}`);
    } finally {
      // On the answer's own headers: `c.header` would first copy the answer, its body as a stream.
      if (!failed) c.res.headers.set(REQUEST_ID_HEADER, requestId);
      logger.info('request', {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: failed ? 500 : c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  };
}
