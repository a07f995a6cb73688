-- Receiving, inspection, disposition and settlement (DESIGN §2) on top of 0004.
-- A receiving discrepancy customer service does not accept goes back to the customer on an
-- out slip of its own purpose, so reports tell it from a sale or a replacement.
INSERT INTO slip_purpose (kind, purpose, position) VALUES ('out', 'send-back', 7);

-- Lists of a return's stages read by return; inspections are found by line.
CREATE INDEX inspection_line ON inspection (return_line_id, state);
CREATE INDEX return_disposition_line ON return_disposition (return_line_id, state);
