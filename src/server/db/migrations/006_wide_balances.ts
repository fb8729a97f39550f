import type { Migration } from './migration.ts';

/**
 * Balances and ledger amounts become `bigint`. One value the API takes fits an `int` (its schemas
 * say so), but a balance is a sum of them without end: a member of a shop with large orders would
 * pass 2^31 − 1 points and every later credit would fail. As `bigint` a balance stays exact to
 * 2^53 − 1 (where the type parsers hand out numbers), about four million of the largest orders.
 */
export const wideBalances: Migration = {
  version: 6,
  name: 'wide_balances',
  sql: /* sql */ `
ALTER TABLE members
  ALTER COLUMN points TYPE bigint,
  ALTER COLUMN coins_available TYPE bigint,
  ALTER COLUMN coins_pending TYPE bigint;

ALTER TABLE ledger
  ALTER COLUMN amount TYPE bigint,
  ALTER COLUMN shortfall TYPE bigint;

ALTER TABLE orders
  ALTER COLUMN points TYPE bigint,
  ALTER COLUMN coins TYPE bigint;
`,
};
