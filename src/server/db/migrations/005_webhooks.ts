import type { Migration } from './migration.ts';

/**
 * The shop integration: coupons used at checkout, webhook endpoints, and the outbox of events
 * with one delivery per subscribed endpoint. Events are written in the same transaction as the
 * change they report, so a rolled-back change leaves none and a committed one is never lost.
 */
export const webhooks: Migration = {
  version: 5,
  name: 'webhooks',
  sql: /* sql */ `
-- A coupon is used once, by one order; both columns are set together.
ALTER TABLE coupons ADD COLUMN used_at timestamptz NULL;
ALTER TABLE coupons ADD COLUMN order_id text NULL;
ALTER TABLE coupons ADD CONSTRAINT coupons_used_with_order CHECK ((used_at IS NULL) = (order_id IS NULL));

-- events: a JSON array of event types, or ["*"] for all. The secret signs every delivery.
CREATE TABLE webhook_endpoints (
  id         text PRIMARY KEY,
  url        text NOT NULL,
  events     jsonb NOT NULL CHECK (jsonb_typeof(events) = 'array'),
  enabled    boolean NOT NULL DEFAULT true,
  secret     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The outbox. member_id is whose events must arrive in order (a seller's id for seller events).
CREATE TABLE webhook_events (
  id         text PRIMARY KEY,
  seq        bigserial UNIQUE,
  type       text NOT NULL,
  member_id  text NOT NULL,
  data       jsonb NOT NULL,
  created_at timestamptz NOT NULL
);

-- One delivery per event and subscribed endpoint. A delivery in flight holds a lease
-- (leased_until), so one instance at a time posts it; a lease left by a killed instance expires.
CREATE TABLE webhook_deliveries (
  id               bigserial PRIMARY KEY,
  endpoint_id      text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_id         text NOT NULL REFERENCES webhook_events (id),
  member_id        text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at  timestamptz NULL,
  leased_until     timestamptz NULL,
  last_status_code int NULL,
  last_error       text NULL,
  delivered_at     timestamptz NULL,
  created_at       timestamptz NOT NULL,
  UNIQUE (endpoint_id, event_id)
);
-- What is due, and what comes first for one member at one endpoint.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_member_order ON webhook_deliveries (endpoint_id, member_id, id) WHERE status = 'pending';
-- An endpoint's log, newest first.
CREATE INDEX webhook_deliveries_endpoint_newest ON webhook_deliveries (endpoint_id, id DESC);
`,
};
