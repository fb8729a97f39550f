/**
 * The member's client: one typed method per public, member and partner-seller call of the API. Runs in
 * browsers and in Node (it needs `fetch`, `AbortController` and `crypto`, no DOM).
 */
import * as z from 'zod/mini';
import { resourceId, type CalendarMonth, type Currency, type ShippingChoice } from '../api/common.ts';
import type { ResponseOf } from '../api/endpoints.ts';
import type { Badge } from '../api/public.ts';
import { createBadgeBatcher } from './badge-batcher.ts';
import type { RetryOptions } from './retry.ts';
import {
  createTransport,
  type ActionOptions,
  type CallOptions,
  type Credentials,
  type FetchFunction,
  type GetToken,
} from './transport.ts';

export interface RewardsClientOptions {
  /** The API's base URL (`https://rewards.shop.example`); in a browser also a path (`/rewards`). */
  baseUrl: string;
  /**
   * Gives the member token before each request (and once more with `{ refresh: true }` after a
   * 401). Without it, or when it gives `null`, member calls fail with `unauthorized` without
   * asking the server; public calls never use it.
   */
  getToken?: GetToken | undefined;
  fetch?: FetchFunction | undefined;
  /** Sent as `Accept-Language`. */
  locale?: string | undefined;
  /** Retries on network errors, timeouts, 5xx and 429; `false` never retries. */
  retry?: RetryOptions | false | undefined;
  /** Each attempt's time limit. Default 10 s. */
  timeoutMs?: number | undefined;
  /** How long badges (and "no such member") are reused. Default 60 s; 0 keeps nothing. */
  badgeCacheMs?: number | undefined;
}

export interface LedgerQuery {
  /** `coins` or `points`; the server's default when absent. */
  currency?: Currency | undefined;
  /** Entries per page, 1–100. */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

export interface RewardsClient {
  /** The absolute base URL every call goes to. */
  readonly baseUrl: string;

  // The member's own account (needs a token)
  /** Points, level, next level and coins of the signed-in member. */
  getMe(options?: CallOptions): Promise<ResponseOf<'getMe'>>;
  /** One page of the member's coin or point movements, newest first. */
  getLedger(query?: LedgerQuery, options?: CallOptions): Promise<ResponseOf<'getLedger'>>;
  /** Today's progress on the rules with a daily cap. */
  getEarning(options?: CallOptions): Promise<ResponseOf<'getEarning'>>;
  /** The check-ins of `month` (`YYYY-MM`; the shop's current month when absent) and its bonus tiers. */
  getCheckIns(month?: CalendarMonth, options?: CallOptions): Promise<ResponseOf<'getCheckIns'>>;
  /** Checks in for today; rejects with `already_checked_in` the second time in a day. */
  checkIn(options?: ActionOptions): Promise<ResponseOf<'checkIn'>>;
  getCart(options?: CallOptions): Promise<ResponseOf<'getCart'>>;
  /** Spends coins on a catalog item: a product lands in the cart, a coupon is issued. */
  redeem(catalogItemId: string, options?: ActionOptions): Promise<ResponseOf<'redeem'>>;
  /** Removes a redeemed gift from the cart; its coins and stock come back. */
  removeFromCart(itemId: string, options?: ActionOptions): Promise<ResponseOf<'removeCartItem'>>;
  /** Chooses when an upgrade gift ships. */
  setGiftShipping(itemId: string, shipping: ShippingChoice, options?: ActionOptions): Promise<ResponseOf<'updateCartItem'>>;
  getCoupons(options?: CallOptions): Promise<ResponseOf<'getCoupons'>>;
  /** Gives coins to a project's author. */
  donate(projectId: string, coins: number, options?: ActionOptions): Promise<ResponseOf<'donate'>>;

  // A partner seller's backstage (the member must be a seller, else `forbidden`)
  /** Store credit, pending earnings or debt, the first order's credit and monthly statements (gross, fee, net, paid out). */
  getSellerMe(options?: CallOptions): Promise<ResponseOf<'getSellerMe'>>;
  /** One page of the orders of the seller's products, newest first. */
  getSellerOrders(query?: { limit?: number | undefined; cursor?: string | undefined }, options?: CallOptions): Promise<ResponseOf<'getSellerOrders'>>;
  /** The seller's products with their stock. */
  getSellerProducts(options?: CallOptions): Promise<ResponseOf<'getSellerProducts'>>;
  /** Withdraws store credit; more than the credit is `insufficient_funds`. */
  withdraw(amountCents: number, options?: ActionOptions): Promise<ResponseOf<'withdraw'>>;
  /** The seller's latest withdrawals, newest first, each `requested`, `paid` or `failed`. */
  getSellerWithdrawals(query?: { limit?: number | undefined }, options?: CallOptions): Promise<ResponseOf<'getSellerWithdrawals'>>;

