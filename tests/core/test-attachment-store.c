/* test-attachment-store.c — the content-addressed file store: write, dedupe, verify, refuse. */
#include "rs-test-util.h"
#include "rs-attachment-store.h"

#include <glib/gstdio.h>
#include <unistd.h>

static int
count_rows (RsDatabase *db, const char *sql)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, sql, NULL);
  g_assert_true (rs_statement_step (stmt, NULL));
  return sqlite3_column_int (stmt, 0);
}

/* Every file under the store, so a refusal can be shown to leave nothing behind. */
static void
list_files (const char *directory, GPtrArray *out)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        list_files (path, out);
      else
        g_ptr_array_add (out, g_steal_pointer (&path));
    }
}

static guint
count_files (RsAttachmentStore *store)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  list_files (rs_attachment_store_get_directory (store), files);
  return files->len;
}

static void
test_add_and_read (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (db);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("送货单照片 photo bytes", strlen ("送货单照片 photo bytes"));
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *hash = NULL;
  g_autofree char *again = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = g_path_get_dirname (rs_database_get_path (db));
  g_autofree char *expected_dir = g_build_filename (dir, "attachments", NULL);

  g_assert_cmpstr (rs_attachment_store_get_directory (store), ==, expected_dir);

  hash = rs_attachment_store_add_bytes (store, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hash, ==, expected);
  path = rs_attachment_store_get_path (store, hash);
  g_assert_true (g_str_has_prefix (path, expected_dir));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM stored_file"), ==, 1);

  back = rs_attachment_store_read (store, hash, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));

  /* The same contents are kept once. */
  again = rs_attachment_store_add_bytes (store, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, hash);
  g_assert_cmpint (count_rows (db, "SELECT count(*) FROM stored_file"), ==, 1);
  g_assert_cmpuint (count_files (store), ==, 1);   /* and no temporary file is left */
}

static void
test_damaged_and_missing (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (db);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4 archived slip", 22);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = rs_attachment_store_add_bytes (store, bytes, &error);
  g_autofree char *path = rs_attachment_store_get_path (store, hash);
  g_autofree char *healed = NULL;

  g_assert_no_error (error);

  /* One changed byte is reported, never passed on as if fine. */
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  rs_test_write_file (path, "%PDF-1.4 archived slap", 22);
  back = rs_attachment_store_read (store, hash, &error);
  g_assert_null (back);
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_assert_nonnull (strstr (error->message, hash));
  g_clear_error (&error);
  g_assert_false (rs_attachment_store_verify (store, hash, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
  g_clear_error (&error);

  /* Storing the good bytes again repairs the copy. */
  healed = rs_attachment_store_add_bytes (store, bytes, &error);
  g_assert_no_error (error);
  g_assert_true (rs_attachment_store_verify (store, hash, &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_false (rs_attachment_store_verify (store, hash, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);

  /* A "hash" is never a path. */
  g_assert_null (rs_attachment_store_read (store, "../../restock.db", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_null (rs_attachment_store_read (store, "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
}

static void
test_size_limit (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (db);
  g_autofree char *dir = rs_test_make_dir ();
  g_autofree char *big = g_build_filename (dir, "scan.tif", NULL);
  g_autofree char *limit = g_build_filename (dir, "limit.bin", NULL);
  g_autofree char *before = rs_test_dump (db);
  g_autofree char *after = NULL;
  g_autofree char *hash = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) too_many = g_bytes_new_take (g_malloc0 (RS_ATTACHMENT_MAX_SIZE + 1), RS_ATTACHMENT_MAX_SIZE + 1);
  FILE *file;

  /* One byte over 25 MB, as a file (refused before it is read) and as bytes. */
  file = fopen (big, "w");
  g_assert_cmpint (ftruncate (fileno (file), RS_ATTACHMENT_MAX_SIZE + 1), ==, 0);
  fclose (file);
  g_assert_null (rs_attachment_store_add_file (store, big, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "scan.tif"));
  g_assert_nonnull (strstr (error->message, "25 MB"));
  g_clear_error (&error);
  g_assert_null (rs_attachment_store_add_bytes (store, too_many, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_files (store), ==, 0);

  /* A missing file and a folder are refused. */
  g_assert_null (rs_attachment_store_add_file (store, "/nonexistent/photo.jpg", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rs_attachment_store_add_file (store, dir, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);

  /* Exactly 25 MB is accepted. */
  file = fopen (limit, "w");
  g_assert_cmpint (ftruncate (fileno (file), RS_ATTACHMENT_MAX_SIZE), ==, 0);
  fclose (file);
  hash = rs_attachment_store_add_file (store, limit, &error);
  g_assert_no_error (error);
  g_assert_true (rs_attachment_store_verify (store, hash, &error));
  g_assert_cmpint (count_rows (db, "SELECT size FROM stored_file"), ==, RS_ATTACHMENT_MAX_SIZE);
}

static void
test_content_type (void)
{
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n", 9);
  g_autofree char *from_name = rs_attachment_guess_content_type ("photo.jpg", NULL);
  g_autofree char *from_data = rs_attachment_guess_content_type ("noname", pdf);

  g_assert_cmpstr (from_name, ==, "image/jpeg");
  g_assert_cmpstr (from_data, ==, "application/pdf");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attachment-store/add-and-read", test_add_and_read);
  g_test_add_func ("/attachment-store/damaged-and-missing", test_damaged_and_missing);
  g_test_add_func ("/attachment-store/size-limit", test_size_limit);
  g_test_add_func ("/attachment-store/content-type", test_content_type);

  return g_test_run ();
}
