/**
 * The catalog coins can buy: products (into the cart, S1) and coupons (S2). The shop creates and
 * replaces items by id; removing one only deactivates it, because past redemptions and coupons
 * still point at it.
 */
import type { CatalogItem, CatalogResponse, PutCatalogItemBody } from '../../api/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import { ProblemError } from '../errors.ts';

interface CatalogRow {
  id: string;
  kind: 'product' | 'coupon';
  name: string;
  description: string;
  image_url: string | null;
  coins: number;
  stock: number;
  coupon_value_cents: number | null;
}

function toCatalogItem(row: CatalogRow): CatalogItem {
  const fields = {
    id: row.id,
    name: row.name,
    description: row.description,
    imageUrl: row.image_url,
    coins: row.coins,
    stock: row.stock,
  };
  return row.kind === 'coupon' ? { ...fields, kind: 'coupon', couponValueCents: row.coupon_value_cents ?? 1 } : { ...fields, kind: 'product' };
}

/** Active items, out-of-stock ones included (a page shows them as such), cheapest first. */
export async function listCatalog(q: Queryable): Promise<CatalogResponse> {
  const { rows } = await q.query<CatalogRow>('SELECT * FROM catalog_items WHERE active ORDER BY coins, name, id');
  return { items: rows.map(toCatalogItem) };
}

/** Creates the item or replaces it (reactivating it if it had been removed); `created` tells which. */
export async function putCatalogItem(db: Db, id: string, body: PutCatalogItemBody, now: Date): Promise<{ item: CatalogItem; created: boolean }> {
  const { rows } = await db.query<CatalogRow & { created: boolean }>(
    `INSERT INTO catalog_items (id, kind, name, description, image_url, coins, stock, coupon_value_cents, active, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9)
     ON CONFLICT (id) DO UPDATE SET
       kind = EXCLUDED.kind, name = EXCLUDED.name, description = EXCLUDED.description,
       image_url = EXCLUDED.image_url, coins = EXCLUDED.coins, stock = EXCLUDED.stock,
       coupon_value_cents = EXCLUDED.coupon_value_cents, active = true, updated_at = EXCLUDED.updated_at
     RETURNING *, (xmax = 0) AS created`,
    [id, body.kind, body.name, body.description, body.imageUrl, body.coins, body.stock, body.kind === 'coupon' ? body.couponValueCents : null, now],
  );
  const row = rows[0]!;
  return { item: toCatalogItem(row), created: row.created };
}

/** Withdraws an item from redemption; 404 when there is no active item by that id. */
export async function deactivateCatalogItem(db: Db, id: string, now: Date): Promise<{ id: string; deleted: true }> {
  const { rowCount } = await db.query('UPDATE catalog_items SET active = false, updated_at = $2 WHERE id = $1 AND active', [id, now]);
  if (rowCount === 0) throw new ProblemError('not_found', `No catalog item ${id}.`);
  return { id, deleted: true };
}
