/* rs-audit.c — append-only, hash-chained audit rows (DESIGN §1).
 *
 * hash(row) = SHA-256 over the previous row's hash (64 zeros for the first) and
 * the row's own fields, each written as "length:bytes;" (NULL as "~;") so that no
 * two different rows serialise alike. Ids are given explicitly, one after the
 * other, so a removed row shows up as a gap as well as a broken chain.
 */
#include "rs-audit.h"
#include "rs-audit-entry.h"
#include "rs-audit-private.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-paged-model.h"
#include "rs-permission.h"

#include <string.h>

#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

typedef struct
{
  gint64      id;
  gint64      at;
  gint64      user_id;       /* 0: NULL */
  const char *user_name;
  const char *action;
  const char *object_type;
  const char *object_key;
  const char *before;        /* may be NULL */
  const char *after;         /* may be NULL */
} AuditRow;

/* Each field as "LENGTH:VALUE;" ("~;" for none), gathered in one buffer and hashed at once:
 * called for every change (an import makes 100,000). */
static void
append_field (GString *text, const char *value)
{
  if (value == NULL)
    {
      g_string_append (text, "~;");
      return;
    }
  g_string_append_printf (text, "%" G_GSIZE_FORMAT ":", strlen (value));
  g_string_append (text, value);
  g_string_append_c (text, ';');
}

static void
append_int (GString *text, gint64 value)
{
  char number[24];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, value);
  append_field (text, number);
}

static char *
hash_row (const char *previous, const AuditRow *row)
{
  g_autoptr(GString) text = g_string_sized_new (1024);

  append_field (text, previous);
  append_int (text, row->id);
  append_int (text, row->at);
  if (row->user_id != 0)
    append_int (text, row->user_id);
  else
    append_field (text, NULL);
  append_field (text, row->user_name);
  append_field (text, row->action);
  append_field (text, row->object_type);
  append_field (text, row->object_key);
  append_field (text, row->before);
  append_field (text, row->after);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);
}

