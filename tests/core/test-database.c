/* test-database.c — opening, refusing, migrating and transactions. */
#include "rs-test-util.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int
pragma_int (RsDatabase *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (rs_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
pragma_text (RsDatabase *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (rs_database_get_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
test_create_sets_pragmas (void)
{
  g_autofree char *path = rs_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  g_autofree char *mode = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  mode = pragma_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (pragma_int (db, "PRAGMA synchronous"), ==, 2 /* FULL */);
  g_assert_cmpint (pragma_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (db, "PRAGMA busy_timeout"), >, 0);
  g_assert_cmpint (pragma_int (db, "PRAGMA application_id"), ==, RS_DATABASE_APPLICATION_ID);
  g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, rs_database_get_latest_version ());
  g_assert_cmpint (rs_database_get_schema_version (db), ==, rs_database_get_latest_version ());
  g_assert_cmpint (rs_database_get_latest_version (), >=, 1);

  /* Every ordinary table is STRICT. */
  g_assert_cmpint (sqlite3_prepare_v2 (rs_database_get_handle (db),
                                       "SELECT name FROM pragma_table_list WHERE schema = 'main' "
                                       "AND type = 'table' AND name NOT LIKE 'sqlite_%' AND strict = 0",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_error ("table %s is not STRICT", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
}

static void
test_reopen_keeps_data (void)
{
  g_autofree char *path = rs_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) first = rs_database_open (path, &error);
  g_autoptr(RsDatabase) second = NULL;

  g_assert_no_error (error);
  rs_users_initialize (first, "ACME", RS_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_clear_object (&first);

  second = rs_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (rs_users_is_initialized (second, &error));
  g_assert_no_error (error);
}

/* Opens path, expects `code`, and checks the file's bytes did not change. */
static void
assert_refused_untouched (const char *path, int code)
{
  g_autoptr(GBytes) before = rs_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (db);
  g_assert_error (error, RS_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  after = rs_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_not_a_database (void)
{
  g_autofree char *path = rs_test_db_path ();

  rs_test_write_file (path, "These are my notes, not a database.\n"
                            "They go on for a while so the file is longer than a page header.\n", -1);
  assert_refused_untouched (path, RS_ERROR_NOT_RESTOCK);
}

static void
test_refuse_foreign_sqlite (void)
{
  g_autofree char *path = rs_test_db_path ();
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "CREATE TABLE contacts (name TEXT); "
                                         "INSERT INTO contacts VALUES ('Li Lei')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  assert_refused_untouched (path, RS_ERROR_NOT_RESTOCK);
}

static void
test_refuse_other_application_id (void)
{
  g_autofree char *path = rs_test_db_path ();
  sqlite3 *handle = NULL;

  /* Empty of tables, but stamped by another program. */
  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA application_id = 1234; PRAGMA user_version = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  assert_refused_untouched (path, RS_ERROR_NOT_RESTOCK);
}

static void
test_refuse_newer_database (void)
{
  g_autofree char *path = rs_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", rs_database_get_latest_version () + 1);

  g_assert_no_error (error);
  g_assert_true (rs_database_exec (db, bump, &error));
  /* Leave a complete main file behind: no WAL to replay. */
  g_assert_true (rs_database_exec (db, "PRAGMA journal_mode = DELETE", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  assert_refused_untouched (path, RS_ERROR_TOO_NEW);
}

static void
test_refuse_directory (void)
{
  g_autofree char *dir = rs_test_make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (dir, &error);

  g_assert_null (db);
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_RESTOCK);
}

static void
test_statement_cache (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(GError) error = NULL;
  RsStatement *first, *second;

  first = rs_database_prepare (db, "SELECT count(*) FROM user", &error);
  g_assert_no_error (error);
  g_assert_true (rs_statement_step (first, &error));
  rs_statement_release (first);
  second = rs_database_prepare (db, "SELECT count(*) FROM user", &error);
  g_assert_true (first == second);

  g_assert_null (rs_database_prepare (db, "SELECT nonsense FROM nowhere", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
}

static int
count_settings (RsDatabase *db)
{
  return pragma_int (db, "SELECT count(*) FROM setting WHERE key LIKE 'test.%'");
}

static void
test_transactions (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(GError) error = NULL;

  /* Committed: kept. */
  {
    g_autoptr(RsTransaction) tx = rs_transaction_begin (db, &error);
    g_assert_no_error (error);
    rs_settings_store (db, "test.a", "1", &error);
    g_assert_true (rs_transaction_commit (tx, &error));
  }
  g_assert_cmpint (count_settings (db), ==, 1);

  /* Dropped without commit: rolled back. */
  {
    g_autoptr(RsTransaction) tx = rs_transaction_begin (db, &error);
    rs_settings_store (db, "test.b", "2", &error);
  }
  g_assert_cmpint (count_settings (db), ==, 1);

  /* An inner failure rolls back the inner part only. */
  {
    g_autoptr(RsTransaction) outer = rs_transaction_begin (db, &error);
    rs_settings_store (db, "test.c", "3", &error);
    {
      g_autoptr(RsTransaction) inner = rs_transaction_begin (db, &error);
      g_assert_no_error (error);
      rs_settings_store (db, "test.d", "4", &error);
    }
    g_assert_true (rs_transaction_commit (outer, &error));
  }
  g_assert_no_error (error);
  g_assert_cmpint (count_settings (db), ==, 2);
  g_assert_true (sqlite3_get_autocommit (rs_database_get_handle (db)));
}

static void
test_write_lock_is_immediate (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsTransaction) tx = NULL;

  other = rs_database_open (rs_database_get_path (db), &error);
  g_assert_no_error (error);
  tx = rs_transaction_begin (db, &error);
  g_assert_no_error (error);

  /* BEGIN IMMEDIATE takes the write lock at once: a second writer waits, then gives up. */
  sqlite3_busy_timeout (rs_database_get_handle (other), 50);
  g_assert_false (rs_database_exec (other, "BEGIN IMMEDIATE", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
}

/* What another program does: opens the database with SQLite alone, counts guard_probe's rows
 * and closes (as the last connection it knows of, it checkpoints and deletes the WAL). */
static int
count_rows (const char *path)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  int count = 100;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (handle, "SELECT count(*) FROM guard_probe", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return count;
}

/* This program, as started (not /proc/self/exe: under valgrind that is valgrind). */
static const char *self_path;

/* count_rows() in a new process (this program run again: a forked copy would share SQLite's
 * knowledge of the open files with this one). */
static int
count_in_another_process (const char *path)
{
  const char *argv[] = { self_path, "--count-rows", path, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/* A file chooser has GIO open and close every file of the folder it shows, to sniff its type;
 * closing drops all of this process's POSIX locks on that file. Another process then believes
 * it is alone, resets the WAL and deletes it, and what this one writes next is lost. The
 * database's files are guarded: only SQLite opens them while they are open. */
static void
test_foreign_open_keeps_writes (void)
{
  g_autofree char *path = rs_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_assert_no_error (error);
  g_assert_true (rs_database_exec (db, "CREATE TABLE guard_probe (x INTEGER) STRICT; "
                                       "INSERT INTO guard_probe VALUES (1)", &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) refused = NULL;

      g_assert_false (g_file_get_contents (file, &contents, NULL, &refused));
      g_assert_error (refused, G_FILE_ERROR, G_FILE_ERROR_ACCES);
    }

  g_assert_cmpint (count_in_another_process (path), ==, 1);
  g_assert_true (rs_database_exec (db, "INSERT INTO guard_probe VALUES (2)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_in_another_process (path), ==, 2);

  /* Closed, the file is an ordinary file again (a backup may read it). */
  g_clear_object (&db);
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
    g_assert_no_error (error);
  }
}

/* Bulk mode: an inner transaction takes no savepoint. Ended without commit after no change,
 * the outer one commits; after a change, the outer commit is refused and nothing is kept. */
static void
test_bulk_transactions (void)
{
  g_autofree char *path = rs_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  g_autoptr(RsTransaction) outer = NULL;
  g_autoptr(RsTransaction) inner = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_true (rs_database_exec (db, "CREATE TABLE bulk_probe (x INTEGER) STRICT", NULL));

  /* An inner refusal before any write: the rest commits. */
  outer = rs_transaction_begin (db, &error);
  rs_database_set_bulk (db, TRUE);
  g_assert_true (rs_database_exec (db, "INSERT INTO bulk_probe VALUES (1)", NULL));
  inner = rs_transaction_begin (db, &error);
  g_assert_nonnull (inner);
  g_clear_pointer (&inner, rs_transaction_free);
  inner = rs_transaction_begin (db, &error);
  g_assert_true (rs_database_exec (db, "INSERT INTO bulk_probe VALUES (2)", NULL));
  g_assert_true (rs_transaction_commit (inner, &error));
  g_clear_pointer (&inner, rs_transaction_free);
  rs_database_set_bulk (db, FALSE);
  g_assert_true (rs_transaction_commit (outer, &error));
  g_assert_no_error (error);
  g_clear_pointer (&outer, rs_transaction_free);
  before = rs_test_dump (db);
  g_assert_nonnull (strstr (before, "bulk_probe"));

  /* An inner one that wrote and then failed: the outer commit is refused, nothing kept. */
  outer = rs_transaction_begin (db, &error);
  rs_database_set_bulk (db, TRUE);
  inner = rs_transaction_begin (db, &error);
  g_assert_true (rs_database_exec (db, "INSERT INTO bulk_probe VALUES (3)", NULL));
  g_clear_pointer (&inner, rs_transaction_free);
  rs_database_set_bulk (db, FALSE);
  g_assert_false (rs_transaction_commit (outer, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
  g_clear_error (&error);
  g_clear_pointer (&outer, rs_transaction_free);
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM bulk_probe"), ==, 2);

  /* And the next transaction starts clean. */
  outer = rs_transaction_begin (db, &error);
  g_assert_true (rs_database_exec (db, "INSERT INTO bulk_probe VALUES (4)", NULL));
  g_assert_true (rs_transaction_commit (outer, &error));
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM bulk_probe"), ==, 3);
}

int
main (int argc, char **argv)
{
  if (argc == 3 && g_str_equal (argv[1], "--count-rows"))
    return count_rows (argv[2]);
  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/database/create-sets-pragmas", test_create_sets_pragmas);
  g_test_add_func ("/database/reopen-keeps-data", test_reopen_keeps_data);
  g_test_add_func ("/database/refuse/not-a-database", test_refuse_not_a_database);
  g_test_add_func ("/database/refuse/foreign-sqlite", test_refuse_foreign_sqlite);
  g_test_add_func ("/database/refuse/other-application-id", test_refuse_other_application_id);
  g_test_add_func ("/database/refuse/newer", test_refuse_newer_database);
  g_test_add_func ("/database/refuse/directory", test_refuse_directory);
  g_test_add_func ("/database/statement-cache", test_statement_cache);
  g_test_add_func ("/database/transactions", test_transactions);
  g_test_add_func ("/database/write-lock-is-immediate", test_write_lock_is_immediate);
  g_test_add_func ("/database/foreign-open-keeps-writes", test_foreign_open_keeps_writes);
  g_test_add_func ("/database/bulk-transactions", test_bulk_transactions);

  return g_test_run ();
}
