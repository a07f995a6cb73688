/* rs-inspection.c — inspections (检验单, JY…) of returned goods: start, results, verdict, photos. */
#include "rs-inspection.h"
#include "rs-inspection-private.h"
#include "rs-return-stage-private.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-money.h"
#include "rs-number.h"
#include "rs-permission.h"
#include "rs-products.h"
#include "rs-time-check.h"
#include "rs-validate.h"

#include <string.h>

#define MAX_TEXT_CHARS 500

static const struct {
  const char *key;
  const char *name;
} verdicts[] = {
  [RS_VERDICT_PASS] = { "pass", N_("Pass") },
  [RS_VERDICT_FAIL] = { "fail", N_("Fail") },
};

const char *
rs_verdict_get_key (RsVerdict verdict)
{
  g_return_val_if_fail (verdict <= RS_VERDICT_FAIL, NULL);
  return verdicts[verdict].key;
}

const char *
rs_verdict_get_display_name (RsVerdict verdict)
{
  g_return_val_if_fail (verdict <= RS_VERDICT_FAIL, NULL);
  return _(verdicts[verdict].name);
}

gboolean
rs_verdict_parse (const char *key, RsVerdict *verdict, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (verdicts); i++)
    if (g_strcmp0 (key, verdicts[i].key) == 0)
      {
        *verdict = i;
        return TRUE;
      }
  return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                      _("“%s” is no verdict: use pass or fail."), key != NULL ? key : ""), FALSE;
}

char *
rs_inspection_format_measure (gint64 milli)
{
  g_autofree char *text = rs_quantity_to_decimal (milli < 0 ? -milli : milli);
  return milli < 0 ? g_strconcat ("-", text, NULL) : g_steal_pointer (&text);
}

/* ---- the object ------------------------------------------------------------- */

struct _RsInspection
{
  GObject    parent_instance;
  gint64     id;
  char      *number;
  gint64     return_id;
  char      *return_number;
  gint64     line_id;
  guint      line_number;
  char      *sku;
  char      *template_code;
  char      *template_name;
  gint64     quantity;
  gboolean   finished;
  char      *started_by;
  gint64     started_at;
  char      *finished_by;
  gint64     finished_at;
  RsVerdict  computed_verdict;
  RsVerdict  verdict;
  char      *remark;
  JsonNode  *results;   /* array */
  JsonNode  *photos;    /* array */
};

G_DEFINE_FINAL_TYPE (RsInspection, rs_inspection, G_TYPE_OBJECT)

static void
rs_inspection_finalize (GObject *object)
{
  RsInspection *self = RS_INSPECTION (object);

  g_free (self->number);
  g_free (self->return_number);
  g_free (self->sku);
  g_free (self->template_code);
  g_free (self->template_name);
  g_free (self->started_by);
  g_free (self->finished_by);
  g_free (self->remark);
  g_clear_pointer (&self->results, json_node_unref);
  g_clear_pointer (&self->photos, json_node_unref);
  G_OBJECT_CLASS (rs_inspection_parent_class)->finalize (object);
}

static void
rs_inspection_class_init (RsInspectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_inspection_finalize;
}

static void
rs_inspection_init (RsInspection *self)
{
}

const char *rs_inspection_get_number (RsInspection *self) { return self->number; }
const char *rs_inspection_get_return_number (RsInspection *self) { return self->return_number; }
const char *rs_inspection_get_sku (RsInspection *self) { return self->sku; }
guint rs_inspection_get_line_number (RsInspection *self) { return self->line_number; }
gint64 rs_inspection_get_quantity (RsInspection *self) { return self->quantity; }
gboolean rs_inspection_get_finished (RsInspection *self) { return self->finished; }
gint64 rs_inspection_get_started_at (RsInspection *self) { return self->started_at; }
gint64 rs_inspection_get_finished_at (RsInspection *self) { return self->finished_at; }
RsVerdict rs_inspection_get_computed_verdict (RsInspection *self) { return self->computed_verdict; }
RsVerdict rs_inspection_get_verdict (RsInspection *self) { return self->verdict; }

