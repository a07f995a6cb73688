-- In/out/transfer slips, the stock ledger and on-hand, document numbers and the
-- file store (DESIGN §3, §6). Quantities in thousandths, money in fen, times in
-- unix microseconds. Nothing posted is ever updated or deleted: the triggers below
-- refuse it, whatever program writes to the file.

-- Daily counters behind the gap-free numbers (rs-number.c): one row per prefix and day.
CREATE TABLE doc_sequence (
  prefix TEXT NOT NULL CHECK (length(prefix) BETWEEN 1 AND 8),
  day    TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
  last   INTEGER NOT NULL CHECK (last >= 1),
  PRIMARY KEY (prefix, day)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER doc_sequence_no_delete BEFORE DELETE ON doc_sequence BEGIN
  SELECT RAISE (ABORT, 'Document counters only count up.');
END;
CREATE TRIGGER doc_sequence_up_only BEFORE UPDATE ON doc_sequence
WHEN NEW.prefix IS NOT OLD.prefix OR NEW.day IS NOT OLD.day OR NEW.last <> OLD.last + 1 BEGIN
  SELECT RAISE (ABORT, 'Document counters only count up.');
END;

-- Files of the content-addressed store (rs-attachment-store.c): attachments and printed PDFs.
CREATE TABLE stored_file (
  sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  size       INTEGER NOT NULL CHECK (size BETWEEN 0 AND 26214400),
  created_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Which purposes a kind of slip may have; later workflows add rows here.
CREATE TABLE slip_purpose (
  kind     TEXT NOT NULL CHECK (kind IN ('in', 'out', 'transfer')),
  purpose  TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (kind, purpose)
) STRICT, WITHOUT ROWID;
INSERT INTO slip_purpose (kind, purpose, position) VALUES
  ('in', 'purchase', 1), ('in', 'return-in', 2), ('in', 'repair-back', 3),
  ('in', 'surplus', 4), ('in', 'other', 5),
  ('out', 'sale', 1), ('out', 'return-to-vendor', 2), ('out', 'scrap', 3),
  ('out', 'replacement', 4), ('out', 'loss', 5), ('out', 'other', 6),
  ('transfer', 'transfer', 1), ('transfer', 'restock', 2), ('transfer', 'repair', 3),
  ('transfer', 'repair-back', 4), ('transfer', 'other', 5);

CREATE TABLE slip (
  id              INTEGER PRIMARY KEY,
  number          TEXT NOT NULL UNIQUE,            -- base_number, or base_number-revision
  base_number     TEXT NOT NULL,                   -- RK20261126-0001
  revision        INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),   -- amend count
  kind            TEXT NOT NULL,
  purpose         TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'posted', 'voided')),
  warehouse_id    INTEGER NOT NULL REFERENCES warehouse (id),
  to_warehouse_id INTEGER REFERENCES warehouse (id),           -- transfers only
  slip_date       TEXT NOT NULL CHECK (slip_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  customer_id     INTEGER REFERENCES customer (id),
  supplier_id     INTEGER REFERENCES supplier (id),
  remark          TEXT NOT NULL DEFAULT '',
  amends_id       INTEGER REFERENCES slip (id),                -- the voided slip this one replaces
  amended_by_id   INTEGER REFERENCES slip (id),                -- the draft that replaced this one
  created_by      INTEGER NOT NULL REFERENCES user (id),
  created_at      INTEGER NOT NULL,
  posted_by       INTEGER REFERENCES user (id),
  posted_at       INTEGER,
  voided_by       INTEGER REFERENCES user (id),
  voided_at       INTEGER,
  void_reason     TEXT,
  UNIQUE (base_number, revision),
  FOREIGN KEY (kind, purpose) REFERENCES slip_purpose (kind, purpose),
  CHECK (customer_id IS NULL OR supplier_id IS NULL),
  CHECK ((kind = 'transfer') = (to_warehouse_id IS NOT NULL)),
  CHECK ((state = 'draft') = (posted_at IS NULL) AND (posted_at IS NULL) = (posted_by IS NULL)),
  CHECK ((state = 'voided') = (voided_at IS NOT NULL) AND (voided_at IS NULL) = (voided_by IS NULL)
         AND (voided_at IS NULL) = (void_reason IS NULL))
) STRICT;
CREATE INDEX slip_state ON slip (state, id);
CREATE INDEX slip_amends ON slip (amends_id);

CREATE TABLE slip_line (
  id             INTEGER PRIMARY KEY,
  slip_id        INTEGER NOT NULL REFERENCES slip (id),
  line_no        INTEGER NOT NULL CHECK (line_no >= 1),
  product_id     INTEGER NOT NULL REFERENCES product (id),
  location_id    INTEGER NOT NULL REFERENCES location (id),     -- where stock comes in or goes out
  to_location_id INTEGER REFERENCES location (id),              -- transfers: where it goes
  quantity       INTEGER NOT NULL CHECK (quantity > 0),          -- thousandths
  unit_cost      INTEGER CHECK (unit_cost >= 0),                 -- fen; NULL: none given
  UNIQUE (slip_id, line_no)
) STRICT;

