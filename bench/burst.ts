/**
 * `npx tsx bench/burst.ts`: what one member's burst costs another member. A quiet member reads
 * `/v1/me` one request at a time; first alone, then while a second member fires 500 requests
 * over 50 connections with the server's default per-member rate limit. Prints the quiet
 * member's p50/p95 in both phases and how the burst was answered. Figures, not a test: these
 * machines are shared and noisy. DATABASE_URL=postgres://… measures on a PostgreSQL server too.
 */
import { createRewardsApp } from '../src/server/app.ts';
import { loadServerConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/index.ts';
import { signMemberToken } from '../src/server/http/auth.ts';
import { silentLogger } from '../src/server/http/logger.ts';
import { startHttpServer } from '../src/server/http/server.ts';
import { createScratchPostgresDatabase } from '../test/node/support/databases.ts';

const API_KEY = 'bench-api-key-0123456789';
const SECRET = 'bench-member-secret-0123456789abcdef';
const BURST = Number(process.env.BURST_REQUESTS ?? 500);
const CONNECTIONS = Number(process.env.BURST_CONNECTIONS ?? 50);

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function measure(name: string, url: string): Promise<void> {
  const db = await openDatabase(url);
  const config = loadServerConfig({ REWARDS_API_KEY: API_KEY, REWARDS_MEMBER_SECRET: SECRET, DATABASE_URL: url, PORT: '0' });
  const server = await startHttpServer(createRewardsApp({ config, db, logger: silentLogger, demoDir: null }), { port: 0, host: '127.0.0.1' });
  try {
    for (const memberId of ['quiet', 'noisy']) {
      await fetch(`${server.url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
        body: JSON.stringify({ id: `reg-${memberId}`, type: 'member.registered', memberId, occurredAt: new Date().toISOString(), data: {} }),
      });
    }
    const quiet = { authorization: `Bearer ${await signMemberToken(SECRET, 'quiet', 3600)}` };
    const noisy = { authorization: `Bearer ${await signMemberToken(SECRET, 'noisy', 3600)}` };

    /** The quiet member's latencies while `during` runs (or for `ms` when alone). Stays under its own limit: 4 requests a second. */
    const quietLatencies = async (until: () => boolean): Promise<number[]> => {
      const latencies: number[] = [];
      while (!until()) {
        const sent = performance.now();
        const res = await fetch(`${server.url}/v1/me`, { headers: quiet });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`the quiet member got ${res.status}`);
        latencies.push(performance.now() - sent);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return latencies.sort((a, b) => a - b);
    };

    const aloneUntil = performance.now() + 3000;
    const alone = await quietLatencies(() => performance.now() > aloneUntil);

    let done = false;
    const statuses = new Map<number, number>();
    const burstStarted = performance.now();
    let next = 0;
    const burst = Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (next < BURST) {
          next += 1;
          const res = await fetch(`${server.url}/v1/me`, { headers: noisy });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    ).then(() => (done = true));
    const during = await quietLatencies(() => done);
    await burst;
    const burstMs = performance.now() - burstStarted;

    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(`${name}: quiet member alone      p50 ${fmt(percentile(alone, 0.5))}  p95 ${fmt(percentile(alone, 0.95))}  (${alone.length} requests)`);
    console.log(`${name}: quiet member in a burst p50 ${fmt(percentile(during, 0.5))}  p95 ${fmt(percentile(during, 0.95))}  (${during.length} requests)`);
    console.log(
      `${name}: burst of ${BURST} over ${CONNECTIONS} connections in ${fmt(burstMs)}: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${n}× ${status}`)
        .join(', ')}`,
    );
  } finally {
    await server.close();
    await db.close();
  }
}

await measure('pglite', 'memory://');
if (process.env.DATABASE_URL?.startsWith('postgres')) {
  const scratch = await createScratchPostgresDatabase(process.env.DATABASE_URL);
  try {
    await measure('postgres', scratch.url);
  } finally {
    await scratch.drop();
  }
}
