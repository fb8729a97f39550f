/**
 * Applies pending migrations in version order, each in its own transaction together with its
 * row in schema_migrations. Every transaction first takes one advisory lock, so when several
 * processes start at once against one server, they apply each migration exactly once between
 * them: whoever waits re-reads what is applied once it holds the lock.
 */
import { retryingTransaction } from './request-transaction.ts';
import type { Engine, ScriptSession, TransactionSession } from './types.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

// Any constant will do, as long as nothing else on the same server locks the same number.
const MIGRATION_LOCK_KEY = 4_829_163_007_214;

async function lockMigrations(tx: ScriptSession): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
}

function assertInOrder(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const { version, name } of migrations) {
    if (!Number.isSafeInteger(version) || version <= previous) {
      throw new Error(`migration ${version} (${name}) is out of order: versions must be positive and increasing`);
    }
    previous = version;
  }
}

/** A transaction of its own, run again on a deadlock or a prepared statement a pooler lost. */
function inTransaction<T>(engine: Engine, fn: (tx: TransactionSession) => Promise<T>): Promise<T> {
  return retryingTransaction(() => engine.transaction(fn));
}

async function appliedVersions(engine: Engine): Promise<Set<number>> {
  return inTransaction(engine, async (tx) => {
    await lockMigrations(tx);
    await tx.exec(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    int PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    return new Set(rows.map((row) => row.version));
  });
}

/** Applies what is pending and returns the versions this call applied (none when up to date). */
export async function runMigrations(engine: Engine, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  assertInOrder(migrations);
  const alreadyApplied = await appliedVersions(engine);
  const appliedNow: number[] = [];
  for (const migration of migrations) {
    if (alreadyApplied.has(migration.version)) continue;
    const applied = await inTransaction(engine, async (tx) => {
      await lockMigrations(tx);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.rowCount > 0) return false; // another process applied it while this one waited
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (applied) appliedNow.push(migration.version);
  }
  return appliedNow;
}
