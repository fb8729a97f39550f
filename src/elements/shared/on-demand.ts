/**
 * A module an element loads after it connects rather than with its entry (the store, the
 * quote rules): fetched once per page whichever element asks first, then read synchronously.
 */
import type { ReactiveControllerHost } from 'lit';

export interface OnDemand<M> {
  /** The module once it has arrived, else `undefined`. */
  readonly module: M | undefined;
  /**
   * Loads the module once per page. A failed download (offline, a deploy that removed the
   * chunk) is not remembered: the next element to ask tries again.
   */
  load(): Promise<M>;
}

export function onDemand<M>(importer: () => Promise<M>): OnDemand<M> {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return {
    get module() {
      return module;
    },
    load() {
      loading ??= importer().then(
        (loaded) => (module = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
  };
}

/**
 * Loads `demand`'s module unless it is there, and updates `host` when it arrives. A failed
 * download is reported in the console once and tried again when the browser is back online or
 * after a wait (1 s, doubling up to 30 s): a network that failed without going offline heals
 * too. The host shows its loading face meanwhile.
 */
export function loadFor(host: Pick<ReactiveControllerHost, 'requestUpdate'>, demand: OnDemand<unknown>, what: string, failures = 0): void {
  if (demand.module) return;
  demand.load().then(
    () => host.requestUpdate(),
    (error: unknown) => {
      if (failures === 0) console.error(`member-rewards-kit: ${what} could not be loaded`, error);
      const again = () => {
        clearTimeout(timer);
        removeEventListener('online', again);
        loadFor(host, demand, what, failures + 1);
      };
      const timer = setTimeout(again, Math.min(30_000, 1_000 * 2 ** failures));
      addEventListener('online', again);
    },
  );
}
