/** The shapes every engine (embedded PGlite or a PostgreSQL server) presents to the rest of the server. */

export type DbKind = 'pglite' | 'postgres';

export interface QueryResult<T> {
  rows: T[];
  /** Rows returned by a SELECT or RETURNING, or rows changed by INSERT / UPDATE / DELETE; 0 for DDL. */
  rowCount: number;
}

export interface Queryable {
  /**
   * Runs one statement with `$1, $2…` placeholders.
   *
   * Values come back the same on both engines: int8 / bigserial / count(*) / sum(int) as numbers
   * (a BigInt only beyond Number.MAX_SAFE_INTEGER), timestamptz as Date, date as 'YYYY-MM-DD'
   * strings, json / jsonb parsed, numeric as strings (cast a sum of bigint to ::bigint for a
   * number). Pass jsonb parameters as JSON.stringify(value): a JS array would otherwise be sent
   * to a PostgreSQL server as an array literal.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<T>>;
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /**
   * Runs fn in one transaction (BEGIN … COMMIT; ROLLBACK and the original error rethrown when fn
   * throws). On a PostgreSQL server it uses one pooled client; on PGlite the engine is
   * single-connection, so transactions are serialized. Inside fn use only `tx`: calling this Db's
   * own query or transaction there is refused, because on PGlite it would wait forever for the
   * transaction it is part of.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Releases the engine (the pool, or the embedded database). Calling it again does nothing. */
  close(): Promise<void>;
}

/** A session that can also run a script of several statements (no parameters), as migrations need. */
export interface ScriptSession extends Queryable {
  exec(sql: string): Promise<void>;
}

/** One statement, with its parameters. */
export interface Statement {
  sql: string;
  params?: unknown[];
}

/** How an engine transaction starts. */
export interface TransactionOptions {
  /**
   * A statement run on the transaction's connection right before its BEGIN, outside the
   * transaction: it commits on its own, whatever becomes of the transaction. On a server it leaves
   * with the BEGIN (no round trip of its own). Its result is the session's `before`.
   */
  before?: Statement;
}

/** A session inside an engine transaction. */
export interface TransactionSession extends ScriptSession {
  /** The result of `TransactionOptions.before`, when one was given. */
  before?: Promise<QueryResult<Record<string, unknown>>>;
  /**
   * Names the transaction's last statement, run once fn has returned, right before the COMMIT (on
   * a server, sent with it: no round trip of its own). Its failure fails the transaction with its
   * own error; its result is not seen. Optional: without it, run the statement and await it.
   */
  last?(statement: Statement): void;
}

/** What an engine adapter provides; `openDatabase` wraps it into a Db once migrations have run. */
export interface Engine extends ScriptSession {
  readonly kind: DbKind;
  transaction<T>(fn: (tx: TransactionSession) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
