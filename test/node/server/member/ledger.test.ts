import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ledgerResponse, type LedgerEntry } from '../../../../src/api/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertProblem, assertShape, TestApp } from './support.ts';

for (const target of databaseTargets()) {
  describe(`ledger on ${target.name}`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
      await t.putItem('l-cap', { kind: 'product', name: 'Cap', coins: 20, stock: 10 });
      // One of each kind of movement for `led-ann`, oldest first.
      await t.event('led-ann', 'order.completed', { orderId: 'led-o1', lines: [{ sku: 'A', unitPriceCents: 1299, quantity: 1 }], shippingCents: 500 });
      await t.event('led-ann', 'bom.uploaded', { orderId: 'led-o2' });
      await t.asMember('led-ann', 'POST', '/v1/me/check-ins');
      await t.asMember('led-ann', 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'l-cap' } });
    });
    after(async () => {
      await db.drop();
    });

    const page = async (memberId: string, query = '') => {
      const reply = await t.asMember(memberId, 'GET', `/v1/me/ledger${query}`);
      assert.equal(reply.status, 200, reply.text);
      return assertShape(ledgerResponse, reply.body);
    };
    const brief = (entry: LedgerEntry) => [entry.currency, entry.amount, entry.ruleId, entry.reason, entry.status];

    test('entries come newest first with the reason in words, their rule, and their status (C19 pending)', async () => {
      const { entries, nextCursor } = await page('led-ann');
      assert.equal(nextCursor, null);
      assert.deepEqual(entries.map(brief), [
        ['coins', -20, 'S1', 'Product redeemed', 'available'],
        ['coins', 10, 'C6', 'Daily check-in', 'available'],
        ['coins', 200, 'C12', 'Upload a BOM with our template', 'pending'],
        ['coins', 12, 'C1', 'Order completed', 'available'],
        ['points', 12, 'P1', 'Points for a completed order', 'available'],
      ]);
      assert.equal(entries[3]?.ref, 'led-o1');
      assert.equal(entries[0]?.ref, (await t.asMember<{ items: Array<{ id: string }> }>('led-ann', 'GET', '/v1/me/cart')).body.items[1]?.id);
      assert.ok(entries.every((entry) => /^\d+$/.test(entry.id)));
    });

    test('currency=coins or points keeps only that currency', async () => {
      assert.deepEqual(
        (await page('led-ann', '?currency=points')).entries.map((e) => e.ruleId),
        ['P1'],
      );
      assert.ok((await page('led-ann', '?currency=coins')).entries.every((e) => e.currency === 'coins'));
    });

    test('pages follow the cursor without repeating or skipping, even while new entries arrive', async () => {
      for (let i = 0; i < 7; i++) {
        await t.event('led-pager', 'questionnaire.completed', { questionnaireId: `q-${i}` });
      }
      const first = await page('led-pager', '?limit=3');
      assert.equal(first.entries.length, 3);
      assert.ok(first.nextCursor);
      await t.event('led-pager', 'questionnaire.completed', { questionnaireId: 'q-late' });
      const second = await page('led-pager', `?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`);
      const third = await page('led-pager', `?limit=3&cursor=${encodeURIComponent(second.nextCursor ?? '')}`);
      assert.equal(third.nextCursor, null);
      const ids = [...first.entries, ...second.entries, ...third.entries].map((entry) => Number(entry.id));
      assert.equal(ids.length, 7);
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => b - a),
      );
      assert.equal(new Set(ids).size, 7);
    });

    test('a cursor that was tampered with, belongs to another member or another currency is 400', async () => {
      for (let i = 0; i < 3; i++) await t.event('led-cur', 'questionnaire.completed', { questionnaireId: `c-${i}` });
      const { nextCursor } = await page('led-cur', '?limit=1');
      assert.ok(nextCursor);
      const [payload, mac] = nextCursor.split('.');
      const forged = `${Buffer.from('999999').toString('base64url')}.${mac}`;
      const garbage = ['garbage', `${payload}.AAAAAAAAAAAAAAAAAAAAAA`, forged, `${nextCursor}.x`, '%%%'];
      for (const cursor of garbage) {
        const problem = assertProblem(await t.asMember('led-cur', 'GET', `/v1/me/ledger?cursor=${encodeURIComponent(cursor)}`), 400, 'invalid_request');
        assert.equal((problem.errors as Array<{ path: string }>)[0]?.path, 'query.cursor');
      }
      assertProblem(await t.asMember('led-other', 'GET', `/v1/me/ledger?limit=1&cursor=${encodeURIComponent(nextCursor)}`), 400, 'invalid_request');
      assertProblem(await t.asMember('led-cur', 'GET', `/v1/me/ledger?currency=points&cursor=${encodeURIComponent(nextCursor)}`), 400, 'invalid_request');
      assert.equal((await t.asMember('led-cur', 'GET', `/v1/me/ledger?limit=1&cursor=${encodeURIComponent(nextCursor)}`)).status, 200);
    });

    test('limit must be 1 to 100 and currency coins or points: otherwise 400', async () => {
      for (const query of ['?limit=0', '?limit=101', '?limit=abc', '?limit=1.5', '?limit=-1', '?currency=store_credit', '?currency=']) {
        assertProblem(await t.asMember('led-ann', 'GET', `/v1/me/ledger${query}`), 400, 'invalid_request');
      }
    });

    test("the ledger is the member's own: no token is 401, the shop key is 403, another member sees only their own", async () => {
      assertProblem(await t.request('GET', '/v1/me/ledger'), 401, 'unauthorized');
      assertProblem(await t.asShop('GET', '/v1/me/ledger'), 403, 'forbidden');
      assert.deepEqual((await page('led-stranger')).entries, []);
    });
  });
}
