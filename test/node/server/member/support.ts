/**
 * A whole rewards app on a test database, with a clock the test moves, and short ways to call
 * it as a member, as the shop, or as anyone.
 */
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import type { PutCatalogItemBody, ShopEvent } from '../../../../src/api/index.ts';
import { createRewardsApp, type CreateRewardsAppOptions } from '../../../../src/server/app.ts';
import { loadServerConfig, type ServerConfig } from '../../../../src/server/config.ts';
import type { Db } from '../../../../src/server/db/index.ts';
import type { RewardsApp } from '../../../../src/server/http/app.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import type { Clock } from '../../../../src/server/clock.ts';
import { createCapturingLogger } from '../../../../src/server/http/logger.ts';

export const API_KEY = 'member-tests-shop-key-0123456789';
export const MEMBER_SECRET = 'member-tests-member-secret-0123456789abcdef';

export function testConfig(env: Record<string, string> = {}): ServerConfig {
  return loadServerConfig({
    DATABASE_URL: 'memory://',
    REWARDS_API_KEY: API_KEY,
    REWARDS_MEMBER_SECRET: MEMBER_SECRET,
    REWARDS_ALLOWED_ORIGINS: 'https://shop.example',
    ...env,
  });
}

/** A clock that moves only when told to; it starts at noon UTC on a Wednesday, 2025-03-12. */
export class TestClock implements Clock {
  constructor(private ms = Date.parse('2025-03-12T12:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
  advanceDays(days: number): void {
    this.ms += days * 86_400_000;
  }
}

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  body?: unknown;
}

export class TestApp {
  readonly app: RewardsApp;
  readonly clock: TestClock;
  readonly logger = createCapturingLogger();
  #eventCount = 0;

  constructor(
    readonly db: Db,
    options: Partial<CreateRewardsAppOptions> = {},
  ) {
    this.clock = new TestClock();
    this.app = createRewardsApp({
      config: testConfig(),
      db,
      logger: this.logger,
      clock: this.clock,
      // Tests fire many requests as one member; the limit itself has a test of its own.
      rateLimit: { ratePerSecond: 10_000, burst: 10_000 },
      demoDir: null,
      ...options,
    });
  }

  async request<T = unknown>(method: string, path: string, { headers = {}, body }: RequestOptions = {}): Promise<Reply<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] ??= 'application/json';
    }
    const res = await this.app.request(path, init);
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    const parsed = /json/.test(type) && text !== '' ? (JSON.parse(text) as T) : (text as T);
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  /** Calls as `memberId`, with a token the shop signed. */
  async asMember<T = unknown>(memberId: string, method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const token = await signMemberToken(MEMBER_SECRET, memberId, 3600, this.clock.now());
    return this.request<T>(method, path, { ...options, headers: { Authorization: `Bearer ${token}`, ...options.headers } });
  }

  asShop<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    return this.request<T>(method, path, { ...options, headers: { 'X-Api-Key': API_KEY, ...options.headers } });
  }

  /** Sends a shop event through `POST /v1/events`, with a fresh id unless one is given. */
  async event(memberId: string, type: ShopEvent['type'], data: Record<string, unknown>, id?: string): Promise<Reply> {
    this.#eventCount += 1;
    const reply = await this.asShop('POST', '/v1/events', {
      body: { id: id ?? `evt-${this.#eventCount}-${memberId}`, type, memberId, occurredAt: this.clock.now().toISOString(), data },
    });
    assert.equal(reply.status, 200, `event ${type} was refused: ${reply.text}`);
    return reply;
  }

  /** Gives a member exactly `coins` (C11 official rewards, at most 1000 each). */
  async giveCoins(memberId: string, coins: number): Promise<void> {
    for (let left = coins; left > 0; left -= 1000) {
      await this.event(memberId, 'project.rewarded', { projectId: 'reward-source', coins: Math.min(1000, left) });
    }
  }

  async putItem(id: string, item: Partial<PutCatalogItemBody> & { kind: 'product' | 'coupon' }): Promise<void> {
    const body = { name: `Item ${id}`, description: '', imageUrl: null, coins: 100, stock: 10, ...item };
    const reply = await this.asShop('PUT', `/v1/catalog/${id}`, { body });
    assert.ok(reply.status === 200 || reply.status === 201, `catalog item ${id} was refused: ${reply.text}`);
  }

  async coins(memberId: string): Promise<{ available: number; pending: number }> {
    const me = await this.asMember<{ coins: { available: number; pending: number } }>(memberId, 'GET', '/v1/me');
    assert.equal(me.status, 200, me.text);
    return me.body.coins;
  }

  async stock(itemId: string): Promise<number | undefined> {
    const { rows } = await this.db.query<{ stock: number }>('SELECT stock FROM catalog_items WHERE id = $1', [itemId]);
    return rows[0]?.stock;
  }
}

/** Asserts a problem answer with this status and code, and returns it. */
export function assertProblem(reply: Reply, status: number, code: string): Record<string, unknown> {
  assert.equal(reply.status, status, `expected ${status} ${code}, got ${reply.status}: ${reply.text}`);
  assert.equal(reply.headers.get('content-type'), 'application/problem+json');
  const problem = reply.body as Record<string, unknown>;
  assert.equal(problem.code, code);
  return problem;
}

/** Asserts that a body matches one of the API's response schemas (what the SDK would check). */
export function assertShape<S extends z.core.$ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = z.safeParse(schema, body);
  assert.ok(result.success, `response does not match the contract: ${JSON.stringify(result.error?.issues)}\n${JSON.stringify(body)}`);
  return result.data as z.infer<S>;
}
