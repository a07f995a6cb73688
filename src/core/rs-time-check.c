/* rs-time-check.c — the time-check policy and the breaches it finds. */
#include "rs-time-check.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-permission.h"
#include "rs-reasons.h"
#include "rs-settings.h"

static const struct {
  const char *key;
  guint       fallback;
  guint       max;
} policy_keys[] = {
  { RS_SETTING_RETURN_WINDOW_DAYS, 15, RS_TIME_POLICY_MAX_DAYS },
  { RS_SETTING_RECEIVING_DEADLINE_DAYS, 10, RS_TIME_POLICY_MAX_DAYS },
  { RS_SETTING_INSPECTION_DEADLINE_HOURS, 48, RS_TIME_POLICY_MAX_HOURS },
};

/* A stored value that is not a number (someone edited the file) counts as the default. */
static guint
read_setting (RsDatabase *db, guint index)
{
  g_autofree char *text = rs_settings_get (db, policy_keys[index].key, NULL);
  guint64 value = 0;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 0, policy_keys[index].max, &value, NULL))
    return policy_keys[index].fallback;
  return value;
}

gboolean
rs_time_policy_read (RsDatabase *db, RsTimePolicy *policy, GError **error)
{
  policy->return_window_days = read_setting (db, 0);
  policy->receiving_deadline_days = read_setting (db, 1);
  policy->inspection_deadline_hours = read_setting (db, 2);
  return TRUE;
}

gboolean
rs_time_policy_get_window (RsDatabase *db, gint64 reason_id, guint *days, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT days FROM return_window WHERE reason_id = ?", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, reason_id);
  if (rs_statement_step (stmt, &local_error))
    {
      *days = sqlite3_column_int (stmt, 0);
      return TRUE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *days = read_setting (db, 0);
  return TRUE;
}

static JsonNode *
value_json (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  if (value >= 0)
    json_object_set_int_member (object, "value", value);
  else
    json_object_set_null_member (object, "value");
  json_node_take_object (node, object);
  return node;
}

gboolean
rs_time_policy_set (RsSession *session, const char *key, guint value, GError **error)
{
  g_autofree char *text = NULL;
  int index = -1;

  /* Asked before the range, so a user who may not change settings hears that first. */
  if (!rs_permission_check (session, RS_ACTION_SETTINGS_EDIT, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (policy_keys); i++)
    if (g_strcmp0 (key, policy_keys[i].key) == 0)
      index = i;
  if (index < 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("“%s” is not a time-check setting."), key), FALSE;
  if (value > policy_keys[index].max || (value == 0 && index != 0))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("%s must be between %u and %u."), key, index != 0 ? 1 : 0, policy_keys[index].max), FALSE;
  text = g_strdup_printf ("%u", value);
  return rs_settings_set (session, key, text, error);
}

gboolean
rs_time_policy_set_reason_window (RsSession *session, const char *reason_code, int days, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReason) reason = NULL;
  g_autoptr(RsStatement) read = NULL;
  g_autoptr(RsStatement) write = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  GError *local_error = NULL;

  if (!rs_permission_check (session, RS_ACTION_SETTINGS_EDIT, error))
    return FALSE;
  if (days < -1 || days > RS_TIME_POLICY_MAX_DAYS)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("A return window is between 0 and %d days."), RS_TIME_POLICY_MAX_DAYS), FALSE;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  reason = rs_reasons_lookup (db, reason_code, error);
  if (reason == NULL)
    return FALSE;

  read = rs_database_prepare (db, "SELECT days FROM return_window WHERE reason_id = ?", error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, rs_reason_get_id (reason));
  before = value_json (rs_statement_step (read, &local_error) ? sqlite3_column_int (read, 0) : -1);
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  g_clear_pointer (&read, rs_statement_release);

  write = rs_database_prepare (db, days < 0
                                   ? "DELETE FROM return_window WHERE reason_id = ?1"
                                   : "INSERT INTO return_window (reason_id, days) VALUES (?1, ?2) "
                                     "ON CONFLICT (reason_id) DO UPDATE SET days = excluded.days", error);
  if (write == NULL)
    return FALSE;
  sqlite3_bind_int64 (write, 1, rs_reason_get_id (reason));
  if (days >= 0)
    sqlite3_bind_int (write, 2, days);
  after = value_json (days);
  return rs_statement_run (write, error) &&
         rs_audit_record (session, "policy.set", "return_window", rs_reason_get_code (reason), before, after, error) &&
         rs_transaction_commit (tx, error);
}

