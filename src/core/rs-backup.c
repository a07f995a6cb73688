/* rs-backup.c */
#include "rs-backup.h"
#include "rs-attachment-store.h"
#include "rs-audit-private.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-permission.h"
#include "rs-settings.h"
#include "rs-users.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define PAGES_PER_STEP 256
#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  char    *path;      /* relative to the backup folder: "restock.db", "attachments/ab/ab…" */
  char    *sha256;
  guint64  size;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->path);
  g_free (entry->sha256);
  g_free (entry);
}

void
rs_backup_info_free (RsBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->created_by);
  g_free (info->company);
  g_free (info);
}

/* ---- progress ----------------------------------------------------------- */

typedef struct
{
  RsProgressFunc func;
  gpointer       data;
  guint64        done;
  guint64        total;
} Progress;

static void
progress_advance (Progress *progress, guint64 bytes)
{
  progress->done = MIN (progress->done + bytes, progress->total);
  if (progress->func != NULL)
    progress->func (progress->done, progress->total, progress->data);
}

/* ---- files -------------------------------------------------------------- */

static gboolean
is_sha256 (const char *text)
{
  return text != NULL && strlen (text) == 64 && strspn (text, "0123456789abcdef") == 64;
}

/* Removes a folder and everything in it (the temporary folders we made). */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

/* A temporary folder removed on scope exit unless stolen. */
typedef char TempTree;
static void
temp_tree_free (TempTree *path)
{
  if (path != NULL)
    remove_tree (path);
  g_free (path);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TempTree, temp_tree_free)

/* Reads path in chunks and hashes it, writing a copy to `copy` when not NULL. */
static char *
hash_file (const char *path, const char *copy, guint64 *size, Progress *progress,
           GCancellable *cancellable, GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  g_autoptr(GError) local_error = NULL;
  gssize n;

  *size = 0;
  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not read “%s”: %s"), path, local_error->message);
      return NULL;
    }
  if (copy != NULL)
    {
      g_autoptr(GFile) copy_file = g_file_new_for_path (copy);
      out = g_file_replace (copy_file, NULL, FALSE, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
      if (out == NULL)
        {
          g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not write “%s”: %s"), copy, local_error->message);
          return NULL;
        }
    }

  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK_SIZE, cancellable, &local_error)) > 0)
    {
      g_checksum_update (checksum, buffer, n);
      *size += (guint64) n;
      if (out != NULL && !g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, n, NULL, cancellable, &local_error))
        break;
      if (progress != NULL)
        progress_advance (progress, (guint64) n);
    }
  if (local_error == NULL && out != NULL)
    g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &local_error);
  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not copy “%s”: %s"), path, local_error->message);
      return NULL;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static gboolean
write_durably (const char *path, GBytes *bytes, GError **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not create the folder “%s”: %s"),
                   folder, g_strerror (saved));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, data != NULL ? data : "", size,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600, &local_error))
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static char *
format_time (gint64 when_us)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);
  return time != NULL ? g_date_time_format_iso8601 (time) : g_strdup ("");
}

/* ---- the manifest ------------------------------------------------------- */

static gboolean
damaged (const char *directory, const char *detail, GError **error)
{
  g_set_error (error, RS_ERROR, RS_ERROR_STORAGE,
               _("The backup in “%s” is incomplete or damaged: %s Nothing was restored."), directory, detail);
  return FALSE;
}

/* "restock.db" or "attachments/ab/<sha256 starting with ab>", nothing that could leave the folder. */
static gboolean
entry_path_is_valid (const Entry *entry)
{
  g_autofree char *expected = NULL;

  if (g_str_equal (entry->path, RS_BACKUP_DATABASE))
    return TRUE;
  expected = g_strdup_printf ("attachments/%.2s/%s", entry->sha256, entry->sha256);
  return g_str_equal (entry->path, expected);
}

