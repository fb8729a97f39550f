/**
 * Points and levels: P1 points from completed orders, P3 levels, P4 member discount, P5 upgrade
 * gifts, P6 the member summary and P7 refunds. Points are never consumed (P2): nothing outside
 * P7 produces a negative points entry.
 */
import type { GiftConfig, RulesConfig } from './config.ts';
import { credit, refuse, type Credit, type Refusal } from './decisions.ts';
import { assertNonNegativeWholeNumber, percentOfCents, wholeDollars } from './money.ts';

export interface OrderLine {
  sku?: string;
  unitPriceCents: number;
  quantity: number;
  /** Discount on this line, in cents. */
  discountCents?: number;
  /** Set when a partner seller sells the product (no member discount, a seller fee). */
  partnerSellerId?: string | null;
  /** A special offer gets no member discount. */
  specialOffer?: boolean;
}

export interface OrderAmounts {
  lines: readonly OrderLine[];
  orderDiscountCents?: number;
  /** Never earns points; listed so callers can pass a whole order. */
  shippingCents?: number;
}

/** What a line costs after its own discount, never below zero. */
export function lineAmountCents(line: OrderLine): number {
  assertNonNegativeWholeNumber(line.unitPriceCents, 'unitPriceCents');
  assertNonNegativeWholeNumber(line.quantity, 'quantity');
  assertNonNegativeWholeNumber(line.discountCents ?? 0, 'discountCents');
  return Math.max(0, line.unitPriceCents * line.quantity - (line.discountCents ?? 0));
}

/** P1: the product price actually paid — lines after discounts, minus the order discount, without shipping. */
export function eligibleCents(order: OrderAmounts): number {
  const orderDiscount = order.orderDiscountCents ?? 0;
  assertNonNegativeWholeNumber(orderDiscount, 'orderDiscountCents');
  const lines = order.lines.reduce((sum, line) => sum + lineAmountCents(line), 0);
  return Math.max(0, lines - orderDiscount);
}

/** P1: points for an eligible amount — one per whole dollar by default ($12.99 → 12). */
export function pointsForCents(cents: number, config: RulesConfig): number {
  return wholeDollars(cents) * config.points.perDollar;
}

export interface OrderPoints {
  eligibleCents: number;
  points: number;
  /** The P1 entry to store (empty when the order earns no points). */
  credits: Credit[];
}

/** P1: the points a completed order earns; once per order. */
export function orderPoints(orderId: string, order: OrderAmounts, config: RulesConfig): OrderPoints {
  const cents = eligibleCents(order);
  const points = pointsForCents(cents, config);
  return {
    eligibleCents: cents,
    points,
    credits: points > 0 ? [credit('P1', 'points', points, { onceKey: orderId, ref: orderId })] : [],
  };
}

export interface LevelInfo {
  index: number;
  name: string;
  pointsRequired: number;
  discountPercent: number;
}

/** P3: every level, for display (`GET /v1/levels`). */
export function levelsList(config: RulesConfig): LevelInfo[] {
  return config.levels.map((level, index) => ({ index, name: level.name, pointsRequired: level.pointsRequired, discountPercent: level.discountPercent }));
}

export function levelInfo(index: number, config: RulesConfig): LevelInfo {
  const level = config.levels[index];
  if (!level) throw new RangeError(`no level ${index}`);
  return { index, name: level.name, pointsRequired: level.pointsRequired, discountPercent: level.discountPercent };
}

/** P3: the level that lifetime points reach (thresholds are inclusive). */
export function levelForPoints(points: number, config: RulesConfig): number {
  assertNonNegativeWholeNumber(points, 'points');
  let reached = 0;
  config.levels.forEach((level, index) => {
    if (points >= level.pointsRequired) reached = index;
  });
  return reached;
}

export interface NextLevel {
  index: number;
  name: string;
  pointsRequired: number;
  pointsToGo: number;
}

/** P3/P6: the next level and the points still missing; null at the top level. */
export function nextLevel(points: number, config: RulesConfig): NextLevel | null {
  const index = levelForPoints(points, config) + 1;
  const next = config.levels[index];
  if (!next) return null;
  return { index, name: next.name, pointsRequired: next.pointsRequired, pointsToGo: next.pointsRequired - points };
}

export interface MemberDiscount {
  percent: number;
  /** The sum of the lines the discount applies to. */
  discountableCents: number;
  discountCents: number;
}

/** Lines that get the member discount: neither a partner seller's product nor a special offer. */
export function isDiscountable(line: OrderLine): boolean {
  return !line.partnerSellerId && !line.specialOffer;
}

