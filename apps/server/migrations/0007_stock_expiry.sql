-- CN-SYS-09: near-expiry warnings for stock. One notice per product, lot, expiry date and kind, so the hourly
-- sweep (inventory.expiry.sweep) announces a lot once; the window N comes from the qualification rule
-- `stock_near_expiry` (params {days}, default 90). Insert-only and row-audited, like inventory.event.
CREATE TABLE inventory.expiry_notice (
  org_id      text NOT NULL,
  id          text NOT NULL,
  product_id  text NOT NULL,
  lot         text NOT NULL DEFAULT '',
  expiry      date NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('near_expiry')),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, product_id, lot, expiry, kind)
);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON inventory.expiry_notice FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
CREATE TRIGGER expiry_notice_insert_only BEFORE UPDATE OR DELETE ON inventory.expiry_notice FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
