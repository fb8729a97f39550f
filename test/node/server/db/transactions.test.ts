import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Queryable } from '../../../../src/server/db/index.ts';
import { SQLSTATE, isUniqueViolation, openDatabase, sqlStateOf } from '../../../../src/server/db/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { insertMember, uniqueId } from './fixtures.ts';

async function memberExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM members WHERE id = $1', [id])).rowCount === 1;
}

for (const target of databaseTargets()) {
  describe(`transactions on ${target.name}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await target.open();
    });
    after(() => db.drop());

    test('a transaction that returns commits its rows and resolves to its result', async () => {
      const id = uniqueId('member');
      const result = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO members (id) VALUES ($1)', [id]);
        return (await tx.query<{ id: string }>('SELECT id FROM members WHERE id = $1', [id])).rows[0]?.id;
      });
      assert.equal(result, id);
      assert.ok(await memberExists(db, id));
    });

    test('a transaction that throws leaves no rows and rethrows the very error it threw', async () => {
      const id = uniqueId('member');
      const thrown = new Error('changed my mind');
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO members (id) VALUES ($1)', [id]);
          await tx.query(`INSERT INTO check_ins (member_id, day) VALUES ($1, '2024-01-01')`, [id]);
          throw thrown;
        }),
        (error) => error === thrown,
      );
      assert.equal(await memberExists(db, id), false);
      assert.equal((await db.query('SELECT 1 FROM check_ins WHERE member_id = $1', [id])).rowCount, 0);
    });

    test('a statement refused inside a transaction undoes the earlier statements and surfaces its error', async () => {
      const existing = await insertMember(db);
      const id = uniqueId('member');
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO members (id) VALUES ($1)', [id]);
          await tx.query('INSERT INTO members (id) VALUES ($1)', [existing]);
        }),
        (error) => isUniqueViolation(error, 'members_pkey'),
      );
      assert.equal(await memberExists(db, id), false);
    });

    test('a transaction whose failed statement was caught and ignored is not reported as committed', async () => {
      const existing = await insertMember(db);
      const id = uniqueId('member');
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO members (id) VALUES ($1)', [id]);
          await tx.query('INSERT INTO members (id) VALUES ($1)', [existing]).catch(() => undefined);
          return 'looks fine';
        }),
        (error) => sqlStateOf(error) === SQLSTATE.transactionRolledBack,
      );
      assert.equal(await memberExists(db, id), false);
    });

    test("a transaction's handle refuses queries once the transaction has ended", async () => {
      let leaked: Queryable | undefined;
      await db.transaction(async (tx) => {
        leaked = tx;
      });
      await assert.rejects(leaked!.query('SELECT 1'), /already ended/);
    });

    test("the database's own query and transaction are refused inside its transaction instead of hanging", async () => {
      await db.transaction(async () => {
        await assert.rejects(db.query('SELECT 1'), /inside a transaction/);
        await assert.rejects(
          db.transaction(async () => 1),
          /inside a transaction/,
        );
      });
      // Work started inside a transaction but run after it ended is not refused. It waits for a
      // promise let go once the transaction has ended, not for a timer a slow commit can outlast.
      let release!: () => void;
      const ended = new Promise<void>((resolve) => (release = resolve));
      let later: Promise<unknown> | undefined;
      await db.transaction(async () => {
        later = ended.then(() => db.query('SELECT 1 AS one'));
      });
      release();
      assert.deepEqual(await later, { rows: [{ one: 1 }], rowCount: 1 });
    });

    test('S4 racing spends that lock the balance: exactly as many succeed as the balance covers', async () => {
      const memberId = await insertMember(db, { coinsAvailable: 100 });
      const spend = () =>
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ coins_available: number }>('SELECT coins_available FROM members WHERE id = $1 FOR UPDATE', [memberId]);
          if (rows[0]!.coins_available < 30) return false;
          await tx.query('UPDATE members SET coins_available = coins_available - 30 WHERE id = $1', [memberId]);
          return true;
        });
      const outcomes = await Promise.all(Array.from({ length: 8 }, spend));
      assert.equal(outcomes.filter(Boolean).length, 3);
      const { rows } = await db.query('SELECT coins_available FROM members WHERE id = $1', [memberId]);
      assert.deepEqual(rows, [{ coins_available: 10 }]);
    });
  });
}

describe('closing', () => {
  test('closing a database twice is harmless', async () => {
    const db = await openDatabase('memory://');
    assert.equal(db.kind, 'pglite');
    await db.close();
    await db.close();
  });
});
