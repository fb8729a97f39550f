/**
 * One transaction per request. Inside `withRequestTransaction(db, …)`, every `db.query` and
 * `db.transaction` of that database (services included, whatever they were handed) runs in one
 * transaction: opened by the first of them (or at once by `unit.begin()`), kept open when a
 * service's own `db.transaction` returns, and committed or rolled back by whoever opened the unit
 * (the HTTP layer, once the answer is known). A service needs no new parameter to take part.
 *
 * - `prologue` runs first in every opening of the transaction, e.g. claiming an Idempotency-Key,
 *   so the claim, the action and the stored answer commit together or not at all; a process that
 *   dies mid-request leaves nothing behind (its connection's transaction rolls back).
 * - A function that fails while it is the only work in the transaction rolls it back cleanly; a
 *   deadlock or serialization failure there is retried in a new transaction, as outside a unit.
 *   A failure after other work joined the transaction poisons the unit: its work is gone, so
 *   every later use, and `commit`, fail instead of reporting half a request as done.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { SQLSTATE, sqlStateOf } from './errors.ts';
import { isLostStatement } from './prepared-statements.ts';
import type { Db, Queryable, QueryResult, Statement, TransactionOptions, TransactionSession } from './types.ts';

/** How many times a deadlock or serialization failure is tried again. */
export const MAX_TRANSACTION_ATTEMPTS = 4;

/**
 * Deadlocks and serialization failures say nothing about the work: running it again may succeed.
 * So does a prepared statement a pooler lost: the work runs again unprepared (prepared-statements.ts).
 */
export function isRetryableTransactionError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state === SQLSTATE.deadlockDetected || state === SQLSTATE.serializationFailure || isLostStatement(error);
}

/** Runs a transaction again, from the start, while it fails in a way a new try may not. */
export async function retryingTransaction<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt < MAX_TRANSACTION_ATTEMPTS && isRetryableTransactionError(error)) continue;
      throw error;
    }
  }
}

/** An open engine transaction whose end is decided later. */
export interface DeferredTransaction {
  session: TransactionSession;
  /** Commits (after `last`, sent with the COMMIT where the engine can) or rolls back. */
  end(commit: boolean, last?: Statement): Promise<void>;
}

export interface RequestUnit {
  /** Opens the transaction now (BEGIN and the prologue) rather than at the first statement. */
  begin(): Promise<void>;
  /** Whether a transaction is open (it may have been rolled back by a failed service). */
  readonly open: boolean;
  /** The error that poisoned the unit, if any. */
  readonly failure: unknown;
  /**
   * Runs `last` in the transaction and commits: on a server both go out together, so the
   * statement costs no round trip of its own. Throws when the unit was poisoned, or when `last`
   * fails (the transaction is then rolled back).
   */
  commit(last?: Statement): Promise<void>;
  /** Rolls back whatever is open. */
  rollback(): Promise<void>;
}

/** A statement the request needs answered before it goes on, sent with its BEGIN. */
export interface StatementBefore {
  statement: Statement;
  /** Judges the statement's result before the request goes on; throwing ends the request (rolled back). */
  check(result: QueryResult<Record<string, unknown>>): void;
}

export interface RequestTransactionOptions {
  /** Runs at the start of every opening of the transaction, before any other statement. */
  prologue?: (tx: Queryable) => Promise<void>;
  /**
   * Runs once, on the transaction's connection right before its first BEGIN, outside it (see
   * TransactionOptions.before), and is checked before the prologue's outcome: e.g. the per-member
   * rate limit, whose token is taken whatever the request's transaction then does.
   */
  before?: StatementBefore;
}

interface Active {
  readonly deferred: DeferredTransaction;
  readonly handle: Queryable;
  /** Statements run through the handle (the prologue's are not counted). */
  statements: number;
  live: boolean;
}

/** Set by the guarded Db on its first use inside the unit: how to open a transaction on its engine. */
type Opener = (options?: TransactionOptions) => Promise<DeferredTransaction>;

class Scope implements RequestUnit {
  owner: Db | undefined;
  opener: Opener | undefined;
  failure: unknown = undefined;
  #active: Active | undefined;
  #opening: Promise<Active> | undefined;
  #finished = false;
  /** `options.before`, until the first opening has sent it. */
  #before: StatementBefore | undefined;

  constructor(
    readonly db: Db,
    readonly options: RequestTransactionOptions,
  ) {
    this.#before = options.before;
  }

