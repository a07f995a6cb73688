-- Indexes for the reports (rs-reports.c): every report reads a date range or a product's
-- slips through one of these instead of scanning its table.

-- Returns and stage times by request date.
CREATE INDEX customer_return_request ON customer_return (request_date, state);
-- Posted slips of a date range (movements), and posted sales of a range (return rates).
CREATE INDEX slip_posted_date ON slip (state, slip_date);
CREATE INDEX slip_purpose_date ON slip (purpose, state, slip_date);
-- A product's slips: what was sold of it, and whom it was last bought from.
CREATE INDEX slip_line_product ON slip_line (product_id, slip_id);
-- The movements of a slip.
CREATE INDEX stock_ledger_slip ON stock_ledger (slip_id);
