/* rs-receiving.c — receiving returned goods into quarantine, and resolving what did not match. */
#include "rs-receiving.h"
#include "rs-return-stage-private.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-permission.h"
#include "rs-products.h"
#include "rs-time-check.h"
#include "rs-validate.h"
#include "rs-warehouses.h"

static gint64
session_user_id (RsSession *session)
{
  return rs_user_get_id (rs_session_get_user (session));
}

/* ---- receiving ------------------------------------------------------------ */

/* One part of an arrived line: counted on a return line, or a discrepancy. */
typedef struct
{
  gint64      return_line_id;   /* 0: a product the return does not list */
  gint64      quantity;
  const char *discrepancy;      /* NULL: counted; "excess" or "other-product" */
} Part;

/* Splits what arrived of one product over the lines that still miss it, in line order;
 * what is left is an excess on the product's last line, or an other product. */
static void
allocate (RsReturn *ret, GHashTable *taken, gint64 product_id, gint64 quantity, GArray *parts)
{
  GListModel *lines = rs_return_get_lines (ret);
  gint64 last_line_id = 0;

  for (guint i = 0; i < g_list_model_get_n_items (lines) && quantity > 0; i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);
      gint64 already = GPOINTER_TO_SIZE (g_hash_table_lookup (taken, line));
      gint64 room;

      if (line->product_id != product_id)
        continue;
      last_line_id = line->id;
      room = line->quantity - line->received - already;
      if (room <= 0)
        continue;
      {
        Part part = { line->id, MIN (room, quantity), NULL };

        g_array_append_val (parts, part);
        g_hash_table_insert (taken, line, GSIZE_TO_POINTER (already + part.quantity));
        quantity -= part.quantity;
      }
    }
  /* Left over means every line was looked at, so last_line_id is the product's last. */
  if (quantity > 0)
    {
      Part part = { last_line_id, quantity, last_line_id != 0 ? "excess" : "other-product" };
      g_array_append_val (parts, part);
    }
}

static gboolean
record_part (RsSession *session, RsReturn *ret, gint64 receipt_id, RsSlipLine *slip_line,
             const Part *part, guint *n_discrepancies, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;
  gint64 receipt_line_id;

  stmt = rs_database_prepare (db,
                              "INSERT INTO return_receipt_line (receipt_id, return_line_id, product_id, quantity, "
                              "                                 slip_line_id) VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, receipt_id);
  if (part->return_line_id != 0)
    sqlite3_bind_int64 (stmt, 2, part->return_line_id);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, slip_line->product_id);
  sqlite3_bind_int64 (stmt, 4, part->quantity);
  sqlite3_bind_int64 (stmt, 5, slip_line->id);
  if (!rs_statement_run (stmt, error))
    return FALSE;
  receipt_line_id = rs_database_last_insert_id (db);
  g_clear_pointer (&stmt, rs_statement_release);

  if (part->discrepancy == NULL)
    {
      stmt = rs_database_prepare (db, "UPDATE return_line SET received_quantity = received_quantity + ? WHERE id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, part->quantity);
      sqlite3_bind_int64 (stmt, 2, part->return_line_id);
      return rs_statement_run (stmt, error);
    }

  (*n_discrepancies)++;
  stmt = rs_database_prepare (db,
                              "INSERT INTO return_discrepancy (return_id, receipt_line_id, return_line_id, product_id, "
                              "                                kind, quantity, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  sqlite3_bind_int64 (stmt, 2, receipt_line_id);
  if (part->return_line_id != 0)
    sqlite3_bind_int64 (stmt, 3, part->return_line_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, slip_line->product_id);
  sqlite3_bind_text (stmt, 5, part->discrepancy, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, part->quantity);
  sqlite3_bind_int64 (stmt, 7, rs_clock_now ());
  return rs_statement_run (stmt, error);
}

/* All goods of one return go into one warehouse, so disposition knows where they are. */
static RsWarehouse *
receiving_warehouse (RsDatabase *db, RsReturn *ret, const char *code, GError **error)
{
  g_autoptr(RsWarehouse) warehouse = NULL;
  gint64 used = 0;

  if (code == NULL || *code == '\0')
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("Say which warehouse the goods arrive at.")), NULL;
  warehouse = rs_warehouses_lookup (db, code, error);
  if (warehouse == NULL || !rs_return_stage_warehouse (db, rs_return_get_id (ret), &used, error))
    return NULL;
  if (used != 0 && used != rs_warehouse_get_id (warehouse))
    {
      g_autoptr(RsWarehouse) first = rs_warehouses_lookup_by_id (db, used, error);

      if (first == NULL)
        return NULL;
      return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                          _("The goods of %s are being received at warehouse %s; receive the rest there too."),
                          rs_return_get_number (ret), rs_warehouse_get_code (first)), NULL;
    }
  return g_steal_pointer (&warehouse);
}

