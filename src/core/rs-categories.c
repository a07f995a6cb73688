/* rs-categories.c — product categories. */
#include "rs-categories.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-validate.h"

static JsonNode *
category_json (RsCategory *category)
{
  g_autoptr(JsonBuilder) builder = rs_json_object_begin (rs_category_get_id (category));

  rs_json_add_string (builder, "name", rs_category_get_name (category));
  rs_json_add_bool (builder, "active", rs_category_get_active (category));
  return rs_json_object_end (builder);
}

RsCategory *
rs_categories_lookup (RsDatabase *db, const char *name, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT id, name, active FROM category WHERE name = ?", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name != NULL ? name : "", -1, SQLITE_TRANSIENT);
  if (rs_statement_step (stmt, &local_error))
    return rs_category_new (sqlite3_column_int64 (stmt, 0), rs_statement_text (stmt, 1),
                            sqlite3_column_int (stmt, 2) != 0);
  if (local_error == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (name != NULL ? name : "", -1);
      g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no category “%s”."), shown);
    }
  g_propagate_error (error, local_error);
  return NULL;
}

gint64
rs_categories_ensure (RsSession *session, const char *name, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsCategory) category = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonNode) after = NULL;
  GError *local_error = NULL;

  category = rs_categories_lookup (db, name, &local_error);
  if (category != NULL)
    return rs_category_get_id (category);
  if (!g_error_matches (local_error, RS_ERROR, RS_ERROR_NOT_FOUND))
    return g_propagate_error (error, local_error), 0;
  g_clear_error (&local_error);

  stmt = rs_database_prepare (db, "INSERT INTO category (name, created_at) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return 0;
  category = rs_category_new (rs_database_last_insert_id (db), name, TRUE);
  after = category_json (category);
  if (!rs_audit_record (session, "category.add", "category", name, NULL, after, error))
    return 0;
  return rs_category_get_id (category);
}

RsCategory *
rs_categories_add (RsSession *session, const char *name, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsCategory) existing = NULL;
  gint64 id;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error) ||
      !rs_validate_text (name, _("category name"), RS_MAX_SHORT_CHARS, RS_TEXT_REQUIRED, error))
    return NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  existing = rs_categories_lookup (db, name, NULL);
  if (existing != NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_EXISTS, _("The category “%s” already exists."),
                        rs_category_get_name (existing)), NULL;
  id = rs_categories_ensure (session, name, error);
  if (id == 0 || !rs_transaction_commit (tx, error))
    return NULL;
  return rs_category_new (id, name, TRUE);
}

GListModel *
rs_categories_list (RsSession *session, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (RS_TYPE_CATEGORY);
  GError *local_error = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  stmt = rs_database_prepare (rs_session_get_database (session),
                              "SELECT id, name, active FROM category ORDER BY name", error);
  if (stmt == NULL)
    return NULL;
  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsCategory) category = rs_category_new (sqlite3_column_int64 (stmt, 0),
                                                        rs_statement_text (stmt, 1),
                                                        sqlite3_column_int (stmt, 2) != 0);
      g_list_store_append (store, category);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
rs_categories_set_active (RsSession *session, const char *name, gboolean active, GError **error)
{
  g_autoptr(RsCategory) category = NULL;
  g_autoptr(JsonNode) before = NULL;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error))
    return FALSE;
  category = rs_categories_lookup (rs_session_get_database (session), name, error);
  if (category == NULL)
    return FALSE;
  if (rs_category_get_active (category) == !!active)
    return TRUE;
  before = category_json (category);
  return rs_master_set_active (session, RS_MASTER_CATEGORY, rs_category_get_id (category),
                               rs_category_get_name (category), before, active, error);
}
