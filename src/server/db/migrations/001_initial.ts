import type { Migration } from './migration.ts';

/**
 * The whole model. What must happen at most once is refused by the database itself (primary keys
 * and unique indexes), and so are negative balances and stock (check constraints), so racing
 * requests cannot get past a rule that a read-then-write in code would only hope to keep.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
CREATE TABLE rules_versions (
  version    int PRIMARY KEY,
  config     jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Balances are a cache of the ledger, moved in the same transaction as every ledger insert.
CREATE TABLE members (
  id                 text PRIMARY KEY,
  display_name       text,
  invited_by         text NULL REFERENCES members (id),
  is_seller          boolean NOT NULL DEFAULT false,
  registered_at      timestamptz NOT NULL DEFAULT now(),
  points             int NOT NULL DEFAULT 0 CHECK (points >= 0),
  highest_level      int NOT NULL DEFAULT 0,
  coins_available    int NOT NULL DEFAULT 0 CHECK (coins_available >= 0),
  coins_pending      int NOT NULL DEFAULT 0 CHECK (coins_pending >= 0),
  store_credit_cents bigint NOT NULL DEFAULT 0 CHECK (store_credit_cents >= 0)
);

CREATE TABLE ledger (
  id            bigserial PRIMARY KEY,
  member_id     text NOT NULL REFERENCES members (id),
  currency      text NOT NULL CHECK (currency IN ('points', 'coins', 'store_credit')),
  amount        int NOT NULL, -- signed: a reversal is negative
  rule_id       text NOT NULL,
  rules_version int NOT NULL,
  ref           text NULL,
  once_key      text NULL,
  status        text NOT NULL CHECK (status IN ('pending', 'available', 'void')),
  event_id      text NULL,
  shortfall     int NOT NULL DEFAULT 0 CHECK (shortfall >= 0),
  reverses      bigint NULL REFERENCES ledger (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- "Once per X": a second entry for the same member, currency, rule and key is refused.
CREATE UNIQUE INDEX ledger_once_key_unique
  ON ledger (member_id, currency, rule_id, once_key) WHERE once_key IS NOT NULL;
-- A member's history, newest first, one page at a time.
CREATE INDEX ledger_member_currency_newest ON ledger (member_id, currency, id DESC);
-- Pending coins are settled by the order they wait on (C19).
CREATE INDEX ledger_pending_by_ref ON ledger (ref) WHERE status = 'pending';

-- The ledger is append-only: corrections are new entries that reverse old ones. The one change
-- allowed is settling a pending entry (pending -> available or void), with nothing else touched.
-- Refusals use SQLSTATE 23001 (restrict_violation).
CREATE FUNCTION ledger_refuse_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.status = 'pending'
       AND NEW.status IN ('available', 'void')
       AND to_jsonb(NEW) - 'status' = to_jsonb(OLD) - 'status' THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION USING
      ERRCODE = 'restrict_violation',
      MESSAGE = format('ledger is append-only: entry %s cannot change from %s', OLD.id, OLD.status),
      HINT = 'Only the status of a pending entry may change, to available or void; record a correcting entry instead.';
  END IF;
  RAISE EXCEPTION USING
    ERRCODE = 'restrict_violation',
    MESSAGE = format('ledger is append-only: %s is refused', lower(TG_OP)),
    HINT = 'Record a correcting entry instead.';
END;
$$;

CREATE TRIGGER ledger_append_only_update BEFORE UPDATE ON ledger
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_rewrite();
CREATE TRIGGER ledger_append_only_delete BEFORE DELETE ON ledger
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_rewrite();
CREATE TRIGGER ledger_append_only_truncate BEFORE TRUNCATE ON ledger
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_rewrite();

-- C20: the primary key refuses a second delivery of one event. member_id is not a reference:
-- an event may name a member the database has not seen yet.
CREATE TABLE events (
  id          text PRIMARY KEY,
  type        text NOT NULL,
  member_id   text NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  result      jsonb NOT NULL
);

-- scope = caller (member id or 'shop') + method + path. status and response stay null while
-- the first request with the key is still in flight.
CREATE TABLE idempotency_keys (
  scope        text NOT NULL,
  key          text NOT NULL,
  request_hash text NOT NULL,
  status       int NULL,
  response     jsonb NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

-- C6: one check-in per member and calendar day.
CREATE TABLE check_ins (
  member_id  text NOT NULL REFERENCES members (id),
  day        date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, day)
);

-- Removed from the API means inactive: past redemptions still point at the item.
CREATE TABLE catalog_items (
  id                 text PRIMARY KEY,
  kind               text NOT NULL CHECK (kind IN ('product', 'coupon')),
  name               text NOT NULL,
  description        text NOT NULL DEFAULT '',
  image_url          text NULL,
  coins              int NOT NULL CHECK (coins >= 1),
  stock              int NOT NULL CHECK (stock >= 0),
  coupon_value_cents int NULL CHECK (coupon_value_cents >= 1),
  active             boolean NOT NULL DEFAULT true,
  updated_at         timestamptz NOT NULL DEFAULT now()
);

-- order_id is set once a completed order carries the item; from then on it cannot be removed.
CREATE TABLE cart_items (
  id              text PRIMARY KEY,
  member_id       text NOT NULL REFERENCES members (id),
  kind            text NOT NULL CHECK (kind IN ('redemption', 'upgrade_gift')),
  catalog_item_id text NULL REFERENCES catalog_items (id),
  level           int NULL,
  name            text NOT NULL,
  coins           int NOT NULL DEFAULT 0 CHECK (coins >= 0),
  shipping        text NULL CHECK (shipping IN ('now', 'with_next_order')),
  order_id        text NULL,
  removed_at      timestamptz NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  -- Without a level an upgrade gift would slip past the one-per-level index below.
  CONSTRAINT cart_items_upgrade_gift_has_level CHECK (kind <> 'upgrade_gift' OR level IS NOT NULL)
);

-- P5: one upgrade gift per member and level, ever (a removed gift still counts).
CREATE UNIQUE INDEX cart_items_one_upgrade_gift_per_level
  ON cart_items (member_id, level) WHERE kind = 'upgrade_gift';
CREATE INDEX cart_items_member ON cart_items (member_id, created_at);

-- S2: a coupon never expires and is never turned back into coins.
CREATE TABLE coupons (
  code            text PRIMARY KEY,
  member_id       text NOT NULL REFERENCES members (id),
  catalog_item_id text NULL REFERENCES catalog_items (id),
  value_cents     int NOT NULL CHECK (value_cents >= 1),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coupons_member ON coupons (member_id, created_at);

CREATE TABLE projects (
  id         text PRIMARY KEY,
  author_id  text NOT NULL REFERENCES members (id),
  title      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE donations (
  id         bigserial PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id),
  donor_id   text NOT NULL REFERENCES members (id),
  coins      int NOT NULL CHECK (coins >= 1),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX donations_project_newest ON donations (project_id, id DESC);

-- C8: a (member, project) pair counts once ever, so unlike and like again earns nothing.
-- No references: a like may name a project (or member) known only to the shop.
CREATE TABLE project_likes (
  member_id  text NOT NULL,
  project_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, project_id)
);

CREATE TABLE orders (
  id             text PRIMARY KEY,
  member_id      text NOT NULL REFERENCES members (id),
  status         text NOT NULL CHECK (status IN ('completed', 'cancelled')),
  eligible_cents bigint NOT NULL DEFAULT 0 CHECK (eligible_cents >= 0),
  points         int NOT NULL DEFAULT 0,
  coins          int NOT NULL DEFAULT 0,
  refunded_cents bigint NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
  completed_at   timestamptz NULL,
  cancelled_at   timestamptz NULL
);

-- Partner sellers. A sale line keeps the amounts as computed at completion (M1); month is the
-- calendar month (YYYY-MM) whose payout carries it (M2).
CREATE TABLE seller_sales (
  id           bigserial PRIMARY KEY,
  seller_id    text NOT NULL REFERENCES members (id),
  order_id     text NOT NULL,
  sku          text NULL,
  line_cents   bigint NOT NULL,
  fee_cents    bigint NOT NULL,
  net_cents    bigint NOT NULL,
  month        text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  completed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seller_sales_seller_month ON seller_sales (seller_id, month);

-- M2: a payout run is idempotent per seller and month.
CREATE TABLE seller_payouts (
  seller_id text NOT NULL REFERENCES members (id),
  month     text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  net_cents bigint NOT NULL,
  paid_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (seller_id, month)
);

CREATE TABLE withdrawals (
  id           bigserial PRIMARY KEY,
  seller_id    text NOT NULL REFERENCES members (id),
  amount_cents bigint NOT NULL CHECK (amount_cents >= 1),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX withdrawals_seller ON withdrawals (seller_id, id DESC);
`,
};