RsReturn *
rs_returns_receive (RsSession *session, const char *number, const char *warehouse_code,
                    const RsReceiptLineFields *lines, guint n_lines, const char *comment, GError **error)
{
  static const RsReturnState receivable[] = { RS_RETURN_APPROVED, RS_RETURN_RECEIVING };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(RsSlip) slip = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GArray) slip_lines = g_array_new (FALSE, TRUE, sizeof (RsSlipLineFields));
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autofree char *remark = NULL;
  RsSlipFields fields = { 0 };
  guint n_discrepancies = 0;
  gint64 receipt_id;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_RECEIVE, error) ||
      !rs_validate_text (comment, _("comment"), RS_RETURN_MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error))
    return NULL;
  if (n_lines == 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("Say what arrived: at least one product and quantity.")), NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_return_load (db, number, error);
  if (before == NULL ||
      !rs_return_require_state (before, receivable, G_N_ELEMENTS (receivable), _("receive goods for"), error))
    return NULL;
  warehouse = receiving_warehouse (db, before, warehouse_code, error);
  if (warehouse == NULL)
    return NULL;

  /* The slip checks products and quantities; what it wrote is then counted against the lines. */
  for (guint i = 0; i < n_lines; i++)
    {
      RsSlipLineFields line = { lines[i].sku, lines[i].quantity, RS_LOCATION_QUARANTINE_CODE, NULL, -1 };
      g_array_append_val (slip_lines, line);
    }
  remark = rs_return_stage_remark (before);
  fields.kind = RS_SLIP_IN;
  fields.purpose = "return-in";
  fields.warehouse = rs_warehouse_get_code (warehouse);
  fields.partner = rs_return_get_customer_code (before);
  fields.remark = remark;
  fields.lines = (const RsSlipLineFields *) (gpointer) slip_lines->data;
  fields.n_lines = slip_lines->len;
  slip = rs_slips_create_posted_for_workflow (session, &fields, error);
  if (slip == NULL)
    return NULL;

  stmt = rs_database_prepare (db,
                              "INSERT INTO return_receipt (return_id, slip_id, received_by, received_at) "
                              "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (before));
  sqlite3_bind_int64 (stmt, 2, rs_slip_get_id (slip));
  sqlite3_bind_int64 (stmt, 3, session_user_id (session));
  sqlite3_bind_int64 (stmt, 4, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;
  receipt_id = rs_database_last_insert_id (db);

  for (guint i = 0; i < rs_slip_get_n_lines (slip); i++)
    {
      g_autoptr(RsSlipLine) slip_line = g_list_model_get_item (rs_slip_get_lines (slip), i);
      g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (Part));

      allocate (before, taken, slip_line->product_id, slip_line->quantity, parts);
      for (guint j = 0; j < parts->len; j++)
        if (!record_part (session, before, receipt_id, slip_line, &g_array_index (parts, Part, j),
                          &n_discrepancies, error))
          return NULL;
    }

  if (!rs_time_check_receipt (db, rs_return_get_id (before), error))
    return NULL;
  {
    g_autoptr(RsReturn) after = rs_return_advance (session, before, "return.receive", comment,
                                                   rs_slip_get_number (slip), error);
    if (after == NULL || !rs_transaction_commit (tx, error))
      return NULL;
    return g_steal_pointer (&after);
  }
}

/* ---- discrepancies -------------------------------------------------------- */

gboolean
rs_resolve_decision_parse (const char *key, RsResolveDecision *decision, GError **error)
{
  if (g_strcmp0 (key, "accept") == 0)
    *decision = RS_RESOLVE_ACCEPT;
  else if (g_strcmp0 (key, "send-back") == 0)
    *decision = RS_RESOLVE_SEND_BACK;
  else
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("“%s” is no way to resolve a discrepancy: use accept or send-back."),
                        key != NULL ? key : ""), FALSE;
  return TRUE;
}

typedef struct
{
  gint64 id;
  gint64 receipt_line_id;
  gint64 return_line_id;
  gint64 product_id;
  char  *sku;
  char  *kind;
  gint64 quantity;
} Discrepancy;

static void
discrepancy_clear (gpointer data)
{
  Discrepancy *d = data;
  g_free (d->sku);
  g_free (d->kind);
}

