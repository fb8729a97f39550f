import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import { callerKey, callerOf } from './auth.ts';
import { outsideRequestTransaction, withRequestTransaction, type Db, type Queryable, type RequestUnit, type Statement } from '../db/index.ts';
import type { AppEnv } from './env.ts';
import type { Logger } from './logger.ts';
import { ProblemError } from '../errors.ts';
import { knownBodyText } from './response-body.ts';
import { DEFAULT_IDEMPOTENCY_TTL_SECONDS } from '../timed-work/idempotency-keys.ts';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

export interface IdempotencyOptions {
  /** The database whose `idempotency_keys` table holds the keys, and that the request's work runs on. */
  db: Db;
  logger: Logger;
  /** How long a retry waits for the first request with its key to finish. */
  waitTimeoutMs?: number;
  /** How long a finished key is remembered; after that the key is free again. */
  ttlSeconds?: number;
}

const METHODS = new Set(['POST', 'PATCH', 'DELETE']);

/** Whether a request of this method runs in one transaction here (and so can take its rate-limit token with the BEGIN). */
export function runsInRequestTransaction(method: string): boolean {
  return METHODS.has(method);
}
// The contract's rule (`idempotencyKey` in api/common.ts): visible ASCII, so no key hides a space.
const VALID_KEY = /^[!-~]{1,255}$/;
/** Response headers worth giving back on a replay; the rest are recomputed per response. */
const REPLAYED_HEADERS = ['content-type', 'location'];

interface StoredResponse {
  headers: Record<string, string>;
  body: string;
}

interface KeyRow {
  request_hash: string;
  status: number | null;
  response: StoredResponse | null;
  expired: boolean;
}

interface KeyRef {
  scope: string;
  key: string;
  requestHash: string;
}

/** The claim found the key already answered (committed by another request). */
class KeyTaken extends Error {}

class TimedOut extends Error {}

function stillProcessing(): ProblemError {
  return new ProblemError('idempotency_conflict', 'A request with this Idempotency-Key is still being processed; retry later.', undefined, {
    'Retry-After': '1',
  });
}

function withDeadline<T>(work: Promise<T>, deadline: number): Promise<T> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new TimedOut());
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new TimedOut()), remaining)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One transaction per mutating request (POST, PATCH, DELETE): every statement the route runs, in
 * whichever service, joins it (see db/request-transaction.ts), and it commits only once the answer
 * is known. With an `Idempotency-Key`, the key is claimed first in that same transaction and the
 * answer stored in it before the commit: claim, action and answer happen together or not at all.
 *
 * - A retry of a finished request with the same body gets the stored answer back; with another
 *   body, a 409. A retry racing the first waits for it (the database holds it on the key) and
 *   replays its answer; past `waitTimeoutMs` it is told to retry later.
 * - A process that dies mid-request leaves no claim behind: its transaction never committed, so
 *   a retry acts at once.
 * - A 4xx answer is final and replayed; a 5xx says nothing happened, so the key stays free.
 * - Finished keys are forgotten after `ttlSeconds` (24 h by default).
 *
 * Mount it after auth (its scope is the caller).
 */
