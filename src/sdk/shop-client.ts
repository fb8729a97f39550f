/**
 * The shop backend's client (`X-Api-Key`): report what members did, manage the catalog and the
 * rules, run payouts, read any account, quote and check out orders, manage webhooks. Server-side only: the API key must never reach a
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
import { quoteResponse, useCouponResponse, type QuoteBody, type UseCouponBody } from '../api/checkout.ts';
import { cartResponse, couponsResponse } from '../api/member.ts';
import {
  deleteWebhookResponse,
  putWebhookResponse,
  retryWebhookDeliveryResponse,
  webhookDeliveriesResponse,
  webhooksResponse,
  type PutWebhookBody,
} from '../api/webhooks.ts';
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
  /** The member discount (P4) and what completing the order would earn (P1, C1); nothing is stored. */
  createQuote(order: QuoteBody, options?: ActionOptions): Promise<ResponseOf<'createQuote'>>;
  /** The member's gifts for the checkout to ship; name them in `order.completed`'s `redemptionItemIds`. */
  getMemberCart(memberId: string, options?: CallOptions): Promise<ResponseOf<'getMemberCart'>>;
  /** The member's coupons, with `usedAt` and `orderId` once used. */
  getMemberCoupons(memberId: string, options?: CallOptions): Promise<ResponseOf<'getMemberCoupons'>>;
  /**
   * Marks the member's coupon used by `orderId`. Again for the same order answers the same; for
   * another order it rejects with `coupon_used`; an unknown code or another member's with `not_found`.
   */
  useCoupon(code: string, use: UseCouponBody, options?: ActionOptions): Promise<ResponseOf<'useCoupon'>>;
  /** Creates or replaces a webhook endpoint; the answer carries its signing secret. */
  putWebhook(id: string, endpoint: PutWebhookBody, options?: CallOptions): Promise<ResponseOf<'putWebhook'>>;
  /** The webhook endpoints, without their secrets. */
  getWebhooks(options?: CallOptions): Promise<ResponseOf<'getWebhooks'>>;
  deleteWebhook(id: string, options?: ActionOptions): Promise<ResponseOf<'deleteWebhook'>>;
  /** An endpoint's deliveries, newest first; pass `nextCursor` back for the next page. */
  getWebhookDeliveries(id: string, query?: { cursor?: string }, options?: CallOptions): Promise<ResponseOf<'getWebhookDeliveries'>>;
  /** Tries a delivery again now, whatever its status. */
  retryWebhookDelivery(id: string, deliveryId: string, options?: ActionOptions): Promise<ResponseOf<'retryWebhookDelivery'>>;
  /** Names a member a partner seller, with the name their backstage shows. */
  putSeller(sellerId: string, displayName: string, options?: CallOptions): Promise<ResponseOf<'putSeller'>>;
  /** A partner seller's statement, as the seller sees it; `not_found` for a member who is not a seller. */
  getSeller(sellerId: string, options?: CallOptions): Promise<ResponseOf<'getSeller'>>;
  /** Reports a withdrawal's transfer `paid` or `failed` (failed gives the amount back); `already_settled` if it was settled otherwise. */
  settleWithdrawal(
    sellerId: string,
    withdrawalId: string,
    status: SettleWithdrawalBody['status'],
    options?: ActionOptions,
  ): Promise<ResponseOf<'settleWithdrawal'>>;
  /** The latest payout runs (scheduled or by hand) that credited something. */
  getPayoutRuns(query?: { limit?: number | undefined }, options?: CallOptions): Promise<ResponseOf<'getPayoutRuns'>>;
}

