/**
 * Building blocks of the wire contract: identifiers, amounts, times, enums and paging.
 *
 * Naming: every schema is a camelCase noun and its inferred type the same name in PascalCase
 * (`coinAmount` / `CoinAmount`). Request bodies are strict objects (an unknown field from a
 * client is a bug worth a 400); query strings and responses are stripping objects (proxies add
 * cache-busting parameters, and an older SDK must keep working when a newer server adds fields).
 */
import * as z from 'zod/mini';
import { limits, resourceIdPattern } from './limits.ts';

export { limits, resourceIdPattern };

/**
 * What the database holds, in one place: every schema below is bounded by it, so a value the
 * contract accepts is a value PostgreSQL stores (an out-of-range value is a 400, never a 500).
 */
export const storage = {
  /** The largest value of an `int` column. */
  intMax: 2_147_483_647,
  /**
   * The first and last years of a timestamp, day or month: PostgreSQL has no year 0000, nothing
   * here happens before 1970, and a year far ahead stays clear of the date arithmetic's limits
   * (the month after 9999-12 does not exist).
   */
  firstYear: 1970,
  lastYear: 2999,
} as const;

/** A whole number from `min` to `max`, by default at most what an `int` column holds. */
export function boundedInt(min: number, max: number = storage.intMax) {
  return z.int().check(z.minimum(min), z.maximum(max));
}

/**
 * Text PostgreSQL can store: no NUL character (text refuses it) and no lone surrogate half (jsonb
 * refuses it and text would keep a U+FFFD in its place). With the `u` flag a surrogate pair is one
 * character, so only a half on its own falls in the excluded range.
 */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const storableText = /^[^\x00\uD800-\uDFFF]*$/u;

/** A string of `min` to `max` characters that PostgreSQL stores as sent. */
export function boundedText(min: number, max: number) {
  return z.string().check(z.minLength(min), z.maxLength(max), z.regex(storableText));
}

/** Years 1970–2999 (`storage.firstYear` to `lastYear`) at the start of a timestamp, a day or a month. */
export const sensibleYear = /^(?:19[7-9]\d|2\d{3})-/;

/**
 * An id chosen by the shop (member, order, project, catalog item, event, …): 1–128 visible
 * ASCII characters without commas, so ids travel unescaped in comma-separated lists
 * (`/v1/badges?members=a,b`) and never hide whitespace.
 */
export const resourceId = z.string().check(z.minLength(1), z.maxLength(limits.idLength), z.regex(resourceIdPattern));
export type ResourceId = z.infer<typeof resourceId>;

/** A short human-readable label: a display name, an item name, a title. */
export const label = boundedText(1, limits.nameLength);
export type Label = z.infer<typeof label>;

export const description = boundedText(0, limits.descriptionLength);
export type Description = z.infer<typeof description>;

/**
 * An http(s) URL or a path on the shop's own site. `//host` and `/\host` are refused: browsers
 * read both as another site.
 */