  // Public
  /**
   * A member's level badge, or `null` for an unknown member. Look-ups made in the same tick
   * share requests (`GET /v1/badges?members=…`, 200 ids each) and answers are reused for
   * `badgeCacheMs`.
   */
  getBadge(memberId: string, options?: CallOptions): Promise<Badge | null>;
  getLevels(options?: CallOptions): Promise<ResponseOf<'getLevels'>>;
  getEarningRules(options?: CallOptions): Promise<ResponseOf<'getEarningRules'>>;
  getCatalog(options?: CallOptions): Promise<ResponseOf<'getCatalog'>>;
  getProjectDonations(projectId: string, options?: CallOptions): Promise<ResponseOf<'getProjectDonations'>>;
}

const signedOut: GetToken = () => null;

export function createRewardsClient(options: RewardsClientOptions): RewardsClient {
  const transport = createTransport(options);
  const member: Credentials = { kind: 'member', getToken: options.getToken ?? signedOut };
  const none: Credentials = { kind: 'none' };
  const badges = createBadgeBatcher({
    cacheMs: options.badgeCacheMs ?? 60_000,
    load: async (ids) => {
      const answer = await transport.call('getBadges', { query: { members: ids.join(',') }, credentials: none });
      return answer.badges;
    },
  });

  return {
    baseUrl: transport.baseUrl,

    getMe: (callOptions) => transport.call('getMe', { credentials: member, options: callOptions }),
    getLedger: (query = {}, callOptions) =>
      transport.call('getLedger', {
        query: { currency: query.currency, limit: query.limit, cursor: query.cursor },
        credentials: member,
        options: callOptions,
      }),
    getEarning: (callOptions) => transport.call('getEarning', { credentials: member, options: callOptions }),
    getCheckIns: (month, callOptions) =>
      transport.call('getCheckIns', { query: { month }, credentials: member, options: callOptions }),
    checkIn: (actionOptions) => transport.call('checkIn', { credentials: member, options: actionOptions }),
    getCart: (callOptions) => transport.call('getCart', { credentials: member, options: callOptions }),
    redeem: (catalogItemId, actionOptions) =>
      transport.call('redeem', { body: { catalogItemId }, credentials: member, options: actionOptions }),
    removeFromCart: (itemId, actionOptions) =>
      transport.call('removeCartItem', { params: { itemId }, credentials: member, options: actionOptions }),
    setGiftShipping: (itemId, shipping, actionOptions) =>
      transport.call('updateCartItem', { params: { itemId }, body: { shipping }, credentials: member, options: actionOptions }),
    getCoupons: (callOptions) => transport.call('getCoupons', { credentials: member, options: callOptions }),
    donate: (projectId, coins, actionOptions) =>
      transport.call('donate', { params: { id: projectId }, body: { coins }, credentials: member, options: actionOptions }),

    getSellerMe: (callOptions) => transport.call('getSellerMe', { credentials: member, options: callOptions }),
    getSellerOrders: (query = {}, callOptions) =>
      transport.call('getSellerOrders', { query: { limit: query.limit, cursor: query.cursor }, credentials: member, options: callOptions }),
    getSellerProducts: (callOptions) => transport.call('getSellerProducts', { credentials: member, options: callOptions }),
    withdraw: (amountCents, actionOptions) =>
      transport.call('withdraw', { body: { amountCents }, credentials: member, options: actionOptions }),
    getSellerWithdrawals: (query = {}, callOptions) =>
      transport.call('getSellerWithdrawals', { query: { limit: query.limit }, credentials: member, options: callOptions }),

    // An id the contract cannot carry (a comma, a space, too long) names no member; sending it
    // would make the server refuse the whole batch, and the other look-ups with it.
    getBadge: (memberId, callOptions) =>
      z.safeParse(resourceId, memberId).success ? badges.get(memberId, callOptions?.signal) : Promise.resolve(null),
    getLevels: (callOptions) => transport.call('getLevels', { credentials: none, options: callOptions }),
    getEarningRules: (callOptions) => transport.call('getEarningRules', { credentials: none, options: callOptions }),
    getCatalog: (callOptions) => transport.call('getCatalog', { credentials: none, options: callOptions }),
    getProjectDonations: (projectId, callOptions) =>
      transport.call('getProjectDonations', { params: { id: projectId }, credentials: none, options: callOptions }),
  };
}
