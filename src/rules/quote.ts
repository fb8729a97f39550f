/**
 * A quote for an order before checkout: P4 (the member's level discount) and P1/C1 (what
 * completing the order would earn), with the level it would bring the member to. One code for
 * the server's `POST /v1/quotes` and the `member-price` / `points-for-product` elements, so they
 * always agree. It takes only the public terms (levels, points and coins per dollar), never the
 * whole rules configuration, so that a browser bundle can import it without the config schema.
 */
import type { RulesConfig } from './config.ts';
import { eligibleCents, isDiscountable, lineAmountCents, type OrderAmounts } from './levels.ts';
import { percentOfCents, wholeDollars } from './money.ts';

export interface QuoteLevel {
  index: number;
  name: string;
  pointsRequired: number;
  discountPercent: number;
}

/** The public part of the rules that a quote needs (`GET /v1/levels` gives all of it). */
export interface QuoteTerms {
  /** Every level, LV0 first, thresholds rising. */
  levels: readonly QuoteLevel[];
  /** P1: points per whole dollar of the eligible amount. */
  pointsPerDollar: number;
  /** C1: coins per whole dollar of the eligible amount. */
  coinsPerDollar: number;
}

export interface LineQuote {
  sku?: string;
  /** P4 applies to the line: it is neither a partner seller's product nor a special offer. */
  memberDiscountEligible: boolean;
  /** This line's share of the order's member discount; the shares add up to the total. */
  memberDiscountCents: number;
}

export interface OrderQuote {
  level: { index: number; name: string; discountPercent: number };
  memberDiscountCents: number;
  lines: LineQuote[];
  points: number;
  coins: number;
  /** The level completing the order would bring the member to, when it crosses a threshold. */
  levelAfter: { index: number; name: string } | null;
}

export function quoteTermsOf(config: RulesConfig): QuoteTerms {
  return {
    levels: config.levels.map((level, index) => ({
      index,
      name: level.name,
      pointsRequired: level.pointsRequired,
      discountPercent: level.discountPercent,
    })),
    pointsPerDollar: config.points.perDollar,
    coinsPerDollar: config.earning.orderCompleted.coinsPerDollar,
  };
}

/** P3: the highest level whose threshold the points reach. */
export function levelOfPoints(points: number, levels: readonly QuoteLevel[]): QuoteLevel {
  let reached = levels[0]!;
  for (const level of levels) if (points >= level.pointsRequired) reached = level;
  return reached;
}

/**
 * P4 split over the lines it applies to: the total is rounded half up once for the order, and
 * each line gets its exact share rounded down plus one of the leftover cents, largest remainders
 * first (earlier lines win ties), so that the shares always add up to the total.
 */
function discountShares(amounts: readonly number[], eligible: readonly boolean[], percent: number): { total: number; shares: number[] } {
  const discountable = amounts.reduce((sum, cents, i) => (eligible[i] ? sum + cents : sum), 0);
  const total = percentOfCents(discountable, percent);
  const exact = amounts.map((cents, i) => (eligible[i] ? cents * percent : 0)); // in hundredths of a cent
  const shares = exact.map((hundredths) => Math.floor(hundredths / 100));
  let leftover = total - shares.reduce((sum, cents) => sum + cents, 0);
  const byRemainder = exact
    .map((hundredths, i) => ({ i, remainder: hundredths % 100 }))
    .filter(({ i, remainder }) => eligible[i] && remainder > 0)
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (leftover <= 0) break;
    shares[i]! += 1;
    leftover -= 1;
  }
  return { total, shares };
}

/** What an order would cost the member in discount and earn them, at their current points. */
export function quoteOrder(order: OrderAmounts, memberPoints: number, terms: QuoteTerms): OrderQuote {
  const level = levelOfPoints(memberPoints, terms.levels);
  const amounts = order.lines.map(lineAmountCents);
  const eligible = order.lines.map(isDiscountable);
  const discount = discountShares(amounts, eligible, level.discountPercent);
  const dollars = wholeDollars(eligibleCents(order));
  const points = dollars * terms.pointsPerDollar;
  const after = levelOfPoints(memberPoints + points, terms.levels);
  return {
    level: { index: level.index, name: level.name, discountPercent: level.discountPercent },
    memberDiscountCents: discount.total,
    lines: order.lines.map((line, i) => ({
      ...(line.sku === undefined ? {} : { sku: line.sku }),
      memberDiscountEligible: eligible[i]!,
      memberDiscountCents: discount.shares[i]!,
    })),
    points,
    coins: dollars * terms.coinsPerDollar,
    levelAfter: after.index > level.index ? { index: after.index, name: after.name } : null,
  };
}