JsonNode *
rs_inspection_to_json (RsInspection *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rs_json_add_string (builder, "number", self->number);
  rs_json_add_string (builder, "return", self->return_number);
  rs_json_add_int (builder, "line", self->line_number);
  rs_json_add_string (builder, "sku", self->sku);
  rs_json_add_string (builder, "template", self->template_code);
  rs_json_add_string (builder, "template_name", self->template_name);
  rs_stage_json_add_quantity (builder, "quantity", self->quantity);
  rs_json_add_string (builder, "state", self->finished ? "finished" : "open");
  rs_json_add_string (builder, "started_by", self->started_by);
  rs_stage_json_add_time (builder, "started_at", self->started_at);
  rs_json_add_string (builder, "finished_by", self->finished_by);
  rs_stage_json_add_time (builder, "finished_at", self->finished_at);
  rs_json_add_string (builder, "computed_verdict", self->finished ? rs_verdict_get_key (self->computed_verdict) : NULL);
  rs_json_add_string (builder, "verdict", self->finished ? rs_verdict_get_key (self->verdict) : NULL);
  rs_json_add_string (builder, "remark", self->remark);
  json_builder_set_member_name (builder, "results");
  json_builder_add_value (builder, json_node_copy (self->results));
  json_builder_set_member_name (builder, "photos");
  json_builder_add_value (builder, json_node_copy (self->photos));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- reading ------------------------------------------------------------------ */

#define INSPECTION_SELECT \
  "SELECT i.id, i.number, i.return_id, r.number, i.return_line_id, l.line_no, p.sku, t.code, i.quantity, " \
  "       i.state, su.name, i.started_at, fu.name, i.finished_at, i.computed_verdict, i.verdict, i.remark, t.name " \
  "FROM inspection i JOIN customer_return r ON r.id = i.return_id " \
  "JOIN return_line l ON l.id = i.return_line_id JOIN product p ON p.id = l.product_id " \
  "JOIN inspection_template t ON t.id = i.template_id JOIN user su ON su.id = i.started_by " \
  "LEFT JOIN user fu ON fu.id = i.finished_by "

static JsonNode *
load_results (RsDatabase *db, gint64 id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT it.key, it.name, it.kind, it.unit, it.required, x.check_value, x.measure_value, "
                              "       x.text_value, x.passed, it.min_value, it.max_value "
                              "FROM inspection_result x JOIN inspection_template_item it ON it.id = x.item_id "
                              "WHERE x.inspection_id = ? ORDER BY it.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  json_builder_begin_array (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      const char *kind = rs_statement_text (stmt, 2);

      json_builder_begin_object (builder);
      rs_json_add_string (builder, "key", rs_statement_text (stmt, 0));
      rs_json_add_string (builder, "name", rs_inspection_display_name (rs_statement_text (stmt, 1)));
      rs_json_add_string (builder, "kind", kind);
      rs_json_add_bool (builder, "required", sqlite3_column_int (stmt, 4) != 0);
      json_builder_set_member_name (builder, "value");
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        json_builder_add_string_value (builder, rs_statement_text (stmt, 5));
      else if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          g_autofree char *text = rs_inspection_format_measure (sqlite3_column_int64 (stmt, 6));
          json_builder_add_string_value (builder, text);
        }
      else if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        json_builder_add_string_value (builder, rs_statement_text (stmt, 7));
      else
        json_builder_add_null_value (builder);
      rs_json_add_string (builder, "unit", rs_statement_text (stmt, 3));
      /* A measurement's range, what the printed report shows beside the value. */
      for (int column = 9; column <= 10; column++)
        {
          g_autofree char *bound = sqlite3_column_type (stmt, column) != SQLITE_NULL ?
                                   rs_inspection_format_measure (sqlite3_column_int64 (stmt, column)) : NULL;
          rs_json_add_string (builder, column == 9 ? "min" : "max", bound);
        }
      rs_json_add_bool (builder, "passed", sqlite3_column_int (stmt, 8) != 0);
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
load_photos (RsDatabase *db, gint64 id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT it.key, ph.file_name, ph.sha256, ph.content_type, ph.size "
                              "FROM inspection_photo ph LEFT JOIN inspection_result x ON x.id = ph.result_id "
                              "LEFT JOIN inspection_template_item it ON it.id = x.item_id "
                              "WHERE ph.inspection_id = ? ORDER BY ph.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  json_builder_begin_array (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      json_builder_begin_object (builder);
      rs_json_add_string (builder, "item", (const char *) sqlite3_column_text (stmt, 0));
      rs_json_add_string (builder, "file_name", rs_statement_text (stmt, 1));
      rs_json_add_string (builder, "sha256", rs_statement_text (stmt, 2));
      rs_json_add_string (builder, "content_type", rs_statement_text (stmt, 3));
      rs_json_add_int (builder, "size", sqlite3_column_int64 (stmt, 4));
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static RsInspection *
load_where (RsDatabase *db, const char *where, const char *number, gint64 id, GError **error)
{
  g_autofree char *sql = g_strconcat (INSPECTION_SELECT, where, NULL);
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsInspection) self = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (number != NULL)
    sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no inspection numbered “%s”."),
                     number != NULL ? number : "");
      return g_propagate_error (error, local_error), NULL;
    }
  self = g_object_new (RS_TYPE_INSPECTION, NULL);
  self->id = sqlite3_column_int64 (stmt, 0);
  self->number = g_strdup (rs_statement_text (stmt, 1));
  self->return_id = sqlite3_column_int64 (stmt, 2);
  self->return_number = g_strdup (rs_statement_text (stmt, 3));
  self->line_id = sqlite3_column_int64 (stmt, 4);
  self->line_number = sqlite3_column_int (stmt, 5);
  self->sku = g_strdup (rs_statement_text (stmt, 6));
  self->template_code = g_strdup (rs_statement_text (stmt, 7));
  self->quantity = sqlite3_column_int64 (stmt, 8);
  self->finished = g_str_equal (rs_statement_text (stmt, 9), "finished");
  self->started_by = g_strdup (rs_statement_text (stmt, 10));
  self->started_at = sqlite3_column_int64 (stmt, 11);
  self->finished_by = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
  self->finished_at = sqlite3_column_int64 (stmt, 13);
  self->computed_verdict = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 14), "fail") == 0 ? RS_VERDICT_FAIL : RS_VERDICT_PASS;
  self->verdict = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 15), "fail") == 0 ? RS_VERDICT_FAIL : RS_VERDICT_PASS;
  self->remark = g_strdup (rs_statement_text (stmt, 16));
  self->template_name = g_strdup (rs_inspection_display_name (rs_statement_text (stmt, 17)));
  g_clear_pointer (&stmt, rs_statement_release);

  self->results = load_results (db, self->id, error);
  if (self->results == NULL)
    return NULL;
  self->photos = load_photos (db, self->id, error);
  if (self->photos == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

static RsInspection *
load_inspection (RsDatabase *db, const char *number, GError **error)
{
  if (number == NULL || *number == '\0')
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("Give the number of an inspection (JY…).")), NULL;
  return load_where (db, "WHERE i.number = ?", number, 0, error);
}

