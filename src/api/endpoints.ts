/**
 * Every endpoint of the API in one table, for the server (routing, validation, authorization),
 * the SDK (one method per entry) and the OpenAPI generator to walk.
 */
import type * as z from 'zod/mini';
import { idPathParams } from './common.ts';
import { errorCodes, statusOf, type ErrorCode } from './errors.ts';
import { sendEventResponse, shopEvent } from './events.ts';
import {
  cartItemPathParams,
  cartResponse,
  checkInResponse,
  checkInsQuery,
  checkInsResponse,
  couponsResponse,
  donateBody,
  donateResponse,
  earningResponse,
  ledgerQuery,
  ledgerResponse,
  meResponse,
  redeemBody,
  redeemResponse,
  removeCartItemResponse,
  updateCartItemBody,
  updateCartItemResponse,
} from './member.ts';
import {
  badgeSvgResponse,
  badgesQuery,
  badgesResponse,
  catalogResponse,
  earningRulesResponse,
  levelsResponse,
  openApiResponse,
  projectDonationsResponse,
} from './public.ts';
import {
  sellerMeResponse,
  sellerOrdersQuery,
  sellerOrdersResponse,
  sellerProductsResponse,
  sellerWithdrawalsQuery,
  sellerWithdrawalsResponse,
  withdrawBody,
  withdrawResponse,
} from './seller.ts';
import {
  deleteCatalogItemResponse,
  memberResponse,
  payoutRunsQuery,
  payoutRunsResponse,
  payoutsBody,
  payoutsResponse,
  putCatalogItemBody,
  putCatalogItemResponse,
  putSellerBody,
  putSellerProductBody,
  putSellerProductResponse,
  putSellerResponse,
  sellerStatementResponse,
  sellerWithdrawalPathParams,
  settleWithdrawalBody,
  settleWithdrawalResponse,
  rulesConfig,
  sellerProductPathParams,
} from './shop.ts';
import { couponPathParams, quoteBody, quoteResponse, useCouponBody, useCouponResponse } from './checkout.ts';
import {
  deleteWebhookResponse,
  putWebhookBody,
  putWebhookResponse,
  retryWebhookDeliveryResponse,
  webhookDeliveriesQuery,
  webhookDeliveriesResponse,
  webhookDeliveryPathParams,
  webhooksResponse,
} from './webhooks.ts';

/** Who may call: anyone, a member about themself, the shop's backend, a partner seller about themself. */
export type EndpointAuth = 'public' | 'member' | 'shop' | 'seller';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type SuccessStatus = 200 | 201 | 202;
export type ResponseContentType = 'application/json' | 'image/svg+xml';

type Schema = z.core.$ZodType;

interface EndpointSpec {
  id: string;
  method: HttpMethod;
  /** OpenAPI style: `/v1/members/{id}`. */
  path: `/v1/${string}`;
  auth: EndpointAuth;
  summary: string;
  /** The `{…}` segments of the path, by name. */
  params?: Schema;
  /** Parsed from the query string, so every field arrives as a string. */
  query?: Schema;
  body?: Schema;
  response: Schema;
  responseContentType?: ResponseContentType;
  /** The status of a success. */
  status: SuccessStatus;
  /** The status of a success that created the resource, when it differs from `status` (PUT). */
  createdStatus?: 201;
  /** The errors particular to this endpoint; the ones every endpoint of its kind can answer are added. */
  errors?: readonly ErrorCode[];
}

export interface Endpoint extends EndpointSpec {
  /** POST, PATCH and DELETE accept `Idempotency-Key`: a retry with the same key and body replays the first answer. */
  idempotencyKey: boolean;
  /** Every code this endpoint may answer with, in order of status. */
  errors: readonly ErrorCode[];
}

const idempotentMethods: ReadonlySet<HttpMethod> = new Set(['POST', 'PATCH', 'DELETE']);

/** The codes any endpoint of this kind can answer, whatever it does. */
function commonErrors(spec: EndpointSpec): ErrorCode[] {
  const codes: ErrorCode[] = ['rate_limited', 'internal'];
  const idempotent = idempotentMethods.has(spec.method);
  if (spec.auth !== 'public') codes.push('unauthorized', 'forbidden');
  if (spec.params || spec.query || spec.body || idempotent) codes.push('invalid_request');
  if (spec.body) codes.push('payload_too_large');
  if (idempotent) codes.push('idempotency_conflict');
  return codes;
}

