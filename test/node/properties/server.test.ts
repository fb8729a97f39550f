/**
 * Properties of the server, for random sequences of events, check-ins, redemptions, removals,
 * donations, refunds, cancellations, payouts and replays (fast-check): after every step no
 * balance is below zero and every balance equals the sum of its ledger entries; replaying an
 * event or an idempotent request changes nothing; points fall only by a refund (P7); a member
 * gets one upgrade gift per level, ever (P5); the webhook events a step writes are exactly the
 * changes it made, one each, and a replay writes none. Each run uses members of its own on one
 * database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Db } from '../../../src/server/db/index.ts';
import { databaseTargets, type TestDatabase } from '../support/databases.ts';
import { TestApp, type Reply } from '../server/member/support.ts';
import { expectedEvents, outboxState, writtenEvents } from './outbox.ts';

/** Runs and steps per database: enough to find an ordering bug, bounded to keep CI quick. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
const MAX_STEPS = 25;

type Step =
  | { kind: 'order'; lines: { cents: number; quantity: number; sellerLine: boolean }[] }
  | { kind: 'refund'; pick: number; fraction: number; reason: 'design' | 'manufacturing' }
  | { kind: 'cancel'; pick: number }
  | { kind: 'reward'; coins: number }
  | { kind: 'checkIn'; daysLater: number }
  | { kind: 'redeem'; coupon: boolean }
  | { kind: 'remove'; pick: number }
  | { kind: 'donate'; coins: number }
  | { kind: 'payout' }
  | { kind: 'replayEvent'; pick: number }
  | { kind: 'replayRequest'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('order' as const),
    lines: fc.array(fc.record({ cents: fc.integer({ min: 1, max: 300_000 }), quantity: fc.integer({ min: 1, max: 3 }), sellerLine: fc.boolean() }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({
    kind: fc.constant('refund' as const),
    pick: fc.nat(),
    fraction: fc.double({ min: 0.01, max: 1.2, noNaN: true }),
    reason: fc.constantFrom('design' as const, 'manufacturing' as const),
  }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('reward' as const), coins: fc.integer({ min: 1, max: 1000 }) }),
  fc.record({ kind: fc.constant('checkIn' as const), daysLater: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('redeem' as const), coupon: fc.boolean() }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('donate' as const), coins: fc.integer({ min: 1, max: 400 }) }),
  fc.constant({ kind: 'payout' as const }),
  fc.record({ kind: fc.constant('replayEvent' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replayRequest' as const), pick: fc.nat() }),
);

interface Balances {
  points: number;
  coinsAvailable: number;
  coinsPending: number;
  storeCredit: number;
}

async function balancesOf(db: Db, ids: string[]): Promise<Record<string, Balances>> {
  const { rows } = await db.query<{ id: string; points: number; coins_available: number; coins_pending: number; store_credit_cents: number }>(
    'SELECT id, points, coins_available, coins_pending, store_credit_cents FROM members WHERE id = ANY($1) ORDER BY id',
    [ids],
  );
  return Object.fromEntries(
    rows.map((r) => [r.id, { points: r.points, coinsAvailable: r.coins_available, coinsPending: r.coins_pending, storeCredit: r.store_credit_cents }]),
  );
}

/** The balances as the ledger adds them up. */
async function ledgerSums(db: Db, ids: string[]): Promise<Record<string, Balances>> {
  const { rows } = await db.query<{ id: string; points: number; available: number; pending: number; credit: number }>(
    `SELECT m.id,
            COALESCE(SUM(l.amount) FILTER (WHERE l.currency = 'points'), 0)::bigint AS points,
            COALESCE(SUM(l.amount) FILTER (WHERE l.currency = 'coins' AND l.status = 'available'), 0)::bigint AS available,
            COALESCE(SUM(l.amount) FILTER (WHERE l.currency = 'coins' AND l.status = 'pending'), 0)::bigint AS pending,
            COALESCE(SUM(l.amount) FILTER (WHERE l.currency = 'store_credit'), 0)::bigint AS credit
     FROM members m LEFT JOIN ledger l ON l.member_id = m.id
     WHERE m.id = ANY($1) GROUP BY m.id ORDER BY m.id`,
    [ids],
  );
  return Object.fromEntries(rows.map((r) => [r.id, { points: r.points, coinsAvailable: r.available, coinsPending: r.pending, storeCredit: r.credit }]));
}

