/* rs-return-stage.c — what the stages after approval share: moving a return forward by
 * what its lines have reached, finding a line, and the warehouse its goods are in. */
#include "rs-return-stage-private.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-money.h"

static gboolean
count_open_discrepancies (RsDatabase *db, gint64 return_id, gint64 return_line_id, gint64 *count, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT count(*) FROM return_discrepancy "
                              "WHERE return_id = ?1 AND state = 'open' AND (?2 = 0 OR return_line_id = ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, return_id);
  sqlite3_bind_int64 (stmt, 2, return_line_id);
  if (!rs_statement_step (stmt, error))
    return FALSE;
  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The furthest state the lines have reached, from APPROVED on. */
static RsReturnState
reached_state (RsReturn *ret, gint64 n_open)
{
  GListModel *lines = rs_return_get_lines (ret);
  gboolean any_received = n_open > 0, all_received = TRUE, all_inspected = TRUE, all_disposed = TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);

      any_received |= line->received > 0;
      if (g_str_equal (line->origin, "intake") && line->received < line->quantity)
        all_received = FALSE;
      if (line->inspected < line->received)
        all_inspected = FALSE;
      if (line->disposed < line->inspected)
        all_disposed = FALSE;
    }
  if (!any_received)
    return RS_RETURN_APPROVED;
  if (!all_received || n_open > 0)
    return RS_RETURN_RECEIVING;
  if (!all_inspected)
    return RS_RETURN_RECEIVED;
  if (!all_disposed)
    return RS_RETURN_INSPECTED;
  return RS_RETURN_DISPOSED;
}

RsReturn *
rs_return_advance (RsSession *session, RsReturn *before, const char *action, const char *comment,
                   const char *ref, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsReturn) current = NULL;
  g_autoptr(RsReturn) now = NULL;
  gint64 n_open = 0;
  RsReturnState target;

  now = rs_return_load_by_id (db, before->id, error);
  if (now == NULL || !count_open_discrepancies (db, before->id, 0, &n_open, error))
    return NULL;
  target = reached_state (now, n_open);

  /* The forward path only: APPROVED < RECEIVING < RECEIVED < INSPECTED < DISPOSED. */
  if (before->state > RS_RETURN_DISPOSED || target <= before->state)
    return rs_return_change (session, before, action, -1, comment, ref, error);

  current = g_object_ref (before);
  for (int state = before->state + 1; state <= (int) target; state++)
    {
      RsReturn *next = rs_return_change (session, current, action, state, comment, ref, error);

      if (next == NULL)
        return NULL;
      g_set_object (&current, next);
      g_object_unref (next);
    }
  return g_steal_pointer (&current);
}

RsReturnLine *
rs_return_stage_line (RsReturn *ret, gint64 product_id, const char *sku,
                      RsLineAvailableFunc available, gpointer data, GError **error)
{
  GListModel *lines = rs_return_get_lines (ret);
  g_autoptr(RsReturnLine) last = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);

      if (line->product_id != product_id)
        continue;
      if (available (line, data) > 0)
        return g_steal_pointer (&line);
      g_set_object (&last, line);
    }
  if (last == NULL)
    g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND,
                 _("%s has no line of the product %s."), rs_return_get_number (ret), sku);
  return g_steal_pointer (&last);
}

gboolean
rs_return_stage_require_settled_line (RsDatabase *db, RsReturn *ret, RsReturnLine *line, GError **error)
{
  gint64 n_open = 0;

  if (!count_open_discrepancies (db, rs_return_get_id (ret), line->id, &n_open, error))
    return FALSE;
  if (n_open > 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("Line %u (%s) of %s has an open receiving discrepancy; customer service resolves it first."),
                        line->number, line->sku, rs_return_get_number (ret)), FALSE;
  return TRUE;
}

gboolean
rs_return_stage_warehouse (RsDatabase *db, gint64 return_id, gint64 *warehouse_id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT s.warehouse_id FROM return_receipt r JOIN slip s ON s.id = r.slip_id "
                              "WHERE r.return_id = ? ORDER BY r.id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, return_id);
  *warehouse_id = rs_statement_step (stmt, &local_error) ? sqlite3_column_int64 (stmt, 0) : 0;
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

char *
rs_return_stage_remark (RsReturn *ret)
{
  /* TRANSLATORS: the remark of a slip a return posted: "Return TH20261126-0001" */
  return g_strdup_printf (_("Return %s"), rs_return_get_number (ret));
}

void
rs_stage_json_add_time (JsonBuilder *builder, const char *member, gint64 when_us)
{
  g_autofree char *text = rs_return_format_time (when_us);
  rs_json_add_string (builder, member, text);
}

void
rs_stage_json_add_quantity (JsonBuilder *builder, const char *member, gint64 milli)
{
  g_autofree char *text = rs_quantity_to_decimal (milli);
  rs_json_add_string (builder, member, text);
}
