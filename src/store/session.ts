/**
 * A session: what one configuration (an API and a token source) sees. Its stores follow the
 * member whose token the source gives, so every element of that member on the page shares one
 * set of stores whichever way it was configured, and a token for another member switches to
 * that member's stores.
 */
import { atom, onMount, type ReadableAtom } from 'nanostores';
import type { CalendarMonth, Currency, ShippingChoice } from '../api/common.ts';
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
import type { Badge, CatalogResponse, EarningRulesResponse, LevelsResponse, ProjectDonationsResponse } from '../api/public.ts';
import { RewardsError } from '../sdk/errors.ts';
import type { RewardsClient } from '../sdk/rewards-client.ts';
import type { ApiStores } from './api-stores.ts';
import type { TokenSource } from './config.ts';
import { memberKeyOf, type MemberStores, type MutationOptions } from './member-stores.ts';
import { asRewardsError, revalidateOnSubscribe, type Resource } from './resource.ts';
import { LOADING, SIGNED_OUT, type LedgerPages, type ResourceState } from './state.ts';

/** A read-only store of one resource's state; subscribe to it (it fetches on first subscription). */
export type ResourceStore<T> = ReadableAtom<ResourceState<T>>;

/**
 * Everything an element needs: stores to show and mutations to call. Get one with
 * `rewardsSession(config)`; the same configuration always gives the same session.
 *
 * Stores fetch when their first subscriber arrives and keep their data while it is fresh;
 * however many elements subscribe, one request is made. Reading a store with `.get()` without
 * subscribing also starts a fetch: subscribe instead (`StoreController` in Lit).
 *
 * Mutations resolve with the server's answer after every store it changes has been updated,
 * and reject with a `RewardsError` (`code` says why: `insufficient_coins`, `out_of_stock`,
 * `already_checked_in`, `unauthorized` when signed out, …).
 */
export interface RewardsSession {
  /** The API's absolute base URL. */
  readonly api: string;

  // Member data: `signed-out` when no member is signed in.
  /** Points, level, next level and coins (`data.coins.available`, `data.coins.pending`). */
  readonly account: ResourceStore<MeResponse>;
  /** Redeemed gifts and upgrade gifts in the cart. */
  readonly cart: ResourceStore<CartResponse>;
  /** Today's progress on the rules with a daily cap. */
  readonly earning: ResourceStore<EarningResponse>;
  /** The coupons the member bought with coins. */
  readonly coupons: ResourceStore<CouponsResponse>;
  /** The check-in calendar of `month` (`YYYY-MM`), or of the shop's current month when absent. */
  checkIns(month?: CalendarMonth): ResourceStore<CheckInsResponse>;
  /** The ledger of `currency` (default `coins`), newest first; `loadMoreLedger` appends pages. */
  ledger(currency?: Currency): ResourceStore<LedgerPages>;
  /** Appends the next page to `ledger(currency)`; does nothing after the last page. */
  loadMoreLedger(currency?: Currency): Promise<void>;

  // Public data: never `signed-out`.
  /** The products and coupons coins can buy, with their stock. */
  readonly catalog: ResourceStore<CatalogResponse>;
  readonly levels: ResourceStore<LevelsResponse>;
  /** The ways to earn coins. */
  readonly earningRules: ResourceStore<EarningRulesResponse>;
  /** Any member's badge (`null` data for an unknown member); badges asked for in one tick share requests. */
  badge(memberId: string): ResourceStore<Badge | null>;
  /** A project's donation total, donors and latest donations. */
  projectDonations(projectId: string): ResourceStore<ProjectDonationsResponse>;

  // Mutations
  /** Checks in for today: updates the coins, the calendar and today's progress. */
  checkIn(options?: MutationOptions): Promise<CheckInResponse>;
  /** Spends coins on a catalog item: updates the coins, the stock, and the cart or the coupons. */
  redeem(catalogItemId: string, options?: MutationOptions): Promise<RedeemResponse>;
  /** Removes a redeemed gift: its coins come back, the cart and the stock follow. */
  removeFromCart(itemId: string, options?: MutationOptions): Promise<RemoveCartItemResponse>;
  /** Chooses when an upgrade gift ships. */
  setGiftShipping(itemId: string, shipping: ShippingChoice, options?: MutationOptions): Promise<UpgradeGiftCartItem>;
  /** Gives coins to a project: updates the coins and the project's donations. */
  donate(projectId: string, coins: number, options?: MutationOptions): Promise<DonateResponse>;

