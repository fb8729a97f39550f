/**
 * Wraps an engine into the Db the services use, with the same rules on both engines:
 * - a transaction's handle refuses work once its transaction has ended (a stray late query would
 *   otherwise run outside it, unnoticed);
 * - inside a transaction, the Db's own query/transaction are refused. On PGlite they would wait
 *   forever for the transaction they are called from; on a server they would silently run on
 *   another connection, outside the transaction and possibly blocked by its locks.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Engine, Queryable } from './types.ts';

interface OpenTransaction {
  readonly db: Db;
  open: boolean;
}

const currentTransaction = new AsyncLocalStorage<OpenTransaction>();

function refuseInsideOwnTransaction(db: Db, what: string): void {
  const current = currentTransaction.getStore();
  if (current?.open && current.db === db) {
    throw new Error(`${what} was called inside a transaction of the same database; use the transaction's handle (tx.query) instead`);
  }
}

export function guardEngine(engine: Engine): Db {
  const db: Db = {
    kind: engine.kind,
    async query<T>(sql: string, params?: unknown[]) {
      refuseInsideOwnTransaction(db, 'db.query');
      return engine.query<T>(sql, params);
    },
    async transaction(fn) {
      refuseInsideOwnTransaction(db, 'db.transaction');
      const state: OpenTransaction = { db, open: true };
      try {
        return await engine.transaction((session) => {
          const tx: Queryable = {
            async query<T>(sql: string, params?: unknown[]) {
              if (!state.open) throw new Error('this transaction has already ended; its handle cannot run queries');
              return session.query<T>(sql, params);
            },
          };
          return currentTransaction.run(state, () => fn(tx));
        });
      } finally {
        state.open = false;
      }
    },
    close: () => engine.close(),
  };
  return db;
}