  get open(): boolean {
    return this.#active?.live === true;
  }

  begin(): Promise<void> {
    // The Db claims the unit (and sets the opener) on first use: an empty function opens it.
    return this.db.transaction(async () => undefined);
  }

  /** Runs fn in the unit's transaction, opening it first if needed. */
  async run<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const active = await this.#ensureOpen();
      const alone = active.statements === 0;
      try {
        return await fn(active.handle);
      } catch (error) {
        await this.#end(false).catch(() => undefined);
        if (!alone) {
          this.failure ??= error;
          throw error;
        }
        if (attempt < MAX_TRANSACTION_ATTEMPTS && isRetryableTransactionError(error)) continue;
        throw error;
      }
    }
  }

  async commit(last?: Statement): Promise<void> {
    if (this.failure !== undefined) {
      await this.rollback();
      throw new Error("the request's transaction failed part-way and was rolled back", { cause: this.failure });
    }
    await this.#end(true, last);
  }

  async rollback(): Promise<void> {
    if (this.#active?.live) await this.#end(false);
  }

  /** The unit is over: a transaction still opening is rolled back as soon as it opens. */
  finish(): Promise<void> | undefined {
    this.#finished = true;
    if (this.#opening) {
      void this.#opening.then(() => this.#end(false)).catch(() => undefined);
      return undefined;
    }
    return this.rollback();
  }

  #ensureOpen(): Promise<Active> {
    if (this.failure !== undefined) {
      return Promise.reject(new Error("the request's transaction failed earlier; nothing more can run in it", { cause: this.failure }));
    }
    if (this.#active?.live) return Promise.resolve(this.#active);
    this.#opening ??= this.#openNew().finally(() => (this.#opening = undefined));
    return this.#opening;
  }

  async #openNew(): Promise<Active> {
    if (!this.opener) throw new Error('no database has joined this request transaction');
    const before = this.#before;
    this.#before = undefined;
    const deferred = await this.opener(before ? { before: before.statement } : {});
    if (this.#finished) {
      await deferred.end(false).catch(() => undefined);
      throw new Error('the request ended before its transaction opened');
    }
    try {
      // Sent together with BEGIN and the statement before it; answered after it.
      const prologue = this.options.prologue?.(deferred.session);
      prologue?.catch(() => undefined);
      if (before) {
        if (!deferred.session.before) throw new Error('this database cannot run a statement before its transaction');
        before.check(await deferred.session.before);
      }
      await prologue;
    } catch (error) {
      await deferred.end(false).catch(() => undefined);
      throw error;
    }
    const active: Active = {
      deferred,
      statements: 0,
      live: true,
      handle: {
        query: (sql, params) => {
          if (!active.live) return Promise.reject(new Error('this transaction has already ended; its handle cannot run queries'));
          active.statements++;
          return deferred.session.query(sql, params);
        },
      },
    };
    this.#active = active;
    return active;
  }

  async #end(commit: boolean, last?: Statement): Promise<void> {
    const active = this.#active;
    if (!active?.live) return;
    active.live = false;
    this.#active = undefined;
    await active.deferred.end(commit, last);
  }
}

const units = new AsyncLocalStorage<Scope>();

/**
 * The unit `db` takes part in here, if any: the innermost unit, once its Db is known. A guarded
 * Db calls this with its own identity and opener; wrappers of it (which delegate their calls)
 * are thereby covered too.
 */
export function joinRequestTransaction(db: Db, opener: Opener): Scope | undefined {
  const scope = units.getStore();
  if (scope === undefined) return undefined;
  if (scope.owner === undefined) {
    scope.owner = db;
    scope.opener = opener;
  }
  return scope.owner === db ? scope : undefined;
}

/**
 * Runs fn with every use of `db` inside it (however deep) in one transaction. Whatever is still
 * open when fn settles is rolled back: fn commits explicitly.
 */
export async function withRequestTransaction<T>(db: Db, options: RequestTransactionOptions, fn: (unit: RequestUnit) => Promise<T>): Promise<T> {
  const scope = new Scope(db, options);
  try {
    return await units.run(scope, () => fn(scope));
  } finally {
    await scope.finish();
  }
}

/** Runs fn outside any request transaction (its statements autocommit). */
export function outsideRequestTransaction<T>(fn: () => T): T {
  return units.exit(fn);
}
