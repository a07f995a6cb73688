/* rs-return-load.c — reading a return whole, and the one way it changes:
 * state and stamp, timeline event and audit row, in the caller's transaction. */
#include "rs-return-private.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-time-check.h"

#include <stdio.h>
#include <string.h>

char *
rs_return_format_time (gint64 when_us)
{
  g_autoptr(GDateTime) when = NULL;

  if (when_us == 0)
    return NULL;
  when = g_date_time_new_from_unix_local (when_us / G_USEC_PER_SEC);
  return g_date_time_format_iso8601 (when);
}

char *
rs_return_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (rs_clock_now () / G_USEC_PER_SEC);
  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
rs_return_check_date (const char *text, const char *what, GError **error)
{
  int year = 0, month = 0, day = 0;
  char end = 0;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year) || year < 1900)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                   /* TRANSLATORS: "The sale date “2026-13-01” is not a date: write it as YYYY-MM-DD …" */
                   _("The %s “%s” is not a date: write it as YYYY-MM-DD, e.g. 2026-11-26."),
                   what, text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

static char *
text_or_null (RsStatement *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NULL : g_strdup (rs_statement_text (stmt, column));
}

RsReturn *
rs_return_from_row (RsStatement *stmt)
{
  RsReturn *self = g_object_new (RS_TYPE_RETURN, NULL);
  g_autoptr(RsReason) reason = NULL;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->number = g_strdup (rs_statement_text (stmt, 1));
  rs_return_state_parse (rs_statement_text (stmt, 2), &self->state, NULL);
  self->customer_id = sqlite3_column_int64 (stmt, 3);
  self->customer_code = g_strdup (rs_statement_text (stmt, 4));
  self->customer_name = g_strdup (rs_statement_text (stmt, 5));
  self->customer_email = g_strdup (rs_statement_text (stmt, 6));
  self->sale_slip_id = sqlite3_column_int64 (stmt, 7);
  self->sale_slip = text_or_null (stmt, 8);
  self->order_ref = g_strdup (rs_statement_text (stmt, 9));
  self->sale_date = text_or_null (stmt, 10);
  self->request_date = g_strdup (rs_statement_text (stmt, 11));
  self->reason_id = sqlite3_column_int64 (stmt, 12);
  self->reason_code = g_strdup (rs_statement_text (stmt, 13));
  /* The reason object knows how a seeded name is shown translated. */
  reason = rs_reason_new (self->reason_id, self->reason_code, rs_statement_text (stmt, 14), TRUE);
  self->reason_name = g_strdup (rs_reason_get_name (reason));
  self->description = g_strdup (rs_statement_text (stmt, 15));
  self->refund_value = sqlite3_column_int64 (stmt, 16);
  self->round = sqlite3_column_int (stmt, 17);
  self->last_comment = g_strdup (rs_statement_text (stmt, 18));
  self->created_by_id = sqlite3_column_int64 (stmt, 19);
  self->created_by = g_strdup (rs_statement_text (stmt, 20));
  self->created_at = sqlite3_column_int64 (stmt, 21);
  self->updated_at = sqlite3_column_int64 (stmt, 22);
  self->submitted_at = sqlite3_column_int64 (stmt, 23);
  self->approved_at = sqlite3_column_int64 (stmt, 24);
  self->receiving_at = sqlite3_column_int64 (stmt, 25);
  self->received_at = sqlite3_column_int64 (stmt, 26);
  self->inspected_at = sqlite3_column_int64 (stmt, 27);
  self->disposed_at = sqlite3_column_int64 (stmt, 28);
  self->settled_at = sqlite3_column_int64 (stmt, 29);
  self->closed_at = sqlite3_column_int64 (stmt, 30);
  return self;
}

