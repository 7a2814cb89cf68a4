-- Issue 5 (receiving): goods receipts against purchase orders (收货, CN-REC-01..03), acceptance records
-- (验收, F-CN-5, CN-ACC-01..03), putaway documents (入库, F-CN-7) and SSCC aggregation links.
-- Stock itself moves only through inventory.movement (postStock); these tables are the documents.
CREATE SCHEMA IF NOT EXISTS receiving;

CREATE TABLE receiving.goods_receipt (
  org_id               text NOT NULL,
  id                   text NOT NULL,
  number               text NOT NULL,
  purchase_order_id    text NOT NULL,
  purchase_order_no    text NOT NULL,
  order_date           date NOT NULL,
  -- The supplier as the order copied it (F-CN-5 needs name, address and contact on the acceptance record).
  supplier_id          text NOT NULL,
  supplier_name        text NOT NULL,
  supplier_address     text,
  supplier_contact     text,
  supplier_phone       text,
  delivery_note_no     text NOT NULL CHECK (length(btrim(delivery_note_no)) > 0),
  deliverer_name       text NOT NULL CHECK (length(btrim(deliverer_name)) > 0),
  receiver_id          text NOT NULL,
  receiver_name        text NOT NULL,
  receipt_date         date NOT NULL,
  location_id          text NOT NULL,
  reject_location_id   text,
  -- CN-REC-03 cold-chain arrival record.
  cold_chain           boolean NOT NULL DEFAULT false,
  transport_mode       text CHECK (transport_mode IN ('refrigerated_vehicle', 'insulated_box', 'cold_chain_courier', 'other')),
  temperature_file_id  text,
  temperature_readings jsonb,
  departed_at          timestamptz,
  arrived_at           timestamptz,
  arrival_temperature  numeric(5, 1),
  flags                jsonb NOT NULL DEFAULT '[]',
  blocking             boolean NOT NULL DEFAULT false,
  event_id             text,
  status               text NOT NULL,
  version              integer NOT NULL,
  created_by           text NOT NULL,
  received_by          text,
  received_at          timestamptz,
  cancelled_by         text,
  cancelled_at         timestamptz,
  created_at           timestamptz NOT NULL,
  updated_at           timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, number),
  CHECK (NOT cold_chain OR (transport_mode IS NOT NULL AND departed_at IS NOT NULL AND arrived_at IS NOT NULL AND arrival_temperature IS NOT NULL))
);
CREATE INDEX goods_receipt_order ON receiving.goods_receipt (org_id, purchase_order_id);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON receiving.goods_receipt FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- One product and lot per line, with the product facts copied from the order line.
CREATE TABLE receiving.goods_receipt_line (
  org_id                text NOT NULL,
  id                    text NOT NULL,
  receipt_id            text NOT NULL,
  line_no               integer NOT NULL CHECK (line_no > 0),
  order_line_id         text NOT NULL,
  product_id            text NOT NULL,
  product_name          text NOT NULL,
  product_model         text NOT NULL,
  registrant            text NOT NULL,
  registration_no       text NOT NULL,
  udi_di                text,
  tracking              text NOT NULL,
  unit                  text NOT NULL,
  lot                   text NOT NULL DEFAULT '',
  production_date       date,
  expiry                date,
  delivery_note_expiry  date,
  quantity              numeric(14, 3) NOT NULL CHECK (quantity > 0),
  serial_count          integer NOT NULL DEFAULT 0,
  -- Arrival temperature outside the product's range: recorded, posted to rejected, never accepted (CN-REC-03).
  cold_chain_excursion  boolean NOT NULL DEFAULT false,
  received_status       text NOT NULL DEFAULT 'quarantine' CHECK (received_status IN ('quarantine', 'rejected')),
  created_at            timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, receipt_id, line_no),
  FOREIGN KEY (org_id, receipt_id) REFERENCES receiving.goods_receipt (org_id, id)
);
CREATE INDEX goods_receipt_line_order_line ON receiving.goods_receipt_line (org_id, order_line_id);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON receiving.goods_receipt_line FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- The serials of a line (10,000 per lot is usual for implants by the case): insert-only like the ledger,
-- sealed through the command digest of the audited receipt line that counts them.
CREATE TABLE receiving.received_unit (
  org_id      text NOT NULL,
  receipt_id  text NOT NULL,
  line_id     text NOT NULL,
  product_id  text NOT NULL,
  serial      text NOT NULL,
  PRIMARY KEY (org_id, line_id, serial)
);
CREATE INDEX received_unit_serial ON receiving.received_unit (org_id, product_id, serial);
CREATE TRIGGER received_unit_insert_only BEFORE UPDATE OR DELETE ON receiving.received_unit FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER received_unit_requires_command BEFORE INSERT ON receiving.received_unit FOR EACH STATEMENT EXECUTE FUNCTION audit.require_command();

