/**
 * The shop's backend (`X-Api-Key`): members, catalog, rules and payouts. Events live in events.ts.
 */
import * as z from 'zod/mini';
import { rulesConfigSchema } from '../rules/config.ts';
import { calendarMonth, centAmount, count, countValue, isoDateTime, label, pageLimit, positiveCentValue, resourceId } from './common.ts';
import { meResponse } from './member.ts';
import { sellerMeResponse, withdrawal } from './seller.ts';
import { catalogItem, catalogItemFields } from './public.ts';

/** `GET /v1/members/{id}` answers exactly what the member sees at `/v1/me`. */
export const memberResponse = meResponse;
export type MemberResponse = z.infer<typeof memberResponse>;

/** Creates or replaces the item named by the path; the id is never in the body. */
export const putCatalogItemBody = z.discriminatedUnion('kind', [
  z.strictObject({ ...catalogItemFields, kind: z.literal('product') }),
  z.strictObject({ ...catalogItemFields, kind: z.literal('coupon'), couponValueCents: positiveCentValue }),
]);
export type PutCatalogItemBody = z.infer<typeof putCatalogItemBody>;

export const putCatalogItemResponse = catalogItem;
export type PutCatalogItemResponse = z.infer<typeof putCatalogItemResponse>;

export const deleteCatalogItemResponse = z.object({ id: resourceId, deleted: z.literal(true) });
export type DeleteCatalogItemResponse = z.infer<typeof deleteCatalogItemResponse>;

/**
 * The whole rules configuration, every default of the rulebook included. `PUT` replaces it;
 * the server assigns the next `version` (the one in the body is ignored) and keeps the old
 * version for the ledger entries computed under it.
 */
export const rulesConfig = rulesConfigSchema;
export type RulesConfigBody = z.input<typeof rulesConfig>;
export type RulesConfigResponse = z.infer<typeof rulesConfig>;

export const payoutsBody = z.strictObject({ month: calendarMonth });
export type PayoutsBody = z.infer<typeof payoutsBody>;

/** `alreadyPaid` is true when an earlier run had paid this seller for this month (M2 is idempotent). */
export const sellerPayout = z.object({
  sellerId: resourceId,
  netCents: centAmount,
  paidOutAt: isoDateTime,
  alreadyPaid: z.boolean(),
});
export type SellerPayout = z.infer<typeof sellerPayout>;

export const payoutsResponse = z.object({
  month: calendarMonth,
  payouts: z.array(sellerPayout),
});
export type PayoutsResponse = z.infer<typeof payoutsResponse>;

/** The `{id}` (the seller, a member id) and `{sku}` segments of a seller product's path. */
export const sellerProductPathParams = z.strictObject({ id: resourceId, sku: resourceId });
export type SellerProductPathParams = z.infer<typeof sellerProductPathParams>;

/**
 * Creates or replaces a partner seller's product: the name the seller's backstage shows and the
 * stock left. Naming a member here makes them a partner seller.
 */
export const putSellerProductBody = z.strictObject({ name: label, stock: countValue });
export type PutSellerProductBody = z.infer<typeof putSellerProductBody>;

/** The product as recorded, with the units the seller has sold of it. */
export const putSellerProductResponse = z.object({
  sellerId: resourceId,
  sku: resourceId,
  name: label,
  stock: count,
  unitsSold: count,
  oversoldUnits: count,
});
export type PutSellerProductResponse = z.infer<typeof putSellerProductResponse>;

/** Names a member a partner seller (M6), with the name their backstage shows. */
export const putSellerBody = z.strictObject({ displayName: label });
export type PutSellerBody = z.infer<typeof putSellerBody>;

export const putSellerResponse = z.object({ sellerId: resourceId, displayName: label });
export type PutSellerResponse = z.infer<typeof putSellerResponse>;

/** `GET /v1/sellers/{id}`: the seller's statement, as the seller sees it. */
export const sellerStatementResponse = sellerMeResponse;
export type SellerStatementResponse = z.infer<typeof sellerStatementResponse>;

/** The `{id}` (the seller) and `{withdrawalId}` segments of a withdrawal's path. */
export const sellerWithdrawalPathParams = z.strictObject({ id: resourceId, withdrawalId: resourceId });
export type SellerWithdrawalPathParams = z.infer<typeof sellerWithdrawalPathParams>;

/** The shop reports the transfer of a withdrawal; `failed` gives the amount back to the store credit. */
export const settleWithdrawalBody = z.strictObject({ status: z.enum(['paid', 'failed']) });
export type SettleWithdrawalBody = z.infer<typeof settleWithdrawalBody>;

export const settleWithdrawalResponse = z.object({ withdrawal, storeCreditCents: count });
export type SettleWithdrawalResponse = z.infer<typeof settleWithdrawalResponse>;

export const payoutRunsQuery = z.object({ limit: z.optional(pageLimit) });
export type PayoutRunsQuery = z.infer<typeof payoutRunsQuery>;

/**
 * M2: a payout run that credited something, by the schedule or by hand, newest first, with every
 * seller and month it paid and how much.
 */
export const payoutRun = z.object({
  id: resourceId,
  ranAt: isoDateTime,
  trigger: z.enum(['schedule', 'manual']),
  payouts: z.array(z.object({ sellerId: resourceId, month: calendarMonth, netCents: centAmount })),
});
export type PayoutRun = z.infer<typeof payoutRun>;

export const payoutRunsResponse = z.object({ runs: z.array(payoutRun) });
export type PayoutRunsResponse = z.infer<typeof payoutRunsResponse>;
