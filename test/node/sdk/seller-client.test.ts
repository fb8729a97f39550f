/**
 * A partner seller's backstage through the member client (a member token of a seller).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createRewardsClient, isRewardsError } from '../../../src/sdk/index.ts';
import { createRewardsStore } from '../../../src/store/index.ts';
import { startReferenceServer, type ReferenceServer } from '../../browser/support/reference-server.ts';

describe('seller calls', () => {
  let server: ReferenceServer;
  before(async () => {
    server = await startReferenceServer();
  });
  after(() => server.close());

  test('M1 M3 M4 M6 a first sale pays 95% into store credit at once, which the seller sees and withdraws', async () => {
    const seller = await server.newMember({ displayName: 'Parts Co' });
    const buyer = await server.newMember();
    const orderId = `order-${seller.memberId}`;
    await server.shop.sendEvent({
      id: `${orderId}-completed`,
      type: 'order.completed',
      memberId: buyer.memberId,
      occurredAt: new Date().toISOString(),
      data: { orderId, lines: [{ sku: 'stepper-motor', unitPriceCents: 10_000, quantity: 1, partnerSellerId: seller.memberId }], shippingCents: 0 },
    });
    const client = createRewardsClient({ baseUrl: server.url, getToken: () => seller.token });

    const me = await client.getSellerMe();
    assert.equal(me.sellerId, seller.memberId);
    assert.equal(me.storeCreditCents, 9_500);
    const orders = await client.getSellerOrders();
    assert.deepEqual(
      orders.orders.map((order) => [order.orderId, order.grossCents, order.feeCents, order.netCents]),
      [[orderId, 10_000, 500, 9_500]],
    );
    const products = await client.getSellerProducts();
    assert.ok(products.products.some((product) => product.sku === 'stepper-motor'));

    const store = createRewardsStore();
    try {
      const viaSession = await store.session({ api: server.url, getToken: () => seller.token }).client.getSellerMe();
      assert.deepEqual(viaSession, me, "a store session's client makes the calls the stores do not hold");
    } finally {
      store.dispose();
    }

    const withdrawn = await client.withdraw(1_000);
    assert.equal(withdrawn.storeCreditCents, 8_500);
    await assert.rejects(client.withdraw(1_000_000), (error) => isRewardsError(error, 'insufficient_funds'));
  });

  test('a member who is not a seller is forbidden', async () => {
    const member = await server.newMember();
    const client = createRewardsClient({ baseUrl: server.url, getToken: () => member.token });
    await assert.rejects(client.getSellerMe(), (error) => isRewardsError(error, 'forbidden') && error.status === 403);
  });

  test('M6 the shop names a seller, reads their statement, and reports a withdrawal failed; the seller sees the status', async () => {
    const seller = await server.newMember();
    const named = await server.shop.putSeller(seller.memberId, 'Parts Co');
    assert.deepEqual(named, { sellerId: seller.memberId, displayName: 'Parts Co' });
    const buyer = await server.newMember();
    const orderId = `order-${seller.memberId}`;
    await server.shop.sendEvent({
      id: `${orderId}-completed`,
      type: 'order.completed',
      memberId: buyer.memberId,
      occurredAt: new Date().toISOString(),
      data: { orderId, lines: [{ sku: 'kit', unitPriceCents: 2_000, quantity: 1, partnerSellerId: seller.memberId }], shippingCents: 0 },
    });
    const client = createRewardsClient({ baseUrl: server.url, getToken: () => seller.token });
    const { withdrawal } = await client.withdraw(500);
    assert.equal(withdrawal.status, 'requested');
    const settled = await server.shop.settleWithdrawal(seller.memberId, withdrawal.id, 'failed');
    assert.deepEqual([settled.withdrawal.status, settled.storeCreditCents], ['failed', 1_900]);
    assert.deepEqual(
      (await client.getSellerWithdrawals()).withdrawals.map((w) => [w.id, w.status]),
      [[withdrawal.id, 'failed']],
    );
    assert.deepEqual(await server.shop.getSeller(seller.memberId), await client.getSellerMe());
    await assert.rejects(server.shop.settleWithdrawal(seller.memberId, withdrawal.id, 'paid'), (error) => isRewardsError(error, 'already_settled'));
    assert.ok(Array.isArray((await server.shop.getPayoutRuns()).runs));
  });
});
