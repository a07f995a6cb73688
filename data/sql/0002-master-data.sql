-- Master data (warehouses, locations, categories, products, partners, reason codes)
-- and the hash-chained audit log (DESIGN §1, §2, §3, §4).
-- Money in fen, times in unix microseconds. Rows that history refers to are
-- deactivated (active = 0), never deleted.

CREATE TABLE warehouse (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 32),
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address    TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE location (
  id           INTEGER PRIMARY KEY,
  warehouse_id INTEGER NOT NULL REFERENCES warehouse (id),
  code         TEXT NOT NULL COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 32),
  name         TEXT NOT NULL DEFAULT '',
  kind         TEXT NOT NULL CHECK (kind IN ('storage', 'quarantine', 'repair', 'scrap')),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   INTEGER NOT NULL,
  UNIQUE (warehouse_id, code)
) STRICT;

CREATE TABLE category (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE product (
  id          INTEGER PRIMARY KEY,
  sku         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(sku) BETWEEN 1 AND 64),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  spec        TEXT NOT NULL DEFAULT '',
  unit        TEXT NOT NULL CHECK (length(unit) BETWEEN 1 AND 16),
  decimals    INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 3),
  barcode     TEXT UNIQUE CHECK (barcode IS NULL OR length(barcode) BETWEEN 1 AND 64),  -- NULL when unset
  category_id INTEGER REFERENCES category (id),
  avg_cost    INTEGER NOT NULL DEFAULT 0 CHECK (avg_cost >= 0),     -- fen, moving average
  list_price  INTEGER NOT NULL DEFAULT 0 CHECK (list_price >= 0),   -- fen
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX product_category ON product (category_id);

CREATE TABLE customer (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 32),
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  contact    TEXT NOT NULL DEFAULT '',
  phone      TEXT NOT NULL DEFAULT '',
  email      TEXT NOT NULL DEFAULT '',
  address    TEXT NOT NULL DEFAULT '',
  remark     TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX customer_name ON customer (name);

CREATE TABLE supplier (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 32),
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  contact    TEXT NOT NULL DEFAULT '',
  phone      TEXT NOT NULL DEFAULT '',
  email      TEXT NOT NULL DEFAULT '',
  address    TEXT NOT NULL DEFAULT '',
  remark     TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX supplier_name ON supplier (name);

-- Return reason codes; the six of DESIGN §2 are seeded. A seeded row's English
-- name is shown translated until someone renames it.
CREATE TABLE reason (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 32),
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  position   INTEGER NOT NULL DEFAULT 0,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;
INSERT INTO reason (code, name, position, created_at) VALUES
  ('quality',          'Quality problem',           1, 0),
  ('damaged',          'Damaged in transit',        2, 0),
  ('wrong-item',       'Wrong item shipped',        3, 0),
  ('not-as-described', 'Not as described',          4, 0),
  ('no-reason',        'Seven-day no-reason return', 5, 0),
  ('other',            'Other',                     6, 0);

-- Substring search that works for Chinese (trigram). Plain FTS5 tables keyed by
-- the row's id, kept in step by core (rs-master.c), not by triggers: with
-- trusted_schema off, SQLite refuses virtual tables inside triggers.
CREATE VIRTUAL TABLE product_fts USING fts5 (sku, name, spec, barcode, tokenize = 'trigram');
CREATE VIRTUAL TABLE customer_fts USING fts5 (code, name, contact, phone, tokenize = 'trigram');
CREATE VIRTUAL TABLE supplier_fts USING fts5 (code, name, contact, phone, tokenize = 'trigram');

-- A row that history refers to cannot be deleted: the foreign keys of the tables
-- that refer to it refuse, and core offers deactivation instead.

-- The audit log: append-only. hash = SHA-256(previous row's hash ‖ this row),
-- computed by rs-audit.c; the first row chains from 64 zeros.
CREATE TABLE audit (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,                 -- unix microseconds
  user_id     INTEGER REFERENCES user (id),     -- NULL: no such user (a failed login)
  user_name   TEXT NOT NULL,
  action      TEXT NOT NULL,                    -- "product.add", "user.disable", …
  object_type TEXT NOT NULL,
  object_key  TEXT NOT NULL,
  before      TEXT,                             -- JSON, NULL for none
  after       TEXT,                             -- JSON, NULL for none
  hash        TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX audit_object ON audit (object_type, object_key);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN
  SELECT RAISE (ABORT, 'The audit log cannot be changed.');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN
  SELECT RAISE (ABORT, 'The audit log cannot be changed.');
END;
