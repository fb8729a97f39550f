/** Embedded PostgreSQL (PGlite): in memory, or kept in a folder on disk. One connection, in process. */
import { mkdir } from 'node:fs/promises';
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import type { Engine, QueryResult, ScriptSession, Statement, TransactionOptions } from './types.ts';
import { scalarParsers } from './type-parsers.ts';

export interface PgliteSource {
  /** A folder for the database files (created if missing); in memory when absent. */
  dataDir?: string;
  /** Starts an in-memory database as a copy of this snapshot (see `snapshot()`) instead of an empty one. */
  snapshot?: Blob;
}

export interface PgliteEngine extends Engine {
  /** A copy of the whole database, to start other in-memory databases from. */
  snapshot(): Promise<Blob>;
}

function toResult<T>(result: Results<T>): QueryResult<T> {
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? 0 };
}

function session(target: PGlite | Transaction): ScriptSession {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return toResult(await target.query<T>(sql, params));
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

export async function openPgliteEngine(source: PgliteSource = {}): Promise<PgliteEngine> {
  if (source.dataDir !== undefined) await mkdir(source.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(source.dataDir !== undefined ? { dataDir: source.dataDir } : {}),
    ...(source.snapshot !== undefined ? { loadDataDir: source.snapshot } : {}),
    parsers: scalarParsers,
  });
  // Session settings are not stored with the data: set them on every open, as on a server (UTC).
  await pglite.exec(`SET TIME ZONE 'UTC'`);

  let closing: Promise<void> | undefined;
  return {
    kind: 'pglite',
    ...session(pglite),
    // PGlite runs BEGIN, COMMIT, and ROLLBACK-then-rethrow of the original error itself, and holds
    // every other query of this instance back until the transaction ends.
    // The last statement gains nothing from going out with the COMMIT here (no round trips): it
    // simply runs once fn has returned.
    // The statement `before` is queued ahead of the transaction, which PGlite starts once it ran.
    transaction: (fn, { before }: TransactionOptions = {}) => {
      const ran = before && session(pglite).query(before.sql, before.params);
      ran?.catch(() => undefined);
      return pglite.transaction(async (tx) => {
        let last: Statement | undefined;
        const result = await fn({ ...session(tx), last: (statement) => void (last = statement), ...(ran ? { before: ran } : {}) });
        if (last !== undefined) await tx.query(last.sql, last.params);
        return result;
      });
    },
    close() {
      closing ??= pglite.close();
      return closing;
    },
    async snapshot() {
      return pglite.dumpDataDir('none');
    },
  };
}
