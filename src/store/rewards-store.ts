/**
 * The registry of sessions and stores, keyed by API base URL and member. The page has one
 * (`rewardsSession`); tests and unusual pages make their own with `createRewardsStore`.
 */
import { computed, type ReadableAtom } from 'nanostores';
import { ApiStores } from './api-stores.ts';
import { $pageConfig, apiProblem, normalizeApi, type TokenSource } from './config.ts';
import type { Resource } from './resource.ts';
import { Session, type RewardsSession } from './session.ts';
import { storeSettings, type RewardsStoreOptions, type StoreSettings } from './settings.ts';
import { onTabReturn } from './tab-signals.ts';

/** What a session is made from: an element's effective configuration, a provider's, or the page's. */
export interface SessionConfig {
  /** The API base URL: absolute, or a path on this page's origin. */
  api: string;
  /** Gives the member token; without it the session sees public data only. */
  getToken?: TokenSource | undefined;
}

export interface RewardsStore {
  /**
   * The session of `config`: the same object for the same API (however spelled) and token
   * source. Throws a `TypeError` for an unusable `api`.
   */
  session(config: SessionConfig): RewardsSession;
  /** Stops following tabs and the network, and closes cross-tab channels. */
  dispose(): void;
}

interface ApiEntry {
  stores: ApiStores;
  signedOut: Session;
  byToken: WeakMap<TokenSource, Session>;
}

export function createRewardsStore(options: RewardsStoreOptions = {}): RewardsStore {
  const apis = new Map<string, ApiEntry>();
  const activeSessions = new Set<Session>();
  let mountedResources = 0;
  let stopFollowingTab: (() => void) | undefined;
  let disposed = false;

  const onMountChange = (_resource: Resource<unknown>, mounted: boolean) => {
    mountedResources += mounted ? 1 : -1;
    if (mounted && !stopFollowingTab && settings.revalidateOnReturn && !disposed) stopFollowingTab = onTabReturn(onReturn);
  };
  const settings: StoreSettings = storeSettings(options, onMountChange);
  const host = {
    sessionActive(session: Session, active: boolean) {
      if (active) activeSessions.add(session);
      else activeSessions.delete(session);
    },
  };

  /** The tab is back in view or online: check who is signed in, then refresh what is stale. */
  function onReturn(): void {
    if (mountedResources === 0 && activeSessions.size === 0) return;
    void Promise.all([...activeSessions].map((session) => session.recheckMember())).then(() => {
      for (const entry of apis.values()) void entry.stores.revalidateMounted(false);
    });
  }

  function entryFor(api: string): ApiEntry {
    let entry = apis.get(api);
    if (!entry) {
      const stores = new ApiStores(api, settings);
      entry = { stores, signedOut: new Session(stores, undefined, host), byToken: new WeakMap() };
      apis.set(api, entry);
    }
    return entry;
  }

  return {
    session(config) {
      if (typeof config !== 'object' || config === null) throw new TypeError('a session needs { api, getToken? }');
      const problem = apiProblem(config.api);
      if (problem) throw new TypeError(`rewards session: ${problem}`);
      const page = (globalThis as { location?: { href: string } }).location?.href;
      if (!page && config.api.startsWith('/')) throw new TypeError('rewards session: api must be an absolute URL outside a page');
      const entry = entryFor(normalizeApi(config.api, page ?? config.api));
      const getToken = config.getToken;
      if (!getToken) return entry.signedOut;
      let session = entry.byToken.get(getToken);
      if (!session) {
        session = new Session(entry.stores, getToken, host);
        entry.byToken.set(getToken, session);
      }
      return session;
    },
    dispose() {
      disposed = true;
      stopFollowingTab?.();
      stopFollowingTab = undefined;
      for (const entry of apis.values()) entry.stores.close();
    },
  };
}

/** The page's store, shared by every element and by `rewardsSession`. */
export const rewardsStore: RewardsStore = createRewardsStore();

/**
 * The session of an API and token source on this page's shared store. Elements call it with
 * their effective configuration; two configurations naming two APIs get separate stores.
 */
export function rewardsSession(config: SessionConfig): RewardsSession {
  return rewardsStore.session(config);
}

/** The session of the page-wide `configure()`, or `undefined` until it is called. */
export const $pageSession: ReadableAtom<RewardsSession | undefined> = computed($pageConfig, (config) => (config ? rewardsSession(config) : undefined));
