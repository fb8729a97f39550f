/**
 * The first page of a member's ledger reads only that page from the (member_id, currency, -id)
 * index, whatever other members hold: checked on the plan the database itself chooses, for a
 * member whose entries are all older than many entries of others (walking the primary key
 * backwards would read them all), with a few entries and with a large share of the ledger (where
 * the planner would otherwise expect the primary key to find them at once).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Queryable } from '../../../../src/server/db/index.ts';
import { LedgerCursors, ledgerPage } from '../../../../src/server/services/ledger-view.ts';
import { databaseTargets, type TestDatabase } from '../../support/databases.ts';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function indexesOf(node: PlanNode): string[] {
  return [...(node['Index Name'] ? [node['Index Name']] : []), ...(node.Plans ?? []).flatMap(indexesOf)];
}

function nodeTypesOf(node: PlanNode): string[] {
  return [node['Node Type'], ...(node.Plans ?? []).flatMap(nodeTypesOf)];
}

/** Runs EXPLAIN of every statement instead of the statement, keeping the plans. */
function explaining(db: Queryable, plans: PlanNode[]): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const { rows } = await db.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      plans.push(rows[0]!['QUERY PLAN'][0].Plan);
      return { rows: [] as T[], rowCount: 0 };
    },
  };
}

for (const target of databaseTargets()) {
  describe(`the first ledger page on ${target.name}`, () => {
    let db: TestDatabase;
    const cursors = new LedgerCursors('a-server-secret-for-ledger-cursors-0123');

    before(async () => {
      db = await target.open();
      await db.query(`INSERT INTO members (id) SELECT 'plan-m' || i FROM generate_series(0, 199) AS i UNION ALL SELECT 'plan-big'`);
      await db.query(
        `INSERT INTO ledger (member_id, currency, amount, rule_id, rules_version, status)
         SELECT 'plan-m0', CASE WHEN i % 2 = 0 THEN 'coins' ELSE 'points' END, 1, 'C6', 1, 'available' FROM generate_series(1, 50) AS i`,
      );
      await db.query(
        `INSERT INTO ledger (member_id, currency, amount, rule_id, rules_version, status)
         SELECT 'plan-big', CASE WHEN i % 2 = 0 THEN 'coins' ELSE 'points' END, 1, 'C6', 1, 'available' FROM generate_series(1, 20000) AS i`,
      );
      await db.query(
        `INSERT INTO ledger (member_id, currency, amount, rule_id, rules_version, status)
         SELECT 'plan-m' || (1 + i % 199), CASE WHEN i % 2 = 0 THEN 'coins' ELSE 'points' END, 1, 'C6', 1, 'available'
         FROM generate_series(1, 30000) AS i`,
      );
      await db.query('ANALYZE ledger');
    });
    after(() => db.drop());

    for (const [memberId, currency] of [
      ['plan-m0', undefined],
      ['plan-m0', 'coins'],
      ['plan-m0', 'points'],
      ['plan-big', undefined],
      ['plan-big', 'coins'],
    ] as const) {
      test(`${memberId}, ${currency ?? 'both currencies'}: read from the member's index, never by walking the whole ledger`, async () => {
        const plans: PlanNode[] = [];
        await ledgerPage(explaining(db, plans), { memberId, ...(currency ? { currency } : {}) }, cursors);
        assert.equal(plans.length, 1);
        const plan = plans[0]!;
        assert.deepEqual([...new Set(indexesOf(plan))], ['ledger_member_currency_page'], JSON.stringify(plan));
        assert.ok(!nodeTypesOf(plan).includes('Seq Scan'), JSON.stringify(plan));
        // At most the two pages are merged; the index gives each one's order.
        const sorts = nodeTypesOf(plan).filter((type) => type === 'Sort').length;
        assert.ok(sorts <= (currency ? 0 : 1), JSON.stringify(plan));
      });
    }

    test('the page itself is right: newest first, both currencies merged, a cursor continues it', async () => {
      const first = await ledgerPage(db, { memberId: 'plan-m0', limit: 30 }, cursors);
      assert.equal(first.entries.length, 30);
      const ids = first.entries.map((e) => Number(e.id));
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => b - a),
      );
      assert.ok(first.nextCursor);
      const rest = await ledgerPage(db, { memberId: 'plan-m0', limit: 30, cursor: first.nextCursor }, cursors);
      assert.equal(rest.entries.length, 20);
      assert.equal(rest.nextCursor, null);
      assert.ok(Number(rest.entries[0]!.id) < ids.at(-1)!);
    });
  });
}
