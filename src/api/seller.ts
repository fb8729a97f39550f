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
 * One calendar month of sales: gross, the platform's fee (M1) and the seller's net; `paidOutAt` once
 * paid (M2). A design-defect refund (M5) is deducted in the month it happens, fee returned, so a
 * month with more refunds than sales has negative amounts.
 */
export const sellerMonth = z.object({
  month: calendarMonth,
  grossCents: signedCentAmount,
  feeCents: signedCentAmount,
  netCents: signedCentAmount,
  paidOutAt: z.optional(isoDateTime),
});
export type SellerMonth = z.infer<typeof sellerMonth>;

/** `pendingCents` is earned but not yet paid out; design-defect refunds (M5) can make it negative. */
export const sellerMeResponse = z.object({
  sellerId: resourceId,
  storeCreditCents: centAmount,
  pendingCents: signedCentAmount,
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

export const sellerOrderLine = z.object({
  sku: resourceId,
  quantity: z.int().check(z.minimum(1)),
  grossCents: centAmount,
  feeCents: centAmount,
  netCents: centAmount,
});
export type SellerOrderLine = z.infer<typeof sellerOrderLine>;

/**
 * The seller's lines of one shop order, as sold, and what the order earned them: its totals are
 * after design-defect refunds (M5), whose gross shows in `refundedCents`. Several partial refunds
 * can each return a fee rounded up, so the fee left can end a cent below zero.
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
 * One of the seller's products: the name and stock the shop reported for it, and the units sold
 * so far. A product sold before the shop reported it is listed by its sku, with `stock` null.
 */
export const sellerProduct = z.object({
  sku: resourceId,
  name: label,
  stock: z.nullable(count),
  unitsSold: count,
});
export type SellerProduct = z.infer<typeof sellerProduct>;

export const sellerProductsResponse = z.object({ products: z.array(sellerProduct) });
export type SellerProductsResponse = z.infer<typeof sellerProductsResponse>;

export const withdrawBody = z.strictObject({ amountCents: positiveCentValue });
export type WithdrawBody = z.infer<typeof withdrawBody>;

export const withdrawal = z.object({
  id: resourceId,
  amountCents: positiveCentAmount,
  createdAt: isoDateTime,
});
export type Withdrawal = z.infer<typeof withdrawal>;

export const withdrawResponse = z.object({
  withdrawal,
  storeCreditCents: centAmount,
});
export type WithdrawResponse = z.infer<typeof withdrawResponse>;
