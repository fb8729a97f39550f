/**
 * Checkout (the shop's backend, `X-Api-Key`): what the checkout needs before and after an order —
 * a quote of P4 and P1/C1, the member's gifts and coupons, and marking a coupon used.
 */
import * as z from 'zod/mini';
import { centAmount, discountPercent, isoDateTime, label, levelIndex, pointAmount, coinAmount, positiveCentAmount, resourceId } from './common.ts';
import { orderLine } from './events.ts';

/** An order before checkout, in the shape of `order.completed`'s data without its id. */
export const quoteBody = z.strictObject({
  memberId: resourceId,
  lines: z.array(orderLine).check(z.minLength(1), z.maxLength(1000)),
  orderDiscountCents: z.optional(centAmount),
  shippingCents: centAmount,
});
export type QuoteBody = z.infer<typeof quoteBody>;

export const quoteLine = z.object({
  sku: resourceId,
  /** P4 applies: neither a partner seller's product nor a special offer. */
  memberDiscountEligible: z.boolean(),
  /** This line's share of the order's member discount; the shares add up to `memberDiscountCents`. */
  memberDiscountCents: centAmount,
});
export type QuoteLine = z.infer<typeof quoteLine>;

/** P4 and P1/C1 for the order; `levelAfter` is set when completing it would cross a threshold. Nothing is stored. */
export const quoteResponse = z.object({
  memberId: resourceId,
  level: z.object({ index: levelIndex, name: label, discountPercent }),
  memberDiscountCents: centAmount,
  lines: z.array(quoteLine),
  points: pointAmount,
  coins: coinAmount,
  levelAfter: z.nullable(z.object({ index: levelIndex, name: label })),
});
export type QuoteResponse = z.infer<typeof quoteResponse>;

/** The `{code}` segment of a coupon's path. */
export const couponPathParams = z.strictObject({ code: resourceId });
export type CouponPathParams = z.infer<typeof couponPathParams>;

/** The member whose coupon it must be, and the order that uses it. */
export const useCouponBody = z.strictObject({ memberId: resourceId, orderId: resourceId });
export type UseCouponBody = z.infer<typeof useCouponBody>;

/** The use as recorded; the same call again (same order) answers the same. */
export const useCouponResponse = z.object({
  code: resourceId,
  valueCents: positiveCentAmount,
  memberId: resourceId,
  orderId: resourceId,
  usedAt: isoDateTime,
});
export type UseCouponResponse = z.infer<typeof useCouponResponse>;
