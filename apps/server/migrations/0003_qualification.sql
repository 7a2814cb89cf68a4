-- Issue 4: product and party details of F-CN-1/F-CN-2, licences, authorisation letters, scanned files,
-- 首营 qualification files, change requests, versioned qualification rules and expiry notices.
CREATE SCHEMA IF NOT EXISTS qualification;

-- Scanned documents and images. The content is kept out of the audit images (its SHA-256 is in them).
CREATE TABLE platform.file (
  org_id       text NOT NULL,
  id           text NOT NULL,
  name         text NOT NULL,
  mime         text NOT NULL,
  size         integer NOT NULL,
  sha256       text NOT NULL,
  content      bytea NOT NULL,
  uploaded_by  text NOT NULL,
  uploaded_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE TRIGGER file_insert_only BEFORE UPDATE OR DELETE ON platform.file FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON platform.file FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- Products: registration, manufacturer, storage and transport conditions, label, issuing agency.
ALTER TABLE master_data.product
  ADD COLUMN registration_kind      text NOT NULL DEFAULT 'registration' CHECK (registration_kind IN ('registration', 'filing')),
  ADD COLUMN registration_valid_from date,
  ADD COLUMN registration_scope     text,
  ADD COLUMN registration_file_id   text,
  ADD COLUMN manufacturer           text,
  ADD COLUMN manufacturer_licence_no text,
  ADD COLUMN humidity_min           numeric(4, 1),
  ADD COLUMN humidity_max           numeric(4, 1),
  ADD COLUMN light_protection       boolean NOT NULL DEFAULT false,
  ADD COLUMN stacking_limit         integer,
  ADD COLUMN transport_conditions   text,
  ADD COLUMN issuing_agency         text CHECK (issuing_agency IN ('GS1', 'MA', 'AHM', 'HIBCC', 'ICCBBA', 'IFA')),
  ADD COLUMN label_file_id          text,
  ADD COLUMN locked_reason          text;

-- Packaging levels, each with its own UDI-DI: 0 = unit, 1 = case, 2 = pallet, …
CREATE TABLE master_data.product_package (
  org_id      text NOT NULL,
  id          text NOT NULL,
  product_id  text NOT NULL,
  level       integer NOT NULL CHECK (level BETWEEN 0 AND 5),
  name        text NOT NULL,
  udi_di      text,
  quantity    integer NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, product_id, level)
);
CREATE UNIQUE INDEX product_package_udi_di ON master_data.product_package (org_id, udi_di) WHERE udi_di IS NOT NULL;
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON master_data.product_package FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- Parties: region for territory checks, customer type, delivery-note template and seal, audits.
ALTER TABLE master_data.party
  ADD COLUMN region                 text,
  ADD COLUMN customer_type          text CHECK (customer_type IN ('medical_institution', 'distributor', 'producer', 'other_user')),
  ADD COLUMN delivery_note_file_id  text,
  ADD COLUMN seal_file_id           text,
  ADD COLUMN onsite_audit_date      date,
  ADD COLUMN onsite_audit_result    text,
  ADD COLUMN regulator_report_flag  boolean NOT NULL DEFAULT false,
  ADD COLUMN locked_reason          text;

CREATE TABLE master_data.licence (
  org_id      text NOT NULL,
  id          text NOT NULL,
  party_id    text NOT NULL,
  type        text NOT NULL CHECK (type IN ('business_licence', 'operating_licence', 'operating_filing', 'production_licence',
                                            'production_filing', 'medical_institution_licence', 'other')),
  number      text NOT NULL,
  issuer      text NOT NULL,
  scope       text[] NOT NULL DEFAULT '{}',
  valid_from  date NOT NULL,
  valid_to    date,
  file_id     text,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, type, number)
);
CREATE INDEX licence_party ON master_data.licence (org_id, party_id);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON master_data.licence FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- 授权书: which products, territory (province codes, or * for all), period and salesperson.
CREATE TABLE master_data.authorisation (
  org_id                 text NOT NULL,
  id                     text NOT NULL,
  party_id               text NOT NULL,
  grantor                text NOT NULL,
  product_ids            text[] NOT NULL,
  territory              text[] NOT NULL,
  valid_from             date NOT NULL,
  valid_to               date NOT NULL,
  salesperson_name       text NOT NULL,
  salesperson_id_number  text NOT NULL,
  file_id                text,
  salesperson_id_file_id text,
  active                 boolean NOT NULL DEFAULT true,
  created_at             timestamptz NOT NULL,
  updated_at             timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX authorisation_party ON master_data.authorisation (org_id, party_id);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON master_data.authorisation FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- 首营档案: supplier, product and customer files with their own lifecycle.
CREATE TABLE qualification.qualification_file (
  org_id        text NOT NULL,
  id            text NOT NULL,
  number        text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('supplier', 'product', 'customer')),
  subject_id    text NOT NULL,
  note          text,
  status        text NOT NULL,
  version       integer NOT NULL,
  created_by    text NOT NULL,
  submitted_by  text,
  submitted_at  timestamptz,
  reviewed_by   text,
  reviewed_at   timestamptz,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, number)
);
CREATE INDEX qualification_file_subject ON qualification.qualification_file (org_id, subject_id, kind);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON qualification.qualification_file FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- Changes to approved master data: proposed, reviewed and signed, then applied as a new version.
CREATE TABLE qualification.change_request (
  org_id        text NOT NULL,
  id            text NOT NULL,
  number        text NOT NULL,
  target        text NOT NULL CHECK (target IN ('master_data.product', 'master_data.party')),
  target_id     text NOT NULL,
  changes       jsonb NOT NULL,
  status        text NOT NULL,
  version       integer NOT NULL,
  created_by    text NOT NULL,
  submitted_by  text,
  submitted_at  timestamptz,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, number)
);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON qualification.change_request FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- Qualification rules as versioned data with effective dates and a scope (legal entity region).
CREATE TABLE qualification.rule (
  org_id           text NOT NULL,
  id               text NOT NULL,
  rule_key         text NOT NULL,
  version          integer NOT NULL,
  region           text NOT NULL DEFAULT '*',
  enabled          boolean NOT NULL,
  params           jsonb NOT NULL DEFAULT '{}',
  effective_from   date NOT NULL,
  effective_to     date,
  requirement_ids  text[] NOT NULL,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, rule_key, region, version)
);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON qualification.rule FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

-- One notice per document, kind and expiry date, so the sweep never warns twice.
CREATE TABLE qualification.expiry_notice (
  org_id         text NOT NULL,
  id             text NOT NULL,
  document_type  text NOT NULL CHECK (document_type IN ('licence', 'registration', 'authorisation')),
  document_id    text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('warning', 'expired')),
  valid_to       date NOT NULL,
  created_at     timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, document_type, document_id, kind, valid_to)
);
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON qualification.expiry_notice FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();

ALTER TABLE platform.org ADD COLUMN region text NOT NULL DEFAULT '31';
