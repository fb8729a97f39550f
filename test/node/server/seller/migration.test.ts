/** The seller_products migration on a database that already holds sales from before it. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runMigrations } from '../../../../src/server/db/migrate.ts';
import { initial } from '../../../../src/server/db/migrations/001_initial.ts';
import { sellerProducts } from '../../../../src/server/db/migrations/002_seller_products.ts';
import { emptyDatabaseTargets } from '../db/empty-databases.ts';

for (const target of emptyDatabaseTargets()) {
  describe(`seller_products migration (${target.name})`, () => {
    test('M6 sale lines recorded before units were kept count as one unit each; refund lines carry none', async () => {
      const { engine, drop } = await target.open();
      try {
        assert.deepEqual(await runMigrations(engine, [initial]), [1]);
        await engine.query("INSERT INTO members (id, is_seller) VALUES ('seller-a', true)");
        await engine.query(
          `INSERT INTO seller_sales (seller_id, order_id, sku, line_cents, fee_cents, net_cents, month)
           VALUES ('seller-a', 'o-1', 'kit', 2000, 100, 1900, '2025-03'), ('seller-a', 'o-1', 'kit', -1000, -50, -950, '2025-04')`,
        );
        assert.deepEqual(await runMigrations(engine, [initial, sellerProducts]), [2]);
        const { rows } = await engine.query<{ line_cents: number; quantity: number | null }>('SELECT line_cents, quantity FROM seller_sales ORDER BY id');
        assert.deepEqual(
          rows.map((row) => [row.line_cents, row.quantity]),
          [
            [2000, 1],
            [-1000, null],
          ],
        );
      } finally {
        await drop();
      }
    });
  });
}
