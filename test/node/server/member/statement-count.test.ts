/**
 * What one member action costs the database, counted statement by statement (BEGIN and COMMIT
 * included): a redemption or a check-in with its Idempotency-Key claims the key, acts and stores
 * the answer in one transaction of at most 8 statements (one more where the rate limit is kept
 * in PostgreSQL, sent with the BEGIN), and never upserts the member row. The webhook outbox (the events the change
 * reports, and the balance they carry) is among them: one statement, in the same transaction.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createRewardsApp } from '../../../../src/server/app.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { silentLogger } from '../../../../src/server/http/logger.ts';
import type { RewardsApp } from '../../../../src/server/http/app.ts';
import { databaseTargets } from '../../support/databases.ts';
import { openCountingDatabase, type CountingDatabase } from '../support/counting-database.ts';
import { testConfig, MEMBER_SECRET } from '../http/support.ts';

const RATE_LIMIT_STATEMENT = /rate_limit_buckets/;

/**
 * How many times fn's work writes to a PostgreSQL connection (the port of DATABASE_URL): each
 * write is a wait for the server's answer before the next can depend on it, a round trip.
 */
async function writesToDatabase(fn: () => Promise<Response>): Promise<{ status: number; count: number }> {
  const port = Number(new URL(process.env.DATABASE_URL ?? 'postgres://localhost:5432').port || 5432);
  const proto = net.Socket.prototype as unknown as Record<'_write' | '_writev', (this: net.Socket, ...args: unknown[]) => unknown>;
  const originals = { _write: proto._write, _writev: proto._writev };
  let count = 0;
  for (const method of ['_write', '_writev'] as const) {
    proto[method] = function (this: net.Socket, ...args: unknown[]) {
      if (this.remotePort === port) count++;
      return originals[method].apply(this, args);
    };
  }
  try {
    const res = await fn();
    await res.arrayBuffer();
    return { status: res.status, count };
  } finally {
    Object.assign(proto, originals);
  }
}
const OUTBOX_STATEMENT = /webhook_events/;

for (const { name } of databaseTargets()) {
  describe(`statements per member action on ${name}`, () => {
    let counted: CountingDatabase;
    let app: RewardsApp;
    const post = async (path: string, memberId: string, key: string, body?: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await signMemberToken(MEMBER_SECRET, memberId, 3600)}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': key,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    before(async () => {
      counted = await openCountingDatabase(name);
      const config = { ...testConfig(), rateLimitStore: name === 'postgres' ? ('database' as const) : ('memory' as const) };
      app = createRewardsApp({ config, db: counted.db, logger: silentLogger, demoDir: null });
      await counted.db.query(`INSERT INTO catalog_items (id, kind, name, coins, stock) VALUES ('sticker', 'product', 'Sticker', 10, 1000)`);
      await counted.db.query(`INSERT INTO members (id, coins_available) VALUES ('rich', 1000)`);
      // The first action of the process reads the rules once; later ones find them cached.
      assert.equal((await post('/v1/me/redemptions', 'rich', 'warm-up', { catalogItemId: 'sticker' })).status, 201);
      assert.equal((await post('/v1/me/check-ins', 'warm-up', 'warm-up')).status, 201);
    });
    after(() => counted.drop());

    function expectAtMost(limit: number): void {
      const inTransaction = counted.statements.filter((sql) => !RATE_LIMIT_STATEMENT.test(sql));
      const rateLimit = counted.statements.length - inTransaction.length;
      const outbox = inTransaction.filter((sql) => OUTBOX_STATEMENT.test(sql)).length;
      assert.ok(inTransaction.length <= limit, `${inTransaction.length} statements, the outbox's included:\n${counted.statements.join('\n')}`);
      assert.equal(outbox, 1, `one outbox statement:\n${counted.statements.join('\n')}`);
      assert.equal(rateLimit, name === 'postgres' ? 1 : 0);
      assert.equal(inTransaction.filter((sql) => sql === 'BEGIN').length, 1, 'one transaction');
      assert.ok(!counted.statements.some((sql) => /INSERT INTO members .*DO UPDATE/i.test(sql)), 'no upsert of the member row');
    }

    test('S1: a redemption with its Idempotency-Key takes at most 8 statements', async () => {
      counted.reset();
      const res = await post('/v1/me/redemptions', 'rich', 'redeem-1', { catalogItemId: 'sticker' });
      assert.equal(res.status, 201);
      assert.equal(((await res.json()) as { coins: { available: number } }).coins.available, 980);
      expectAtMost(8);
    });

    test(
      'S1: a redemption with its Idempotency-Key waits for at most 4 round trips to the database, the rate limit there included',
      { skip: name !== 'postgres' },
      async () => {
        // Statements that need no answer before the next leave together: the rate limit's token with
        // BEGIN and the key's claim, the ledger entry with the events and the stock unit, the stored
        // answer with the COMMIT.
        const writes = await writesToDatabase(() => post('/v1/me/redemptions', 'rich', 'redeem-trips', { catalogItemId: 'sticker' }));
        assert.equal(writes.status, 201);
        assert.ok(writes.count <= 4, `${writes.count} writes to the database, the rate limit's included`);
      },
    );

    test('C6: a check-in with its Idempotency-Key takes at most 8 statements', async () => {
      counted.reset();
      const res = await post('/v1/me/check-ins', 'rich', 'check-in-1');
      assert.equal(res.status, 201);
      expectAtMost(8);
    });

    test('a retry of a finished redemption replays it and does not act', async () => {
      const coins = async () =>
        (await counted.db.query<{ coins_available: number }>(`SELECT coins_available FROM members WHERE id = 'rich'`)).rows[0]?.coins_available;
      const before = await coins();
      const res = await post('/v1/me/redemptions', 'rich', 'redeem-1', { catalogItemId: 'sticker' });
      assert.equal(res.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(((await res.json()) as { coins: { available: number } }).coins.available, 980, 'the first answer');
      assert.equal(await coins(), before);
    });
  });
}
