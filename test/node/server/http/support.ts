import { connect } from 'node:net';
import * as z from 'zod/mini';
import { loadServerConfig, type ServerConfig } from '../../../../src/server/config.ts';
import type { Db } from '../../../../src/server/db/index.ts';
import { createHttpApp, type CreateHttpAppOptions, type RewardsApp, type RouteModule } from '../../../../src/server/http/app.ts';
import { memberIdOf } from '../../../../src/server/http/auth.ts';
import type { Clock } from '../../../../src/server/clock.ts';
import { createCapturingLogger, type LogRecord } from '../../../../src/server/http/logger.ts';
import { validJson, validParams, validQuery } from '../../../../src/server/http/validate.ts';

export const API_KEY = 'test-shop-key-0123456789';
export const MEMBER_SECRET = 'test-member-secret-0123456789abcdef';
export const SHOP_ORIGIN = 'https://shop.example';

export function testConfig(env: Record<string, string> = {}): ServerConfig {
  return loadServerConfig({
    DATABASE_URL: 'memory://',
    REWARDS_API_KEY: API_KEY,
    REWARDS_MEMBER_SECRET: MEMBER_SECRET,
    REWARDS_ALLOWED_ORIGINS: SHOP_ORIGIN,
    ...env,
  });
}

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  constructor(private ms = Date.parse('2025-03-01T12:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** For apps whose tests must not reach the database: any use fails the test loudly. */
export const unreachableDb: Db = {
  kind: 'pglite',
  query: () => Promise.reject(new Error('the database was not expected to be used')),
  transaction: () => Promise.reject(new Error('the database was not expected to be used')),
  close: () => Promise.resolve(),
};

const echoBody = z.strictObject({
  name: z.string().check(z.minLength(1)),
  coins: z.int().check(z.minimum(0)),
});

/** Routes built the way real route modules are, to exercise the plumbing end to end. */
export const plumbingRoutes: RouteModule = (app, deps) => {
  app.get('/t/me', deps.member(), (c) => c.json({ memberId: memberIdOf(c) }));
  app.get('/t/members/:id', deps.memberOrShop({ ownParam: 'id' }), (c) => c.json({ id: c.req.param('id') }));
  app.post('/t/shop', deps.shop(), (c) => c.json({ ok: true }));
  app.post('/t/echo', deps.member(), validJson(echoBody), (c) => c.json(c.req.valid('json'), 201));
  app.get('/t/ledger', validQuery(z.object({ currency: z.enum(['coins', 'points']) })), (c) => c.json({ currency: c.req.valid('query').currency }));
  app.get('/t/orders/:n', validParams(z.object({ n: z.string().check(z.regex(/^\d+$/)) })), (c) => c.json({ n: Number(c.req.valid('param').n) }));
  app.get('/t/boom', () => {
    throw new Error('connection string postgres://secret@db');
  });
};

export interface TestApp {
  app: RewardsApp;
  logs: LogRecord[];
}

export function makeApp(options: Partial<CreateHttpAppOptions> = {}): TestApp {
  const logger = createCapturingLogger();
  const app = createHttpApp({
    config: testConfig(),
    db: unreachableDb,
    logger,
    routes: [plumbingRoutes],
    ...options,
  });
  return { app, logs: logger.records };
}

export async function problemOf(res: Response): Promise<Record<string, unknown>> {
  const type = res.headers.get('content-type');
  if (type !== 'application/problem+json') throw new Error(`expected a problem, got ${type}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Sends `raw` on a fresh socket; resolves with the whole answer once its body has arrived (its head alone for HEAD). */
export function exchange(port: number, raw: string, head = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)\r\n/i.exec(text)?.[1];
      if (end !== -1 && (head || (length !== undefined && text.length >= end + 4 + Number(length)))) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on('error', reject);
    socket.write(raw);
  });
}