async function stateOf(db: Db, ids: string[]): Promise<string> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger WHERE member_id = ANY($1)', [ids]);
  const { rows: cart } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cart_items WHERE member_id = ANY($1) AND removed_at IS NULL', [ids]);
  return JSON.stringify({ balances: await balancesOf(db, ids), ledger: rows[0]!.n, cart: cart[0]!.n });
}

let runNumber = 0;

async function runSequence(t: TestApp, steps: Step[]): Promise<void> {
  runNumber += 1;
  const a = `prop${runNumber}-a`;
  const author = `prop${runNumber}-author`;
  const seller = `prop${runNumber}-seller`;
  const ids = [a, author, seller];
  const project = `prop${runNumber}-project`;
  const product = `prop${runNumber}-product`;
  const coupon = `prop${runNumber}-coupon`;
  for (const id of ids) await t.event(id, 'member.registered', {});
  await t.event(author, 'project.created', { projectId: project, title: 'Project' });
  await t.putItem(product, { kind: 'product', coins: 60, stock: 3 });
  await t.putItem(coupon, { kind: 'coupon', coins: 40, stock: 100, couponValueCents: 500 });

  const orders: { id: string; cents: number }[] = [];
  const events: unknown[] = [];
  const requests: { memberId: string; method: string; path: string; body?: unknown; key: string; reply: Reply }[] = [];
  let sequence = 0;
  const event = async (type: string, data: Record<string, unknown>) => {
    sequence += 1;
    const body = { id: `${a}-e${sequence}`, type, memberId: a, occurredAt: t.clock.now().toISOString(), data };
    events.push(body);
    const reply = await t.asShop('POST', '/v1/events', { body });
    assert.ok(reply.status < 500, `${type}: ${reply.status} ${reply.text}`);
    return reply;
  };
  const asA = async (method: string, path: string, body?: unknown) => {
    sequence += 1;
    const key = `${a}-k${sequence}`;
    const reply = await t.asMember(a, method, path, { headers: { 'Idempotency-Key': key }, ...(body === undefined ? {} : { body }) });
    assert.ok(reply.status < 500, `${method} ${path}: ${reply.status} ${reply.text}`);
    requests.push({ memberId: a, method, path, ...(body === undefined ? {} : { body }), key, reply });
    return reply;
  };

  for (const s of steps) {
    const before = await balancesOf(t.db, ids);
    const stateBefore = await stateOf(t.db, ids);
    const outboxBefore = await outboxState(t.db, ids);
    switch (s.kind) {
      case 'order': {
        const id = `${a}-o${orders.length + 1}`;
        const lines = s.lines.map((line, index) => ({
          sku: `${product}-${index}`,
          unitPriceCents: line.cents,
          quantity: line.quantity,
          ...(line.sellerLine ? { partnerSellerId: seller } : {}),
        }));
        const reply = await event('order.completed', { orderId: id, lines, shippingCents: 0 });
        if (reply.status === 200) orders.push({ id, cents: s.lines.reduce((sum, l) => sum + l.cents * l.quantity, 0) });
        break;
      }
      case 'refund': {
        const order = orders[s.pick % Math.max(1, orders.length)];
        if (order) await event('order.refunded', { orderId: order.id, refundedCents: Math.max(1, Math.round(order.cents * s.fraction)), reason: s.reason });
        break;
      }
      case 'cancel': {
        const order = orders[s.pick % Math.max(1, orders.length)];
        if (order) await event('order.cancelled', { orderId: order.id });
        break;
      }
      case 'reward':
        await event('project.rewarded', { projectId: `${project}-reward`, coins: s.coins });
        break;
      case 'checkIn':
        t.clock.advanceDays(s.daysLater);
        await asA('POST', '/v1/me/check-ins');
        break;
      case 'redeem':
        await asA('POST', '/v1/me/redemptions', { catalogItemId: s.coupon ? coupon : product });
        break;
      case 'remove': {
        const cart = await t.asMember<{ items: { id: string; removable: boolean }[] }>(a, 'GET', '/v1/me/cart');
        const item = cart.body.items[s.pick % Math.max(1, cart.body.items.length)];
        if (item) {
          const reply = await asA('DELETE', `/v1/me/cart/${encodeURIComponent(item.id)}`);
          if (item.removable) assert.equal(reply.status, 200, reply.text);
          else assert.equal(reply.status, 409, reply.text);
        }
        break;
      }
      case 'donate':
        await asA('POST', `/v1/projects/${project}/donations`, { coins: s.coins });
        break;
      case 'payout': {
        const month = t.clock.now().toISOString().slice(0, 7);
        const reply = await t.asShop('POST', '/v1/payouts', { body: { month } });
        assert.ok(reply.status < 500, reply.text);
        break;
      }
      case 'replayEvent': {
        const original = events[s.pick % Math.max(1, events.length)];
        if (original) {
          const reply = await t.asShop<{ duplicate: boolean }>('POST', '/v1/events', { body: original });
          assert.equal(reply.status, 200, reply.text);
          assert.equal(reply.body.duplicate, true, 'a replayed event is a duplicate');
          assert.equal(await stateOf(t.db, ids), stateBefore, 'replaying an event changes nothing');
        }
        break;
      }
      case 'replayRequest': {
        const original = requests[s.pick % Math.max(1, requests.length)];
        if (original) {
          const reply = await t.asMember(original.memberId, original.method, original.path, {
            headers: { 'Idempotency-Key': original.key },
            ...(original.body === undefined ? {} : { body: original.body }),
          });
          assert.equal(reply.status, original.reply.status, 'a replayed request answers as the first time');
          assert.deepEqual(reply.body, original.reply.body);
          assert.equal(await stateOf(t.db, ids), stateBefore, 'replaying an idempotent request changes nothing');
        }
        break;
      }
    }

    const now = await balancesOf(t.db, ids);
    for (const id of ids) {
      const b = now[id]!;
      assert.ok(b.points >= 0 && b.coinsAvailable >= 0 && b.coinsPending >= 0 && b.storeCredit >= 0, `${id} below zero after ${s.kind}: ${JSON.stringify(b)}`);
      if (s.kind !== 'refund') assert.ok(b.points >= before[id]!.points, `${id}'s points fell after ${s.kind} (P7: only a refund lowers points)`);
    }
    assert.deepEqual(await ledgerSums(t.db, ids), now, `balances equal the sums of their ledger entries after ${s.kind}`);
    const written = await writtenEvents(t.db, ids, outboxBefore);
    assert.deepEqual(written, expectedEvents(outboxBefore, await outboxState(t.db, ids)), `the webhook events written by ${s.kind} are its changes, once each`);
    if (s.kind === 'replayEvent' || s.kind === 'replayRequest') assert.deepEqual(written, [], 'a replay writes no webhook event');
  }

  const { rows: pointDebits } = await t.db.query<{ rule_id: string }>(
    `SELECT DISTINCT rule_id FROM ledger WHERE member_id = ANY($1) AND currency = 'points' AND amount < 0`,
    [ids],
  );
  assert.ok(
    pointDebits.every((row) => row.rule_id === 'P7'),
    `points are only ever taken by P7: ${JSON.stringify(pointDebits)}`,
  );
  const { rows: gifts } = await t.db.query<{ level: number; n: number }>(
    `SELECT level, count(*)::int AS n FROM cart_items WHERE member_id = $1 AND kind = 'upgrade_gift' GROUP BY level`,
    [a],
  );
  assert.ok(
    gifts.every((g) => g.n === 1),
    `one upgrade gift per level, ever (P5): ${JSON.stringify(gifts)}`,
  );
  const { rows: highest } = await t.db.query<{ highest_level: number }>('SELECT highest_level FROM members WHERE id = $1', [a]);
  assert.equal(gifts.length, highest[0]!.highest_level, 'a gift for every level reached, LV1 up (P5)');
}

for (const target of databaseTargets()) {
  describe(`server properties (${target.name})`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
    });
    after(() => db.drop());

    test('random sequences keep balances ≥ 0 and equal to the ledger, replays change nothing, points fall only by refund, one gift per level', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: MAX_STEPS }), (steps) => runSequence(t, steps)),
        { numRuns: RUNS, seed: Number(process.env.PROPERTY_SEED ?? 20_261_201), endOnFailure: true },
      );
      console.log(`# server properties (${target.name}): ${RUNS} runs of up to ${MAX_STEPS} steps`);
    });
  });
}
