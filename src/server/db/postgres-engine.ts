/** A PostgreSQL server, through a pg connection pool. */
import { Pool, type PoolClient, type QueryResult as PgResult } from 'pg';
import type { Engine, QueryResult, ScriptSession } from './types.ts';
import { pgTypeConfig } from './type-parsers.ts';

function toResult<T>(result: PgResult): QueryResult<T> {
  return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
}

/**
 * Every session in UTC, like PGlite, so now()::date and timestamp text agree on both engines. A SET
 * on each new connection before its first use, rather than the `options` startup parameter, which
 * a pooler in transaction mode (PgBouncer) refuses; PgBouncer keeps TimeZone per client across
 * its servers.
 */
const inUtc = new WeakSet<PoolClient>();

async function connect(pool: Pool): Promise<PoolClient> {
  const client = await pool.connect();
  if (inUtc.has(client)) return client;
  try {
    await client.query(`SET TimeZone = 'UTC'`);
  } catch (error) {
    // A connection that cannot even take this is broken: drop it.
    client.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  inUtc.add(client);
  return client;
}

function session(query: (sql: string, params?: unknown[]) => Promise<PgResult>): ScriptSession {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return toResult<T>(await query(sql, params));
    },
    async exec(sql: string) {
      // Without parameters pg uses the simple query protocol, which accepts several statements.
      await query(sql);
    },
  };
}

/** One statement on a connection of the pool, outside any transaction. */
async function queryOnPool(pool: Pool, sql: string, params?: unknown[]): Promise<PgResult> {
  const client = await connect(pool);
  try {
    return await client.query(sql, params);
  } finally {
    client.release();
  }
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
  const client = await connect(pool);
  let unusable: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await fn(session((sql, params) => client.query(sql, params)));
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
  // An idle pooled connection that the server closes must not crash the process: the pool drops
  // it, and the next query opens a fresh one.
  pool.on('error', () => {});

  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    ...session((sql, params) => queryOnPool(pool, sql, params)),
    transaction: (fn) => runTransaction(pool, fn),
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