static RsBackupInfo *
read_manifest (const char *directory, GPtrArray **entries_out, GError **error)
{
  g_autofree char *path = g_build_filename (directory, RS_BACKUP_MANIFEST, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(RsBackupInfo) info = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  JsonObject *root;
  JsonArray *files;
  gboolean has_database = FALSE;
  gint64 format_version;

  if (!g_file_test (directory, G_FILE_TEST_IS_DIR))
    return g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND,
                        _("There is no folder “%s”."), directory), NULL;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_set_error (error, RS_ERROR, RS_ERROR_NOT_RESTOCK,
                        _("“%s” is not a Restock backup: it has no %s. Nothing was restored."),
                        directory, RS_BACKUP_MANIFEST), NULL;

  if (!json_parser_load_from_file (parser, path, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      damaged (directory, _("its manifest cannot be read."), error);
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", ""), RS_BACKUP_FORMAT) != 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_NOT_RESTOCK,
                        _("“%s” is not a Restock backup: its %s is of another program. Nothing was restored."),
                        directory, RS_BACKUP_MANIFEST), NULL;

  info = g_new0 (RsBackupInfo, 1);
  info->path = g_strdup (directory);
  info->created_by = g_strdup (json_object_get_string_member_with_default (root, "created_by", ""));
  info->company = g_strdup (json_object_get_string_member_with_default (root, "company", ""));
  info->created_at = json_object_get_int_member_with_default (root, "created_at_us", 0);
  info->schema_version = (int) json_object_get_int_member_with_default (root, "schema_version", 0);
  format_version = json_object_get_int_member_with_default (root, "format_version", 0);

  if (format_version > RS_BACKUP_FORMAT_VERSION || info->schema_version > rs_database_get_latest_version ())
    return g_set_error (error, RS_ERROR, RS_ERROR_TOO_NEW,
                        _("The backup in “%s” was made by a newer version of Restock (schema %d; this version "
                          "knows up to %d). Install the newer version to restore it. Nothing was restored."),
                        directory, info->schema_version, rs_database_get_latest_version ()), NULL;
  if (format_version < 1 || info->schema_version < 1)
    return damaged (directory, _("its manifest names no version."), error), NULL;

  files = json_object_has_member (root, "files") ? json_object_get_array_member (root, "files") : NULL;
  if (files == NULL)
    return damaged (directory, _("its manifest lists no files."), error), NULL;
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonNode *node = json_array_get_element (files, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      Entry *entry;
      gint64 size;

      if (object == NULL)
        return damaged (directory, _("its manifest cannot be read."), error), NULL;
      size = json_object_get_int_member_with_default (object, "size", -1);
      entry = g_new0 (Entry, 1);
      entry->path = g_strdup (json_object_get_string_member_with_default (object, "path", ""));
      entry->sha256 = g_strdup (json_object_get_string_member_with_default (object, "sha256", ""));
      entry->size = (guint64) MAX (size, 0);
      g_ptr_array_add (entries, entry);
      if (size < 0 || !is_sha256 (entry->sha256) || !entry_path_is_valid (entry))
        return damaged (directory, _("its manifest names a file that cannot belong to a backup."), error), NULL;
      if (g_str_equal (entry->path, RS_BACKUP_DATABASE))
        has_database = TRUE;
      else
        info->n_files++;
      info->size += entry->size;
    }
  if (!has_database)
    return damaged (directory, _("its manifest names no database."), error), NULL;

  if (entries_out != NULL)
    *entries_out = g_steal_pointer (&entries);
  return g_steal_pointer (&info);
}

RsBackupInfo *
rs_backup_read_info (const char *directory, GError **error)
{
  g_return_val_if_fail (directory != NULL, NULL);
  return read_manifest (directory, NULL, error);
}

static JsonNode *
manifest_json (RsBackupInfo *info, GPtrArray *entries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *when = format_time (info->created_at);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, RS_BACKUP_FORMAT);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, RS_BACKUP_FORMAT_VERSION);
  json_builder_set_member_name (builder, "program_version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, info->schema_version);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, when);
  json_builder_set_member_name (builder, "created_at_us");
  json_builder_add_int_value (builder, info->created_at);
  json_builder_set_member_name (builder, "created_by");
  json_builder_add_string_value (builder, info->created_by);
  json_builder_set_member_name (builder, "company");
  json_builder_add_string_value (builder, info->company);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, entry->path);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) entry->size);
      json_builder_set_member_name (builder, "sha256");
      json_builder_add_string_value (builder, entry->sha256);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- backup ------------------------------------------------------------- */

