/**
 * One product line quoted with the same code as the server's `POST /v1/quotes` (src/rules/quote.ts,
 * imported directly: the rules index would bring the configuration schema into the bundle), from
 * the public terms of `GET /v1/levels` and the member's points. Loaded on demand
 * (`orderQuotes` in product-line.ts).
 */
import type { LevelsResponse } from '../../api/public.ts';
import { quoteOrder, type OrderQuote } from '../../rules/quote.ts';
import type { ProductLine } from './product-line.ts';

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
