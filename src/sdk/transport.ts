/**
 * One HTTP call of the contract, with everything that makes it dependable: credentials,
 * idempotency key, per-attempt timeout, abort, retries, and validation of the answer.
 *
 * Each call names its own response schema, imported by the client method that makes it; the
 * endpoint table (`api/endpoints.ts`, with the shop's event and rules schemas) is for the
 * server and the OpenAPI document and never reaches a browser bundle.
 */
import * as z from 'zod/mini';
import { problemDetails } from '../api/errors.ts';
import { OriginRefusedError, RewardsError, abortedError } from './errors.ts';
import { attemptLimit, backoffDelay, budgetOf, parseRetryAfter, retryPolicy, type RetryOptions } from './retry.ts';

/** The subset of `fetch` the SDK uses; pass a wrapper to add logging, tracing or tests' faults. */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/**
 * Gives the member token. `refresh` is true when the server has just refused the previous one
 * (401): a caching token source should fetch a new token rather than return the same one.
 * `null` or `undefined` means no member is signed in.
 */
export type GetToken = (context?: { refresh: boolean }) => string | null | undefined | Promise<string | null | undefined>;

export type Credentials = { kind: 'member'; getToken: GetToken } | { kind: 'shop'; apiKey: string } | { kind: 'none' };

