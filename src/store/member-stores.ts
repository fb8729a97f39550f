/**
 * One member's stores on one API, and the mutations that change them. A mutation applies the
 * server's answer to every store it affects in one batch, tells the member's other tabs, and
 * can show its expected outcome at once (optimistic) and withdraw exactly that on failure.
 */
import { batch } from 'nanostores';
import type { Currency, ShippingChoice } from '../api/common.ts';
import type {
  CartResponse,
  CheckInResponse,
  CheckInsResponse,
  CouponsResponse,
  DonateResponse,
  EarningResponse,
  MeResponse,
  RedeemResponse,
  RemoveCartItemResponse,
  UpgradeGiftCartItem,
} from '../api/member.ts';
import { isRewardsError, type RewardsErrorCode } from '../sdk/errors.ts';
import { publicBadges } from '../sdk/public-badges.ts';
import { createRewardsClient, type RewardsClient } from '../sdk/rewards-client.ts';
import type { ActionOptions } from '../sdk/transport.ts';
import type { ApiStores } from './api-stores.ts';
import { openChangeChannel, type ChangeChannel, type ChangedResource } from './changes.ts';
import type { TokenSource } from './config.ts';
import {
  mergeLedgerFirstPage,
  withAvailableCoinsMoved,
  withCartItemAdded,
  withCartItemRemoved,
  withCartItemReplaced,
  withCheckIn,
  withCheckInEarning,
  withCoins,
  withDonatedCoins,
  withDonation,
  withGiftShipping,
  withLedgerPage,
  withStockMoved,
} from './effects.ts';
import { BoundedCache } from './bounded-cache.ts';
import { memberOfToken } from './member-of-token.ts';
import { Resource, type OptimisticChange } from './resource.ts';
import type { StoreSettings } from './settings.ts';
import type { LedgerPages } from './state.ts';

/** Options of a mutation. */
export interface MutationOptions extends ActionOptions {
  /**
   * Show the expected outcome in the stores at once (coins taken, the day checked, the gift
   * gone…) instead of after the server's answer. On failure exactly that change is withdrawn;
   * data that arrived meanwhile stays.
   */
  optimistic?: boolean | undefined;
}

export interface MemberKey {
  key: string;
  /** Absent when the token is not a JWT with a `sub`. */
  memberId: string | undefined;
}

/** The key of a member's stores: the token's `sub`, or the token itself when it is not a JWT. */
export function memberKeyOf(token: string): MemberKey {
  const memberId = memberOfToken(token);
  return memberId === undefined ? { key: `token:${token}`, memberId } : { key: `member:${memberId}`, memberId };
}

export class MemberStores {
  readonly client: RewardsClient;
  readonly account: Resource<MeResponse>;
  readonly cart: Resource<CartResponse>;
  readonly earning: Resource<EarningResponse>;
  readonly coupons: Resource<CouponsResponse>;
  readonly #api: ApiStores;
  readonly #settings: StoreSettings;
  readonly #key: string;
  /** A calendar paged back through years must not keep every month it showed. */
  readonly #checkIns = new BoundedCache<string, Resource<CheckInsResponse>>(24, (month) => !month.mounted);
  readonly #ledgers = new Map<Currency, Resource<LedgerPages>>();
  readonly #loadingMore = new Map<Currency, Promise<void>>();
  /** Every token source that gave this member's token, newest last. */
  readonly #tokenSources = new Set<TokenSource>();
  readonly #channel: ChangeChannel | undefined;
  #closed = false;