static gboolean
load_lines (RsDatabase *db, RsReturn *self, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT l.id, l.line_no, l.product_id, p.sku, p.name, p.unit, p.decimals, l.quantity, "
                              "       l.unit_price, l.serial, l.origin, l.sale_slip_line_id, l.received_quantity, "
                              "       l.inspected_quantity, l.disposed_quantity "
                              "FROM return_line l JOIN product p ON p.id = l.product_id "
                              "WHERE l.return_id = ? ORDER BY l.line_no", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsReturnLine) line = g_object_new (RS_TYPE_RETURN_LINE, NULL);

      line->id = sqlite3_column_int64 (stmt, 0);
      line->number = sqlite3_column_int (stmt, 1);
      line->product_id = sqlite3_column_int64 (stmt, 2);
      line->sku = g_strdup (rs_statement_text (stmt, 3));
      line->product_name = g_strdup (rs_statement_text (stmt, 4));
      line->unit = g_strdup (rs_statement_text (stmt, 5));
      line->decimals = sqlite3_column_int (stmt, 6);
      line->quantity = sqlite3_column_int64 (stmt, 7);
      line->unit_price = sqlite3_column_int64 (stmt, 8);
      line->serial = g_strdup (rs_statement_text (stmt, 9));
      line->origin = g_strdup (rs_statement_text (stmt, 10));
      line->sale_slip_line_id = sqlite3_column_int64 (stmt, 11);
      line->received = sqlite3_column_int64 (stmt, 12);
      line->inspected = sqlite3_column_int64 (stmt, 13);
      line->disposed = sqlite3_column_int64 (stmt, 14);
      g_list_store_append (self->lines, line);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

