/**
 * A product line as `member-price` and `points-for-product` take it from their attributes, and
 * its quote, loaded on demand: the quote rules (src/rules/quote.ts) are only needed once the
 * levels have arrived from the store, which loads on demand too.
 */
import { onDemand } from '../shared/on-demand.ts';

export interface ProductLine {
  /** Price of one unit in minor units of the currency. */
  unitPriceCents: number;
  quantity: number;
  partnerSeller: boolean;
  specialOffer: boolean;
}

/** `quoteLine` and what it needs; `orderQuotes.module` is undefined until it has arrived. */
export const orderQuotes = onDemand(() => import('./order-quote.ts'));

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