static gboolean
check_target (const char *directory, GError **error)
{
  g_autoptr(GDir) dir = NULL;

  if (!g_file_test (directory, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_file_test (directory, G_FILE_TEST_IS_DIR))
    {
      dir = g_dir_open (directory, 0, NULL);
      if (dir != NULL && g_dir_read_name (dir) == NULL)
        return TRUE;
    }
  g_set_error (error, RS_ERROR, RS_ERROR_EXISTS,
               _("“%s” already exists and is not an empty folder: choose a new folder for the backup."), directory);
  return FALSE;
}

/* Everything the backup needs from one read snapshot of the database. */
static gboolean
read_snapshot_facts (sqlite3 *handle, GPtrArray *entries, RsBackupInfo *info, guint64 *db_bytes, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;
  gint64 page_size = 0, page_count = 0;

  static const char *sql =
    "SELECT sha256, size FROM stored_file ORDER BY sha256";
  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      Entry *entry = g_new0 (Entry, 1);
      entry->sha256 = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entry->size = (guint64) sqlite3_column_int64 (stmt, 1);
      entry->path = g_strdup_printf ("attachments/%.2s/%s", entry->sha256, entry->sha256);
      g_ptr_array_add (entries, entry);
      info->n_files++;
      info->size += entry->size;
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_reset (stmt);   /* the step's error, if any */
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    goto failed;

  rc = sqlite3_prepare_v2 (handle, "SELECT (SELECT page_size FROM pragma_page_size), "
                                   "(SELECT page_count FROM pragma_page_count), "
                                   "(SELECT user_version FROM pragma_user_version)", -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      page_size = sqlite3_column_int64 (stmt, 0);
      page_count = sqlite3_column_int64 (stmt, 1);
      info->schema_version = sqlite3_column_int (stmt, 2);
      rc = SQLITE_DONE;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto failed;
  *db_bytes = (guint64) (page_size * page_count);
  return TRUE;

failed:
  g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Database error: %s"), sqlite3_errmsg (handle));
  return FALSE;
}

/* Copies the database page by page; the caller holds the read snapshot. */
static gboolean
copy_pages (sqlite3 *source, const char *path, guint64 db_bytes, Progress *progress,
            GCancellable *cancellable, GError **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc, remaining, page_count;
  guint64 reported = 0;

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not write “%s”: %s"), path,
                   dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not write “%s”: %s"), path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  do
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      remaining = sqlite3_backup_remaining (backup);
      page_count = sqlite3_backup_pagecount (backup);
      if (page_count > 0)
        {
          guint64 now = db_bytes * (guint64) (page_count - remaining) / (guint64) page_count;
          if (now > reported)
            progress_advance (progress, now - reported), reported = now;
        }
    }
  while (rc == SQLITE_OK);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not copy the database: %s"), sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }
  /* A self-contained file: no -wal beside it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (sqlite3_close (dest) != SQLITE_OK)
    return g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not write “%s”"), path), FALSE;
  if (db_bytes > reported)
    progress_advance (progress, db_bytes - reported);
  return TRUE;
}

static gboolean
record_backup (RsSession *session, const char *directory, GError **error)
{
  g_autoptr(RsTransaction) tx = rs_transaction_begin (rs_session_get_database (session), error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) after = NULL;

  if (tx == NULL)
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "folder");
  json_builder_add_string_value (builder, directory);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);
  return rs_audit_record (session, "database.backup", "database",
                          rs_database_get_path (rs_session_get_database (session)), NULL, after, error) &&
         rs_transaction_commit (tx, error);
}

RsBackupInfo *
rs_backup_create (RsSession *session, const char *directory, RsProgressFunc progress_func,
                  gpointer progress_data, GCancellable *cancellable, GError **error)
{
  RsDatabase *db;
  sqlite3 *handle;
  g_autoptr(TempTree) temp = NULL;
  g_autofree char *parent = NULL;
  g_autofree char *db_copy = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *manifest_text = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autoptr(RsBackupInfo) info = g_new0 (RsBackupInfo, 1);
  g_autoptr(RsAttachmentStore) store = NULL;
  g_autoptr(JsonNode) manifest = NULL;
  g_autoptr(GBytes) manifest_bytes = NULL;
  Progress progress = { progress_func, progress_data, 0, 0 };
  Entry *db_entry;
  guint64 db_bytes = 0;
  gboolean ok;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (directory != NULL, NULL);

  db = rs_session_get_database (session);
  handle = rs_database_get_handle (db);
  if (!rs_permission_check (session, RS_ACTION_SETTINGS_EDIT, error) || !check_target (directory, error))
    return NULL;

  parent = g_path_get_dirname (directory);
  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not create the folder “%s”: %s"),
                   parent, g_strerror (saved));
      return NULL;
    }
  /* Written under a temporary name beside the target: the name appears only when complete. */
  temp = g_strdup_printf ("%s.partial-XXXXXX", directory);
  if (g_mkdtemp_full (temp, 0700) == NULL)
    {
      int saved = errno;
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not create a folder beside “%s”: %s"),
                   directory, g_strerror (saved));
      g_clear_pointer (&temp, g_free);
      return NULL;
    }

  if (!record_backup (session, directory, error))
    return NULL;

  info->path = g_strdup (directory);
  info->created_by = g_strdup (rs_user_get_name (rs_session_get_user (session)));
  info->company = rs_settings_get (db, RS_SETTING_COMPANY_NAME, "");
  info->created_at = rs_clock_now ();

  /* One read snapshot for the file list and every page, while others go on writing (WAL):
   * a backup step inside an open read transaction keeps it rather than restarting. */
  db_entry = g_new0 (Entry, 1);
  db_entry->path = g_strdup (RS_BACKUP_DATABASE);
  g_ptr_array_add (entries, db_entry);
  db_copy = g_build_filename (temp, RS_BACKUP_DATABASE, NULL);
  if (!rs_database_exec (db, "BEGIN DEFERRED", error))
    return NULL;
  ok = read_snapshot_facts (handle, entries, info, &db_bytes, error);
  if (ok)
    {
      progress.total = db_bytes + info->size;
      ok = copy_pages (handle, db_copy, db_bytes, &progress, cancellable, error);
    }
  rs_database_exec (db, "COMMIT", NULL);
  if (!ok)
    return NULL;

  db_entry->sha256 = hash_file (db_copy, NULL, &db_entry->size, NULL, cancellable, error);
  if (db_entry->sha256 == NULL)
    return NULL;
  info->size += db_entry->size;

  /* Files are named by their hash and never change: reading each checks it is intact. */
  store = rs_attachment_store_new (db);
  for (guint i = 1; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *target = g_build_filename (temp, entry->path, NULL);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      bytes = rs_attachment_store_read (store, entry->sha256, error);
      if (bytes == NULL)
        {
          g_prefix_error (error, _("The backup was not made: "));
          return NULL;
        }
      if (!write_durably (target, bytes, error))
        return NULL;
      progress_advance (&progress, entry->size);
    }

  manifest = manifest_json (info, entries);
  manifest_text = json_to_string (manifest, TRUE);
  manifest_bytes = g_bytes_new (manifest_text, strlen (manifest_text));
  manifest_path = g_build_filename (temp, RS_BACKUP_MANIFEST, NULL);
  if (!write_durably (manifest_path, manifest_bytes, error))
    return NULL;

  /* An empty folder of that name is replaced by rename() itself. */
  if (g_rename (temp, directory) != 0)
    {
      int saved = errno;
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not move the backup into place as “%s”: %s"),
                   directory, g_strerror (saved));
      return NULL;
    }
  g_clear_pointer (&temp, g_free);
  return g_steal_pointer (&info);
}

