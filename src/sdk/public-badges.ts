/**
 * Anyone's badge on the light path: what a `<member-level-badge member="…">` reads, without the
 * member store, the session or zod. One source per API keeps every badge's state, asks for the
 * missing ones in batches (`GET /v1/badges`, see `badge-batcher.ts`), checks the answer by hand
 * and tells each watcher when its member's badge changes — also when the level of the
 * signed-in member changes (`update`, called by the store), so one level change reaches every
 * badge of that member at once.
 */
import { isResourceId, limits } from '../api/limits.ts';
import type { Badge } from '../api/public.ts';
import type { ErrorCode } from '../api/errors.ts';
import { createBadgeBatcher, type BadgeBatcher } from './badge-batcher.ts';
import { RewardsError, isRewardsError } from './errors.ts';
import { attemptLimit, backoffDelay, parseRetryAfter, retryPolicy } from './retry.ts';

export type PublicBadgeState =
  { readonly status: 'loading' } | { readonly status: 'ready'; readonly badge: Badge | null } | { readonly status: 'error'; readonly error: RewardsError };

export type PublicBadgeListener = (state: PublicBadgeState) => void;

export interface PublicBadges {
  /** The absolute API base the badges come from. */
  readonly api: string;
  /** The badge's state now; `loading` for a member nobody asked about yet. */
  peek(memberId: string): PublicBadgeState;
  /**
   * Follows a member's badge: asks for it when it is not known (or known too long), and calls
   * `listener` at every change. Returns the unsubscribe.
   */
  watch(memberId: string, listener: PublicBadgeListener): () => void;
  /** Asks the server again, past the kept answer (the error face's "Try again"). */
  refresh(memberId: string): void;
  /** A badge known to have changed (a level up seen by the store): every watcher shows it. */
  update(memberId: string, badge: Badge): void;
  /** How many watchers a member's badge has. */
  watchers(memberId: string): number;
}

export interface PublicBadgesOptions {
  /** Default: the global `fetch`. */
  fetch?: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
  /** How long an answer is reused. Default 60 s. */
  cacheMs?: number | undefined;
  /** Each attempt's limit. Default 10 s. */
  timeoutMs?: number | undefined;
}

const LOADING: PublicBadgeState = Object.freeze({ status: 'loading' });

/** Unwatched member states kept at most; the oldest go first. */
const MAX_UNWATCHED = 2_000;

interface Entry {
  state: PublicBadgeState;
  /** When a ready state should be asked for again. */
  staleAt: number;
  listeners: Set<PublicBadgeListener>;
  /** Bumped by every request and update, so a late answer never overwrites a newer one. */
  generation: number;
}

/**
 * A `GET /v1/badges` answer read by hand: `{ badges: { [id]: { level, name, displayName? } } }`.
 * `undefined` when the shape is not the contract's.
 */
