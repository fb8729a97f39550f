/**
 * A database that writes down every statement it sends (BEGIN and COMMIT included), to count
 * what one request costs. Fresh per call, on PGlite or on the PostgreSQL server of DATABASE_URL.
 */
import type { Db } from '../../../../src/server/db/index.ts';
import { openEngine } from '../../../../src/server/db/open-engine.ts';
import { prepareDatabase } from '../../../../src/server/db/prepare-database.ts';
import type { Engine, ScriptSession, Statement } from '../../../../src/server/db/types.ts';
import { createScratchPostgresDatabase, postgresServerUrl } from '../../support/databases.ts';

export interface CountingDatabase {
  db: Db;
  /** Statements sent since the last `reset()`. */
  readonly statements: string[];
  /** The statements since the last `reset()` sent with `value` among their parameters. */
  statementsWith(value: unknown): string[];
  reset(): void;
  drop(): Promise<void>;
}

function counting(engine: Engine, statements: string[], parameters: (readonly unknown[])[]): Engine {
  const record = (sql: string, params: readonly unknown[] = []) => {
    statements.push(sql.replace(/\s+/g, ' ').trim());
    parameters.push(params);
  };
  const session = (inner: ScriptSession): ScriptSession => ({
    query: (sql, params) => (record(sql, params), inner.query(sql, params)),
    exec: (sql) => (record(sql), inner.exec(sql)),
  });
  return {
    kind: engine.kind,
    ...session(engine),
    async transaction(fn, options) {
      // The statement sent before the BEGIN, outside the transaction, counts as well.
      if (options?.before) record(options.before.sql, options.before.params);
      record('BEGIN');
      let committed = false;
      try {
        const result = await engine.transaction(
          (tx) =>
            fn({
              ...session(tx),
              ...(tx.before ? { before: tx.before } : {}),
              // The statement sent with the COMMIT counts as well.
              ...(tx.last ? { last: (statement: Statement) => (record(statement.sql), tx.last!(statement)) } : {}),
            }),
          options,
        );
        committed = true;
        return result;
      } finally {
        record(committed ? 'COMMIT' : 'ROLLBACK');
      }
    },
    close: () => engine.close(),
  };
}

export async function openCountingDatabase(target: 'pglite' | 'postgres'): Promise<CountingDatabase> {
  const scratch = target === 'postgres' ? await createScratchPostgresDatabase(postgresServerUrl()!) : undefined;
  const statements: string[] = [];
  const parameters: (readonly unknown[])[] = [];
  const db = await prepareDatabase(counting(await openEngine(scratch?.url ?? 'memory://'), statements, parameters));
  return {
    db,
    statements,
    statementsWith: (value) => statements.filter((_, i) => parameters[i]?.includes(value)),
    reset: () => {
      statements.splice(0);
      parameters.splice(0);
    },
    async drop() {
      await db.close();
      await scratch?.drop();
    },
  };
}
