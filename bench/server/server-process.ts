/**
 * The server under load, in a process of its own: `node --expose-gc --import tsx
 * bench/server/server-process.ts <database url> <member secret>`. It seeds what the load needs,
 * listens on loopback, and answers the bench over IPC: its memory, the bare SQL of one redemption
 * run on its own database by N concurrent workers (the baseline every endpoint is divided by), and
 * a ledger seeded for the first-page measurement.
 */
import { createRewardsApp } from '../../src/server/app.ts';
import { loadServerConfig } from '../../src/server/config.ts';
import { openDatabase, type Db } from '../../src/server/db/index.ts';
import { silentLogger } from '../../src/server/http/logger.ts';
import { startHttpServer } from '../../src/server/http/server.ts';
import type { LoadFigures } from './load-spec.ts';
import { BENCH_ITEM, LEDGER_SIZES, ledgerMember, type BenchReply, type BenchRequest, type ServerReady } from './protocol.ts';

const [url = 'memory://', secret = ''] = process.argv.slice(2);
const send = (message: ServerReady | BenchReply) => process.send?.(message);

function memoryAtRest(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
}

/** Members rich enough for any run, and one item that never runs out. */
async function seed(db: Db, members: number): Promise<void> {
  await db.query(`INSERT INTO catalog_items (id, kind, name, coins, stock) VALUES ($1, 'product', 'Sticker', 1, 1000000000)`, [BENCH_ITEM]);
  await db.query(
    `INSERT INTO members (id, points, coins_available)
     SELECT 'bench-m' || i, (i * 97) % 20000, 1000000000 FROM generate_series(0, $1::int - 1) AS i`,
    [members],
  );
}

/** The bare SQL of one redemption: what any implementation of S1 must send, in one transaction. */
async function bareRedemption(db: Db, memberId: string, n: number): Promise<void> {
  await db.transaction(async (tx) => {
    const item = await tx.query<{ coins: number; name: string }>('SELECT coins, name, stock, active FROM catalog_items WHERE id = $1', [BENCH_ITEM]);
    const coins = item.rows[0]!.coins;
    await tx.query(
      'UPDATE members SET coins_available = coins_available - $2 WHERE id = $1 AND coins_available >= $2 RETURNING coins_available, coins_pending',
      [memberId, coins],
    );
    await tx.query('UPDATE catalog_items SET stock = stock - 1 WHERE id = $1 AND active AND stock > 0', [BENCH_ITEM]);
    const ref = `bare-${process.pid}-${memberId}-${n}`;
    await tx.query(`INSERT INTO ledger (member_id, currency, amount, rule_id, rules_version, ref, status) VALUES ($1, 'coins', $2, 'S1', 1, $3, 'available')`, [
      memberId,
      -coins,
      ref,
    ]);
    await tx.query(`INSERT INTO cart_items (id, member_id, kind, catalog_item_id, name, coins) VALUES ($1, $2, 'redemption', $3, $4, $5)`, [
      ref,
      memberId,
      BENCH_ITEM,
      item.rows[0]!.name,
      coins,
    ]);
  });
}

/** Numbers every bare redemption of this process, so their cart item ids never repeat. */
let bareRedemptions = 0;

async function bareLoad(db: Db, connections: number, durationMs: number, members: string[]): Promise<LoadFigures> {
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const i = bareRedemptions++;
        const sent = performance.now();
        try {
          await bareRedemption(db, members[i % members.length]!, i);
        } catch {
          failures++;
        }
        latencies.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), requests: latencies.length, failures };
}

/** One member per size, whose entries are all older than `others` entries of 2,000 other members. */
async function seedLedger(db: Db, others: number): Promise<void> {
  for (const size of LEDGER_SIZES) {
    await db.query('INSERT INTO members (id) VALUES ($1)', [ledgerMember(size)]);
    if (size > 0) {
      await db.query(
        `INSERT INTO ledger (member_id, currency, amount, rule_id, rules_version, status)
         SELECT $1, CASE WHEN i % 2 = 0 THEN 'coins' ELSE 'points' END, 1, 'C6', 1, 'available' FROM generate_series(1, $2::int) AS i`,
        [ledgerMember(size), size],
      );
    }
  }
  await db.query(`INSERT INTO members (id) SELECT 'bench-other' || i FROM generate_series(0, 1999) AS i`);
  await db.query(
    `INSERT INTO ledger (member_id, currency, amount, rule_id, rules_version, status)
     SELECT 'bench-other' || (i % 2000), CASE WHEN i % 2 = 0 THEN 'coins' ELSE 'points' END, 1, 'C6', 1, 'available'
     FROM generate_series(1, $1::int) AS i`,
    [others],
  );
  await db.query('ANALYZE');
}

const db = await openDatabase(url);
const MEMBERS = 2000;
await seed(db, MEMBERS);
const config = loadServerConfig({ REWARDS_API_KEY: 'bench-api-key-0123456789', REWARDS_MEMBER_SECRET: secret, DATABASE_URL: url, PORT: '0' });
const app = createRewardsApp({ config, db, logger: silentLogger, demoDir: null, rateLimit: { ratePerSecond: 1e6, burst: 1e6 } });
const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
send({ kind: 'ready', url: server.url, rssBytes: memoryAtRest(), members: MEMBERS });

process.on('message', (request: BenchRequest) => {
  const answer = async (): Promise<BenchReply> => {
    switch (request.kind) {
      case 'bare':
        return { kind: 'bare', figures: await bareLoad(db, request.connections, request.durationMs, request.members) };
      case 'seed-ledger':
        await seedLedger(db, request.others);
        return { kind: 'seeded' };
      case 'memory':
        return { kind: 'memory', rssBytes: memoryAtRest() };
      case 'stop':
        await server.close({ forceAfterMs: 1000 });
        await db.close();
        return { kind: 'stopped' };
    }
  };
  answer().then(send, (error: unknown) => send({ kind: 'error', message: String(error) }));
});
