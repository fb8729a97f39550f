/** The data layer: one interface over embedded PGlite and a PostgreSQL server, same SQL on both. */
import type { Db } from './types.ts';
import { openEngine, type OpenOptions } from './open-engine.ts';
import { prepareDatabase } from './prepare-database.ts';

export type { Db, DbKind, Queryable, QueryResult, Statement } from './types.ts';
export { SQLSTATE, constraintOf, isAppendOnlyViolation, isCheckViolation, isForeignKeyViolation, isUniqueViolation, sqlStateOf } from './errors.ts';
export { DEFAULT_POOL_SIZE, isPostgresUrl, type OpenOptions } from './open-engine.ts';
export {
  isRetryableTransactionError,
  outsideRequestTransaction,
  withRequestTransaction,
  type RequestTransactionOptions,
  type StatementBefore,
  type RequestUnit,
} from './request-transaction.ts';

/**
 * url: 'memory://' → in-memory PGlite; 'postgres://…' or 'postgresql://…' → a PostgreSQL server
 * (pg Pool); anything else → a folder for an on-disk PGlite (created if missing).
 * Applies pending migrations before it resolves.
 */
export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Db> {
  return prepareDatabase(await openEngine(url, options));
}
