/* rs-disposition.c — restock, repair, scrap, return to vendor, replace: each with its slip. */
#include "rs-disposition.h"
#include "rs-return-stage-private.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-money.h"
#include "rs-permission.h"
#include "rs-products.h"
#include "rs-warehouses.h"

static const struct {
  const char *key;
  const char *name;
} kinds[] = {
  /* In their own context: "Restock" alone is the program's name. */
  [RS_DISPOSITION_RESTOCK] = { "restock", NC_("disposition", "Restock") },
  [RS_DISPOSITION_REPAIR] = { "repair", NC_("disposition", "Repair") },
  [RS_DISPOSITION_SCRAP] = { "scrap", NC_("disposition", "Scrap") },
  [RS_DISPOSITION_VENDOR] = { "vendor", NC_("disposition", "Return to vendor") },
  [RS_DISPOSITION_REPLACE] = { "replace", NC_("disposition", "Replace") },
};

const char *
rs_disposition_kind_get_key (RsDispositionKind kind)
{
  g_return_val_if_fail (kind <= RS_DISPOSITION_REPLACE, NULL);
  return kinds[kind].key;
}

const char *
rs_disposition_kind_get_display_name (RsDispositionKind kind)
{
  g_return_val_if_fail (kind <= RS_DISPOSITION_REPLACE, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "disposition", kinds[kind].name);
}

gboolean
rs_disposition_kind_parse (const char *key, RsDispositionKind *kind, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (key, kinds[i].key) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                      _("“%s” is no disposition: use restock, repair, scrap, vendor or replace."),
                      key != NULL ? key : ""), FALSE;
}

static gint64
session_user_id (RsSession *session)
{
  return rs_user_get_id (rs_session_get_user (session));
}

/* The location of the kind named by code, or the warehouse's only active one of the kind. */
static RsLocation *
find_location (RsSession *session, RsWarehouse *warehouse, const char *code, RsLocationKind kind, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  const char *wh = rs_warehouse_get_code (warehouse);
  g_autoptr(GListModel) locations = NULL;
  g_autoptr(RsLocation) found = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  guint n = 0;

  if (code != NULL)
    {
      found = rs_locations_lookup (db, wh, code, error);
      if (found == NULL)
        return NULL;
      if (!rs_location_get_active (found))
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("The location %s of warehouse %s is deactivated."), code, wh), NULL;
      if (rs_location_get_kind (found) != kind)
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            /* TRANSLATORS: "The location A1 of warehouse WH1 is not a repair location (it is storage)." */
                            _("The location %s of warehouse %s is not a %s location (it is %s)."), code, wh,
                            rs_location_kind_get_display_name (kind),
                            rs_location_kind_get_display_name (rs_location_get_kind (found))), NULL;
      return g_steal_pointer (&found);
    }

  locations = rs_locations_list (session, wh, error);
  if (locations == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (locations); i++)
    {
      g_autoptr(RsLocation) location = g_list_model_get_item (locations, i);

      if (!rs_location_get_active (location) || rs_location_get_kind (location) != kind)
        continue;
      n++;
      g_string_append_printf (codes, "%s%s", codes->len > 0 ? ", " : "", rs_location_get_code (location));
      g_set_object (&found, location);
    }
  if (n == 1)
    return g_steal_pointer (&found);
  if (n == 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Warehouse %s has no %s location; the admin adds one (location add %s CODE --kind %s)."),
                        wh, rs_location_kind_get_display_name (kind), wh, rs_location_kind_get_key (kind)), NULL;
  return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                      _("Say which %s location of warehouse %s to use (…@LOCATION); it has %s."),
                      rs_location_kind_get_display_name (kind), wh, codes->str), NULL;
}

static RsWarehouse *
goods_warehouse (RsDatabase *db, RsReturn *ret, GError **error)
{
  gint64 id = 0;

  if (!rs_return_stage_warehouse (db, rs_return_get_id (ret), &id, error))
    return NULL;
  if (id == 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("Nothing of %s has been received yet."), rs_return_get_number (ret)), NULL;
  return rs_warehouses_lookup_by_id (db, id, error);
}

