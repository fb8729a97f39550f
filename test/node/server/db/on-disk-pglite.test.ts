import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { openDatabase } from '../../../../src/server/db/index.ts';
import { runMigrations } from '../../../../src/server/db/migrate.ts';
import { openEngine } from '../../../../src/server/db/open-engine.ts';
import { insertLedgerEntry, insertMember } from './fixtures.ts';

describe('PGlite kept in a folder on disk', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'rk-db-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  test('creates a missing folder, keeps what was written across close and reopen, and migrates only once', async () => {
    const folder = join(root, 'nested', 'data');
    const first = await openDatabase(folder);
    assert.equal(first.kind, 'pglite');
    assert.ok((await stat(folder)).isDirectory());
    const memberId = await insertMember(first, { coinsAvailable: 7 });
    const entryId = await insertLedgerEntry(first, { memberId, amount: 7, status: 'pending' });
    await first.query(`UPDATE ledger SET status = 'available' WHERE id = $1`, [entryId]);
    const migrationsBefore = (await first.query('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')).rows;
    await first.close();

    // The same folder as a file:// URL opens the same database.
    const second = await openDatabase(pathToFileURL(folder).href);
    try {
      const members = await second.query('SELECT id, coins_available FROM members');
      assert.deepEqual(members.rows, [{ id: memberId, coins_available: 7 }]);
      const entries = await second.query('SELECT id, amount, status FROM ledger');
      assert.deepEqual(entries.rows, [{ id: entryId, amount: 7, status: 'available' }]);
      const migrationsAfter = (await second.query('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')).rows;
      assert.deepEqual(migrationsAfter, migrationsBefore);
      // Still append-only after a reopen: the triggers are stored with the data.
      await assert.rejects(second.query('DELETE FROM ledger'), /append-only/);
    } finally {
      await second.close();
    }

    const engine = await openEngine(folder);
    try {
      assert.deepEqual(await runMigrations(engine), []);
    } finally {
      await engine.close();
    }
  });
});
