/**
 * S1 with an Idempotency-Key across a crash: the server is killed (SIGKILL) in the middle of a
 * redemption, and the client retries at once with the same key on another instance. The key
 * was claimed in the redemption's own transaction, which died with the process: the retry acts
 * (no 409, no waiting for the claim to go stale), exactly once, and a further retry replays it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Client } from 'pg';
import { createRewardsApp } from '../../../../src/server/app.ts';
import { openDatabase, type Db } from '../../../../src/server/db/index.ts';
import { signMemberToken } from '../../../../src/server/http/auth.ts';
import { silentLogger } from '../../../../src/server/http/logger.ts';
import { createScratchPostgresDatabase, postgresServerUrl, type ScratchPostgresDatabase } from '../../support/databases.ts';
import { API_KEY, MEMBER_SECRET, testConfig } from '../http/support.ts';
import { startServerProcess, stopServerProcess, until, type ServerProcess } from '../support/server-process.ts';

const serverUrl = postgresServerUrl();

/** `npm start`'s server in a process of its own, on the given database, its timed work running. */
function startServer(databaseUrl: string): Promise<ServerProcess> {
  return startServerProcess({ DATABASE_URL: databaseUrl, REWARDS_API_KEY: API_KEY, REWARDS_MEMBER_SECRET: MEMBER_SECRET, REWARDS_SEED_DEMO: '0' });
}

describe('a redemption cut short by SIGKILL', { skip: serverUrl === undefined && 'needs DATABASE_URL' }, () => {
  let scratch: ScratchPostgresDatabase;
  let db: Db;
  before(async () => {
    scratch = await createScratchPostgresDatabase(serverUrl!);
    db = await openDatabase(scratch.url);
    await db.query(`INSERT INTO catalog_items (id, kind, name, coins, stock) VALUES ('mug', 'product', 'Mug', 10, 100)`);
    await db.query(`INSERT INTO members (id, coins_available) VALUES ('crash-m', 100)`);
  });
  after(async () => {
    await db.close();
    await scratch.drop();
  });

  test('SIGKILL during a redemption then an immediate retry with the same key → answered once, acted once', { timeout: 120_000 }, async () => {
    const token = await signMemberToken(MEMBER_SECRET, 'crash-m', 3600);
    const request = {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'crash-1' },
      body: JSON.stringify({ catalogItemId: 'mug' }),
    };
    const first = await startServer(scratch.url);

    // Hold the member's row so the redemption stops half-way, its key claimed, inside its transaction.
    const holder = new Client({ connectionString: scratch.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM members WHERE id = 'crash-m' FOR UPDATE`);
      const cut = fetch(`${first.url}/v1/me/redemptions`, request).then(
        () => 'answered',
        () => 'cut',
      );
      // Watched from a connection of its own: inside the holder's transaction pg_stat_activity
      // would show the snapshot taken at its first read, all through that transaction.
      const waitingForLocks = async () => {
        const { rows } = await db.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        return rows.map((row) => row.pid);
      };
      await until(async () => (await waitingForLocks()).length > 0, 'the redemption to wait for the member');
      const cutShort = await waitingForLocks();
      await stopServerProcess(first, 'SIGKILL');
      assert.equal(await cut, 'cut');

      // The client retries at once, on another instance; then the row is let go, once the retry
      // is waiting in the database (behind the dead request's key or the member's row), not after
      // a timer its token check and first statements could outlast.
      const other = createRewardsApp({ config: testConfig({ DATABASE_URL: scratch.url }), db, logger: silentLogger, demoDir: null });
      const retry = other.request('/v1/me/redemptions', request);
      await until(async () => (await waitingForLocks()).some((pid) => !cutShort.includes(pid)), 'the retry to wait in the database');
      await holder.query('COMMIT');

      const answered = await retry;
      assert.equal(answered.status, 201, await answered.clone().text());
      assert.equal(answered.headers.get('Idempotent-Replayed'), null, 'the retry acted: nothing had been done');
      const body = (await answered.json()) as { coins: { available: number } };
      assert.equal(body.coins.available, 90);

      const again = await other.request('/v1/me/redemptions', request);
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await again.json(), body);

      const debits = await db.query(`SELECT 1 FROM ledger WHERE member_id = 'crash-m' AND rule_id = 'S1'`);
      assert.equal(debits.rowCount, 1, 'one debit');
      const cart = await db.query(`SELECT 1 FROM cart_items WHERE member_id = 'crash-m'`);
      assert.equal(cart.rowCount, 1, 'one mug in the cart');
      const { rows } = await db.query<{ stock: number }>(`SELECT stock FROM catalog_items WHERE id = 'mug'`);
      assert.equal(rows[0]?.stock, 99);
    } finally {
      await holder.end();
      await stopServerProcess(first, 'SIGKILL');
    }
  });
});
