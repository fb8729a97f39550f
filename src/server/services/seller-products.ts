/**
 * A partner seller's products (M6): the shop records each one's name and stock, every completed
 * sale takes its units off (partner-sales.ts), and the seller sees the stock left, the units sold
 * so far and the units oversold. Units come from the sale lines, so a product sold before the shop
 * recorded it is still listed, by its sku, with an unknown stock.
 */
import type { PutSellerProductBody, PutSellerProductResponse, SellerProductsResponse } from '../../api/index.ts';
import type { Db, Queryable } from '../db/index.ts';
import { ensureMember } from './members.ts';

/** Design-defect refunds (M5) are amounts, not units: only sale lines carry a quantity. */
const UNITS_SOLD = `
  SELECT sku, SUM(quantity)::bigint AS units FROM seller_sales
  WHERE seller_id = $1 AND sku IS NOT NULL AND quantity IS NOT NULL GROUP BY sku`;

async function unitsSold(q: Queryable, sellerId: string, sku: string): Promise<number> {
  const { rows } = await q.query<{ units: number }>(`SELECT units FROM (${UNITS_SOLD}) sold WHERE sku = $2`, [sellerId, sku]);
  return rows[0]?.units ?? 0;
}

/**
 * Creates or replaces the product; `created` tells which. The stock reported is the warehouse's
 * count, so it clears what was oversold before. The shop naming a member as the owner of a product
 * makes them a partner seller, so their backstage opens before their first sale.
 */
export async function putSellerProduct(
  db: Db,
  product: { sellerId: string; sku: string } & PutSellerProductBody,
  now: Date,
): Promise<{ product: PutSellerProductResponse; created: boolean }> {
  return db.transaction(async (tx) => {
    await ensureMember(tx, product.sellerId);
    await tx.query('UPDATE members SET is_seller = true WHERE id = $1 AND NOT is_seller', [product.sellerId]);
    const { rows } = await tx.query<{ name: string; stock: number; oversold: number; created: boolean }>(
      `INSERT INTO seller_products (seller_id, sku, name, stock, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (seller_id, sku) DO UPDATE SET name = EXCLUDED.name, stock = EXCLUDED.stock, oversold = 0, updated_at = EXCLUDED.updated_at
       RETURNING name, stock, oversold, (xmax = 0) AS created`,
      [product.sellerId, product.sku, product.name, product.stock, now],
    );
    const row = rows[0]!;
    return {
      product: {
        sellerId: product.sellerId,
        sku: product.sku,
        name: row.name,
        stock: row.stock,
        unitsSold: await unitsSold(tx, product.sellerId, product.sku),
        oversoldUnits: row.oversold,
      },
      created: row.created,
    };
  });
}

/** `GET /v1/seller/products`: recorded and sold products alike, by sku. */
export async function listSellerProducts(q: Queryable, sellerId: string): Promise<SellerProductsResponse> {
  const { rows } = await q.query<{ sku: string; name: string | null; stock: number | null; oversold: number | null; units: number | null }>(
    `SELECT COALESCE(p.sku, sold.sku) AS sku, p.name, p.stock, p.oversold, sold.units
     FROM (SELECT sku, name, stock, oversold FROM seller_products WHERE seller_id = $1) p
     FULL OUTER JOIN (${UNITS_SOLD}) sold ON sold.sku = p.sku
     ORDER BY 1`,
    [sellerId],
  );
  return {
    products: rows.map((row) => ({ sku: row.sku, name: row.name ?? row.sku, stock: row.stock, unitsSold: row.units ?? 0, oversoldUnits: row.oversold ?? 0 })),
  };
}
