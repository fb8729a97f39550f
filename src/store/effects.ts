/**
 * How a mutation's answer (or its expected outcome, for optimistic changes) changes the data
 * other stores hold, so that every element showing it follows at once without asking the
 * server again. Pure functions: data in, new data out, the input never modified.
 */
import type { CoinBalance } from '../api/common.ts';
import type { CartResponse, CheckInsResponse, EarningResponse, LedgerEntry, MeResponse, RedemptionCartItem, UpgradeGiftCartItem } from '../api/member.ts';
import type { CatalogResponse, Donation, ProjectDonationsResponse } from '../api/public.ts';
import type { LedgerPages } from './state.ts';

/** The rule ids a check-in credits under: the daily check-in and its monthly bonus. */
const CHECK_IN_RULES = new Set(['C6', 'C7']);

export function withCoins(account: MeResponse, coins: CoinBalance): MeResponse {
  return { ...account, coins };
}

/** Available coins moved by `delta` (never below zero), for optimistic changes. */
export function withAvailableCoinsMoved(account: MeResponse, delta: number): MeResponse {
  return { ...account, coins: { ...account.coins, available: Math.max(0, account.coins.available + delta) } };
}

/**
 * A check-in on `day` in the month's calendar: the day marked, and every bonus tier whose count
 * the month has now reached marked earned. Other months are returned unchanged.
 */
export function withCheckIn(month: CheckInsResponse, day: string): CheckInsResponse {
  if (!day.startsWith(`${month.month}-`)) return month;
  if (month.days.includes(day)) {
    return day === month.today && !month.checkedInToday ? { ...month, checkedInToday: true } : month;
  }
  const days = [...month.days, day].sort();
  return {
    ...month,
    days,
    checkedInToday: month.checkedInToday || day === month.today,
    bonuses: month.bonuses.map((bonus) => (bonus.earned || days.length < bonus.atCount ? bonus : { ...bonus, earned: true })),
  };
}

/**
 * Today's progress after a check-in credited `coins` under C6/C7, for progress lists that
 * track those rules; `undefined` when the progress is of another day and must be fetched again.
 */
export function withCheckInEarning(earning: EarningResponse, day: string, credited: ReadonlyMap<string, number>): EarningResponse | undefined {
  if (earning.day !== day) return undefined;
  if (!earning.rules.some((rule) => CHECK_IN_RULES.has(rule.ruleId) && (credited.get(rule.ruleId) ?? 0) > 0)) return earning;
  return {
    ...earning,
    rules: earning.rules.map((rule) => {
      const coins = credited.get(rule.ruleId) ?? 0;
      return coins > 0 ? { ...rule, earnedToday: Math.min(rule.cap, rule.earnedToday + coins) } : rule;
    }),
  };
}

/** The catalog with one item's stock moved by `delta` (never below zero). */
export function withStockMoved(catalog: CatalogResponse, catalogItemId: string, delta: number): CatalogResponse {
  if (!catalog.items.some((item) => item.id === catalogItemId)) return catalog;
  return {
    ...catalog,
    items: catalog.items.map((item) => (item.id === catalogItemId ? { ...item, stock: Math.max(0, item.stock + delta) } : item)),
  };
}

export function withCartItemAdded(cart: CartResponse, item: RedemptionCartItem): CartResponse {
  if (cart.items.some((other) => other.id === item.id)) return cart;
  return { ...cart, items: [...cart.items, item] };
}

export function withCartItemRemoved(cart: CartResponse, itemId: string): CartResponse {
  if (!cart.items.some((item) => item.id === itemId)) return cart;
  return { ...cart, items: cart.items.filter((item) => item.id !== itemId) };
}

export function withCartItemReplaced(cart: CartResponse, replacement: UpgradeGiftCartItem): CartResponse {
  if (!cart.items.some((item) => item.id === replacement.id)) return cart;
  return { ...cart, items: cart.items.map((item) => (item.id === replacement.id ? replacement : item)) };
}

export function withGiftShipping(cart: CartResponse, itemId: string, shipping: UpgradeGiftCartItem['shipping']): CartResponse {
  return {
    ...cart,
    items: cart.items.map((item) => (item.id === itemId && item.kind === 'upgrade_gift' ? { ...item, shipping } : item)),
  };
}

/** A project's donations after one more: the total grows and the donation leads the recent list. */
export function withDonation(donations: ProjectDonationsResponse, donation: Donation): ProjectDonationsResponse {
  if (donations.recent.some((other) => other.id === donation.id)) return donations;
  const recent = [donation, ...donations.recent].slice(0, Math.max(donations.recent.length, 1));
  return { ...donations, totalCoins: donations.totalCoins + donation.coins, recent };
}

export function withDonatedCoins(donations: ProjectDonationsResponse, coins: number): ProjectDonationsResponse {
  return { ...donations, totalCoins: donations.totalCoins + coins };
}

/**
 * A fresh first page joined to the pages already loaded. When the fresh page ends inside what
 * was loaded, the older pages stay (with their cursor); when more than a page of new entries
 * arrived, only the fresh page is kept, since a gap cannot be shown.
 */
export function mergeLedgerFirstPage(fresh: LedgerPages, kept: LedgerPages | undefined): LedgerPages {
  if (!kept || fresh.nextCursor === null) return fresh;
  const last = fresh.entries.at(-1);
  const at = last ? kept.entries.findIndex((entry) => entry.id === last.id) : -1;
  if (at < 0) return fresh;
  return { entries: [...fresh.entries, ...kept.entries.slice(at + 1)], nextCursor: kept.nextCursor };
}

/** The loaded pages with the next page after them. */
export function withLedgerPage(pages: LedgerPages, next: { entries: readonly LedgerEntry[]; nextCursor: string | null }): LedgerPages {
  const known = new Set(pages.entries.map((entry) => entry.id));
  return { entries: [...pages.entries, ...next.entries.filter((entry) => !known.has(entry.id))], nextCursor: next.nextCursor };
}