CREATE TABLE slip_attachment (
  id           INTEGER PRIMARY KEY,
  slip_id      INTEGER NOT NULL REFERENCES slip (id),
  sha256       TEXT NOT NULL REFERENCES stored_file (sha256),
  file_name    TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  added_by     INTEGER NOT NULL REFERENCES user (id),
  added_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX slip_attachment_slip ON slip_attachment (slip_id);

-- The ledger: one row per movement, never changed. reversal = 1: written by a void.
CREATE TABLE stock_ledger (
  id           INTEGER PRIMARY KEY,
  product_id   INTEGER NOT NULL REFERENCES product (id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouse (id),
  location_id  INTEGER NOT NULL REFERENCES location (id),
  quantity     INTEGER NOT NULL CHECK (quantity <> 0),         -- signed thousandths
  unit_cost    INTEGER NOT NULL CHECK (unit_cost >= 0),        -- fen: the in cost, else the moving average
  slip_id      INTEGER NOT NULL REFERENCES slip (id),
  slip_line_id INTEGER NOT NULL REFERENCES slip_line (id),
  reversal     INTEGER NOT NULL DEFAULT 0 CHECK (reversal IN (0, 1)),
  created_by   INTEGER NOT NULL REFERENCES user (id),
  created_at   INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_ledger_product ON stock_ledger (product_id, location_id);

-- On hand per product and location: the sum of the ledger, kept in the posting transaction.
CREATE TABLE stock_on_hand (
  product_id   INTEGER NOT NULL REFERENCES product (id),
  location_id  INTEGER NOT NULL REFERENCES location (id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouse (id),
  quantity     INTEGER NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (product_id, location_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX stock_on_hand_warehouse ON stock_on_hand (warehouse_id, product_id);

-- Slips are never deleted: numbers stay gap-free and history stays whole.
CREATE TRIGGER slip_no_delete BEFORE DELETE ON slip BEGIN
  SELECT RAISE (ABORT, 'Slips are never deleted; void a posted slip instead.');
END;
-- The number never changes; a draft goes only to posted; a posted slip only to voided,
-- setting the void columns (and the link to its amendment) and nothing else.
CREATE TRIGGER slip_frozen BEFORE UPDATE ON slip
WHEN NEW.id IS NOT OLD.id OR NEW.number IS NOT OLD.number
  OR NEW.base_number IS NOT OLD.base_number OR NEW.revision IS NOT OLD.revision
  OR (OLD.state = 'draft' AND NEW.state NOT IN ('draft', 'posted'))
  OR OLD.state = 'voided'
  OR (OLD.state = 'posted' AND NOT (
        NEW.state = 'voided'
    AND NEW.kind IS OLD.kind AND NEW.purpose IS OLD.purpose
    AND NEW.warehouse_id IS OLD.warehouse_id AND NEW.to_warehouse_id IS OLD.to_warehouse_id
    AND NEW.slip_date IS OLD.slip_date AND NEW.customer_id IS OLD.customer_id
    AND NEW.supplier_id IS OLD.supplier_id AND NEW.remark IS OLD.remark
    AND NEW.amends_id IS OLD.amends_id AND OLD.amended_by_id IS NULL
    AND NEW.created_by IS OLD.created_by AND NEW.created_at IS OLD.created_at
    AND NEW.posted_by IS OLD.posted_by AND NEW.posted_at IS OLD.posted_at))
BEGIN
  SELECT RAISE (ABORT, 'A posted or voided slip cannot be changed; void or amend it.');
END;

CREATE TRIGGER slip_line_frozen_insert BEFORE INSERT ON slip_line
WHEN (SELECT state FROM slip WHERE id = NEW.slip_id) IS NOT 'draft' BEGIN
  SELECT RAISE (ABORT, 'The lines of a posted or voided slip cannot be changed.');
END;
CREATE TRIGGER slip_line_frozen_update BEFORE UPDATE ON slip_line
WHEN NEW.slip_id IS NOT OLD.slip_id OR (SELECT state FROM slip WHERE id = OLD.slip_id) IS NOT 'draft' BEGIN
  SELECT RAISE (ABORT, 'The lines of a posted or voided slip cannot be changed.');
END;
CREATE TRIGGER slip_line_frozen_delete BEFORE DELETE ON slip_line
WHEN (SELECT state FROM slip WHERE id = OLD.slip_id) IS NOT 'draft' BEGIN
  SELECT RAISE (ABORT, 'The lines of a posted or voided slip cannot be changed.');
END;

-- Attachments are added to any slip but taken off only while it is a draft.
CREATE TRIGGER slip_attachment_frozen_update BEFORE UPDATE ON slip_attachment
WHEN NEW.slip_id IS NOT OLD.slip_id OR (SELECT state FROM slip WHERE id = OLD.slip_id) IS NOT 'draft' BEGIN
  SELECT RAISE (ABORT, 'The attachments of a posted or voided slip cannot be changed.');
END;
CREATE TRIGGER slip_attachment_frozen_delete BEFORE DELETE ON slip_attachment
WHEN (SELECT state FROM slip WHERE id = OLD.slip_id) IS NOT 'draft' BEGIN
  SELECT RAISE (ABORT, 'The attachments of a posted or voided slip cannot be changed.');
END;

-- The ledger is append-only, and only posting (or voiding) a slip appends to it.
CREATE TRIGGER stock_ledger_no_update BEFORE UPDATE ON stock_ledger BEGIN
  SELECT RAISE (ABORT, 'The stock ledger cannot be changed.');
END;
CREATE TRIGGER stock_ledger_no_delete BEFORE DELETE ON stock_ledger BEGIN
  SELECT RAISE (ABORT, 'The stock ledger cannot be changed.');
END;
CREATE TRIGGER stock_ledger_from_posting BEFORE INSERT ON stock_ledger
WHEN (SELECT state FROM slip WHERE id = NEW.slip_id)
     IS NOT (CASE NEW.reversal WHEN 0 THEN 'posted' ELSE 'voided' END)
  OR (SELECT slip_id FROM slip_line WHERE id = NEW.slip_line_id) IS NOT NEW.slip_id BEGIN
  SELECT RAISE (ABORT, 'Stock moves only by posting or voiding a slip.');
END;
