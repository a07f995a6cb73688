/* rs-settings.c */
#include "rs-settings.h"
#include "rs-audit.h"
#include "rs-i18n.h"
#include "rs-permission.h"
#include "rs-validate.h"

#define MAX_VALUE_CHARS 10000

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

static JsonNode *
value_json (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

gboolean
rs_settings_set (RsSession *session, const char *key, const char *value, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autofree char *old = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  g_return_val_if_fail (key != NULL, FALSE);

  if (!rs_permission_check (session, RS_ACTION_SETTINGS_EDIT, error) ||
      !rs_validate_text (value, _("setting"), MAX_VALUE_CHARS, RS_TEXT_MULTILINE, error))
    return FALSE;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  old = rs_settings_get (db, key, NULL);
  if (!rs_settings_store (db, key, value != NULL ? value : "", error))
    return FALSE;
  before = old != NULL ? value_json (old) : NULL;
  after = value_json (value != NULL ? value : "");
  return rs_audit_record (session, "setting.change", "setting", key, before, after, error) &&
         rs_transaction_commit (tx, error);
}
