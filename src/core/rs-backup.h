/* rs-backup.h — backup and restore of a Restock database with its file store (DESIGN §6).
 *
 * A backup is a folder:
 *   restock.db      an online copy of the database (sqlite3_backup_*, one read snapshot,
 *                   so others may keep writing meanwhile)
 *   attachments/    every stored file the copy refers to (attachments, logo, print archive)
 *   manifest.json   written last: what made it, the schema version and the size and
 *                   SHA-256 of every file above
 * The folder appears under its name only when it is complete (it is written under a
 * temporary name and renamed). Restore reads the manifest, checks every file against it and
 * the database copy against this program before it replaces anything; the database is then
 * replaced in one SQLite transaction, so other programs see the old or the new one, never a mix.
 * Both need RS_ACTION_SETTINGS_EDIT (administrators). Blocking: run them in a GTask thread
 * with a database connection of that thread.
 */
#pragma once

#include <gio/gio.h>
#include "rs-session.h"
#include "rs-table.h"

G_BEGIN_DECLS

#define RS_BACKUP_FORMAT         "restock-backup"
#define RS_BACKUP_FORMAT_VERSION 1
#define RS_BACKUP_MANIFEST       "manifest.json"
#define RS_BACKUP_DATABASE       "restock.db"

typedef struct
{
  char    *path;             /* the backup folder */
  char    *created_by;       /* user name */
  char    *company;
  gint64   created_at;       /* unix µs */
  int      schema_version;
  guint    n_files;          /* stored files, besides the database */
  guint64  size;             /* bytes of the database and the files */
} RsBackupInfo;

void          rs_backup_info_free   (RsBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsBackupInfo, rs_backup_info_free)

/* Reads and checks the manifest of a backup folder (not yet the files it lists):
 * RS_ERROR_NOT_RESTOCK when the folder is not a Restock backup, RS_ERROR_TOO_NEW when
 * a newer Restock made it. For showing what a restore would bring back. */
RsBackupInfo *rs_backup_read_info   (const char      *directory,
                                     GError         **error);

/* Backs the session's database and its stored files up into directory, which must not
 * exist or be an empty folder (RS_ERROR_EXISTS otherwise). Progress is in bytes.
 * Records "database.backup" in the audit log first, so the backup holds its own record. */
RsBackupInfo *rs_backup_create      (RsSession       *session,
                                     const char      *directory,
                                     RsProgressFunc   progress,
                                     gpointer         progress_data,
                                     GCancellable    *cancellable,
                                     GError         **error);

/* Replaces the session's database by the backup in directory, after checking it whole;
 * refused with nothing changed when it is not a Restock backup, is newer than this
 * program, or a file is missing or does not match the manifest. An older backup is
 * upgraded on the way. Records "database.restore" in the restored audit log. The
 * session's user may not exist in the restored database: log in again afterwards. */
gboolean      rs_backup_restore     (RsSession       *session,
                                     const char      *directory,
                                     RsProgressFunc   progress,
                                     gpointer         progress_data,
                                     GCancellable    *cancellable,
                                     GError         **error);

G_END_DECLS
