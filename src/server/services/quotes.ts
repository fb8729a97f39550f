/**
 * P4 and P1/C1 for a cart before checkout, computed by the same rules code as the `member-price`
 * and `points-for-product` elements, so the checkout and the page always show the same numbers.
 * Nothing is stored, and an unknown member is quoted at LV0.
 */
import type { QuoteBody, QuoteResponse } from '../../api/index.ts';
import { quoteOrder, quoteTermsOf } from '../../rules/index.ts';
import type { Queryable } from '../db/index.ts';
import { findMember } from './members.ts';
import { currentRules } from './rules-store.ts';

export async function quote(q: Queryable, order: QuoteBody): Promise<QuoteResponse> {
  const rules = await currentRules(q);
  const member = await findMember(q, order.memberId);
  const result = quoteOrder(order, member?.points ?? 0, quoteTermsOf(rules));
  return {
    memberId: order.memberId,
    level: result.level,
    memberDiscountCents: result.memberDiscountCents,
    lines: result.lines.map((line, i) => ({
      sku: order.lines[i]!.sku,
      memberDiscountEligible: line.memberDiscountEligible,
      memberDiscountCents: line.memberDiscountCents,
    })),
    points: result.points,
    coins: result.coins,
    levelAfter: result.levelAfter,
  };
}
