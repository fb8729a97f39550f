/**
 * Scale-out: two processes of the real server on one PostgreSQL database, both through PgBouncer
 * in transaction pooling mode (so no session state survives from one transaction to the next, and
 * connections are shared between the instances). What one instance does, the other respects:
 * racing redemptions, Idempotency-Keys, the scheduler's payouts, webhook deliveries and each
 * member's rate limit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { WebhookEvent } from '../../../../src/api/index.ts';
import { createRewardsApp } from '../../../../src/server/app.ts';
import { systemClock } from '../../../../src/server/clock.ts';
import { openDatabase, type Db } from '../../../../src/server/db/index.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { silentLogger } from '../../../../src/server/http/logger.ts';
import { verifyWebhook } from '../../../../src/sdk/index.ts';
import { createScratchPostgresDatabase, postgresServerUrl, type ScratchPostgresDatabase } from '../../support/databases.ts';
import { API_KEY, MEMBER_SECRET, testConfig } from '../http/support.ts';
import { pgbouncerSkip, startPgbouncer, type Pgbouncer } from '../support/pgbouncer.ts';
import { startServerProcess, stopServerProcess, until, type ServerProcess } from '../support/server-process.ts';
import { startReceiver, type Receiver } from '../webhooks/support.ts';

const serverUrl = postgresServerUrl();
const skip = pgbouncerSkip(serverUrl);

/** Rounds of racing redemptions, each by a member of its own. */
const RACE_ROUNDS = 5;
/** Racing requests per round, split between the instances (within each one's in-flight limit per member). */
const RACERS = 16;

const SELLERS = ['seller-a', 'seller-b', 'seller-c'];

/** The 10th of the month two months before this one, at noon UTC: its month is over and its payout due. */
function twoMonthsAgo(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 10, 12)).toISOString();
}

const shopHeaders = { 'X-Api-Key': API_KEY, 'Content-Type': 'application/json' };