export interface TransportOptions {
  baseUrl: string;
  fetch?: FetchFunction | undefined;
  retry?: RetryOptions | false | undefined;
  /** Each attempt's limit, from sending the request to the end of the body. Default 10 s. */
  timeoutMs?: number | undefined;
  /** Sent as `Accept-Language`. */
  locale?: string | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

/** Options of a call that changes something. */
export interface ActionOptions extends CallOptions {
  /**
   * The `Idempotency-Key` of this action; a fresh one is made when absent. Pass the same key
   * again only to repeat the very same action (for example after a reload).
   */
  idempotencyKey?: string | undefined;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What is called and how its answer is checked. */
export interface Endpoint<S extends z.core.$ZodType> {
  method: HttpMethod;
  /** OpenAPI style, `/v1/me/cart/{itemId}`: each `{name}` is filled from `Call.params`. */
  path: `/v1/${string}`;
  /** The schema of a success's body. */
  response: S;
}

export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  credentials: Credentials;
  options?: ActionOptions | undefined;
}

export interface Transport {
  readonly baseUrl: string;
  /** Calls `endpoint` and resolves with its answer, checked against `endpoint.response`. */
  call<S extends z.core.$ZodType>(endpoint: Endpoint<S>, call: Call): Promise<z.output<S>>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The methods that accept an `Idempotency-Key`: a retry with the same key replays the first answer. */
const IDEMPOTENT: ReadonlySet<HttpMethod> = new Set(['POST', 'PATCH', 'DELETE']);

/** A concrete path: each `{name}` replaced by its value, percent-encoded. */
function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

/** An answer read to its end. */
interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** How one attempt ended when it did not give a usable answer. */
interface Failure {
  error: RewardsError;
  retryable: boolean;
  retryAfterMs?: number;
}

/** `baseUrl` as an absolute URL without a trailing slash; relative ones resolve against the page. */
export function resolveBaseUrl(baseUrl: string): string {
  const page = (globalThis as { location?: { href: string } }).location?.href;
  let url: URL;
  try {
    url = new URL(baseUrl, page);
  } catch {
    throw new TypeError(`baseUrl "${baseUrl}" is not an absolute URL${page ? ' or a path' : ''}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('baseUrl must use http or https');
  url.hash = '';
  url.search = '';
  return url.href.replace(/\/+$/, '');
}

export function createTransport(options: TransportOptions): Transport {
  const baseUrl = resolveBaseUrl(options.baseUrl);
  const doFetch: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const policy = retryPolicy(options.retry);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function call<S extends z.core.$ZodType>(endpoint: Endpoint<S>, spec: Call): Promise<z.output<S>> {
    const { credentials } = spec;
    const signal = spec.options?.signal;
    if (signal?.aborted) throw abortedError(signal);
    const url = baseUrl + fillPath(endpoint.path, spec.params ?? {}) + queryString(spec.query);
    const idempotencyKey = IDEMPOTENT.has(endpoint.method) ? (spec.options?.idempotencyKey ?? newIdempotencyKey()) : undefined;
    const started = policy.now();
    const budgetMs = budgetOf(policy, endpoint.method);
    let failures = 0;
    let refreshToken = false;
    let probed = false;
    let suspectedRefusal: OriginRefusedError | undefined;

    for (;;) {
      const headers = await requestHeaders(credentials, refreshToken, idempotencyKey, spec.body !== undefined);
      if (signal?.aborted) throw abortedError(signal);
      const init: RequestInit = { method: endpoint.method, headers };
      if (spec.body !== undefined) init.body = JSON.stringify(spec.body);

      const answer = await attempt(url, init, signal, attemptLimit(policy, budgetMs, started, timeoutMs));
      let failure: Failure;
      if ('error' in answer) {
        failure = answer;
        if (answer.error.code === 'network') {
          // A refused origin looks like a dead network, and retrying it four times helps nobody.
          // If the server answers a request the browser does not guard, try once more at once:
          // a network blip passes, a refusal repeats, and then it is said plainly.
          if (suspectedRefusal) {
            throw new RewardsError({ code: 'network', detail: suspectedRefusal.message, cause: suspectedRefusal });
          }
          if (!probed) {
            probed = true;
            suspectedRefusal = await serverAnswersWithoutCors(url, signal);
            if (suspectedRefusal) continue;
          }
        }
      } else if (answer.status >= 200 && answer.status < 300) {
        return decode(answer, endpoint.response, `${endpoint.method} ${endpoint.path}`) as z.output<S>;
      } else if (answer.status === 401 && credentials.kind === 'member' && !refreshToken) {
        // The token may just have expired: ask for a fresh one, once, and try again at once.
        refreshToken = true;
        continue;
      } else {
        failure = problemFailure(answer, policy.now());
      }

      failures += 1;
      if (!failure.retryable || failures >= policy.attempts) throw failure.error;
      const delay = backoffDelay(policy, failures, failure.retryAfterMs);
      if (policy.now() - started + delay > budgetMs) throw failure.error;
      await policy.sleep(delay, signal);
    }
  }

  async function requestHeaders(
    credentials: Credentials,
    refresh: boolean,
    idempotencyKey: string | undefined,
    hasBody: boolean,
  ): Promise<Record<string, string>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (hasBody) headers['Content-Type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;
    if (options.locale) headers['Accept-Language'] = options.locale;
    if (credentials.kind === 'shop') headers['X-Api-Key'] = credentials.apiKey;
    if (credentials.kind === 'member') {
      const token = await credentials.getToken({ refresh });
      if (token === null || token === undefined || token === '') {
        throw new RewardsError({ code: 'unauthorized', detail: 'No member is signed in.' });
      }
      headers.Authorization = `Bearer ${token}`;
    }
    return headers;
  }

  /** One request, body included, within `limitMs` (the per-attempt timeout) and the caller's signal. */
  async function attempt(url: string, init: RequestInit, signal: AbortSignal | undefined, limitMs: number): Promise<Answer | Failure> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, limitMs);
    const forwardAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forwardAbort, { once: true });
    try {
      const response = await doFetch(url, { ...init, signal: controller.signal });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text };
    } catch (cause) {
      if (signal?.aborted) throw abortedError(signal);
      if (timedOut) {
        return { error: new RewardsError({ code: 'timeout', detail: `No answer within ${limitMs} ms.`, cause }), retryable: true };
      }
      if (cause instanceof RewardsError) return { error: cause, retryable: false };
      return { error: new RewardsError({ code: 'network', detail: 'The server could not be reached.', cause }), retryable: true };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  /**
   * After a failed cross-origin request in a browser, with the browser's own fetch: asks the same
   * URL again without CORS (`mode: 'no-cors'`: no credentials, a GET that changes nothing). An
   * answer means the server is up and the browser refused: the page's origin is likely not allowed.
   */
  async function serverAnswersWithoutCors(url: string, signal: AbortSignal | undefined): Promise<OriginRefusedError | undefined> {
    const pageOrigin = (globalThis as { location?: { origin?: string } }).location?.origin;
    const apiOrigin = new URL(url).origin;
    if (options.fetch || !pageOrigin || pageOrigin === 'null' || pageOrigin === apiOrigin) return undefined;
    try {
      await globalThis.fetch(url, { method: 'GET', mode: 'no-cors', credentials: 'omit', cache: 'no-store', ...(signal ? { signal } : {}) });
      return new OriginRefusedError(pageOrigin, apiOrigin);
    } catch {
      return undefined;
    }
  }

  return { baseUrl, call };
}

/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts (https, localhost), and
 * a shop may serve its pages over plain http; `getRandomValues` works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function queryString(query: Record<string, string | number | undefined> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function requestIdOf(answer: Answer): string | undefined {
  return answer.headers.get('X-Request-Id') ?? undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A success's body, checked against the contract. */
function decode(answer: Answer, schema: z.core.$ZodType, what: string): unknown {
  const requestId = requestIdOf(answer);
  const invalid = (detail: string, cause?: unknown) =>
    new RewardsError({ code: 'invalid_response', status: answer.status, detail, ...(requestId ? { requestId } : {}), cause });
  const json = parseJson(answer.text);
  if (!json.ok) throw invalid(`${what} answered ${answer.status} with a body that is not JSON.`);
  const parsed = z.safeParse(schema, json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : 'the body';
    throw invalid(`${what} answered ${answer.status} with an unexpected shape at ${where}.`, parsed.error);
  }
  return parsed.data;
}

/** An error answer as a `RewardsError`, and whether trying again may help. */
function problemFailure(answer: Answer, nowMs: number): Failure {
  const requestId = requestIdOf(answer);
  const retryable = answer.status >= 500 || answer.status === 429;
  const retryAfterMs = retryable ? parseRetryAfter(answer.headers.get('Retry-After'), nowMs) : undefined;
  const json = parseJson(answer.text);
  const problem = json.ok ? problemDetails.safeParse(json.value) : undefined;
  const error = problem?.success
    ? new RewardsError({
        code: problem.data.code,
        status: answer.status,
        detail: problem.data.detail,
        ...(problem.data.errors ? { errors: problem.data.errors } : {}),
        ...(requestId ? { requestId } : {}),
      })
    : new RewardsError({
        code: 'invalid_response',
        status: answer.status,
        detail: `The server answered ${answer.status} without a problem document.`,
        ...(requestId ? { requestId } : {}),
      });
  return { error, retryable, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
}
