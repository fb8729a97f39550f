/**
 * One product line quoted with the same code as the server's `POST /v1/quotes` (src/rules/quote.ts,
 * imported directly: the rules index would bring the configuration schema into the bundle), from
 * the public terms of `GET /v1/levels` and the member's points.
 */
import type { LevelsResponse } from '../../api/public.ts';
import { quoteOrder, type OrderQuote } from '../../rules/quote.ts';

export interface ProductLine {
  /** Price of one unit in minor units of the currency. */
  unitPriceCents: number;
  quantity: number;
  partnerSeller: boolean;
  specialOffer: boolean;
}

/** The quote of one line for a member with `points` lifetime points (0 for a visitor). */
export function quoteLine(line: ProductLine, points: number, terms: LevelsResponse): OrderQuote {
  return quoteOrder(
    {
      lines: [
        {
          unitPriceCents: line.unitPriceCents,
          quantity: line.quantity,
          partnerSellerId: line.partnerSeller ? 'partner-seller' : null,
          specialOffer: line.specialOffer,
        },
      ],
    },
    points,
    terms,
  );
}

/** A count the rules accept: a whole number from 0 up to what stays exact in arithmetic. */
export function isWholeAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 1e12;
}

/** Whether `Intl` knows the currency code (`USD`, `CNY`, `JPY`…). */
export function isCurrency(code: string): boolean {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return /^[A-Za-z]{3}$/.test(code);
  } catch {
    return false;
  }
}
