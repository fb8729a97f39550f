/**
 * SIGKILL under concurrent load, on the embedded database on disk and on PostgreSQL: clients keep
 * crediting coins (shop events) and redeeming them (member requests with Idempotency-Keys) while
 * the server is killed and started again on the same database, and every client retries what was
 * not answered with the same event id or key, as a real client does. Afterwards every answered
 * write is there exactly once, a retry of any of them replays it, every balance is the sum of its
 * ledger entries, and every webhook event still reaches the shop.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemClock } from '../../../../src/server/clock.ts';
import { openDatabase } from '../../../../src/server/db/index.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { silentLogger } from '../../../../src/server/http/logger.ts';
import { WebhookDeliveryJob } from '../../../../src/server/services/webhooks/delivery-job.ts';
import { API_KEY, MEMBER_SECRET } from '../http/support.ts';
import { durableTargets, startServerProcess, stopServerProcess, until, type ServerProcess } from '../support/server-process.ts';
import { startReceiver } from '../webhooks/support.ts';

const CLIENTS = 6;
/** Each round: a credit of 20 coins, then a redemption of a 10-coin mug. */
const ROUNDS = 5;
/** Kills per run; the embedded database takes longer to start again. */
const KILLS = { 'pglite on disk': 2, postgres: 3 } as const;
const CREDIT = 20;
const MUG = 10;

interface Answer {
  status: number;
  replayed: string | null;
  body: string;
}

/** The server in use now; the killer replaces it. */
interface Current {
  server: ServerProcess;
}

/**
 * Sends until the server gives a final answer: a refused connection, a cut one, a 5xx, a 429 or a
 * key still being processed is retried after a moment, with the same request.
 */
