/**
 * Two refusals of a member's token, answered on the node:http request before the app sees it: no
 * Request object, no middleware, no router dispatch, no Response to read back. The token of a
 * waiting member (member-gate.ts), and a token carried by a request in flight while its member has
 * as many requests in flight as they may (member-concurrency.ts), when the token is still in time
 * (its `exp` not passed; else the app's 401). During one member's burst these refusals are nearly
 * all of the server's work, and each one done through the app costs more than half a millisecond
 * of the event loop that other members' requests wait for.
 *
 * It answers exactly what the app answers, because it learns the answer from the app: the first
 * time the app gives one of these refusals on a route (a waiting token's with a given Retry-After,
 * or one at the bound), the answer's status, headers (all of them, in order, but the request id)
 * and body are kept; from then on the same refusal on that route, for a request the app would treat
 * the same way, is written from them. A request the fast path is not sure about goes to the app,
 * which answers as before: one with an `Origin` (CORS headers depend on it), an API key, several
 * `Authorization` headers, a body past the limit (a 413 comes first), a percent-encoded path, a
 * method other than GET, POST, PUT, PATCH and DELETE, one at the bound on a route that checks a
 * path parameter against the member (a 403 comes first), and any token that is not the exact text
 * the gate holds as refused or a request in flight carries.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock.ts';
import type { RewardsApp } from './app.ts';
import { API_KEY_HEADER, bearerToken } from './auth.ts';
import type { AppEnv } from './env.ts';
import type { Logger } from './logger.ts';
import type { MemberConcurrency } from './member-concurrency.ts';
import type { MemberGate } from './member-gate.ts';
import { stillInTime } from './member-token.ts';
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

/** A refusal: a waiting token's, by its Retry-After in seconds, or one at the requests-at-once bound. */
export const AT_ONCE = 'at once';
export type Refusal = number | typeof AT_ONCE;

/** For one member chain: the handlers before it on the route it was learnt on, and its answers by refusal. */
interface RouteAnswers {
  before: readonly Handler[];
  byRefusal: Map<Refusal, Learnt>;
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
  /**
   * Marks a member chain (made with its own `refuseWaitingTokens` first): its refusals can be
   * learnt; `ownParam` when it checks a path parameter against the member, before the bound.
   */
  chain(handler: MiddlewareHandler<AppEnv>, ownParam?: string): MiddlewareHandler<AppEnv>;
  /** Called by the token gate and the requests-at-once bound when they refuse a request through the app. */
  refused(c: Context<AppEnv>, refusal: Refusal): void;
  /** Outermost middleware: learns the final answer of a refusal reported by `refused`. */
  learn: MiddlewareHandler<AppEnv>;
}

export interface FastRefusalOptions {
  gate: MemberGate;
  concurrency: MemberConcurrency;
  clock: Clock;
  logger: Logger;
}

/**
 * Sets up the fast path for `app`: returns the pieces createHttpApp wires in, and registers the
 * node:http handler for startHttpServer.
 */
export function createFastRefusals(app: RewardsApp, { gate, concurrency, clock, logger }: FastRefusalOptions): FastRefusals {
  const chains = new WeakSet<Handler>();
  /** Chains that check ownership: the app may answer 403 before the bound's 429. */
  const owning = new WeakSet<Handler>();
  const answers = new Map<Handler, RouteAnswers>();
  const refusedIn = new WeakMap<Context<AppEnv>, Refusal>();

  /**
   * The refusal the app gives a token now, when it is one of the two answered here. In the app a
   * waiting token is refused first; then the token is verified (here: the exact text a request in
   * flight carries, and its time checks again), ownership checked, a waiting member refused, and
   * a member at the bound.
   */
  const refusalOf = (token: string): Refusal | undefined => {
    const seconds = gate.waitSecondsForToken(token);
    if (seconds !== undefined) return seconds;
    const memberId = concurrency.busyMemberOf(token);
    if (memberId === undefined || gate.waitSeconds(memberId) !== undefined || !stillInTime(token, clock.now())) return undefined;
    return AT_ONCE;
  };

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
    const refusal = refusalOf(token);
    if (refusal === undefined) return false;
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
    if (route === undefined || (refusal === AT_ONCE && owning.has(route.chain))) return false;
    const known = answers.get(route.chain);
    const learnt = known?.byRefusal.get(refusal);
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
    chain(handler, ownParam) {
      chains.add(handler);
      if (ownParam !== undefined) owning.add(handler);
      return handler;
    },
    refused(c, refusal) {
      refusedIn.set(c, refusal);
    },
    async learn(c, next) {
      await next();
      const refusal = refusedIn.get(c);
      if (refusal === undefined || !eligible(c.req.method, (name) => c.req.header(name))) return;
      if (c.req.path !== plainPath(new URL(c.req.url).pathname)) return;
      const route = handlersTo(c.req.method, c.req.path);
      if (route === undefined) return;
      const known = answers.get(route.chain) ?? { before: route.before, byRefusal: new Map<Refusal, Learnt>() };
      if (!sameHandlers(known.before, route.before) || known.byRefusal.has(refusal)) return;
      const headers = [...c.res.headers].filter(([name]) => name !== 'content-length');
      // Only an answer that does not depend on the request's own headers (a compressed one depends on Accept-Encoding).
      if (!headers.some(([name]) => name === REQUEST_ID) || headers.some(([name]) => name === 'set-cookie' || name === 'content-encoding')) return;
      // Only an answer held as text, which the adapter writes in one go as the fast path does (and
      // reading it would turn it into a stream, written otherwise).
      const body = knownBodyText(c.res);
      if (typeof body !== 'string') return;
      known.byRefusal.set(refusal, { status: c.res.status, headers, body, length: Buffer.byteLength(body) });
      answers.set(route.chain, known);
    },
  };
}

function sameHandlers(a: readonly Handler[], b: readonly Handler[]): boolean {
  return a.length === b.length && a.every((handler, i) => handler === b[i]);
}
