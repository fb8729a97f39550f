/**
 * The shop backend's client (`X-Api-Key`): report what members did, manage the catalog and the
 * rules, run payouts, read any account. Server-side only: the API key must never reach a
 * browser (the server does not even allow it cross-origin).
 */
import type { CalendarMonth } from '../api/common.ts';
import type { ResponseOf } from '../api/endpoints.ts';
import { sendEventResponse, type ShopEvent } from '../api/events.ts';
import {
  deleteCatalogItemResponse,
  memberResponse,
  payoutsResponse,
  putCatalogItemResponse,
  payoutRunsResponse,
  putSellerProductResponse,
  putSellerResponse,
  sellerStatementResponse,
  settleWithdrawalResponse,
  rulesConfig,
  type PutCatalogItemBody,
  type PutSellerProductBody,
  type RulesConfigBody,
  type SettleWithdrawalBody,
} from '../api/shop.ts';
import type { RetryOptions } from './retry.ts';
import { createTransport, type ActionOptions, type CallOptions, type Credentials, type FetchFunction } from './transport.ts';

export interface ShopClientOptions {
  baseUrl: string;
  apiKey: string;
  fetch?: FetchFunction | undefined;
  /** Retries on network errors, timeouts, 5xx and 429; `false` never retries. */
  retry?: RetryOptions | false | undefined;
  /** Each attempt's time limit. Default 10 s. */
  timeoutMs?: number | undefined;
}

export interface ShopClient {
  readonly baseUrl: string;
  /**
   * Reports an event. Sending the same event `id` again is safe: the answer says
   * `duplicate: true` and nothing is credited twice.
   */
  sendEvent(event: ShopEvent, options?: ActionOptions): Promise<ResponseOf<'sendEvent'>>;
  /** Any member's account, as the member sees it. */
  getMember(memberId: string, options?: CallOptions): Promise<ResponseOf<'getMember'>>;
  /** Creates or replaces a catalog item. */
  putCatalogItem(id: string, item: PutCatalogItemBody, options?: CallOptions): Promise<ResponseOf<'putCatalogItem'>>;
  /** Withdraws a catalog item from redemption. */
  deleteCatalogItem(id: string, options?: ActionOptions): Promise<ResponseOf<'deleteCatalogItem'>>;
  /** The current rules configuration and its version. */
  getRules(options?: CallOptions): Promise<ResponseOf<'getRules'>>;
  /** Replaces the rules configuration; a change creates the next version. */
  putRules(config: RulesConfigBody, options?: CallOptions): Promise<ResponseOf<'putRules'>>;
  /** Credits every seller's net earnings of `month` to their store credit; safe to repeat. */
  runPayouts(month: CalendarMonth, options?: ActionOptions): Promise<ResponseOf<'runPayouts'>>;
  /** Creates or replaces a partner seller's product and its stock, shown in the seller's backstage (M6). */
  putSellerProduct(sellerId: string, sku: string, product: PutSellerProductBody, options?: CallOptions): Promise<ResponseOf<'putSellerProduct'>>;
  /** Names a member a partner seller, with the name their backstage shows. */
  putSeller(sellerId: string, displayName: string, options?: CallOptions): Promise<ResponseOf<'putSeller'>>;
  /** A partner seller's statement, as the seller sees it; `not_found` for a member who is not a seller. */
  getSeller(sellerId: string, options?: CallOptions): Promise<ResponseOf<'getSeller'>>;
  /** Reports a withdrawal's transfer `paid` or `failed` (failed gives the amount back); `already_settled` if it was settled otherwise. */
  settleWithdrawal(sellerId: string, withdrawalId: string, status: SettleWithdrawalBody['status'], options?: ActionOptions): Promise<ResponseOf<'settleWithdrawal'>>;
  /** The latest payout runs (scheduled or by hand) that credited something. */
  getPayoutRuns(query?: { limit?: number | undefined }, options?: CallOptions): Promise<ResponseOf<'getPayoutRuns'>>;
}

export function createShopClient(options: ShopClientOptions): ShopClient {
  if (typeof options.apiKey !== 'string' || options.apiKey === '') throw new TypeError('createShopClient needs an apiKey');
  const transport = createTransport(options);
  const shop: Credentials = { kind: 'shop', apiKey: options.apiKey };

  return {
    baseUrl: transport.baseUrl,
    sendEvent: (event, actionOptions) => transport.call({ method: 'POST', path: '/v1/events', response: sendEventResponse }, { body: event, credentials: shop, options: actionOptions }),
    getMember: (memberId, callOptions) =>
      transport.call({ method: 'GET', path: '/v1/members/{id}', response: memberResponse }, { params: { id: memberId }, credentials: shop, options: callOptions }),
    putCatalogItem: (id, item, callOptions) =>
      transport.call({ method: 'PUT', path: '/v1/catalog/{id}', response: putCatalogItemResponse }, { params: { id }, body: item, credentials: shop, options: callOptions }),
    deleteCatalogItem: (id, actionOptions) =>
      transport.call({ method: 'DELETE', path: '/v1/catalog/{id}', response: deleteCatalogItemResponse }, { params: { id }, credentials: shop, options: actionOptions }),
    getRules: (callOptions) => transport.call({ method: 'GET', path: '/v1/rules', response: rulesConfig }, { credentials: shop, options: callOptions }),
    putRules: (config, callOptions) => transport.call({ method: 'PUT', path: '/v1/rules', response: rulesConfig }, { body: config, credentials: shop, options: callOptions }),
    runPayouts: (month, actionOptions) =>
      transport.call({ method: 'POST', path: '/v1/payouts', response: payoutsResponse }, { body: { month }, credentials: shop, options: actionOptions }),
    putSellerProduct: (sellerId, sku, product, callOptions) =>
      transport.call({ method: 'PUT', path: '/v1/sellers/{id}/products/{sku}', response: putSellerProductResponse }, { params: { id: sellerId, sku }, body: product, credentials: shop, options: callOptions }),
    putSeller: (sellerId, displayName, callOptions) =>
      transport.call({ method: 'PUT', path: '/v1/sellers/{id}', response: putSellerResponse }, { params: { id: sellerId }, body: { displayName }, credentials: shop, options: callOptions }),
    getSeller: (sellerId, callOptions) =>
      transport.call({ method: 'GET', path: '/v1/sellers/{id}', response: sellerStatementResponse }, { params: { id: sellerId }, credentials: shop, options: callOptions }),
    settleWithdrawal: (sellerId, withdrawalId, status, actionOptions) =>
      transport.call(
        { method: 'POST', path: '/v1/sellers/{id}/withdrawals/{withdrawalId}', response: settleWithdrawalResponse },
        { params: { id: sellerId, withdrawalId }, body: { status }, credentials: shop, options: actionOptions },
      ),
    getPayoutRuns: (query = {}, callOptions) =>
      transport.call({ method: 'GET', path: '/v1/payouts/runs', response: payoutRunsResponse }, { query: { limit: query.limit }, credentials: shop, options: callOptions }),
  };
}
