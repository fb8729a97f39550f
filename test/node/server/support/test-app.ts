/**
 * A whole server app on one test database, driven in-process (no sockets):
 *
 *   for (const target of databaseTargets()) describe(target.name, () => {
 *     let t: TestApp;
 *     before(async () => { t = await startTestApp(target); });
 *     after(() => t.close());
 *     test('…', async () => {
 *       const res = await t.shop().post<SendEventResponse>('/v1/events', event);
 *       const me = await t.member('m1').get<MeResponse>('/v1/me');
 *     });
 *   });
 *
 * The app is `createHttpApp` with the route modules given in `routes` (by default the shop
 * backend's: events, members, rules, payouts), a fixed API key and member secret, and a clock
 * that only moves when the test says so. Each start gets a fresh database, dropped by close().
 */
import { loadServerConfig, type ServerConfig } from '../../../../src/server/config.ts';
import { createHttpApp, type CreateHttpAppOptions, type RewardsApp, type RouteModule } from '../../../../src/server/http/app.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { createCapturingLogger, type LogRecord } from '../../../../src/server/http/logger.ts';
import { registerEventRoutes } from '../../../../src/server/routes/events.ts';
import { registerShopRoutes } from '../../../../src/server/routes/shop.ts';
import type { DatabaseTarget, TestDatabase } from '../../support/databases.ts';
import { TestClock } from './test-clock.ts';

export const TEST_API_KEY = 'test-shop-api-key-0123456789';
export const TEST_MEMBER_SECRET = 'test-member-secret-0123456789abcdef0123';
export const TEST_ORIGIN = 'https://shop.example';

export const shopBackendRoutes: readonly RouteModule[] = [registerEventRoutes, registerShopRoutes];

export interface StartTestAppOptions {
  /** Route modules to mount; the shop backend's by default. */
  routes?: readonly RouteModule[];
  /** Where the clock starts. */
  now?: string | Date;
  /** Extra environment for `loadServerConfig` (e.g. REWARDS_TIMEZONE). */
  env?: Record<string, string>;
  rateLimit?: CreateHttpAppOptions['rateLimit'];
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** The parsed JSON body (problem documents included); null for an empty or non-JSON body. */
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as-is instead of JSON.stringify(body), e.g. to send malformed JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface ApiClient {
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  put<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  patch<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  delete<T = unknown>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}

export interface TestApp {
  app: RewardsApp;
  db: TestDatabase;
  clock: TestClock;
  config: ServerConfig;
  logs: LogRecord[];
  /** A request with exactly the headers given (no credentials unless passed). */
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** The shop's backend: every request carries the API key. */
  shop(): ApiClient;
  /** A member: every request carries a member token signed at the clock's current time. */
  member(memberId: string): ApiClient;
  /** A member token for `memberId`, valid for a day from the clock's current time. */
  memberToken(memberId: string): Promise<string>;
  /** Closes and drops the database. */
  close(): Promise<void>;
}

export async function startTestApp(target: DatabaseTarget, options: StartTestAppOptions = {}): Promise<TestApp> {
  const db = await target.open();
  const clock = new TestClock(options.now);
  const config = loadServerConfig({
    DATABASE_URL: 'memory://',
    REWARDS_API_KEY: TEST_API_KEY,
    REWARDS_MEMBER_SECRET: TEST_MEMBER_SECRET,
    REWARDS_ALLOWED_ORIGINS: TEST_ORIGIN,
    ...options.env,
  });
  const logger = createCapturingLogger();
  const app = createHttpApp({
    config,
    db,
    logger,
    clock,
    routes: options.routes ?? shopBackendRoutes,
    // Tests fire bursts on purpose; the limiter has its own tests.
    rateLimit: options.rateLimit ?? { ratePerSecond: 10_000, burst: 10_000 },
  });

  async function request<T>(method: string, path: string, { body, rawBody, headers = {} }: RequestOptions = {}): Promise<ApiResponse<T>> {
    const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
    const init: RequestInit = { method, headers: payload === undefined ? headers : { 'Content-Type': 'application/json', ...headers } };
    if (payload !== undefined) init.body = payload;
    const res = await app.request(path, init);
    const text = await res.text();
    let parsed: unknown = null;
    if (/json/.test(res.headers.get('content-type') ?? '') && text !== '') parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  const memberToken = (memberId: string) => signMemberToken(TEST_MEMBER_SECRET, memberId, 86_400, clock.now());

  function client(credentials: () => Promise<Record<string, string>>): ApiClient {
    const send = async <T>(method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
      request<T>(method, path, { body, headers: { ...(await credentials()), ...headers } });
    return {
      get: (path, headers) => send('GET', path, undefined, headers),
      post: (path, body, headers) => send('POST', path, body, headers),
      put: (path, body, headers) => send('PUT', path, body, headers),
      patch: (path, body, headers) => send('PATCH', path, body, headers),
      delete: (path, headers) => send('DELETE', path, undefined, headers),
    };
  }

  return {
    app,
    db,
    clock,
    config,
    logs: logger.records,
    request,
    shop: () => client(async () => ({ 'X-Api-Key': TEST_API_KEY })),
    member: (memberId) => client(async () => ({ Authorization: `Bearer ${await memberToken(memberId)}` })),
    memberToken,
    close: () => db.drop(),
  };
}
