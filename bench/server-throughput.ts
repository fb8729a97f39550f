/**
 * Server throughput on one database: the two busiest member actions (check-in, redemption)
 * against GET /healthz (one database round trip) as the baseline, all over real HTTP on loopback.
 */
import { randomUUID } from 'node:crypto';
import { createRewardsApp } from '../src/server/app.ts';
import { loadServerConfig } from '../src/server/config.ts';
import { openDatabase, type Db } from '../src/server/db/index.ts';
import { signMemberToken } from '../src/server/http/auth.ts';
import { silentLogger } from '../src/server/http/logger.ts';
import { startHttpServer } from '../src/server/http/server.ts';
import { runLoad, type LoadResult } from './load.ts';

const API_KEY = 'bench-api-key-0123456789';
const SECRET = 'bench-member-secret-0123456789abcdef';

export interface ThroughputFigures {
  database: string;
  healthz: LoadResult;
  checkIns: LoadResult;
  redemptions: LoadResult;
}

export async function measureServer(database: string, url: string, options: { durationMs: number; concurrency: number }): Promise<ThroughputFigures> {
  const db: Db = await openDatabase(url);
  const config = loadServerConfig({ REWARDS_API_KEY: API_KEY, REWARDS_MEMBER_SECRET: SECRET, DATABASE_URL: url, PORT: '0' });
  const app = createRewardsApp({ config, db, logger: silentLogger, demoDir: null, rateLimit: { ratePerSecond: 1e6, burst: 1e6 } });
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  const shop = (path: string, method: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', 'x-api-key': API_KEY }, body: JSON.stringify(body) });
  try {
    // Redeemers: a few members rich enough for the whole run, and an item that never runs out.
    const redeemers = Array.from({ length: options.concurrency }, (_, i) => `bench-redeemer-${i}`);
    await shop('/v1/catalog/bench-sticker', 'PUT', { kind: 'product', name: 'Sticker', description: '', imageUrl: null, coins: 1, stock: 1_000_000_000 });
    for (const memberId of redeemers) {
      const order = { orderId: `bench-order-${memberId}`, lines: [{ sku: 'big', unitPriceCents: 100_000_000, quantity: 1 }], shippingCents: 0 };
      await shop('/v1/events', 'POST', { id: randomUUID(), type: 'order.completed', memberId, occurredAt: new Date().toISOString(), data: order });
    }
    const tokens = new Map<string, string>();
    const bearer = async (memberId: string) => {
      let token = tokens.get(memberId);
      if (!token) tokens.set(memberId, (token = await signMemberToken(SECRET, memberId, 3600)));
      return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    };
    const load = { concurrency: options.concurrency, durationMs: options.durationMs };
    const healthz = await runLoad(() => fetch(`${server.url}/healthz`), load);
    // One check-in per member per day: every request is a new member.
    const checkIns = await runLoad(
      async (worker, i) => fetch(`${server.url}/v1/me/check-ins`, { method: 'POST', headers: await bearer(`bench-${worker}-${i}`) }),
      load,
    );
    const redemptions = await runLoad(
      async (worker) =>
        fetch(`${server.url}/v1/me/redemptions`, {
          method: 'POST',
          headers: await bearer(redeemers[worker]!),
          body: JSON.stringify({ catalogItemId: 'bench-sticker' }),
        }),
      load,
    );
    return { database, healthz, checkIns, redemptions };
  } finally {
    await server.close();
    await db.close();
  }
}
