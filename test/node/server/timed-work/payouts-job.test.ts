/**
 * M2 by itself: the scheduler's payouts job pays each ended month from its first working day,
 * once per seller and month however many instances run, records every run, and catches up.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { Client } from 'pg';
import type { PayoutRunsResponse, SellerMeResponse } from '../../../../src/api/index.ts';
import { loadServerConfig } from '../../../../src/server/config.ts';
import { openDatabase, type Db } from '../../../../src/server/db/index.ts';
import { createHttpApp } from '../../../../src/server/http/app.ts';
import { createCapturingLogger } from '../../../../src/server/http/logger.ts';
import { registerEventRoutes } from '../../../../src/server/routes/events.ts';
import { payoutsJob } from '../../../../src/server/timed-work/payouts-job.ts';
import { createScheduler, type Scheduler } from '../../../../src/server/timed-work/scheduler.ts';
import { createScratchPostgresDatabase, databaseTargets, postgresServerUrl } from '../../support/databases.ts';
import { shopEventOf } from '../support/events.ts';
import { balancesOf, entriesOf } from '../support/ledger.ts';
import { TEST_API_KEY, TEST_MEMBER_SECRET, type TestApp } from '../support/test-app.ts';
import { until } from '../support/server-process.ts';
import { TestClock } from '../support/test-clock.ts';
import { startSellerApp } from '../seller/support.ts';

/** A scheduler for `db` whose ticks only happen when the test calls tick(). */
function schedulerFor(db: Db, clock: TestClock): Scheduler {
  const logger = createCapturingLogger();
  return createScheduler({ jobs: [payoutsJob({ db, logger })], clock, logger, trigger: () => () => {} });
}

const sale = (orderId: string, sellerId: string, cents: number) => ({
  orderId,
  lines: [{ sku: `${sellerId}-kit`, unitPriceCents: cents, quantity: 1, partnerSellerId: sellerId }],
  shippingCents: 0,
});