/* Whom the product was last bought from, for a return to vendor that names none. */
static char *
last_supplier (RsDatabase *db, gint64 product_id, const char *sku, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT sp.code FROM slip s JOIN slip_line l ON l.slip_id = s.id "
                              "JOIN supplier sp ON sp.id = s.supplier_id "
                              "WHERE l.product_id = ? AND s.state = 'posted' AND s.purpose = 'purchase' "
                              "ORDER BY s.posted_at DESC, s.id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, product_id);
  if (rs_statement_step (stmt, &local_error))
    return g_strdup (rs_statement_text (stmt, 0));
  if (local_error == NULL)
    g_set_error (&local_error, RS_ERROR, RS_ERROR_VALIDATION,
                 _("%s was never bought from a supplier here: say which supplier takes it back (%s:QTY:vendor@SUPPLIER)."),
                 sku, sku);
  g_propagate_error (error, local_error);
  return NULL;
}

static gint64
latest_inspection (RsDatabase *db, gint64 line_id)
{
  g_autoptr(RsStatement) stmt = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT max (id) FROM inspection WHERE return_line_id = ? AND state = 'finished'", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, line_id);
  return rs_statement_step (stmt, NULL) ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gint64
not_yet_disposed (RsReturnLine *line, gpointer data)
{
  GHashTable *taken = data;
  return line->inspected - line->disposed - GPOINTER_TO_SIZE (g_hash_table_lookup (taken, line));
}

static void
bind_id_or_null (RsStatement *stmt, int column, gint64 id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, column, id);
  else
    sqlite3_bind_null (stmt, column);
}

