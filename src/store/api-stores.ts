/**
 * The stores of one API: its public data (shared by every member and by signed-out visitors)
 * and, per member, that member's stores.
 */
import type { Badge, CatalogResponse, EarningRulesResponse, LevelsResponse, ProjectDonationsResponse } from '../api/public.ts';
import { createRewardsClient, type RewardsClient } from '../sdk/rewards-client.ts';
import type { ChangedResource } from './changes.ts';
import type { TokenSource } from './config.ts';
import { BoundedCache } from './bounded-cache.ts';
import { MemberStores, type MemberKey } from './member-stores.ts';
import { Resource } from './resource.ts';
import type { StoreSettings } from './settings.ts';

export class ApiStores {
  readonly api: string;
  /** For public calls: it sends no token. */
  readonly client: RewardsClient;
  readonly catalog: Resource<CatalogResponse>;
  readonly levels: Resource<LevelsResponse>;
  readonly earningRules: Resource<EarningRulesResponse>;
  readonly #settings: StoreSettings;
  // Kept while shown, and a bounded number after: a long-lived SPA visits many members and projects.
  readonly #badges = new BoundedCache<string, Resource<Badge | null>>(1_000, (badge) => !badge.mounted);
  readonly #donations = new BoundedCache<string, Resource<ProjectDonationsResponse>>(100, (donations) => !donations.mounted);
  readonly #members = new BoundedCache<string, MemberStores>(
    16,
    (stores) => stores.mountedResources().length === 0,
    (stores) => stores.close(),
  );

  constructor(api: string, settings: StoreSettings) {
    this.api = api;
    this.#settings = settings;
    this.client = createRewardsClient({
      baseUrl: api,
      fetch: settings.fetch,
      retry: settings.retry,
      timeoutMs: settings.timeoutMs,
      badgeCacheMs: settings.badgeCacheMs,
    });
    this.catalog = this.resource(() => this.client.getCatalog());
    this.levels = this.resource(() => this.client.getLevels());
    this.earningRules = this.resource(() => this.client.getEarningRules());
  }

  /** A client that sends the tokens `getToken` gives, with this store's fetch, retries and timeouts. */
  clientFor(getToken: TokenSource | undefined): RewardsClient {
    return createRewardsClient({
      baseUrl: this.api,
      getToken,
      fetch: this.#settings.fetch,
      retry: this.#settings.retry,
      timeoutMs: this.#settings.timeoutMs,
      badgeCacheMs: this.#settings.badgeCacheMs,
    });
  }

  /** A member's badge; `null` for a member the server does not know. Look-ups of a tick share requests. */
  badge(memberId: string): Resource<Badge | null> {
    return this.#badges.get(memberId, () => {
      // After the first answer every load is a revalidation the page asked for (a "Try again",
      // a forced refresh): it goes to the server, past the client's badge cache.
      let loaded = false;
      return this.resource(async () => {
        const badge = await this.client.getBadge(memberId, { fresh: loaded });
        loaded = true;
        return badge;
      }, this.#settings.badgeCacheMs);
    });
  }

  projectDonations(projectId: string): Resource<ProjectDonationsResponse> {
    return this.#donations.get(projectId, () => this.resource(() => this.client.getProjectDonations(projectId)));
  }

  /** The stores of one member, made on first use. */
  member(memberKey: MemberKey): MemberStores {
    return this.#members.get(memberKey.key, () => new MemberStores(this, memberKey, this.#settings));
  }

  /** Another tab changed public data: fetch it again where shown. */
  applyChanges(changed: readonly ChangedResource[]): void {
    for (const name of changed) {
      if (name === 'catalog') this.catalog.invalidate();
      else if (name.startsWith('projectDonations:')) this.#donations.peek(name.slice('projectDonations:'.length))?.invalidate();
    }
  }

  /** Every public resource with subscribers. */
  mountedResources(): Resource<unknown>[] {
    const all: Resource<unknown>[] = [this.catalog, this.levels, this.earningRules, ...this.#badges.values(), ...this.#donations.values()];
    return all.filter((resource) => resource.mounted);
  }

  /** Revalidates everything shown from this API, public and member data alike. */
  revalidateMounted(force: boolean): Promise<void> {
    const members = [...this.#members.values()].flatMap((stores) => stores.mountedResources());
    return Promise.all([...this.mountedResources(), ...members].map((resource) => resource.revalidate({ force }))).then(() => {});
  }

  close(): void {
    for (const stores of this.#members.values()) stores.close();
  }

  resource<T>(load: () => Promise<T>, freshForMs = this.#settings.freshForMs): Resource<T> {
    return new Resource<T>({
      load,
      freshForMs,
      now: this.#settings.now,
      memberData: false,
      onMountChange: this.#settings.onMountChange as (resource: Resource<T>, mounted: boolean) => void,
    });
  }
}
