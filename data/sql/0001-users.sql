-- Foundation: settings and users with their roles (DESIGN §1, §6).
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE user (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
  full_name     TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER NOT NULL DEFAULT 0,   -- unix microseconds; 0 = not locked
  created_at    INTEGER NOT NULL              -- unix microseconds
) STRICT;

CREATE TABLE user_role (
  user_id INTEGER NOT NULL REFERENCES user (id),
  role    TEXT NOT NULL CHECK (role IN ('admin', 'sales', 'service', 'manager', 'keeper', 'finance', 'viewer')),
  PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;