/* One disposition: its slip, its row, the line's count and, for scrap, the loss. */
static RsSlip *
dispose_one (RsSession *session, RsReturn *ret, RsWarehouse *warehouse, const RsDispositionFields *d,
             guint number, GHashTable *taken, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(RsReturnLine) line = NULL;
  g_autoptr(RsLocation) location = NULL;
  g_autoptr(RsSlip) slip = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *supplier = NULL;
  g_autofree char *remark = rs_return_stage_remark (ret);
  RsSlipLineFields slip_line = { d->sku, d->quantity, RS_LOCATION_QUARANTINE_CODE, NULL, -1 };
  RsSlipFields fields = { 0 };
  gint64 available, scrap_loss = 0, disposition_id;

  product = rs_products_lookup (db, d->sku, error);
  if (product == NULL)
    return g_prefix_error (error, _("Line %u: "), number), NULL;
  line = rs_return_stage_line (ret, rs_product_get_id (product), rs_product_get_sku (product),
                               not_yet_disposed, taken, error);
  if (line == NULL || !rs_return_stage_require_settled_line (db, ret, line, error))
    return g_prefix_error (error, _("Line %u: "), number), NULL;
  available = not_yet_disposed (line, taken);
  if (d->quantity <= 0 || d->quantity > available)
    {
      g_autofree char *inspected = rs_quantity_format (line->inspected, line->decimals);
      g_autofree char *disposed = rs_quantity_format (line->inspected - available, line->decimals);
      g_autofree char *asked = rs_quantity_format (d->quantity, line->decimals);

      return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                          _("Line %u (%s) of %s: %s %s inspected, %s %s disposed of; %s %s more cannot be disposed of."),
                          line->number, line->sku, rs_return_get_number (ret), inspected, line->unit,
                          disposed, line->unit, asked, line->unit), NULL;
    }
  if (d->kind == RS_DISPOSITION_SCRAP && d->target != NULL)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("Line %u: scrapped goods leave from quarantine; scrap takes no @LOCATION."), number), NULL;

  fields.warehouse = rs_warehouse_get_code (warehouse);
  fields.remark = remark;
  fields.lines = &slip_line;
  fields.n_lines = 1;
  switch (d->kind)
    {
    case RS_DISPOSITION_RESTOCK:
    case RS_DISPOSITION_REPAIR:
      location = find_location (session, warehouse, d->target,
                                d->kind == RS_DISPOSITION_RESTOCK ? RS_LOCATION_STORAGE : RS_LOCATION_REPAIR, error);
      if (location == NULL)
        return g_prefix_error (error, _("Line %u: "), number), NULL;
      fields.kind = RS_SLIP_TRANSFER;
      fields.purpose = d->kind == RS_DISPOSITION_RESTOCK ? "restock" : "repair";
      slip_line.to_location = rs_location_get_code (location);
      break;
    case RS_DISPOSITION_SCRAP:
      fields.kind = RS_SLIP_OUT;
      fields.purpose = "scrap";
      /* The loss is what the goods are worth now, before they leave. */
      scrap_loss = rs_return_line_amount (d->quantity, rs_product_get_avg_cost (product));
      break;
    case RS_DISPOSITION_VENDOR:
      supplier = d->target != NULL ? g_strdup (d->target)
                                   : last_supplier (db, rs_product_get_id (product), rs_product_get_sku (product), error);
      if (supplier == NULL)
        return g_prefix_error (error, _("Line %u: "), number), NULL;
      fields.kind = RS_SLIP_OUT;
      fields.purpose = "return-to-vendor";
      fields.partner = supplier;
      break;
    case RS_DISPOSITION_REPLACE:
      location = find_location (session, warehouse, d->target, RS_LOCATION_STORAGE, error);
      if (location == NULL)
        return g_prefix_error (error, _("Line %u: "), number), NULL;
      fields.kind = RS_SLIP_OUT;
      fields.purpose = "replacement";
      fields.partner = rs_return_get_customer_code (ret);
      slip_line.location = rs_location_get_code (location);
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  slip = rs_slips_create_posted_for_workflow (session, &fields, error);
  if (slip == NULL)
    return g_prefix_error (error, _("Line %u: "), number), NULL;

  stmt = rs_database_prepare (db,
                              "INSERT INTO return_disposition (return_id, return_line_id, inspection_id, kind, quantity, "
                              "                                location_id, supplier_id, slip_id, state, scrap_loss, "
                              "                                created_by, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  sqlite3_bind_int64 (stmt, 2, line->id);
  bind_id_or_null (stmt, 3, latest_inspection (db, line->id));
  sqlite3_bind_text (stmt, 4, rs_disposition_kind_get_key (d->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, d->quantity);
  bind_id_or_null (stmt, 6, location != NULL ? rs_location_get_id (location) : 0);
  bind_id_or_null (stmt, 7, d->kind == RS_DISPOSITION_VENDOR ? slip->partner_id : 0);
  sqlite3_bind_int64 (stmt, 8, rs_slip_get_id (slip));
  sqlite3_bind_text (stmt, 9, d->kind == RS_DISPOSITION_REPAIR ? "in-repair" : "done", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, scrap_loss);
  sqlite3_bind_int64 (stmt, 11, session_user_id (session));
  sqlite3_bind_int64 (stmt, 12, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;
  disposition_id = rs_database_last_insert_id (db);
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db, "UPDATE return_line SET disposed_quantity = disposed_quantity + ? WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, d->quantity);
  sqlite3_bind_int64 (stmt, 2, line->id);
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_hash_table_insert (taken, line, GSIZE_TO_POINTER (GPOINTER_TO_SIZE (g_hash_table_lookup (taken, line)) + d->quantity));

  if (d->kind == RS_DISPOSITION_SCRAP && scrap_loss > 0)
    {
      g_clear_pointer (&stmt, rs_statement_release);
      stmt = rs_database_prepare (db,
                                  "INSERT INTO return_cost (return_id, kind, amount, remark, disposition_id, created_by, "
                                  "                         created_at) VALUES (?, 'scrap-loss', ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
      sqlite3_bind_int64 (stmt, 2, scrap_loss);
      sqlite3_bind_text (stmt, 3, rs_slip_get_number (slip), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, disposition_id);
      sqlite3_bind_int64 (stmt, 5, session_user_id (session));
      sqlite3_bind_int64 (stmt, 6, rs_clock_now ());
      if (!rs_statement_run (stmt, error))
        return NULL;
    }
  return g_steal_pointer (&slip);
}

RsReturn *
rs_returns_dispose (RsSession *session, const char *number, const RsDispositionFields *lines, guint n_lines,
                    GError **error)
{
  static const RsReturnState disposable[] = { RS_RETURN_RECEIVING, RS_RETURN_RECEIVED, RS_RETURN_INSPECTED };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) after = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) comment = g_string_new (NULL);
  g_autoptr(GString) refs = g_string_new (NULL);

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_DISPOSE, error))
    return NULL;
  if (n_lines == 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("Say what happens to which goods: at least one line.")), NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_return_load (db, number, error);
  if (before == NULL ||
      !rs_return_require_state (before, disposable, G_N_ELEMENTS (disposable), _("dispose of goods of"), error))
    return NULL;
  warehouse = goods_warehouse (db, before, error);
  if (warehouse == NULL)
    return NULL;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(RsSlip) slip = dispose_one (session, before, warehouse, &lines[i], i + 1, taken, error);
      g_autofree char *quantity = rs_quantity_to_decimal (lines[i].quantity);

      if (slip == NULL)
        return NULL;
      g_string_append_printf (comment, "%s%s ×%s %s", i > 0 ? "; " : "", lines[i].sku, quantity,
                              rs_disposition_kind_get_display_name (lines[i].kind));
      g_string_append_printf (refs, "%s%s", i > 0 ? " " : "", rs_slip_get_number (slip));
    }

  after = rs_return_advance (session, before, "return.dispose", comment->str, refs->str, error);
  if (after == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}

