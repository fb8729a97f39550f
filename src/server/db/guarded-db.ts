/**
 * Wraps an engine into the Db the services use, with the same rules on both engines:
 * - a transaction's handle refuses work once its transaction has ended (a stray late query would
 *   otherwise run outside it, unnoticed);
 * - inside a transaction, the Db's own query/transaction are refused. On PGlite they would wait
 *   forever for the transaction they are called from; on a server they would silently run on
 *   another connection, outside the transaction and possibly blocked by its locks;
 * - a deadlock or serialization failure runs the transaction again (a few times);
 * - inside a request transaction (see request-transaction.ts) query and transaction join it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { joinRequestTransaction, retryingTransaction, type DeferredTransaction } from './request-transaction.ts';
import type { Db, Engine, Queryable, Statement, TransactionOptions } from './types.ts';

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

const ROLLBACK = Symbol('rollback');

/** Opens a transaction on the engine and hands it out; whoever holds it decides when it ends. */
function openDeferred(engine: Engine, options: TransactionOptions = {}): Promise<DeferredTransaction> {
  return new Promise((resolveOpen, rejectOpen) => {
    let opened = false;
    let decide!: (end: { commit: boolean; last?: Statement }) => void;
    const decided = new Promise<{ commit: boolean; last?: Statement }>((resolve) => (decide = resolve));
    const ended: Promise<void> = engine
      .transaction(async (session) => {
        opened = true;
        resolveOpen({ session, end: (commit, last) => (decide({ commit, ...(last ? { last } : {}) }), ended) });
        const { commit, last } = await decided;
        if (!commit) throw ROLLBACK;
        if (last === undefined) return;
        if (session.last) session.last(last);
        else await session.query(last.sql, last.params);
      }, options)
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      });
    ended.catch((error: unknown) => {
      if (!opened) rejectOpen(error);
    });
  });
}

export function guardEngine(engine: Engine): Db {
  const opener = (options?: TransactionOptions) => openDeferred(engine, options);

  async function runOnce<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const state: OpenTransaction = { db, open: true };
    try {
      return await engine.transaction((session) => {
        const tx: Queryable = {
          async query<R>(sql: string, params?: unknown[]) {
            if (!state.open) throw new Error('this transaction has already ended; its handle cannot run queries');
            return session.query<R>(sql, params);
          },
        };
        return currentTransaction.run(state, () => fn(tx));
      });
    } finally {
      state.open = false;
    }
  }

  const db: Db = {
    kind: engine.kind,
    async query<T>(sql: string, params?: unknown[]) {
      const unit = joinRequestTransaction(db, opener);
      if (unit) return unit.run((tx) => tx.query<T>(sql, params));
      refuseInsideOwnTransaction(db, 'db.query');
      return engine.query<T>(sql, params);
    },
    async transaction(fn) {
      const unit = joinRequestTransaction(db, opener);
      if (unit) return unit.run(fn);
      refuseInsideOwnTransaction(db, 'db.transaction');
      return retryingTransaction(() => runOnce(fn));
    },
    close: () => engine.close(),
  };
  return db;
}