RsInspection *
rs_inspections_lookup (RsSession *session, const char *number, GError **error)
{
  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  return load_inspection (rs_session_get_database (session), number, error);
}

JsonNode *
rs_inspection_describe_return (RsDatabase *db, RsReturn *ret, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db, "SELECT id FROM inspection WHERE return_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  while (rs_statement_step (stmt, &local_error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RsInspection) inspection = load_where (db, "WHERE i.id = ?", NULL, g_array_index (ids, gint64, i), error);
      if (inspection == NULL)
        return NULL;
      json_builder_add_value (builder, rs_inspection_to_json (inspection));
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* ---- starting ----------------------------------------------------------------- */

static const RsReturnState inspectable[] = { RS_RETURN_RECEIVING, RS_RETURN_RECEIVED };

/* Quantities of a line under inspection now (open inspections). */
static gboolean
open_quantity (RsDatabase *db, gint64 line_id, gint64 *quantity, char **number, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT coalesce (sum (quantity), 0), max (number) FROM inspection "
                              "WHERE return_line_id = ? AND state = 'open'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, line_id);
  if (!rs_statement_step (stmt, &local_error))
    return g_propagate_error (error, local_error), FALSE;
  *quantity = sqlite3_column_int64 (stmt, 0);
  if (number != NULL)
    *number = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  return TRUE;
}

static gint64
not_yet_inspected (RsReturnLine *line, gpointer data)
{
  gint64 open = 0;

  if (!open_quantity (data, line->id, &open, NULL, NULL))
    return 0;
  return line->received - line->inspected - open;
}

static gboolean
choose_template (RsDatabase *db, gint64 product_id, gint64 *template_id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT t.id FROM inspection_template t WHERE t.active = 1 AND "
                              "  (t.category_id = (SELECT category_id FROM product WHERE id = ?) OR t.is_default = 1) "
                              "ORDER BY t.is_default LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND,
                             _("There is no checklist for this product and no default checklist."));
      return g_propagate_error (error, local_error), FALSE;
    }
  *template_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static RsInspection *