/* ---- back from repair -------------------------------------------------------- */

typedef struct
{
  gint64 id;
  gint64 quantity;
  char  *location;
} InRepair;

static void
in_repair_clear (gpointer data)
{
  g_free (((InRepair *) data)->location);
}

static GArray *
in_repair (RsDatabase *db, RsReturn *ret, gint64 product_id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (InRepair));
  GError *local_error = NULL;

  g_array_set_clear_func (found, in_repair_clear);
  stmt = rs_database_prepare (db,
                              "SELECT d.id, d.quantity, lo.code FROM return_disposition d "
                              "JOIN return_line l ON l.id = d.return_line_id JOIN location lo ON lo.id = d.location_id "
                              "WHERE d.return_id = ? AND l.product_id = ? AND d.state = 'in-repair' ORDER BY d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  sqlite3_bind_int64 (stmt, 2, product_id);
  while (rs_statement_step (stmt, &local_error))
    {
      InRepair r = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                     g_strdup (rs_statement_text (stmt, 2)) };
      g_array_append_val (found, r);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return g_steal_pointer (&found);
}

RsReturn *
rs_returns_repaired (RsSession *session, const char *number, const RsRepairFields *lines, guint n_lines,
                     GError **error)
{
  static const RsReturnState states[] = {
    RS_RETURN_RECEIVING, RS_RETURN_RECEIVED, RS_RETURN_INSPECTED, RS_RETURN_DISPOSED, RS_RETURN_SETTLED,
  };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) after = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(RsSlip) slip = NULL;
  g_autoptr(GArray) slip_lines = g_array_new (FALSE, TRUE, sizeof (RsSlipLineFields));
  g_autoptr(GArray) ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *remark = NULL;
  RsSlipFields fields = { 0 };

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_DISPOSE, error))
    return NULL;
  if (n_lines == 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("Say which goods came back from repair: at least one line.")), NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_return_load (db, number, error);
  if (before == NULL ||
      !rs_return_require_state (before, states, G_N_ELEMENTS (states), _("bring back repaired goods of"), error))
    return NULL;
  warehouse = goods_warehouse (db, before, error);
  if (warehouse == NULL)
    return NULL;

  for (guint i = 0; i < n_lines; i++)
    {
      g_autoptr(RsProduct) product = rs_products_lookup (db, lines[i].sku, error);
      g_autoptr(RsLocation) storage = NULL;
      g_autoptr(GString) sizes = g_string_new (NULL);
      GArray *found;
      gint64 sum = 0;
      guint used = 0;

      if (product == NULL)
        return NULL;
      found = in_repair (db, before, rs_product_get_id (product), error);
      if (found == NULL)
        return NULL;
      g_ptr_array_add (keep, found);
      /* A line named twice takes the dispositions the first did not. */
      for (guint j = 0; j < found->len; j++)
        for (guint k = 0; k < ids->len; k++)
          if (g_array_index (ids, gint64, k) == g_array_index (found, InRepair, j).id)
            g_array_index (found, InRepair, j).quantity = 0;
      for (guint j = 0; j < found->len; j++)
        {
          InRepair *r = &g_array_index (found, InRepair, j);
          g_autofree char *text = NULL;

          if (r->quantity == 0)
            continue;
          text = rs_quantity_to_decimal (r->quantity);
          g_string_append_printf (sizes, "%s%s", sizes->len > 0 ? ", " : "", text);
          if (lines[i].quantity == 0 || sum < lines[i].quantity)
            {
              sum += r->quantity;
              used = j + 1;
            }
        }
      if (sizes->len == 0)
        return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                            _("Nothing of %s from %s is in repair."), rs_product_get_sku (product), number), NULL;
      if (lines[i].quantity != 0 && sum != lines[i].quantity)
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("%s comes back from repair as it went in: in repair are %s (oldest first)."),
                            rs_product_get_sku (product), sizes->str), NULL;

      storage = find_location (session, warehouse, lines[i].location, RS_LOCATION_STORAGE, error);
      if (storage == NULL)
        return NULL;
      for (guint j = 0; j < used; j++)
        {
          InRepair *r = &g_array_index (found, InRepair, j);
          RsSlipLineFields line = { rs_product_get_sku (product), r->quantity, r->location,
                                    rs_location_get_code (storage), -1 };

          if (r->quantity == 0)
            continue;
          g_array_append_val (slip_lines, line);
          g_array_append_val (ids, r->id);
        }
      g_ptr_array_add (targets, g_steal_pointer (&storage));
      g_ptr_array_add (targets, g_steal_pointer (&product));   /* the SKU strings above point into it */
    }

  remark = rs_return_stage_remark (before);
  fields.kind = RS_SLIP_TRANSFER;
  fields.purpose = "repair-back";
  fields.warehouse = rs_warehouse_get_code (warehouse);
  fields.remark = remark;
  fields.lines = (const RsSlipLineFields *) (gpointer) slip_lines->data;
  fields.n_lines = slip_lines->len;
  slip = rs_slips_create_posted_for_workflow (session, &fields, error);
  if (slip == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RsStatement) stmt = NULL;

      stmt = rs_database_prepare (db,
                                  "UPDATE return_disposition SET state = 'done', back_slip_id = ?, repaired_at = ? "
                                  "WHERE id = ?", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, rs_slip_get_id (slip));
      sqlite3_bind_int64 (stmt, 2, rs_clock_now ());
      sqlite3_bind_int64 (stmt, 3, g_array_index (ids, gint64, i));
      if (!rs_statement_run (stmt, error))
        return NULL;
    }

  after = rs_return_change (session, before, "return.repair-back", -1, NULL, rs_slip_get_number (slip), error);
  if (after == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}

