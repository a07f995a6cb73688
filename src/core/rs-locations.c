/* rs-locations.c — locations (货位) within warehouses. */
#include "rs-warehouses.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-validate.h"

#define LOCATION_SELECT \
  "SELECT l.id, l.warehouse_id, w.code, l.code, l.name, l.kind, l.active " \
  "FROM location l JOIN warehouse w ON w.id = l.warehouse_id "

static RsLocation *
read_location (RsStatement *stmt)
{
  RsLocationKind kind = RS_LOCATION_STORAGE;

  rs_location_kind_parse (rs_statement_text (stmt, 5), &kind, NULL);   /* the table's CHECK allows only known kinds */
  return rs_location_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                          rs_statement_text (stmt, 2), rs_statement_text (stmt, 3),
                          rs_statement_text (stmt, 4), kind, sqlite3_column_int (stmt, 6) != 0);
}

static RsLocation *
fetch_location (RsStatement *stmt, const char *warehouse_code, const char *code, GError **error)
{
  GError *local_error = NULL;

  if (rs_statement_step (stmt, &local_error))
    return read_location (stmt);
  if (local_error == NULL)
    {
      g_autofree char *shown_warehouse = g_utf8_make_valid (warehouse_code != NULL ? warehouse_code : "", -1);
      g_autofree char *shown = g_utf8_make_valid (code != NULL ? code : "", -1);
      g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND,
                   _("The warehouse “%s” has no location “%s”."), shown_warehouse, shown);
    }
  g_propagate_error (error, local_error);
  return NULL;
}

RsLocation *
rs_locations_lookup (RsDatabase *db, const char *warehouse_code, const char *code, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsWarehouse) warehouse = rs_warehouses_lookup (db, warehouse_code, error);

  if (warehouse == NULL)
    return NULL;
  stmt = rs_database_prepare (db, LOCATION_SELECT "WHERE l.warehouse_id = ? AND l.code = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_warehouse_get_id (warehouse));
  sqlite3_bind_text (stmt, 2, code != NULL ? code : "", -1, SQLITE_TRANSIENT);
  return fetch_location (stmt, warehouse_code, code, error);
}

RsLocation *
rs_locations_lookup_by_id (RsDatabase *db, gint64 id, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, LOCATION_SELECT "WHERE l.id = ?", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (rs_statement_step (stmt, &local_error))
    return read_location (stmt);
  if (local_error == NULL)
    g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("The location no longer exists."));
  g_propagate_error (error, local_error);
  return NULL;
}

RsLocation *
rs_locations_get_quarantine (RsDatabase *db, gint64 warehouse_id, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, LOCATION_SELECT "WHERE l.warehouse_id = ? "
                                                         "AND l.kind = 'quarantine' ORDER BY l.id LIMIT 1", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, warehouse_id);
  if (rs_statement_step (stmt, &local_error))
    return read_location (stmt);
  if (local_error == NULL)
    g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("The warehouse has no quarantine location."));
  g_propagate_error (error, local_error);
  return NULL;
}

RsLocation *
rs_locations_insert (RsSession *session, RsWarehouse *warehouse, const char *code, const char *name,
                     RsLocationKind kind, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsLocation) location = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *key = NULL;

  stmt = rs_database_prepare (db, "INSERT INTO location (warehouse_id, code, name, kind, created_at) "
                                  "VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_warehouse_get_id (warehouse));
  sqlite3_bind_text (stmt, 2, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name != NULL && *name != '\0' ? name : code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, rs_location_kind_get_key (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  location = rs_locations_lookup_by_id (db, rs_database_last_insert_id (db), error);
  if (location == NULL)
    return NULL;
  after = rs_location_to_json (location);
  key = g_strdup_printf ("%s/%s", rs_warehouse_get_code (warehouse), code);
  if (!rs_audit_record (session, "location.add", "location", key, NULL, after, error))
    return NULL;
  return g_steal_pointer (&location);
}

RsLocation *
rs_locations_add (RsSession *session, const char *warehouse_code, const char *code, const char *name,
                  RsLocationKind kind, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(RsLocation) location = NULL;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error) ||
      !rs_validate_text (code, _("location code"), RS_MAX_CODE_CHARS, RS_TEXT_REQUIRED | RS_TEXT_CODE, error) ||
      !rs_validate_text (name, _("location name"), RS_MAX_NAME_CHARS, RS_TEXT_OPTIONAL, error))
    return NULL;
  if (kind == RS_LOCATION_QUARANTINE)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Every warehouse has one quarantine location, %s, made with it; "
                          "add storage, repair or scrap locations."), RS_LOCATION_QUARANTINE_CODE), NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  warehouse = rs_warehouses_lookup (db, warehouse_code, error);
  if (warehouse == NULL)
    return NULL;
  if (!rs_warehouse_get_active (warehouse))
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("The warehouse “%s” is deactivated; activate it before adding locations."),
                        rs_warehouse_get_code (warehouse)), NULL;
  location = rs_locations_lookup (db, warehouse_code, code, NULL);
  if (location != NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_EXISTS, _("The warehouse “%s” already has a location “%s”."),
                        rs_warehouse_get_code (warehouse), rs_location_get_code (location)), NULL;

  location = rs_locations_insert (session, warehouse, code, name, kind, error);
  if (location == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&location);
}

GListModel *
rs_locations_list (RsSession *session, const char *warehouse_code, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (RS_TYPE_LOCATION);
  g_autoptr(RsWarehouse) warehouse = NULL;
  GError *local_error = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  if (warehouse_code != NULL)
    {
      warehouse = rs_warehouses_lookup (db, warehouse_code, error);
      if (warehouse == NULL)
        return NULL;
    }
  stmt = rs_database_prepare (db, LOCATION_SELECT "WHERE ?1 = 0 OR l.warehouse_id = ?1 ORDER BY w.code, l.code", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, warehouse != NULL ? rs_warehouse_get_id (warehouse) : 0);
  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsLocation) location = read_location (stmt);
      g_list_store_append (store, location);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
rs_locations_set_active (RsSession *session, const char *warehouse_code, const char *code,
                         gboolean active, GError **error)
{
  g_autoptr(RsLocation) location = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autofree char *key = NULL;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error))
    return FALSE;
  location = rs_locations_lookup (rs_session_get_database (session), warehouse_code, code, error);
  if (location == NULL)
    return FALSE;
  if (rs_location_get_kind (location) == RS_LOCATION_QUARANTINE && !active)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                                _("The quarantine location receives returned goods and cannot be deactivated.")), FALSE;
  if (rs_location_get_active (location) == !!active)
    return TRUE;
  before = rs_location_to_json (location);
  key = g_strdup_printf ("%s/%s", rs_location_get_warehouse_code (location), rs_location_get_code (location));
  return rs_master_set_active (session, RS_MASTER_LOCATION, rs_location_get_id (location), key,
                               before, active, error);
}
