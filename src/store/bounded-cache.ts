/**
 * A map of stores made on demand (per member, per month, per project, per badge) that does not
 * grow for ever: past `limit` entries, the least recently used ones that nobody shows any more
 * are dropped (and disposed). An entry in use is never dropped, so a store an element follows
 * stays the same object.
 */
export class BoundedCache<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(
    private readonly limit: number,
    /** Whether `value` may be dropped now (no subscriber). */
    private readonly idle: (value: V) => boolean,
    private readonly dispose: (value: V) => void = () => {},
  ) {}

  /** The entry of `key`, made by `create` when absent; either way now the most recently used. */
  get(key: K, create: () => V): V {
    let value = this.#entries.get(key);
    if (value === undefined) {
      value = create();
      this.#entries.set(key, value);
      // The new entry has no subscriber yet, but the caller is about to use it: never drop it.
      this.#trim(key);
    } else {
      // Re-inserted: a Map iterates in insertion order, so the first entries are the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** The entry of `key` if it exists, without making it or counting it as used. */
  peek(key: K): V | undefined {
    return this.#entries.get(key);
  }

  values(): IterableIterator<V> {
    return this.#entries.values();
  }

  get size(): number {
    return this.#entries.size;
  }

  #trim(kept: K): void {
    if (this.#entries.size <= this.limit) return;
    for (const [key, value] of this.#entries) {
      if (this.#entries.size <= this.limit) return;
      if (key === kept || !this.idle(value)) continue;
      this.#entries.delete(key);
      this.dispose(value);
    }
  }
}