start (RsSession *session, RsReturn *before, const char *sku, gint64 quantity, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(RsReturnLine) line = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsReturn) after = NULL;
  g_autofree char *number = NULL;
  gint64 open = 0, available, template_id = 0, id;
  gint64 now = rs_clock_now ();

  product = rs_products_lookup (db, sku, error);
  if (product == NULL)
    return NULL;
  line = rs_return_stage_line (before, rs_product_get_id (product), rs_product_get_sku (product),
                               not_yet_inspected, db, error);
  if (line == NULL || !rs_return_stage_require_settled_line (db, before, line, error) ||
      !open_quantity (db, line->id, &open, NULL, error))
    return NULL;
  available = line->received - line->inspected - open;
  if (quantity == 0)
    quantity = available;
  if (quantity <= 0 || quantity > available)
    {
      g_autofree char *received = rs_quantity_format (line->received, line->decimals);
      g_autofree char *done = rs_quantity_format (line->inspected + open, line->decimals);
      g_autofree char *asked = rs_quantity_format (quantity, line->decimals);

      return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                          _("Line %u (%s) of %s: %s %s received, %s %s inspected or being inspected; "
                            "%s %s more cannot be inspected."),
                          line->number, line->sku, rs_return_get_number (before), received, line->unit,
                          done, line->unit, asked, line->unit), NULL;
    }
  if (!choose_template (db, line->product_id, &template_id, error))
    return NULL;

  number = rs_number_next (db, RS_NUMBER_PREFIX_INSPECTION, now, error);
  if (number == NULL)
    return NULL;
  stmt = rs_database_prepare (db,
                              "INSERT INTO inspection (number, return_id, return_line_id, template_id, quantity, "
                              "                        started_by, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rs_return_get_id (before));
  sqlite3_bind_int64 (stmt, 3, line->id);
  sqlite3_bind_int64 (stmt, 4, template_id);
  sqlite3_bind_int64 (stmt, 5, quantity);
  sqlite3_bind_int64 (stmt, 6, rs_user_get_id (rs_session_get_user (session)));
  sqlite3_bind_int64 (stmt, 7, now);
  if (!rs_statement_run (stmt, error))
    return NULL;
  id = rs_database_last_insert_id (db);

  after = rs_return_change (session, before, "return.inspection-start", -1, NULL, number, error);
  if (after == NULL)
    return NULL;
  return load_where (db, "WHERE i.id = ?", NULL, id, error);
}

RsInspection *
rs_inspections_start (RsSession *session, const char *return_number, const char *sku, gint64 quantity,
                      GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsInspection) inspection = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_INSPECT, error))
    return NULL;
  if (quantity < 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("The quantity must be more than zero.")), NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_return_load (db, return_number, error);
  if (before == NULL ||
      !rs_return_require_state (before, inspectable, G_N_ELEMENTS (inspectable), _("inspect goods of"), error))
    return NULL;
  inspection = start (session, before, sku, quantity, error);
  if (inspection == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&inspection);
}