  /**
   * The SDK client of this session's API and token source, for calls the stores do not hold
   * (a partner seller's backstage: `getSellerMe`, `getSellerOrders`, `withdraw`, …). Its
   * answers do not update any store.
   */
  readonly client: RewardsClient;

  /**
   * Fetches again everything this page shows from this API, fresh or not, after checking
   * which member is signed in now. For "Try again" buttons and after signing in or out.
   */
  refresh(): Promise<void>;
}

/** Which member the session's token source speaks for at the moment. */
type Binding = { kind: 'member'; stores: MemberStores } | { kind: 'signed-out' } | { kind: 'error'; error: RewardsError };

export interface SessionHost {
  /** Told when the session gains its first or loses its last mounted member store. */
  sessionActive(session: Session, active: boolean): void;
}

export class Session implements RewardsSession {
  readonly api: string;
  readonly account: ResourceStore<MeResponse>;
  readonly cart: ResourceStore<CartResponse>;
  readonly earning: ResourceStore<EarningResponse>;
  readonly coupons: ResourceStore<CouponsResponse>;
  readonly catalog: ResourceStore<CatalogResponse>;
  readonly levels: ResourceStore<LevelsResponse>;
  readonly earningRules: ResourceStore<EarningRulesResponse>;
  readonly #apiStores: ApiStores;
  #client: RewardsClient | undefined;
  readonly #getToken: TokenSource | undefined;
  readonly #host: SessionHost;
  readonly #checkInViews = new Map<string, ResourceStore<CheckInsResponse>>();
  readonly #ledgerViews = new Map<Currency, ResourceStore<LedgerPages>>();
  readonly #followers = new Set<(binding: Binding) => void>();
  #binding: Binding | undefined;
  #resolving: Promise<Binding> | undefined;

  constructor(apiStores: ApiStores, getToken: TokenSource | undefined, host: SessionHost) {
    this.api = apiStores.api;
    this.#apiStores = apiStores;
    this.#getToken = getToken;
    this.#host = host;
    this.account = this.#memberView((stores) => stores.account);
    this.cart = this.#memberView((stores) => stores.cart);
    this.earning = this.#memberView((stores) => stores.earning);
    this.coupons = this.#memberView((stores) => stores.coupons);
    this.catalog = apiStores.catalog.$state;
    this.levels = apiStores.levels.$state;
    this.earningRules = apiStores.earningRules.$state;
  }

  get client(): RewardsClient {
    this.#client ??= this.#apiStores.clientFor(this.#getToken);
    return this.#client;
  }

  checkIns(month?: CalendarMonth): ResourceStore<CheckInsResponse> {
    const key = month ?? '';
    let view = this.#checkInViews.get(key);
    if (!view) {
      view = this.#memberView((stores) => stores.checkIns(month));
      this.#checkInViews.set(key, view);
    }
    return view;
  }

  ledger(currency: Currency = 'coins'): ResourceStore<LedgerPages> {
    let view = this.#ledgerViews.get(currency);
    if (!view) {
      view = this.#memberView((stores) => stores.ledger(currency));
      this.#ledgerViews.set(currency, view);
    }
    return view;
  }

  async loadMoreLedger(currency: Currency = 'coins'): Promise<void> {
    const stores = await this.#memberStores();
    await stores.loadMoreLedger(currency);
  }

  badge(memberId: string): ResourceStore<Badge | null> {
    return this.#apiStores.badge(memberId).$state;
  }

  projectDonations(projectId: string): ResourceStore<ProjectDonationsResponse> {
    return this.#apiStores.projectDonations(projectId).$state;
  }

  checkIn(options?: MutationOptions): Promise<CheckInResponse> {
    return this.#withMember((stores) => stores.checkIn(options));
  }

  redeem(catalogItemId: string, options?: MutationOptions): Promise<RedeemResponse> {
    return this.#withMember((stores) => stores.redeem(catalogItemId, options));
  }