gboolean
rs_audit_record_as (RsDatabase *db, gint64 user_id, const char *user_name, const char *action,
                    const char *object_type, const char *object_key,
                    JsonNode *before, JsonNode *after, GError **error)
{
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *before_text = before != NULL ? json_to_string (before, FALSE) : NULL;
  g_autofree char *after_text = after != NULL ? json_to_string (after, FALSE) : NULL;
  g_autofree char *previous = NULL;
  g_autofree char *hash = NULL;
  GError *local_error = NULL;
  AuditRow row = {
    0, rs_clock_now (), user_id, user_name != NULL ? user_name : "", action, object_type,
    object_key != NULL ? object_key : "", before_text, after_text,
  };

  g_return_val_if_fail (action != NULL && object_type != NULL, FALSE);

  /* Reading the last row and appending the next must be one transaction. Inside the
   * caller's (BEGIN IMMEDIATE: the write lock is held) they already are, and a failed
   * INSERT leaves nothing to undo, so only a call outside any opens its own (an import
   * audits every row: one savepoint fewer each). */
  if (sqlite3_get_autocommit (rs_database_get_handle (db)))
    {
      tx = rs_transaction_begin (db, error);
      if (tx == NULL)
        return FALSE;
    }

  stmt = rs_database_prepare (db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  if (rs_statement_step (stmt, &local_error))
    {
      row.id = sqlite3_column_int64 (stmt, 0) + 1;
      previous = g_strdup (rs_statement_text (stmt, 1));
    }
  else if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  else
    {
      row.id = 1;
      previous = g_strdup (GENESIS_HASH);
    }
  g_clear_pointer (&stmt, rs_statement_release);

  hash = hash_row (previous, &row);
  stmt = rs_database_prepare (db,
                              "INSERT INTO audit (id, at, user_id, user_name, action, object_type, "
                              "object_key, before, after, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row.id);
  sqlite3_bind_int64 (stmt, 2, row.at);
  if (row.user_id != 0)
    sqlite3_bind_int64 (stmt, 3, row.user_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, row.user_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, row.action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, row.object_type, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, row.object_key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, row.before, -1, SQLITE_STATIC);   /* NULL binds NULL */
  sqlite3_bind_text (stmt, 9, row.after, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, hash, -1, SQLITE_STATIC);
  if (!rs_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, rs_statement_release);
  return tx == NULL || rs_transaction_commit (tx, error);
}

gboolean
rs_audit_record (RsSession *session, const char *action, const char *object_type,
                 const char *object_key, JsonNode *before, JsonNode *after, GError **error)
{
  RsUser *user = rs_session_get_user (session);

  return rs_audit_record_as (rs_session_get_database (session), rs_user_get_id (user),
                             rs_user_get_name (user), action, object_type, object_key,
                             before, after, error);
}

#define AUDIT_COLUMNS "id, at, user_id, user_name, action, object_type, object_key, before, after, hash"

static void
read_row (RsStatement *stmt, AuditRow *row)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->at = sqlite3_column_int64 (stmt, 1);
  row->user_id = sqlite3_column_int64 (stmt, 2);
  row->user_name = (const char *) sqlite3_column_text (stmt, 3);
  row->action = (const char *) sqlite3_column_text (stmt, 4);
  row->object_type = (const char *) sqlite3_column_text (stmt, 5);
  row->object_key = (const char *) sqlite3_column_text (stmt, 6);
  row->before = (const char *) sqlite3_column_text (stmt, 7);
  row->after = (const char *) sqlite3_column_text (stmt, 8);
}

gboolean
rs_audit_verify (RsDatabase *db, gint64 *bad_id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *previous = g_strdup (GENESIS_HASH);
  gint64 expected_id = 1;
  GError *local_error = NULL;

  if (bad_id != NULL)
    *bad_id = 0;

  /* One read snapshot for the whole walk: rows appended meanwhile are not half-seen. */
  stmt = rs_database_prepare (db, "SELECT " AUDIT_COLUMNS " FROM audit ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while (rs_statement_step (stmt, &local_error))
    {
      AuditRow row;
      g_autofree char *hash = NULL;
      g_autofree char *row_text = NULL;
      const char *stored = rs_statement_text (stmt, 9);

      read_row (stmt, &row);
      row_text = g_strdup_printf ("%" G_GINT64_FORMAT, row.id);
      if (row.id != expected_id)
        {
          if (bad_id != NULL)
            *bad_id = row.id;
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                       _("The audit log was altered: rows before row %s are missing."), row_text);
          return FALSE;
        }

      hash = hash_row (previous, &row);
      if (!g_str_equal (hash, stored))
        {
          if (bad_id != NULL)
            *bad_id = row.id;
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                       _("The audit log was altered: row %s does not match its hash. "
                         "The rows before it are intact."), row_text);
          return FALSE;
        }
      g_free (previous);
      previous = g_steal_pointer (&hash);
      expected_id++;
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

static GObject *
entry_from_row (RsStatement *stmt, gpointer user_data, GError **error)
{
  return G_OBJECT (rs_audit_entry_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                       rs_statement_text (stmt, 2), rs_statement_text (stmt, 3),
                                       rs_statement_text (stmt, 4), rs_statement_text (stmt, 5),
                                       (const char *) sqlite3_column_text (stmt, 6),
                                       (const char *) sqlite3_column_text (stmt, 7),
                                       rs_statement_text (stmt, 8)));
}

GListModel *
rs_audit_list (RsSession *session, guint limit, GError **error)
{
  /* The log only grows: paged by keyset on its id, newest first. */
  RsPagedQuery query = {
    .item_type = RS_TYPE_AUDIT_ENTRY,
    .from = "audit a",
    .key = "a.id",
    .table = "audit",
    .descending = TRUE,
    .limit = limit,
    .rows = "SELECT a.id, a.at, a.user_name, a.action, a.object_type, a.object_key, a.before, a.after, a.hash "
            "FROM json_each (:keys) AS k JOIN audit a ON a.id = k.value ORDER BY k.key",
    .version_column = -1,
    .make_item = entry_from_row,
  };

  if (!rs_permission_check (session, RS_ACTION_AUDIT_VIEW, error))
    return NULL;
  return G_LIST_MODEL (rs_paged_model_new (rs_session_get_database (session), &query, error));
}