/* ---- restore ------------------------------------------------------------ */

static gboolean
check_entry (const char *directory, Entry *entry, const char *copy, Progress *progress,
             GCancellable *cancellable, GError **error)
{
  g_autofree char *path = g_build_filename (directory, entry->path, NULL);
  g_autofree char *sha256 = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *detail = NULL;
  guint64 size = 0;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      detail = g_strdup_printf (_("the file %s is missing."), entry->path);
      return damaged (directory, detail, error);
    }
  sha256 = hash_file (path, copy, &size, progress, cancellable, &local_error);
  if (sha256 == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return g_propagate_error (error, g_steal_pointer (&local_error)), FALSE;
      return damaged (directory, local_error->message, error);
    }
  if (size != entry->size || !g_str_equal (sha256, entry->sha256))
    {
      detail = g_strdup_printf (_("the file %s does not match its checksum in the manifest."), entry->path);
      return damaged (directory, detail, error);
    }
  return TRUE;
}

static gboolean
check_copy (RsDatabase *copy, const char *directory, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (copy, "PRAGMA quick_check", error);
  g_autoptr(GError) local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  if (!rs_statement_step (stmt, &local_error) || !g_str_equal (rs_statement_text (stmt, 0), "ok"))
    return damaged (directory, local_error != NULL ? local_error->message : rs_statement_text (stmt, 0), error);
  g_clear_pointer (&stmt, rs_statement_release);
  if (!rs_users_is_initialized (copy, NULL))
    return damaged (directory, _("its database has no users."), error);
  return TRUE;
}

static gboolean
record_restore (RsDatabase *copy, RsSession *session, RsBackupInfo *info, GError **error)
{
  g_autoptr(RsTransaction) tx = rs_transaction_begin (copy, error);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *when = format_time (info->created_at);

  if (tx == NULL)
    return FALSE;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "folder");
  json_builder_add_string_value (builder, info->path);
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, when);
  json_builder_set_member_name (builder, "created_by");
  json_builder_add_string_value (builder, info->created_by);
  json_builder_end_object (builder);
  after = json_builder_get_root (builder);
  /* No user id: the restorer's id means someone else, or no one, in the restored database. */
  return rs_audit_record_as (copy, 0, rs_user_get_name (rs_session_get_user (session)), "database.restore",
                             "database", rs_database_get_path (rs_session_get_database (session)),
                             NULL, after, error) &&
         rs_transaction_commit (tx, error);
}

