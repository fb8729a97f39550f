import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env.ts';
import type { Logger } from './logger.ts';
import { ProblemError } from '../errors.ts';
import {
  problem,
  problemContentType,
  type ErrorCode as ProblemCode,
  type ProblemDetails as Problem,
  type ProblemFieldError as FieldError,
} from '../../api/errors.ts';

export { problem, type FieldError, type Problem, type ProblemCode };

export function problemResponse(c: Context, body: Problem, headers: Readonly<Record<string, string>> = {}): Response {
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    ...headers,
    'Content-Type': problemContentType,
  });
}

/** Statuses hono's own middleware may raise, mapped onto the API's codes. */
const codeForHttpStatus: Partial<Record<number, ProblemCode>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
};

/**
 * Turns every error into `application/problem+json`. Anything that is not a known problem is a
 * 500 `internal` whose details go to the log (with the request id), never to the caller.
 */
export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (err, c) => {
    if (err instanceof ProblemError) return problemResponse(c, err.toProblem(), err.headers);
    if (err instanceof HTTPException) {
      const code = codeForHttpStatus[err.status];
      if (code !== undefined) {
        const errors = code === 'invalid_request' ? [{ path: '', message: err.message || 'invalid' }] : undefined;
        return problemResponse(c, problem(code, err.message, errors));
      }
    }
    // Echoed here too because an error can escape the request-context middleware itself.
    const requestId = c.get('requestId');
    logger.error('unhandled error', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      error: err,
    });
    return problemResponse(c, problem('internal', 'An unexpected error occurred.'), requestId === undefined ? {} : { 'X-Request-Id': requestId });
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) => problemResponse(c, problem('not_found', `No route for ${c.req.method} ${c.req.path}.`));
