/** A PostgreSQL server, through a pg connection pool. */
import { Pool, type PoolClient, type QueryResult as PgResult } from 'pg';
import type { Engine, QueryResult, ScriptSession } from './types.ts';
import { pgTypeConfig } from './type-parsers.ts';

function toResult<T>(result: PgResult): QueryResult<T> {
  return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
}

type PgTarget = Pool | PoolClient;

function session(target: PgTarget): ScriptSession {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return toResult<T>(await target.query(sql, params));
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await target.query(sql);
    },
  };
}

/** Thrown when COMMIT finds the transaction already failed (an error inside it was caught and ignored). */
class TransactionRolledBackError extends Error {
  readonly code = '25P02';
  readonly severity = 'ERROR';
  constructor() {
    super('Transaction was rolled back instead of committed: a statement inside it had failed');
  }
}

async function runTransaction<T>(pool: Pool, fn: (tx: ScriptSession) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let unusable: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(session(client));
    const commit = await client.query('COMMIT');
    // A server answers COMMIT of a failed transaction with ROLLBACK and no error; refuse to report
    // success for work that was thrown away (PGlite raises the same error code here).
    if (commit.command === 'ROLLBACK') throw new TransactionRolledBackError();
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection itself is broken: drop it from the pool rather than reuse it.
      unusable = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.release(unusable);
  }
}

/** Connections per instance unless configured (DATABASE_POOL_SIZE); pg's own default is 10. */
export const DEFAULT_POOL_SIZE = 20;

export async function openPostgresEngine(connectionString: string, poolSize = DEFAULT_POOL_SIZE): Promise<Engine> {
  const pool = new Pool({
    connectionString,
    max: poolSize,
    types: pgTypeConfig,
  });
  // Every session in UTC, like PGlite, so now()::date and timestamp text agree on both engines.
  // A SET on each new connection rather than the `options` startup parameter, which a pooler in
  // transaction mode (PgBouncer) refuses; PgBouncer keeps TimeZone per client across its servers.
  // The SET is queued on the client before anything the pool hands it out for.
  pool.on('connect', (client) => {
    client.query(`SET TimeZone = 'UTC'`).catch(() => {
      // A connection that cannot even take this is broken: its next query fails and says why.
    });
  });
  // An idle pooled connection that the server closes must not crash the process: the pool drops
  // it, and the next query opens a fresh one.
  pool.on('error', () => {});

  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    ...session(pool),
    transaction: (fn) => runTransaction(pool, fn),
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