export function idempotency({
  db,
  logger,
  waitTimeoutMs = 10_000,
  ttlSeconds = DEFAULT_IDEMPOTENCY_TTL_SECONDS,
}: IdempotencyOptions): MiddlewareHandler<AppEnv> {
  async function claim(tx: Queryable, ref: KeyRef): Promise<void> {
    const inserted = await tx.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO NOTHING`,
      [ref.scope, ref.key, ref.requestHash],
    );
    if (inserted.rowCount === 0) throw new KeyTaken();
  }

  /** The committed row of a key, read outside the request's transaction. */
  async function committed(ref: KeyRef): Promise<KeyRow | undefined> {
    const { rows } = await outsideRequestTransaction(() =>
      db.query<KeyRow>(
        `SELECT request_hash, status, response, created_at < now() - $3::int * interval '1 second' AS expired
         FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [ref.scope, ref.key, ttlSeconds],
      ),
    );
    return rows[0];
  }

  /**
   * What a committed row means for this request: its answer again, a 409, or (for an expired key,
   * or an unanswered one left by an older version of this server) nothing: the key is free.
   */
  async function judge(c: Context<AppEnv>, ref: KeyRef, row: KeyRow | undefined): Promise<Response | undefined> {
    if (row === undefined) return undefined;
    if (row.expired || row.status === null || row.response === null) {
      await outsideRequestTransaction(() =>
        db.query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND (status IS NULL OR created_at < now() - $3::int * interval '1 second')", [
          ref.scope,
          ref.key,
          ttlSeconds,
        ]),
      );
      return undefined;
    }
    if (row.request_hash !== ref.requestHash) {
      throw new ProblemError('idempotency_conflict', 'This Idempotency-Key was already used with a different request body.');
    }
    const headers = { ...row.response.headers, [REPLAYED_HEADER]: 'true' };
    return row.response.body === '' ? c.body(null, row.status as StatusCode, headers) : c.body(row.response.body, row.status as ContentfulStatusCode, headers);
  }

  async function answerOf(c: Context<AppEnv>): Promise<{ status: number; response: StoredResponse }> {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = c.res.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    // The text the answer was made from when it is at hand; else a copy of the answer, read.
    const known = knownBodyText(c.res);
    return { status: c.res.status, response: { headers, body: known === undefined ? await c.res.clone().text() : (known ?? '') } };
  }

  /** Runs the route in the unit; commits with `last` unless it failed. */
  async function runRoute(
    c: Context<AppEnv>,
    unit: RequestUnit,
    next: () => Promise<void>,
    last?: () => Promise<Statement>,
  ): Promise<'committed' | 'closed' | 'failed'> {
    await next();
    if (c.res.status >= 500) {
      await unit.rollback();
      return 'failed';
    }
    if (unit.failure !== undefined) {
      // A refusal after earlier reads (e.g. the caller's own row) answered with its problem: the
      // work is undone and the answer says so. A route that went on to answer success would report
      // half a request as done: commit refuses that.
      if (c.res.status >= 400) {
        await unit.rollback();
        return 'closed';
      }
      await unit.commit();
    }
    if (!unit.open) return 'closed';
    await unit.commit(await last?.());
    return 'committed';
  }

  return async (c, next) => {
    if (!METHODS.has(c.req.method)) return next();
    // The rate limit's token, taken with the BEGIN and judged before the route runs.
    const before = c.get('takeBeforeTransaction');
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) {
      await withRequestTransaction(db, before ? { before } : {}, async (unit) => {
        if (before) await unit.begin();
        return runRoute(c, unit, next);
      });
      return;
    }
    if (!VALID_KEY.test(key)) {
      throw new ProblemError('invalid_request', 'The Idempotency-Key header is invalid.', [
        { path: IDEMPOTENCY_KEY_HEADER, message: 'Must be 1 to 255 printable ASCII characters' },
      ]);
    }
    const ref: KeyRef = {
      scope: `${callerKey(callerOf(c))} ${c.req.method} ${c.req.path}`,
      key,
      requestHash: createHash('sha256')
        .update(new Uint8Array(await c.req.arrayBuffer()))
        .digest('hex'),
    };

    const deadline = Date.now() + waitTimeoutMs;
    const outcome = await withRequestTransaction(db, { prologue: (tx) => claim(tx, ref), ...(before ? { before } : {}) }, async (unit) => {
      // Claim the key before anything runs; a request still holding it makes this wait.
      for (;;) {
        try {
          await withDeadline(unit.begin(), deadline);
          break;
        } catch (error) {
          if (error instanceof TimedOut) throw stillProcessing();
          if (!(error instanceof KeyTaken)) throw error;
          const replay = await judge(c, ref, await committed(ref));
          if (replay) return { replay };
        }
      }
      const result = await runRoute(c, unit, next, async () => {
        const stored = await answerOf(c);
        // Sent with the COMMIT: the answer is kept exactly when the action is.
        return {
          sql: 'UPDATE idempotency_keys SET status = $3, response = $4::jsonb WHERE scope = $1 AND key = $2',
          params: [ref.scope, ref.key, stored.status, JSON.stringify(stored.response)],
        };
      });
      return { result };
    });
    if ('replay' in outcome) return outcome.replay;
    if (outcome.result !== 'closed') return;

    // The route's transaction was rolled back (a service refused) and the answer is a 4xx: it is
    // final, so it is kept on its own, unless another request with the key answered meanwhile.
    const { status, response } = await answerOf(c);
    const inserted = await db.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status, response) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (scope, key) DO NOTHING`,
      [ref.scope, ref.key, ref.requestHash, status, JSON.stringify(response)],
    );
    if (inserted.rowCount === 1) return;
    const replay = await judge(c, ref, await committed(ref)).catch((error: unknown) => {
      logger.error('idempotent answer not stored', { requestId: c.get('requestId'), error });
      return undefined;
    });
    if (replay) c.res = replay;
  };
}