describe('two server instances behind PgBouncer (transaction pooling) on one PostgreSQL', { skip, timeout: 240_000 }, () => {
  let scratch: ScratchPostgresDatabase;
  let db: Db;
  let bouncer: Pgbouncer;
  let receiver: Receiver;
  let webhookSecret: string;
  const instances: ServerProcess[] = [];

  async function asMember(memberId: string, instance: ServerProcess, method: string, path: string, init: { body?: unknown; key?: string } = {}) {
    const token = await signMemberToken(MEMBER_SECRET, memberId, 3600);
    const res = await fetch(`${instance.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(init.key !== undefined ? { 'Idempotency-Key': init.key } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, replayed: res.headers.get('Idempotent-Replayed'), text: await res.text() };
  }

  async function shopEvent(instance: ServerProcess, event: { id: string; type: string; memberId: string; occurredAt?: string; data: unknown }) {
    const res = await fetch(`${instance.url}/v1/events`, {
      method: 'POST',
      headers: shopHeaders,
      body: JSON.stringify({ occurredAt: new Date().toISOString(), ...event }),
    });
    assert.equal(res.status, 200, await res.text());
  }

  before(async () => {
    scratch = await createScratchPostgresDatabase(serverUrl!);
    // The test's own view of the database, straight to the server.
    db = await openDatabase(scratch.url);
    bouncer = await startPgbouncer(serverUrl!);
    receiver = await startReceiver(systemClock);

    // Before any instance runs: the shop's webhook, a catalog item, and sellers' sales in a month
    // that is over, so both instances' schedulers find the same payouts due when they start.
    const seed = createRewardsApp({ config: testConfig({ DATABASE_URL: scratch.url }), db, logger: silentLogger, demoDir: null });
    const put = await seed.request('/v1/webhooks/shop', { method: 'PUT', headers: shopHeaders, body: JSON.stringify({ url: receiver.url, events: ['*'] }) });
    assert.equal(put.status, 201, await put.clone().text());
    webhookSecret = ((await put.json()) as { secret: string }).secret;
    const mug = await seed.request('/v1/catalog/mug', {
      method: 'PUT',
      headers: shopHeaders,
      body: JSON.stringify({ kind: 'product', name: 'Mug', description: 'A mug.', imageUrl: null, coins: 10, stock: 1000 }),
    });
    assert.equal(mug.status, 201, await mug.clone().text());
    for (const sellerId of SELLERS) {
      for (const n of [1, 2]) {
        const orderId = `o-${sellerId}-${n}`;
        const res = await seed.request('/v1/events', {
          method: 'POST',
          headers: shopHeaders,
          body: JSON.stringify({
            id: `${orderId}-completed`,
            type: 'order.completed',
            memberId: 'buyer',
            occurredAt: twoMonthsAgo(),
            data: { orderId, lines: [{ sku: `${sellerId}-kit`, unitPriceCents: 1_000 * n, quantity: 1, partnerSellerId: sellerId }], shippingCents: 0 },
          }),
        });
        assert.equal(res.status, 200, await res.clone().text());
      }
    }

    const env = {
      DATABASE_URL: bouncer.urlFor(scratch.url),
      DATABASE_POOL_SIZE: '10',
      // Debian's PgBouncer (1.18) does not carry prepared statements: the setting the README gives.
      DATABASE_PREPARED_STATEMENTS: '0',
      REWARDS_API_KEY: API_KEY,
      REWARDS_MEMBER_SECRET: MEMBER_SECRET,
      REWARDS_SEED_DEMO: '0',
    };
    instances.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
  });

  after(async () => {
    for (const instance of instances) await stopServerProcess(instance, 'SIGTERM');
    await receiver?.close();
    await bouncer?.stop();
    await db?.close();
    await scratch?.drop();
  });

  test(`S1 racing redemptions split across both instances give exactly the balance's worth (${RACE_ROUNDS} rounds of ${RACERS})`, async () => {
    for (let round = 1; round <= RACE_ROUNDS; round++) {
      const member = `racer-${round}`;
      await shopEvent(instances[round % 2]!, {
        id: `race-credit-${round}`,
        type: 'project.rewarded',
        memberId: member,
        data: { projectId: `race-${round}`, coins: 35 },
      });
      const answers = await Promise.all(
        Array.from({ length: RACERS }, (_, i) =>
          asMember(member, instances[i % 2]!, 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'mug' }, key: `race-${round}-${i}` }),
        ),
      );
      const statuses = answers.map((a) => a.status);
      assert.equal(statuses.filter((s) => s === 201).length, 3, `round ${round}: ${statuses.join(' ')}`);
      assert.ok(
        statuses.every((s) => s === 201 || s === 422 || s === 409),
        `round ${round}: only refusals besides: ${statuses.join(' ')}`,
      );
      const { rows } = await db.query<{ coins_available: number; debits: number }>(
        `SELECT m.coins_available, (SELECT count(*)::int FROM ledger l WHERE l.member_id = m.id AND l.rule_id = 'S1') AS debits FROM members m WHERE m.id = $1`,
        [member],
      );
      assert.deepEqual(rows[0], { coins_available: 5, debits: 3 });
    }
    const stock = await db.query<{ stock: number }>(`SELECT stock FROM catalog_items WHERE id = 'mug'`);
    assert.equal(stock.rows[0]?.stock, 1000 - 3 * RACE_ROUNDS);
  });

  test('S1 an idempotent retry on the other instance replays the first answer; the same key on both at once acts once', async () => {
    const [one, two] = instances as [ServerProcess, ServerProcess];
    await shopEvent(one, { id: 'retry-credit', type: 'project.rewarded', memberId: 'retrier', data: { projectId: 'retry', coins: 100 } });
    const first = await asMember('retrier', one, 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'mug' }, key: 'retry-1' });
    assert.equal(first.status, 201, first.text);
    const again = await asMember('retrier', two, 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'mug' }, key: 'retry-1' });
    assert.deepEqual([again.status, again.replayed, again.text], [201, 'true', first.text]);

    const both = await Promise.all(
      [one, two, one, two].map((instance) => asMember('retrier', instance, 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'mug' }, key: 'retry-2' })),
    );
    assert.deepEqual(
      both.map((a) => a.status),
      [201, 201, 201, 201],
    );
    assert.equal(new Set(both.map((a) => a.text)).size, 1, 'every answer is the one that acted');
    assert.equal(both.filter((a) => a.replayed === null).length, 1, 'one acted, the others replayed it');
    const debits = await db.query(`SELECT 1 FROM ledger WHERE member_id = 'retrier' AND rule_id = 'S1'`);
    assert.equal(debits.rowCount, 2);
  });

  test("one member's rate limit holds across both instances; another member is not refused", async () => {
    const started = Date.now();
    const statuses: number[] = [];
    // 130 requests, 4 at a time on each instance: two budgets of 60 would let nearly all through.
    const queue = Array.from({ length: 130 }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 8 }, async (_, lane) => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift())
          statuses.push((await asMember('burster', instances[lane % 2]!, 'GET', '/v1/me')).status);
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const served = statuses.filter((s) => s === 200).length;
    assert.ok(
      statuses.every((s) => s === 200 || s === 429),
      statuses.join(' '),
    );
    // One bucket of 60, refilled at 5 a second, whichever instance answers.
    assert.ok(served >= 60 && served <= 60 + Math.ceil(5 * seconds) + 1, `${served} served in ${seconds.toFixed(1)} s`);
    assert.equal((await asMember('bystander', instances[0]!, 'GET', '/v1/me')).status, 200);
    assert.equal((await asMember('bystander', instances[1]!, 'GET', '/v1/me')).status, 200);
  });

  test('M2 both schedulers pay each seller and month once; both webhook workers deliver each event once', async () => {
    // More events while both run, half through each instance: each nudges its own worker.
    for (let i = 0; i < 20; i++) {
      await shopEvent(instances[i % 2]!, { id: `late-${i}`, type: 'project.rewarded', memberId: `late-${i % 5}`, data: { projectId: `late-${i}`, coins: 1 } });
    }
    const pending = async () => (await db.query(`SELECT 1 FROM webhook_deliveries WHERE status <> 'delivered'`)).rowCount;
    await until(
      async () => (await db.query('SELECT 1 FROM seller_payouts')).rowCount === SELLERS.length && (await pending()) === 0,
      'payouts and deliveries',
      60_000,
    );

    const credits = await db.query<{ member_id: string; n: number }>(
      `SELECT member_id, count(*)::int AS n FROM ledger WHERE rule_id = 'M2' GROUP BY member_id ORDER BY member_id`,
    );
    assert.deepEqual(
      credits.rows,
      SELLERS.map((member_id) => ({ member_id, n: 1 })),
    );
    // A month's payout names its month (a first order's credit, M3, names its order instead).
    const paidEvents = await db.query(`SELECT 1 FROM webhook_events WHERE type = 'seller.payout_credited' AND data->>'month' IS NOT NULL`);
    assert.equal(paidEvents.rowCount, SELLERS.length);

    const events = await db.query<{ id: string }>('SELECT id FROM webhook_events ORDER BY id');
    const received = receiver.received.map((r) => r.event.id);
    assert.equal(received.length, new Set(received).size, 'no event posted twice');
    assert.deepEqual([...received].sort(), events.rows.map((r) => r.id).sort(), 'every event posted');
    const payout = receiver.received.find((r) => r.event.type === 'seller.payout_credited' && 'month' in r.event.data)!;
    await verifyWebhook(payout.rawBody, String(payout.headers['rewards-signature']), webhookSecret);
    assert.ok((payout.event as Extract<WebhookEvent, { type: 'seller.payout_credited' }>).data.netCents > 0);
  });
});
