/* rs-warehouses.c — warehouses: add (with their quarantine location), find, list, deactivate. */
#include "rs-warehouses.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-validate.h"

#define WAREHOUSE_SELECT "SELECT id, code, name, address, active FROM warehouse "

static RsWarehouse *
read_warehouse (RsStatement *stmt)
{
  return rs_warehouse_new (sqlite3_column_int64 (stmt, 0), rs_statement_text (stmt, 1),
                           rs_statement_text (stmt, 2), rs_statement_text (stmt, 3),
                           sqlite3_column_int (stmt, 4) != 0);
}

RsWarehouse *
rs_warehouses_lookup (RsDatabase *db, const char *code, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, WAREHOUSE_SELECT "WHERE code = ?", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code != NULL ? code : "", -1, SQLITE_TRANSIENT);
  if (rs_statement_step (stmt, &local_error))
    return read_warehouse (stmt);
  if (local_error == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (code != NULL ? code : "", -1);
      g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no warehouse “%s”."), shown);
    }
  g_propagate_error (error, local_error);
  return NULL;
}

RsWarehouse *
rs_warehouses_lookup_by_id (RsDatabase *db, gint64 id, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, WAREHOUSE_SELECT "WHERE id = ?", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (rs_statement_step (stmt, &local_error))
    return read_warehouse (stmt);
  if (local_error == NULL)
    g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("The warehouse no longer exists."));
  g_propagate_error (error, local_error);
  return NULL;
}

RsWarehouse *
rs_warehouses_add (RsSession *session, const char *code, const char *name, const char *address,
                   GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(RsLocation) quarantine = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error) ||
      !rs_validate_text (code, _("warehouse code"), RS_MAX_CODE_CHARS, RS_TEXT_REQUIRED | RS_TEXT_CODE, error) ||
      !rs_validate_text (name, _("warehouse name"), RS_MAX_NAME_CHARS, RS_TEXT_REQUIRED, error) ||
      !rs_validate_text (address, _("address"), RS_MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error))
    return NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  warehouse = rs_warehouses_lookup (db, code, NULL);
  if (warehouse != NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_EXISTS, _("The warehouse “%s” already exists (%s)."),
                        rs_warehouse_get_code (warehouse), rs_warehouse_get_name (warehouse)), NULL;

  stmt = rs_database_prepare (db, "INSERT INTO warehouse (code, name, address, created_at) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, address != NULL ? address : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  warehouse = rs_warehouses_lookup_by_id (db, rs_database_last_insert_id (db), error);
  if (warehouse == NULL)
    return NULL;
  after = rs_warehouse_to_json (warehouse);
  if (!rs_audit_record (session, "warehouse.add", "warehouse", code, NULL, after, error))
    return NULL;

  /* Returned goods arrive here before inspection (DESIGN §2, §3). */
  quarantine = rs_locations_insert (session, warehouse, RS_LOCATION_QUARANTINE_CODE,
                                    _("Returns quarantine"), RS_LOCATION_QUARANTINE, error);
  if (quarantine == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&warehouse);
}

GListModel *
rs_warehouses_list (RsSession *session, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (RS_TYPE_WAREHOUSE);
  GError *local_error = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  stmt = rs_database_prepare (rs_session_get_database (session), WAREHOUSE_SELECT "ORDER BY code", error);
  if (stmt == NULL)
    return NULL;
  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsWarehouse) warehouse = read_warehouse (stmt);
      g_list_store_append (store, warehouse);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
rs_warehouses_set_active (RsSession *session, const char *code, gboolean active, GError **error)
{
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(JsonNode) before = NULL;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error))
    return FALSE;
  warehouse = rs_warehouses_lookup (rs_session_get_database (session), code, error);
  if (warehouse == NULL)
    return FALSE;
  if (rs_warehouse_get_active (warehouse) == !!active)
    return TRUE;
  before = rs_warehouse_to_json (warehouse);
  return rs_master_set_active (session, RS_MASTER_WAREHOUSE, rs_warehouse_get_id (warehouse),
                               rs_warehouse_get_code (warehouse), before, active, error);
}
