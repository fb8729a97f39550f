/**
 * The rewards SDK: `createRewardsClient` for pages and apps acting for one member,
 * `createShopClient` for the shop's backend. Both validate every answer against the contract
 * and reject with `RewardsError`.
 */
export { createRewardsClient, type BadgeCallOptions, type LedgerQuery, type RewardsClient, type RewardsClientOptions } from './rewards-client.ts';
export { createShopClient, type ShopClient, type ShopClientOptions } from './shop-client.ts';
export { verifyWebhook, WebhookVerificationError, type VerifyWebhookOptions } from './verify-webhook.ts';
export { OriginRefusedError, RewardsError, isRewardsError, type RewardsErrorCode, type RewardsErrorInit } from './errors.ts';
export type { RetryOptions } from './retry.ts';
export { publicBadges, readBadgesAnswer, type PublicBadgeState, type PublicBadges, type PublicBadgesOptions } from './public-badges.ts';
export type { ActionOptions, CallOptions, FetchFunction, GetToken } from './transport.ts';
export type { CalendarDay, CalendarMonth, CoinBalance, Currency, LedgerStatus, ShippingChoice } from '../api/common.ts';
export type {
  CartItem,
  CartResponse,
  CheckInBonus,
  CheckInResponse,
  CheckInsResponse,
  Coupon,
  CouponsResponse,
  DonateResponse,
  EarningProgress,
  EarningResponse,
  LedgerEntry,
  LedgerResponse,
  MeResponse,
  RedeemResponse,
  RedemptionCartItem,
  RemoveCartItemResponse,
  UpgradeGiftCartItem,
} from '../api/member.ts';
export type {
  Badge,
  CatalogItem,
  CatalogResponse,
  Donation,
  EarningRule,
  EarningRulesResponse,
  Level,
  LevelsResponse,
  ProjectDonationsResponse,
} from '../api/public.ts';
export type { EventData, EventType, OrderLine, SendEventResponse, ShopEvent, ShopEventOf } from '../api/events.ts';
export type { SellerMeResponse, SellerMonth, SellerOrder, SellerOrdersResponse, SellerProduct, SellerProductsResponse, WithdrawResponse } from '../api/seller.ts';
export type { MemberResponse, PutCatalogItemBody, PayoutsResponse, RulesConfigBody, RulesConfigResponse } from '../api/shop.ts';
export type { ErrorCode, ProblemDetails, ProblemFieldError } from '../api/errors.ts';
export type { QuoteBody, QuoteLine, QuoteResponse, UseCouponBody, UseCouponResponse } from '../api/checkout.ts';
export type {
  PutWebhookBody,
  PutWebhookResponse,
  WebhookDeliveriesResponse,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEvent,
  WebhookEventData,
  WebhookEventOf,
  WebhookEventType,
  WebhooksResponse,
} from '../api/webhooks.ts';