-- SSCC parent → child links (a pallet holds cases, a case holds units), for trace in both directions.
CREATE TABLE receiving.aggregation (
  org_id       text NOT NULL,
  receipt_id   text NOT NULL,
  parent_sscc  text NOT NULL,
  child_kind   text NOT NULL CHECK (child_kind IN ('sscc', 'serial')),
  child_sscc   text NOT NULL DEFAULT '',
  product_id   text NOT NULL DEFAULT '',
  lot          text NOT NULL DEFAULT '',
  serial       text NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, receipt_id, parent_sscc, child_kind, child_sscc, product_id, serial)
);
CREATE INDEX aggregation_parent ON receiving.aggregation (org_id, parent_sscc);
CREATE INDEX aggregation_child_sscc ON receiving.aggregation (org_id, child_sscc) WHERE child_kind = 'sscc';
CREATE INDEX aggregation_child_serial ON receiving.aggregation (org_id, product_id, serial) WHERE child_kind = 'serial';
CREATE TRIGGER aggregation_insert_only BEFORE UPDATE OR DELETE ON receiving.aggregation FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER aggregation_requires_command BEFORE INSERT ON receiving.aggregation FOR EACH STATEMENT EXECUTE FUNCTION audit.require_command();

-- 验收记录 (F-CN-5): one per posted receipt.
CREATE TABLE receiving.acceptance (
  org_id            text NOT NULL,
  id                text NOT NULL,
  number            text NOT NULL,
  receipt_id        text NOT NULL,
  receipt_no        text NOT NULL,
  purchase_order_no text NOT NULL,
  purchase_date     date,
  supplier_id       text NOT NULL,
  supplier_name     text,
  supplier_address  text,
  supplier_contact  text,
  reject_location_id text,
  lines_digest      text NOT NULL,
  inspector_id      text,
  inspector_name    text,
  acceptance_date   date,
  event_id          text,
  status            text NOT NULL,
  version           integer NOT NULL,
  created_by        text NOT NULL,
  accepted_by       text,
  accepted_at       timestamptz,
  cancelled_by      text,
  cancelled_at      timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, number)
);
-- At most one live acceptance per receipt: stock is accepted once.
CREATE UNIQUE INDEX acceptance_one_per_receipt ON receiving.acceptance (org_id, receipt_id) WHERE status <> 'cancelled';
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON receiving.acceptance FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

CREATE TABLE receiving.acceptance_line (
  org_id             text NOT NULL,
  id                 text NOT NULL,
  acceptance_id      text NOT NULL,
  line_no            integer NOT NULL CHECK (line_no > 0),
  receipt_line_id    text NOT NULL,
  product_id         text NOT NULL,
  product_name       text,
  product_model      text,
  registrant         text,
  registration_no    text,
  udi_di             text,
  tracking           text NOT NULL,
  lot                text NOT NULL DEFAULT '',
  serial_count       integer NOT NULL DEFAULT 0,
  expiry             date,
  quantity           numeric(14, 3) NOT NULL,
  verdict            text NOT NULL CHECK (verdict IN ('accepted', 'rejected', 'partial')),
  accepted_quantity  numeric(14, 3) NOT NULL CHECK (accepted_quantity >= 0),
  rejected_quantity  numeric(14, 3) NOT NULL CHECK (rejected_quantity >= 0),
  -- Per-serial verdicts: only the rejected serials are listed, each with its defect.
  rejected_serials   jsonb NOT NULL DEFAULT '[]',
  defects            text,
  disposition        text CHECK (disposition IN ('return_to_supplier', 'destroy', 'quarantine_hold', 'other')),
  cold_chain_excursion boolean NOT NULL DEFAULT false,
  created_at         timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, acceptance_id, line_no),
  FOREIGN KEY (org_id, acceptance_id) REFERENCES receiving.acceptance (org_id, id)
);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON receiving.acceptance_line FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- 入库 (F-CN-7): released stock from receiving/quarantine bins into storage.
CREATE TABLE receiving.putaway (
  org_id          text NOT NULL,
  id              text NOT NULL,
  number          text NOT NULL,
  putaway_date    date NOT NULL,
  to_location_id  text NOT NULL,
  event_id        text NOT NULL,
  status          text NOT NULL,
  version         integer NOT NULL,
  created_by      text NOT NULL,
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, number)
);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON receiving.putaway FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

CREATE TABLE receiving.putaway_line (
  org_id            text NOT NULL,
  id                text NOT NULL,
  putaway_id        text NOT NULL,
  line_no           integer NOT NULL CHECK (line_no > 0),
  product_id        text NOT NULL,
  product_name      text NOT NULL,
  udi_di            text,
  lot               text NOT NULL DEFAULT '',
  serials           jsonb NOT NULL DEFAULT '[]',
  from_location_id  text NOT NULL,
  quantity          numeric(14, 3) NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, putaway_id, line_no),
  FOREIGN KEY (org_id, putaway_id) REFERENCES receiving.putaway (org_id, id)
);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON receiving.putaway_line FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
