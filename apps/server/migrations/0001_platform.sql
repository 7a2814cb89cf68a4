-- Platform: audit trail, identity, signatures, approvals, outbox, webhooks.
-- Written in PostgreSQL 15 SQL so that it runs unchanged on PGlite and PostgreSQL.

CREATE SCHEMA IF NOT EXISTS audit;
CREATE SCHEMA IF NOT EXISTS platform;

-- Guards ---------------------------------------------------------------------------------------

-- Refuses any write made outside a command (the bus sets app.command_id with SET LOCAL).
CREATE FUNCTION audit.require_command() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('app.command_id', true), '') = '' THEN
    RAISE EXCEPTION 'write to %.% outside a command', TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'P0401', HINT = 'CUSTODIA_WRITE_OUTSIDE_COMMAND';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

-- Audit and ledger tables accept INSERT only, for every role that goes through triggers.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%.% is insert-only', TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'P0402', HINT = 'CUSTODIA_INSERT_ONLY';
END $$;

-- Audit trail -----------------------------------------------------------------------------------

CREATE TABLE audit.row_change (
  id          bigserial PRIMARY KEY,
  org_id      text NOT NULL,
  command_id  text NOT NULL,
  table_name  text NOT NULL,
  row_id      text NOT NULL,
  op          text NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
  before      jsonb,
  after       jsonb
);
CREATE INDEX row_change_command ON audit.row_change (command_id);
CREATE INDEX row_change_record ON audit.row_change (table_name, row_id);

-- Records before/after of every business-table write; secrets never enter the trail, nor file bytes
-- (a file's row image keeps its SHA-256).
-- A status may change only inside a lifecycle transition (app.transition set by the bus).
CREATE FUNCTION audit.record_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cmd text := coalesce(current_setting('app.command_id', true), '');
  old_row jsonb;
  new_row jsonb;
BEGIN
  IF cmd = '' THEN
    RAISE EXCEPTION 'write to %.% outside a command', TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'P0401', HINT = 'CUSTODIA_WRITE_OUTSIDE_COMMAND';
  END IF;
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - ARRAY['password_hash', 'secret', 'key_hash', 'token_hash', 'content']; END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - ARRAY['password_hash', 'secret', 'key_hash', 'token_hash', 'content']; END IF;
  IF TG_OP = 'UPDATE' AND (old_row -> 'status') IS DISTINCT FROM (new_row -> 'status')
     AND coalesce(current_setting('app.transition', true), '') = '' THEN
    RAISE EXCEPTION 'status of %.% changed outside a lifecycle transition', TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'P0403', HINT = 'CUSTODIA_STATUS_OUTSIDE_TRANSITION';
  END IF;
  INSERT INTO audit.row_change (org_id, command_id, table_name, row_id, op, before, after)
  VALUES (coalesce(new_row ->> 'org_id', old_row ->> 'org_id'), cmd, TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME,
          coalesce(new_row ->> 'id', old_row ->> 'id'), TG_OP, old_row, new_row);
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

-- The command log, hash-chained per stream. Each transaction claims a free stream with a
-- transaction-scoped advisory lock and appends to it, so there is no single global chain head.
CREATE TABLE audit.command_log (
  id              text PRIMARY KEY,
  org_id          text NOT NULL,
  command         text NOT NULL,
  actor_id        text NOT NULL,
  actor_name      text NOT NULL,
  reason          text,
  input           jsonb NOT NULL,
  signature_ids   text[] NOT NULL DEFAULT '{}',
  at              timestamptz NOT NULL,
  changes_count   integer NOT NULL,
  changes_digest  text NOT NULL,
  stream_id       integer,
  stream_seq      bigint,
  prev_hash       text,
  hash            text,
  UNIQUE (stream_id, stream_seq)
);
CREATE INDEX command_log_at ON audit.command_log (at);

-- Tips of every stream, recorded periodically by a single writer: deleting the newest entries of a
-- stream (which no later link would reveal) is detected up to the last anchor.
CREATE TABLE audit.chain_anchor (
  id          bigserial PRIMARY KEY,
  command_id  text NOT NULL,
  stream_id   integer NOT NULL,
  stream_seq  bigint NOT NULL,
  hash        text NOT NULL,
  at          timestamptz NOT NULL
);
CREATE INDEX chain_anchor_stream ON audit.chain_anchor (stream_id, stream_seq);

CREATE TRIGGER row_change_insert_only BEFORE UPDATE OR DELETE ON audit.row_change
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER row_change_no_truncate BEFORE TRUNCATE ON audit.row_change
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER command_log_insert_only BEFORE UPDATE OR DELETE ON audit.command_log
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER command_log_no_truncate BEFORE TRUNCATE ON audit.command_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER row_change_requires_command BEFORE INSERT ON audit.row_change
  FOR EACH ROW EXECUTE FUNCTION audit.require_command();
CREATE TRIGGER command_log_requires_command BEFORE INSERT ON audit.command_log
  FOR EACH ROW EXECUTE FUNCTION audit.require_command();
CREATE TRIGGER chain_anchor_requires_command BEFORE INSERT ON audit.chain_anchor
  FOR EACH ROW EXECUTE FUNCTION audit.require_command();
CREATE TRIGGER chain_anchor_insert_only BEFORE UPDATE OR DELETE ON audit.chain_anchor
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();

-- Identity ----------------------------------------------------------------------------------------

CREATE TABLE platform.org (
  org_id      text NOT NULL,
  id          text NOT NULL,
  name        text NOT NULL,
  name_en     text,
  credit_code text,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);

CREATE TABLE platform.app_user (
  org_id              text NOT NULL,
  id                  text NOT NULL,
  username            text NOT NULL,
  display_name        text NOT NULL,
  password_hash       text NOT NULL,
  locale              text NOT NULL DEFAULT 'zh-CN',
  active              boolean NOT NULL DEFAULT true,
  is_system           boolean NOT NULL DEFAULT false,
  failed_attempts     integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  password_changed_at timestamptz NOT NULL,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, username)
);
CREATE INDEX app_user_username ON platform.app_user (username);

