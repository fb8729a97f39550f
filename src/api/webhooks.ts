/**
 * Webhooks (the shop's backend, `X-Api-Key`): endpoints that receive signed events, their
 * delivery log, and the events themselves as a receiver gets them.
 */
import * as z from 'zod/mini';
import {
  coinBalance,
  count,
  isoDateTime,
  label,
  levelIndex,
  limits,
  pageCursor,
  pointAmount,
  positiveCentAmount,
  resourceId,
  signedCentAmount,
  calendarMonth,
} from './common.ts';
import { cartItem } from './member.ts';

/** Every event the server sends, in the order API.md lists them. */
export const webhookEventTypes = [
  'member.level_changed',
  'member.balance_changed',
  'cart.item_added',
  'cart.item_removed',
  'coupon.issued',
  'seller.payout_credited',
  'seller.withdrawal_requested',
] as const;
export const webhookEventType = z.enum(webhookEventTypes);
export type WebhookEventType = z.infer<typeof webhookEventType>;

const levelRef = z.object({ index: levelIndex, name: label });

/** The `data` of each event type. */
export const webhookEventDataSchemas = {
  /** Up, or down after a refund (P7). */
  'member.level_changed': z.object({ memberId: resourceId, from: levelRef, to: levelRef, points: pointAmount }),
  /** After every change of points or coins, with the balances after it. */
  'member.balance_changed': z.object({ memberId: resourceId, points: pointAmount, coins: coinBalance }),
  /** An upgrade gift or a redeemed gift, in the shape of a cart item. */
  'cart.item_added': z.object({ memberId: resourceId, item: cartItem }),
  'cart.item_removed': z.object({ memberId: resourceId, itemId: resourceId }),
  'coupon.issued': z.object({ memberId: resourceId, code: resourceId, valueCents: positiveCentAmount }),
  /** A monthly payout (M2, `month`) or a first order's payout (M3, `orderId`). */
  'seller.payout_credited': z.object({
    sellerId: resourceId,
    month: z.optional(calendarMonth),
    orderId: z.optional(resourceId),
    netCents: signedCentAmount,
    storeCreditCents: signedCentAmount,
  }),
  /** The shop makes the transfer, then reports it. */
  'seller.withdrawal_requested': z.object({ sellerId: resourceId, withdrawalId: resourceId, amountCents: positiveCentAmount }),
} as const;
export type WebhookEventData<T extends WebhookEventType> = z.infer<(typeof webhookEventDataSchemas)[T]>;

function webhookEnvelope<T extends WebhookEventType>(type: T) {
  return z.object({
    /** Unique per event: receivers deduplicate by it (delivery is at least once). */
    id: resourceId,
    type: z.literal(type),
    createdAt: isoDateTime,
    data: webhookEventDataSchemas[type],
  });
}

/** The body of a delivery: `POST <url>`, signed in `Rewards-Signature`. */
export const webhookEvent = z.discriminatedUnion('type', [
  webhookEnvelope('member.level_changed'),
  webhookEnvelope('member.balance_changed'),
  webhookEnvelope('cart.item_added'),
  webhookEnvelope('cart.item_removed'),
  webhookEnvelope('coupon.issued'),
  webhookEnvelope('seller.payout_credited'),
  webhookEnvelope('seller.withdrawal_requested'),
]);
export type WebhookEvent = z.infer<typeof webhookEvent>;
export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>;

/** A URL the server posts to: `https://` (or `http://` for development, see API.md). */
export const webhookUrl = z.string().check(z.maxLength(limits.urlLength), z.regex(/^https?:\/\/[^\s/?#\\@]+(?:[/?#]\S*)?$/i));
export type WebhookUrl = z.infer<typeof webhookUrl>;

/** Event types, or `["*"]` for every type, including types added later (`"*"` among others means all). */
export const webhookSubscription = z.array(z.union([z.literal('*'), webhookEventType])).check(z.minLength(1), z.maxLength(webhookEventTypes.length + 1));
export type WebhookSubscription = z.infer<typeof webhookSubscription>;

export const putWebhookBody = z.strictObject({
  url: webhookUrl,
  events: webhookSubscription,
  enabled: z.optional(z.boolean()),
});
export type PutWebhookBody = z.infer<typeof putWebhookBody>;

const webhookEndpointFields = {
  id: resourceId,
  url: webhookUrl,
  events: z.array(z.union([z.literal('*'), webhookEventType])),
  enabled: z.boolean(),
};

/** An endpoint as listed: never with its secret. */
export const webhookEndpoint = z.object(webhookEndpointFields);
export type WebhookEndpoint = z.infer<typeof webhookEndpoint>;

/** The answer to PUT, the one place the signing secret is shown (made on creation, kept by later PUTs). */
export const putWebhookResponse = z.object({ ...webhookEndpointFields, secret: z.string().check(z.minLength(1), z.maxLength(200)) });
export type PutWebhookResponse = z.infer<typeof putWebhookResponse>;

export const webhooksResponse = z.object({ webhooks: z.array(webhookEndpoint) });
export type WebhooksResponse = z.infer<typeof webhooksResponse>;

export const deleteWebhookResponse = z.object({ id: resourceId, deleted: z.literal(true) });
export type DeleteWebhookResponse = z.infer<typeof deleteWebhookResponse>;

export const deliveryStatuses = ['pending', 'delivered', 'failed'] as const;
export const deliveryStatus = z.enum(deliveryStatuses);
export type DeliveryStatus = z.infer<typeof deliveryStatus>;

export const webhookDelivery = z.object({
  id: resourceId,
  eventId: resourceId,
  type: webhookEventType,
  status: deliveryStatus,
  attempts: count,
  lastStatusCode: z.optional(z.int()),
  lastError: z.optional(z.string()),
  nextAttemptAt: z.optional(isoDateTime),
  deliveredAt: z.optional(isoDateTime),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;

export const webhookDeliveriesQuery = z.object({ cursor: z.optional(pageCursor) });
export type WebhookDeliveriesQuery = z.infer<typeof webhookDeliveriesQuery>;

export const webhookDeliveriesResponse = z.object({ deliveries: z.array(webhookDelivery), nextCursor: z.nullable(pageCursor) });
export type WebhookDeliveriesResponse = z.infer<typeof webhookDeliveriesResponse>;

export const webhookDeliveryPathParams = z.strictObject({ id: resourceId, deliveryId: resourceId });
export type WebhookDeliveryPathParams = z.infer<typeof webhookDeliveryPathParams>;

/** A retry by hand is queued: the delivery is pending again and due now. */
export const retryWebhookDeliveryResponse = webhookDelivery;
export type RetryWebhookDeliveryResponse = z.infer<typeof retryWebhookDeliveryResponse>;