async function untilAnswered(
  current: Current,
  path: string,
  init: { method: string; headers: Record<string, string>; body?: string },
): Promise<Answer & { attempts: number }> {
  for (let attempts = 1; ; attempts++) {
    try {
      const res = await fetch(`${current.server.url}${path}`, init);
      const body = await res.text();
      const final = res.status < 500 && res.status !== 429 && !(res.status === 409 && body.includes('still being processed'));
      if (final) return { status: res.status, replayed: res.headers.get('Idempotent-Replayed'), body, attempts };
    } catch {
      // The server died with the request: the same request goes again.
    }
    if (attempts > 2_000) throw new Error(`${init.method} ${path} never answered`);
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
}

for (const target of durableTargets()) {
  const kills = KILLS[target.name];
  describe(`SIGKILL under load, restart on the same database (${target.name})`, () => {
    test(
      `S1 C11 ${kills} kills during ${CLIENTS} clients' credits and redemptions: every answered write once, replays replay, balances = ledger, webhooks delivered`,
      { timeout: 240_000 },
      async () => {
        const store = await target.create();
        const receiver = await startReceiver(systemClock);
        const start = () =>
          startServerProcess({ DATABASE_URL: store.url, REWARDS_API_KEY: API_KEY, REWARDS_MEMBER_SECRET: MEMBER_SECRET, REWARDS_SEED_DEMO: '0' });
        const current: Current = { server: await start() };
        const shop = { 'X-Api-Key': API_KEY, 'Content-Type': 'application/json' };
        try {
          const put = await fetch(`${current.server.url}/v1/webhooks/shop`, {
            method: 'PUT',
            headers: shop,
            body: JSON.stringify({ url: receiver.url, events: ['*'] }),
          });
          assert.equal(put.status, 201, await put.text());
          const mug = await fetch(`${current.server.url}/v1/catalog/mug`, {
            method: 'PUT',
            headers: shop,
            body: JSON.stringify({ kind: 'product', name: 'Mug', description: 'A mug.', imageUrl: null, coins: MUG, stock: 100_000 }),
          });
          assert.equal(mug.status, 201, await mug.text());

          const members = Array.from({ length: CLIENTS }, (_, i) => `load-${i}`);
          const tokens = await Promise.all(members.map((m) => signMemberToken(MEMBER_SECRET, m, 3600)));
          const credits = new Map<string, Answer>();
          const redemptions = new Map<string, { member: string; answer: Answer }>();
          let answered = 0;
          let retried = 0;
          const clients = members.map(async (member, i) => {
            for (let round = 0; round < ROUNDS; round++) {
              const eventId = `${member}-credit-${round}`;
              const credit = await untilAnswered(current, '/v1/events', {
                method: 'POST',
                headers: shop,
                body: JSON.stringify({
                  id: eventId,
                  type: 'project.rewarded',
                  memberId: member,
                  occurredAt: new Date().toISOString(),
                  data: { projectId: eventId, coins: CREDIT },
                }),
              });
              credits.set(eventId, credit);
              const key = `${member}-redeem-${round}`;
              const redeemed = await untilAnswered(current, '/v1/me/redemptions', {
                method: 'POST',
                headers: { Authorization: `Bearer ${tokens[i]}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
                body: JSON.stringify({ catalogItemId: 'mug' }),
              });
              redemptions.set(key, { member, answer: redeemed });
              answered += 2;
              retried += credit.attempts - 1 + redeemed.attempts - 1;
            }
          });
          const total = CLIENTS * ROUNDS * 2;
          const killer = (async () => {
            for (let kill = 1; kill <= kills; kill++) {
              // Spread over the load: the k-th kill once about k/(kills+1) of the writes are answered.
              await until(() => answered >= (total * kill) / (kills + 1), `${kill}/${kills + 1} of the writes answered`, 120_000);
              await stopServerProcess(current.server, 'SIGKILL');
              current.server = await start();
            }
          })();
          await Promise.all([...clients, killer]);

          for (const [eventId, credit] of credits) assert.equal(credit.status, 200, `${eventId}: ${credit.body}`);
          for (const [key, { answer }] of redemptions) assert.equal(answer.status, 201, `${key}: ${answer.body}`);

          // A client that never saw an answer retries again later: the same answer, nothing done twice.
          await Promise.all(
            members.map(async (member, i) => {
              for (let round = 0; round < ROUNDS; round++) {
                const key = `${member}-redeem-${round}`;
                const again = await untilAnswered(current, '/v1/me/redemptions', {
                  method: 'POST',
                  headers: { Authorization: `Bearer ${tokens[i]}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
                  body: JSON.stringify({ catalogItemId: 'mug' }),
                });
                assert.deepEqual([again.status, again.replayed, again.body], [201, 'true', redemptions.get(key)?.answer.body], key);
                const eventId = `${member}-credit-${round}`;
                const event = {
                  id: eventId,
                  type: 'project.rewarded',
                  memberId: member,
                  occurredAt: new Date().toISOString(),
                  data: { projectId: eventId, coins: CREDIT },
                };
                const replayed = await untilAnswered(current, '/v1/events', { method: 'POST', headers: shop, body: JSON.stringify(event) });
                assert.equal(replayed.status, 200, replayed.body);
              }
            }),
          );
          assert.equal(await stopServerProcess(current.server, 'SIGTERM'), 0, current.server.output());
          // The database as the last server left it (an embedded one can only be opened by one process).
          const db = await openDatabase(store.url);
          let eventIds: string[];
          try {
            const redemptionIds = [...redemptions.values()].map(({ answer }) => (JSON.parse(answer.body) as { redemption: { id: string } }).redemption.id);
            const debits = await db.query<{ ref: string; n: number }>(`SELECT ref, count(*)::int AS n FROM ledger WHERE rule_id = 'S1' GROUP BY ref`);
            assert.deepEqual(debits.rows.map((r) => r.ref).sort(), [...redemptionIds].sort(), 'a debit for each answered redemption and no other');
            assert.ok(
              debits.rows.every((r) => r.n === 1),
              'no redemption debited twice',
            );
            const cart = await db.query<{ id: string }>('SELECT id FROM cart_items ORDER BY id');
            assert.deepEqual(
              cart.rows.map((r) => r.id),
              [...redemptionIds].sort(),
              'one cart item per answered redemption',
            );
            const stock = await db.query<{ stock: number }>(`SELECT stock FROM catalog_items WHERE id = 'mug'`);
            assert.equal(stock.rows[0]?.stock, 100_000 - redemptionIds.length);

            const creditEntries = await db.query<{ event_id: string; n: number }>(
              `SELECT event_id, count(*)::int AS n FROM ledger WHERE rule_id = 'C11' GROUP BY event_id`,
            );
            assert.deepEqual(creditEntries.rows.map((r) => r.event_id).sort(), [...credits.keys()].sort(), 'an entry for each answered credit and no other');
            assert.ok(
              creditEntries.rows.every((r) => r.n === 1),
              'no credit entered twice',
            );

            const balances = await db.query<{ id: string; coins_available: number; sum: number; points: number; points_sum: number }>(
              `SELECT m.id, m.coins_available, m.points,
                    COALESCE(SUM(l.amount) FILTER (WHERE l.currency = 'coins' AND l.status = 'available'), 0)::bigint AS sum,
                    COALESCE(SUM(l.amount) FILTER (WHERE l.currency = 'points'), 0)::bigint AS points_sum
             FROM members m LEFT JOIN ledger l ON l.member_id = m.id WHERE m.id = ANY($1) GROUP BY m.id ORDER BY m.id`,
              [members],
            );
            for (const row of balances.rows) {
              assert.deepEqual([row.coins_available, row.points], [row.sum, row.points_sum], `${row.id}'s balances are its ledger's sums`);
              assert.equal(row.coins_available, ROUNDS * (CREDIT - MUG), row.id);
            }

            // Each redemption's outbox event was committed with it.
            const added = await db.query<{ item: string }>(`SELECT data->'item'->>'id' AS item FROM webhook_events WHERE type = 'cart.item_added'`);
            assert.deepEqual(added.rows.map((r) => r.item).sort(), [...redemptionIds].sort());
            eventIds = (await db.query<{ id: string }>('SELECT id FROM webhook_events')).rows.map((r) => r.id);
            const failed = await db.query(`SELECT 1 FROM webhook_deliveries WHERE status = 'failed'`);
            assert.equal(failed.rowCount, 0);
            // A delivery a killed server had claimed stays leased for a minute, then the next run
            // takes it again; here the leases are moved to their end and the server's delivery job
            // runs once on the database the last server left.
            await db.query(`UPDATE webhook_deliveries SET leased_until = NULL WHERE status = 'pending'`);
            await new WebhookDeliveryJob({ db, clock: systemClock, logger: silentLogger, allowPrivate: true }).run(systemClock.now());
            const pending = await db.query(`SELECT 1 FROM webhook_deliveries WHERE status <> 'delivered'`);
            assert.equal(pending.rowCount, 0);
          } finally {
            await db.close();
          }
          const seen = new Set(receiver.accepted().map((r) => r.event.id));
          assert.deepEqual(
            eventIds.filter((id) => !seen.has(id)),
            [],
            'every webhook event reached the shop',
          );
          const duplicates = receiver.received.length - new Set(receiver.received.map((r) => r.event.id)).size;
          console.log(
            `${target.name}: ${kills} SIGKILLs survived, ${total} writes answered after ${retried} retries, ${eventIds.length} webhook events delivered (${duplicates} again after a kill)`,
          );
        } finally {
          await stopServerProcess(current.server, 'SIGKILL');
          await receiver.close();
          await store.remove();
        }
      },
    );
  });
}