CREATE TABLE platform.role (
  org_id       text NOT NULL,
  id           text NOT NULL,
  key          text NOT NULL,
  name_zh      text NOT NULL,
  name_en      text NOT NULL,
  permissions  text[] NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, key)
);

CREATE TABLE platform.user_role (
  org_id   text NOT NULL,
  id       text NOT NULL,
  user_id  text NOT NULL,
  role_key text NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, user_id, role_key)
);

CREATE TABLE platform.session (
  org_id       text NOT NULL,
  id           text NOT NULL,
  user_id      text NOT NULL,
  token_hash   text NOT NULL,
  created_at   timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  closed_at    timestamptz,
  PRIMARY KEY (org_id, id)
);
-- Not unique: a unique key must include org_id (distribution key); a 256-bit random token does not collide.
CREATE INDEX session_token ON platform.session (token_hash);

CREATE TABLE platform.api_key (
  org_id      text NOT NULL,
  id          text NOT NULL,
  user_id     text NOT NULL,
  name        text NOT NULL,
  prefix      text NOT NULL,
  key_hash    text NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX api_key_hash ON platform.api_key (key_hash);

-- Signatures and approvals ----------------------------------------------------------------------

CREATE TABLE platform.signature (
  org_id        text NOT NULL,
  id            text NOT NULL,
  record_table  text NOT NULL,
  record_id     text NOT NULL,
  signer_id     text NOT NULL,
  signer_name   text NOT NULL,
  meaning       text NOT NULL,
  signed_at     timestamptz NOT NULL,
  content_hash  text NOT NULL,
  command_id    text NOT NULL,
  hash          text NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX signature_record ON platform.signature (record_table, record_id);

CREATE TABLE platform.approval_rule (
  org_id                text NOT NULL,
  id                    text NOT NULL,
  rule_key              text NOT NULL,
  version               integer NOT NULL,
  document              text NOT NULL,
  transition            text NOT NULL,
  condition             jsonb NOT NULL,
  role_key              text NOT NULL,
  required_count        integer NOT NULL CHECK (required_count > 0),
  distinct_from_author  boolean NOT NULL,
  effective_from        date NOT NULL,
  effective_to          date,
  requirement_ids       text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, rule_key, version)
);

CREATE TABLE platform.approval (
  org_id        text NOT NULL,
  id            text NOT NULL,
  record_table  text NOT NULL,
  record_id     text NOT NULL,
  record_version integer NOT NULL,
  transition    text NOT NULL,
  rule_id       text NOT NULL,
  approver_id   text NOT NULL,
  signature_id  text NOT NULL,
  at            timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX approval_record ON platform.approval (record_table, record_id);

CREATE TABLE platform.number_series (
  org_id      text NOT NULL,
  id          text NOT NULL,
  last_value  bigint NOT NULL,
  PRIMARY KEY (org_id, id)
);

-- Outbox and webhooks ---------------------------------------------------------------------------

CREATE TABLE platform.outbox (
  org_id      text NOT NULL,
  id          text NOT NULL,
  event_type  text NOT NULL,
  payload     jsonb NOT NULL,
  command_id  text NOT NULL,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);

CREATE TABLE platform.webhook_endpoint (
  org_id      text NOT NULL,
  id          text NOT NULL,
  url         text NOT NULL,
  events      text[] NOT NULL,
  secret      text NOT NULL,
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);

-- Delivery state is operational: the dispatcher updates it after commit, outside commands.
-- The event itself (outbox) and every admin action on a delivery are in the audit trail.
CREATE TABLE platform.webhook_delivery (
  org_id           text NOT NULL,
  id               text NOT NULL,
  endpoint_id      text NOT NULL,
  event_id         text NOT NULL,
  event_type       text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'dead')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  last_error       text,
  delivered_at     timestamptz,
  created_at       timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due ON platform.webhook_delivery (next_attempt_at) WHERE status IN ('pending', 'failed');

CREATE TRIGGER signature_insert_only BEFORE UPDATE OR DELETE ON platform.signature
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER approval_insert_only BEFORE UPDATE OR DELETE ON platform.approval
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER outbox_insert_only BEFORE UPDATE OR DELETE ON platform.outbox
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
CREATE TRIGGER signature_requires_command BEFORE INSERT ON platform.signature
  FOR EACH ROW EXECUTE FUNCTION audit.require_command();
CREATE TRIGGER approval_requires_command BEFORE INSERT ON platform.approval
  FOR EACH ROW EXECUTE FUNCTION audit.require_command();
CREATE TRIGGER outbox_requires_command BEFORE INSERT ON platform.outbox
  FOR EACH ROW EXECUTE FUNCTION audit.require_command();
CREATE TRIGGER number_series_requires_command BEFORE INSERT OR UPDATE OR DELETE ON platform.number_series
  FOR EACH ROW EXECUTE FUNCTION audit.require_command();

-- Audited business tables of the platform.
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON platform.org FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON platform.app_user FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON platform.role FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON platform.user_role FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON platform.session FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON platform.api_key FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON platform.approval_rule FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
CREATE TRIGGER audit_row AFTER INSERT OR UPDATE OR DELETE ON platform.webhook_endpoint FOR EACH ROW EXECUTE FUNCTION audit.record_row_change();
