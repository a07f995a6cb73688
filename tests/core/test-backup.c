/* test-backup.c — backup and restore (DESIGN §6): a round trip brings back the rows and
 * files backed up; a backup is one snapshot while another connection writes; a foreign,
 * newer, incomplete or damaged backup and a user who is not an administrator are refused
 * with nothing changed. */
#include "rs-test-util.h"
#include "rs-backup.h"
#include "rs-audit-private.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct {
  guint   calls;
  guint64 done;
  guint64 total;
  RsDatabase *writer;   /* writes through another connection while the backup runs */
} ProgressSeen;

static void
on_progress (guint64 done, guint64 total, gpointer data)
{
  ProgressSeen *seen = data;

  g_assert_cmpuint (done, >=, seen->done);
  g_assert_cmpuint (done, <=, total);
  seen->calls++;
  seen->done = done;
  seen->total = total;
  if (seen->writer != NULL && seen->calls == 1)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (rs_settings_store (seen->writer, RS_SETTING_COMPANY_PHONE, "written meanwhile", &error));
      g_assert_no_error (error);
    }
}

/* The dump without the audit table, and the audit table alone. */
static char *
dump_part (RsDatabase *db, gboolean audit)
{
  g_autofree char *dump = rs_test_dump (db);
  char *start = strstr (dump, "== audit\n");
  char *end;

  g_assert_nonnull (start);
  end = strstr (start + 1, "\n== ");
  end = end != NULL ? end + 1 : start + strlen (start);
  if (audit)
    return g_strndup (start, end - start);
  *start = '\0';
  return g_strconcat (dump, end, NULL);
}

static char *
store_file (RsSession *session, const char *text)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (db);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  char *hash = rs_attachment_store_add_bytes (store, bytes, &error);

  g_assert_no_error (error);
  return hash;
}

static char *
backup_dir (void)
{
  g_autofree char *parent = rs_test_make_dir ();
  return g_build_filename (parent, "备份 2026-11-27", NULL);
}

static void
make_backup (RsSession *session, const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsBackupInfo) info = rs_backup_create (session, dir, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (info);
}

