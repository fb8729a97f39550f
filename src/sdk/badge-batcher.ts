/**
 * Badge look-ups of one task become one request: a forum thread with 300 posters asks the
 * server twice (200 ids a request), not 300 times. Answers are kept for a short while so that
 * scrolling and re-rendering ask nothing more. No zod here: the public badge's light path uses it.
 */
import { limits } from '../api/limits.ts';
import type { Badge } from '../api/public.ts';
import { abortedError } from './errors.ts';

export interface BadgeBatcherOptions {
  /** One request for up to `limits.badgeIds` distinct ids; unknown ids are absent from the answer. */
  load(ids: readonly string[]): Promise<Readonly<Record<string, Badge>>>;
  /** How long an answer (a badge, or "unknown") is reused. */
  cacheMs: number;
  now?: () => number;
}

export interface BadgeBatcher {
  /**
   * The member's badge, `null` when the server knows no such member. `fresh` skips the kept
   * answer (a "Try again" after a failure, a level known to have changed).
   */
  get(memberId: string, signal?: AbortSignal, options?: { fresh?: boolean }): Promise<Badge | null>;
  /** Forgets every kept answer (after a level change, say). */
  clear(): void;
}

/**
 * Ids travel in the query string; this keeps a request line well under the 8 KiB many
 * servers and proxies accept, even when ids are long.
 */
const MAX_IDS_QUERY_LENGTH = 6_000;

/** Kept answers at most; the oldest go first. A page rarely shows more distinct members. */
const MAX_KEPT = 5_000;

interface Waiting {
  promise: Promise<Badge | null>;
  resolve(value: Badge | null): void;
  reject(error: unknown): void;
}

function waiting(): Waiting {
  let resolve!: (value: Badge | null) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Badge | null>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A look-up whose caller went away (aborted) must not surface as an unhandled rejection.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** Splits ids into requests by count and by the length of their query string. */
export function chunkBadgeIds(ids: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const id of ids) {
    // The id as the query string carries it, and its separator (a comma, sent as `%2C`).
    const cost = encodeURIComponent(id).length + 3;
    if (current.length > 0 && (current.length >= limits.badgeIds || length + cost > MAX_IDS_QUERY_LENGTH)) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(id);
    length += cost;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export function createBadgeBatcher({ load, cacheMs, now = Date.now }: BadgeBatcherOptions): BadgeBatcher {
  const cache = new Map<string, { badge: Badge | null; expires: number }>();
  /** Asked for in this tick, not sent yet. */
  let queued = new Map<string, Waiting>();
  /** Sent, not answered yet: a second look-up joins the request already made. */
  const inFlight = new Map<string, Promise<Badge | null>>();
  let sendScheduled = false;

  /** Sends what is queued; on a microtask, or at once when a whole request's worth is. */
  function send(): void {
    const batch = queued;
    if (batch.size === 0) return;
    queued = new Map();
    pruneExpired();
    for (const ids of chunkBadgeIds([...batch.keys()])) {
      for (const id of ids) inFlight.set(id, batch.get(id)!.promise);
      load(ids).then(
        (badges) => {
          const expires = now() + cacheMs;
          for (const id of ids) {
            const badge = Object.hasOwn(badges, id) ? (badges[id] ?? null) : null;
            if (cacheMs > 0) keep(id, { badge, expires });
            inFlight.delete(id);
            batch.get(id)!.resolve(badge);
          }
        },
        (error: unknown) => {
          for (const id of ids) {
            inFlight.delete(id);
            batch.get(id)!.reject(error);
          }
        },
      );
    }
  }

  function keep(id: string, entry: { badge: Badge | null; expires: number }): void {
    cache.delete(id);
    cache.set(id, entry);
    // A Map iterates in insertion order: the first key is the oldest answer.
    if (cache.size > MAX_KEPT) cache.delete(cache.keys().next().value!);
  }

  function pruneExpired(): void {
    const time = now();
    for (const [id, entry] of cache) if (entry.expires <= time) cache.delete(id);
  }

  function lookUp(memberId: string, fresh: boolean): Promise<Badge | null> {
    const kept = fresh ? undefined : cache.get(memberId);
    if (kept && kept.expires > now()) return Promise.resolve(kept.badge);
    const sent = inFlight.get(memberId);
    if (sent) return sent;
    let entry = queued.get(memberId);
    if (!entry) {
      entry = waiting();
      queued.set(memberId, entry);
      // A full request leaves at once: the server answers it while the page goes on
      // connecting the rest (a thread of a thousand posters takes a while to connect).
      if (queued.size >= limits.badgeIds) {
        send();
        return entry.promise;
      }
    }
    if (!sendScheduled) {
      sendScheduled = true;
      // A microtask: elements ask as they connect, and the elements of one parser chunk or
      // one `innerHTML` all connect before the task ends, so the batch leaves in that same task
      // (a timer would wait for a whole rendering frame first).
      queueMicrotask(() => {
        sendScheduled = false;
        send();
      });
    }
    return entry.promise;
  }

  return {
    get(memberId, signal, options) {
      if (signal?.aborted) return Promise.reject(abortedError(signal));
      const answer = lookUp(memberId, options?.fresh === true);
      if (!signal) return answer;
      // The caller may stop waiting; the shared request goes on for the others.
      return new Promise<Badge | null>((resolve, reject) => {
        const onAbort = () => reject(abortedError(signal));
        signal.addEventListener('abort', onAbort, { once: true });
        answer.then(
          (badge) => {
            signal.removeEventListener('abort', onAbort);
            resolve(badge);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
          },
        );
      });
    },
    clear() {
      cache.clear();
    },
  };
}