function defineEndpoint<const S extends EndpointSpec>(spec: S): Omit<S, 'errors'> & Endpoint {
  const wanted = new Set<ErrorCode>([...commonErrors(spec), ...(spec.errors ?? [])]);
  const errors = errorCodes.filter((code) => wanted.has(code)).sort((a, b) => statusOf(a) - statusOf(b));
  return { ...spec, idempotencyKey: idempotentMethods.has(spec.method), errors };
}

export const endpoints = {
  // Public
  getLevels: defineEndpoint({
    id: 'getLevels',
    method: 'GET',
    path: '/v1/levels',
    auth: 'public',
    summary: 'The levels, their thresholds in points and their order discounts',
    response: levelsResponse,
    status: 200,
  }),
  getEarningRules: defineEndpoint({
    id: 'getEarningRules',
    method: 'GET',
    path: '/v1/earning-rules',
    auth: 'public',
    summary: 'The ways to earn coins, for display',
    response: earningRulesResponse,
    status: 200,
  }),
  getCatalog: defineEndpoint({
    id: 'getCatalog',
    method: 'GET',
    path: '/v1/catalog',
    auth: 'public',
    summary: 'The products and coupons that coins can buy',
    response: catalogResponse,
    status: 200,
  }),
  getBadges: defineEndpoint({
    id: 'getBadges',
    method: 'GET',
    path: '/v1/badges',
    auth: 'public',
    summary: 'The level badges of up to 200 members; unknown ids are absent',
    query: badgesQuery,
    response: badgesResponse,
    status: 200,
  }),
  getBadgeSvg: defineEndpoint({
    id: 'getBadgeSvg',
    method: 'GET',
    path: '/v1/members/{id}/badge.svg',
    auth: 'public',
    summary: "An SVG image of a member's level badge",
    params: idPathParams,
    response: badgeSvgResponse,
    responseContentType: 'image/svg+xml',
    status: 200,
    errors: ['not_found'],
  }),
  getProjectDonations: defineEndpoint({
    id: 'getProjectDonations',
    method: 'GET',
    path: '/v1/projects/{id}/donations',
    auth: 'public',
    summary: "A project's donation total, donor count and latest donations",
    params: idPathParams,
    response: projectDonationsResponse,
    status: 200,
    errors: ['not_found'],
  }),
  getOpenApi: defineEndpoint({
    id: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    auth: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    response: openApiResponse,
    status: 200,
  }),

  // Member (own account)
  getMe: defineEndpoint({
    id: 'getMe',
    method: 'GET',
    path: '/v1/me',
    auth: 'member',
    summary: 'Points, level, next level and coin balance of the signed-in member',
    response: meResponse,
    status: 200,
  }),
  getLedger: defineEndpoint({
    id: 'getLedger',
    method: 'GET',
    path: '/v1/me/ledger',
    auth: 'member',
    summary: "The member's coin or point movements, newest first, a page at a time",
    query: ledgerQuery,
    response: ledgerResponse,
    status: 200,
  }),
  getEarning: defineEndpoint({
    id: 'getEarning',
    method: 'GET',
    path: '/v1/me/earning',
    auth: 'member',
    summary: "Today's progress on the earning rules that have a daily cap",
    response: earningResponse,
    status: 200,
  }),
  getCheckIns: defineEndpoint({
    id: 'getCheckIns',
    method: 'GET',
    path: '/v1/me/check-ins',
    auth: 'member',
    summary: 'The days of a month the member checked in, and the monthly bonus tiers',
    query: checkInsQuery,
    response: checkInsResponse,
    status: 200,
  }),
  checkIn: defineEndpoint({
    id: 'checkIn',
    method: 'POST',
    path: '/v1/me/check-ins',
    auth: 'member',
    summary: 'Check in for today (C6), with any monthly bonus it reaches (C7)',
    response: checkInResponse,
    status: 201,
    errors: ['already_checked_in'],
  }),
  getCart: defineEndpoint({
    id: 'getCart',
    method: 'GET',
    path: '/v1/me/cart',
    auth: 'member',
    summary: 'Redeemed gifts and upgrade gifts waiting in the cart',
    response: cartResponse,
    status: 200,
  }),
  redeem: defineEndpoint({
    id: 'redeem',
    method: 'POST',
    path: '/v1/me/redemptions',
    auth: 'member',
    summary: 'Spend coins on a catalog item: a product goes into the cart, a coupon is issued',
    body: redeemBody,
    response: redeemResponse,
    status: 201,
    errors: ['not_found', 'insufficient_coins', 'out_of_stock'],
  }),
  removeCartItem: defineEndpoint({
    id: 'removeCartItem',
    method: 'DELETE',
    path: '/v1/me/cart/{itemId}',
    auth: 'member',
    summary: 'Remove a redeemed gift from the cart; its coins and stock come back',
    params: cartItemPathParams,
    response: removeCartItemResponse,
    status: 200,
    errors: ['not_found', 'not_removable'],
  }),
  updateCartItem: defineEndpoint({
    id: 'updateCartItem',
    method: 'PATCH',
    path: '/v1/me/cart/{itemId}',
    auth: 'member',
    summary: 'Choose when an upgrade gift ships: now, or with the next order',
    params: cartItemPathParams,
    body: updateCartItemBody,
    response: updateCartItemResponse,
    status: 200,
    errors: ['not_found', 'not_removable'],
  }),
  getCoupons: defineEndpoint({
    id: 'getCoupons',
    method: 'GET',
    path: '/v1/me/coupons',
    auth: 'member',
    summary: 'The coupons the member bought with coins',
    response: couponsResponse,
    status: 200,
  }),
  donate: defineEndpoint({
    id: 'donate',
    method: 'POST',
    path: '/v1/projects/{id}/donations',
    auth: 'member',
    summary: "Give coins to a project's author; never to one's own project",
    params: idPathParams,
    body: donateBody,
    response: donateResponse,
    status: 201,
    errors: ['not_found', 'insufficient_coins'],
  }),

  // Shop backend
  sendEvent: defineEndpoint({
    id: 'sendEvent',
    method: 'POST',
    path: '/v1/events',
    auth: 'shop',
    summary: 'Report what a member did; the same event id twice credits once',
    body: shopEvent,
    response: sendEventResponse,
    status: 200,
  }),
  getMember: defineEndpoint({
    id: 'getMember',
    method: 'GET',
    path: '/v1/members/{id}',
    auth: 'shop',
    summary: "Any member's account, as that member sees it",
    params: idPathParams,
    response: memberResponse,
    status: 200,
    errors: ['not_found'],
  }),
  putCatalogItem: defineEndpoint({
    id: 'putCatalogItem',
    method: 'PUT',
    path: '/v1/catalog/{id}',
    auth: 'shop',
    summary: 'Create or replace a catalog item',
    params: idPathParams,
    body: putCatalogItemBody,
    response: putCatalogItemResponse,
    status: 200,
    createdStatus: 201,
  }),
  deleteCatalogItem: defineEndpoint({
    id: 'deleteCatalogItem',
    method: 'DELETE',
    path: '/v1/catalog/{id}',
    auth: 'shop',
    summary: 'Withdraw a catalog item from redemption',
    params: idPathParams,
    response: deleteCatalogItemResponse,
    status: 200,
    errors: ['not_found'],
  }),
  getRules: defineEndpoint({
    id: 'getRules',
    method: 'GET',
    path: '/v1/rules',
    auth: 'shop',
    summary: 'The current rules configuration and its version',
    response: rulesConfig,
    status: 200,
  }),
  putRules: defineEndpoint({
    id: 'putRules',
    method: 'PUT',
    path: '/v1/rules',
    auth: 'shop',
    summary: 'Replace the rules configuration; a change creates the next version',
    body: rulesConfig,
    response: rulesConfig,
    status: 200,
  }),
  runPayouts: defineEndpoint({
    id: 'runPayouts',
    method: 'POST',
    path: '/v1/payouts',
    auth: 'shop',
    summary: "Credit every seller's net earnings of a month (and of earlier months not paid yet) to their store credit (M2); safe to repeat",
    body: payoutsBody,
    response: payoutsResponse,
    status: 200,
  }),
  getPayoutRuns: defineEndpoint({
    id: 'getPayoutRuns',
    method: 'GET',
    path: '/v1/payouts/runs',
    auth: 'shop',
    summary: 'The latest payout runs (scheduled or by hand) that credited something, with every seller and month they paid (M2)',
    query: payoutRunsQuery,
    response: payoutRunsResponse,
    status: 200,
  }),
  putSeller: defineEndpoint({
    id: 'putSeller',
    method: 'PUT',
    path: '/v1/sellers/{id}',
    auth: 'shop',
    summary: 'Name a member a partner seller, with the name their backstage shows (M6)',
    params: idPathParams,
    body: putSellerBody,
    response: putSellerResponse,
    status: 200,
    createdStatus: 201,
  }),
  getSeller: defineEndpoint({
    id: 'getSeller',
    method: 'GET',
    path: '/v1/sellers/{id}',
    auth: 'shop',
    summary: "A partner seller's statement, as the seller sees it (M6)",
    params: idPathParams,
    response: sellerStatementResponse,
    status: 200,
    errors: ['not_found'],
  }),
  settleWithdrawal: defineEndpoint({
    id: 'settleWithdrawal',
    method: 'POST',
    path: '/v1/sellers/{id}/withdrawals/{withdrawalId}',
    auth: 'shop',
    summary: 'Report the transfer of a withdrawal paid or failed; failed gives the amount back to the store credit (M6)',
    params: sellerWithdrawalPathParams,
    body: settleWithdrawalBody,
    response: settleWithdrawalResponse,
    status: 200,
    errors: ['not_found', 'already_settled'],
  }),
  putSellerProduct: defineEndpoint({
    id: 'putSellerProduct',
    method: 'PUT',
    path: '/v1/sellers/{id}/products/{sku}',
    auth: 'shop',
    summary: "Create or replace a partner seller's product and its stock, as the seller's backstage shows it (M6)",
    params: sellerProductPathParams,
    body: putSellerProductBody,
    response: putSellerProductResponse,
    status: 200,
    createdStatus: 201,
  }),

  // Checkout (shop backend)
  createQuote: defineEndpoint({
    id: 'createQuote',
    method: 'POST',
    path: '/v1/quotes',
    auth: 'shop',
    summary: 'The member discount (P4) and what completing an order would earn (P1, C1), before checkout; nothing is stored',
    body: quoteBody,
    response: quoteResponse,
    status: 200,
  }),
  getMemberCart: defineEndpoint({
    id: 'getMemberCart',
    method: 'GET',
    path: '/v1/members/{id}/cart',
    auth: 'shop',
    summary: "A member's gifts waiting in the cart, for the checkout to ship and name in order.completed's redemptionItemIds",
    params: idPathParams,
    response: cartResponse,
    status: 200,
  }),
  getMemberCoupons: defineEndpoint({
    id: 'getMemberCoupons',
    method: 'GET',
    path: '/v1/members/{id}/coupons',
    auth: 'shop',
    summary: "A member's coupons, with the order that used each one",
    params: idPathParams,
    response: couponsResponse,
    status: 200,
  }),
  useCoupon: defineEndpoint({
    id: 'useCoupon',
    method: 'POST',
    path: '/v1/coupons/{code}/uses',
    auth: 'shop',
    summary: "Mark a member's coupon used by an order: once per coupon, the same order again answers the same",
    params: couponPathParams,
    body: useCouponBody,
    response: useCouponResponse,
    status: 201,
    errors: ['not_found', 'coupon_used'],
  }),

  // Webhooks (shop backend)
  putWebhook: defineEndpoint({
    id: 'putWebhook',
    method: 'PUT',
    path: '/v1/webhooks/{id}',
    auth: 'shop',
    summary: 'Create or replace a webhook endpoint; its signing secret is made on creation and kept',
    params: idPathParams,
    body: putWebhookBody,
    response: putWebhookResponse,
    status: 200,
    createdStatus: 201,
  }),
  getWebhooks: defineEndpoint({
    id: 'getWebhooks',
    method: 'GET',
    path: '/v1/webhooks',
    auth: 'shop',
    summary: 'The webhook endpoints, without their secrets',
    response: webhooksResponse,
    status: 200,
  }),
  deleteWebhook: defineEndpoint({
    id: 'deleteWebhook',
    method: 'DELETE',
    path: '/v1/webhooks/{id}',
    auth: 'shop',
    summary: 'Delete a webhook endpoint and its delivery log',
    params: idPathParams,
    response: deleteWebhookResponse,
    status: 200,
    errors: ['not_found'],
  }),
  getWebhookDeliveries: defineEndpoint({
    id: 'getWebhookDeliveries',
    method: 'GET',
    path: '/v1/webhooks/{id}/deliveries',
    auth: 'shop',
    summary: "An endpoint's deliveries, newest first, a page at a time",
    params: idPathParams,
    query: webhookDeliveriesQuery,
    response: webhookDeliveriesResponse,
    status: 200,
    errors: ['not_found'],
  }),
  retryWebhookDelivery: defineEndpoint({
    id: 'retryWebhookDelivery',
    method: 'POST',
    path: '/v1/webhooks/{id}/deliveries/{deliveryId}/retry',
    auth: 'shop',
    summary: 'Try a delivery again now, whatever its status',
    params: webhookDeliveryPathParams,
    response: retryWebhookDeliveryResponse,
    status: 202,
    errors: ['not_found'],
  }),

  // Partner seller
  getSellerMe: defineEndpoint({
    id: 'getSellerMe',
    method: 'GET',
    path: '/v1/seller/me',
    auth: 'seller',
    summary: "The seller's store credit, pending earnings and monthly statements",
    response: sellerMeResponse,
    status: 200,
  }),
  getSellerOrders: defineEndpoint({
    id: 'getSellerOrders',
    method: 'GET',
    path: '/v1/seller/orders',
    auth: 'seller',
    summary: "The completed orders of the seller's products, newest first, a page at a time",
    query: sellerOrdersQuery,
    response: sellerOrdersResponse,
    status: 200,
  }),
  getSellerProducts: defineEndpoint({
    id: 'getSellerProducts',
    method: 'GET',
    path: '/v1/seller/products',
    auth: 'seller',
    summary: "The seller's products with their stock",
    response: sellerProductsResponse,
    status: 200,
  }),
  withdraw: defineEndpoint({
    id: 'withdraw',
    method: 'POST',
    path: '/v1/seller/withdrawals',
    auth: 'seller',
    summary: 'Withdraw store credit (M4)',
    body: withdrawBody,
    response: withdrawResponse,
    status: 201,
    errors: ['insufficient_funds'],
  }),
  getSellerWithdrawals: defineEndpoint({
    id: 'getSellerWithdrawals',
    method: 'GET',
    path: '/v1/seller/withdrawals',
    auth: 'seller',
    summary: "The seller's latest withdrawals with their status, newest first (M6)",
    query: sellerWithdrawalsQuery,
    response: sellerWithdrawalsResponse,
    status: 200,
  }),
} as const;

export type Endpoints = typeof endpoints;
export type EndpointId = keyof Endpoints;
export const endpointList: readonly Endpoint[] = Object.values(endpoints);

/** What a success answers, as the SDK sees it after validation. */
export type ResponseOf<Id extends EndpointId> = z.output<Endpoints[Id]['response']>;
/** The JSON body a caller sends. */
export type BodyOf<Id extends EndpointId> = Endpoints[Id] extends { body: infer B extends Schema } ? z.input<B> : never;
/** The query a caller sends, before parsing (strings). */
export type QueryInputOf<Id extends EndpointId> = Endpoints[Id] extends { query: infer Q extends Schema } ? z.input<Q> : never;
/** The query the server works with, after parsing. */
export type QueryOf<Id extends EndpointId> = Endpoints[Id] extends { query: infer Q extends Schema } ? z.output<Q> : never;
export type ParamsOf<Id extends EndpointId> = Endpoints[Id] extends { params: infer P extends Schema } ? z.output<P> : never;

/** The names of the `{…}` segments of a path, in order. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '');
}

/** A concrete path: each `{name}` replaced by its value, percent-encoded. */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}

/** The path in the `:name` style of routers such as Hono. */
export function routerPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