export const imageUrl = z
  .string()
  .check(z.maxLength(limits.urlLength), z.regex(/^(?:https?:\/\/[^\s/?#\\]+(?:[/?#]\S*)?|\/(?![/\\])\S*)$/), z.regex(storableText));
export type ImageUrl = z.infer<typeof imageUrl>;

/**
 * Coins, points or cents that cannot be negative: a safe integer ≥ 0, never a fraction. Balances
 * and totals are this (their columns are `bigint`); one value sent to the server is a
 * `coinValue`/`centValue`/`countValue`, which an `int` column holds.
 */
export const coinAmount = z.int().check(z.minimum(0));
export type CoinAmount = z.infer<typeof coinAmount>;

/** What a member spends or gives: at least one whole coin. */
export const positiveCoinAmount = z.int().check(z.minimum(1));
export type PositiveCoinAmount = z.infer<typeof positiveCoinAmount>;

/** A ledger movement: positive credits, negative debits and reversals. */
export const signedCoinAmount = z.int();
export type SignedCoinAmount = z.infer<typeof signedCoinAmount>;

export const pointAmount = coinAmount;
export type PointAmount = z.infer<typeof pointAmount>;

/** Money in minor units (cents) of the shop's base currency. */
export const centAmount = z.int().check(z.minimum(0));
export type CentAmount = z.infer<typeof centAmount>;

export const positiveCentAmount = z.int().check(z.minimum(1));
export type PositiveCentAmount = z.infer<typeof positiveCentAmount>;

/** Money that may go below zero, e.g. a seller's month after design-defect refunds (M5). */
export const signedCentAmount = z.int();
export type SignedCentAmount = z.infer<typeof signedCentAmount>;

export const count = z.int().check(z.minimum(0));
export type Count = z.infer<typeof count>;

/** Coins as the shop or a member sends them (a price, a stock of coins, a donation): 0 to 2^31 − 1. */
export const coinValue = boundedInt(0);
export const positiveCoinValue = boundedInt(1);
/** Cents as the shop or a seller sends them (a price, a refund, a withdrawal): 0 to 2^31 − 1. */
export const centValue = boundedInt(0);
export const positiveCentValue = boundedInt(1);
/** A count the shop sends (stock, words, images): 0 to 2^31 − 1. */
export const countValue = boundedInt(0);

/** A level index, LV0 to LV6. */
export const levelIndex = z.int().check(z.minimum(0), z.maximum(6));
export type LevelIndex = z.infer<typeof levelIndex>;

export const discountPercent = z.int().check(z.minimum(0), z.maximum(100));
export type DiscountPercent = z.infer<typeof discountPercent>;

/** An instant in UTC, ISO 8601 with a `Z` suffix, e.g. `2026-03-01T08:30:00Z`; impossible dates and years outside 1970–2999 fail. */
export const isoDateTime = z.iso.datetime().check(z.regex(sensibleYear));
export type IsoDateTime = z.infer<typeof isoDateTime>;

/** A calendar day `YYYY-MM-DD` in the shop's time zone; `2026-02-30`, `0000-01-01` and `9999-12-31` fail. */
export const calendarDay = z.iso.date().check(z.regex(sensibleYear));
export type CalendarDay = z.infer<typeof calendarDay>;

/** A calendar month `YYYY-MM`, 1970-01 to 2999-12. */
export const calendarMonth = z.string().check(z.regex(/^(?:19[7-9]\d|2\d{3})-(?:0[1-9]|1[0-2])$/));
export type CalendarMonth = z.infer<typeof calendarMonth>;

export const currencies = ['coins', 'points'] as const;
export const currency = z.enum(currencies);
export type Currency = z.infer<typeof currency>;

/** Pending coins wait on an order (C19); void ones were cancelled before becoming available. */
export const ledgerStatuses = ['available', 'pending', 'void'] as const;
export const ledgerStatus = z.enum(ledgerStatuses);
export type LedgerStatus = z.infer<typeof ledgerStatus>;

export const catalogKinds = ['product', 'coupon'] as const;
export const catalogKind = z.enum(catalogKinds);
export type CatalogKind = z.infer<typeof catalogKind>;

export const shippingChoices = ['now', 'with_next_order'] as const;
export const shippingChoice = z.enum(shippingChoices);
export type ShippingChoice = z.infer<typeof shippingChoice>;

export const coinBalance = z.object({ available: coinAmount, pending: coinAmount });
export type CoinBalance = z.infer<typeof coinBalance>;

/** An opaque continuation token: pass back what the previous page returned as `nextCursor`. */
export const pageCursor = z.string().check(z.minLength(1), z.maxLength(limits.cursorLength));
export type PageCursor = z.infer<typeof pageCursor>;

/** `limit` as it arrives in a query string: a whole number from 1 to 100, without sign or leading zeros. */
export const pageLimit = z.pipe(
  z.string().check(z.regex(/^[1-9]\d{0,2}$/)),
  z.pipe(
    z.transform((text: string) => Number(text)),
    z.int().check(z.minimum(1), z.maximum(limits.pageSize)),
  ),
);
export type PageLimit = z.infer<typeof pageLimit>;

/** The `Idempotency-Key` header of POST, PATCH and DELETE: 1–255 visible ASCII characters. */
export const idempotencyKey = z.string().check(z.regex(/^[!-~]{1,255}$/));
export type IdempotencyKey = z.infer<typeof idempotencyKey>;

/** The `{id}` segment of a path. */
export const idPathParams = z.strictObject({ id: resourceId });
export type IdPathParams = z.infer<typeof idPathParams>;
