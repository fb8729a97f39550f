import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { insertLedgerEntry, insertMember, uniqueId } from './fixtures.ts';

for (const target of databaseTargets()) {
  describe(`values read back from ${target.name}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await target.open();
    });
    after(() => db.drop());

    test('bigserial ids, int8 columns, counts and sums come back as numbers', async () => {
      const memberId = await insertMember(db);
      const firstId = await insertLedgerEntry(db, { memberId, amount: 40 });
      const secondId = await insertLedgerEntry(db, { memberId, amount: 2 });
      assert.equal(typeof firstId, 'number');
      assert.equal(secondId, firstId + 1);
      await db.query('UPDATE members SET store_credit_cents = $2 WHERE id = $1', [memberId, 1234567890123]);

      const { rows } = await db.query<{ credit: unknown; entries: unknown; total: unknown }>(
        `SELECT m.store_credit_cents AS credit, count(l.id) AS entries, sum(l.amount)::bigint AS total
         FROM members m JOIN ledger l ON l.member_id = m.id WHERE m.id = $1 GROUP BY m.id`,
        [memberId],
      );
      assert.deepEqual(rows, [{ credit: 1234567890123, entries: 2, total: 42 }]);
    });

    test('int8 beyond the exact range of a number arrives as a BigInt, never rounded', async () => {
      const { rows } = await db.query(`SELECT 9007199254740991::int8 AS largest_exact, 9007199254740993::int8 AS beyond`);
      assert.deepEqual(rows, [{ largest_exact: 9007199254740991, beyond: 9007199254740993n }]);
    });

    test('int8 arrays come back as arrays of numbers', async () => {
      const { rows } = await db.query(`SELECT ARRAY[1, NULL, 3]::int8[] AS flat, '{{1,2},{3,4}}'::int8[] AS nested`);
      assert.deepEqual(rows, [
        {
          flat: [1, null, 3],
          nested: [
            [1, 2],
            [3, 4],
          ],
        },
      ]);
    });

    test('timestamptz columns come back as Date objects for the instant that was written', async () => {
      const id = uniqueId('event');
      const occurredAt = new Date('2024-03-10T23:30:00.250Z');
      await db.query(`INSERT INTO events (id, type, member_id, occurred_at, result) VALUES ($1, 'test', 'm', $2, '{}')`, [id, occurredAt]);
      const { rows } = await db.query<{ occurred_at: unknown; received_at: unknown }>('SELECT occurred_at, received_at FROM events WHERE id = $1', [id]);
      const row = rows[0]!;
      assert.ok(row.occurred_at instanceof Date);
      assert.equal(row.occurred_at.toISOString(), '2024-03-10T23:30:00.250Z');
      assert.ok(row.received_at instanceof Date);

      const fromText = await db.query(`SELECT '2024-01-01 00:30:00+02'::timestamptz AS at`);
      assert.deepEqual(fromText.rows, [{ at: new Date('2023-12-31T22:30:00.000Z') }]);
    });

    test('date columns come back as YYYY-MM-DD strings, not shifted by a time zone', async () => {
      const memberId = await insertMember(db);
      await db.query('INSERT INTO check_ins (member_id, day) VALUES ($1, $2), ($1, $3)', [memberId, '2024-02-29', '2024-12-31']);
      const { rows } = await db.query<{ day: unknown }>('SELECT day FROM check_ins WHERE member_id = $1 ORDER BY day', [memberId]);
      assert.deepEqual(
        rows.map((r) => r.day),
        ['2024-02-29', '2024-12-31'],
      );
      const arrays = await db.query(`SELECT ARRAY['2024-01-01', NULL]::date[] AS days`);
      assert.deepEqual(arrays.rows, [{ days: ['2024-01-01', null] }]);
    });

    test('every session runs in UTC, so a timestamp falls on its UTC calendar day', async () => {
      const { rows } = await db.query(`SELECT current_setting('TimeZone') AS zone, ('2024-01-01 00:30:00+02'::timestamptz)::date AS day`);
      assert.deepEqual(rows, [{ zone: 'UTC', day: '2023-12-31' }]);
      const inTransaction = await db.transaction((tx) => tx.query(`SELECT current_setting('TimeZone') AS zone`));
      assert.deepEqual(inTransaction.rows, [{ zone: 'UTC' }]);
    });

    test('jsonb written from a JSON string comes back parsed', async () => {
      const config = { levels: [0, 1, 500], names: { 1: 'Mercury' }, enabled: true };
      const version = 100_000 + Number(uniqueId('v').split('-').at(-1));
      await db.query('INSERT INTO rules_versions (version, config) VALUES ($1, $2)', [version, JSON.stringify(config)]);
      const { rows } = await db.query('SELECT config FROM rules_versions WHERE version = $1', [version]);
      assert.deepEqual(rows, [{ config }]);
    });

    test('rowCount counts the rows a statement returned or changed, and nothing else is in a result', async () => {
      const scope = uniqueId('scope');
      const inserted = await db.query(`INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, 'a', 'h'), ($1, 'b', 'h'), ($1, 'c', 'h')`, [scope]);
      assert.deepEqual(inserted, { rows: [], rowCount: 3 });
      const updated = await db.query(`UPDATE idempotency_keys SET status = 200 WHERE scope = $1 AND key <> 'c'`, [scope]);
      assert.equal(updated.rowCount, 2);
      const selected = await db.query('SELECT key FROM idempotency_keys WHERE scope = $1 ORDER BY key', [scope]);
      assert.deepEqual(selected, { rows: [{ key: 'a' }, { key: 'b' }, { key: 'c' }], rowCount: 3 });
      const deleted = await db.query('DELETE FROM idempotency_keys WHERE scope = $1', [scope]);
      assert.equal(deleted.rowCount, 3);
      const none = await db.query('UPDATE idempotency_keys SET status = 1 WHERE scope = $1', [scope]);
      assert.equal(none.rowCount, 0);
    });
  });
}