/* ---- finishing ---------------------------------------------------------------- */

typedef struct
{
  gint64               id;
  char                *key;
  char                *name;
  RsInspectionItemKind kind;
  gboolean             has_min, has_max;
  gint64               min_value, max_value;
  gboolean             required;
  /* The result */
  const char          *value;
  gboolean             has_result;
  gboolean             passed;
  gint64               measure;
  guint                n_photos;
  gint64               result_id;
} Item;

static void
item_clear (gpointer data)
{
  Item *item = data;
  g_free (item->key);
  g_free (item->name);
}

/* The items of the inspection's checklist, or (inspection_id 0) of the template's. */
static GArray *
load_items (RsDatabase *db, gint64 inspection_id, gint64 template_id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (Item));
  GError *local_error = NULL;

  g_array_set_clear_func (items, item_clear);
  stmt = rs_database_prepare (db,
                              "SELECT it.id, it.key, it.name, it.kind, it.min_value, it.max_value, it.required "
                              "FROM inspection_template_item it "
                              "WHERE it.template_id = coalesce ((SELECT template_id FROM inspection WHERE id = ?1), ?2) "
                              "ORDER BY it.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, inspection_id);
  sqlite3_bind_int64 (stmt, 2, template_id);
  while (rs_statement_step (stmt, &local_error))
    {
      Item item = { 0 };

      item.id = sqlite3_column_int64 (stmt, 0);
      item.key = g_strdup (rs_statement_text (stmt, 1));
      item.name = g_strdup (rs_inspection_display_name (rs_statement_text (stmt, 2)));
      rs_inspection_item_kind_parse (rs_statement_text (stmt, 3), &item.kind, NULL);
      item.has_min = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
      item.min_value = sqlite3_column_int64 (stmt, 4);
      item.has_max = sqlite3_column_type (stmt, 5) != SQLITE_NULL;
      item.max_value = sqlite3_column_int64 (stmt, 5);
      item.required = sqlite3_column_int (stmt, 6) != 0;
      g_array_append_val (items, item);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return g_steal_pointer (&items);
}

static Item *
find_item (GArray *items, const char *key)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      if (key != NULL && g_ascii_strcasecmp (item->key, key) == 0)
        return item;
    }
  return NULL;
}

static char *
list_keys (GArray *items)
{
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", g_array_index (items, Item, i).key);
  return g_string_free (keys, FALSE);
}

static gboolean
unknown_key (GArray *items, const char *key, GError **error)
{
  g_autofree char *keys = list_keys (items);

  return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                      _("The checklist has no item “%s”; its items are %s."), key != NULL ? key : "", keys), FALSE;
}

