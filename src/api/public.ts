/**
 * What anyone may read without credentials.
 */
import * as z from 'zod/mini';
import {
  coinAmount,
  coinValue,
  count,
  countValue,
  description,
  discountPercent,
  imageUrl,
  isoDateTime,
  label,
  levelIndex,
  limits,
  pointAmount,
  positiveCentValue,
  resourceId,
} from './common.ts';

export const level = z.object({
  index: levelIndex,
  name: label,
  pointsRequired: pointAmount,
  discountPercent,
});
export type Level = z.infer<typeof level>;

/**
 * Every level, and what an order earns per whole dollar of its eligible amount (P1 points, C1
 * coins): the public terms a page needs to quote a price or an order the way the server does.
 */
export const levelsResponse = z.object({
  levels: z.array(level),
  pointsPerDollar: pointAmount,
  coinsPerDollar: coinAmount,
});
export type LevelsResponse = z.infer<typeof levelsResponse>;

/** How often an earning rule pays: per dollar of an order, once ever, once per thing (project, order, …), per day, week or month, or per action. */
export const earningScopes = ['per_dollar', 'once', 'per_item', 'per_day', 'per_week', 'per_month', 'per_action'] as const;
export const earningScope = z.enum(earningScopes);
export type EarningScope = z.infer<typeof earningScope>;

/**
 * One way to earn coins, for display. `coins` is the most one award pays and `minCoins` the
 * least (equal unless the award depends on a tier or on staff); `limit` is the daily cap in
 * coins, null when there is none.
 */
export const earningRule = z.object({
  id: resourceId,
  title: label,
  coins: coinAmount,
  minCoins: coinAmount,
  limit: z.nullable(coinAmount),
  scope: earningScope,
});
export type EarningRule = z.infer<typeof earningRule>;

export const earningRulesResponse = z.object({ rules: z.array(earningRule) });
export type EarningRulesResponse = z.infer<typeof earningRulesResponse>;

/** The fields of a catalog item that the shop sets (the id comes from the path). */
export const catalogItemFields = {
  name: label,
  description,
  imageUrl: z.nullable(imageUrl),
  coins: coinValue,
  stock: countValue,
};

/** A redeemable catalog entry; only coupons carry `couponValueCents`. */
export const catalogItem = z.discriminatedUnion('kind', [
  z.object({ id: resourceId, ...catalogItemFields, kind: z.literal('product') }),
  z.object({ id: resourceId, ...catalogItemFields, kind: z.literal('coupon'), couponValueCents: positiveCentValue }),
]);
export type CatalogItem = z.infer<typeof catalogItem>;

export const catalogResponse = z.object({ items: z.array(catalogItem) });
export type CatalogResponse = z.infer<typeof catalogResponse>;

/**
 * `members=a,b,c` as it arrives: up to 200 distinct ids (repeats count once). An empty entry
 * (`a,,b`, a trailing comma) is an error rather than silently skipped.
 */
export const badgeMemberIds = z.pipe(
  z.string().check(z.minLength(1), z.maxLength(limits.badgeIds * (limits.idLength + 1) * 2)),
  z.pipe(
    z.transform((text: string) => [...new Set(text.split(','))]),
    z.array(resourceId).check(z.minLength(1), z.maxLength(limits.badgeIds)),
  ),
);

export const badgesQuery = z.object({ members: badgeMemberIds });
export type BadgesQuery = z.infer<typeof badgesQuery>;

export const badge = z.object({
  level: levelIndex,
  name: label,
  displayName: z.optional(label),
});
export type Badge = z.infer<typeof badge>;

/** Keyed by member id; unknown ids are absent. */
export const badgesResponse = z.object({ badges: z.record(resourceId, badge) });
export type BadgesResponse = z.infer<typeof badgesResponse>;

/** `GET /v1/members/{id}/badge.svg` answers an SVG document. */
export const badgeSvgResponse = z.string();
export type BadgeSvgResponse = z.infer<typeof badgeSvgResponse>;

export const donation = z.object({
  id: resourceId,
  projectId: resourceId,
  memberId: resourceId,
  displayName: z.nullable(label),
  coins: coinAmount,
  createdAt: isoDateTime,
});
export type Donation = z.infer<typeof donation>;

/** A project's donations: totals and the most recent ones, newest first. */
export const projectDonationsResponse = z.object({
  projectId: resourceId,
  totalCoins: coinAmount,
  donors: count,
  recent: z.array(donation),
});
export type ProjectDonationsResponse = z.infer<typeof projectDonationsResponse>;

/** The OpenAPI document, validated only as a JSON object. */
export const openApiResponse = z.record(z.string(), z.unknown());
export type OpenApiResponse = z.infer<typeof openApiResponse>;
