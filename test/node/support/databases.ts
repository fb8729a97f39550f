/**
 * The databases every server test runs against: always an in-memory PGlite, and a PostgreSQL
 * server too when DATABASE_URL names one. Each open() gives a fresh, migrated database of its
 * own, so tests never see each other's rows, and drop() removes it.
 *
 *   for (const target of databaseTargets()) {
 *     describe(target.name, () => { … const db = await target.open(); … await db.drop(); … });
 *   }
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { Db } from '../../../src/server/db/index.ts';
import { isPostgresUrl, openDatabase } from '../../../src/server/db/index.ts';
import { openPgliteEngine } from '../../../src/server/db/pglite-engine.ts';
import { prepareDatabase } from '../../../src/server/db/prepare-database.ts';

export type TestDatabase = Db & {
  /** Closes the database and removes it (a PostgreSQL database is dropped). */
  drop(): Promise<void>;
};

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

function withDrop(db: Db, drop: () => Promise<void>): TestDatabase {
  return {
    kind: db.kind,
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) => db.transaction(fn),
    close: () => db.close(),
    drop,
  };
}

// Starting PGlite from nothing (initdb) and migrating it takes seconds; a copy of one migrated
// database starts several times faster. The copy is made once per test process, by the same
// code that opens 'memory://', and every copy still runs the migration check on open.
let migratedSnapshot: Promise<Blob> | undefined;

async function takeMigratedSnapshot(): Promise<Blob> {
  const engine = await openPgliteEngine();
  try {
    await prepareDatabase(engine);
    return await engine.snapshot();
  } finally {
    await engine.close();
  }
}

async function openPglite(): Promise<TestDatabase> {
  migratedSnapshot ??= takeMigratedSnapshot();
  const snapshot = await migratedSnapshot;
  const db = await prepareDatabase(await openPgliteEngine({ snapshot }));
  return withDrop(db, () => db.close());
}

export interface ScratchPostgresDatabase {
  /** A connection URL for the new, empty database. */
  url: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A scratch database older than this was left by a run killed from outside: no run lasts as long. */
const STALE_AFTER_SECONDS = 6 * 3600;

const SCRATCH_NAME = /^rk_test_([0-9a-z]+)_\d+_[0-9a-f]+$/;

/**
 * Drops the scratch databases of runs that were killed before they could (their names carry the
 * second they were made), once per process, so a shared server does not fill up with them.
 */
async function sweepStaleDatabases(serverUrl: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'rk\\_test\\_%'`);
    const now = Date.now() / 1000;
    for (const { datname } of rows) {
      const made = SCRATCH_NAME.exec(datname)?.[1];
      if (made === undefined || now - Number.parseInt(made, 36) < STALE_AFTER_SECONDS) continue;
      // Another process may be sweeping the same one.
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
let swept: Promise<void> | undefined;

/** Creates an empty database with a unique name (rk_test_<second made>_<pid>_<random>) on the server that serverUrl points at. */
export async function createScratchPostgresDatabase(serverUrl: string): Promise<ScratchPostgresDatabase> {
  swept ??= sweepStaleDatabases(serverUrl).catch(() => undefined);
  await swept;
  const made = Math.floor(Date.now() / 1000).toString(36);
  const name = `rk_test_${made}_${process.pid}_${randomBytes(6).toString('hex')}`;
  // template0: template1 may be busy (CREATE DATABASE refuses to copy a database others use).
  await onServer(serverUrl, `CREATE DATABASE ${name} TEMPLATE template0`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropping: Promise<void> | undefined;
  return {
    url: url.toString(),
    drop() {
      dropping ??= onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return dropping;
    },
  };
}

async function openPostgres(serverUrl: string): Promise<TestDatabase> {
  const scratch = await createScratchPostgresDatabase(serverUrl);
  let db: Db;
  try {
    db = await openDatabase(scratch.url);
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  return withDrop(db, async () => {
    await db.close();
    await scratch.drop();
  });
}

/** The PostgreSQL server named by DATABASE_URL, if it names one. */
export function postgresServerUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url !== undefined && isPostgresUrl(url) ? url : undefined;
}

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: 'pglite', open: openPglite }];
  const serverUrl = postgresServerUrl();
  if (serverUrl !== undefined) targets.push({ name: 'postgres', open: () => openPostgres(serverUrl) });
  return targets;
}