/* "-12.5" → -12500 thousandths. */
static gboolean
parse_measure (const char *text, gint64 *milli, GError **error)
{
  gboolean negative = text != NULL && text[0] == '-';

  if (!rs_quantity_parse (negative ? text + 1 : text, 3, milli, error))
    return FALSE;
  if (negative)
    *milli = -*milli;
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Puts the typed values and photos against the items and decides each; refuses what is
 * missing or malformed. With incomplete (a preview), what is missing goes there instead
 * (the first such message) and the items without a result are left undecided. */
static gboolean
evaluate (GArray *items, const RsInspectionFields *fields, guint *line_photos, char **incomplete, GError **error)
{
  *line_photos = 0;
  for (guint i = 0; i < fields->n_values; i++)
    {
      Item *item = find_item (items, fields->values[i].key);

      if (item == NULL)
        return unknown_key (items, fields->values[i].key, error);
      if (item->value != NULL)
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("The item %s is given twice."), item->key), FALSE;
      if (item->kind == RS_INSPECTION_ITEM_PHOTO)
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("The item %s is a photo: add it with --photo %s=FILE."), item->key, item->key), FALSE;
      item->value = fields->values[i].value != NULL ? fields->values[i].value : "";
    }
  for (guint i = 0; i < fields->n_photos; i++)
    {
      Item *item;

      if (fields->photos[i].key == NULL)
        {
          (*line_photos)++;
          continue;
        }
      item = find_item (items, fields->photos[i].key);
      if (item == NULL)
        return unknown_key (items, fields->photos[i].key, error);
      item->n_photos++;
    }

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      switch (item->kind)
        {
        case RS_INSPECTION_ITEM_CHECK:
          if (item->value == NULL)
            break;
          if (!g_str_equal (item->value, "pass") && !g_str_equal (item->value, "fail") && !g_str_equal (item->value, "na"))
            return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("The check %s takes pass, fail or na, not “%s”."), item->key, item->value), FALSE;
          item->has_result = TRUE;
          item->passed = !g_str_equal (item->value, "fail");
          break;
        case RS_INSPECTION_ITEM_MEASURE:
          if (item->value == NULL)
            break;
          if (!parse_measure (item->value, &item->measure, error))
            return g_prefix_error (error, _("The measurement %s: "), item->key), FALSE;
          item->has_result = TRUE;
          item->passed = !(item->has_min && item->measure < item->min_value) &&
                         !(item->has_max && item->measure > item->max_value);
          break;
        case RS_INSPECTION_ITEM_TEXT:
          if (item->value == NULL || is_blank (item->value))
            {
              item->value = NULL;
              break;
            }
          if (!rs_validate_text (item->value, item->name, MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error))
            return FALSE;
          item->has_result = TRUE;
          item->passed = TRUE;
          break;
        case RS_INSPECTION_ITEM_PHOTO:
          /* A photo of the whole line shows the item too. */
          item->has_result = TRUE;
          item->passed = item->n_photos + *line_photos > 0;
          if (item->required && !item->passed && incomplete != NULL)
            {
              item->has_result = FALSE;
              if (*incomplete == NULL)
                *incomplete = g_strdup_printf (_("%s needs a photo."), item->name);
              break;
            }
          if (item->required && !item->passed)
            return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("%s (%s) needs a photo: add --photo %s=FILE."), item->name, item->key, item->key), FALSE;
          break;
        }
      if (item->required && !item->has_result && incomplete != NULL)
        {
          if (*incomplete == NULL)
            *incomplete = g_strdup_printf (item->kind == RS_INSPECTION_ITEM_CHECK ? _("Give the result of %s.")
                                           : item->kind == RS_INSPECTION_ITEM_MEASURE ? _("Give the measurement of %s.")
                                           : item->kind == RS_INSPECTION_ITEM_TEXT ? _("Write %s.")
                                           : _("%s needs a photo."), item->name);
          continue;
        }
      if (item->required && !item->has_result)
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            item->kind == RS_INSPECTION_ITEM_CHECK ? _("Give the result of %s (%s): %s=pass, fail or na.")
                            : item->kind == RS_INSPECTION_ITEM_MEASURE ? _("Give the measurement of %s (%s): %s=VALUE.")
                            : _("Write %s (%s): %s=TEXT."),
                            item->name, item->key, item->key), FALSE;
    }
  return TRUE;
}

/* A required item failed → fail (DESIGN §2). */
static RsVerdict
compute_verdict (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      if (item->required && item->has_result && !item->passed)
        return RS_VERDICT_FAIL;
    }
  return RS_VERDICT_PASS;
}

