import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SQLSTATE, withRequestTransaction, type Queryable } from '../../../../src/server/db/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { uniqueId } from './fixtures.ts';

async function memberExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM members WHERE id = $1', [id])).rowCount === 1;
}

/** What pg and PGlite raise when PostgreSQL picks a transaction as a deadlock's victim. */
function deadlock(): Error {
  return Object.assign(new Error('deadlock detected'), { code: SQLSTATE.deadlockDetected, severity: 'ERROR' });
}

for (const target of databaseTargets()) {
  describe(`one transaction per request on ${target.name}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await target.open();
    });
    after(() => db.drop());

    test("services' own transactions and queries join the request's: nothing is kept until it commits", async () => {
      const [a, b] = [uniqueId('member'), uniqueId('member')];
      await withRequestTransaction(db, {}, async (unit) => {
        await db.transaction((tx) => tx.query('INSERT INTO members (id) VALUES ($1)', [a]));
        await db.query('INSERT INTO members (id) VALUES ($1)', [b]);
        // Seen inside, because it is the same transaction (a pool would otherwise use another connection).
        assert.equal(await memberExists(db, a), true);
        await unit.rollback();
      });
      assert.equal(await memberExists(db, a), false);
      assert.equal(await memberExists(db, b), false);

      await withRequestTransaction(db, {}, async (unit) => {
        await db.transaction((tx) => tx.query('INSERT INTO members (id) VALUES ($1)', [a]));
        await unit.commit({ sql: 'INSERT INTO members (id) VALUES ($1)', params: [b] });
      });
      assert.equal(await memberExists(db, a), true);
      assert.equal(await memberExists(db, b), true);
    });

    test('a last statement that fails (sent with the COMMIT) undoes the whole request and says why', async () => {
      const [acted, taken] = [uniqueId('member'), uniqueId('member')];
      await db.query('INSERT INTO members (id) VALUES ($1)', [taken]);
      await withRequestTransaction(db, {}, async (unit) => {
        await db.query('INSERT INTO members (id) VALUES ($1)', [acted]);
        await assert.rejects(unit.commit({ sql: 'INSERT INTO members (id) VALUES ($1)', params: [taken] }), (error: unknown) => {
          assert.equal((error as { code?: string }).code, SQLSTATE.uniqueViolation);
          return true;
        });
      });
      assert.equal(await memberExists(db, acted), false);
      // The connection is fine afterwards: the next request commits.
      await withRequestTransaction(db, {}, async (unit) => {
        await db.query('INSERT INTO members (id) VALUES ($1)', [acted]);
        await unit.commit({ sql: 'UPDATE members SET points = 1 WHERE id = $1', params: [acted] });
      });
      assert.equal((await db.query<{ points: number }>('SELECT points FROM members WHERE id = $1', [acted])).rows[0]?.points, 1);
    });

    test('whatever the request leaves open is rolled back when it ends', async () => {
      const id = uniqueId('member');
      await withRequestTransaction(db, {}, async () => {
        await db.query('INSERT INTO members (id) VALUES ($1)', [id]);
      });
      assert.equal(await memberExists(db, id), false);
    });

    test('the prologue runs first in the transaction and is undone with it', async () => {
      const [claimed, acted] = [uniqueId('member'), uniqueId('member')];
      const order: string[] = [];
      await withRequestTransaction(
        db,
        { prologue: async (tx) => void (await tx.query('INSERT INTO members (id) VALUES ($1)', [claimed]), order.push('prologue')) },
        async (unit) => {
          await db.transaction(async (tx) => {
            order.push('action');
            await tx.query('INSERT INTO members (id) VALUES ($1)', [acted]);
          });
          await unit.rollback();
        },
      );
      assert.deepEqual(order, ['prologue', 'action']);
      assert.equal(await memberExists(db, claimed), false);
    });

    test('a service that fails first undoes only itself: the request can go on and commit', async () => {
      const [failed, kept] = [uniqueId('member'), uniqueId('member')];
      await withRequestTransaction(db, {}, async (unit) => {
        await assert.rejects(
          db.transaction(async (tx) => {
            await tx.query('INSERT INTO members (id) VALUES ($1)', [failed]);
            throw new Error('refused');
          }),
          /refused/,
        );
        await db.query('INSERT INTO members (id) VALUES ($1)', [kept]);
        await unit.commit();
      });
      assert.equal(await memberExists(db, failed), false);
      assert.equal(await memberExists(db, kept), true);
    });

    test('a failure after other work poisons the request: nothing of it is committed', async () => {
      const [first, second] = [uniqueId('member'), uniqueId('member')];
      await withRequestTransaction(db, {}, async (unit) => {
        await db.transaction((tx) => tx.query('INSERT INTO members (id) VALUES ($1)', [first]));
        await db.transaction(async () => Promise.reject(new Error('second part failed'))).catch(() => undefined);
        await assert.rejects(db.query('INSERT INTO members (id) VALUES ($1)', [second]), /failed earlier/);
        await assert.rejects(unit.commit(), /rolled back/);
      });
      assert.equal(await memberExists(db, first), false);
    });

    test('a deadlock is run again by the transaction helper, in a request and outside one', async () => {
      for (const inRequest of [false, true]) {
        const id = uniqueId('member');
        let attempts = 0;
        const work = () =>
          db.transaction(async (tx) => {
            attempts++;
            await tx.query('INSERT INTO members (id) VALUES ($1)', [id]);
            if (attempts === 1) throw deadlock();
          });
        if (inRequest) await withRequestTransaction(db, {}, async (unit) => (await work(), unit.commit()));
        else await work();
        assert.equal(attempts, 2);
        assert.equal(await memberExists(db, id), true);
      }
    });

    test('a deadlock that keeps happening is given up after a few attempts', async () => {
      let attempts = 0;
      await assert.rejects(
        db.transaction(async () => {
          attempts++;
          throw deadlock();
        }),
        /deadlock/,
      );
      assert.ok(attempts > 1 && attempts <= 5, `${attempts} attempts`);
    });
  });
}
