-- Master data (first slice): products, parties, warehouses. Issue 4 extends them.
CREATE SCHEMA IF NOT EXISTS master_data;

CREATE TABLE master_data.product (
  org_id                 text NOT NULL,
  id                     text NOT NULL,
  number                 text NOT NULL,
  name                   text NOT NULL,
  model                  text NOT NULL,
  registrant             text NOT NULL,
  registration_no        text NOT NULL,
  registration_valid_to  date,
  device_class           text NOT NULL CHECK (device_class IN ('I', 'II', 'III')),
  category_code          text NOT NULL,
  udi_di                 text,
  tracking               text NOT NULL CHECK (tracking IN ('lot', 'serial', 'lot_serial')),
  storage_temp_min       numeric(5, 1),
  storage_temp_max       numeric(5, 1),
  shelf_life_days        integer,
  implantable            boolean NOT NULL DEFAULT false,
  status                 text NOT NULL,
  version                integer NOT NULL,
  created_by             text NOT NULL,
  submitted_by           text,
  submitted_at           timestamptz,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, number)
);
CREATE UNIQUE INDEX product_udi_di ON master_data.product (org_id, udi_di) WHERE udi_di IS NOT NULL;

CREATE TABLE master_data.party (
  org_id            text NOT NULL,
  id                text NOT NULL,
  number            text NOT NULL,
  name              text NOT NULL,
  kinds             text[] NOT NULL,
  credit_code       text NOT NULL,
  licence_no        text,
  licence_valid_to  date,
  address           text NOT NULL,
  contact           text,
  phone             text,
  status            text NOT NULL,
  version           integer NOT NULL,
  created_by        text NOT NULL,
  submitted_by      text,
  submitted_at      timestamptz,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, number),
  UNIQUE (org_id, credit_code)
);

CREATE TABLE master_data.warehouse (
  org_id      text NOT NULL,
  id          text NOT NULL,
  code        text NOT NULL,
  name        text NOT NULL,
  address     text NOT NULL,
  cold_chain  boolean NOT NULL DEFAULT false,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, code)
);

CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON master_data.product FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON master_data.party FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON master_data.warehouse FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
