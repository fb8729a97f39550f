/**
 * Events the shop's backend sends to `POST /v1/events`: an envelope `{ id, type, memberId,
 * occurredAt, data }` whose `data` depends on `type`. Envelope and data are strict: a field the
 * server does not know is a typo or a version mismatch on the shop's side, never something to
 * drop silently while awarding coins.
 */
import * as z from 'zod/mini';
import {
  boundedText,
  centValue,
  countValue,
  currency,
  imageUrl,
  isoDateTime,
  label,
  ledgerStatus,
  limits,
  positiveCentValue,
  positiveCoinValue,
  resourceId,
  signedCoinAmount,
  storage,
} from './common.ts';

export const projectTiers = ['text_images', 'gerber_bom', 'tutorial'] as const;
export const projectTier = z.enum(projectTiers);
export type ProjectTier = z.infer<typeof projectTier>;

/** Who bears a refund of a partner seller's product (M5). */
export const refundReasons = ['design', 'manufacturing'] as const;
export const refundReason = z.enum(refundReasons);
export type RefundReason = z.infer<typeof refundReason>;

export const orderLine = z.strictObject({
  sku: resourceId,
  unitPriceCents: centValue,
  quantity: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  discountCents: z.optional(centValue),
  /** Set when the line is a partner seller's product: no member discount, a 5% fee (M1). */
  partnerSellerId: z.optional(resourceId),
  /** Special offers earn points but take no member discount (P4). */
  specialOffer: z.optional(z.boolean()),
});
export type OrderLine = z.infer<typeof orderLine>;

/**
 * An order's lines add up to at most 2^31 − 1 cents (about $21 million): the points and coins one
 * order earns then stay exact in every computation and fit a single ledger entry, however the
 * rules are set (their per-dollar rates are bounded too).
 */
function fitsOneOrder(lines: readonly { unitPriceCents: number; quantity: number }[]): boolean {
  let total = 0;
  for (const line of lines) total += Number(line?.unitPriceCents) * Number(line?.quantity);
  return total <= storage.intMax;
}
const orderTooLarge = `the lines of one order add up to at most ${storage.intMax} cents`;

/**
 * Profile fields may arrive empty or null: an incomplete profile is a valid event that earns
 * nothing (C3), not a bad request.
 */
const profileField = z.optional(z.nullable(boundedText(0, limits.nameLength)));

/** Every event type and the exact shape of its `data`. */
export const eventDataSchemas = {
  'member.registered': z.strictObject({
    displayName: z.optional(label),
    invitedBy: z.optional(resourceId),
  }),
  'order.completed': z.strictObject({
    orderId: resourceId,
    lines: z.array(orderLine).check(z.minLength(1), z.maxLength(1000), z.refine(fitsOneOrder, { message: orderTooLarge })),
    orderDiscountCents: z.optional(centValue),
    shippingCents: centValue,
    /** Cart items (redeemed and upgrade gifts) shipped with this order: no longer removable. */
    redemptionItemIds: z.optional(z.array(resourceId).check(z.maxLength(limits.badgeIds))),
  }),
  'order.cancelled': z.strictObject({ orderId: resourceId }),
  'order.refunded': z.strictObject({
    orderId: resourceId,
    refundedCents: positiveCentValue,
    reason: z.optional(refundReason),
  }),
  'newsletter.subscribed': z.strictObject({}),
  'profile.completed': z.strictObject({
    avatarUrl: z.optional(z.nullable(z.union([imageUrl, z.literal('')]))),
    nickname: profileField,
    country: profileField,
  }),
  'project.approved': z.strictObject({
    projectId: resourceId,
    tier: projectTier,
    duringEvent: z.optional(z.boolean()),
  }),
  'feedback.shared': z.strictObject({
    feedbackId: resourceId,
    words: countValue,
    images: countValue,
    videos: countValue,
  }),
  'project.liked': z.strictObject({ projectId: resourceId }),
  'project.commented': z.strictObject({ projectId: resourceId, commentId: resourceId }),
  /** Staff's award; the rules configuration bounds it (C11, 1..1000 by default). */
  'project.rewarded': z.strictObject({ projectId: resourceId, coins: positiveCoinValue }),
  'bom.uploaded': z.strictObject({ orderId: resourceId }),
  'pcba.test_file_uploaded': z.strictObject({ orderId: resourceId }),
  'pcba.quotation_paid': z.strictObject({ quotationId: resourceId, quotedAt: isoDateTime, paidAt: isoDateTime }),
  'pcba.progress_checked': z.strictObject({ projectId: resourceId }),
  'pcba.media_rated': z.strictObject({ mediaId: resourceId }),
  'pcba.confirmed': z.strictObject({ projectId: resourceId }),
  'questionnaire.completed': z.strictObject({ questionnaireId: resourceId }),
  /** Tells the server who authored a project, so donations reach them (S3). */
  'project.created': z.strictObject({ projectId: resourceId, title: label }),
} as const;

export type EventType = keyof typeof eventDataSchemas;
export const eventTypes = Object.keys(eventDataSchemas) as readonly EventType[] as readonly [EventType, ...EventType[]];
export type EventData<T extends EventType> = z.infer<(typeof eventDataSchemas)[T]>;

function envelope<T extends EventType>(type: T) {
  return z.strictObject({
    /** The shop's unique id of this event; a second delivery credits nothing (C20). */
    id: resourceId,
    type: z.literal(type),
    memberId: resourceId,
    occurredAt: isoDateTime,
    data: eventDataSchemas[type],
  });
}

export const shopEvent = z.discriminatedUnion('type', [
  envelope('member.registered'),
  envelope('order.completed'),
  envelope('order.cancelled'),
  envelope('order.refunded'),
  envelope('newsletter.subscribed'),
  envelope('profile.completed'),
  envelope('project.approved'),
  envelope('feedback.shared'),
  envelope('project.liked'),
  envelope('project.commented'),
  envelope('project.rewarded'),
  envelope('bom.uploaded'),
  envelope('pcba.test_file_uploaded'),
  envelope('pcba.quotation_paid'),
  envelope('pcba.progress_checked'),
  envelope('pcba.media_rated'),
  envelope('pcba.confirmed'),
  envelope('questionnaire.completed'),
  envelope('project.created'),
]);
export type ShopEvent = z.infer<typeof shopEvent>;
export type ShopEventOf<T extends EventType> = Extract<ShopEvent, { type: T }>;

/** One ledger movement an event caused; `amount` is negative for reversals (P7). */
export const creditedEntry = z.object({
  currency,
  amount: signedCoinAmount,
  ruleId: resourceId,
  status: ledgerStatus,
});
export type CreditedEntry = z.infer<typeof creditedEntry>;

/** `duplicate` is true when the event id was seen before (C20): nothing more is credited, and `credited` repeats what the first delivery credited. */
export const sendEventResponse = z.object({
  duplicate: z.boolean(),
  credited: z.array(creditedEntry),
});
export type SendEventResponse = z.infer<typeof sendEventResponse>;