static void
test_round_trip (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (db);
  g_autoptr(RsSession) sales = rs_test_add_user (db, "wang", RS_ROLE_SALES);
  g_autoptr(RsBackupInfo) info = NULL;
  g_autoptr(RsBackupInfo) read_back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = backup_dir ();
  g_autofree char *hash = store_file (admin, "客户发来的破损照片");
  g_autofree char *path = rs_attachment_store_get_path (store, hash);
  g_autofree char *copied = NULL;
  g_autofree char *manifest = g_build_filename (dir, RS_BACKUP_MANIFEST, NULL);
  g_autofree char *rows = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *rows_after = NULL;
  g_autofree char *audit_after = NULL;
  ProgressSeen seen = { 0 };

  g_assert_true (rs_settings_store (db, RS_SETTING_COMPANY_NAME, "华东商贸有限公司", NULL));
  info = rs_backup_create (admin, dir, on_progress, &seen, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info->n_files, ==, 1);
  g_assert_cmpstr (info->created_by, ==, "admin");
  g_assert_cmpstr (info->company, ==, "华东商贸有限公司");
  g_assert_cmpint (info->schema_version, ==, rs_database_get_latest_version ());
  g_assert_cmpuint (seen.calls, >, 0);
  g_assert_cmpuint (seen.done, ==, seen.total);
  g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
  copied = g_strdup_printf ("%s/attachments/%.2s/%s", dir, hash, hash);
  g_assert_true (g_file_test (copied, G_FILE_TEST_IS_REGULAR));

  read_back = rs_backup_read_info (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read_back->created_at, ==, info->created_at);
  g_assert_cmpuint (read_back->size, ==, info->size);

  /* The backup records itself before the snapshot: what is here now is what it holds. */
  rows = dump_part (db, FALSE);
  audit = dump_part (db, TRUE);
  g_assert_nonnull (strstr (audit, "database.backup"));

  /* Changes after the backup, and a lost file. */
  g_clear_object (&sales);
  sales = rs_test_add_user (db, "li", RS_ROLE_KEEPER);
  g_assert_true (rs_users_disable (admin, "wang", NULL));
  g_assert_true (rs_settings_store (db, RS_SETTING_COMPANY_NAME, "改过的名字", NULL));
  g_assert_cmpint (g_unlink (path), ==, 0);

  seen = (ProgressSeen) { 0 };
  g_assert_true (rs_backup_restore (admin, dir, on_progress, &seen, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.done, ==, seen.total);
  g_assert_cmpuint (seen.total, >, 0);

  rows_after = dump_part (db, FALSE);
  audit_after = dump_part (db, TRUE);
  g_assert_cmpstr (rows_after, ==, rows);
  g_assert_true (g_str_has_prefix (audit_after, audit));
  g_assert_nonnull (strstr (audit_after + strlen (audit), "database.restore"));
  g_assert_null (strstr (audit_after + strlen (audit) + strlen ("database.restore"), "\n1|"));
  g_assert_true (rs_attachment_store_verify (store, hash, NULL));

  /* The restored database still checks out and its log is intact. */
  {
    g_autoptr(GPtrArray) problems = rs_check_database (db, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
  /* The backup itself was not changed by restoring from it: restoring again works. */
  g_assert_true (rs_backup_restore (admin, dir, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A second connection writes while the pages are copied: the backup holds the state it started from. */
static void
test_snapshot_while_writing (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsDatabase) writer = rs_database_open (rs_database_get_path (db), NULL);
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsBackupInfo) info = NULL;
  g_autoptr(RsDatabase) copy = NULL;
  g_autofree char *dir = backup_dir ();
  g_autofree char *db_copy = g_build_filename (dir, RS_BACKUP_DATABASE, NULL);
  g_autofree char *big = g_strnfill (4 * 1024 * 1024, 'x');   /* about a thousand pages: many steps */
  g_autofree char *phone = NULL;
  g_autofree char *copy_dir = rs_test_make_dir ();
  g_autofree char *copy_path = g_build_filename (copy_dir, "copy.db", NULL);
  g_autoptr(GBytes) bytes = NULL;
  ProgressSeen seen = { 0 };

  g_assert_true (rs_settings_store (db, "test.filler", big, NULL));
  g_assert_true (rs_settings_store (db, RS_SETTING_COMPANY_PHONE, "before", NULL));
  seen.writer = writer;

  info = rs_backup_create (admin, dir, on_progress, &seen, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen.calls, >, 2);

  phone = rs_settings_get (db, RS_SETTING_COMPANY_PHONE, "");
  g_assert_cmpstr (phone, ==, "written meanwhile");
  g_clear_pointer (&phone, g_free);

  /* Looked at in a copy: opening the backup's own file would change it. */
  bytes = rs_test_read_file (db_copy);
  rs_test_write_file (copy_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  copy = rs_database_open (copy_path, &error);
  g_assert_no_error (error);
  phone = rs_settings_get (copy, RS_SETTING_COMPANY_PHONE, "");
  g_assert_cmpstr (phone, ==, "before");
}

static void
test_target_not_empty (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autofree char *parent = rs_test_make_dir ();
  g_autofree char *dir = g_build_filename (parent, "full", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n = 0;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  rs_test_write_file (other, "keep me", -1);
  before = rs_test_dump (db);
  g_assert_null (rs_backup_create (admin, dir, NULL, NULL, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_EXISTS);
  after = rs_test_dump (db);
  g_assert_cmpstr (after, ==, before);

  /* Nothing left beside it either. */
  listing = g_dir_open (parent, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);

  /* An empty folder is fine. */
  g_assert_cmpint (g_unlink (other), ==, 0);
  make_backup (admin, dir);
}

/* Rewrites one member of the manifest. */
static void
edit_manifest (const char *dir, const char *member, gint64 value)
{
  g_autofree char *path = g_build_filename (dir, RS_BACKUP_MANIFEST, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  json_object_set_int_member (json_node_get_object (json_parser_get_root (parser)), member, value);
  text = json_to_string (json_parser_get_root (parser), TRUE);
  rs_test_write_file (path, text, -1);
}

static void
copy_tree (const char *from, const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *a = g_build_filename (from, name, NULL);
      g_autofree char *b = g_build_filename (to, name, NULL);
      if (g_file_test (a, G_FILE_TEST_IS_DIR))
        copy_tree (a, b);
      else
        {
          g_autoptr(GBytes) bytes = rs_test_read_file (a);
          rs_test_write_file (b, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
        }
    }
}

typedef void (*Spoil) (const char *dir, const char *hash);

static void
spoil_none_manifest (const char *dir, const char *hash)
{
  g_autofree char *path = g_build_filename (dir, RS_BACKUP_MANIFEST, NULL);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
spoil_foreign_manifest (const char *dir, const char *hash)
{
  g_autofree char *path = g_build_filename (dir, RS_BACKUP_MANIFEST, NULL);
  rs_test_write_file (path, "{\"format\": \"other-program\", \"files\": []}", -1);
}

static void
spoil_garbled_manifest (const char *dir, const char *hash)
{
  g_autofree char *path = g_build_filename (dir, RS_BACKUP_MANIFEST, NULL);
  rs_test_write_file (path, "{\"format\": \"restock-backup\", \"fil", -1);
}

static void
spoil_newer_schema (const char *dir, const char *hash)
{
  edit_manifest (dir, "schema_version", rs_database_get_latest_version () + 1);
}

static void
spoil_newer_format (const char *dir, const char *hash)
{
  edit_manifest (dir, "format_version", RS_BACKUP_FORMAT_VERSION + 1);
}

static void
spoil_missing_file (const char *dir, const char *hash)
{
  g_autofree char *path = g_strdup_printf ("%s/attachments/%.2s/%s", dir, hash, hash);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
spoil_damaged_file (const char *dir, const char *hash)
{
  g_autofree char *path = g_strdup_printf ("%s/attachments/%.2s/%s", dir, hash, hash);
  rs_test_write_file (path, "something else entirely", -1);
}

static void
spoil_damaged_database (const char *dir, const char *hash)
{
  g_autofree char *path = g_build_filename (dir, RS_BACKUP_DATABASE, NULL);
  g_autoptr(GBytes) bytes = rs_test_read_file (path);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  data[g_bytes_get_size (bytes) - 100] ^= 0x55;
  rs_test_write_file (path, (const char *) data, g_bytes_get_size (bytes));
}

/* A manifest whose checksums are right, for a database of another program. */
static void
spoil_foreign_database (const char *dir, const char *hash)
{
  g_autofree char *path = g_build_filename (dir, RS_BACKUP_DATABASE, NULL);
  g_autofree char *manifest = g_build_filename (dir, RS_BACKUP_MANIFEST, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *text = NULL;
  JsonArray *files;
  sqlite3 *other = NULL;

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA application_id = 1234; CREATE TABLE notes (t TEXT)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  bytes = rs_test_read_file (path);
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  g_assert_true (json_parser_load_from_file (parser, manifest, NULL));
  files = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "files");
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      if (g_str_equal (json_object_get_string_member (file, "path"), RS_BACKUP_DATABASE))
        {
          json_object_set_string_member (file, "sha256", sha256);
          json_object_set_int_member (file, "size", (gint64) g_bytes_get_size (bytes));
        }
    }
  text = json_to_string (json_parser_get_root (parser), TRUE);
  rs_test_write_file (manifest, text, -1);
}

static void
spoil_path_escape (const char *dir, const char *hash)
{
  g_autofree char *manifest = g_build_filename (dir, RS_BACKUP_MANIFEST, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonArray *files;

  g_assert_true (json_parser_load_from_file (parser, manifest, NULL));
  files = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "files");
  for (guint i = 0; i < json_array_get_length (files); i++)
    {
      JsonObject *file = json_array_get_object_element (files, i);
      if (!g_str_equal (json_object_get_string_member (file, "path"), RS_BACKUP_DATABASE))
        json_object_set_string_member (file, "path", "../../outside");
    }
  text = json_to_string (json_parser_get_root (parser), TRUE);
  rs_test_write_file (manifest, text, -1);
}

static const struct {
  const char *name;
  Spoil spoil;
  int code;
} spoils[] = {
  { "no-manifest", spoil_none_manifest, RS_ERROR_NOT_RESTOCK },
  { "foreign-manifest", spoil_foreign_manifest, RS_ERROR_NOT_RESTOCK },
  { "garbled-manifest", spoil_garbled_manifest, RS_ERROR_STORAGE },
  { "newer-schema", spoil_newer_schema, RS_ERROR_TOO_NEW },
  { "newer-format", spoil_newer_format, RS_ERROR_TOO_NEW },
  { "missing-file", spoil_missing_file, RS_ERROR_STORAGE },
  { "damaged-file", spoil_damaged_file, RS_ERROR_STORAGE },
  { "damaged-database", spoil_damaged_database, RS_ERROR_STORAGE },
  { "foreign-database", spoil_foreign_database, RS_ERROR_STORAGE },
  { "path-escape", spoil_path_escape, RS_ERROR_STORAGE },
};

/* Every spoiled copy of one good backup is refused; the live database and its store stay as they were. */
static void
test_refused (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (db);
  g_autofree char *good = backup_dir ();
  g_autofree char *hash = store_file (admin, "质检照片");
  g_autofree char *live_file = rs_attachment_store_get_path (store, hash);
  g_autofree char *before = NULL;

  make_backup (admin, good);
  /* Changed after the backup, so a restore that went through would show. */
  g_assert_true (rs_settings_store (db, RS_SETTING_COMPANY_NAME, "之后的名字", NULL));
  g_assert_cmpint (g_unlink (live_file), ==, 0);
  before = rs_test_dump (db);

  for (guint i = 0; i < G_N_ELEMENTS (spoils); i++)
    {
      g_autofree char *parent = rs_test_make_dir ();
      g_autofree char *dir = g_build_filename (parent, spoils[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      g_autofree char *db_dir = g_path_get_dirname (rs_database_get_path (db));
      g_autoptr(GDir) listing = NULL;
      const char *name;

      g_test_message ("%s", spoils[i].name);
      copy_tree (good, dir);
      spoils[i].spoil (dir, hash);
      g_assert_false (rs_backup_restore (admin, dir, NULL, NULL, NULL, &error));
      g_assert_error (error, RS_ERROR, spoils[i].code);
      g_assert_nonnull (strstr (error->message, dir));
      after = rs_test_dump (db);
      g_assert_cmpstr (after, ==, before);
      g_assert_false (g_file_test (live_file, G_FILE_TEST_EXISTS));
      /* No temporary copy left beside the database. */
      listing = g_dir_open (db_dir, 0, NULL);
      while ((name = g_dir_read_name (listing)) != NULL)
        g_assert_false (g_str_has_prefix (name, ".restock-restore-"));
    }

  /* Not a folder at all. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *missing = g_build_filename (good, "no-such-folder", NULL);
    g_assert_false (rs_backup_restore (admin, missing, NULL, NULL, NULL, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
  }
}

static void
test_permission (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autofree char *good = backup_dir ();
  g_autofree char *target = backup_dir ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const RsRoles others[] = { RS_ROLE_SALES, RS_ROLE_SERVICE, RS_ROLE_MANAGER, RS_ROLE_KEEPER,
                             RS_ROLE_FINANCE, RS_ROLE_VIEWER,
                             RS_ROLE_ALL & ~RS_ROLE_ADMIN };

  make_backup (admin, good);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *name = g_strdup_printf ("user%u", i);
      g_autoptr(RsSession) session = rs_test_add_user (db, name, others[i]);
      g_autoptr(GError) error = NULL;

      before = rs_test_dump (db);
      g_assert_null (rs_backup_create (session, target, NULL, NULL, NULL, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      g_assert_false (rs_backup_restore (session, good, NULL, NULL, NULL, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
      after = rs_test_dump (db);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&before, g_free);
      g_clear_pointer (&after, g_free);
    }
}

static void
test_cancel (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = backup_dir ();
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autoptr(GDir) listing = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (rs_backup_create (admin, dir, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  listing = g_dir_open (parent, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  rs_i18n_init ();

  g_test_add_func ("/backup/round-trip", test_round_trip);
  g_test_add_func ("/backup/snapshot-while-writing", test_snapshot_while_writing);
  g_test_add_func ("/backup/target-not-empty", test_target_not_empty);
  g_test_add_func ("/backup/refused", test_refused);
  g_test_add_func ("/backup/permission", test_permission);
  g_test_add_func ("/backup/cancel", test_cancel);
  return g_test_run ();
}
