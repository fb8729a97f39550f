/** A PostgreSQL server, through a pg connection pool. */
import type { Writable } from 'node:stream';
import { Pool, type PoolClient, type QueryResult as PgResult } from 'pg';
import type { Engine, QueryResult, ScriptSession, Statement, TransactionOptions, TransactionSession } from './types.ts';
import { PreparedStatements } from './prepared-statements.ts';
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
async function queryOnPool(pool: Pool, prepared: PreparedStatements, sql: string, params?: unknown[]): Promise<PgResult> {
  const client = await connect(pool);
  let unusable: Error | undefined;
  try {
    return await client.query(prepared.query(sql, params));
  } catch (error) {
    if (!prepared.lostBy(error)) throw error;
    // The statement did not run (its preparation or its binding was refused): once more, unprepared.
    unusable = error as Error;
  } finally {
    client.release(unusable);
  }
  return queryOnPool(pool, prepared, sql, params);
}

/** Thrown when COMMIT finds the transaction already failed (an error inside it was caught and ignored). */
class TransactionRolledBackError extends Error {
  readonly code = '25P02';
  readonly severity = 'ERROR';
  constructor() {
    super('Transaction was rolled back instead of committed: a statement inside it had failed');
  }
}

/** Settles with the statement's result once BEGIN has succeeded too; a failed BEGIN is the error reported. */
function afterBegin(begun: Promise<unknown>, sent: Promise<PgResult>): Promise<PgResult> {
  return Promise.all([begun, sent]).then(([, result]) => result);
}

interface WriteBatch {
  /** Holds back what is written to the socket (until `flush`, or `flushSoon`'s tick). */
  hold(): void;
  /** Lets it go once the current tick is over: statements sent in this tick leave together. */
  flushSoon(): void;
  flush(): void;
}

/**
 * Batches what a transaction writes to its connection: statements sent in the same tick leave in
 * one write, one system call and one packet for the server to wake up to, instead of one each
 * (on a busy machine each costs about as much as a small statement).
 */
function writeBatch(client: PoolClient): WriteBatch {
  const stream = (client as unknown as { connection?: { stream?: Partial<Pick<Writable, 'cork' | 'uncork'>> } }).connection?.stream;
  if (typeof stream?.cork !== 'function' || typeof stream.uncork !== 'function') return { hold() {}, flushSoon() {}, flush() {} };
  let held = false;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (held) stream.uncork!();
    held = false;
  };
  return {
    hold() {
      if (!held) stream.cork!();
      held = true;
    },
    flushSoon() {
      if (held && !scheduled) process.nextTick(flush);
      scheduled = held;
    },
    flush,
  };
}

/**
 * The connection runs in pipeline mode (see the Pool below), so the statements of a transaction
 * need not wait for each other's answers to go out: BEGIN leaves with the first statement, the
 * COMMIT with the last one named by `tx.last`, and statements sent without awaiting each other
 * leave together (see writeBatch); two round trips saved per transaction at least. Each statement
 * is still answered in order, and once one fails the server refuses the rest of the transaction,
 * so nothing after a failure takes effect.
 */
async function runTransaction<T>(
  pool: Pool,
  prepared: PreparedStatements,
  fn: (tx: TransactionSession) => Promise<T>,
  { before }: TransactionOptions = {},
): Promise<T> {
  const client = await connect(pool);
  let unusable: Error | undefined;
  const batch = writeBatch(client);
  // BEGIN (and the statement before it) waits for the first statement, however late it comes.
  batch.hold();
  // Its own statement on the wire: its failure does not touch the transaction after it.
  const ran = before && client.query(prepared.query(before.sql, before.params)).then((result) => toResult<Record<string, unknown>>(result));
  ran?.catch((error: unknown) => {
    if (prepared.lostBy(error)) unusable ??= error as Error;
  });
  const begun = client.query('BEGIN');
  // Whoever waits for the statement before BEGIN needs it sent: it leaves once this tick is over,
  // with whatever else the transaction sends meanwhile (e.g. an Idempotency-Key's claim).
  if (ran) batch.flushSoon();
  // Whoever awaits BEGIN (the first statement, or the COMMIT) reports its failure.
  begun.catch(() => undefined);
  const ending: { last?: Statement } = {};
  try {
    const result = await fn({
      ...session((sql, params) => {
        batch.hold();
        const sent = client.query(prepared.query(sql, params));
        batch.flushSoon();
        return afterBegin(begun, sent);
      }),
      last(statement) {
        ending.last = statement;
      },
      ...(ran ? { before: ran } : {}),
    });
    batch.hold();
    let final: Promise<PgResult> | undefined;
    let committing: Promise<PgResult>;
    try {
      if (ending.last !== undefined) final = afterBegin(begun, client.query(prepared.query(ending.last.sql, ending.last.params)));
      committing = client.query('COMMIT');
    } finally {
      batch.flush();
    }
    if (final !== undefined) {
      // The COMMIT then answers ROLLBACK: the statement's own error is the one to report.
      committing.catch(() => undefined);
      await final;
    }
    const commit = await afterBegin(begun, committing);
    // A server answers COMMIT of a failed transaction with ROLLBACK and no error; refuse to report
    // success for work that was thrown away (PGlite raises the same error code here).
    if (commit.command === 'ROLLBACK') throw new TransactionRolledBackError();
    return result;
  } catch (error) {
    batch.flush();
    // The driver believes in statements this connection's server lacks: start afresh on another.
    if (prepared.lostBy(error)) unusable = error as Error;
    try {
      // Harmless when the COMMIT already ended the transaction (a warning, no error).
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection itself is broken: drop it from the pool rather than reuse it.
      unusable = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    batch.flush();
    client.release(unusable);
  }
}

/** Connections per instance unless configured (DATABASE_POOL_SIZE); pg's own default is 10. */
export const DEFAULT_POOL_SIZE = 20;

export interface PostgresEngineOptions {
  /** Connections the pool may open (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** Named prepared statements (DATABASE_PREPARED_STATEMENTS, on by default); see prepared-statements.ts. */
  preparedStatements?: boolean;
}

export async function openPostgresEngine(
  connectionString: string,
  { poolSize = DEFAULT_POOL_SIZE, preparedStatements = true }: PostgresEngineOptions = {},
): Promise<Engine> {
  const prepared = new PreparedStatements(preparedStatements);
  const pool = new Pool({
    connectionString,
    max: poolSize,
    types: pgTypeConfig,
    // Statements queued on a connection go out without waiting for the previous one's answer:
    // what lets a transaction send BEGIN and COMMIT with its neighbours (see runTransaction).
    pipeline: true,
  });
  // An idle pooled connection that the server closes must not crash the process: the pool drops
  // it, and the next query opens a fresh one.
  pool.on('error', () => {});

  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    ...session((sql, params) => queryOnPool(pool, prepared, sql, params)),
    transaction: (fn, options) => runTransaction(pool, prepared, fn, options),
    close() {
      closing ??= pool.end();
      return closing;
    },
  };
}
