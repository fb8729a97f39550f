import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isAppendOnlyViolation } from '../../../../src/server/db/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { insertLedgerEntry, insertMember } from './fixtures.ts';

async function refusedAsRewrite(statement: Promise<unknown>): Promise<void> {
  await assert.rejects(statement, (error: unknown) => {
    assert.ok(isAppendOnlyViolation(error), `expected the ledger to refuse, got ${String(error)}`);
    assert.match(String((error as Error).message), /ledger is append-only/);
    return true;
  });
}

for (const target of databaseTargets()) {
  describe(`ledger is append-only on ${target.name}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await target.open();
    });
    after(() => db.drop());

    async function entry(id: number) {
      const { rows } = await db.query('SELECT * FROM ledger WHERE id = $1', [id]);
      return rows[0];
    }

    test('deleting an entry is refused and the entry stays', async () => {
      const memberId = await insertMember(db);
      const id = await insertLedgerEntry(db, { memberId });
      await refusedAsRewrite(db.query('DELETE FROM ledger WHERE id = $1', [id]));
      assert.equal((await entry(id))?.id, id);
    });

    test('emptying the ledger with TRUNCATE is refused', async () => {
      const memberId = await insertMember(db);
      const id = await insertLedgerEntry(db, { memberId });
      await refusedAsRewrite(db.query('TRUNCATE ledger'));
      assert.equal((await entry(id))?.id, id);
    });

    test('changing the amount of an entry is refused, pending or not, with or without a status change', async () => {
      const memberId = await insertMember(db);
      const available = await insertLedgerEntry(db, { memberId, amount: 10 });
      const pending = await insertLedgerEntry(db, { memberId, amount: 200, ruleId: 'C12', status: 'pending' });
      const before = await entry(pending);
      await refusedAsRewrite(db.query('UPDATE ledger SET amount = 11 WHERE id = $1', [available]));
      await refusedAsRewrite(db.query('UPDATE ledger SET amount = 1 WHERE id = $1', [pending]));
      await refusedAsRewrite(db.query(`UPDATE ledger SET amount = 1, status = 'available' WHERE id = $1`, [pending]));
      await refusedAsRewrite(db.query(`UPDATE ledger SET rule_id = 'C13', status = 'available' WHERE id = $1`, [pending]));
      assert.equal((await entry(available))?.amount, 10);
      assert.deepEqual(await entry(pending), before);
    });

    test('C19 a pending entry becomes available once, and an available entry cannot then be voided', async () => {
      const memberId = await insertMember(db);
      const id = await insertLedgerEntry(db, { memberId, amount: 200, ruleId: 'C12', status: 'pending' });
      const settled = await db.query(`UPDATE ledger SET status = 'available' WHERE id = $1`, [id]);
      assert.equal(settled.rowCount, 1);
      assert.equal((await entry(id))?.status, 'available');
      await refusedAsRewrite(db.query(`UPDATE ledger SET status = 'void' WHERE id = $1`, [id]));
      await refusedAsRewrite(db.query(`UPDATE ledger SET status = 'pending' WHERE id = $1`, [id]));
      assert.equal((await entry(id))?.status, 'available');
    });

    test('C19 a pending entry of a cancelled order becomes void, and a void entry never becomes available', async () => {
      const memberId = await insertMember(db);
      const id = await insertLedgerEntry(db, { memberId, amount: 50, ruleId: 'C13', status: 'pending' });
      await db.query(`UPDATE ledger SET status = 'void' WHERE id = $1`, [id]);
      await refusedAsRewrite(db.query(`UPDATE ledger SET status = 'available' WHERE id = $1`, [id]));
      assert.equal((await entry(id))?.status, 'void');
    });

    test('an update that changes nothing is refused too: only settlement may touch an entry', async () => {
      const memberId = await insertMember(db);
      const id = await insertLedgerEntry(db, { memberId, status: 'pending' });
      await refusedAsRewrite(db.query(`UPDATE ledger SET status = 'pending' WHERE id = $1`, [id]));
    });

    test('a refused rewrite inside a transaction rolls back the rest of it', async () => {
      const memberId = await insertMember(db);
      const id = await insertLedgerEntry(db, { memberId, amount: 5 });
      await refusedAsRewrite(
        db.transaction(async (tx) => {
          await tx.query('UPDATE members SET coins_available = 5 WHERE id = $1', [memberId]);
          await tx.query('DELETE FROM ledger WHERE id = $1', [id]);
        }),
      );
      const { rows } = await db.query('SELECT coins_available FROM members WHERE id = $1', [memberId]);
      assert.deepEqual(rows, [{ coins_available: 0 }]);
    });
  });
}
