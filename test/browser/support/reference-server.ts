/**
 * The reference server for tests that talk to a real one: in-memory database, a fixed API key
 * and member secret, cross-origin access for the given origins, on a free loopback port. Runs
 * in Node (the browser tests' server plugin, and the Node SDK tests).
 */
import { createRewardsApp } from '../../../src/server/app.ts';
import { loadServerConfig } from '../../../src/server/config.ts';
import { openDatabase } from '../../../src/server/db/index.ts';
import { signMemberToken } from '../../../src/server/http/auth.ts';
import { silentLogger } from '../../../src/server/http/logger.ts';
import { startHttpServer } from '../../../src/server/http/server.ts';
import { createShopClient, type ShopClient } from '../../../src/sdk/shop-client.ts';

export const TEST_API_KEY = 'sdk-test-shop-key-0123456789';
export const TEST_MEMBER_SECRET = 'sdk-test-member-secret-0123456789abcdef';

export interface ReferenceServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The shop backend's client, with the test API key. */
  shop: ShopClient;
  /** A member token as the shop's backend would sign it. */
  signToken(memberId: string, ttlSeconds?: number): Promise<string>;
  /**
   * A new member (a unique id), registered, with `coins` available coins from a completed
   * order when asked (C1: one coin per dollar).
   */
  newMember(options?: { displayName?: string; coins?: number }): Promise<{ memberId: string; token: string }>;
  close(): Promise<void>;
}

let memberCounter = 0;

export async function startReferenceServer({ allowedOrigins = [] }: { allowedOrigins?: string[] } = {}): Promise<ReferenceServer> {
  const config = loadServerConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: 'memory://',
    REWARDS_API_KEY: TEST_API_KEY,
    REWARDS_MEMBER_SECRET: TEST_MEMBER_SECRET,
    REWARDS_SEED_DEMO: '0',
    ...(allowedOrigins.length > 0 ? { REWARDS_ALLOWED_ORIGINS: allowedOrigins.join(',') } : {}),
  });
  const db = await openDatabase(config.databaseUrl);
  const app = createRewardsApp({ config, db, logger: silentLogger, demoDir: null });
  const running = await startHttpServer(app, { port: 0, host: config.host });
  const shop = createShopClient({ baseUrl: running.url, apiKey: TEST_API_KEY });
  const runId = Date.now().toString(36);

  const signToken = (memberId: string, ttlSeconds = 3600) => signMemberToken(TEST_MEMBER_SECRET, memberId, ttlSeconds);

  return {
    url: running.url,
    shop,
    signToken,
    async newMember({ displayName, coins = 0 } = {}) {
      memberCounter += 1;
      const memberId = `m-${runId}-${memberCounter}`;
      const occurredAt = new Date().toISOString();
      await shop.sendEvent({
        id: `${memberId}-registered`,
        type: 'member.registered',
        memberId,
        occurredAt,
        data: displayName ? { displayName } : {},
      });
      if (coins > 0) {
        await shop.sendEvent({
          id: `${memberId}-order`,
          type: 'order.completed',
          memberId,
          occurredAt,
          data: {
            orderId: `${memberId}-order`,
            lines: [{ sku: 'starter-kit', unitPriceCents: coins * 100, quantity: 1 }],
            shippingCents: 0,
          },
        });
      }
      return { memberId, token: await signToken(memberId) };
    },
    async close() {
      await running.close({ forceAfterMs: 1_000 });
      await db.close();
    },
  };
}
