import { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { safeParseAsync, type $ZodType, type input, type output } from 'zod/v4/core';
import { invalidRequestProblem } from '../../api/errors.ts';
import type { AppEnv } from './env.ts';
import { ProblemError } from '../errors.ts';

type Target = 'json' | 'query' | 'param';

type Validated<T extends Target, S extends $ZodType> = MiddlewareHandler<AppEnv, string, { in: { [K in T]: input<S> }; out: { [K in T]: output<S> } }>;

/** How field paths are prefixed, so a client sees which part of the request is wrong. */
const partName: Record<Target, string> = { json: 'body', query: 'query', param: 'params' };

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/;

const utf8 = new TextDecoder();

/**
 * An empty body reads as `undefined`, so the schema decides whether a body is required. Read as
 * bytes, decoded as `text()` decodes them: the Idempotency-Key check has read the same bytes
 * already (Hono keeps them), where `text()` would copy them into a new Response to read them again.
 */
async function readJsonBody(c: Context): Promise<unknown> {
  const text = utf8.decode(await c.req.arrayBuffer());
  if (text.trim() === '') return undefined;
  const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new ProblemError('invalid_request', 'The request body must be sent as application/json.', [
      { path: 'body', message: 'Content-Type must be application/json' },
    ]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError('invalid_request', 'The request body is not valid JSON.', [{ path: 'body', message: 'malformed JSON' }]);
  }
}

function readQuery(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}

function validator<T extends Target, S extends $ZodType>(target: T, schema: S, read: (c: Context) => unknown): Validated<T, S> {
  return async (c, next) => {
    // reportInput lets the API's wording tell "required" from "wrong type".
    const result = await safeParseAsync(schema, await read(c), { reportInput: true });
    if (!result.success) {
      const { detail, errors } = invalidRequestProblem(result.error.issues, partName[target]);
      throw new ProblemError('invalid_request', detail, errors);
    }
    c.req.addValidatedData(target, result.data as object);
    await next();
  };
}

/** Validates the JSON body; the handler reads it with `c.req.valid('json')`. */
export function validJson<S extends $ZodType>(schema: S): Validated<'json', S> {
  return validator('json', schema, readJsonBody);
}

/** Validates the query string (a repeated key becomes an array); read with `c.req.valid('query')`. */
export function validQuery<S extends $ZodType>(schema: S): Validated<'query', S> {
  return validator('query', schema, readQuery);
}

/** Validates the path parameters; read with `c.req.valid('param')`. */
export function validParams<S extends $ZodType>(schema: S): Validated<'param', S> {
  return validator('param', schema, (c) => c.req.param());
}

/** Bodies above this are refused before anything reads them. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * 413 `payload_too_large` for a body over `maxBytes`, counted as it streams in. The rest of the
 * body is never read, so the connection cannot carry another request: `Connection: close` tells
 * the client to open a new one instead of writing its next request into a socket being reset.
 */
export function limitBody(maxBytes: number = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
  const refuse = (): never => {
    throw new ProblemError('payload_too_large', `The request body is larger than ${maxBytes} bytes.`, undefined, {
      Connection: 'close',
    });
  };
  const counting = bodyLimit({ maxSize: maxBytes, onError: refuse });
  // A declared length is checked as Hono's bodyLimit checks it, without asking for the request's
  // body stream: on a Node server that turns the request into a full web Request (a stream over
  // the socket) before anything reads it. A body without one is counted as it streams in.
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('Content-Length');
    if (length === undefined && c.req.header('Transfer-Encoding') === undefined && overHttp1(c)) {
      // HTTP/1.1 gives a request with neither header an empty body (RFC 9112, 6.3), and Node's
      // parser reads it so: nothing to count. (A Request made in code, e.g. `app.request()`,
      // may carry a body without either header: that one is counted.)
      return next();
    }
    if (length === undefined || !DECIMAL.test(length) || c.req.header('Transfer-Encoding') !== undefined) return counting(c, next);
    if (!declaredLengthWithin(length, maxBytes)) refuse();
    return next();
  };
}

const DECIMAL = /^\d{1,15}$/;

/** Whether a declared `Content-Length` is a plain decimal within `maxBytes`. */
export function declaredLengthWithin(length: string, maxBytes: number = MAX_BODY_BYTES): boolean {
  return DECIMAL.test(length) && Number(length) <= maxBytes;
}

/** Whether the request came over HTTP/1 through Node's server (@hono/node-server hands it over as `incoming`). */
function overHttp1(c: Context): boolean {
  const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
  return incoming instanceof IncomingMessage && incoming.httpVersionMajor === 1;
}