JsonNode *
rs_time_policy_to_json (RsDatabase *db, GError **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(RsStatement) stmt = NULL;
  RsTimePolicy policy;
  GError *local_error = NULL;

  if (!rs_time_policy_read (db, &policy, error))
    return NULL;
  stmt = rs_database_prepare (db, "SELECT r.code, w.days FROM return_window w JOIN reason r ON r.id = w.reason_id "
                                  "ORDER BY r.position, r.code", error);
  if (stmt == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "return_window_days");
  json_builder_add_int_value (builder, policy.return_window_days);
  json_builder_set_member_name (builder, "receiving_deadline_days");
  json_builder_add_int_value (builder, policy.receiving_deadline_days);
  json_builder_set_member_name (builder, "inspection_deadline_hours");
  json_builder_add_int_value (builder, policy.inspection_deadline_hours);
  json_builder_set_member_name (builder, "windows");
  json_builder_begin_object (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      json_builder_set_member_name (builder, rs_statement_text (stmt, 0));
      json_builder_add_int_value (builder, sqlite3_column_int (stmt, 1));
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
rs_time_check_record (RsDatabase *db, gint64 return_id, RsFlagKind kind, gint64 limit_us, gint64 actual_us,
                      GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  gboolean in_hours = kind == RS_FLAG_INSPECTION_DEADLINE;

  if (actual_us <= limit_us)
    return TRUE;
  stmt = rs_database_prepare (db,
                              "INSERT INTO return_flag (return_id, kind, unit, limit_us, actual_us, detected_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                              "ON CONFLICT (return_id, kind) DO UPDATE SET "
                              "  limit_us = excluded.limit_us, actual_us = excluded.actual_us, "
                              "  detected_at = excluded.detected_at "
                              "WHERE excluded.actual_us - excluded.limit_us > actual_us - limit_us", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, return_id);
  sqlite3_bind_text (stmt, 2, rs_flag_kind_get_key (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, in_hours ? "hour" : "day", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, limit_us);
  sqlite3_bind_int64 (stmt, 5, actual_us);
  sqlite3_bind_int64 (stmt, 6, rs_clock_now ());
  return rs_statement_run (stmt, error);
}

gboolean
rs_time_check_return_window (RsDatabase *db, gint64 return_id, GError **error)
{
  g_autoptr(RsStatement) clear = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;
  gint64 reason_id, elapsed_days;
  guint window;

  clear = rs_database_prepare (db, "DELETE FROM return_flag WHERE return_id = ? AND kind = 'return-window'", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, return_id);
  if (!rs_statement_run (clear, error))
    return FALSE;

  /* Calendar days between the two dates; no sale date, nothing to check. */
  stmt = rs_database_prepare (db,
                              "SELECT reason_id, CAST (julianday (request_date) - julianday (sale_date) AS INTEGER) "
                              "FROM customer_return WHERE id = ? AND sale_date IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, return_id);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return local_error == NULL;
    }
  reason_id = sqlite3_column_int64 (stmt, 0);
  elapsed_days = sqlite3_column_int64 (stmt, 1);
  g_clear_pointer (&stmt, rs_statement_release);

  if (!rs_time_policy_get_window (db, reason_id, &window, error))
    return FALSE;
  return rs_time_check_record (db, return_id, RS_FLAG_RETURN_WINDOW,
                               window * RS_US_PER_DAY, elapsed_days * RS_US_PER_DAY, error);
}

/* A stamp of the return: approved_at, receiving_at… (0 when unset). */
static gboolean
read_stamp (RsDatabase *db, gint64 return_id, gint64 *approved_at, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT approved_at FROM customer_return WHERE id = ?", error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, return_id);
  *approved_at = rs_statement_step (stmt, &local_error) ? sqlite3_column_int64 (stmt, 0) : 0;
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

gboolean
rs_time_check_receipt (RsDatabase *db, gint64 return_id, GError **error)
{
  RsTimePolicy policy;
  gint64 approved_at = 0;

  if (!rs_time_policy_read (db, &policy, error) || !read_stamp (db, return_id, &approved_at, error))
    return FALSE;
  if (approved_at == 0)
    return TRUE;
  return rs_time_check_record (db, return_id, RS_FLAG_RECEIVING_DEADLINE,
                               policy.receiving_deadline_days * RS_US_PER_DAY, rs_clock_now () - approved_at, error);
}

gboolean
rs_time_check_inspection (RsDatabase *db, gint64 return_id, gint64 received_at_us, GError **error)
{
  RsTimePolicy policy;

  if (!rs_time_policy_read (db, &policy, error))
    return FALSE;
  return rs_time_check_record (db, return_id, RS_FLAG_INSPECTION_DEADLINE,
                               policy.inspection_deadline_hours * RS_US_PER_HOUR, rs_clock_now () - received_at_us, error);
}

gboolean
rs_time_check_bind (RsDatabase *db, RsStatement *stmt, GError **error)
{
  RsTimePolicy policy;

  if (!rs_time_policy_read (db, &policy, error))
    return FALSE;
  sqlite3_bind_int64 (stmt, 101, rs_clock_now ());
  sqlite3_bind_int64 (stmt, 102, policy.receiving_deadline_days * RS_US_PER_DAY);
  sqlite3_bind_int64 (stmt, 103, policy.inspection_deadline_hours * RS_US_PER_HOUR);
  return TRUE;
}
