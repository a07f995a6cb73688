/* rs-return-describe.c — everything about one return as one JSON object (`return show --json`).
 *
 * rs_return_to_json() gives the header, lines, levels, signatures and flags; each
 * section below adds one member. Receiving, inspection, disposition and settlement
 * add their sections ("receipts", "discrepancies", "inspections", "dispositions",
 * "settlement") to the table at the end.
 */
#include "rs-returns.h"
#include "rs-return-stage-private.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-money.h"
#include "rs-permission.h"

typedef JsonNode *(*SectionFunc) (RsDatabase *db, RsReturn *ret, GError **error);

static void
add_time (JsonBuilder *builder, const char *member, gint64 when_us)
{
  g_autofree char *text = rs_return_format_time (when_us);
  rs_json_add_string (builder, member, text);
}

static JsonNode *
section_attachments (RsDatabase *db, RsReturn *ret, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT a.file_name, a.sha256, a.content_type, a.size, u.name, a.added_at "
                              "FROM return_attachment a JOIN user u ON u.id = a.added_by "
                              "WHERE a.return_id = ? ORDER BY a.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  json_builder_begin_array (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      json_builder_begin_object (builder);
      rs_json_add_string (builder, "file_name", rs_statement_text (stmt, 0));
      rs_json_add_string (builder, "sha256", rs_statement_text (stmt, 1));
      rs_json_add_string (builder, "content_type", rs_statement_text (stmt, 2));
      rs_json_add_int (builder, "size", sqlite3_column_int64 (stmt, 3));
      rs_json_add_string (builder, "added_by", rs_statement_text (stmt, 4));
      add_time (builder, "added_at", sqlite3_column_int64 (stmt, 5));
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Cost lines and totals per kind; the total counts vendor credit against the rest. */
static JsonNode *
section_costs (RsDatabase *db, RsReturn *ret, GError **error)
{
  static const char * const kinds[] = { "refund", "freight", "handling", "repair", "vendor-credit", "scrap-loss" };
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 totals[G_N_ELEMENTS (kinds)] = { 0 };
  gint64 total = 0;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT c.kind, c.amount, c.remark, u.name, c.created_at "
                              "FROM return_cost c JOIN user u ON u.id = c.created_by "
                              "WHERE c.return_id = ? ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      const char *kind = rs_statement_text (stmt, 0);
      gint64 amount = sqlite3_column_int64 (stmt, 1);

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_str_equal (kind, kinds[i]))
          totals[i] += amount;
      total += g_str_equal (kind, "vendor-credit") ? -amount : amount;

      json_builder_begin_object (builder);
      rs_json_add_string (builder, "kind", kind);
      rs_json_add_money (builder, "amount", amount);
      rs_json_add_string (builder, "remark", rs_statement_text (stmt, 2));
      rs_json_add_string (builder, "created_by", rs_statement_text (stmt, 3));
      add_time (builder, "created_at", sqlite3_column_int64 (stmt, 4));
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    rs_json_add_money (builder, kinds[i], totals[i]);
  /* Signed: vendor credit can exceed the costs. */
  {
    g_autofree char *text = rs_money_to_decimal (total);
    rs_json_add_string (builder, "total", text);
  }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Every slip the return touched, with the part it played. */
static JsonNode *
section_slips (RsDatabase *db, RsReturn *ret, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT x.role, s.number, s.kind, s.purpose, s.state FROM ("
                              "  SELECT 1 AS o, 'sale' AS role, sale_slip_id AS slip_id FROM customer_return WHERE id = ?1"
                              "  UNION ALL SELECT 2, 'receipt', slip_id FROM return_receipt WHERE return_id = ?1"
                              "  UNION ALL SELECT 3, 'send-back', slip_id FROM return_discrepancy WHERE return_id = ?1"
                              "  UNION ALL SELECT 4, 'disposition', slip_id FROM return_disposition WHERE return_id = ?1"
                              "  UNION ALL SELECT 5, 'repair-back', back_slip_id FROM return_disposition WHERE return_id = ?1"
                              ") x JOIN slip s ON s.id = x.slip_id ORDER BY x.o, s.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  json_builder_begin_array (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      json_builder_begin_object (builder);
      rs_json_add_string (builder, "role", rs_statement_text (stmt, 0));
      rs_json_add_string (builder, "number", rs_statement_text (stmt, 1));
      rs_json_add_string (builder, "kind", rs_statement_text (stmt, 2));
      rs_json_add_string (builder, "purpose", rs_statement_text (stmt, 3));
      rs_json_add_string (builder, "state", rs_statement_text (stmt, 4));
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
section_events (RsDatabase *db, RsReturn *ret, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT e.at, u.name, e.kind, e.from_state, e.to_state, e.comment, e.ref "
                              "FROM return_event e LEFT JOIN user u ON u.id = e.user_id "
                              "WHERE e.return_id = ? ORDER BY e.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  json_builder_begin_array (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      json_builder_begin_object (builder);
      add_time (builder, "at", sqlite3_column_int64 (stmt, 0));
      rs_json_add_string (builder, "user", (const char *) sqlite3_column_text (stmt, 1));
      rs_json_add_string (builder, "kind", rs_statement_text (stmt, 2));
      rs_json_add_string (builder, "from", (const char *) sqlite3_column_text (stmt, 3));
      rs_json_add_string (builder, "to", (const char *) sqlite3_column_text (stmt, 4));
      rs_json_add_string (builder, "comment", rs_statement_text (stmt, 5));
      rs_json_add_string (builder, "ref", rs_statement_text (stmt, 6));
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static const struct {
  const char  *member;
  SectionFunc  func;
} sections[] = {
  { "attachments", section_attachments },
  { "receipts", rs_receiving_describe_receipts },
  { "discrepancies", rs_receiving_describe_discrepancies },
  { "inspections", rs_inspection_describe_return },
  { "dispositions", rs_disposition_describe_return },
  { "costs", section_costs },
  { "settlement", rs_settlement_describe_return },
  { "slips", section_slips },
  { "events", section_events },
};

JsonNode *
rs_returns_describe (RsSession *session, const char *number, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsReturn) ret = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  ret = rs_returns_lookup (session, number, error);
  if (ret == NULL)
    return NULL;
  root = rs_return_to_json (ret);
  object = json_node_get_object (root);
  json_object_set_string_member (object, "state_name", rs_return_state_get_display_name (rs_return_get_state (ret)));
  json_object_set_string_member (object, "reason_name", rs_return_get_reason_name (ret));
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      JsonNode *node = sections[i].func (db, ret, error);

      if (node == NULL)
        return NULL;
      json_object_set_member (object, sections[i].member, node);
    }

  /* The confirmation e-mail exists from approval on. */
  if (rs_return_get_approved_at (ret) != 0 && rs_return_get_state (ret) != RS_RETURN_CANCELLED)
    {
      g_autofree char *mailto = rs_returns_confirmation_mailto (session, number, error);

      if (mailto == NULL)
        return NULL;
      json_object_set_string_member (object, "confirmation_mailto", mailto);
    }
  return g_steal_pointer (&root);
}
