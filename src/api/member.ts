/**
 * A member's own account (`Authorization: Bearer <member token>`).
 */
import * as z from 'zod/mini';
import {
  calendarDay,
  calendarMonth,
  catalogKind,
  coinAmount,
  coinBalance,
  currency,
  isoDateTime,
  label,
  ledgerStatus,
  levelIndex,
  discountPercent,
  pageCursor,
  pageLimit,
  pointAmount,
  positiveCentAmount,
  positiveCoinValue,
  resourceId,
  shippingChoice,
  signedCoinAmount,
} from './common.ts';
import { donation } from './public.ts';

/** An account as its member sees it (and as the shop reads it through `/v1/members/{id}`). */
export const meResponse = z.object({
  memberId: resourceId,
  displayName: z.nullable(label),
  points: pointAmount,
  level: z.object({ index: levelIndex, name: label, discountPercent }),
  /** Null at the top level. */
  nextLevel: z.nullable(z.object({ index: levelIndex, name: label, pointsRequired: pointAmount, pointsToGo: pointAmount })),
  coins: coinBalance,
  isSeller: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const ledgerQuery = z.object({
  currency: z.optional(currency),
  limit: z.optional(pageLimit),
  cursor: z.optional(pageCursor),
});
export type LedgerQuery = z.infer<typeof ledgerQuery>;

/** One append-only ledger line; `ruleId` names the rule it was computed under (`C6`, `S1`…). */
export const ledgerEntry = z.object({
  id: resourceId,
  currency,
  amount: signedCoinAmount,
  ruleId: z.nullable(resourceId),
  reason: label,
  /** What the entry is about: an order, a project, a redemption…; null when nothing. */
  ref: z.nullable(resourceId),
  status: ledgerStatus,
  createdAt: isoDateTime,
});
export type LedgerEntry = z.infer<typeof ledgerEntry>;

/** Newest first; `nextCursor` is null on the last page. */
export const ledgerResponse = z.object({
  entries: z.array(ledgerEntry),
  nextCursor: z.nullable(pageCursor),
});
export type LedgerResponse = z.infer<typeof ledgerResponse>;

export const earningProgress = z.object({
  ruleId: resourceId,
  earnedToday: coinAmount,
  cap: coinAmount,
});
export type EarningProgress = z.infer<typeof earningProgress>;

/**
 * Today's progress on the rules with a daily cap, and the one-time rules (newsletter, profile…)
 * the member has already earned (absent from a server that predates it).
 */
export const earningResponse = z.object({
  day: calendarDay,
  rules: z.array(earningProgress),
  earnedOnce: z.optional(z.array(resourceId)),
});
export type EarningResponse = z.infer<typeof earningResponse>;

/** Without `month`, the current month in the shop's time zone. */
export const checkInsQuery = z.object({ month: z.optional(calendarMonth) });
export type CheckInsQuery = z.infer<typeof checkInsQuery>;

export const checkInBonus = z.object({
  atCount: z.int().check(z.minimum(1), z.maximum(31)),
  coins: coinAmount,
  earned: z.boolean(),
});
export type CheckInBonus = z.infer<typeof checkInBonus>;

export const checkInsResponse = z.object({
  month: calendarMonth,
  today: calendarDay,
  checkedInToday: z.boolean(),
  days: z.array(calendarDay).check(z.maxLength(31)),
  bonuses: z.array(checkInBonus),
});
export type CheckInsResponse = z.infer<typeof checkInsResponse>;

/** `bonusAwarded` is 0 unless this check-in reached a monthly bonus tier (C7). */
export const checkInResponse = z.object({
  day: calendarDay,
  coinsAwarded: coinAmount,
  bonusAwarded: coinAmount,
  coins: coinBalance,
});
export type CheckInResponse = z.infer<typeof checkInResponse>;

/** `removable` turns false once the order that carries the item is completed (S1). */
export const redemptionCartItem = z.object({
  id: resourceId,
  kind: z.literal('redemption'),
  catalogItemId: resourceId,
  name: label,
  coins: coinAmount,
  removable: z.boolean(),
});
export type RedemptionCartItem = z.infer<typeof redemptionCartItem>;

/** A free gift for reaching a level (P5); the member picks when it ships. */
export const upgradeGiftCartItem = z.object({
  id: resourceId,
  kind: z.literal('upgrade_gift'),
  level: levelIndex,
  name: label,
  coins: coinAmount,
  shipping: shippingChoice,
  removable: z.boolean(),
});
export type UpgradeGiftCartItem = z.infer<typeof upgradeGiftCartItem>;

export const cartItem = z.discriminatedUnion('kind', [redemptionCartItem, upgradeGiftCartItem]);
export type CartItem = z.infer<typeof cartItem>;

export const cartResponse = z.object({ items: z.array(cartItem) });
export type CartResponse = z.infer<typeof cartResponse>;

export const cartItemPathParams = z.strictObject({ itemId: resourceId });
export type CartItemPathParams = z.infer<typeof cartItemPathParams>;

export const redeemBody = z.strictObject({ catalogItemId: resourceId });
export type RedeemBody = z.infer<typeof redeemBody>;

export const redemption = z.object({
  id: resourceId,
  catalogItemId: resourceId,
  kind: catalogKind,
  coins: coinAmount,
  createdAt: isoDateTime,
});
export type Redemption = z.infer<typeof redemption>;

/** `usedAt` and `orderId` appear once an order has used the coupon (`POST /v1/coupons/{code}/uses`). */
export const coupon = z.object({
  code: resourceId,
  valueCents: positiveCentAmount,
  createdAt: isoDateTime,
  usedAt: z.optional(isoDateTime),
  orderId: z.optional(resourceId),
});
export type Coupon = z.infer<typeof coupon>;

/** A product lands in the cart (`cartItem`); a coupon is issued at once (`coupon`). */
export const redeemResponse = z.object({
  redemption,
  cartItem: z.optional(redemptionCartItem),
  coupon: z.optional(coupon),
  coins: coinBalance,
});
export type RedeemResponse = z.infer<typeof redeemResponse>;

export const removeCartItemResponse = z.object({
  coinsReturned: coinAmount,
  coins: coinBalance,
});
export type RemoveCartItemResponse = z.infer<typeof removeCartItemResponse>;

export const updateCartItemBody = z.strictObject({ shipping: shippingChoice });
export type UpdateCartItemBody = z.infer<typeof updateCartItemBody>;

export const updateCartItemResponse = upgradeGiftCartItem;
export type UpdateCartItemResponse = z.infer<typeof updateCartItemResponse>;

export const couponsResponse = z.object({ coupons: z.array(coupon) });
export type CouponsResponse = z.infer<typeof couponsResponse>;

export const donateBody = z.strictObject({ coins: positiveCoinValue });
export type DonateBody = z.infer<typeof donateBody>;

export const donateResponse = z.object({ donation, coins: coinBalance });
export type DonateResponse = z.infer<typeof donateResponse>;
