import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultRulesConfig, memberDiscount, orderPoints, quoteOrder, quoteTermsOf } from '../../../src/rules/index.ts';

const terms = quoteTermsOf(defaultRulesConfig);

describe('quoteOrder (P4, P1/C1 before checkout)', () => {
  it('P4: a Venus member gets 3% on the lines it applies to, rounded half up once per order', () => {
    const lines = [
      { sku: 'a', unitPriceCents: 1050, quantity: 1 },
      { sku: 'b', unitPriceCents: 1050, quantity: 1 },
      { sku: 'c', unitPriceCents: 5000, quantity: 1, partnerSellerId: 's1' },
      { sku: 'd', unitPriceCents: 999, quantity: 2, specialOffer: true },
    ];
    const quote = quoteOrder({ lines, shippingCents: 500 }, 2000, terms);
    assert.deepEqual(quote.level, { index: 3, name: 'Venus', discountPercent: 3 });
    // 2100 × 3% = 63 exactly; per line 31.5 each → 32 + 31.
    assert.equal(quote.memberDiscountCents, 63);
    assert.equal(quote.memberDiscountCents, memberDiscount(lines, 3, defaultRulesConfig).discountCents);
    assert.deepEqual(
      quote.lines.map((l) => [l.sku, l.memberDiscountEligible, l.memberDiscountCents]),
      [
        ['a', true, 32],
        ['b', true, 31],
        ['c', false, 0],
        ['d', false, 0],
      ],
    );
  });

  it('P4: line shares always add up to the order total', () => {
    for (let percent = 1; percent <= 6; percent++) {
      const lines = [333, 1, 50, 999, 10, 12345].map((cents, i) => ({ sku: `s${i}`, unitPriceCents: cents, quantity: 1 + (i % 3) }));
      const level = terms.levels.find((l) => l.discountPercent === percent)!;
      const quote = quoteOrder({ lines, shippingCents: 0 }, level.pointsRequired, terms);
      assert.equal(
        quote.lines.reduce((sum, l) => sum + l.memberDiscountCents, 0),
        quote.memberDiscountCents,
      );
      assert.equal(quote.memberDiscountCents, memberDiscount(lines, level.index, defaultRulesConfig).discountCents);
    }
  });

  it('P1/C1: the quote earns what the completed order earns, and names the level it reaches', () => {
    const order = { lines: [{ unitPriceCents: 129_99, quantity: 4 }], orderDiscountCents: 100, shippingCents: 900 };
    const quote = quoteOrder(order, 0, terms);
    assert.equal(quote.points, orderPoints('o1', order, defaultRulesConfig).points);
    assert.equal(quote.points, 518);
    assert.equal(quote.coins, 518);
    assert.equal(quote.level.index, 0);
    assert.deepEqual(quote.levelAfter, { index: 2, name: 'Mars' });
  });

  it('P3: no levelAfter when the order stays within the level', () => {
    assert.equal(quoteOrder({ lines: [{ unitPriceCents: 100, quantity: 1 }] }, 10, terms).levelAfter, null);
  });
});