static gboolean
load_approval (RsDatabase *db, RsReturn *self, GError **error)
{
  g_autoptr(RsStatement) steps = NULL;
  g_autoptr(RsStatement) signatures = NULL;
  GError *local_error = NULL;

  /* A draft (new, or revised after a rejection) has no signatures yet: the last
   * round's stay in the table as history, not on the return. */
  if (self->state == RS_RETURN_DRAFT)
    return TRUE;
  steps = rs_database_prepare (db, "SELECT level, role, min_amount FROM return_approval_step "
                                   "WHERE return_id = ? AND round = ? ORDER BY level", error);
  if (steps == NULL)
    return FALSE;
  sqlite3_bind_int64 (steps, 1, self->id);
  sqlite3_bind_int (steps, 2, self->round);
  while (rs_statement_step (steps, &local_error))
    {
      RsApprovalStep step = {
        sqlite3_column_int (steps, 0),
        rs_role_from_key (rs_statement_text (steps, 1)),
        sqlite3_column_type (steps, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64 (steps, 2),
      };
      g_array_append_val (self->steps, step);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;

  signatures = rs_database_prepare (db,
                                    "SELECT s.round, s.level, s.role, u.name, s.user_id, s.decision, s.comment, s.signed_at "
                                    "FROM return_signature s JOIN user u ON u.id = s.user_id "
                                    "WHERE s.return_id = ? AND s.round = ? ORDER BY s.level", error);
  if (signatures == NULL)
    return FALSE;
  sqlite3_bind_int64 (signatures, 1, self->id);
  sqlite3_bind_int (signatures, 2, self->round);
  while (rs_statement_step (signatures, &local_error))
    {
      g_autoptr(RsReturnSignature) signature = g_object_new (RS_TYPE_RETURN_SIGNATURE, NULL);

      signature->round = sqlite3_column_int (signatures, 0);
      signature->level = sqlite3_column_int (signatures, 1);
      signature->role = rs_role_from_key (rs_statement_text (signatures, 2));
      signature->user = g_strdup (rs_statement_text (signatures, 3));
      signature->user_id = sqlite3_column_int64 (signatures, 4);
      signature->decision = g_str_equal (rs_statement_text (signatures, 5), "reject")
                            ? RS_SIGNATURE_REJECT : RS_SIGNATURE_APPROVE;
      signature->comment = g_strdup (rs_statement_text (signatures, 6));
      signature->signed_at = sqlite3_column_int64 (signatures, 7);
      g_list_store_append (self->signatures, signature);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

/* Recorded breaches, then deadlines running late now; a late step that is still
 * not done shows once, as pending, measured until now. */
static gboolean
load_flags (RsDatabase *db, RsReturn *self, GError **error)
{
  g_autoptr(RsStatement) recorded = NULL;
  g_autoptr(RsStatement) pending = NULL;
  GError *local_error = NULL;
  RsTimePolicy policy;
  gboolean late[2] = { FALSE, FALSE };
  gint64 elapsed[2] = { 0, 0 };

  if (!rs_time_policy_read (db, &policy, error))
    return FALSE;
  pending = rs_database_prepare (db,
                                 "SELECT " RS_TIME_CHECK_RECEIVING_LATE ", ?101 - r.approved_at, "
                                 RS_TIME_CHECK_INSPECTION_LATE ", ?101 - r.receiving_at "
                                 "FROM customer_return r WHERE r.id = ?1", error);
  if (pending == NULL || !rs_time_check_bind (db, pending, error))
    return FALSE;
  sqlite3_bind_int64 (pending, 1, self->id);
  if (rs_statement_step (pending, &local_error))
    {
      late[0] = sqlite3_column_int (pending, 0) != 0;
      elapsed[0] = sqlite3_column_int64 (pending, 1);
      late[1] = sqlite3_column_int (pending, 2) != 0;
      elapsed[1] = sqlite3_column_int64 (pending, 3);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;

  recorded = rs_database_prepare (db, "SELECT kind, limit_us, actual_us, detected_at FROM return_flag "
                                      "WHERE return_id = ? ORDER BY id", error);
  if (recorded == NULL)
    return FALSE;
  sqlite3_bind_int64 (recorded, 1, self->id);
  while (rs_statement_step (recorded, &local_error))
    {
      g_autoptr(RsReturnFlag) flag = NULL;
      RsFlagKind kind;

      if (!rs_flag_kind_parse (rs_statement_text (recorded, 0), &kind))
        continue;   /* a kind this program does not know */
      if ((kind == RS_FLAG_RECEIVING_DEADLINE && late[0]) || (kind == RS_FLAG_INSPECTION_DEADLINE && late[1]))
        continue;   /* shown below, as pending */
      flag = rs_return_flag_new (kind, FALSE, sqlite3_column_int64 (recorded, 1),
                                 sqlite3_column_int64 (recorded, 2), sqlite3_column_int64 (recorded, 3));
      g_list_store_append (self->flags, flag);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;

  if (late[0])
    {
      g_autoptr(RsReturnFlag) flag = rs_return_flag_new (RS_FLAG_RECEIVING_DEADLINE, TRUE,
                                                         policy.receiving_deadline_days * RS_US_PER_DAY,
                                                         elapsed[0], rs_clock_now ());
      g_list_store_append (self->flags, flag);
    }
  if (late[1])
    {
      g_autoptr(RsReturnFlag) flag = rs_return_flag_new (RS_FLAG_INSPECTION_DEADLINE, TRUE,
                                                         policy.inspection_deadline_hours * RS_US_PER_HOUR,
                                                         elapsed[1], rs_clock_now ());
      g_list_store_append (self->flags, flag);
    }
  return TRUE;
}

gboolean
rs_return_load_details (RsDatabase *db, RsReturn *self, GError **error)
{
  return load_lines (db, self, error) && load_approval (db, self, error) && load_flags (db, self, error);
}

static RsReturn *
load_where (RsDatabase *db, const char *sql, const char *number, gint64 id, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, sql, error);
  g_autoptr(RsReturn) self = NULL;
  GError *local_error = NULL;

  if (stmt == NULL)
    return NULL;
  if (number != NULL)
    sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no return numbered “%s”."),
                     number != NULL ? number : "?");
      g_propagate_error (error, local_error);
      return NULL;
    }
  self = rs_return_from_row (stmt);
  g_clear_pointer (&stmt, rs_statement_release);

  if (!rs_return_load_details (db, self, error))
    return NULL;
  return g_steal_pointer (&self);
}

RsReturn *
rs_return_load (RsDatabase *db, const char *number, GError **error)
{
  if (number == NULL || *number == '\0')
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("Give the number of a return (TH…).")), NULL;
  return load_where (db, RS_RETURN_SELECT "WHERE r.number = ?", number, 0, error);
}

RsReturn *
rs_return_load_by_id (RsDatabase *db, gint64 id, GError **error)
{
  return load_where (db, RS_RETURN_SELECT "WHERE r.id = ?", NULL, id, error);
}

gboolean
rs_return_require_state (RsReturn *self, const RsReturnState *allowed, guint n_allowed, const char *what,
                         GError **error)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n_allowed; i++)
    {
      if (allowed[i] == self->state)
        return TRUE;
      if (i > 0)
        g_string_append (names, i + 1 == n_allowed ? _(" or ") : _(", "));
      g_string_append (names, rs_return_state_get_display_name (allowed[i]));
    }
  g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
               /* TRANSLATORS: "TH20261126-0001 is Approved; you can submit only a return that is Draft." */
               _("%s is %s; you can %s only a return that is %s."),
               self->number, rs_return_state_get_display_name (self->state), what, names->str);
  return FALSE;
}