static GArray *
open_discrepancies (RsDatabase *db, RsReturn *ret, gint64 product_id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (Discrepancy));
  GError *local_error = NULL;

  g_array_set_clear_func (found, discrepancy_clear);
  stmt = rs_database_prepare (db,
                              "SELECT d.id, d.receipt_line_id, d.return_line_id, d.product_id, p.sku, d.kind, d.quantity "
                              "FROM return_discrepancy d JOIN product p ON p.id = d.product_id "
                              "WHERE d.return_id = ?1 AND d.state = 'open' AND (?2 = 0 OR d.product_id = ?2) "
                              "ORDER BY d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  sqlite3_bind_int64 (stmt, 2, product_id);
  while (rs_statement_step (stmt, &local_error))
    {
      Discrepancy d = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
        sqlite3_column_int64 (stmt, 3), g_strdup (rs_statement_text (stmt, 4)),
        g_strdup (rs_statement_text (stmt, 5)), sqlite3_column_int64 (stmt, 6),
      };
      g_array_append_val (found, d);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return g_steal_pointer (&found);
}

/* An excess is counted on its line; an other product gets a line of its own (origin
 * "receipt", no price: what it is worth is finance's to record). */
static gboolean
accept_discrepancy (RsDatabase *db, RsReturn *ret, Discrepancy *d, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  if (d->return_line_id != 0)
    {
      stmt = rs_database_prepare (db, "UPDATE return_line SET received_quantity = received_quantity + ? WHERE id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, d->quantity);
      sqlite3_bind_int64 (stmt, 2, d->return_line_id);
      return rs_statement_run (stmt, error);
    }

  stmt = rs_database_prepare (db,
                              "INSERT INTO return_line (return_id, line_no, product_id, quantity, unit_price, origin, "
                              "                         received_quantity) "
                              "VALUES (?1, (SELECT coalesce (max (line_no), 0) + 1 FROM return_line WHERE return_id = ?1), "
                              "        ?2, ?3, 0, 'receipt', ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  sqlite3_bind_int64 (stmt, 2, d->product_id);
  sqlite3_bind_int64 (stmt, 3, d->quantity);
  if (!rs_statement_run (stmt, error))
    return FALSE;
  d->return_line_id = rs_database_last_insert_id (db);
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db, "UPDATE return_receipt_line SET return_line_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, d->return_line_id);
  sqlite3_bind_int64 (stmt, 2, d->receipt_line_id);
  return rs_statement_run (stmt, error);
}

static RsSlip *
send_back (RsSession *session, RsReturn *ret, GArray *discrepancies, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (RsSlipLineFields));
  g_autofree char *remark = rs_return_stage_remark (ret);
  RsSlipFields fields = { 0 };
  gint64 warehouse_id = 0;

  if (!rs_return_stage_warehouse (db, rs_return_get_id (ret), &warehouse_id, error))
    return NULL;
  warehouse = rs_warehouses_lookup_by_id (db, warehouse_id, error);
  if (warehouse == NULL)
    return NULL;
  for (guint i = 0; i < discrepancies->len; i++)
    {
      Discrepancy *d = &g_array_index (discrepancies, Discrepancy, i);
      RsSlipLineFields line = { d->sku, d->quantity, RS_LOCATION_QUARANTINE_CODE, NULL, -1 };
      g_array_append_val (lines, line);
    }
  fields.kind = RS_SLIP_OUT;
  fields.purpose = "send-back";
  fields.warehouse = rs_warehouse_get_code (warehouse);
  fields.partner = rs_return_get_customer_code (ret);
  fields.remark = remark;
  fields.lines = (const RsSlipLineFields *) (gpointer) lines->data;
  fields.n_lines = lines->len;
  return rs_slips_create_posted_for_workflow (session, &fields, error);
}

RsReturn *
rs_returns_resolve (RsSession *session, const char *number, const char *sku, RsResolveDecision decision,
                    const char *comment, GError **error)
{
  static const RsReturnState receiving[] = { RS_RETURN_RECEIVING };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) after = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(RsSlip) slip = NULL;
  gint64 product_id = 0;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_RESOLVE, error) ||
      !rs_validate_text (comment, _("comment"), RS_RETURN_MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error))
    return NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_return_load (db, number, error);
  if (before == NULL ||
      !rs_return_require_state (before, receiving, G_N_ELEMENTS (receiving), _("resolve discrepancies of"), error))
    return NULL;
  if (sku != NULL)
    {
      g_autoptr(RsProduct) product = rs_products_lookup (db, sku, error);
      if (product == NULL)
        return NULL;
      product_id = rs_product_get_id (product);
    }
  found = open_discrepancies (db, before, product_id, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0 && sku != NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("%s has no open receiving discrepancy of %s."), number, sku), NULL;
  if (found->len == 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("%s has no open receiving discrepancy."), number), NULL;

  if (decision == RS_RESOLVE_SEND_BACK)
    {
      slip = send_back (session, before, found, error);
      if (slip == NULL)
        return NULL;
    }
  for (guint i = 0; i < found->len; i++)
    {
      Discrepancy *d = &g_array_index (found, Discrepancy, i);
      g_autoptr(RsStatement) stmt = NULL;

      if (decision == RS_RESOLVE_ACCEPT && !accept_discrepancy (db, before, d, error))
        return NULL;
      stmt = rs_database_prepare (db,
                                  "UPDATE return_discrepancy SET state = ?, return_line_id = ?, slip_id = ?, comment = ?, "
                                  "                              resolved_by = ?, resolved_at = ? WHERE id = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, decision == RS_RESOLVE_ACCEPT ? "accepted" : "sent-back", -1, SQLITE_STATIC);
      if (d->return_line_id != 0)
        sqlite3_bind_int64 (stmt, 2, d->return_line_id);
      else
        sqlite3_bind_null (stmt, 2);
      if (slip != NULL)
        sqlite3_bind_int64 (stmt, 3, rs_slip_get_id (slip));
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_text (stmt, 4, comment != NULL ? comment : "", -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, session_user_id (session));
      sqlite3_bind_int64 (stmt, 6, rs_clock_now ());
      sqlite3_bind_int64 (stmt, 7, d->id);
      if (!rs_statement_run (stmt, error))
        return NULL;
    }

  after = rs_return_advance (session, before, "return.resolve", comment,
                             slip != NULL ? rs_slip_get_number (slip) : NULL, error);
  if (after == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}

/* ---- what `return show --json` tells ---------------------------------------- */

JsonNode *
rs_receiving_describe_receipts (RsDatabase *db, RsReturn *ret, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;
  gint64 receipt = 0;

  stmt = rs_database_prepare (db,
                              "SELECT r.id, s.number, w.code, u.name, r.received_at, p.sku, rl.quantity, l.line_no "
                              "FROM return_receipt r JOIN slip s ON s.id = r.slip_id "
                              "JOIN warehouse w ON w.id = s.warehouse_id JOIN user u ON u.id = r.received_by "
                              "JOIN return_receipt_line rl ON rl.receipt_id = r.id JOIN product p ON p.id = rl.product_id "
                              "LEFT JOIN return_line l ON l.id = rl.return_line_id "
                              "WHERE r.return_id = ? ORDER BY r.id, rl.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  json_builder_begin_array (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      if (sqlite3_column_int64 (stmt, 0) != receipt)
        {
          if (receipt != 0)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          receipt = sqlite3_column_int64 (stmt, 0);
          json_builder_begin_object (builder);
          rs_json_add_string (builder, "slip", rs_statement_text (stmt, 1));
          rs_json_add_string (builder, "warehouse", rs_statement_text (stmt, 2));
          rs_json_add_string (builder, "received_by", rs_statement_text (stmt, 3));
          rs_stage_json_add_time (builder, "received_at", sqlite3_column_int64 (stmt, 4));
          json_builder_set_member_name (builder, "lines");
          json_builder_begin_array (builder);
        }
      json_builder_begin_object (builder);
      rs_json_add_string (builder, "sku", rs_statement_text (stmt, 5));
      rs_stage_json_add_quantity (builder, "quantity", sqlite3_column_int64 (stmt, 6));
      json_builder_set_member_name (builder, "line");
      if (sqlite3_column_type (stmt, 7) == SQLITE_NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 7));
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  if (receipt != 0)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

JsonNode *
rs_receiving_describe_discrepancies (RsDatabase *db, RsReturn *ret, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT p.sku, d.kind, d.quantity, d.state, l.line_no, s.number, d.comment, u.name, "
                              "       d.created_at, d.resolved_at "
                              "FROM return_discrepancy d JOIN product p ON p.id = d.product_id "
                              "LEFT JOIN return_line l ON l.id = d.return_line_id LEFT JOIN slip s ON s.id = d.slip_id "
                              "LEFT JOIN user u ON u.id = d.resolved_by "
                              "WHERE d.return_id = ? ORDER BY d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  json_builder_begin_array (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      json_builder_begin_object (builder);
      rs_json_add_string (builder, "sku", rs_statement_text (stmt, 0));
      rs_json_add_string (builder, "kind", rs_statement_text (stmt, 1));
      rs_stage_json_add_quantity (builder, "quantity", sqlite3_column_int64 (stmt, 2));
      rs_json_add_string (builder, "state", rs_statement_text (stmt, 3));
      json_builder_set_member_name (builder, "line");
      if (sqlite3_column_type (stmt, 4) == SQLITE_NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 4));
      rs_json_add_string (builder, "slip", (const char *) sqlite3_column_text (stmt, 5));
      rs_json_add_string (builder, "comment", rs_statement_text (stmt, 6));
      rs_json_add_string (builder, "resolved_by", (const char *) sqlite3_column_text (stmt, 7));
      rs_stage_json_add_time (builder, "created_at", sqlite3_column_int64 (stmt, 8));
      rs_stage_json_add_time (builder, "resolved_at", sqlite3_column_int64 (stmt, 9));
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
