import type { Migration } from './migration.ts';

/**
 * One transaction per request: finished Idempotency-Keys expire (the clean-up deletes by age),
 * and per-member rate limits are kept in the database, so every instance on it shares them.
 */
export const requestTransactions: Migration = {
  version: 3,
  name: 'request_transactions',
  sql: /* sql */ `
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- A token bucket per key (a member): tokens left at updated_at, refilled at the configured rate.
-- Losing it in a crash only forgives some requests, so it skips the write-ahead log.
CREATE UNLOGGED TABLE rate_limit_buckets (
  key        text PRIMARY KEY,
  tokens     double precision NOT NULL,
  updated_at timestamptz NOT NULL
);
`,
};
