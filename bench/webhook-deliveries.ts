/**
 * Webhook delivery figures, over real HTTP on loopback: the time from sending an event (its
 * commit included) to the receiver's 2xx, and how many deliveries per second one instance posts from
 * a backlog. `npx tsx bench/webhook-deliveries.ts` (set DATABASE_URL=postgres://… to add a server).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRewardsApp } from '../src/server/app.ts';
import { systemClock } from '../src/server/clock.ts';
import { loadServerConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/index.ts';
import { silentLogger } from '../src/server/http/logger.ts';
import { startHttpServer } from '../src/server/http/server.ts';
import { WebhookDeliveryJob } from '../src/server/services/webhooks/delivery-job.ts';
import { createScratchPostgresDatabase } from '../test/node/support/databases.ts';

const API_KEY = 'bench-api-key-0123456789';
const LATENCY_EVENTS = Number(process.env.BENCH_WEBHOOK_EVENTS ?? 100);
const BACKLOG = Number(process.env.BENCH_WEBHOOK_BACKLOG ?? 1000);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function measure(name: string, url: string): Promise<void> {
  const arrivals = new Map<string, number>();
  const receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      arrivals.set(String(req.headers['rewards-event-id']), performance.now());
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  const db = await openDatabase(url);
  const config = loadServerConfig({ REWARDS_API_KEY: API_KEY, REWARDS_MEMBER_SECRET: 'bench-member-secret-0123456789abcdef', DATABASE_URL: url, PORT: '0' });
  const job = new WebhookDeliveryJob({ db, clock: systemClock, logger: silentLogger, allowPrivate: true });
  let nudging = true;
  const app = createRewardsApp({
    config,
    db,
    logger: silentLogger,
    demoDir: null,
    webhookDeliveries: { nudge: () => nudging && job.nudge() },
    rateLimit: { ratePerSecond: 1e6, burst: 1e6 },
  });
  const server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
  const shop = (path: string, method: string, body: unknown) =>
    fetch(`${server.url}${path}`, { method, headers: { 'content-type': 'application/json', 'x-api-key': API_KEY }, body: JSON.stringify(body) });
  const reward = (memberId: string) =>
    shop('/v1/events', 'POST', {
      id: randomUUID(),
      type: 'project.rewarded',
      memberId,
      occurredAt: new Date().toISOString(),
      data: { projectId: randomUUID(), coins: 1 },
    });
  try {
    await shop('/v1/webhooks/bench', 'PUT', { url: hook, events: ['member.balance_changed'] });

    // Commit → receiver's 2xx, one event at a time, delivered by the nudge after each commit.
    const latencies: number[] = [];
    const answers: number[] = [];
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      const before = arrivals.size;
      // From sending the event: the commit happens inside this span, and the nudge may post the
      // delivery before the shop has even read its 200.
      const sentAt = performance.now();
      const answered = await reward(`latency-${i % 10}`);
      answers.push(performance.now() - sentAt);
      if (answered.status !== 200) throw new Error(`event answered ${answered.status}`);
      await job.idle();
      while (arrivals.size === before) await new Promise((resolve) => setImmediate(resolve));
      latencies.push([...arrivals.values()].at(-1)! - sentAt);
    }
    latencies.sort((a, b) => a - b);
    answers.sort((a, b) => a - b);

    // A backlog (instance down, receiver back): one instance's run posts it.
    nudging = false;
    for (let i = 0; i < BACKLOG; i++) await reward(`backlog-${i % 50}`);
    const before = arrivals.size;
    const started = performance.now();
    await job.run(new Date());
    const seconds = (performance.now() - started) / 1000;
    const delivered = arrivals.size - before;
    console.log(
      `  ${name.padEnd(9)} event sent → receiver 2xx p50 ${percentile(latencies, 50).toFixed(1)} ms  p95 ${percentile(latencies, 95).toFixed(1)} ms (the shop's 200 alone: p50 ${percentile(answers, 50).toFixed(1)} ms)  (${LATENCY_EVENTS} events)` +
        `   backlog ${delivered}/${BACKLOG} in ${seconds.toFixed(2)} s = ${(delivered / seconds).toFixed(0)} deliveries/s`,
    );
  } finally {
    await server.close();
    await job.idle();
    await db.close();
    receiver.close();
  }
}

console.log('\nWebhook deliveries (one instance, receiver on loopback)');
await measure('pglite', 'memory://');
if (process.env.DATABASE_URL?.startsWith('postgres')) {
  const scratch = await createScratchPostgresDatabase(process.env.DATABASE_URL);
  try {
    await measure('postgres', scratch.url);
  } finally {
    await scratch.drop();
  }
}
