/**
 * The member's client: one typed method per public, member and partner-seller call of the API. Runs in
 * browsers and in Node (it needs `fetch`, `AbortController` and `crypto`, no DOM). Each method
 * checks its answer with its own response schema, imported here, so member data stays validated
 * without the endpoint table (and its shop-only schemas) in a browser bundle.
 */
import type { CalendarMonth, Currency, ShippingChoice } from '../api/common.ts';
import type { ResponseOf } from '../api/endpoints.ts';
import { isResourceId } from '../api/limits.ts';
import {
  cartResponse,
  checkInResponse,
  checkInsResponse,
  couponsResponse,
  donateResponse,
  earningResponse,
  ledgerResponse,
  meResponse,
  redeemResponse,
  removeCartItemResponse,
  updateCartItemResponse,
} from '../api/member.ts';
import { badgesResponse, catalogResponse, earningRulesResponse, levelsResponse, projectDonationsResponse, type Badge } from '../api/public.ts';
import { sellerMeResponse, sellerOrdersResponse, sellerProductsResponse, sellerWithdrawalsResponse, withdrawResponse } from '../api/seller.ts';
import { createBadgeBatcher } from './badge-batcher.ts';
import type { RetryOptions } from './retry.ts';
import { createTransport, type ActionOptions, type CallOptions, type Credentials, type FetchFunction, type GetToken } from './transport.ts';

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

export interface BadgeCallOptions extends CallOptions {
  /** Asks the server even when a kept answer is still fresh (a "Try again", a known change). */
  fresh?: boolean | undefined;
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
  getBadge(memberId: string, options?: BadgeCallOptions): Promise<Badge | null>;
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
      const answer = await transport.call(
        { method: 'GET', path: '/v1/badges', response: badgesResponse },
        { query: { members: ids.join(',') }, credentials: none },
      );
      return answer.badges;
    },
  });

  return {
    baseUrl: transport.baseUrl,

    getMe: (callOptions) => transport.call({ method: 'GET', path: '/v1/me', response: meResponse }, { credentials: member, options: callOptions }),
    getLedger: (query = {}, callOptions) =>
      transport.call(
        { method: 'GET', path: '/v1/me/ledger', response: ledgerResponse },
        {
          query: { currency: query.currency, limit: query.limit, cursor: query.cursor },
          credentials: member,
          options: callOptions,
        },
      ),
    getEarning: (callOptions) =>
      transport.call({ method: 'GET', path: '/v1/me/earning', response: earningResponse }, { credentials: member, options: callOptions }),
    getCheckIns: (month, callOptions) =>
      transport.call({ method: 'GET', path: '/v1/me/check-ins', response: checkInsResponse }, { query: { month }, credentials: member, options: callOptions }),
    checkIn: (actionOptions) =>
      transport.call({ method: 'POST', path: '/v1/me/check-ins', response: checkInResponse }, { credentials: member, options: actionOptions }),
    getCart: (callOptions) => transport.call({ method: 'GET', path: '/v1/me/cart', response: cartResponse }, { credentials: member, options: callOptions }),
    redeem: (catalogItemId, actionOptions) =>
      transport.call(
        { method: 'POST', path: '/v1/me/redemptions', response: redeemResponse },
        { body: { catalogItemId }, credentials: member, options: actionOptions },
      ),
    removeFromCart: (itemId, actionOptions) =>
      transport.call(
        { method: 'DELETE', path: '/v1/me/cart/{itemId}', response: removeCartItemResponse },
        { params: { itemId }, credentials: member, options: actionOptions },
      ),
    setGiftShipping: (itemId, shipping, actionOptions) =>
      transport.call(
        { method: 'PATCH', path: '/v1/me/cart/{itemId}', response: updateCartItemResponse },
        { params: { itemId }, body: { shipping }, credentials: member, options: actionOptions },
      ),
    getCoupons: (callOptions) =>
      transport.call({ method: 'GET', path: '/v1/me/coupons', response: couponsResponse }, { credentials: member, options: callOptions }),
    donate: (projectId, coins, actionOptions) =>
      transport.call(
        { method: 'POST', path: '/v1/projects/{id}/donations', response: donateResponse },
        { params: { id: projectId }, body: { coins }, credentials: member, options: actionOptions },
      ),

    getSellerMe: (callOptions) =>
      transport.call({ method: 'GET', path: '/v1/seller/me', response: sellerMeResponse }, { credentials: member, options: callOptions }),
    getSellerOrders: (query = {}, callOptions) =>
      transport.call(
        { method: 'GET', path: '/v1/seller/orders', response: sellerOrdersResponse },
        { query: { limit: query.limit, cursor: query.cursor }, credentials: member, options: callOptions },
      ),
    getSellerProducts: (callOptions) =>
      transport.call({ method: 'GET', path: '/v1/seller/products', response: sellerProductsResponse }, { credentials: member, options: callOptions }),
    withdraw: (amountCents, actionOptions) =>
      transport.call(
        { method: 'POST', path: '/v1/seller/withdrawals', response: withdrawResponse },
        { body: { amountCents }, credentials: member, options: actionOptions },
      ),
    getSellerWithdrawals: (query = {}, callOptions) =>
      transport.call(
        { method: 'GET', path: '/v1/seller/withdrawals', response: sellerWithdrawalsResponse },
        { query: { limit: query.limit }, credentials: member, options: callOptions },
      ),

    // An id the contract cannot carry (a comma, a space, too long) names no member; sending it
    // would make the server refuse the whole batch, and the other look-ups with it.
    getBadge: (memberId, callOptions) =>
      isResourceId(memberId) ? badges.get(memberId, callOptions?.signal, { fresh: callOptions?.fresh === true }) : Promise.resolve(null),
    getLevels: (callOptions) => transport.call({ method: 'GET', path: '/v1/levels', response: levelsResponse }, { credentials: none, options: callOptions }),
    getEarningRules: (callOptions) =>
      transport.call({ method: 'GET', path: '/v1/earning-rules', response: earningRulesResponse }, { credentials: none, options: callOptions }),
    getCatalog: (callOptions) => transport.call({ method: 'GET', path: '/v1/catalog', response: catalogResponse }, { credentials: none, options: callOptions }),
    getProjectDonations: (projectId, callOptions) =>
      transport.call(
        { method: 'GET', path: '/v1/projects/{id}/donations', response: projectDonationsResponse },
        { params: { id: projectId }, credentials: none, options: callOptions },
      ),
  };
}
