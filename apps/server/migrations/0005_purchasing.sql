-- Issue 5 (purchasing): purchase orders (F-CN-3, GSP 55/56) and their lines. The purchase record
-- (F-CN-4, GSP 58) is a read over approved and closed orders, not a table of its own.
CREATE SCHEMA IF NOT EXISTS purchasing;

CREATE TABLE purchasing.purchase_order (
  org_id                  text NOT NULL,
  id                      text NOT NULL,
  number                  text NOT NULL,
  -- The supplier as it stood when the order was written (a later master-data change does not rewrite it).
  supplier_id             text NOT NULL,
  supplier_name           text NOT NULL,
  supplier_address        text NOT NULL,
  supplier_contact        text,
  supplier_phone          text,
  order_date              date NOT NULL,
  expected_delivery_date  date,
  currency                text NOT NULL DEFAULT 'CNY' CHECK (currency = 'CNY'),
  -- GSP 56: quality and after-sales responsibility clauses are part of every order (CN-PUR-01).
  quality_clause          text NOT NULL CHECK (length(btrim(quality_clause)) > 0),
  after_sales_clause      text NOT NULL CHECK (length(btrim(after_sales_clause)) > 0),
  note                    text,
  -- 直调 (CN-PUR-03): a reason code and the customer the goods go to, both or neither.
  direct                  boolean NOT NULL DEFAULT false,
  direct_reason           text CHECK (direct_reason IN ('disaster', 'epidemic', 'emergency_rescue', 'clinical_urgency', 'large_equipment', 'other_permitted')),
  direct_note             text,
  direct_customer_id      text,
  direct_customer_name    text,
  -- Computed by the server from the lines: what approval rules and signatures see.
  total                   numeric(16, 2) NOT NULL CHECK (total >= 0),
  line_count              integer NOT NULL CHECK (line_count > 0),
  max_device_class        text NOT NULL CHECK (max_device_class IN ('I', 'II', 'III')),
  lines_digest            text NOT NULL,
  status                  text NOT NULL,
  version                 integer NOT NULL,
  created_by              text NOT NULL,
  submitted_by            text,
  submitted_at            timestamptz,
  approved_by             text,
  approved_at             timestamptz,
  closed_by               text,
  closed_at               timestamptz,
  cancelled_by            text,
  cancelled_at            timestamptz,
  cancel_reason           text,
  created_at              timestamptz NOT NULL,
  updated_at              timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, number),
  CHECK ((direct AND direct_reason IS NOT NULL AND direct_customer_id IS NOT NULL)
      OR (NOT direct AND direct_reason IS NULL AND direct_customer_id IS NULL))
);
CREATE INDEX purchase_order_supplier ON purchasing.purchase_order (org_id, supplier_id);
CREATE INDEX purchase_order_status_date ON purchasing.purchase_order (org_id, status, order_date);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON purchasing.purchase_order FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- One product per line, with the F-CN-3/F-CN-4 product facts copied at order time.
CREATE TABLE purchasing.purchase_order_line (
  org_id           text NOT NULL,
  id               text NOT NULL,
  order_id         text NOT NULL,
  line_no          integer NOT NULL CHECK (line_no > 0),
  product_id       text NOT NULL,
  product_name     text NOT NULL,
  product_model    text NOT NULL,
  registrant       text NOT NULL,
  registration_no  text NOT NULL,
  device_class     text NOT NULL CHECK (device_class IN ('I', 'II', 'III')),
  unit             text NOT NULL,
  quantity         numeric(14, 3) NOT NULL CHECK (quantity > 0),
  unit_price       numeric(16, 4) NOT NULL CHECK (unit_price >= 0),
  amount           numeric(16, 2) NOT NULL CHECK (amount >= 0),
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, order_id, line_no),
  -- Same org_id on both sides: co-located under a distributed engine.
  FOREIGN KEY (org_id, order_id) REFERENCES purchasing.purchase_order (org_id, id)
);
CREATE INDEX purchase_order_line_product ON purchasing.purchase_order_line (org_id, product_id);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON purchasing.purchase_order_line FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