static gboolean
write_results (RsDatabase *db, gint64 inspection_id, GArray *items, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  stmt = rs_database_prepare (db,
                              "INSERT INTO inspection_result (inspection_id, item_id, check_value, measure_value, "
                              "                               text_value, passed) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);

      if (!item->has_result)
        continue;
      sqlite3_bind_int64 (stmt, 1, inspection_id);
      sqlite3_bind_int64 (stmt, 2, item->id);
      if (item->kind == RS_INSPECTION_ITEM_CHECK)
        sqlite3_bind_text (stmt, 3, item->value, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 3);
      if (item->kind == RS_INSPECTION_ITEM_MEASURE)
        sqlite3_bind_int64 (stmt, 4, item->measure);
      else
        sqlite3_bind_null (stmt, 4);
      if (item->kind == RS_INSPECTION_ITEM_TEXT)
        sqlite3_bind_text (stmt, 5, item->value, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 5);
      sqlite3_bind_int (stmt, 6, item->passed ? 1 : 0);
      if (!rs_statement_run (stmt, error))
        return FALSE;
      item->result_id = rs_database_last_insert_id (db);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  return TRUE;
}

static gboolean
write_photos (RsSession *session, gint64 inspection_id, GArray *items, const RsInspectionFields *fields,
              GError **error)
{
  RsDatabase *db = rs_session_get_database (session);

  for (guint i = 0; i < fields->n_photos; i++)
    {
      RsStoredFile file = { 0 };
      g_autoptr(RsStatement) stmt = NULL;
      Item *item = find_item (items, fields->photos[i].key);
      gboolean written;

      if (!rs_return_store_file (db, fields->photos[i].path, &file, error))
        return FALSE;
      stmt = rs_database_prepare (db,
                                  "INSERT INTO inspection_photo (inspection_id, result_id, sha256, file_name, content_type, "
                                  "                              size, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        {
          rs_stored_file_clear (&file);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, inspection_id);
      if (item != NULL && item->result_id != 0)
        sqlite3_bind_int64 (stmt, 2, item->result_id);
      else
        sqlite3_bind_null (stmt, 2);
      sqlite3_bind_text (stmt, 3, file.sha256, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, file.file_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, file.content_type, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, file.size);
      sqlite3_bind_int64 (stmt, 7, rs_user_get_id (rs_session_get_user (session)));
      sqlite3_bind_int64 (stmt, 8, rs_clock_now ());
      written = rs_statement_run (stmt, error);
      rs_stored_file_clear (&file);
      if (!written)
        return FALSE;
    }
  return TRUE;
}

static RsInspection *
finish (RsSession *session, RsInspection *open, const RsInspectionFields *fields, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) after = NULL;
  g_autoptr(GArray) items = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  RsVerdict computed = RS_VERDICT_PASS, verdict;
  guint line_photos = 0;
  gint64 now = rs_clock_now ();

  if (open->finished)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("The inspection %s is already finished."), open->number), NULL;
  if (!rs_validate_text (fields->remark, _("remark"), RS_RETURN_MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error))
    return NULL;
  before = rs_return_load_by_id (db, open->return_id, error);
  if (before == NULL ||
      !rs_return_require_state (before, inspectable, G_N_ELEMENTS (inspectable), _("inspect goods of"), error))
    return NULL;

  items = load_items (db, open->id, 0, error);
  if (items == NULL || !evaluate (items, fields, &line_photos, NULL, error))
    return NULL;
  computed = compute_verdict (items);
  verdict = computed;
  if (fields->verdict >= 0)
    {
      if (computed == RS_VERDICT_FAIL && fields->verdict == RS_VERDICT_PASS)
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("The checklist fails %s; an inspector may make a verdict stricter, never milder."),
                            open->number), NULL;
      verdict = fields->verdict;
    }

  if (!write_results (db, open->id, items, error) || !write_photos (session, open->id, items, fields, error))
    return NULL;
  stmt = rs_database_prepare (db,
                              "UPDATE inspection SET state = 'finished', finished_by = ?, finished_at = ?, "
                              "                      computed_verdict = ?, verdict = ?, remark = ? WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_user_get_id (rs_session_get_user (session)));
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_text (stmt, 3, rs_verdict_get_key (computed), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, rs_verdict_get_key (verdict), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, fields->remark != NULL ? fields->remark : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, open->id);
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db, "UPDATE return_line SET inspected_quantity = inspected_quantity + ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, open->quantity);
  sqlite3_bind_int64 (stmt, 2, open->line_id);
  if (!rs_statement_run (stmt, error))
    return NULL;

  if (!rs_time_check_inspection (db, open->return_id, rs_return_get_receiving_at (before), error))
    return NULL;
  {
    g_autofree char *comment = g_strdup_printf ("%s: %s", open->sku, rs_verdict_get_display_name (verdict));
    after = rs_return_advance (session, before, "return.inspect", comment, open->number, error);
  }
  if (after == NULL)
    return NULL;
  return load_where (db, "WHERE i.id = ?", NULL, open->id, error);
}