export function createShopClient(options: ShopClientOptions): ShopClient {
  if (typeof options.apiKey !== 'string' || options.apiKey === '') throw new TypeError('createShopClient needs an apiKey');
  const transport = createTransport(options);
  const shop: Credentials = { kind: 'shop', apiKey: options.apiKey };

  return {
    baseUrl: transport.baseUrl,
    sendEvent: (event, actionOptions) =>
      transport.call({ method: 'POST', path: '/v1/events', response: sendEventResponse }, { body: event, credentials: shop, options: actionOptions }),
    getMember: (memberId, callOptions) =>
      transport.call(
        { method: 'GET', path: '/v1/members/{id}', response: memberResponse },
        { params: { id: memberId }, credentials: shop, options: callOptions },
      ),
    putCatalogItem: (id, item, callOptions) =>
      transport.call(
        { method: 'PUT', path: '/v1/catalog/{id}', response: putCatalogItemResponse },
        { params: { id }, body: item, credentials: shop, options: callOptions },
      ),
    deleteCatalogItem: (id, actionOptions) =>
      transport.call(
        { method: 'DELETE', path: '/v1/catalog/{id}', response: deleteCatalogItemResponse },
        { params: { id }, credentials: shop, options: actionOptions },
      ),
    getRules: (callOptions) => transport.call({ method: 'GET', path: '/v1/rules', response: rulesConfig }, { credentials: shop, options: callOptions }),
    putRules: (config, callOptions) =>
      transport.call({ method: 'PUT', path: '/v1/rules', response: rulesConfig }, { body: config, credentials: shop, options: callOptions }),
    runPayouts: (month, actionOptions) =>
      transport.call({ method: 'POST', path: '/v1/payouts', response: payoutsResponse }, { body: { month }, credentials: shop, options: actionOptions }),
    putSellerProduct: (sellerId, sku, product, callOptions) =>
      transport.call(
        { method: 'PUT', path: '/v1/sellers/{id}/products/{sku}', response: putSellerProductResponse },
        { params: { id: sellerId, sku }, body: product, credentials: shop, options: callOptions },
      ),
    createQuote: (order, actionOptions) =>
      transport.call({ method: 'POST', path: '/v1/quotes', response: quoteResponse }, { body: order, credentials: shop, options: actionOptions }),
    getMemberCart: (memberId, callOptions) =>
      transport.call(
        { method: 'GET', path: '/v1/members/{id}/cart', response: cartResponse },
        { params: { id: memberId }, credentials: shop, options: callOptions },
      ),
    getMemberCoupons: (memberId, callOptions) =>
      transport.call(
        { method: 'GET', path: '/v1/members/{id}/coupons', response: couponsResponse },
        { params: { id: memberId }, credentials: shop, options: callOptions },
      ),
    useCoupon: (code, use, actionOptions) =>
      transport.call(
        { method: 'POST', path: '/v1/coupons/{code}/uses', response: useCouponResponse },
        { params: { code }, body: use, credentials: shop, options: actionOptions },
      ),
    putWebhook: (id, endpoint, callOptions) =>
      transport.call(
        { method: 'PUT', path: '/v1/webhooks/{id}', response: putWebhookResponse },
        { params: { id }, body: endpoint, credentials: shop, options: callOptions },
      ),
    getWebhooks: (callOptions) =>
      transport.call({ method: 'GET', path: '/v1/webhooks', response: webhooksResponse }, { credentials: shop, options: callOptions }),
    deleteWebhook: (id, actionOptions) =>
      transport.call(
        { method: 'DELETE', path: '/v1/webhooks/{id}', response: deleteWebhookResponse },
        { params: { id }, credentials: shop, options: actionOptions },
      ),
    getWebhookDeliveries: (id, query = {}, callOptions) =>
      transport.call(
        { method: 'GET', path: '/v1/webhooks/{id}/deliveries', response: webhookDeliveriesResponse },
        { params: { id }, query: { cursor: query.cursor }, credentials: shop, options: callOptions },
      ),
    retryWebhookDelivery: (id, deliveryId, actionOptions) =>
      transport.call(
        { method: 'POST', path: '/v1/webhooks/{id}/deliveries/{deliveryId}/retry', response: retryWebhookDeliveryResponse },
        { params: { id, deliveryId }, credentials: shop, options: actionOptions },
      ),
    putSeller: (sellerId, displayName, callOptions) =>
      transport.call(
        { method: 'PUT', path: '/v1/sellers/{id}', response: putSellerResponse },
        { params: { id: sellerId }, body: { displayName }, credentials: shop, options: callOptions },
      ),
    getSeller: (sellerId, callOptions) =>
      transport.call(
        { method: 'GET', path: '/v1/sellers/{id}', response: sellerStatementResponse },
        { params: { id: sellerId }, credentials: shop, options: callOptions },
      ),
    settleWithdrawal: (sellerId, withdrawalId, status, actionOptions) =>
      transport.call(
        { method: 'POST', path: '/v1/sellers/{id}/withdrawals/{withdrawalId}', response: settleWithdrawalResponse },
        { params: { id: sellerId, withdrawalId }, body: { status }, credentials: shop, options: actionOptions },
      ),
    getPayoutRuns: (query = {}, callOptions) =>
      transport.call(
        { method: 'GET', path: '/v1/payouts/runs', response: payoutRunsResponse },
        { query: { limit: query.limit }, credentials: shop, options: callOptions },
      ),
  };
}