  removeFromCart(itemId: string, options?: MutationOptions): Promise<RemoveCartItemResponse> {
    return this.#withMember((stores) => stores.removeFromCart(itemId, options));
  }

  setGiftShipping(itemId: string, shipping: ShippingChoice, options?: MutationOptions): Promise<UpgradeGiftCartItem> {
    return this.#withMember((stores) => stores.setGiftShipping(itemId, shipping, options));
  }

  donate(projectId: string, coins: number, options?: MutationOptions): Promise<DonateResponse> {
    return this.#withMember((stores) => stores.donate(projectId, coins, options));
  }

  async refresh(): Promise<void> {
    // Both at once, so the "revalidating" state shows in the same task as the click; a member
    // change found meanwhile moves the views to that member's stores, which fetch on mount.
    await Promise.all([this.#apiStores.revalidateMounted(true), this.recheckMember()]);
  }

  /** Asks the token source again which member is signed in; stores switch if it changed. */
  recheckMember(): Promise<Binding> {
    this.#resolving ??= this.#resolve().then((binding) => {
      this.#resolving = undefined;
      this.#bind(binding);
      return binding;
    });
    return this.#resolving;
  }

  async #resolve(): Promise<Binding> {
    if (!this.#getToken) return { kind: 'signed-out' };
    let token: string | null | undefined;
    try {
      token = await this.#getToken({ refresh: false });
    } catch (error) {
      return { kind: 'error', error: asRewardsError(error) };
    }
    if (!token) return { kind: 'signed-out' };
    const stores = this.#apiStores.member(memberKeyOf(token));
    stores.addTokenSource(this.#getToken);
    return { kind: 'member', stores };
  }

  #bind(binding: Binding): void {
    const previous = this.#binding;
    const same =
      previous !== undefined &&
      previous.kind === binding.kind &&
      (binding.kind !== 'member' || (previous.kind === 'member' && previous.stores === binding.stores)) &&
      (binding.kind !== 'error' || (previous.kind === 'error' && previous.error === binding.error));
    if (same) return;
    if (previous?.kind === 'member' && this.#getToken && (binding.kind !== 'member' || binding.stores !== previous.stores)) {
      previous.stores.removeTokenSource(this.#getToken);
    }
    this.#binding = binding;
    for (const follower of this.#followers) follower(binding);
  }

  /**
   * Runs a mutation on the bound member's stores. While the member is known it starts at once,
   * so an optimistic change shows in the same task as the click that caused it; the request
   * itself asks the token source again, and fails with `unauthorized` if that member has left.
   */
  #withMember<R>(mutation: (stores: MemberStores) => Promise<R>): Promise<R> {
    const binding = this.#binding;
    if (binding?.kind === 'member' && !binding.stores.closed) return mutation(binding.stores);
    return this.#memberStores().then(mutation);
  }

  async #memberStores(): Promise<MemberStores> {
    const binding = await this.recheckMember();
    if (binding.kind === 'member') return binding.stores;
    if (binding.kind === 'error') throw binding.error;
    throw new RewardsError({ code: 'unauthorized', detail: 'No member is signed in.' });
  }

  /** A store that mirrors `pick(stores)` of whichever member the session is bound to. */
  #memberView<T>(pick: (stores: MemberStores) => Resource<T>): ResourceStore<T> {
    const $view = atom<ResourceState<T>>(LOADING);
    revalidateOnSubscribe($view, () => {
      if (this.#binding?.kind === 'member') void pick(this.#binding.stores).revalidate();
    });
    onMount($view, () => {
      let unsubscribe: (() => void) | undefined;
      const follow = (binding: Binding) => {
        unsubscribe?.();
        unsubscribe = undefined;
        if (binding.kind === 'member') unsubscribe = pick(binding.stores).$state.subscribe((state) => $view.set(state));
        else if (binding.kind === 'signed-out') $view.set(SIGNED_OUT);
        else $view.set({ status: 'error', error: binding.error });
      };
      this.#followers.add(follow);
      if (this.#followers.size === 1) this.#host.sessionActive(this, true);
      if (this.#binding) follow(this.#binding);
      else void this.recheckMember();
      return () => {
        this.#followers.delete(follow);
        if (this.#followers.size === 0) this.#host.sessionActive(this, false);
        unsubscribe?.();
      };
    });
    return $view;
  }
}