export function readBadgesAnswer(value: unknown): Record<string, Badge> | undefined {
  if (!isObject(value) || !isObject(value.badges)) return undefined;
  const badges: Record<string, Badge> = {};
  for (const [id, item] of Object.entries(value.badges)) {
    if (!isObject(item)) return undefined;
    const { level, name, displayName } = item;
    if (!Number.isInteger(level) || (level as number) < 0 || (level as number) > 6) return undefined;
    if (!isLabel(name) || (displayName !== undefined && !isLabel(displayName))) return undefined;
    badges[id] = displayName === undefined ? { level: level as number, name } : { level: level as number, name, displayName };
  }
  return badges;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** As the contract's `label`: 1–200 characters, no NUL and no lone surrogate half. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const storableText = /^[^\x00\uD800-\uDFFF]*$/u;

function isLabel(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= limits.nameLength && storableText.test(value);
}

const sources = new Map<string, PublicBadges>();

/**
 * The page's source of the badges of `api` (an absolute base URL without a trailing slash, as
 * the elements' configuration gives it): one per API, shared by every badge.
 */
export function publicBadges(api: string, options?: PublicBadgesOptions): PublicBadges {
  let source = sources.get(api);
  if (!source) {
    source = createPublicBadges(api, options);
    sources.set(api, source);
  }
  return source;
}

export function createPublicBadges(api: string, options: PublicBadgesOptions = {}): PublicBadges {
  const cacheMs = Math.max(0, options.cacheMs ?? 60_000);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const entries = new Map<string, Entry>();
  // The source keeps the answers itself (with their watchers), so the batcher keeps none.
  const batcher: BadgeBatcher = createBadgeBatcher({ cacheMs: 0, load: (ids) => loadBadges(ids) });

  async function loadBadges(ids: readonly string[]): Promise<Readonly<Record<string, Badge>>> {
    const url = `${api}/v1/badges?members=${encodeURIComponent(ids.join(','))}`;
    const policy = retryPolicy(undefined);
    const started = policy.now();
    for (let failures = 1; ; failures++) {
      const outcome = await attempt(url, attemptLimit(policy, policy.readBudgetMs, started, timeoutMs));
      if (outcome.ok) return outcome.badges;
      const { failure } = outcome;
      const delay = backoffDelay(policy, failures, failure.retryAfterMs);
      // Like every SDK read: a hanging server shows its error within the read budget.
      if (!failure.retryable || failures >= policy.attempts || policy.now() - started + delay > policy.readBudgetMs) throw failure.error;
      await policy.sleep(delay);
    }
  }

  type Failure = { error: RewardsError; retryable: boolean; retryAfterMs?: number | undefined };

  async function attempt(url: string, limitMs: number): Promise<{ ok: true; badges: Record<string, Badge> } | { ok: false; failure: Failure }> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), limitMs);
    let response: Response;
    let text: string;
    try {
      response = await doFetch(url, { headers: { Accept: 'application/json' }, signal: controller.signal });
      text = await response.text();
    } catch (cause) {
      const code = controller.signal.aborted ? 'timeout' : 'network';
      return { ok: false, failure: { error: new RewardsError({ code, detail: 'The badges could not be loaded.', cause }), retryable: true } };
    } finally {
      clearTimeout(timer);
    }
    const requestId = response.headers.get('X-Request-Id') ?? undefined;
    const json = parseJson(text);
    if (response.ok) {
      const badges = readBadgesAnswer(json);
      if (badges) return { ok: true, badges };
      const detail = `GET /v1/badges answered ${response.status} with an unexpected shape.`;
      const error = new RewardsError({ code: 'invalid_response', status: response.status, detail, ...(requestId ? { requestId } : {}) });
      return { ok: false, failure: { error, retryable: false } };
    }
    const problem = isObject(json) && typeof json.code === 'string' && typeof json.detail === 'string' ? json : undefined;
    const error = new RewardsError({
      code: problem ? (problem.code as ErrorCode) : 'invalid_response',
      status: response.status,
      detail: problem ? (problem.detail as string) : `The server answered ${response.status} without a problem document.`,
      ...(requestId ? { requestId } : {}),
    });
    const retryable = response.status >= 500 || response.status === 429;
    const retryAfterMs = retryable ? parseRetryAfter(response.headers.get('Retry-After'), Date.now()) : undefined;
    return { ok: false, failure: { error, retryable, retryAfterMs } };
  }

  function entryOf(memberId: string): Entry {
    let entry = entries.get(memberId);
    if (!entry) {
      entry = { state: LOADING, staleAt: 0, listeners: new Set(), generation: 0 };
      entries.set(memberId, entry);
      if (entries.size > MAX_UNWATCHED) forgetUnwatched();
    }
    return entry;
  }

  /** Drops the oldest states nobody watches, down to the limit. */
  function forgetUnwatched(): void {
    for (const [id, entry] of entries) {
      if (entries.size <= MAX_UNWATCHED) return;
      if (entry.listeners.size === 0) entries.delete(id);
    }
  }

  function set(memberId: string, entry: Entry, state: PublicBadgeState): void {
    entry.state = state;
    if (state.status === 'ready') entry.staleAt = Date.now() + cacheMs;
    for (const listener of [...entry.listeners]) listener(state);
  }

  function ask(memberId: string, entry: Entry, fresh: boolean): void {
    // An id the contract cannot carry names no member; sending it would fail the whole batch.
    if (!isResourceId(memberId)) return set(memberId, entry, { status: 'ready', badge: null });
    const generation = ++entry.generation;
    if (entry.state.status === 'error') set(memberId, entry, LOADING);
    batcher.get(memberId, undefined, { fresh }).then(
      (badge) => {
        if (entry.generation === generation) set(memberId, entry, { status: 'ready', badge });
      },
      (error: unknown) => {
        if (entry.generation !== generation) return;
        const failure = isRewardsError(error) ? error : new RewardsError({ code: 'network', detail: String(error), cause: error });
        // A failed revalidation keeps the badge it already knew: a slightly old badge beats none.
        if (entry.state.status !== 'ready') set(memberId, entry, { status: 'error', error: failure });
      },
    );
  }

  return {
    api,
    peek: (memberId) => entries.get(memberId)?.state ?? LOADING,
    watch(memberId, listener) {
      const entry = entryOf(memberId);
      entry.listeners.add(listener);
      const known = entry.state.status === 'ready' && entry.staleAt > Date.now();
      if (!known && !(entry.state.status === 'loading' && entry.generation > 0)) ask(memberId, entry, false);
      return () => {
        entry.listeners.delete(listener);
      };
    },
    refresh(memberId) {
      ask(memberId, entryOf(memberId), true);
    },
    update(memberId, badge) {
      const entry = entryOf(memberId);
      entry.generation++;
      set(memberId, entry, { status: 'ready', badge });
    },
    watchers: (memberId) => entries.get(memberId)?.listeners.size ?? 0,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
