/**
 * The shop's backend (`X-Api-Key`): members, catalog, rules and payouts. Events live in events.ts.
 */
import * as z from 'zod/mini';
import { rulesConfigSchema } from '../rules/config.ts';
import { calendarMonth, count, countValue, isoDateTime, label, positiveCentValue, resourceId, signedCentAmount } from './common.ts';
import { meResponse } from './member.ts';
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
  netCents: signedCentAmount,
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
});
export type PutSellerProductResponse = z.infer<typeof putSellerProductResponse>;
