-- The paged lists (DESIGN §5, rs-paged-model.h): search indexes for returns and slips, the
-- slips' line count and value kept beside them, and the indexes the lists' orders and filters
-- read instead of scanning their tables.

-- Substring search (trigram) by document number (and a return's order reference). Like the
-- master-data indexes of 0002 they are kept in step by core (rs-list-index.c), in the
-- transaction of each change: with trusted_schema off, SQLite refuses virtual tables inside
-- triggers. Customers, suppliers and products are found through their own indexes, so
-- renaming one needs no reindexing of documents.
CREATE VIRTUAL TABLE return_fts USING fts5 (number, order_ref, tokenize = 'trigram');
CREATE VIRTUAL TABLE slip_fts USING fts5 (number, tokenize = 'trigram');
INSERT INTO return_fts (rowid, number, order_ref) SELECT id, number, order_ref FROM customer_return;
INSERT INTO slip_fts (rowid, number) SELECT id, number FROM slip;

-- A slip's line count and value (fen: per line quantity × unit cost, the cost being the
-- line's own, else what posting recorded in the ledger, else the product's average), written
-- by core when the slip is written, posted or voided; `changes` counts those writes, so a list
-- sees that a slip changed. The list sorts by both without reading every line.
CREATE TABLE slip_summary (
  slip_id INTEGER PRIMARY KEY REFERENCES slip (id),
  lines   INTEGER NOT NULL CHECK (lines >= 0),
  total   INTEGER NOT NULL CHECK (total >= 0),
  changes INTEGER NOT NULL DEFAULT 1 CHECK (changes >= 1)
) STRICT;
INSERT INTO slip_summary (slip_id, lines, total)
  SELECT s.id,
         (SELECT count (*) FROM slip_line l WHERE l.slip_id = s.id),
         (SELECT coalesce (sum ((l.quantity * coalesce (l.unit_cost,
                   (SELECT g.unit_cost FROM stock_ledger g
                    WHERE g.slip_id = l.slip_id AND g.slip_line_id = l.id AND g.reversal = 0 ORDER BY g.id LIMIT 1),
                   p.avg_cost) + 500) / 1000), 0)
          FROM slip_line l JOIN product p ON p.id = l.product_id WHERE l.slip_id = s.id)
  FROM slip s;
CREATE INDEX slip_summary_lines ON slip_summary (lines);
CREATE INDEX slip_summary_total ON slip_summary (total);

-- Returns: sorted by reason and amount (filtered by state and customer: 0004); a one- or
-- two-character search reads the order references here rather than every return.
CREATE INDEX customer_return_reason ON customer_return (reason_id);
CREATE INDEX customer_return_refund ON customer_return (refund_value);
CREATE INDEX customer_return_order_ref ON customer_return (order_ref);

-- Slips: sorted and filtered by kind, warehouse and date (state: 0003); found by partner
-- (a search naming a customer or supplier, a customer's sale slips).
CREATE INDEX slip_kind ON slip (kind);
CREATE INDEX slip_warehouse ON slip (warehouse_id);
CREATE INDEX slip_date ON slip (slip_date);
CREATE INDEX slip_customer ON slip (customer_id);
CREATE INDEX slip_supplier ON slip (supplier_id);

-- A product's movements in order, with the quantities its running balance adds up.
CREATE INDEX stock_ledger_product_order ON stock_ledger (product_id, id, quantity);
