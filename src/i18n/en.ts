/**
 * English: the source of truth for the set of messages. Every other catalog must have
 * exactly these keys (the `Catalog` type enforces it) and the same placeholders.
 *
 * It is the union of its parts: the faces and levels every element shows (`en-core.ts`), groups
 * several elements share (`en-actions.ts`, `en-amounts.ts`, `en-status.ts`) and one part per
 * element (`en-<tag>.ts`). An element bundles only the parts it reads, never this whole catalog;
 * `test/node/elements/english-messages.test.ts` checks that its parts hold every message it reads.
 *
 * Plural messages are chosen by the number in `{n}`. Weekday and month names are not
 * here: they come from `Intl` (see `elements/shared/format.ts`).
 */
import enActions from './en-actions.ts';
import enAmounts from './en-amounts.ts';
import enCheckInCalendar from './en-check-in-calendar.ts';
import enCheckInCalendarReady from './en-check-in-calendar-ready.ts';
import enCoinBalance from './en-coin-balance.ts';
import enCoinHistory from './en-coin-history.ts';
import enCoinHistoryReady from './en-coin-history-ready.ts';
import enCore from './en-core.ts';
import enEarnCoinsList from './en-earn-coins-list.ts';
import enLevelProgress from './en-level-progress.ts';
import enMemberPrice from './en-member-price.ts';
import enPointsForProduct from './en-points-for-product.ts';
import enProjectDonate from './en-project-donate.ts';
import enProjectDonateReady from './en-project-donate-ready.ts';
import enRedemptionCart from './en-redemption-cart.ts';
import enRedemptionCartReady from './en-redemption-cart-ready.ts';
import enRewardCatalog from './en-reward-catalog.ts';
import enRewardCatalogReady from './en-reward-catalog-ready.ts';
import enSellerDashboard from './en-seller-dashboard.ts';
import enSellerDashboardReady from './en-seller-dashboard-ready.ts';
import enStatus from './en-status.ts';
import type { Message, MessagePlaceholders } from './message.ts';

const en = {
  ...enCore,
  ...enActions,
  ...enAmounts,
  ...enStatus,
  ...enCheckInCalendar,
  ...enCheckInCalendarReady,
  ...enCoinBalance,
  ...enCoinHistory,
  ...enCoinHistoryReady,
  ...enEarnCoinsList,
  ...enLevelProgress,
  ...enMemberPrice,
  ...enPointsForProduct,
  ...enProjectDonate,
  ...enProjectDonateReady,
  ...enRedemptionCart,
  ...enRedemptionCartReady,
  ...enRewardCatalog,
  ...enRewardCatalogReady,
  ...enSellerDashboard,
  ...enSellerDashboardReady,
} as const;

export type EnglishCatalog = typeof en;
export type MessageKey = keyof EnglishCatalog;

/** A catalog: every English key, each with a message (plural forms are per language). */
export type Catalog = { readonly [K in MessageKey]: Message };

/**
 * A translated catalog, checked at compile time: every English key, no other key, and in
 * each message exactly the placeholders of the English one (a key whose placeholders differ
 * is reported as not assignable to `never`).
 */
export type CheckedCatalog<C extends Catalog> = {
  readonly [K in MessageKey]: SameSet<MessagePlaceholders<C[K]>, MessagePlaceholders<EnglishCatalog[K]>> extends true ? C[K] : never;
};

type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export default en;
