import type { Migration } from './migration.ts';

/**
 * A partner seller's backstage (M6): the products the shop sells for each seller with their
 * stock, and the number of units behind each sale line, so the seller sees units sold per product.
 */
export const sellerProducts: Migration = {
  version: 2,
  name: 'seller_products',
  sql: /* sql */ `
-- The shop reports each seller product's name and the stock left; a seller may only ever see their own.
CREATE TABLE seller_products (
  seller_id  text NOT NULL REFERENCES members (id),
  sku        text NOT NULL,
  name       text NOT NULL,
  stock      int NOT NULL CHECK (stock >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (seller_id, sku)
);

-- Units sold on a sale line. Null on the negative lines of design-defect refunds (M5), which are
-- amounts, not units. Lines recorded before this column existed carried no quantity: one unit is
-- the least a sale line can have, so they count as one.
ALTER TABLE seller_sales ADD COLUMN quantity int NULL CHECK (quantity >= 1);
UPDATE seller_sales SET quantity = 1 WHERE line_cents >= 0;

-- A seller's orders, a page at a time, newest first.
CREATE INDEX seller_sales_seller_order ON seller_sales (seller_id, order_id);
`,
};
