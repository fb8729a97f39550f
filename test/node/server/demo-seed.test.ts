// What a newcomer sees after `npm start`: demo members in telling states, made through the real services.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openDatabase, type Db } from '../../../src/server/db/index.ts';
import { DEMO_MEMBERS, seedDemo } from '../../../src/server/demo-seed.ts';
import { listCart } from '../../../src/server/services/cart.ts';
import { memberView } from '../../../src/server/services/members-view.ts';
import { currentRules } from '../../../src/server/services/rules-store.ts';
import { sellerAccount } from '../../../src/server/services/seller-account.ts';
import { listWithdrawals } from '../../../src/server/services/withdrawals.ts';
import { listSellerProducts } from '../../../src/server/services/seller-products.ts';

let db: Db;
const clock = { now: () => new Date('2026-03-18T09:00:00Z') };
before(async () => {
  db = await openDatabase('memory://');
});
after(() => db.close());

test('P6 the demo fills an empty database once: a member near a level-up with a cart, and a seller with stock', async () => {
  assert.equal(await seedDemo(db, { clock }), true);
  assert.equal(await seedDemo(db, { clock }), false, 'a second start adds nothing');

  const rules = await currentRules(db);
  const ada = await memberView(db, DEMO_MEMBERS.nearLevelUp, rules);
  assert.ok(ada && ada.nextLevel && ada.nextLevel.pointsToGo > 0 && ada.nextLevel.pointsToGo <= 50, 'ada is close to the next level');
  assert.ok(ada.coins.available > 0);
  const cart = await listCart(db, DEMO_MEMBERS.nearLevelUp);
  assert.ok(
    cart.items.some((item) => item.kind === 'upgrade_gift'),
    'P5 the level-up gift is in the cart',
  );
  assert.ok(
    cart.items.some((item) => item.kind === 'redemption' && item.removable),
    'S1 a redeemed gift can still be removed',
  );

  const products = await listSellerProducts(db, DEMO_MEMBERS.seller);
  assert.deepEqual(
    products.products.map(({ sku, stock, unitsSold, oversoldUnits }) => ({ sku, stock, unitsSold, oversoldUnits })),
    [
      { sku: 'FRONT-PANEL', stock: 3, unitsSold: 4, oversoldUnits: 0 },
      { sku: 'PATCH-CABLES', stock: 0, unitsSold: 3, oversoldUnits: 1 },
      { sku: 'SYNTH-KIT', stock: 36, unitsSold: 4, oversoldUnits: 0 },
    ],
    'M6 stock after the sales: one product low, one oversold',
  );
  const statement = await sellerAccount(db, DEMO_MEMBERS.seller, clock.now());
  assert.equal(statement.displayName, 'Grace Hopper');
  assert.ok(statement.months.length >= 2, 'sales over more than one month');
  assert.deepEqual(
    (await listWithdrawals(db, DEMO_MEMBERS.seller)).withdrawals.map((w) => [w.amountCents, w.status]),
    [[5_000, 'paid']],
  );
});
