-- Issue 5: storage locations, the append-only inventory ledger with its EPCIS-shaped events,
-- and the balance projection updated in the same transaction.
CREATE SCHEMA IF NOT EXISTS inventory;

-- Bins with the conditions they keep (CN-INV-06) and the quality statuses they may hold (CN-INV-01).
CREATE TABLE inventory.location (
  org_id          text NOT NULL,
  id              text NOT NULL,
  warehouse_id    text NOT NULL,
  code            text NOT NULL,
  name            text NOT NULL,
  zone            text NOT NULL CHECK (zone IN ('receiving', 'quarantine', 'storage', 'rejected', 'returns', 'shipping', 'hold')),
  statuses        text[] NOT NULL,
  temp_min        numeric(5, 1),
  temp_max        numeric(5, 1),
  humidity_min    numeric(4, 1),
  humidity_max    numeric(4, 1),
  light_protected boolean NOT NULL DEFAULT false,
  active          boolean NOT NULL DEFAULT true,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, code)
);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON inventory.location FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- One EPCIS-shaped event per posting step (what / when / where / why); EPCIS export is a projection of it.
CREATE TABLE inventory.event (
  org_id             text NOT NULL,
  id                 text NOT NULL,
  event_type         text NOT NULL CHECK (event_type IN ('ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent')),
  action             text CHECK (action IN ('ADD', 'OBSERVE', 'DELETE')),
  biz_step           text NOT NULL,
  disposition        text,
  event_time         timestamptz NOT NULL,
  read_point         text,
  biz_location       text,
  biz_transactions   jsonb NOT NULL DEFAULT '[]',
  what               jsonb NOT NULL,
  source_type        text NOT NULL,
  source_id          text NOT NULL,
  command_id         text NOT NULL,
  -- The movements of this event, counted and hashed when they were written: the event row is audited
  -- (hence chained), so the ledger is tamper-evident without one audit row per movement.
  movements_count    integer NOT NULL,
  movements_digest   text NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON inventory.event FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- The ledger: one signed movement per product, lot, serial, location and quality status. Never
-- updated; a correction is a reversing movement.
CREATE TABLE inventory.movement (
  org_id       text NOT NULL,
  id           bigint GENERATED ALWAYS AS IDENTITY,
  product_id   text NOT NULL,
  lot          text NOT NULL DEFAULT '',
  serial       text NOT NULL DEFAULT '',
  expiry       date,
  location_id  text NOT NULL,
  status       text NOT NULL CHECK (status IN ('quarantine', 'released', 'rejected', 'hold', 'recalled', 'expired', 'returned')),
  quantity     numeric(18, 3) NOT NULL CHECK (quantity <> 0),
  source_type  text NOT NULL,
  source_id    text NOT NULL,
  source_line  text,
  event_id     text NOT NULL,
  command_id   text NOT NULL,
  at           timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
-- The stock card of a lot or serial; the only secondary index (each costs more than the heap insert).
CREATE INDEX movement_item ON inventory.movement (org_id, product_id, lot, serial);

-- The balance projection. The database guarantees what no concurrent request may break: stock is
-- never negative, a serialised unit is at most one, and a serial is in one place only.
CREATE TABLE inventory.balance (
  org_id       text NOT NULL,
  product_id   text NOT NULL,
  lot          text NOT NULL,
  serial       text NOT NULL,
  location_id  text NOT NULL,
  status       text NOT NULL,
  expiry       date,
  quantity     numeric(18, 3) NOT NULL,
  updated_at   timestamptz NOT NULL,
  PRIMARY KEY (org_id, product_id, lot, serial, location_id, status),
  CONSTRAINT balance_not_negative CHECK (quantity >= 0),
  CONSTRAINT balance_serial_is_one_unit CHECK (serial = '' OR quantity <= 1)
);
CREATE UNIQUE INDEX balance_serial_in_one_place ON inventory.balance (org_id, product_id, serial) WHERE serial <> '' AND quantity > 0;

-- Guards are statement-level where a posting writes thousands of rows at once.
CREATE TRIGGER movement_insert_only BEFORE UPDATE OR DELETE ON inventory.movement FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER movement_no_truncate BEFORE TRUNCATE ON inventory.movement FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER movement_requires_command BEFORE INSERT ON inventory.movement FOR EACH STATEMENT EXECUTE FUNCTION audit.require_command();
CREATE TRIGGER event_insert_only BEFORE UPDATE OR DELETE ON inventory.event FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER event_requires_command BEFORE INSERT ON inventory.event FOR EACH STATEMENT EXECUTE FUNCTION audit.require_command();
CREATE TRIGGER balance_requires_command BEFORE INSERT OR UPDATE OR DELETE ON inventory.balance FOR EACH STATEMENT EXECUTE FUNCTION audit.require_command();
