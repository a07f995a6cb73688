/* rs-file-guard-private.h: keeps code other than SQLite from opening an open database's files. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Routes SQLite's own opens past the guard; call before the first sqlite3_open_v2(). */
void rs_file_guard_setup  (void);
/* The database at `path` (and its -wal, -shm and -journal files) is open in this process:
 * opens by anything else are refused until as many removes as adds. */
void rs_file_guard_add    (const char *path);
void rs_file_guard_remove (const char *path);
/* Whether `path` is such a file (what open64() asks). */
gboolean rs_file_guard_covers (const char *path);

G_END_DECLS
