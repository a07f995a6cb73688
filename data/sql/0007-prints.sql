-- The archive of printed documents (DESIGN §3): every print keeps the exact PDF bytes in the
-- file store, who printed it and when, and which print of the document it was. The archive
-- is evidence: rows are never changed or deleted.
CREATE TABLE print (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('slip', 'return', 'inspection', 'settlement', 'dossier')),
  number     TEXT NOT NULL CHECK (length(number) BETWEEN 1 AND 64),
  copy       INTEGER NOT NULL CHECK (copy >= 1),            -- 1 the first print, 2 the first reprint, …
  template   TEXT NOT NULL CHECK (template IN ('a4', 'a5', 'form241')),
  pages      INTEGER NOT NULL CHECK (pages >= 1),
  sha256     TEXT NOT NULL REFERENCES stored_file (sha256),
  size       INTEGER NOT NULL CHECK (size > 0),
  printed_by INTEGER NOT NULL REFERENCES user (id),
  printed_at INTEGER NOT NULL,                              -- unix microseconds
  UNIQUE (kind, number, copy)
) STRICT;
CREATE TRIGGER print_no_update BEFORE UPDATE ON print BEGIN
  SELECT RAISE (ABORT, 'The print archive cannot be changed.');
END;
CREATE TRIGGER print_no_delete BEFORE DELETE ON print BEGIN
  SELECT RAISE (ABORT, 'The print archive cannot be changed.');
END;
-- Copies are counted without gaps: the next one is always one more than the last.
CREATE TRIGGER print_copy_next BEFORE INSERT ON print
WHEN NEW.copy <> 1 + coalesce ((SELECT max (copy) FROM print WHERE kind = NEW.kind AND number = NEW.number), 0) BEGIN
  SELECT RAISE (ABORT, 'Prints of a document are counted one by one.');
END;
