/* rs-settings.c */
#include "rs-settings.h"

char *
rs_settings_get (RsDatabase *db, const char *key, const char *fallback)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT value FROM setting WHERE key = ?", NULL);

  if (stmt == NULL)
    return g_strdup (fallback);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (rs_statement_step (stmt, NULL))
    return g_strdup (rs_statement_text (stmt, 0));
  return g_strdup (fallback);
}

gboolean
rs_settings_store (RsDatabase *db, const char *key, const char *value, GError **error)
{
  g_autoptr(RsStatement) stmt =
    rs_database_prepare (db, "INSERT INTO setting (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  return rs_statement_run (stmt, error);
}
