/**
 * The refusal of a waiting member's token (member-gate.ts), answered on the node:http request
 * before the app sees it: no Request object, no middleware, no router dispatch, no Response to
 * read back. During one member's burst these refusals are nearly all of the server's work, and each
 * one done through the app costs about a millisecond of the event loop that other members' requests
 * wait for.
 *
 * It answers exactly what the app answers, because it learns the answer from the app: the first
 * time the app refuses a waiting token on a route, with a given Retry-After, the answer's status,
 * headers (all of them, in order, but the request id) and body are kept; from then on the same
 * refusal on that route, for a request the app would treat the same way, is written from them. A
 * request the fast path is not sure about goes to the app, which answers as before: one with an
 * `Origin` (CORS headers depend on it), an API key, several `Authorization` headers, a body past the
 * limit (a 413 comes first), a percent-encoded path, a method other than GET, POST, PUT, PATCH and
 * DELETE, and any token that is not the exact text the gate holds as refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { RewardsApp } from './app.ts';
import { API_KEY_HEADER, bearerToken } from './auth.ts';
import type { AppEnv } from './env.ts';
import type { Logger } from './logger.ts';
import type { MemberGate } from './member-gate.ts';
import { acceptRequestId, REQUEST_ID_HEADER } from './request-context.ts';
import { knownBodyText } from './response-body.ts';
import { declaredLengthWithin } from './validate.ts';

/** Answers a request itself (true), or leaves it to the app (false). */
export type FastRefusal = (req: IncomingMessage, res: ServerResponse) => boolean;

type Handler = (...args: never[]) => unknown;

/** An answer of the app, learnt: headers as name/value pairs without the request id, and the body. */
interface Learnt {
  status: number;
  headers: readonly (readonly [string, string])[];
  body: string;
  length: number;
}

/** For one member chain: the handlers before it on the route it was learnt on, and its answers by Retry-After. */
interface RouteAnswers {
  before: readonly Handler[];
  bySeconds: Map<number, Learnt>;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const REQUEST_ID = REQUEST_ID_HEADER.toLowerCase();
const fastRefusals = new WeakMap<RewardsApp, FastRefusal>();

/** The fast path of an app made by createHttpApp (used by startHttpServer). */
export function fastRefusalOf(app: RewardsApp): FastRefusal | undefined {
  return fastRefusals.get(app);
}

/** The checks on a request's headers shared by the fast path and the learning: true when it may be answered from what was learnt. */
function eligible(method: string, header: (name: string) => string | undefined): boolean {
  if (!METHODS.has(method) || header('origin') !== undefined || header(API_KEY_HEADER.toLowerCase()) !== undefined) return false;
  const length = header('content-length');
  return length === undefined || declaredLengthWithin(length);
}

/** The path as the router sees it, or undefined when it needs decoding (left to the app). */
function plainPath(url: string): string | undefined {
  if (url.charCodeAt(0) !== 47 || url.includes('%') || url.includes('#')) return undefined;
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

export interface FastRefusals {
  /** Marks a member chain (made with its own `refuseWaitingTokens` first): its refusals can be learnt. */
  chain(handler: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv>;
  /** Called by the token gate when it refuses a request through the app. */
  refused(c: Context<AppEnv>, seconds: number): void;
  /** Outermost middleware: learns the final answer of a refusal reported by `refused`. */
  learn: MiddlewareHandler<AppEnv>;
}

/**
 * Sets up the fast path for `app`: returns the pieces createHttpApp wires in, and registers the
 * node:http handler for startHttpServer.
 */
export function createFastRefusals(app: RewardsApp, gate: MemberGate, logger: Logger): FastRefusals {
  const chains = new WeakSet<Handler>();
  const answers = new Map<Handler, RouteAnswers>();
  const refusedIn = new WeakMap<Context<AppEnv>, number>();

  /** The handlers the router gives a request, up to and including the first member chain. */
  const handlersTo = (method: string, path: string): { chain: Handler; before: Handler[] } | undefined => {
    const [matched] = app.router.match(method, path);
    const before: Handler[] = [];
    for (const [[handler]] of matched) {
      if (chains.has(handler)) return { chain: handler, before };
      before.push(handler);
    }
    return undefined;
  };

  const fast: FastRefusal = (req, res) => {
    const { authorization } = req.headers;
    if (authorization === undefined) return false;
    const token = bearerToken(authorization);
    if (token === undefined) return false;
    const seconds = gate.waitSecondsForToken(token);
    if (seconds === undefined) return false;
    // From here on only refused tokens: the rest of the checks cost nothing to other members.
    const method = req.method ?? '';
    const header = (name: string): string | undefined => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    if (!eligible(method, header)) return false;
    // Node keeps the first of several Authorization headers; the app would see them all joined.
    let authorizations = 0;
    for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]?.toLowerCase() === 'authorization') authorizations++;
    if (authorizations !== 1) return false;
    const path = plainPath(req.url ?? '');
    if (path === undefined) return false;
    const route = handlersTo(method, path);
    if (route === undefined) return false;
    const known = answers.get(route.chain);
    const learnt = known?.bySeconds.get(seconds);
    if (learnt === undefined || !sameHandlers(known!.before, route.before)) return false;

    const started = performance.now();
    const requestId = acceptRequestId(header(REQUEST_ID));
    const headers: Record<string, string | number> = {};
    for (const [name, value] of learnt.headers) headers[name] = name === REQUEST_ID ? requestId : value;
    // Where and how @hono/node-server writes it for an answer it holds as text.
    headers['Content-Length'] = learnt.length;
    res.writeHead(learnt.status, headers);
    res.end(learnt.body);
    logger.info('request', { requestId, method, path, status: learnt.status, ms: Math.round((performance.now() - started) * 10) / 10 });
    return true;
  };
  fastRefusals.set(app, fast);

  return {
    chain(handler) {
      chains.add(handler);
      return handler;
    },
    refused(c, seconds) {
      refusedIn.set(c, seconds);
    },
    async learn(c, next) {
      await next();
      const seconds = refusedIn.get(c);
      if (seconds === undefined || !eligible(c.req.method, (name) => c.req.header(name))) return;
      if (c.req.path !== plainPath(new URL(c.req.url).pathname)) return;
      const route = handlersTo(c.req.method, c.req.path);
      if (route === undefined) return;
      const known = answers.get(route.chain) ?? { before: route.before, bySeconds: new Map<number, Learnt>() };
      if (!sameHandlers(known.before, route.before) || known.bySeconds.has(seconds)) return;
      const headers = [...c.res.headers].filter(([name]) => name !== 'content-length');
      // Only an answer that does not depend on the request's own headers (a compressed one depends on Accept-Encoding).
      if (!headers.some(([name]) => name === REQUEST_ID) || headers.some(([name]) => name === 'set-cookie' || name === 'content-encoding')) return;
      // Only an answer held as text, which the adapter writes in one go as the fast path does (and
      // reading it would turn it into a stream, written otherwise).
      const body = knownBodyText(c.res);
      if (typeof body !== 'string') return;
      known.bySeconds.set(seconds, { status: c.res.status, headers, body, length: Buffer.byteLength(body) });
      answers.set(route.chain, known);
    },
  };
}

function sameHandlers(a: readonly Handler[], b: readonly Handler[]): boolean {
  return a.length === b.length && a.every((handler, i) => handler === b[i]);
}
