import type { Migration } from './migration.ts';

/**
 * One transaction per request: finished Idempotency-Keys expire (the clean-up deletes by age),
 * and per-member rate limits are kept in the database, so every instance on it shares them. A
 * member's ledger page reads from an index ordered by -id (see ledger-view.ts).
 */
export const requestTransactions: Migration = {
  version: 3,
  name: 'request_transactions',
  sql: /* sql */ `
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- A member's history, newest first, a page at a time. Ordered by -id rather than id: for an order
-- on id the primary key competes, and for a member holding a large share of the ledger the
-- planner walks it backwards through every newer entry of everybody else.
DROP INDEX ledger_member_currency_newest;
CREATE INDEX ledger_member_currency_page ON ledger (member_id, currency, (-id));

-- A token bucket per key (a member): tokens left at updated_at, refilled at the configured rate.
-- Losing it in a crash only forgives some requests, so it skips the write-ahead log.
CREATE UNLOGGED TABLE rate_limit_buckets (
  key        text PRIMARY KEY,
  tokens     double precision NOT NULL,
  updated_at timestamptz NOT NULL
);
`,
};
