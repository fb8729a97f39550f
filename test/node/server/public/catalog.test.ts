import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { catalogResponse, putCatalogItemResponse } from '../../../../src/api/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { assertProblem, assertShape, TestApp } from '../member/support.ts';

const mug = { kind: 'product', name: 'Mug', description: 'A mug.', imageUrl: 'https://cdn.example/mug.png', coins: 300, stock: 4 };
const coupon = { kind: 'coupon', name: '$5 off', description: '', imageUrl: null, coins: 500, stock: 10, couponValueCents: 500 };

for (const target of databaseTargets()) {
  describe(`catalog on ${target.name}`, () => {
    let db: TestDatabase;
    let t: TestApp;
    before(async () => {
      db = await target.open();
      t = new TestApp(db);
    });
    after(async () => {
      await db.drop();
    });

    test('PUT /v1/catalog/{id} creates an item (201), then replaces it (200); anyone can list it', async () => {
      const created = await t.asShop('PUT', '/v1/catalog/mug', { body: mug });
      assert.equal(created.status, 201, created.text);
      assert.deepEqual(assertShape(putCatalogItemResponse, created.body), { id: 'mug', ...mug });
      const replaced = await t.asShop('PUT', '/v1/catalog/mug', { body: { ...mug, coins: 250, stock: 9 } });
      assert.equal(replaced.status, 200);
      assert.deepEqual(replaced.body, { id: 'mug', ...mug, coins: 250, stock: 9 });
      assert.equal((await t.asShop('PUT', '/v1/catalog/coupon-5', { body: coupon })).status, 201);

      const listed = await t.request('GET', '/v1/catalog');
      assert.equal(listed.status, 200);
      assert.deepEqual(assertShape(catalogResponse, listed.body).items, [
        { id: 'mug', ...mug, coins: 250, stock: 9 },
        { id: 'coupon-5', ...coupon },
      ]);
    });

    test('DELETE /v1/catalog/{id} withdraws the item from the list; again, or unknown, is 404; PUT brings it back', async () => {
      await t.asShop('PUT', '/v1/catalog/gone', { body: { ...mug, name: 'Gone soon' } });
      const removed = await t.asShop('DELETE', '/v1/catalog/gone');
      assert.equal(removed.status, 200);
      assert.deepEqual(removed.body, { id: 'gone', deleted: true });
      const ids = () => t.request<{ items: Array<{ id: string }> }>('GET', '/v1/catalog').then((r) => r.body.items.map((i) => i.id));
      assert.ok(!(await ids()).includes('gone'));
      assertProblem(await t.asShop('DELETE', '/v1/catalog/gone'), 404, 'not_found');
      assertProblem(await t.asShop('DELETE', '/v1/catalog/never-was'), 404, 'not_found');
      assert.equal((await t.asShop('PUT', '/v1/catalog/gone', { body: mug })).status, 200);
      assert.ok((await ids()).includes('gone'));
    });

    test('an invalid catalog item is 400 and stores nothing', async () => {
      const bad: unknown[] = [
        { ...mug, coins: 0 },
        { ...mug, coins: -1 },
        { ...mug, stock: 1.5 },
        { ...mug, kind: 'service' },
        { ...coupon, couponValueCents: undefined },
        { ...coupon, couponValueCents: 0 },
        { ...mug, id: 'in-body' },
        { ...mug, imageUrl: 'javascript:alert(1)' },
        { ...mug, name: '' },
      ];
      for (const body of bad) assertProblem(await t.asShop('PUT', '/v1/catalog/bad-item', { body }), 400, 'invalid_request');
      assertProblem(await t.asShop('PUT', '/v1/catalog/bad%2Cid', { body: mug }), 400, 'invalid_request');
      const { rows } = await db.query("SELECT 1 FROM catalog_items WHERE id = 'bad-item'");
      assert.equal(rows.length, 0);
    });

    test('only the shop manages the catalog: no key is 401, a member token is 403', async () => {
      assertProblem(await t.request('PUT', '/v1/catalog/x', { body: mug }), 401, 'unauthorized');
      assertProblem(await t.asMember('cat-member', 'PUT', '/v1/catalog/x', { body: mug }), 403, 'forbidden');
      assertProblem(await t.request('DELETE', '/v1/catalog/mug'), 401, 'unauthorized');
      assertProblem(await t.asMember('cat-member', 'DELETE', '/v1/catalog/mug'), 403, 'forbidden');
      assertProblem(await t.request('PUT', '/v1/catalog/x', { body: mug, headers: { 'X-Api-Key': 'wrong-key-wrong-key' } }), 401, 'unauthorized');
    });

    test('S1 stock shown in the catalog follows redemptions', async () => {
      await t.asShop('PUT', '/v1/catalog/counted', { body: { ...mug, coins: 10, stock: 2 } });
      await t.giveCoins('cat-buyer', 10);
      await t.asMember('cat-buyer', 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'counted' } });
      const items = (await t.request<{ items: Array<{ id: string; stock: number }> }>('GET', '/v1/catalog')).body.items;
      assert.equal(items.find((item) => item.id === 'counted')?.stock, 1);
    });
  });
}