/* Column names cannot be bound: one statement per stamp. */
static const char *
update_sql (int to)
{
  switch (to)
    {
    case RS_RETURN_SUBMITTED:
      return "UPDATE customer_return SET state = ?2, updated_at = ?3, submitted_at = ?3 WHERE id = ?1";
    case RS_RETURN_APPROVED:
      return "UPDATE customer_return SET state = ?2, updated_at = ?3, approved_at = ?3 WHERE id = ?1";
    case RS_RETURN_RECEIVING:
      return "UPDATE customer_return SET state = ?2, updated_at = ?3, receiving_at = coalesce (receiving_at, ?3) "
             "WHERE id = ?1";
    case RS_RETURN_RECEIVED:
      return "UPDATE customer_return SET state = ?2, updated_at = ?3, receiving_at = coalesce (receiving_at, ?3), "
             "received_at = ?3 WHERE id = ?1";
    case RS_RETURN_INSPECTED:
      return "UPDATE customer_return SET state = ?2, updated_at = ?3, inspected_at = ?3 WHERE id = ?1";
    case RS_RETURN_DISPOSED:
      return "UPDATE customer_return SET state = ?2, updated_at = ?3, disposed_at = ?3 WHERE id = ?1";
    case RS_RETURN_SETTLED:
      return "UPDATE customer_return SET state = ?2, updated_at = ?3, settled_at = ?3 WHERE id = ?1";
    case RS_RETURN_REJECTED:
    case RS_RETURN_CANCELLED:
      return "UPDATE customer_return SET state = ?2, updated_at = ?3, closed_at = ?3, last_comment = ?4 WHERE id = ?1";
    case RS_RETURN_DRAFT:
      return "UPDATE customer_return SET state = ?2, updated_at = ?3 WHERE id = ?1";
    default:
      return "UPDATE customer_return SET updated_at = ?3 WHERE id = ?1";
    }
}

static gboolean
append_event (RsSession *session, gint64 return_id, const char *kind, int from, int to,
              const char *comment, const char *ref, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) event = NULL;

  event = rs_database_prepare (db,
                               "INSERT INTO return_event (return_id, at, user_id, kind, from_state, to_state, comment, ref) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (event == NULL)
    return FALSE;
  sqlite3_bind_int64 (event, 1, return_id);
  sqlite3_bind_int64 (event, 2, rs_clock_now ());
  sqlite3_bind_int64 (event, 3, rs_user_get_id (rs_session_get_user (session)));
  sqlite3_bind_text (event, 4, kind, -1, SQLITE_STATIC);
  if (from >= 0)
    sqlite3_bind_text (event, 5, rs_return_state_get_key (from), -1, SQLITE_STATIC);
  sqlite3_bind_text (event, 6, rs_return_state_get_key (to), -1, SQLITE_STATIC);
  sqlite3_bind_text (event, 7, comment != NULL ? comment : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (event, 8, ref != NULL ? ref : "", -1, SQLITE_STATIC);
  return rs_statement_run (event, error);
}

RsReturn *
rs_return_record_new (RsSession *session, gint64 id, GError **error)
{
  g_autoptr(RsReturn) created = rs_return_load_by_id (rs_session_get_database (session), id, error);
  g_autoptr(JsonNode) json = NULL;

  if (created == NULL || !append_event (session, id, "new", -1, created->state, NULL, NULL, error))
    return NULL;
  json = rs_return_to_json (created);
  if (!rs_audit_record (session, "return.new", "return", created->number, NULL, json, error))
    return NULL;
  return g_steal_pointer (&created);
}

RsReturn *
rs_return_change (RsSession *session, RsReturn *before, const char *action, int to,
                  const char *comment, const char *ref, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) update = NULL;
  g_autoptr(RsReturn) after = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  gint64 now = rs_clock_now ();
  const char *kind = g_str_has_prefix (action, "return.") ? action + strlen ("return.") : action;
  RsReturnState target = to >= 0 ? (RsReturnState) to : before->state;

  update = rs_database_prepare (db, update_sql (to), error);
  if (update == NULL)
    return NULL;
  sqlite3_bind_int64 (update, 1, before->id);
  sqlite3_bind_text (update, 2, rs_return_state_get_key (target), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (update, 3, now);
  sqlite3_bind_text (update, 4, comment != NULL ? comment : "", -1, SQLITE_STATIC);
  if (!rs_statement_run (update, error))
    return NULL;

  if (!append_event (session, before->id, kind, before->state, target, comment, ref, error))
    return NULL;

  after = rs_return_load_by_id (db, before->id, error);
  if (after == NULL)
    return NULL;
  before_json = rs_return_to_json (before);
  after_json = rs_return_to_json (after);
  if (!rs_audit_record (session, action, "return", after->number, before_json, after_json, error))
    return NULL;
  return g_steal_pointer (&after);
}
