/* rs-reasons.c — return reason codes. */
#include "rs-reasons.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-validate.h"

#define REASON_SELECT "SELECT id, code, name, active FROM reason "

static RsReason *
read_reason (RsStatement *stmt)
{
  return rs_reason_new (sqlite3_column_int64 (stmt, 0), rs_statement_text (stmt, 1),
                        rs_statement_text (stmt, 2), sqlite3_column_int (stmt, 3) != 0);
}

static JsonNode *
reason_json (RsReason *reason)
{
  g_autoptr(JsonBuilder) builder = rs_json_object_begin (rs_reason_get_id (reason));

  rs_json_add_string (builder, "code", rs_reason_get_code (reason));
  rs_json_add_string (builder, "name", rs_reason_get_name (reason));
  rs_json_add_bool (builder, "active", rs_reason_get_active (reason));
  return rs_json_object_end (builder);
}

RsReason *
rs_reasons_lookup (RsDatabase *db, const char *code, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, REASON_SELECT "WHERE code = ?", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code != NULL ? code : "", -1, SQLITE_TRANSIENT);
  if (rs_statement_step (stmt, &local_error))
    return read_reason (stmt);
  if (local_error == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (code != NULL ? code : "", -1);
      g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no return reason “%s”."), shown);
    }
  g_propagate_error (error, local_error);
  return NULL;
}

RsReason *
rs_reasons_add (RsSession *session, const char *code, const char *name, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsReason) reason = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error) ||
      !rs_validate_text (code, _("reason code"), RS_MAX_CODE_CHARS, RS_TEXT_REQUIRED | RS_TEXT_CODE, error) ||
      !rs_validate_text (name, _("reason name"), RS_MAX_SHORT_CHARS, RS_TEXT_REQUIRED, error))
    return NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  reason = rs_reasons_lookup (db, code, NULL);
  if (reason != NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_EXISTS, _("The return reason “%s” already exists."), code), NULL;

  stmt = rs_database_prepare (db, "INSERT INTO reason (code, name, position, created_at) "
                                  "VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM reason), ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  reason = rs_reasons_lookup (db, code, error);
  if (reason == NULL)
    return NULL;
  after = reason_json (reason);
  if (!rs_audit_record (session, "reason.add", "reason", code, NULL, after, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&reason);
}

GListModel *
rs_reasons_list (RsSession *session, gboolean include_inactive, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (RS_TYPE_REASON);
  GError *local_error = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  stmt = rs_database_prepare (rs_session_get_database (session),
                              REASON_SELECT "WHERE active OR ? ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsReason) reason = read_reason (stmt);
      g_list_store_append (store, reason);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

gboolean
rs_reasons_rename (RsSession *session, const char *code, const char *name, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsReason) reason = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error) ||
      !rs_validate_text (name, _("reason name"), RS_MAX_SHORT_CHARS, RS_TEXT_REQUIRED, error))
    return FALSE;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  reason = rs_reasons_lookup (db, code, error);
  if (reason == NULL)
    return FALSE;
  before = reason_json (reason);

  stmt = rs_database_prepare (db, "UPDATE reason SET name = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rs_reason_get_id (reason));
  if (!rs_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, rs_statement_release);
  g_clear_object (&reason);

  reason = rs_reasons_lookup (db, code, error);
  if (reason == NULL)
    return FALSE;
  after = reason_json (reason);
  return rs_audit_record (session, "reason.rename", "reason", rs_reason_get_code (reason), before, after, error) &&
         rs_transaction_commit (tx, error);
}

gboolean
rs_reasons_set_active (RsSession *session, const char *code, gboolean active, GError **error)
{
  g_autoptr(RsReason) reason = NULL;
  g_autoptr(JsonNode) before = NULL;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error))
    return FALSE;
  reason = rs_reasons_lookup (rs_session_get_database (session), code, error);
  if (reason == NULL)
    return FALSE;
  if (rs_reason_get_active (reason) == !!active)
    return TRUE;
  before = reason_json (reason);
  return rs_master_set_active (session, RS_MASTER_REASON, rs_reason_get_id (reason),
                               rs_reason_get_code (reason), before, active, error);
}