/* ---- what `return show --json` tells ----------------------------------------- */

JsonNode *
rs_disposition_describe_return (RsDatabase *db, RsReturn *ret, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT l.line_no, p.sku, d.kind, d.quantity, lo.code, sp.code, s.number, d.state, "
                              "       b.number, d.repaired_at, d.scrap_loss, i.number, u.name, d.created_at "
                              "FROM return_disposition d JOIN return_line l ON l.id = d.return_line_id "
                              "JOIN product p ON p.id = l.product_id LEFT JOIN location lo ON lo.id = d.location_id "
                              "LEFT JOIN supplier sp ON sp.id = d.supplier_id LEFT JOIN slip s ON s.id = d.slip_id "
                              "LEFT JOIN slip b ON b.id = d.back_slip_id LEFT JOIN inspection i ON i.id = d.inspection_id "
                              "JOIN user u ON u.id = d.created_by "
                              "WHERE d.return_id = ? ORDER BY d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  json_builder_begin_array (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      json_builder_begin_object (builder);
      rs_json_add_int (builder, "line", sqlite3_column_int (stmt, 0));
      rs_json_add_string (builder, "sku", rs_statement_text (stmt, 1));
      rs_json_add_string (builder, "kind", rs_statement_text (stmt, 2));
      rs_stage_json_add_quantity (builder, "quantity", sqlite3_column_int64 (stmt, 3));
      rs_json_add_string (builder, "location", (const char *) sqlite3_column_text (stmt, 4));
      rs_json_add_string (builder, "supplier", (const char *) sqlite3_column_text (stmt, 5));
      rs_json_add_string (builder, "slip", (const char *) sqlite3_column_text (stmt, 6));
      rs_json_add_string (builder, "state", rs_statement_text (stmt, 7));
      rs_json_add_string (builder, "back_slip", (const char *) sqlite3_column_text (stmt, 8));
      rs_stage_json_add_time (builder, "repaired_at", sqlite3_column_int64 (stmt, 9));
      rs_json_add_money (builder, "scrap_loss", sqlite3_column_int64 (stmt, 10));
      rs_json_add_string (builder, "inspection", (const char *) sqlite3_column_text (stmt, 11));
      rs_json_add_string (builder, "created_by", rs_statement_text (stmt, 12));
      rs_stage_json_add_time (builder, "created_at", sqlite3_column_int64 (stmt, 13));
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
