/** The shop client's checkout and webhook calls against the reference server, answers validated by the SDK. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRewardsClient, isRewardsError } from '../../../src/sdk/index.ts';
import { startReferenceServer, type ReferenceServer } from '../../browser/support/reference-server.ts';

describe('shop client: checkout and webhooks', () => {
  let server: ReferenceServer;
  before(async () => {
    server = await startReferenceServer();
  });
  after(() => server.close());

  test('P4 S2 quote, cart, coupons and a coupon use, through the SDK', async () => {
    const { memberId, token } = await server.newMember({ coins: 300 });
    const quote = await server.shop.createQuote({ memberId, lines: [{ sku: 'a', unitPriceCents: 10_000, quantity: 1 }], shippingCents: 0 });
    assert.deepEqual([quote.level.index, quote.memberDiscountCents, quote.points, quote.coins], [1, 100, 100, 100]);

    await server.shop.putCatalogItem('sdk-coupon', {
      kind: 'coupon',
      name: '$3 off',
      description: '',
      imageUrl: null,
      coins: 100,
      stock: 5,
      couponValueCents: 300,
    });
    const member = createRewardsClient({ baseUrl: server.url, getToken: () => token });
    const { coupon } = await member.redeem('sdk-coupon');
    const used = await server.shop.useCoupon(coupon!.code, { memberId, orderId: 'sdk-order' });
    assert.equal(used.orderId, 'sdk-order');
    assert.deepEqual(
      (await server.shop.getMemberCoupons(memberId)).coupons.map((c) => [c.code, c.orderId]),
      [[coupon!.code, 'sdk-order']],
    );
    await assert.rejects(server.shop.useCoupon(coupon!.code, { memberId, orderId: 'other' }), (error) => isRewardsError(error) && error.code === 'coupon_used');
    assert.deepEqual(
      (await server.shop.getMemberCart(memberId)).items.map((i) => i.kind),
      ['upgrade_gift'],
    );
  });

  test('webhook endpoints: put, list, deliveries, retry, delete', async () => {
    const put = await server.shop.putWebhook('sdk-hook', { url: 'http://127.0.0.1:9/never', events: ['coupon.issued'] });
    assert.ok(put.secret.startsWith('whsec_'));
    assert.deepEqual((await server.shop.getWebhooks()).webhooks, [
      { id: 'sdk-hook', url: 'http://127.0.0.1:9/never', events: ['coupon.issued'], enabled: true },
    ]);
    const { memberId, token } = await server.newMember({ coins: 300 });
    await createRewardsClient({ baseUrl: server.url, getToken: () => token }).redeem('sdk-coupon');
    const log = await server.shop.getWebhookDeliveries('sdk-hook');
    assert.equal(log.deliveries.length, 1, memberId);
    const retried = await server.shop.retryWebhookDelivery('sdk-hook', log.deliveries[0]!.id);
    assert.equal(retried.status, 'pending');
    assert.deepEqual(await server.shop.deleteWebhook('sdk-hook'), { id: 'sdk-hook', deleted: true });
  });
});
