import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import { callerKey, callerOf } from './auth.ts';
import type { Queryable } from '../db/index.ts';
import type { AppEnv } from './env.ts';
import type { Logger } from './logger.ts';
import { ProblemError } from '../errors.ts';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

export interface IdempotencyOptions {
  /** Reads and writes the `idempotency_keys` table. */
  db: Queryable;
  logger: Logger;
  /** How long a retry waits for the first request with its key to finish. */
  waitTimeoutMs?: number;
  /** An unfinished key older than this belongs to a request whose process died; it is taken over. */
  staleAfterSeconds?: number;
}

const METHODS = new Set(['POST', 'PATCH', 'DELETE']);
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
  stale: boolean;
}

/**
 * `claimedAt` (the row's created_at, as text for microsecond precision) identifies this claim, so
 * a request that outlived its claim cannot overwrite or release a newer one.
 */
type Claim = { kind: 'claimed'; claimedAt: string } | { kind: 'replay'; status: number; response: StoredResponse };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Makes POST, PATCH and DELETE safe to retry with an `Idempotency-Key`: the first request claims
 * (caller + method + path, key) in the database and its answer is stored; a retry with the same
 * body gets that answer back, one with another body a 409; a retry racing the first waits for it.
 * A 5xx or a thrown error releases the key so that a retry can act. Mount it after auth.
 */
export function idempotency({
  db,
  logger,
  waitTimeoutMs = 10_000,
  staleAfterSeconds = 120,
}: IdempotencyOptions): MiddlewareHandler<AppEnv> {
  async function claim(scope: string, key: string, requestHash: string): Promise<Claim> {
    const deadline = Date.now() + waitTimeoutMs;
    let delayMs = 10;
    for (;;) {
      const inserted = await db.query<{ claimed_at: string }>(
        `INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)
         ON CONFLICT (scope, key) DO NOTHING RETURNING created_at::text AS claimed_at`,
        [scope, key, requestHash],
      );
      const claimedAt = inserted.rows[0]?.claimed_at;
      if (claimedAt !== undefined) return { kind: 'claimed', claimedAt };

      const { rows } = await db.query<KeyRow>(
        `SELECT request_hash, status, response,
                status IS NULL AND created_at < now() - $3::int * interval '1 second' AS stale
         FROM idempotency_keys WHERE scope = $1 AND key = $2`,
        [scope, key, staleAfterSeconds],
      );
      const row = rows[0];
      if (row === undefined) continue; // released in between: try to claim it again
      // An abandoned claim says nothing about what the caller meant: it is as if it never was.
      if (row.stale) {
        await db.query(
          `DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL
           AND created_at < now() - $3::int * interval '1 second'`,
          [scope, key, staleAfterSeconds],
        );
        continue;
      }
      if (row.request_hash !== requestHash) {
        throw new ProblemError(
          'idempotency_conflict',
          'This Idempotency-Key was already used with a different request body.',
        );
      }
      if (row.status !== null && row.response !== null) {
        return { kind: 'replay', status: row.status, response: row.response };
      }
      if (Date.now() >= deadline) {
        throw new ProblemError(
          'idempotency_conflict',
          'A request with this Idempotency-Key is still being processed; retry later.',
          undefined,
          { 'Retry-After': '1' },
        );
      }
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, 250);
    }
  }

  async function release(c: Context<AppEnv>, scope: string, key: string, claimedAt: string): Promise<void> {
    try {
      await db.query(
        `DELETE FROM idempotency_keys
         WHERE scope = $1 AND key = $2 AND created_at = $3::timestamptz AND status IS NULL`,
        [scope, key, claimedAt],
      );
    } catch (error) {
      logger.error('idempotency key not released', { requestId: c.get('requestId'), error });
    }
  }

  async function store(c: Context<AppEnv>, scope: string, key: string, claimedAt: string): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = c.res.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const response: StoredResponse = { headers, body: await c.res.clone().text() };
    try {
      await db.query(
        `UPDATE idempotency_keys SET status = $4, response = $5::jsonb
         WHERE scope = $1 AND key = $2 AND created_at = $3::timestamptz AND status IS NULL`,
        [scope, key, claimedAt, c.res.status, JSON.stringify(response)],
      );
    } catch (error) {
      // The action happened; leaving the key unfinished makes retries wait (then take over once
      // stale) rather than act again at once.
      logger.error('idempotent response not stored', { requestId: c.get('requestId'), error });
    }
  }

  return async (c, next) => {
    if (!METHODS.has(c.req.method)) return next();
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined) return next();
    if (!VALID_KEY.test(key)) {
      throw new ProblemError('invalid_request', 'The Idempotency-Key header is invalid.', [
        { path: IDEMPOTENCY_KEY_HEADER, message: 'Must be 1 to 255 printable ASCII characters' },
      ]);
    }
    const scope = `${callerKey(callerOf(c))} ${c.req.method} ${c.req.path}`;
    const requestHash = createHash('sha256')
      .update(new Uint8Array(await c.req.arrayBuffer()))
      .digest('hex');

    const claimed = await claim(scope, key, requestHash);
    if (claimed.kind === 'replay') {
      const { status, response } = claimed;
      const headers = { ...response.headers, [REPLAYED_HEADER]: 'true' };
      return response.body === ''
        ? c.body(null, status as StatusCode, headers)
        : c.body(response.body, status as ContentfulStatusCode, headers);
    }

    try {
      await next();
    } catch (err) {
      await release(c, scope, key, claimed.claimedAt);
      throw err;
    }
    // Errors thrown below already became responses here: a 4xx answer is final and replayed,
    // a 5xx says nothing happened for sure, so the key is freed for a retry.
    if (c.res.status >= 500) await release(c, scope, key, claimed.claimedAt);
    else await store(c, scope, key, claimed.claimedAt);
  };
}
