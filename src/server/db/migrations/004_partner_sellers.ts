import type { Migration } from './migration.ts';

/**
 * Partner sellers that hide nothing (M2, M5, M6): when a sale happened as the shop says, which sale
 * line a design-defect refund undoes, oversold units, withdrawal statuses, and a record of every
 * payout run.
 */
export const partnerSellers: Migration = {
  version: 4,
  name: 'partner_sellers',
  sql: /* sql */ `
-- When the shop says the sale (or refund) happened; its month (M2) follows from it. Rows recorded
-- before this column existed happened when they were recorded.
ALTER TABLE seller_sales ADD COLUMN occurred_at timestamptz NULL;
UPDATE seller_sales SET occurred_at = completed_at;
ALTER TABLE seller_sales ALTER COLUMN occurred_at SET NOT NULL;

-- A design-defect refund (M5) names the sale line it undoes, so a line shows what is left of it.
-- Earlier refund lines named only the order and sku: they belong to that sku's first sale line.
ALTER TABLE seller_sales ADD COLUMN refund_of bigint NULL REFERENCES seller_sales (id);
UPDATE seller_sales r SET refund_of = (
  SELECT MIN(s.id) FROM seller_sales s
  WHERE s.order_id = r.order_id AND s.seller_id = r.seller_id AND s.sku IS NOT DISTINCT FROM r.sku AND s.quantity IS NOT NULL
) WHERE r.quantity IS NULL;
CREATE INDEX seller_sales_refund_of ON seller_sales (refund_of) WHERE refund_of IS NOT NULL;

-- Stock never goes below zero silently (M6): units sold beyond the stock are counted as oversold
-- until the shop reports its stock again.
ALTER TABLE seller_products ADD COLUMN oversold int NOT NULL DEFAULT 0 CHECK (oversold >= 0);

-- M6: a withdrawal is requested until the shop reports the transfer paid or failed.
ALTER TABLE withdrawals ADD COLUMN status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'paid', 'failed'));
ALTER TABLE withdrawals ADD COLUMN settled_at timestamptz NULL;
ALTER TABLE withdrawals ADD CONSTRAINT withdrawals_settled_when_final CHECK ((status = 'requested') = (settled_at IS NULL));

-- M2: every payout run that credited something, by the schedule or by hand; its seller_payouts
-- rows say which sellers and months it paid, and how much.
CREATE TABLE payout_runs (
  id      bigserial PRIMARY KEY,
  ran_at  timestamptz NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual'))
);
ALTER TABLE seller_payouts ADD COLUMN run_id bigint NULL REFERENCES payout_runs (id);
CREATE INDEX seller_payouts_run ON seller_payouts (run_id) WHERE run_id IS NOT NULL;
`,
};