/* Replaces every page of the live database in one write transaction. */
static gboolean
swap_in (RsDatabase *live, RsDatabase *copy, GError **error)
{
  sqlite3 *dest = rs_database_get_handle (live);
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", rs_database_get_handle (copy), "main");
  int rc;

  if (backup == NULL)
    return rs_database_set_error (live, sqlite3_errcode (dest), error);
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (100);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    return g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not replace the database: %s"),
                        sqlite3_errstr (rc)), FALSE;
  return TRUE;
}

gboolean
rs_backup_restore (RsSession *session, const char *directory, RsProgressFunc progress_func,
                   gpointer progress_data, GCancellable *cancellable, GError **error)
{
  RsDatabase *live;
  g_autoptr(RsBackupInfo) info = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(TempTree) temp = NULL;
  g_autoptr(RsDatabase) copy = NULL;
  g_autoptr(RsAttachmentStore) store = NULL;
  g_autofree char *live_dir = NULL;
  g_autofree char *copy_path = NULL;
  g_autoptr(GError) local_error = NULL;
  Progress progress = { progress_func, progress_data, 0, 0 };
  Entry *db_entry = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);

  live = rs_session_get_database (session);
  if (!rs_permission_check (session, RS_ACTION_SETTINGS_EDIT, error))
    return FALSE;
  info = read_manifest (directory, &entries, error);
  if (info == NULL)
    return FALSE;

  /* Each stored file is read twice (checked, then copied); the database once. */
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      progress.total += g_str_equal (entry->path, RS_BACKUP_DATABASE) ? entry->size : 2 * entry->size;
      if (g_str_equal (entry->path, RS_BACKUP_DATABASE))
        db_entry = entry;
    }

  /* 1. Every stored file is there and intact. */
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      if (entry != db_entry && !check_entry (directory, entry, NULL, &progress, cancellable, error))
        return FALSE;
    }

  /* 2. The database, copied beside the live one (the same file system) and checked as copied. */
  live_dir = g_path_get_dirname (rs_database_get_path (live));
  temp = g_build_filename (live_dir, ".restock-restore-XXXXXX", NULL);
  if (g_mkdtemp_full (temp, 0700) == NULL)
    {
      int saved = errno;
      g_set_error (error, RS_ERROR, RS_ERROR_STORAGE, _("Could not create a folder in “%s”: %s"),
                   live_dir, g_strerror (saved));
      g_clear_pointer (&temp, g_free);
      return FALSE;
    }
  copy_path = g_build_filename (temp, RS_BACKUP_DATABASE, NULL);
  if (!check_entry (directory, db_entry, copy_path, &progress, cancellable, error))
    return FALSE;
  /* Refuses another program's database and a newer one; brings an older one up to date. */
  copy = rs_database_open (copy_path, &local_error);
  if (copy == NULL)
    return damaged (directory, local_error->message, error);
  if (!check_copy (copy, directory, error))
    return FALSE;

  /* 3. The stored files into the live store: named by content, so adding them changes
   *    nothing the live database refers to, and a refusal below leaves harmless extras. */
  store = rs_attachment_store_new (live);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      g_autofree char *source = NULL;
      g_autofree char *target = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sha256 = NULL;

      if (entry == db_entry)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!rs_attachment_store_verify (store, entry->sha256, NULL))
        {
          g_autoptr(GFile) file = NULL;

          source = g_build_filename (directory, entry->path, NULL);
          file = g_file_new_for_path (source);
          bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
          if (bytes == NULL)
            return damaged (directory, local_error->message, error);
          /* Checked again: these bytes, not the ones read before, are what goes in. */
          sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
          if (!g_str_equal (sha256, entry->sha256))
            {
              g_autofree char *detail = g_strdup_printf (_("the file %s does not match its checksum in the manifest."),
                                                         entry->path);
              return damaged (directory, detail, error);
            }
          target = rs_attachment_store_get_path (store, entry->sha256);
          if (!write_durably (target, bytes, error))
            return FALSE;
        }
      progress_advance (&progress, entry->size);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* 4. The record goes in with the database it describes; 5. the swap. */
  if (!record_restore (copy, session, info, error) || !swap_in (live, copy, error))
    return FALSE;
  return TRUE;
}
