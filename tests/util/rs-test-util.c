/* rs-test-util.c */
#include "rs-test-util.h"

#include <glib/gstdio.h>


char *
rs_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("restock-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
rs_test_db_path (void)
{
  g_autofree char *dir = rs_test_make_dir ();
  return g_build_filename (dir, "restock.db", NULL);
}

RsDatabase *
rs_test_open_initialized (void)
{
  g_autofree char *path = rs_test_db_path ();
  g_autoptr(GError) error = NULL;
  RsDatabase *db = rs_database_open (path, &error);

  g_assert_no_error (error);
  rs_users_initialize (db, "测试贸易有限公司", RS_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  return db;
}

RsSession *
rs_test_login (RsDatabase *db, const char *name)
{
  g_autoptr(GError) error = NULL;
  RsSession *session = rs_session_login (db, name, RS_TEST_PASSWORD, &error);

  g_assert_no_error (error);
  return session;
}

RsSession *
rs_test_add_user (RsDatabase *db, const char *name, RsRoles roles)
{
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsUser) user = rs_users_add (admin, name, NULL, roles, RS_TEST_PASSWORD, &error);

  g_assert_no_error (error);
  return rs_test_login (db, name);
}

char *
rs_test_dump (RsDatabase *db)
{
  sqlite3 *handle = rs_database_get_handle (db);
  GString *dump = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);

      g_string_append_printf (dump, "== %s\n", table);
      if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
        continue;   /* virtual tables whose module is absent */
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const unsigned char *text = sqlite3_column_text (stmt, c);
              g_string_append_printf (dump, "%s|", text != NULL ? (const char *) text : "∅");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  return g_string_free (dump, FALSE);
}

GBytes *
rs_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

void
rs_test_write_file (const char *path, const char *contents, gssize length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}