RsInspection *
rs_inspections_finish (RsSession *session, const char *number, const RsInspectionFields *fields, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsInspection) open = NULL;
  g_autoptr(RsInspection) done = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_INSPECT, error))
    return NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  open = load_inspection (db, number, error);
  if (open == NULL)
    return NULL;
  done = finish (session, open, fields, error);
  if (done == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&done);
}

RsInspection *
rs_inspections_record (RsSession *session, const char *return_number, const char *sku, gint64 quantity,
                       const RsInspectionFields *fields, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(RsInspection) open = NULL;
  g_autoptr(RsInspection) done = NULL;
  GListModel *lines;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (fields != NULL, NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_INSPECT, error))
    return NULL;
  if (quantity < 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("The quantity must be more than zero.")), NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_return_load (db, return_number, error);
  if (before == NULL ||
      !rs_return_require_state (before, inspectable, G_N_ELEMENTS (inspectable), _("inspect goods of"), error))
    return NULL;
  product = rs_products_lookup (db, sku, error);
  if (product == NULL)
    return NULL;

  /* An inspection of the product's lines started earlier is the one this finishes. */
  lines = rs_return_get_lines (before);
  for (guint i = 0; i < g_list_model_get_n_items (lines) && open == NULL; i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);
      g_autofree char *number = NULL;
      gint64 open_qty = 0;

      if (line->product_id != rs_product_get_id (product))
        continue;
      if (!open_quantity (db, line->id, &open_qty, &number, error))
        return NULL;
      if (number != NULL)
        {
          open = load_inspection (db, number, error);
          if (open == NULL)
            return NULL;
        }
    }
  if (open != NULL && quantity != 0 && quantity != open->quantity)
    {
      g_autofree char *text = rs_quantity_to_decimal (open->quantity);
      return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                          _("%s is open for %s of %s: finish it with that quantity, or leave the quantity out."),
                          open->number, text, open->sku), NULL;
    }
  if (open == NULL)
    {
      open = start (session, before, sku, quantity, error);
      if (open == NULL)
        return NULL;
    }
  done = finish (session, open, fields, error);
  if (done == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&done);
}

/* ---- what a checklist would decide -------------------------------------------------- */

/* The template the product of `sku` is inspected with. */
static gboolean
template_for (RsSession *session, const char *sku, gint64 *template_id, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsProduct) product = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return FALSE;
  product = rs_products_lookup (db, sku, error);
  return product != NULL && choose_template (db, rs_product_get_id (product), template_id, error);
}

JsonNode *
rs_inspections_checklist (RsSession *session, const char *sku, GError **error)
{
  gint64 template_id = 0;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!template_for (session, sku, &template_id, error))
    return NULL;
  return rs_inspection_template_to_json (rs_session_get_database (session), template_id, error);
}

gboolean
rs_inspections_preview (RsSession *session, const char *sku, const RsInspectionFields *fields, RsVerdict *verdict,
                        GStrv *failed, char **incomplete, GError **error)
{
  g_autoptr(GArray) items = NULL;
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autofree char *missing = NULL;
  gint64 template_id = 0;
  guint line_photos = 0;

  g_return_val_if_fail (RS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  if (!template_for (session, sku, &template_id, error))
    return FALSE;
  items = load_items (rs_session_get_database (session), 0, template_id, error);
  if (items == NULL || !evaluate (items, fields, &line_photos, &missing, error))
    return FALSE;
  *verdict = compute_verdict (items);
  if (fields->verdict >= 0 && !(*verdict == RS_VERDICT_FAIL && fields->verdict == RS_VERDICT_PASS))
    *verdict = fields->verdict;
  for (guint i = 0; i < items->len; i++)
    {
      Item *item = &g_array_index (items, Item, i);
      if (item->has_result && !item->passed)
        g_strv_builder_add (keys, item->key);
    }
  if (failed != NULL)
    *failed = g_strv_builder_end (keys);
  if (incomplete != NULL)
    *incomplete = g_steal_pointer (&missing);
  return TRUE;
}
