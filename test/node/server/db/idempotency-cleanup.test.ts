import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { idempotencyKeysCleanup } from '../../../../src/server/timed-work/idempotency-keys.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';

for (const target of databaseTargets()) {
  describe(`idempotency keys clean-up on ${target.name}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await target.open();
    });
    after(() => db.drop());

    test('keys older than their time to live are deleted, newer ones kept', async () => {
      const now = new Date('2025-03-02T12:00:00Z');
      const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3600_000);
      await db.query(
        `INSERT INTO idempotency_keys (scope, key, request_hash, status, response, created_at)
         VALUES ('member:a POST /v1/me/check-ins', 'old', 'h', 201, '{}', $1),
                ('member:a POST /v1/me/check-ins', 'recent', 'h', 201, '{}', $2),
                ('shop POST /v1/events', 'older', 'h', 200, '{}', $3)`,
        [at(25), at(23), at(24 * 7)],
      );
      const job = idempotencyKeysCleanup(db);
      assert.equal(job.name, 'idempotency-keys-cleanup');
      await job.run(now);
      const { rows } = await db.query<{ key: string }>('SELECT key FROM idempotency_keys ORDER BY key');
      assert.deepEqual(
        rows.map((r) => r.key),
        ['recent'],
      );

      await idempotencyKeysCleanup(db, 3600).run(now);
      assert.equal((await db.query('SELECT 1 FROM idempotency_keys')).rowCount, 0);
    });
  });
}
