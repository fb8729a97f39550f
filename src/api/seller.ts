/**
 * A partner seller's backstage (the member token of a member who is a seller).
 */
import * as z from 'zod/mini';
import {
  calendarMonth,
  centAmount,
  count,
  isoDateTime,
  label,
  pageCursor,
  pageLimit,
  positiveCentAmount,
  positiveCentValue,
  resourceId,
  signedCentAmount,
} from './common.ts';

/**
 * One calendar month of sales (by when each sale happened, in the shop's zone): gross, the
 * platform's fee (M1) and the seller's net. A design-defect refund (M5) is deducted in the month it
 * happens, fee returned, so a month with more refunds than sales has negative amounts. Once the
 * month is paid in full (M2), `paidOutCents` is what its payout credited and `paidOutAt` when.
 */
export const sellerMonth = z.object({
  month: calendarMonth,
  grossCents: signedCentAmount,
  feeCents: signedCentAmount,
  netCents: signedCentAmount,
  paidOutCents: z.optional(centAmount),
  paidOutAt: z.optional(isoDateTime),
});
export type SellerMonth = z.infer<typeof sellerMonth>;

/** M3: the net of a new seller's first order, credited at once when it completed. */
export const firstOrderCredit = z.object({
  orderId: resourceId,
  month: calendarMonth,
  netCents: centAmount,
  creditedAt: isoDateTime,
});
export type FirstOrderCredit = z.infer<typeof firstOrderCredit>;

/**
 * A seller's statement. `pendingCents` is earned and not paid out yet; `debtCents` is what
 * design-defect refunds (M5) took beyond the earnings, paid first from later earnings. At most one
 * of the two is above zero. `currentMonth` is this month in the shop's zone, `feeBasisPoints` the
 * platform's fee (500 = 5%).
 */
export const sellerMeResponse = z.object({
  sellerId: resourceId,
  displayName: z.nullable(label),
  storeCreditCents: centAmount,
  pendingCents: centAmount,
  debtCents: centAmount,
  currentMonth: calendarMonth,
  feeBasisPoints: count,
  firstOrderCredit: z.nullable(firstOrderCredit),
  months: z.array(sellerMonth),
});
export type SellerMeResponse = z.infer<typeof sellerMeResponse>;

export const sellerOrdersQuery = z.object({
  limit: z.optional(pageLimit),
  cursor: z.optional(pageCursor),
});
export type SellerOrdersQuery = z.infer<typeof sellerOrdersQuery>;

export const sellerOrderStatuses = ['completed', 'refunded'] as const;
export const sellerOrderStatus = z.enum(sellerOrderStatuses);
export type SellerOrderStatus = z.infer<typeof sellerOrderStatus>;

/**
 * One sale line as it stands: gross, fee and net after the design-defect refunds (M5) of this
 * line, whose gross shows in `refundedCents`. A line's figures add up to its order's.
 */
export const sellerOrderLine = z.object({
  sku: resourceId,
  quantity: z.int().check(z.minimum(1)),
  grossCents: centAmount,
  feeCents: signedCentAmount,
  netCents: signedCentAmount,
  refundedCents: centAmount,
});
export type SellerOrderLine = z.infer<typeof sellerOrderLine>;

/**
 * The seller's lines of one shop order and what the order earned them, both after design-defect
 * refunds (M5), whose gross shows in `refundedCents`: the lines add up to the order. Several
 * partial refunds can each return a fee rounded up, so the fee left can end a cent below zero.
 * `completedAt` is when the shop says the order completed.
 */
export const sellerOrder = z.object({
  orderId: resourceId,
  status: sellerOrderStatus,
  completedAt: isoDateTime,
  lines: z.array(sellerOrderLine),
  grossCents: centAmount,
  feeCents: signedCentAmount,
  netCents: signedCentAmount,
  refundedCents: centAmount,
});
export type SellerOrder = z.infer<typeof sellerOrder>;

/** Newest first; `nextCursor` is null on the last page. */
export const sellerOrdersResponse = z.object({
  orders: z.array(sellerOrder),
  nextCursor: z.nullable(pageCursor),
});
export type SellerOrdersResponse = z.infer<typeof sellerOrdersResponse>;

/**
 * One of the seller's products: the stock left (the shop's last report less every completed sale
 * since), the units sold so far, and `oversoldUnits`: units sold beyond the stock since the shop's
 * last report (stock stops at zero; it never goes below silently). A product sold before the shop
 * reported it is listed by its sku, with `stock` null.
 */
export const sellerProduct = z.object({
  sku: resourceId,
  name: label,
  stock: z.nullable(count),
  unitsSold: count,
  oversoldUnits: count,
});
export type SellerProduct = z.infer<typeof sellerProduct>;

export const sellerProductsResponse = z.object({ products: z.array(sellerProduct) });
export type SellerProductsResponse = z.infer<typeof sellerProductsResponse>;

export const withdrawBody = z.strictObject({ amountCents: positiveCentValue });
export type WithdrawBody = z.infer<typeof withdrawBody>;

/** M6: a withdrawal is `requested` until the shop reports the transfer `paid` or `failed`. */
export const withdrawalStatuses = ['requested', 'paid', 'failed'] as const;
export const withdrawalStatus = z.enum(withdrawalStatuses);
export type WithdrawalStatus = z.infer<typeof withdrawalStatus>;

/** `settledAt` is when the shop reported the transfer paid or failed. */
export const withdrawal = z.object({
  id: resourceId,
  amountCents: positiveCentAmount,
  status: withdrawalStatus,
  createdAt: isoDateTime,
  settledAt: z.optional(isoDateTime),
});
export type Withdrawal = z.infer<typeof withdrawal>;

export const withdrawResponse = z.object({
  withdrawal,
  storeCreditCents: centAmount,
});
export type WithdrawResponse = z.infer<typeof withdrawResponse>;

export const sellerWithdrawalsQuery = z.object({ limit: z.optional(pageLimit) });
export type SellerWithdrawalsQuery = z.infer<typeof sellerWithdrawalsQuery>;

/** The seller's latest withdrawals, newest first. */
export const sellerWithdrawalsResponse = z.object({ withdrawals: z.array(withdrawal) });
export type SellerWithdrawalsResponse = z.infer<typeof sellerWithdrawalsResponse>;