/** P4: the member discount of an order, rounded half up once for the whole order. */
export function memberDiscount(lines: readonly OrderLine[], levelIndex: number, config: RulesConfig): MemberDiscount {
  const percent = levelInfo(levelIndex, config).discountPercent;
  const discountableCents = lines.filter(isDiscountable).reduce((sum, line) => sum + lineAmountCents(line), 0);
  return { percent, discountableCents, discountCents: percentOfCents(discountableCents, percent) };
}

export interface UpgradeGift extends GiftConfig {
  level: number;
}

export interface LevelsReached {
  /** Levels reached for the first time, lowest first. */
  levels: number[];
  /** One gift per newly reached level that has a gift configured. */
  gifts: UpgradeGift[];
  /** The new highest level ever reached (to store). */
  highestLevelReached: number;
}

/**
 * P5: the levels that `points` reaches for the first time, given the highest level the member
 * ever reached. Reaching a level again after a refund drop gives nothing.
 */
export function levelsReachedForFirstTime(highestLevelReached: number, points: number, config: RulesConfig): LevelsReached {
  assertNonNegativeWholeNumber(highestLevelReached, 'highestLevelReached');
  const current = levelForPoints(points, config);
  const levels: number[] = [];
  for (let index = highestLevelReached + 1; index <= current; index++) levels.push(index);
  const gifts = levels.flatMap((index) => {
    const gift = config.levels[index]?.gift;
    return gift ? [{ level: index, ...gift }] : [];
  });
  return { levels, gifts, highestLevelReached: Math.max(highestLevelReached, current) };
}

export interface MemberSummary {
  points: number;
  level: { index: number; name: string; discountPercent: number };
  nextLevel: NextLevel | null;
}

/** P6: what a member always sees of their standing. */
export function memberSummary(points: number, config: RulesConfig): MemberSummary {
  const level = levelInfo(levelForPoints(points, config), config);
  return { points, level: { index: level.index, name: level.name, discountPercent: level.discountPercent }, nextLevel: nextLevel(points, config) };
}

export interface CompletedOrderFacts {
  orderId: string;
  /** The P1 eligible amount recorded when the order completed. */
  eligibleCents: number;
  pointsEarned: number;
  /** C1 coins the order earned. */
  coinsEarned: number;
  /** Eligible cents already refunded by earlier refunds of this order. */
  refundedCentsBefore: number;
}

export interface RefundReversal {
  ok: true;
  /** The part of this refund that counts: never more than what is left to refund. */
  refundedEligibleCents: number;
  pointsReversed: number;
  /** Coins actually taken back. */
  coinsReversed: number;
  /** Coins that could not be taken back because the balance would go below zero. */
  coinShortfall: number;
  credits: Credit[];
}

/**
 * P7: reverse the points and order coins that the refunded amount earned. Partial refunds
 * count cumulatively (two refunds of $1.50 reverse 3 points, as one of $3.00 would), and never
 * reverse more than the order earned. Coins stop at zero and the rest is a shortfall.
 */
export function refundReversal(order: CompletedOrderFacts, refundCents: number, coinsAvailable: number, config: RulesConfig): RefundReversal | Refusal {
  if (!Number.isSafeInteger(refundCents) || refundCents < 1) return refuse('invalid_request', 'a refund is a whole number of cents, at least 1');
  assertNonNegativeWholeNumber(coinsAvailable, 'coinsAvailable');
  const before = Math.min(order.refundedCentsBefore, order.eligibleCents);
  const after = Math.min(before + refundCents, order.eligibleCents);
  const reversedBy = (cents: number, perDollar: number, earned: number) => Math.min(earned, wholeDollars(cents) * perDollar);
  const pointsReversed = reversedBy(after, config.points.perDollar, order.pointsEarned) - reversedBy(before, config.points.perDollar, order.pointsEarned);
  const coinsDue =
    reversedBy(after, config.earning.orderCompleted.coinsPerDollar, order.coinsEarned) -
    reversedBy(before, config.earning.orderCompleted.coinsPerDollar, order.coinsEarned);
  const coinsReversed = Math.min(coinsDue, coinsAvailable);
  const coinShortfall = coinsDue - coinsReversed;
  // The cumulative refunded amount names the reversal, so a repeated refund cannot reverse twice.
  const onceKey = `${order.orderId}@${after}`;
  const credits: Credit[] = [];
  if (pointsReversed > 0) credits.push(credit('P7', 'points', -pointsReversed, { onceKey, ref: order.orderId }));
  if (coinsDue > 0) credits.push({ ...credit('P7', 'coins', 0 - coinsReversed, { onceKey, ref: order.orderId }), shortfall: coinShortfall });
  return { ok: true, refundedEligibleCents: after - before, pointsReversed, coinsReversed, coinShortfall, credits };
}