for (const target of databaseTargets()) {
  describe(`scheduled payouts (${target.name})`, () => {
    let t: TestApp;
    let scheduler: Scheduler;
    beforeEach(async () => {
      t = await startSellerApp(target, { now: '2025-03-05T10:00:00Z' });
      scheduler = schedulerFor(t.db, t.clock);
    });
    afterEach(async () => {
      await scheduler.stop();
      await t.close();
    });

    const sell = async (orderId: string, sellerId: string, cents: number, at: string) => {
      t.clock.set(at);
      const res = await t.shop().post('/v1/events', shopEventOf('order.completed', 'buyer', sale(orderId, sellerId, cents), { occurredAt: at }));
      assert.equal(res.status, 200, res.text);
    };
    const statement = async (sellerId: string) => (await t.shop().get<SellerMeResponse>(`/v1/sellers/${sellerId}`)).body;
    const runs = async () => (await t.shop().get<PayoutRunsResponse>('/v1/payouts/runs')).body.runs;
    const tickAt = async (at: string) => {
      t.clock.set(at);
      await scheduler.tick();
    };

    test('M2 a month is paid by the schedule on its first working day, here the day after a holiday, and once', async () => {
      const rules = (await t.shop().get<Record<string, unknown> & { sellers: object }>('/v1/rules')).body;
      // 1 April 2025 is a Tuesday; the shop closes that day.
      await t.shop().put('/v1/rules', { ...rules, sellers: { ...rules.sellers, holidays: ['2025-04-01'] } });
      await sell('o-1', 'seller-a', 10_000, '2025-03-05T10:00:00Z'); // M3: 9500 at once
      await sell('o-2', 'seller-a', 2_000, '2025-03-20T10:00:00Z'); // net 1900
      await sell('o-3', 'seller-b', 4_000, '2025-03-21T10:00:00Z'); // M3: 3800 at once

      await tickAt('2025-03-31T23:59:00Z'); // March is not over
      await tickAt('2025-04-01T09:00:00Z'); // the holiday
      assert.equal((await entriesOf(t.db, 'seller-a', 'M2')).length, 0);
      assert.deepEqual(await runs(), []);

      await tickAt('2025-04-02T00:01:00Z');
      const a = await statement('seller-a');
      assert.deepEqual([a.storeCreditCents, a.pendingCents], [9_500 + 1_900, 0]);
      assert.deepEqual(a.months, [
        { month: '2025-03', grossCents: 12_000, feeCents: 600, netCents: 11_400, paidOutCents: 1_900, paidOutAt: '2025-04-02T00:01:00.000Z' },
      ]);
      assert.equal((await statement('seller-b')).months[0]?.paidOutAt, '2025-04-02T00:01:00.000Z');

      await tickAt('2025-04-02T00:02:00Z');
      await tickAt('2025-04-03T09:00:00Z');
      assert.equal((await entriesOf(t.db, 'seller-a', 'M2')).length, 1);
      assert.equal((await balancesOf(t.db, 'seller-a')).storeCreditCents, 9_500 + 1_900);
      const recorded = await runs();
      assert.equal(recorded.length, 1, 'idle runs leave no record');
      assert.deepEqual(
        [recorded[0]?.ranAt, recorded[0]?.trigger, recorded[0]?.payouts],
        [
          '2025-04-02T00:01:00.000Z',
          'schedule',
          [
            { sellerId: 'seller-a', month: '2025-03', netCents: 1_900 },
            { sellerId: 'seller-b', month: '2025-03', netCents: 0 },
          ],
        ],
      );
    });

    test('M2 a month ending on a weekend is paid on the Monday; after downtime every missed month is paid, oldest first', async () => {
      await sell('o-1', 'seller-a', 1_000, '2025-01-10T10:00:00Z'); // M3
      await sell('o-2', 'seller-a', 2_000, '2025-01-20T10:00:00Z'); // net 1900
      await sell('o-3', 'seller-a', 3_000, '2025-02-10T10:00:00Z'); // net 2850
      await sell('o-4', 'seller-a', 4_000, '2025-05-30T10:00:00Z'); // net 3800; 1 June 2025 is a Sunday
      // The server was down from January to mid-April.
      await tickAt('2025-04-15T08:00:00Z');
      assert.deepEqual(
        (await runs())[0]?.payouts.map((p) => [p.month, p.netCents]),
        [
          ['2025-01', 1_900],
          ['2025-02', 2_850],
        ],
      );
      await tickAt('2025-06-01T09:00:00Z');
      assert.equal((await statement('seller-a')).months[0]?.paidOutAt, undefined, 'Sunday: not yet');
      await tickAt('2025-06-02T00:00:30Z');
      assert.equal((await statement('seller-a')).months[0]?.paidOutAt, '2025-06-02T00:00:30.000Z');
      assert.equal((await balancesOf(t.db, 'seller-a')).storeCreditCents, 950 + 1_900 + 2_850 + 3_800);
    });

    test('M2 each seller is paid in a transaction of its own: one seller failing leaves the others paid, and is paid at the next run', async () => {
      await sell('o-1', 'seller-a', 1_000, '2025-03-05T10:00:00Z');
      await sell('o-2', 'seller-a', 2_000, '2025-03-06T10:00:00Z');
      await sell('o-3', 'seller-b', 1_000, '2025-03-07T10:00:00Z');
      await sell('o-4', 'seller-b', 4_000, '2025-03-08T10:00:00Z');
      await sell('o-5', 'seller-c', 1_000, '2025-03-09T10:00:00Z');
      await sell('o-6', 'seller-c', 6_000, '2025-03-10T10:00:00Z');
      // seller-b's payout fails half-way, after its ledger entry: that transaction alone is undone.
      await t.db.query(`CREATE FUNCTION refuse_seller_b() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.seller_id = 'seller-b' THEN RAISE EXCEPTION 'seller-b refused'; END IF; RETURN NEW; END $$`);
      await t.db.query('CREATE TRIGGER refuse_seller_b BEFORE INSERT ON seller_payouts FOR EACH ROW EXECUTE FUNCTION refuse_seller_b()');
      await tickAt('2025-04-01T08:00:00Z');
      assert.deepEqual(
        (await entriesOf(t.db, 'seller-a', 'M2')).map((e) => e.amount),
        [1_900],
      );
      assert.deepEqual(
        (await entriesOf(t.db, 'seller-b', 'M2')).map((e) => e.amount),
        [],
        'nothing of the failed payout is kept',
      );
      assert.deepEqual(
        (await entriesOf(t.db, 'seller-c', 'M2')).map((e) => e.amount),
        [5_700],
      );
      assert.deepEqual(
        (await runs()).map((r) => r.payouts.map((p) => p.sellerId)),
        [['seller-a', 'seller-c']],
      );

      await t.db.query('DROP TRIGGER refuse_seller_b ON seller_payouts');
      await tickAt('2025-04-01T08:01:00Z');
      assert.deepEqual(
        (await entriesOf(t.db, 'seller-b', 'M2')).map((e) => e.amount),
        [3_800],
      );
      assert.deepEqual((await entriesOf(t.db, 'seller-a', 'M2')).length, 1);
      assert.deepEqual(
        (await runs()).map((r) => r.payouts.map((p) => p.sellerId)),
        [['seller-b'], ['seller-a', 'seller-c']],
      );
    });

    test('M2 a payout by hand and the schedule share the once-per-month guarantee', async () => {
      await sell('o-1', 'seller-a', 1_000, '2025-03-05T10:00:00Z');
      await sell('o-2', 'seller-a', 2_000, '2025-03-06T10:00:00Z');
      t.clock.set('2025-04-01T08:00:00Z');
      await Promise.all([t.shop().post('/v1/payouts', { month: '2025-03' }), scheduler.tick(), t.shop().post('/v1/payouts', { month: '2025-03' })]);
      assert.equal((await entriesOf(t.db, 'seller-a', 'M2')).length, 1);
      assert.equal((await balancesOf(t.db, 'seller-a')).storeCreditCents, 950 + 1_900);
      assert.equal((await runs()).length, 1);
    });
  });
}

