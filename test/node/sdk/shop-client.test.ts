/**
 * The shop backend's client in Node, against the reference server started in-process: every
 * event type of the contract, the catalog, the rules and payouts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CreditedEntry, EventType, ShopEvent } from '../../../src/api/events.ts';
import { eventTypes } from '../../../src/api/events.ts';
import { createShopClient, isRewardsError } from '../../../src/sdk/index.ts';
import { startReferenceServer, type ReferenceServer } from '../../browser/support/reference-server.ts';

const day = (offsetHours = 0) => new Date(Date.now() + offsetHours * 3_600_000).toISOString();

/** A credited entry as `currency:ruleId:amount:status`, to compare lists at a glance. */
const describeEntry = (entry: CreditedEntry) => `${entry.currency}:${entry.ruleId}:${entry.amount}:${entry.status}`;

describe('shop client', () => {
  let server: ReferenceServer;
  before(async () => {
    server = await startReferenceServer();
  });
  after(() => server.close());

  test('C20 sends every event type of the contract; a second delivery is a duplicate that credits nothing', async () => {
    const inviter = await server.newMember();
    const memberId = `shop-events-${Date.now()}`;
    const sent = new Set<EventType>();
    let sequence = 0;
    const send = async (event: Omit<ShopEvent, 'id' | 'memberId' | 'occurredAt'> & { memberId?: string; occurredAt?: string }) => {
      sequence += 1;
      const full = { id: `${memberId}-${sequence}`, memberId, occurredAt: day(), ...event } as ShopEvent;
      const answer = await server.shop.sendEvent(full);
      assert.equal(answer.duplicate, false, `${full.type} is new`);
      const before = await server.shop.getMember(memberId);
      const again = await server.shop.sendEvent(full);
      assert.equal(again.duplicate, true, `${full.type} delivered twice`);
      assert.deepEqual(await server.shop.getMember(memberId), before, `${full.type} delivered twice credits nothing more`);
      sent.add(full.type);
      return answer.credited.map(describeEntry);
    };

    assert.deepEqual(await send({ type: 'member.registered', data: { displayName: 'Kai', invitedBy: inviter.memberId } }), []);
    assert.deepEqual(await send({ type: 'bom.uploaded', data: { orderId: 'o-1' } }), ['coins:C12:200:pending']);
    assert.deepEqual(await send({ type: 'pcba.test_file_uploaded', data: { orderId: 'o-1' } }), ['coins:C13:50:pending']);
    const completed = await send({
      type: 'order.completed',
      data: { orderId: 'o-1', lines: [{ sku: 'pcb-10', unitPriceCents: 1299, quantity: 1 }], shippingCents: 500 },
    });
    assert.ok(completed.includes('points:P1:12:available'), completed.join());
    assert.ok(completed.includes('coins:C1:12:available'), completed.join());
    const refunded = await send({ type: 'order.refunded', data: { orderId: 'o-1', refundedCents: 500, reason: 'manufacturing' } });
    assert.ok(
      refunded.some((entry) => entry.startsWith('points:') && entry.includes(':-5:')),
      refunded.join(),
    );
    assert.ok(
      refunded.some((entry) => entry.startsWith('coins:') && entry.includes(':-5:')),
      refunded.join(),
    );
    await send({ type: 'bom.uploaded', data: { orderId: 'o-2' } });
    await send({ type: 'order.cancelled', data: { orderId: 'o-2' } });
    assert.deepEqual(await send({ type: 'newsletter.subscribed', data: {} }), ['coins:C2:50:available']);
    assert.deepEqual(await send({ type: 'profile.completed', data: { avatarUrl: 'https://cdn.example/a.png', nickname: 'kai', country: 'NZ' } }), [
      'coins:C3:50:available',
    ]);
    assert.deepEqual(await send({ type: 'project.created', data: { projectId: 'p-1', title: 'Clock' } }), []);
    assert.deepEqual(await send({ type: 'project.approved', data: { projectId: 'p-1', tier: 'gerber_bom' } }), ['coins:C4:100:available']);
    assert.deepEqual(await send({ type: 'feedback.shared', data: { feedbackId: 'f-1', words: 25, images: 0, videos: 1 } }), ['coins:C5:50:available']);
    assert.deepEqual(await send({ type: 'project.liked', data: { projectId: 'p-9' } }), ['coins:C8:1:available']);
    assert.deepEqual(await send({ type: 'project.commented', data: { projectId: 'p-9', commentId: 'c-1' } }), ['coins:C9:1:available']);
    assert.deepEqual(await send({ type: 'project.rewarded', data: { projectId: 'p-1', coins: 300 } }), ['coins:C11:300:available']);
    assert.deepEqual(await send({ type: 'pcba.quotation_paid', data: { quotationId: 'q-1', quotedAt: day(-48), paidAt: day() } }), ['coins:C14:300:available']);
    assert.deepEqual(await send({ type: 'pcba.progress_checked', data: { projectId: 'pcba-1' } }), ['coins:C15:50:available']);
    assert.deepEqual(await send({ type: 'pcba.media_rated', data: { mediaId: 'media-1' } }), ['coins:C16:5:available']);
    assert.deepEqual(await send({ type: 'pcba.confirmed', data: { projectId: 'pcba-1' } }), ['coins:C17:20:available']);
    assert.deepEqual(await send({ type: 'questionnaire.completed', data: { questionnaireId: 'survey-1' } }), ['coins:C18:500:available']);

    assert.deepEqual([...sent].sort(), [...eventTypes].sort(), 'every event type was sent');
    const account = await server.shop.getMember(memberId);
    assert.equal(account.displayName, 'Kai');
    assert.equal(account.points, 7);
    const inviterAccount = await server.shop.getMember(inviter.memberId);
    assert.equal(inviterAccount.coins.available, 1000, 'C10 the inviter earns when the first order completes');
  });

  test('manages the catalog: put creates (then replaces), delete withdraws', async () => {
    const id = `catalog-${Date.now()}`;
    const created = await server.shop.putCatalogItem(id, {
      kind: 'coupon',
      name: '$2 off',
      description: 'On any order',
      imageUrl: null,
      coins: 200,
      stock: 10,
      couponValueCents: 200,
    });
    assert.deepEqual(created, {
      id,
      kind: 'coupon',
      name: '$2 off',
      description: 'On any order',
      imageUrl: null,
      coins: 200,
      stock: 10,
      couponValueCents: 200,
    });
    const replaced = await server.shop.putCatalogItem(id, {
      kind: 'coupon',
      name: '$2 off',
      description: 'On any order',
      imageUrl: null,
      coins: 150,
      stock: 10,
      couponValueCents: 200,
    });
    assert.equal(replaced.coins, 150);
    assert.deepEqual(await server.shop.deleteCatalogItem(id), { id, deleted: true });
    await assert.rejects(server.shop.deleteCatalogItem(id), (error) => isRewardsError(error, 'not_found'));
  });

  test('M6 records a partner seller product and its stock, replaced by a second put', async () => {
    const sellerId = `seller-${Date.now()}`;
    const product = await server.shop.putSellerProduct(sellerId, 'synth-kit', { name: 'Synth kit', stock: 12 });
    assert.deepEqual(product, { sellerId, sku: 'synth-kit', name: 'Synth kit', stock: 12, unitsSold: 0, oversoldUnits: 0 });
    assert.equal((await server.shop.putSellerProduct(sellerId, 'synth-kit', { name: 'Synth kit', stock: 11 })).stock, 11);
    await assert.rejects(server.shop.putSellerProduct(sellerId, 'synth-kit', { name: 'Synth kit', stock: -1 }), (error) =>
      isRewardsError(error, 'invalid_request'),
    );
  });

  test('reads and replaces the rules; a change creates the next version', async () => {
    const rules = await server.shop.getRules();
    const changed = await server.shop.putRules({ ...rules, earning: { ...rules.earning, newsletterSubscribed: { coins: 60 } } });
    assert.equal(changed.version, rules.version + 1);
    assert.equal(changed.earning.newsletterSubscribed.coins, 60);
    assert.equal((await server.shop.getRules()).version, changed.version);
    await server.shop.putRules({ ...changed, earning: { ...changed.earning, newsletterSubscribed: rules.earning.newsletterSubscribed } });
  });

  test('M2 runs payouts for a month, safely repeated', async () => {
    const first = await server.shop.runPayouts('2020-01');
    const again = await server.shop.runPayouts('2020-01');
    assert.equal(first.month, '2020-01');
    assert.deepEqual(
      again.payouts.map((payout) => payout.sellerId),
      first.payouts.map((payout) => payout.sellerId),
    );
  });

  test('a wrong API key is unauthorized and is not retried', async () => {
    let requests = 0;
    const shop = createShopClient({
      baseUrl: server.url,
      apiKey: 'not-the-key-0123456789',
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    await assert.rejects(shop.getRules(), (error) => isRewardsError(error, 'unauthorized') && error.status === 401);
    assert.equal(requests, 1);
  });

  test('refuses to be made without an API key', () => {
    assert.throws(() => createShopClient({ baseUrl: server.url, apiKey: '' }), TypeError);
  });
});
