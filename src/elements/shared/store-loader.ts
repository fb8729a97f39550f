/**
 * The shared store, loaded on demand. An element's entry holds Lit, its base, its own code and
 * its messages; the store, the SDK and the contract schemas (zod) are one chunk that the first
 * data element to connect asks for and every other element on the page shares. Until it is
 * there the elements show their loading face.
 *
 * Once loaded the store is read synchronously (`loadedStore()`), so an action still shows its
 * result in the same task as the click that caused it.
 */
type StoreModule = typeof import('../../store/rewards-store.ts');

let loaded: StoreModule | undefined;
let loading: Promise<StoreModule> | undefined;

/** The store module when it has arrived, else `undefined`. */
export function loadedStore(): StoreModule | undefined {
  return loaded;
}

/**
 * Loads the store once per page. A failed download (offline, a deploy that removed the chunk)
 * is not remembered: the next element to connect tries again.
 */
export function loadStore(): Promise<StoreModule> {
  loading ??= import('../../store/rewards-store.ts').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
