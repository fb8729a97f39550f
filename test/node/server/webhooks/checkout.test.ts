/** Checkout: the quote equals what the order then earns (P1, C1, P3) and its discount is P4; coupons are used once. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CartResponse, CouponsResponse, MeResponse, QuoteResponse, RedeemResponse, UseCouponResponse } from '../../../../src/api/index.ts';
import { quoteOrder, quoteTermsOf, defaultRulesConfig } from '../../../../src/rules/index.ts';
import { databaseTargets } from '../../support/databases.ts';
import { send } from '../support/events.ts';
import { startWebhookApp, type WebhookTestApp } from './support.ts';

const lines = [
  { sku: 'board', unitPriceCents: 12_999, quantity: 3, discountCents: 500 },
  { sku: 'partner-kit', unitPriceCents: 4_550, quantity: 1, partnerSellerId: 'maker' },
  { sku: 'flash-sale', unitPriceCents: 1_999, quantity: 2, specialOffer: true },
];

for (const target of databaseTargets()) {
  describe(`checkout (${target.name})`, () => {
    let t: WebhookTestApp;
    before(async () => {
      t = await startWebhookApp(target);
    });
    after(() => t.close());

    test('P4 P1 C1 P3 the quote is what the completed order then earns, and its discount is the member level discount', async () => {
      // A member at Mercury (1% off) with 480 points: this order takes them to Mars.
      await send(t, 'order.completed', 'quoted', { orderId: 'earlier', lines: [{ sku: 'x', unitPriceCents: 48_000, quantity: 1 }], shippingCents: 0 });
      const order = { lines, orderDiscountCents: 700, shippingCents: 1_200 };
      const quoted = await t.shop().post<QuoteResponse>('/v1/quotes', { memberId: 'quoted', ...order });
      assert.equal(quoted.status, 200, quoted.text);
      const before = (await t.shop().get<MeResponse>('/v1/members/quoted')).body;

      // P4: 1% of the discountable lines only (38 497 cents), half up, shared out over those lines.
      assert.deepEqual(quoted.body.level, { index: 1, name: 'Mercury', discountPercent: 1 });
      assert.equal(quoted.body.memberDiscountCents, 385);
      assert.deepEqual(
        quoted.body.lines.map((l) => [l.sku, l.memberDiscountEligible, l.memberDiscountCents]),
        [
          ['board', true, 385],
          ['partner-kit', false, 0],
          ['flash-sale', false, 0],
        ],
      );
      // The same rules code the member-price and points-for-product elements run in the page.
      const inPage = quoteOrder(order, before.points, quoteTermsOf(defaultRulesConfig));
      const { memberId: _memberId, ...quoteOnly } = quoted.body;
      assert.deepEqual(quoteOnly, inPage);

      const earned = await send(t, 'order.completed', 'quoted', { orderId: 'quoted-order', ...order });
      const credited = (currency: string) =>
        earned.credited.filter((c) => c.currency === currency && (c.ruleId === 'P1' || c.ruleId === 'C1')).reduce((s, c) => s + c.amount, 0);
      assert.equal(credited('points'), quoted.body.points);
      assert.equal(credited('coins'), quoted.body.coins);
      const after = (await t.shop().get<MeResponse>('/v1/members/quoted')).body;
      assert.equal(after.points - before.points, quoted.body.points);
      assert.deepEqual(quoted.body.levelAfter, { index: after.level.index, name: after.level.name });
      assert.deepEqual(quoted.body.levelAfter, { index: 2, name: 'Mars' });
    });

    test('P4 an unknown member is quoted at LV0, and nothing is stored', async () => {
      const quoted = await t
        .shop()
        .post<QuoteResponse>('/v1/quotes', { memberId: 'never-seen', lines: [{ sku: 'a', unitPriceCents: 1_000, quantity: 1 }], shippingCents: 0 });
      assert.deepEqual(
        [quoted.body.level.index, quoted.body.memberDiscountCents, quoted.body.points, quoted.body.levelAfter],
        [0, 0, 10, { index: 1, name: 'Mercury' }],
      );
      assert.equal((await t.shop().get('/v1/members/never-seen')).status, 404);
      assert.equal((await t.member('never-seen').post('/v1/quotes', { memberId: 'never-seen', lines: [], shippingCents: 0 })).status, 403);
    });

    test("S1 the shop reads a member's cart to ship its gifts; order.completed's redemptionItemIds makes them non-removable", async () => {
      const cart = await t.shop().get<CartResponse>('/v1/members/quoted/cart');
      assert.deepEqual(
        cart.body.items.map((i) => [i.kind, i.removable]),
        [
          ['upgrade_gift', false],
          ['upgrade_gift', false],
        ],
      );
      await t.shop().put('/v1/catalog/mug', { kind: 'product', name: 'Mug', description: '', imageUrl: null, coins: 50, stock: 5 });
      const redeemed = await t.member('quoted').post<RedeemResponse>('/v1/me/redemptions', { catalogItemId: 'mug' });
      const mug = redeemed.body.cartItem!.id;
      assert.equal((await t.shop().get<CartResponse>('/v1/members/quoted/cart')).body.items.find((i) => i.id === mug)?.removable, true);
      await send(t, 'order.completed', 'quoted', {
        orderId: 'ships-mug',
        lines: [{ sku: 'x', unitPriceCents: 100, quantity: 1 }],
        shippingCents: 0,
        redemptionItemIds: [mug],
      });
      assert.equal((await t.shop().get<CartResponse>('/v1/members/quoted/cart')).body.items.find((i) => i.id === mug)?.removable, false);
    });

    test('S2 a coupon used twice for one order answers the same; for another order 409 coupon_used; another member’s code 404', async () => {
      await t
        .shop()
        .put('/v1/catalog/five-off', { kind: 'coupon', name: '$5 off', description: '', imageUrl: null, coins: 20, stock: 10, couponValueCents: 500 });
      const { coupon } = (await t.member('quoted').post<RedeemResponse>('/v1/me/redemptions', { catalogItemId: 'five-off' })).body;
      const code = coupon!.code;

      const first = await t.shop().post<UseCouponResponse>(`/v1/coupons/${code}/uses`, { memberId: 'quoted', orderId: 'with-coupon' });
      assert.equal(first.status, 201, first.text);
      assert.deepEqual(first.body, { code, valueCents: 500, memberId: 'quoted', orderId: 'with-coupon', usedAt: t.clock.now().toISOString() });
      t.clock.advance(60_000);
      const again = await t.shop().post<UseCouponResponse>(`/v1/coupons/${code}/uses`, { memberId: 'quoted', orderId: 'with-coupon' });
      assert.deepEqual([again.status, again.body], [201, first.body]);

      const other = await t.shop().post<{ code: string }>(`/v1/coupons/${code}/uses`, { memberId: 'quoted', orderId: 'another-order' });
      assert.deepEqual([other.status, other.body.code], [409, 'coupon_used']);
      const stranger = await t.shop().post<{ code: string }>(`/v1/coupons/${code}/uses`, { memberId: 'someone-else', orderId: 'with-coupon' });
      assert.deepEqual([stranger.status, stranger.body.code], [404, 'not_found']);
      const unknown = await t.shop().post<{ code: string }>('/v1/coupons/NO-SUCH-CODE/uses', { memberId: 'quoted', orderId: 'x' });
      assert.equal(unknown.status, 404);

      const expected = [{ code, valueCents: 500, createdAt: coupon!.createdAt, usedAt: first.body.usedAt, orderId: 'with-coupon' }];
      assert.deepEqual((await t.shop().get<CouponsResponse>('/v1/members/quoted/coupons')).body.coupons, expected);
      assert.deepEqual((await t.member('quoted').get<CouponsResponse>('/v1/me/coupons')).body.coupons, expected);
    });
  });
}
