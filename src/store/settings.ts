/**
 * The options of a rewards store, with their defaults applied.
 */
import type { RetryOptions } from '../sdk/retry.ts';
import type { FetchFunction } from '../sdk/transport.ts';
import type { Resource } from './resource.ts';

export interface RewardsStoreOptions {
  /** The `fetch` every request goes through (a wrapper adds tracing, or counts requests in tests). */
  fetch?: FetchFunction | undefined;
  /** How long fetched data is reused before a new subscriber or a tab return asks again. Default 30 s. */
  freshForMs?: number | undefined;
  /** How long member badges are reused. Default 60 s. */
  badgeCacheMs?: number | undefined;
  /** Ledger entries per page. Default 20. */
  ledgerPageSize?: number | undefined;
  /** Retries of failed requests; `false` never retries. */
  retry?: RetryOptions | false | undefined;
  /** Each request attempt's time limit. Default 10 s. */
  timeoutMs?: number | undefined;
  /** Follow the member's changes made in other tabs (`BroadcastChannel`). Default true. */
  crossTab?: boolean | undefined;
  /** Revalidate when the tab becomes visible or the network comes back. Default true. */
  revalidateOnReturn?: boolean | undefined;
  /** Milliseconds since the epoch; `Date.now` by default. */
  now?: (() => number) | undefined;
}

export interface StoreSettings {
  readonly fetch: FetchFunction | undefined;
  readonly freshForMs: number;
  readonly badgeCacheMs: number;
  readonly ledgerPageSize: number;
  readonly retry: RetryOptions | false | undefined;
  readonly timeoutMs: number | undefined;
  readonly crossTab: boolean;
  readonly revalidateOnReturn: boolean;
  readonly now: () => number;
  /** Called by every resource when it gains its first or loses its last subscriber. */
  readonly onMountChange: (resource: Resource<unknown>, mounted: boolean) => void;
}

export function storeSettings(options: RewardsStoreOptions, onMountChange: (resource: Resource<unknown>, mounted: boolean) => void): StoreSettings {
  return {
    fetch: options.fetch,
    freshForMs: Math.max(0, options.freshForMs ?? 30_000),
    badgeCacheMs: Math.max(0, options.badgeCacheMs ?? 60_000),
    ledgerPageSize: Math.min(100, Math.max(1, Math.floor(options.ledgerPageSize ?? 20))),
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    crossTab: options.crossTab ?? true,
    revalidateOnReturn: options.revalidateOnReturn ?? true,
    now: options.now ?? Date.now,
    onMountChange,
  };
}