  constructor(api: ApiStores, { key, memberId }: MemberKey, settings: StoreSettings) {
    this.#api = api;
    this.#settings = settings;
    this.#key = key;
    this.client = createRewardsClient({
      baseUrl: api.api,
      getToken: (context) => this.#token(context?.refresh ?? false),
      fetch: settings.fetch,
      retry: settings.retry,
      timeoutMs: settings.timeoutMs,
      badgeCacheMs: settings.badgeCacheMs,
    });
    // The member's level as the account shows it reaches every public badge of the member on
    // the page too (a level up after a check-in, an order), without another request.
    this.account = this.#resource(
      () => this.client.getMe(),
      (me) =>
        publicBadges(api.api).update(me.memberId, { level: me.level.index, name: me.level.name, ...(me.displayName ? { displayName: me.displayName } : {}) }),
    );
    this.cart = this.#resource(() => this.client.getCart());
    this.earning = this.#resource(() => this.client.getEarning());
    this.coupons = this.#resource(() => this.client.getCoupons());
    this.#channel = settings.crossTab && memberId !== undefined ? openChangeChannel(api.api, memberId, (changed) => this.#applyChanges(changed)) : undefined;
  }

  /** The check-ins of `month` (`YYYY-MM`), or of the shop's current month when absent. */
  checkIns(month?: string): Resource<CheckInsResponse> {
    return this.#checkIns.get(month ?? '', () => this.#resource(() => this.client.getCheckIns(month)));
  }

  /** The ledger of one currency: its first page, and more pages as `loadMoreLedger` adds them. */
  ledger(currency: Currency): Resource<LedgerPages> {
    let resource = this.#ledgers.get(currency);
    if (!resource) {
      const created: Resource<LedgerPages> = this.#resource(async () => {
        // Asking for as many entries as are shown, plus a page, makes the fresh page overlap
        // the loaded ones unless a whole page of new entries arrived, so they can be joined.
        const kept = created.data;
        const limit = Math.min(100, (kept?.entries.length ?? 0) + this.#settings.ledgerPageSize);
        const first = await this.client.getLedger({ currency, limit });
        return mergeLedgerFirstPage(first, kept);
      });
      resource = created;
      this.#ledgers.set(currency, resource);
    }
    return resource;
  }

  /** Appends the next page of the ledger; does nothing when every page is loaded. */
  loadMoreLedger(currency: Currency): Promise<void> {
    const running = this.#loadingMore.get(currency);
    if (running) return running;
    const resource = this.ledger(currency);
    const cursor = resource.data?.nextCursor;
    if (!cursor) return Promise.resolve();
    const loading = this.client
      .getLedger({ currency, limit: this.#settings.ledgerPageSize, cursor })
      .then((page) => {
        resource.update((pages) => (pages.nextCursor === cursor ? withLedgerPage(pages, page) : pages));
      })
      .finally(() => this.#loadingMore.delete(currency));
    this.#loadingMore.set(currency, loading);
    return loading;
  }

  /** Lets `source` provide this member's token (the newest source is asked first). */
  addTokenSource(source: TokenSource): void {
    this.#tokenSources.delete(source);
    this.#tokenSources.add(source);
  }

  removeTokenSource(source: TokenSource): void {
    this.#tokenSources.delete(source);
  }

  // Mutations

  checkIn(options: MutationOptions = {}): Promise<CheckInResponse> {
    return this.#mutate({
      options,
      optimistic: () => [...this.#checkIns.values()].map((month) => month.optimistic((data) => withCheckIn(data, data.today))),
      run: (action) => this.client.checkIn(action),
      apply: (answer) => {
        this.account.update((account) => withCoins(account, answer.coins));
        for (const month of this.#checkIns.values()) month.update((data) => withCheckIn(data, answer.day));
        const credited = new Map([
          ['C6', answer.coinsAwarded],
          ['C7', answer.bonusAwarded],
        ]);
        let otherDay = false;
        this.earning.update((earning) => {
          const next = withCheckInEarning(earning, answer.day, credited);
          otherDay = next === undefined;
          return next ?? earning;
        });
        if (otherDay) this.earning.invalidate();
        this.#invalidateLedgers();
        return ['account', 'checkIns', 'earning', 'ledger'];
      },
      conflicts: { already_checked_in: ['checkIns', 'account'] },
    });
  }

  redeem(catalogItemId: string, options: MutationOptions = {}): Promise<RedeemResponse> {
    return this.#mutate({
      options,
      optimistic: () => {
        const item = this.#api.catalog.data?.items.find((entry) => entry.id === catalogItemId);
        if (!item) return [];
        return [
          this.account.optimistic((account) => withAvailableCoinsMoved(account, -item.coins)),
          this.#api.catalog.optimistic((catalog) => withStockMoved(catalog, catalogItemId, -1)),
        ];
      },
      run: (action) => this.client.redeem(catalogItemId, action),
      apply: (answer) => {
        this.account.update((account) => withCoins(account, answer.coins));
        this.#api.catalog.update((catalog) => withStockMoved(catalog, answer.redemption.catalogItemId, -1));
        const changed: ChangedResource[] = ['account', 'catalog', 'ledger'];
        const { cartItem, coupon } = answer;
        if (cartItem) {
          this.cart.update((cart) => withCartItemAdded(cart, cartItem));
          changed.push('cart');
        }
        if (coupon) {
          this.coupons.update((list) => ({ ...list, coupons: [...list.coupons, coupon] }));
          changed.push('coupons');
        }
        this.#invalidateLedgers();
        return changed;
      },
      conflicts: { insufficient_coins: ['account'], out_of_stock: ['catalog'], not_found: ['catalog'] },
    });
  }

  removeFromCart(itemId: string, options: MutationOptions = {}): Promise<RemoveCartItemResponse> {
    const removed = this.cart.data?.items.find((item) => item.id === itemId);
    return this.#mutate({
      options,
      optimistic: () => {
        const changes = [this.cart.optimistic((cart) => withCartItemRemoved(cart, itemId))];
        if (removed) changes.push(this.account.optimistic((account) => withAvailableCoinsMoved(account, removed.coins)));
        if (removed?.kind === 'redemption') {
          changes.push(this.#api.catalog.optimistic((catalog) => withStockMoved(catalog, removed.catalogItemId, 1)));
        }
        return changes;
      },
      run: (action) => this.client.removeFromCart(itemId, action),
      apply: (answer) => {
        this.account.update((account) => withCoins(account, answer.coins));
        this.cart.update((cart) => withCartItemRemoved(cart, itemId));
        if (removed?.kind === 'redemption') this.#api.catalog.update((catalog) => withStockMoved(catalog, removed.catalogItemId, 1));
        else this.#api.catalog.invalidate();
        this.#invalidateLedgers();
        return ['account', 'cart', 'catalog', 'ledger'];
      },
      conflicts: { not_removable: ['cart'], not_found: ['cart'] },
    });
  }

  setGiftShipping(itemId: string, shipping: ShippingChoice, options: MutationOptions = {}): Promise<UpgradeGiftCartItem> {
    return this.#mutate({
      options,
      optimistic: () => [this.cart.optimistic((cart) => withGiftShipping(cart, itemId, shipping))],
      run: (action) => this.client.setGiftShipping(itemId, shipping, action),
      apply: (answer) => {
        this.cart.update((cart) => withCartItemReplaced(cart, answer));
        return ['cart'];
      },
      conflicts: { not_removable: ['cart'], not_found: ['cart'] },
    });
  }

  donate(projectId: string, coins: number, options: MutationOptions = {}): Promise<DonateResponse> {
    const donations = this.#api.projectDonations(projectId);
    return this.#mutate({
      options,
      optimistic: () => [
        this.account.optimistic((account) => withAvailableCoinsMoved(account, -coins)),
        donations.optimistic((data) => withDonatedCoins(data, coins)),
      ],
      run: (action) => this.client.donate(projectId, coins, action),
      apply: (answer) => {
        this.account.update((account) => withCoins(account, answer.coins));
        donations.update((data) => withDonation(data, answer.donation));
        // The donor count depends on earlier donations this tab may not have seen.
        donations.invalidate();
        this.#invalidateLedgers();
        return ['account', `projectDonations:${projectId}`, 'ledger'];
      },
      conflicts: { insufficient_coins: ['account'] },
    });
  }

  /** Every member resource with subscribers. */
  mountedResources(): Resource<unknown>[] {
    const all: Resource<unknown>[] = [this.account, this.cart, this.earning, this.coupons, ...this.#checkIns.values(), ...this.#ledgers.values()];
    return all.filter((resource) => resource.mounted);
  }

  /** Dropped from the API's stores: a session still bound to them resolves its member again. */
  get closed(): boolean {
    return this.#closed;
  }

  close(): void {
    this.#closed = true;
    this.#channel?.close();
  }

  async #mutate<R>(mutation: {
    options: MutationOptions;
    optimistic: () => OptimisticChange[];
    run: (action: ActionOptions) => Promise<R>;
    /** Applies the answer locally; returns what changed, for the other tabs. */
    apply: (answer: R) => ChangedResource[];
    /** What a refusal shows to be out of date here, by error code. */
    conflicts?: Partial<Record<RewardsErrorCode, ChangedResource[]>>;
  }): Promise<R> {
    const { optimistic = false, ...action } = mutation.options;
    let changes: OptimisticChange[] = [];
    if (optimistic) batch(() => (changes = mutation.optimistic()));
    let answer: R;
    try {
      answer = await mutation.run(action);
    } catch (error) {
      batch(() => {
        for (const change of changes) change.drop();
        const stale = isRewardsError(error) ? mutation.conflicts?.[error.code] : undefined;
        if (stale) this.#applyChanges(stale);
      });
      throw error;
    }
    let changed: ChangedResource[] = [];
    batch(() => {
      for (const change of changes) change.drop();
      changed = mutation.apply(answer);
    });
    // Dropped meanwhile (nothing showed this member): the next mutation goes through new stores.
    if (!this.#closed) this.#channel?.post(changed);
    return answer;
  }

  /** Resources known to have changed on the server (another tab's mutation, a refusal): fetch them again. */
  #applyChanges(changed: readonly ChangedResource[]): void {
    for (const name of changed) {
      if (name === 'account') this.account.invalidate();
      else if (name === 'cart') this.cart.invalidate();
      else if (name === 'earning') this.earning.invalidate();
      else if (name === 'coupons') this.coupons.invalidate();
      else if (name === 'ledger') this.#invalidateLedgers();
      else if (name === 'checkIns') for (const month of this.#checkIns.values()) month.invalidate();
    }
    this.#api.applyChanges(changed);
  }

  #invalidateLedgers(): void {
    for (const ledger of this.#ledgers.values()) ledger.invalidate();
  }

  /**
   * This member's token, from the newest source that still gives one for this member (a source
   * that now gives another member's token has moved on, and is skipped).
   */
  async #token(refresh: boolean): Promise<string | null> {
    for (const source of [...this.#tokenSources].reverse()) {
      const token = await source({ refresh });
      if (token && memberKeyOf(token).key === this.#key) return token;
    }
    return null;
  }

  #resource<T>(load: () => Promise<T>, onServerData?: (data: T) => void): Resource<T> {
    return new Resource<T>({
      load,
      ...(onServerData ? { onServerData } : {}),
      freshForMs: this.#settings.freshForMs,
      now: this.#settings.now,
      memberData: true,
      onMountChange: this.#settings.onMountChange as (resource: Resource<T>, mounted: boolean) => void,
    });
  }
}
