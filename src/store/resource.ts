/**
 * One piece of server data as a nanostores store: fetched when the first subscriber arrives,
 * shared by every subscriber (one request at a time, none while the data is fresh), updated in
 * place by mutations, and overlaid with optimistic changes that can be dropped exactly.
 */
import { atom, onMount, type ReadableAtom } from 'nanostores';
import { RewardsError, isRewardsError } from '../sdk/errors.ts';
import { LOADING, SIGNED_OUT, type ResourceState } from './state.ts';

export interface ResourceOptions<T> {
  /** Fetches the data from the server. */
  load(): Promise<T>;
  /** How long fetched data is reused before a subscriber or a revalidation asks again. */
  freshForMs: number;
  now(): number;
  /** Member data: an `unauthorized` answer means "signed out" rather than an error. */
  memberData: boolean;
  /** Told when the store gains its first subscriber and loses its last one. */
  onMountChange?(resource: Resource<T>, mounted: boolean): void;
  /** Told of every new server data (a fetch's answer, or a mutation's answer applied to it). */
  onServerData?(data: T): void;
}

/** An optimistic change shown over the server's data until it is dropped. */
export interface OptimisticChange {
  /** Removes this change and only this one: later server data and other changes stay. */
  drop(): void;
}

interface Patch<T> {
  apply(data: T): T;
}

/** Any failure as a `RewardsError` (a token hook may throw anything). */
export function asRewardsError(error: unknown): RewardsError {
  if (error instanceof RewardsError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new RewardsError({ code: 'network', detail: detail || 'The request failed.', cause: error });
}

/**
 * Makes every new subscriber (not only the first) revalidate the store: an element that
 * appears after the data went stale gets fresh data, while fresh data is still reused.
 */
export function revalidateOnSubscribe(store: ReadableAtom<unknown>, revalidate: () => void): void {
  const listen = store.listen.bind(store);
  store.listen = (listener) => {
    const unsubscribe = listen(listener);
    revalidate();
    return unsubscribe;
  };
}

function sameState<T>(a: ResourceState<T>, b: ResourceState<T>): boolean {
  if (a.status !== b.status) return false;
  if (a.status === 'ready' && b.status === 'ready') return a.data === b.data && a.revalidating === b.revalidating;
  if (a.status === 'error' && b.status === 'error') return a.error === b.error && a.data === b.data;
  return true;
}

export class Resource<T> {
  readonly #atom = atom<ResourceState<T>>(LOADING);
  readonly #options: ResourceOptions<T>;
  /** The server's data as last received (or as a mutation's answer changed it). */
  #base: T | undefined;
  #patches: Patch<T>[] = [];
  #visible: T | undefined;
  #fetchedAt = Number.NEGATIVE_INFINITY;
  #stale = false;
  #error: RewardsError | undefined;
  #signedOut = false;
  #inFlight: Promise<void> | undefined;
  /** A change was announced while a fetch was under way: that fetch may predate it. */
  #refetchAfterFlight = false;
  /** Bumped by every local write, so a fetch that started before one does not overwrite it. */
  #version = 0;
  #mounted = false;

  constructor(options: ResourceOptions<T>) {
    this.#options = options;
    onMount(this.#atom, () => {
      this.#mounted = true;
      options.onMountChange?.(this, true);
      void this.revalidate();
      return () => {
        this.#mounted = false;
        options.onMountChange?.(this, false);
      };
    });
    revalidateOnSubscribe(this.#atom, () => void this.revalidate());
  }

  /** The store elements subscribe to. */
  get $state(): ReadableAtom<ResourceState<T>> {
    return this.#atom;
  }

  get mounted(): boolean {
    return this.#mounted;
  }

  /** The data as shown: the server's, with pending optimistic changes over it. */
  get data(): T | undefined {
    return this.#visible;
  }

  /**
   * Fetches unless fresh data is held; joins the fetch under way if there is one. `force`
   * fetches even fresh data (the data is known to have changed).
   */
  revalidate({ force = false }: { force?: boolean } = {}): Promise<void> {
    if (this.#inFlight) {
      if (force) this.#refetchAfterFlight = true;
      return this.#inFlight;
    }
    const fresh = this.#base !== undefined && !this.#stale && this.#error === undefined && this.#options.now() - this.#fetchedAt < this.#options.freshForMs;
    if (fresh && !force) return Promise.resolve();

    const version = this.#version;
    const flight = this.#fetch(version).finally(() => {
      this.#inFlight = undefined;
      this.#publish();
      if (this.#refetchAfterFlight) {
        this.#refetchAfterFlight = false;
        this.invalidate();
      }
    });
    this.#inFlight = flight;
    this.#publish();
    return flight;
  }

  async #fetch(version: number): Promise<void> {
    try {
      const data = await this.#options.load();
      // A mutation's answer arrived meanwhile; it is at least as new as this fetch.
      if (this.#version !== version) return;
      this.#base = data;
      this.#fetchedAt = this.#options.now();
      this.#stale = false;
      this.#error = undefined;
      this.#signedOut = false;
      this.#version += 1;
      this.#recompute();
      this.#options.onServerData?.(data);
    } catch (caught) {
      if (isRewardsError(caught, 'aborted')) return;
      const error = asRewardsError(caught);
      if (this.#options.memberData && error.code === 'unauthorized') {
        this.#signedOut = true;
        this.#base = undefined;
        this.#patches = [];
        this.#error = undefined;
        this.#recompute();
      } else {
        this.#error = error;
      }
    }
  }

  /** Marks the data as changed on the server: fetched again now if subscribed, else on next use. */
  invalidate(): void {
    this.#stale = true;
    if (this.#mounted) void this.revalidate({ force: true });
  }

  /**
   * Applies a mutation's answer to the server's data. Does nothing (and returns false) while
   * nothing has been fetched: the first fetch will bring the change anyway.
   */
  update(change: (data: T) => T): boolean {
    if (this.#base === undefined) return false;
    this.#base = change(this.#base);
    this.#version += 1;
    this.#recompute();
    this.#publish();
    this.#options.onServerData?.(this.#base);
    return true;
  }

  /** Shows `change` over the server's data until the returned handle is dropped. */
  optimistic(change: (data: T) => T): OptimisticChange {
    const patch: Patch<T> = { apply: change };
    this.#patches = [...this.#patches, patch];
    this.#recompute();
    this.#publish();
    return {
      drop: () => {
        if (!this.#patches.includes(patch)) return;
        this.#patches = this.#patches.filter((other) => other !== patch);
        this.#recompute();
        this.#publish();
      },
    };
  }

  #recompute(): void {
    const base = this.#base;
    this.#visible = base === undefined ? undefined : this.#patches.reduce<T>((data, patch) => patch.apply(data), base);
  }

  #publish(): void {
    const data = this.#visible;
    let next: ResourceState<T>;
    if (this.#signedOut) next = SIGNED_OUT;
    else if (this.#error && !this.#inFlight)
      next = data === undefined ? { status: 'error', error: this.#error } : { status: 'error', error: this.#error, data };
    else if (data !== undefined) next = { status: 'ready', data, revalidating: this.#inFlight !== undefined };
    else next = LOADING;
    if (!sameState(this.#atom.value ?? LOADING, next)) this.#atom.set(next);
  }
}
