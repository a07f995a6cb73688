-- The return workflow (DESIGN §2): intake, the approval chain and its signatures,
-- the timeline, receiving and discrepancies, inspection templates and inspections,
-- dispositions, costs, settlements, and the time checks with their breaches.
-- Quantities in thousandths, money in fen, times in unix microseconds, dates "YYYY-MM-DD".
-- The table is customer_return (RETURN is too close to SQL's RETURNING to be a good name).

-- The approval chain, master data edited by the admin (RS_ACTION_SETTINGS_EDIT).
-- Level n is signed only after level n-1 (禁止越级). A level with min_amount applies only
-- when the return's refund value reaches it. A return copies the levels that apply to it
-- into return_approval_step when it is submitted, so editing the chain never changes the
-- rules of a return already on its way.
CREATE TABLE approval_level (
  level      INTEGER PRIMARY KEY CHECK (level >= 1),
  role       TEXT NOT NULL CHECK (role IN ('admin', 'sales', 'service', 'manager', 'keeper', 'finance')),
  min_amount INTEGER CHECK (min_amount IS NULL OR min_amount >= 0),   -- fen; NULL: always
  created_at INTEGER NOT NULL
) STRICT;
INSERT INTO approval_level (level, role, min_amount, created_at) VALUES
  (1, 'service', NULL, 0),
  (2, 'manager', NULL, 0),
  (3, 'admin', 500000, 0);

-- Time-check policy (DESIGN §2). The defaults are settings (key → value) the admin edits;
-- the return window is days from sale to request, per reason, falling back to
-- policy.return_window_days for a reason without a row here.
INSERT INTO setting (key, value) VALUES
  ('policy.return_window_days', '15'),
  ('policy.receiving_deadline_days', '10'),
  ('policy.inspection_deadline_hours', '48');
CREATE TABLE return_window (
  reason_id INTEGER PRIMARY KEY REFERENCES reason (id),
  days      INTEGER NOT NULL CHECK (days BETWEEN 0 AND 3650)
) STRICT;
INSERT INTO return_window (reason_id, days) SELECT id, 7 FROM reason WHERE code = 'no-reason';

-- One customer return (退货单). number is the RMA number, TH20261126-0001.
-- state: see RsReturnState in rs-return.h.
CREATE TABLE customer_return (
  id            INTEGER PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,
  state         TEXT NOT NULL DEFAULT 'draft' CHECK (state IN (
                  'draft', 'submitted', 'approved', 'receiving', 'received', 'inspected',
                  'disposed', 'settled', 'rejected', 'cancelled')),
  customer_id   INTEGER NOT NULL REFERENCES customer (id),
  sale_slip_id  INTEGER REFERENCES slip (id),          -- the posted sale out-slip it reverses; NULL: sold elsewhere
  order_ref     TEXT NOT NULL DEFAULT '',              -- order / invoice reference, free text
  sale_date     TEXT CHECK (sale_date IS NULL OR sale_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  request_date  TEXT NOT NULL CHECK (request_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  reason_id     INTEGER NOT NULL REFERENCES reason (id),
  description   TEXT NOT NULL DEFAULT '',
  refund_value  INTEGER NOT NULL DEFAULT 0 CHECK (refund_value >= 0),   -- fen: Σ line quantity × unit price
  round         INTEGER NOT NULL DEFAULT 0 CHECK (round >= 0),         -- submissions so far; signatures belong to one
  last_comment  TEXT NOT NULL DEFAULT '',              -- the latest rejection or cancellation reason, for the list
  created_by    INTEGER NOT NULL REFERENCES user (id),
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL,
  -- When each stage was reached (the latest time; NULL until then). Reports time the stages with these.
  submitted_at  INTEGER,
  approved_at   INTEGER,
  receiving_at  INTEGER,      -- first goods received
  received_at   INTEGER,      -- every line fully received
  inspected_at  INTEGER,
  disposed_at   INTEGER,
  settled_at    INTEGER,
  closed_at     INTEGER       -- rejected or cancelled
) STRICT;
CREATE INDEX customer_return_state ON customer_return (state, id);
CREATE INDEX customer_return_customer ON customer_return (customer_id);
CREATE INDEX customer_return_sale_slip ON customer_return (sale_slip_id);
CREATE TRIGGER customer_return_no_delete BEFORE DELETE ON customer_return BEGIN
  SELECT RAISE (ABORT, 'Returns are never deleted; cancel one instead.');
END;
CREATE TRIGGER customer_return_number_fixed BEFORE UPDATE OF number, created_by, created_at ON customer_return
WHEN NEW.number IS NOT OLD.number OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at BEGIN
  SELECT RAISE (ABORT, 'A return keeps its number and creator.');
END;

-- The lines. received / inspected / disposed are kept by receiving, inspection and
-- disposition in their transactions; the CHECKs make "inspect more than received" and
-- "dispose more than inspected" impossible whatever program writes.
-- origin 'receipt': a line added when customer service accepted a different item.
CREATE TABLE return_line (
  id                 INTEGER PRIMARY KEY,
  return_id          INTEGER NOT NULL REFERENCES customer_return (id),
  line_no            INTEGER NOT NULL CHECK (line_no >= 1),
  product_id         INTEGER NOT NULL REFERENCES product (id),
  quantity           INTEGER NOT NULL CHECK (quantity > 0),             -- approved quantity
  unit_price         INTEGER NOT NULL CHECK (unit_price >= 0),          -- fen
  serial             TEXT NOT NULL DEFAULT '',                          -- serial or lot numbers, free text
  sale_slip_line_id  INTEGER REFERENCES slip_line (id),                 -- the sale line it takes back, if linked
  origin             TEXT NOT NULL DEFAULT 'intake' CHECK (origin IN ('intake', 'receipt')),
  received_quantity  INTEGER NOT NULL DEFAULT 0 CHECK (received_quantity >= 0),
  inspected_quantity INTEGER NOT NULL DEFAULT 0 CHECK (inspected_quantity BETWEEN 0 AND received_quantity),
  disposed_quantity  INTEGER NOT NULL DEFAULT 0 CHECK (disposed_quantity BETWEEN 0 AND inspected_quantity),
  UNIQUE (return_id, line_no)
) STRICT;
CREATE INDEX return_line_product ON return_line (product_id);
-- What a customer asked to return is changed only while the return is a draft.
CREATE TRIGGER return_line_frozen_insert BEFORE INSERT ON return_line
WHEN NEW.origin = 'intake' AND (SELECT state FROM customer_return WHERE id = NEW.return_id) IS NOT 'draft' BEGIN
  SELECT RAISE (ABORT, 'The lines of a return are changed only while it is a draft.');
END;
CREATE TRIGGER return_line_frozen_update BEFORE UPDATE OF return_id, line_no, product_id, quantity, unit_price, serial, sale_slip_line_id ON return_line
WHEN (SELECT state FROM customer_return WHERE id = OLD.return_id) IS NOT 'draft'
  AND (NEW.return_id IS NOT OLD.return_id OR NEW.line_no IS NOT OLD.line_no OR NEW.product_id IS NOT OLD.product_id
       OR NEW.quantity IS NOT OLD.quantity OR NEW.unit_price IS NOT OLD.unit_price OR NEW.serial IS NOT OLD.serial
       OR NEW.sale_slip_line_id IS NOT OLD.sale_slip_line_id) BEGIN
  SELECT RAISE (ABORT, 'The lines of a return are changed only while it is a draft.');
END;
CREATE TRIGGER return_line_frozen_delete BEFORE DELETE ON return_line
WHEN (SELECT state FROM customer_return WHERE id = OLD.return_id) IS NOT 'draft' BEGIN
  SELECT RAISE (ABORT, 'The lines of a return are changed only while it is a draft.');
END;

-- Photos and documents the customer sent (files in stored_file).
CREATE TABLE return_attachment (
  id           INTEGER PRIMARY KEY,
  return_id    INTEGER NOT NULL REFERENCES customer_return (id),
  sha256       TEXT NOT NULL REFERENCES stored_file (sha256),
  file_name    TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type TEXT NOT NULL,
  size         INTEGER NOT NULL,
  added_by     INTEGER NOT NULL REFERENCES user (id),
  added_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX return_attachment_return ON return_attachment (return_id);

-- The levels that apply to one submission (round) of a return, copied from approval_level.
CREATE TABLE return_approval_step (
  return_id  INTEGER NOT NULL REFERENCES customer_return (id),
  round      INTEGER NOT NULL CHECK (round >= 1),
  level      INTEGER NOT NULL CHECK (level >= 1),
  role       TEXT NOT NULL,
  min_amount INTEGER,
  PRIMARY KEY (return_id, round, level)
) STRICT, WITHOUT ROWID;

-- Signatures: one per level and round; one person signs at most one level of a round.
-- "Revise clears the signatures" = the next submission is a new round; old rounds stay as history.
CREATE TABLE return_signature (
  id        INTEGER PRIMARY KEY,
  return_id INTEGER NOT NULL REFERENCES customer_return (id),
  round     INTEGER NOT NULL CHECK (round >= 1),
  level     INTEGER NOT NULL CHECK (level >= 1),
  role      TEXT NOT NULL,                        -- the role the level named
  user_id   INTEGER NOT NULL REFERENCES user (id),
  decision  TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
  comment   TEXT NOT NULL DEFAULT '',
  signed_at INTEGER NOT NULL,
  UNIQUE (return_id, round, level),
  UNIQUE (return_id, round, user_id),
  FOREIGN KEY (return_id, round, level) REFERENCES return_approval_step (return_id, round, level)
) STRICT;
CREATE TRIGGER return_signature_no_update BEFORE UPDATE ON return_signature BEGIN
  SELECT RAISE (ABORT, 'Signatures cannot be changed.');
END;
CREATE TRIGGER return_signature_no_delete BEFORE DELETE ON return_signature BEGIN
  SELECT RAISE (ABORT, 'Signatures cannot be changed.');
END;

-- The timeline (what happened to the return, for people): append-only.
-- kind: created, edited, submitted, signed, approved, rejected, revised, cancelled,
-- received, discrepancy, resolved, inspected, disposed, repaired, cost, settled, flagged, attached.
CREATE TABLE return_event (
  id         INTEGER PRIMARY KEY,
  return_id  INTEGER NOT NULL REFERENCES customer_return (id),
  at         INTEGER NOT NULL,
  user_id    INTEGER REFERENCES user (id),
  kind       TEXT NOT NULL,
  from_state TEXT,
  to_state   TEXT,
  comment    TEXT NOT NULL DEFAULT '',
  ref        TEXT NOT NULL DEFAULT ''             -- a document number it concerns: RK…, JY…, BZ…
) STRICT;
CREATE INDEX return_event_return ON return_event (return_id, id);
CREATE TRIGGER return_event_no_update BEFORE UPDATE ON return_event BEGIN
  SELECT RAISE (ABORT, 'The timeline of a return cannot be changed.');
END;
CREATE TRIGGER return_event_no_delete BEFORE DELETE ON return_event BEGIN
  SELECT RAISE (ABORT, 'The timeline of a return cannot be changed.');
END;

-- Receiving: each receipt posts one return-in slip into the warehouse's QA location.
CREATE TABLE return_receipt (
  id          INTEGER PRIMARY KEY,
  return_id   INTEGER NOT NULL REFERENCES customer_return (id),
  slip_id     INTEGER NOT NULL UNIQUE REFERENCES slip (id),
  received_by INTEGER NOT NULL REFERENCES user (id),
  received_at INTEGER NOT NULL
) STRICT;
CREATE INDEX return_receipt_return ON return_receipt (return_id);
CREATE TABLE return_receipt_line (
  id             INTEGER PRIMARY KEY,
  receipt_id     INTEGER NOT NULL REFERENCES return_receipt (id),
  return_line_id INTEGER REFERENCES return_line (id),     -- NULL: a product the return does not list
  product_id     INTEGER NOT NULL REFERENCES product (id),
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  slip_line_id   INTEGER NOT NULL REFERENCES slip_line (id)
) STRICT;
CREATE INDEX return_receipt_line_receipt ON return_receipt_line (receipt_id);

-- A different item, or more than approved: customer service accepts it (the line, or a new
-- line of origin 'receipt', takes it) or sends it back on an out slip to the customer.
-- While a line has an open discrepancy it goes no further.
CREATE TABLE return_discrepancy (
  id              INTEGER PRIMARY KEY,
  return_id       INTEGER NOT NULL REFERENCES customer_return (id),
  receipt_line_id INTEGER NOT NULL REFERENCES return_receipt_line (id),
  return_line_id  INTEGER REFERENCES return_line (id),    -- NULL until an other product is accepted
  product_id      INTEGER NOT NULL REFERENCES product (id),
  kind            TEXT NOT NULL CHECK (kind IN ('other-product', 'excess')),
  quantity        INTEGER NOT NULL CHECK (quantity > 0),  -- what is not covered by the approved line
  state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'sent-back')),
  slip_id         INTEGER REFERENCES slip (id),           -- sent back: the out slip to the customer
  comment         TEXT NOT NULL DEFAULT '',
  created_at      INTEGER NOT NULL,
  resolved_by     INTEGER REFERENCES user (id),
  resolved_at     INTEGER,
  CHECK ((state = 'open') = (resolved_at IS NULL) AND (resolved_at IS NULL) = (resolved_by IS NULL)),
  CHECK ((state = 'sent-back') = (slip_id IS NOT NULL))
) STRICT;
CREATE INDEX return_discrepancy_return ON return_discrepancy (return_id, state);

-- Inspection templates: one per category, and one default (category_id NULL, is_default 1).
CREATE TABLE inspection_template (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 32),
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  category_id INTEGER REFERENCES category (id),
  is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  INTEGER NOT NULL,
  CHECK (NOT (is_default = 1 AND category_id IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX inspection_template_category ON inspection_template (category_id)
  WHERE category_id IS NOT NULL AND active = 1;
CREATE UNIQUE INDEX inspection_template_default ON inspection_template (is_default) WHERE is_default = 1;

-- Items: check (pass / fail / n.a.), measure (a number in thousandths of its unit, failing
-- outside min…max), text, photo (at least one photo on the result). A required item that
-- fails fails the inspection.
CREATE TABLE inspection_template_item (
  id          INTEGER PRIMARY KEY,
  template_id INTEGER NOT NULL REFERENCES inspection_template (id),
  position    INTEGER NOT NULL CHECK (position >= 1),
  key         TEXT NOT NULL COLLATE NOCASE CHECK (length(key) BETWEEN 1 AND 32),   -- what --check KEY= names
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind        TEXT NOT NULL CHECK (kind IN ('check', 'measure', 'text', 'photo')),
  unit        TEXT NOT NULL DEFAULT '',
  min_value   INTEGER,            -- measure: thousandths of the unit; NULL: no bound
  max_value   INTEGER,
  required    INTEGER NOT NULL DEFAULT 1 CHECK (required IN (0, 1)),
  UNIQUE (template_id, key),
  UNIQUE (template_id, position),
  CHECK (kind = 'measure' OR (min_value IS NULL AND max_value IS NULL)),
  CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
) STRICT;
-- The default checklist. Seeded English names are shown translated (外包装, 配件, 外观, 功能, 序列号)
-- until someone renames them, as with the seeded reasons.
INSERT INTO inspection_template (id, code, name, category_id, is_default, created_at)
  VALUES (1, 'default', 'Standard inspection', NULL, 1, 0);
INSERT INTO inspection_template_item (template_id, position, key, name, kind, required) VALUES
  (1, 1, 'packaging',   'Packaging',     'check', 1),
  (1, 2, 'accessories', 'Accessories',   'check', 1),
  (1, 3, 'appearance',  'Appearance',    'check', 1),
  (1, 4, 'function',    'Function',      'check', 1),
  (1, 5, 'serial',      'Serial number', 'text',  1);

-- An inspection (检验单, JY…) of one return line; started and finished by the program's clock.
-- verdict may only be stricter than computed_verdict.
CREATE TABLE inspection (
  id               INTEGER PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE,
  return_id        INTEGER NOT NULL REFERENCES customer_return (id),
  return_line_id   INTEGER NOT NULL REFERENCES return_line (id),
  template_id      INTEGER NOT NULL REFERENCES inspection_template (id),
  quantity         INTEGER NOT NULL CHECK (quantity > 0),
  state            TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'finished')),
  started_by       INTEGER NOT NULL REFERENCES user (id),
  started_at       INTEGER NOT NULL,
  finished_by      INTEGER REFERENCES user (id),
  finished_at      INTEGER,
  computed_verdict TEXT CHECK (computed_verdict IN ('pass', 'fail')),
  verdict          TEXT CHECK (verdict IN ('pass', 'fail')),
  remark           TEXT NOT NULL DEFAULT '',
  CHECK ((state = 'finished') = (finished_at IS NOT NULL) AND (finished_at IS NULL) = (finished_by IS NULL)
         AND (finished_at IS NULL) = (verdict IS NULL) AND (verdict IS NULL) = (computed_verdict IS NULL)),
  CHECK (NOT (computed_verdict = 'fail' AND verdict = 'pass'))
) STRICT;
CREATE INDEX inspection_return ON inspection (return_id);
CREATE TABLE inspection_result (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspection (id),
  item_id       INTEGER NOT NULL REFERENCES inspection_template_item (id),
  check_value   TEXT CHECK (check_value IN ('pass', 'fail', 'na')),
  measure_value INTEGER,          -- thousandths of the item's unit
  text_value    TEXT,
  passed        INTEGER NOT NULL CHECK (passed IN (0, 1)),
  UNIQUE (inspection_id, item_id)
) STRICT;
CREATE TABLE inspection_photo (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES inspection (id),
  result_id     INTEGER REFERENCES inspection_result (id),     -- NULL: of the whole line
  sha256        TEXT NOT NULL REFERENCES stored_file (sha256),
  file_name     TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type  TEXT NOT NULL,
  size          INTEGER NOT NULL,
  added_by      INTEGER NOT NULL REFERENCES user (id),
  added_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX inspection_photo_inspection ON inspection_photo (inspection_id);

-- Disposition (处理) of a quantity of a line. slip_id: the movement it posted (transfer to
-- storage or repair, out slip for scrap, vendor and replacement). Repair stays 'in-repair'
-- until it comes back (back_slip_id, repaired_at) to location_id's storage.
CREATE TABLE return_disposition (
  id             INTEGER PRIMARY KEY,
  return_id      INTEGER NOT NULL REFERENCES customer_return (id),
  return_line_id INTEGER NOT NULL REFERENCES return_line (id),
  inspection_id  INTEGER REFERENCES inspection (id),
  kind           TEXT NOT NULL CHECK (kind IN ('restock', 'repair', 'scrap', 'vendor', 'replace')),
  quantity       INTEGER NOT NULL CHECK (quantity > 0),
  location_id    INTEGER REFERENCES location (id),     -- restock / repair: where the goods went
  supplier_id    INTEGER REFERENCES supplier (id),     -- vendor: to whom
  slip_id        INTEGER REFERENCES slip (id),
  state          TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'in-repair')),
  back_slip_id   INTEGER REFERENCES slip (id),
  repaired_at    INTEGER,
  scrap_loss     INTEGER NOT NULL DEFAULT 0 CHECK (scrap_loss >= 0),   -- fen: quantity × moving-average cost
  created_by     INTEGER NOT NULL REFERENCES user (id),
  created_at     INTEGER NOT NULL
) STRICT;
CREATE INDEX return_disposition_return ON return_disposition (return_id);

-- Costs of a return. amount ≥ 0 always; vendor-credit reduces the total. scrap-loss rows are
-- written by disposition (disposition_id set), never typed.
CREATE TABLE return_cost (
  id             INTEGER PRIMARY KEY,
  return_id      INTEGER NOT NULL REFERENCES customer_return (id),
  kind           TEXT NOT NULL CHECK (kind IN ('refund', 'freight', 'handling', 'repair', 'vendor-credit', 'scrap-loss')),
  amount         INTEGER NOT NULL CHECK (amount >= 0),
  remark         TEXT NOT NULL DEFAULT '',
  disposition_id INTEGER REFERENCES return_disposition (id),
  created_by     INTEGER NOT NULL REFERENCES user (id),
  created_at     INTEGER NOT NULL,
  CHECK ((kind = 'scrap-loss') = (disposition_id IS NOT NULL))
) STRICT;
CREATE INDEX return_cost_return ON return_cost (return_id);

-- Settlements (报账单, BZ…): finance gathers disposed returns of a period; approving sets them SETTLED.
CREATE TABLE settlement (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  period_from TEXT NOT NULL CHECK (period_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  period_to   TEXT NOT NULL CHECK (period_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  state       TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'approved')),
  total       INTEGER NOT NULL DEFAULT 0,             -- fen, signed: Σ return costs
  remark      TEXT NOT NULL DEFAULT '',
  created_by  INTEGER NOT NULL REFERENCES user (id),
  created_at  INTEGER NOT NULL,
  approved_by INTEGER REFERENCES user (id),
  approved_at INTEGER,
  CHECK (period_from <= period_to),
  CHECK ((state = 'approved') = (approved_at IS NOT NULL) AND (approved_at IS NULL) = (approved_by IS NULL))
) STRICT;
CREATE TABLE settlement_return (
  settlement_id INTEGER NOT NULL REFERENCES settlement (id),
  return_id     INTEGER NOT NULL UNIQUE REFERENCES customer_return (id),
  total         INTEGER NOT NULL,                     -- fen, the return's cost total when gathered
  PRIMARY KEY (settlement_id, return_id)
) STRICT, WITHOUT ROWID;

-- Breaches of the time and data checks, recorded on the return: what (kind), the limit and
-- what happened, both in microseconds (days or hours for people, per unit); over = actual − limit.
-- kind: return-window, receiving-deadline, inspection-deadline. One row per kind and return.
CREATE TABLE return_flag (
  id          INTEGER PRIMARY KEY,
  return_id   INTEGER NOT NULL REFERENCES customer_return (id),
  kind        TEXT NOT NULL,
  unit        TEXT NOT NULL CHECK (unit IN ('day', 'hour')),
  limit_us    INTEGER NOT NULL CHECK (limit_us >= 0),
  actual_us   INTEGER NOT NULL,
  detected_at INTEGER NOT NULL,
  CHECK (actual_us > limit_us),
  UNIQUE (return_id, kind)
) STRICT;
