import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { isCheckViolation, isUniqueViolation } from '../../../../src/server/db/index.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';
import { insertLedgerEntry, insertMember, uniqueId } from './fixtures.ts';

/** Asserts that the statement is refused as a duplicate by the named constraint (and not as anything else). */
async function refusedAsDuplicate(statement: Promise<unknown>, constraint: string): Promise<void> {
  await assert.rejects(statement, (error: unknown) => {
    assert.ok(isUniqueViolation(error, constraint), `expected a unique violation of ${constraint}, got ${String(error)}`);
    assert.ok(!isCheckViolation(error));
    return true;
  });
}

async function refusedByCheck(statement: Promise<unknown>, constraint: string): Promise<void> {
  await assert.rejects(statement, (error: unknown) => {
    assert.ok(isCheckViolation(error, constraint), `expected a check violation of ${constraint}, got ${String(error)}`);
    assert.ok(!isUniqueViolation(error));
    return true;
  });
}

for (const target of databaseTargets()) {
  describe(`constraints on ${target.name}`, () => {
    let db: TestDatabase;
    before(async () => {
      db = await target.open();
    });
    after(() => db.drop());

    test('C6 a second check-in by the same member on the same day is refused', async () => {
      const memberId = await insertMember(db);
      const otherId = await insertMember(db);
      const checkIn = (member: string, day: string) => db.query('INSERT INTO check_ins (member_id, day) VALUES ($1, $2)', [member, day]);
      await checkIn(memberId, '2024-05-01');
      await refusedAsDuplicate(checkIn(memberId, '2024-05-01'), 'check_ins_pkey');
      await checkIn(memberId, '2024-05-02');
      await checkIn(otherId, '2024-05-01');
      const { rows } = await db.query('SELECT count(*) AS n FROM check_ins WHERE member_id = $1', [memberId]);
      assert.deepEqual(rows, [{ n: 2 }]);
    });

    test('P5 a second upgrade gift for the same member and level is refused, even after removal', async () => {
      const memberId = await insertMember(db);
      const gift = (level: number | null, kind = 'upgrade_gift') =>
        db.query(`INSERT INTO cart_items (id, member_id, kind, level, name) VALUES ($1, $2, $3, $4, 'gift')`, [uniqueId('cart'), memberId, kind, level]);
      await gift(2);
      await refusedAsDuplicate(gift(2), 'cart_items_one_upgrade_gift_per_level');
      await gift(3);
      await db.query(`UPDATE cart_items SET removed_at = now() WHERE member_id = $1 AND level = 2`, [memberId]);
      await refusedAsDuplicate(gift(2), 'cart_items_one_upgrade_gift_per_level');
      // Redemptions carry no level and are not limited by it.
      await db.query(`INSERT INTO catalog_items (id, kind, name, coins, stock) VALUES ($1, 'product', 'Mug', 10, 5)`, [`item-${memberId}`]);
      const redeem = () =>
        db.query(`INSERT INTO cart_items (id, member_id, kind, catalog_item_id, name, coins) VALUES ($1, $2, 'redemption', $3, 'Mug', 10)`, [
          uniqueId('cart'),
          memberId,
          `item-${memberId}`,
        ]);
      await redeem();
      await redeem();
    });

    test('P5 an upgrade gift without a level is refused, so it cannot slip past the one-per-level rule', async () => {
      const memberId = await insertMember(db);
      await refusedByCheck(
        db.query(`INSERT INTO cart_items (id, member_id, kind, name) VALUES ($1, $2, 'upgrade_gift', 'gift')`, [uniqueId('cart'), memberId]),
        'cart_items_upgrade_gift_has_level',
      );
    });

    test('C20 a second delivery of the same event id is refused', async () => {
      const eventId = uniqueId('event');
      const deliver = () =>
        db.query(`INSERT INTO events (id, type, member_id, occurred_at, result) VALUES ($1, 'newsletter.subscribed', 'm', now(), '{}')`, [eventId]);
      await deliver();
      await refusedAsDuplicate(deliver(), 'events_pkey');
    });

    test('a second ledger entry with the same member, currency, rule and once-key is refused', async () => {
      const memberId = await insertMember(db);
      const otherId = await insertMember(db);
      await insertLedgerEntry(db, { memberId, ruleId: 'C2', onceKey: 'newsletter' });
      await refusedAsDuplicate(insertLedgerEntry(db, { memberId, ruleId: 'C2', onceKey: 'newsletter' }), 'ledger_once_key_unique');
      // Refused even with another amount or status: the key, not the content, is what happens once.
      await refusedAsDuplicate(
        insertLedgerEntry(db, { memberId, ruleId: 'C2', onceKey: 'newsletter', amount: 1, status: 'pending' }),
        'ledger_once_key_unique',
      );
      await insertLedgerEntry(db, { memberId: otherId, ruleId: 'C2', onceKey: 'newsletter' });
      await insertLedgerEntry(db, { memberId, ruleId: 'C3', onceKey: 'newsletter' });
      await insertLedgerEntry(db, { memberId, ruleId: 'C2', onceKey: 'newsletter', currency: 'points' });
      // Entries without a once-key (repeatable rules) are never refused as duplicates.
      await insertLedgerEntry(db, { memberId, ruleId: 'C11', onceKey: null });
      await insertLedgerEntry(db, { memberId, ruleId: 'C11', onceKey: null });
    });

    test('a duplicate once-key can be skipped with ON CONFLICT, which the index makes possible', async () => {
      const memberId = await insertMember(db);
      const credit = () =>
        db.query(
          `INSERT INTO ledger (member_id, currency, amount, rule_id, rules_version, once_key, status)
           VALUES ($1, 'coins', 50, 'C3', 1, 'profile', 'available')
           ON CONFLICT (member_id, currency, rule_id, once_key) WHERE once_key IS NOT NULL DO NOTHING
           RETURNING id`,
          [memberId],
        );
      assert.equal((await credit()).rowCount, 1);
      assert.deepEqual(await credit(), { rows: [], rowCount: 0 });
    });

    test('S4 no balance column can go below zero', async () => {
      const memberId = await insertMember(db, { coinsAvailable: 5 });
      await refusedByCheck(db.query('UPDATE members SET coins_available = coins_available - 6 WHERE id = $1', [memberId]), 'members_coins_available_check');
      await refusedByCheck(db.query('UPDATE members SET coins_pending = -1 WHERE id = $1', [memberId]), 'members_coins_pending_check');
      await refusedByCheck(db.query('UPDATE members SET points = -1 WHERE id = $1', [memberId]), 'members_points_check');
      await refusedByCheck(db.query('UPDATE members SET store_credit_cents = -1 WHERE id = $1', [memberId]), 'members_store_credit_cents_check');
      const { rows } = await db.query('SELECT coins_available, coins_pending, points, store_credit_cents FROM members WHERE id = $1', [memberId]);
      assert.deepEqual(rows, [{ coins_available: 5, coins_pending: 0, points: 0, store_credit_cents: 0 }]);
      await db.query('UPDATE members SET coins_available = coins_available - 5 WHERE id = $1', [memberId]);
    });

    test('S1 stock cannot go below zero', async () => {
      const itemId = uniqueId('item');
      await db.query(`INSERT INTO catalog_items (id, kind, name, coins, stock) VALUES ($1, 'product', 'Cable', 30, 1)`, [itemId]);
      const takeOne = () => db.query('UPDATE catalog_items SET stock = stock - 1 WHERE id = $1', [itemId]);
      await takeOne();
      await refusedByCheck(takeOne(), 'catalog_items_stock_check');
      await refusedByCheck(
        db.query(`INSERT INTO catalog_items (id, kind, name, coins, stock) VALUES ($1, 'product', 'Cable', 30, -1)`, [uniqueId('item')]),
        'catalog_items_stock_check',
      );
    });

    test('S3 a donation of fewer than one coin is refused', async () => {
      const authorId = await insertMember(db);
      const projectId = uniqueId('project');
      await db.query(`INSERT INTO projects (id, author_id, title) VALUES ($1, $2, 'Board')`, [projectId, authorId]);
      const donorId = await insertMember(db);
      await refusedByCheck(db.query('INSERT INTO donations (project_id, donor_id, coins) VALUES ($1, $2, 0)', [projectId, donorId]), 'donations_coins_check');
    });

    test('C8 a second like of the same project by the same member is refused', async () => {
      const memberId = uniqueId('member');
      const like = () => db.query(`INSERT INTO project_likes (member_id, project_id) VALUES ($1, 'p1')`, [memberId]);
      await like();
      await refusedAsDuplicate(like(), 'project_likes_pkey');
    });

    test('M2 a second payout for the same seller and month is refused', async () => {
      const sellerId = await insertMember(db);
      const payout = () => db.query(`INSERT INTO seller_payouts (seller_id, month, net_cents) VALUES ($1, '2024-05', 950)`, [sellerId]);
      await payout();
      await refusedAsDuplicate(payout(), 'seller_payouts_pkey');
    });
  });
}