const serverUrl = postgresServerUrl();
describe('scheduled payouts on several instances', () => {
  test(
    "M2 two instances' schedulers on one PostgreSQL database pay each seller and month once",
    { skip: serverUrl === undefined && 'needs DATABASE_URL=postgres://…' },
    async () => {
      const scratch = await createScratchPostgresDatabase(serverUrl!);
      const dbs: Db[] = [];
      try {
        for (let i = 0; i < 2; i += 1) dbs.push(await openDatabase(scratch.url));
        const [one, two] = dbs as [Db, Db];
        const clock = new TestClock('2025-03-10T10:00:00Z');
        const app = createHttpApp({
          config: loadServerConfig({ DATABASE_URL: 'memory://', REWARDS_API_KEY: TEST_API_KEY, REWARDS_MEMBER_SECRET: TEST_MEMBER_SECRET }),
          db: one,
          logger: createCapturingLogger(),
          clock,
          routes: [registerEventRoutes],
        });
        const sellers = Array.from({ length: 12 }, (_, i) => `seller-${i}`);
        for (const [i, sellerId] of sellers.entries()) {
          for (const n of [1, 2]) {
            const event = shopEventOf('order.completed', 'buyer', sale(`o-${i}-${n}`, sellerId, 1_000 * n), { occurredAt: '2025-03-10T10:00:00Z' });
            const res = await app.request('/v1/events', {
              method: 'POST',
              headers: { 'X-Api-Key': TEST_API_KEY, 'Content-Type': 'application/json' },
              body: JSON.stringify(event),
            });
            assert.equal(res.status, 200, await res.text());
          }
        }
        clock.set('2025-04-01T00:00:10Z');
        const schedulers = [schedulerFor(one, clock), schedulerFor(two, clock)];
        await Promise.all([...schedulers, ...schedulers].map((s) => s.tick()));
        const { rows } = await one.query<{ member_id: string; n: number; total: number }>(
          `SELECT member_id, COUNT(*)::int AS n, SUM(amount)::int AS total FROM ledger WHERE rule_id = 'M2' GROUP BY member_id ORDER BY member_id`,
        );
        assert.equal(rows.length, sellers.length);
        for (const row of rows) assert.deepEqual([row.n, row.total], [1, 1_900], row.member_id);
        // Each seller is paid in its own transaction by whichever instance locks it first: one run
        // per instance at most, and every payout recorded under one of them.
        const runs = await one.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM payout_runs');
        assert.ok(runs.rows[0]!.n >= 1 && runs.rows[0]!.n <= 2, `${runs.rows[0]?.n} runs`);
        const unrecorded = await one.query('SELECT 1 FROM seller_payouts p LEFT JOIN payout_runs r ON r.id = p.run_id WHERE r.id IS NULL');
        assert.equal(unrecorded.rowCount, 0);
        await Promise.all(schedulers.map((s) => s.stop()));
      } finally {
        for (const db of dbs) await db.close();
        await scratch.drop();
      }
    },
  );

  test(
    "M2 a seller whose row another transaction holds does not hold back the other sellers' payouts",
    { skip: serverUrl === undefined && 'needs DATABASE_URL=postgres://…' },
    async () => {
      const scratch = await createScratchPostgresDatabase(serverUrl!);
      const db = await openDatabase(scratch.url);
      const holder = new Client({ connectionString: scratch.url });
      try {
        const clock = new TestClock('2025-03-10T10:00:00Z');
        const app = createHttpApp({
          config: loadServerConfig({ DATABASE_URL: 'memory://', REWARDS_API_KEY: TEST_API_KEY, REWARDS_MEMBER_SECRET: TEST_MEMBER_SECRET }),
          db,
          logger: createCapturingLogger(),
          clock,
          routes: [registerEventRoutes],
        });
        for (const sellerId of ['seller-a', 'seller-b', 'seller-z']) {
          for (const n of [1, 2]) {
            const event = shopEventOf('order.completed', 'buyer', sale(`o-${sellerId}-${n}`, sellerId, 1_000 * n), { occurredAt: '2025-03-10T10:00:00Z' });
            const res = await app.request('/v1/events', {
              method: 'POST',
              headers: { 'X-Api-Key': TEST_API_KEY, 'Content-Type': 'application/json' },
              body: JSON.stringify(event),
            });
            assert.equal(res.status, 200, await res.text());
          }
        }
        // The last seller in the run's order is busy in a long transaction elsewhere.
        await holder.connect();
        await holder.query('BEGIN');
        await holder.query(`SELECT 1 FROM members WHERE id = 'seller-z' FOR UPDATE`);
        clock.set('2025-04-01T00:00:10Z');
        const scheduler = schedulerFor(db, clock);
        const ticking = scheduler.tick();
        const paid = async () => (await db.query(`SELECT DISTINCT member_id FROM ledger WHERE rule_id = 'M2' ORDER BY member_id`)).rows.map((r) => r.member_id);
        await until(async () => (await paid()).length === 2, 'seller-a and seller-b to be paid while seller-z is held', 10_000);
        assert.deepEqual(await paid(), ['seller-a', 'seller-b']);
        await holder.query('COMMIT');
        await ticking;
        assert.deepEqual(await paid(), ['seller-a', 'seller-b', 'seller-z']);
        await scheduler.stop();
      } finally {
        await holder.end();
        await db.close();
        await scratch.drop();
      }
    },
  );
});
