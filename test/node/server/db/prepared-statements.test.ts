/**
 * Statements prepared once per PostgreSQL connection (DATABASE_PREPARED_STATEMENTS, on by
 * default): the server parses and plans each text once per connection, names follow the text
 * (the same name is always the same statement, whichever process prepared it), and `0` sends
 * every statement unnamed, as a pooler without prepared statement support needs.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Db } from '../../../../src/server/db/index.ts';
import { createScratchPostgresDatabase, postgresServerUrl, type ScratchPostgresDatabase } from '../../support/databases.ts';

const serverUrl = postgresServerUrl();

/** The statements prepared on the connection of a transaction that ran `sql` twice. */
async function preparedOnConnection(db: Db, sql: string, params: unknown[]): Promise<Array<{ name: string; statement: string }>> {
  return db.transaction(async (tx) => {
    await tx.query(sql, params);
    await tx.query(sql, params);
    return (await tx.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements')).rows;
  });
}

describe('prepared statements on a PostgreSQL server', { skip: serverUrl === undefined ? 'needs DATABASE_URL naming a PostgreSQL server' : false }, () => {
  let scratch: ScratchPostgresDatabase;
  const opened: Db[] = [];
  const open = async (preparedStatements?: boolean) => {
    const db = await openDatabase(scratch.url, preparedStatements === undefined ? {} : { preparedStatements });
    opened.push(db);
    return db;
  };
  before(async () => {
    scratch = await createScratchPostgresDatabase(serverUrl!);
  });
  after(async () => {
    for (const db of opened) await db.close();
    await scratch.drop();
  });

  test('by default a statement with parameters is prepared once on its connection, named after its text', async () => {
    const sql = 'SELECT count(*)::int AS n FROM members WHERE id = $1';
    const first = await preparedOnConnection(await open(), sql, ['nobody']);
    const mine = first.filter((row) => row.statement === sql);
    assert.equal(mine.length, 1, JSON.stringify(first));
    assert.match(mine[0]!.name, /^rk_[\w-]{32}$/);
    // Another process (another Db) names the same text the same way.
    const second = await preparedOnConnection(await open(), sql, ['nobody']);
    assert.equal(second.find((row) => row.statement === sql)?.name, mine[0]!.name);
  });

  test('the same answers prepared or not', async () => {
    const prepared = await open();
    const unprepared = await open(false);
    await prepared.query(`INSERT INTO members (id, coins_available) VALUES ($1, $2)`, ['ada', 7]);
    for (const db of [prepared, unprepared]) {
      for (let i = 0; i < 8; i++) {
        // Past five runs PostgreSQL may switch a prepared statement to a generic plan: still the same rows.
        const { rows } = await db.query<{ coins_available: number }>('SELECT coins_available FROM members WHERE id = $1', [i % 2 ? 'ada' : 'nobody']);
        assert.deepEqual(rows, i % 2 ? [{ coins_available: 7 }] : []);
      }
    }
  });

  test('a table changed under a prepared SELECT * (a newer instance migrating): the statement is prepared again, on a new connection', async () => {
    const db = await open();
    await db.query(`CREATE TABLE rolling (id int PRIMARY KEY)`);
    await db.query(`INSERT INTO rolling VALUES (1)`);
    const read = () => db.query<Record<string, unknown>>('SELECT * FROM rolling WHERE id = $1', [1]);
    assert.deepEqual((await read()).rows, [{ id: 1 }]);
    await (await open(false)).query(`ALTER TABLE rolling ADD COLUMN note text NOT NULL DEFAULT 'new'`);
    assert.deepEqual((await read()).rows, [{ id: 1, note: 'new' }]);
    // Inside a transaction too: run again from the start.
    assert.deepEqual(await db.transaction(async (tx) => (await tx.query('SELECT * FROM rolling WHERE id = $1', [1])).rows), [{ id: 1, note: 'new' }]);
  });

  test('DATABASE_PREPARED_STATEMENTS=0: nothing is prepared', async () => {
    const rows = await preparedOnConnection(await open(false), 'SELECT count(*)::int AS n FROM members WHERE id = $1', ['nobody']);
    assert.deepEqual(rows, []);
  });
});
