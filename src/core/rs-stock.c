/* rs-stock.c */
#include "rs-stock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-list-index-private.h"
#include "rs-money.h"
#include "rs-paged-model.h"
#include "rs-permission.h"
#include "rs-products.h"
#include "rs-slip-private.h"
#include "rs-warehouses.h"

/* ---- RsStockLevel -------------------------------------------------------- */

struct _RsStockLevel
{
  GObject         parent_instance;
  char           *sku;
  char           *product_name;
  char           *unit;
  int             decimals;
  char           *warehouse_code;
  char           *location_code;
  RsLocationKind  location_kind;
  gint64          quantity;
  gint64          avg_cost;
};

G_DEFINE_FINAL_TYPE (RsStockLevel, rs_stock_level, G_TYPE_OBJECT)

static void
rs_stock_level_finalize (GObject *object)
{
  RsStockLevel *self = RS_STOCK_LEVEL (object);

  g_free (self->sku);
  g_free (self->product_name);
  g_free (self->unit);
  g_free (self->warehouse_code);
  g_free (self->location_code);
  G_OBJECT_CLASS (rs_stock_level_parent_class)->finalize (object);
}

static void
rs_stock_level_class_init (RsStockLevelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_stock_level_finalize;
}

static void
rs_stock_level_init (RsStockLevel *self)
{
}

const char *rs_stock_level_get_sku (RsStockLevel *self) { return self->sku; }
const char *rs_stock_level_get_product_name (RsStockLevel *self) { return self->product_name; }
const char *rs_stock_level_get_unit (RsStockLevel *self) { return self->unit; }
int rs_stock_level_get_decimals (RsStockLevel *self) { return self->decimals; }
const char *rs_stock_level_get_warehouse_code (RsStockLevel *self) { return self->warehouse_code; }
const char *rs_stock_level_get_location_code (RsStockLevel *self) { return self->location_code; }
RsLocationKind rs_stock_level_get_location_kind (RsStockLevel *self) { return self->location_kind; }
gint64 rs_stock_level_get_quantity (RsStockLevel *self) { return self->quantity; }
gint64 rs_stock_level_get_avg_cost (RsStockLevel *self) { return self->avg_cost; }

static void
add_string (JsonBuilder *builder, const char *member, const char *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

/* Exact, not rounded to the product's decimals: a difference of 0.001 must show. */
static char *
format_signed_quantity (gint64 quantity)
{
  g_autofree char *magnitude = rs_quantity_to_decimal (ABS (quantity));
  return g_strconcat (quantity < 0 ? "-" : "", magnitude, NULL);
}

JsonNode *
rs_stock_level_to_json (RsStockLevel *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *quantity = rs_quantity_to_decimal (self->quantity);
  g_autofree char *avg_cost = rs_money_to_decimal (self->avg_cost);

  json_builder_begin_object (builder);
  add_string (builder, "warehouse", self->warehouse_code);
  add_string (builder, "location", self->location_code);
  add_string (builder, "location_kind", rs_location_kind_get_key (self->location_kind));
  add_string (builder, "sku", self->sku);
  add_string (builder, "name", self->product_name);
  add_string (builder, "unit", self->unit);
  add_string (builder, "quantity", quantity);
  add_string (builder, "avg_cost", avg_cost);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- RsLedgerEntry ------------------------------------------------------- */

struct _RsLedgerEntry
{
  GObject   parent_instance;
  gint64    id;
  gint64    time;
  char     *sku;
  char     *unit;
  int       decimals;
  char     *warehouse_code;
  char     *location_code;
  gint64    quantity;
  gint64    unit_cost;
  gint64    balance;
  char     *slip_number;
  gboolean  reversal;
  char     *user;
};

G_DEFINE_FINAL_TYPE (RsLedgerEntry, rs_ledger_entry, G_TYPE_OBJECT)

static void
rs_ledger_entry_finalize (GObject *object)
{
  RsLedgerEntry *self = RS_LEDGER_ENTRY (object);

  g_free (self->sku);
  g_free (self->unit);
  g_free (self->warehouse_code);
  g_free (self->location_code);
  g_free (self->slip_number);
  g_free (self->user);
  G_OBJECT_CLASS (rs_ledger_entry_parent_class)->finalize (object);
}

static void
rs_ledger_entry_class_init (RsLedgerEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_ledger_entry_finalize;
}

static void
rs_ledger_entry_init (RsLedgerEntry *self)
{
}

gint64 rs_ledger_entry_get_id (RsLedgerEntry *self) { return self->id; }
gint64 rs_ledger_entry_get_time (RsLedgerEntry *self) { return self->time; }
const char *rs_ledger_entry_get_sku (RsLedgerEntry *self) { return self->sku; }
const char *rs_ledger_entry_get_unit (RsLedgerEntry *self) { return self->unit; }
int rs_ledger_entry_get_decimals (RsLedgerEntry *self) { return self->decimals; }
const char *rs_ledger_entry_get_warehouse_code (RsLedgerEntry *self) { return self->warehouse_code; }
const char *rs_ledger_entry_get_location_code (RsLedgerEntry *self) { return self->location_code; }
gint64 rs_ledger_entry_get_quantity (RsLedgerEntry *self) { return self->quantity; }
gint64 rs_ledger_entry_get_unit_cost (RsLedgerEntry *self) { return self->unit_cost; }
gint64 rs_ledger_entry_get_balance (RsLedgerEntry *self) { return self->balance; }
const char *rs_ledger_entry_get_slip_number (RsLedgerEntry *self) { return self->slip_number; }
gboolean rs_ledger_entry_get_reversal (RsLedgerEntry *self) { return self->reversal; }
const char *rs_ledger_entry_get_user (RsLedgerEntry *self) { return self->user; }

JsonNode *
rs_ledger_entry_to_json (RsLedgerEntry *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *time = rs_slip_format_time (self->time);
  g_autofree char *quantity = format_signed_quantity (self->quantity);
  g_autofree char *unit_cost = rs_money_to_decimal (self->unit_cost);
  g_autofree char *balance = format_signed_quantity (self->balance);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  add_string (builder, "time", time);
  add_string (builder, "sku", self->sku);
  add_string (builder, "warehouse", self->warehouse_code);
  add_string (builder, "location", self->location_code);
  add_string (builder, "quantity", quantity);
  add_string (builder, "balance", balance);
  add_string (builder, "unit", self->unit);
  add_string (builder, "unit_cost", unit_cost);
  add_string (builder, "slip", self->slip_number);
  json_builder_set_member_name (builder, "reversal");
  json_builder_add_boolean_value (builder, self->reversal);
  add_string (builder, "user", self->user);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- queries ------------------------------------------------------------- */

gboolean
rs_stock_get_on_hand (RsDatabase *db, gint64 product_id, gint64 location_id, gint64 *quantity, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (quantity != NULL, FALSE);

  stmt = rs_database_prepare (db, "SELECT quantity FROM stock_on_hand WHERE product_id = ? AND location_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  sqlite3_bind_int64 (stmt, 2, location_id);
  *quantity = rs_statement_step (stmt, &local_error) ? sqlite3_column_int64 (stmt, 0) : 0;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* Codes that name nothing are an error rather than an empty list: a typo should not look like "no stock". */
static gboolean
resolve_filters (RsDatabase *db, const char *warehouse, const char *sku, gint64 *warehouse_id, gint64 *product_id,
                 GError **error)
{
  *warehouse_id = 0;
  *product_id = 0;
  if (warehouse != NULL)
    {
      g_autoptr(RsWarehouse) found = rs_warehouses_lookup (db, warehouse, error);
      if (found == NULL)
        return FALSE;
      *warehouse_id = rs_warehouse_get_id (found);
    }
  if (sku != NULL)
    {
      g_autoptr(RsProduct) found = rs_products_lookup (db, sku, error);
      if (found == NULL)
        return FALSE;
      *product_id = rs_product_get_id (found);
    }
  return TRUE;
}

/* ---- lists -------------------------------------------------------------- */

typedef struct
{
  gint64        warehouse_id;
  gint64        product_id;
  RsListSearch *search;
} Binding;

static void
binding_free (Binding *binding)
{
  rs_list_search_free (binding->search);
  g_free (binding);
}

static gboolean
bind (RsStatement *stmt, gpointer user_data, GError **error)
{
  Binding *binding = user_data;

  rs_paged_bind_int64 (stmt, ":warehouse", binding->warehouse_id);
  rs_paged_bind_int64 (stmt, ":product", binding->product_id);
  rs_list_search_bind (binding->search, stmt);
  return TRUE;
}

static GObject *
level_from_row (RsStatement *stmt, gpointer user_data, GError **error)
{
  RsStockLevel *level = g_object_new (RS_TYPE_STOCK_LEVEL, NULL);

  level->sku = g_strdup (rs_statement_text (stmt, 0));
  level->product_name = g_strdup (rs_statement_text (stmt, 1));
  level->unit = g_strdup (rs_statement_text (stmt, 2));
  level->decimals = sqlite3_column_int (stmt, 3);
  level->warehouse_code = g_strdup (rs_statement_text (stmt, 4));
  level->location_code = g_strdup (rs_statement_text (stmt, 5));
  rs_location_kind_parse (rs_statement_text (stmt, 6), &level->location_kind, NULL);
  level->quantity = sqlite3_column_int64 (stmt, 7);
  level->avg_cost = sqlite3_column_int64 (stmt, 8);
  return G_OBJECT (level);
}

static const char *const stock_orders[] = {
  [RS_STOCK_SORT_PLACE] = "w.code @, l.code @, p.sku @, h.product_id @, h.location_id @",
  [RS_STOCK_SORT_SKU] = "p.sku @, w.code @, l.code @, h.product_id @, h.location_id @",
  [RS_STOCK_SORT_NAME] = "p.name @, p.sku @, w.code @, l.code @, h.product_id @, h.location_id @",
  [RS_STOCK_SORT_QUANTITY] = "h.quantity @, p.sku @, w.code @, l.code @, h.product_id @, "
                             "h.location_id @",
};

GListModel *
rs_stock_query (RsSession *session, const RsStockFilter *filter, GError **error)
{
  static const RsStockFilter all = { 0 };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  g_autofree char *order = NULL;
  g_autofree char *where = NULL;
  Binding *binding;
  RsPagedQuery query = {
    .item_type = RS_TYPE_STOCK_LEVEL,
    .from = "stock_on_hand h JOIN product p ON p.id = h.product_id JOIN location l ON l.id = h.location_id "
            "JOIN warehouse w ON w.id = h.warehouse_id",
    .key = "h.product_id, h.location_id",
    /* A place that was emptied since keeps its row, with 0. */
    .rows = "SELECT p.sku, p.name, p.unit, p.decimals, w.code, l.code, l.kind, coalesce (h.quantity, 0), p.avg_cost "
            "FROM json_each (:keys) AS k "
            "JOIN product p ON p.id = json_extract (k.value, '$[0]') "
            "JOIN location l ON l.id = json_extract (k.value, '$[1]') "
            "JOIN warehouse w ON w.id = l.warehouse_id "
            "LEFT JOIN stock_on_hand h ON h.product_id = p.id AND h.location_id = l.id "
            "ORDER BY k.key",
    .version_column = 7,
    .make_item = level_from_row,
    .bind = bind,
    .destroy = (GDestroyNotify) binding_free,
  };

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (filter == NULL)
    filter = &all;
  g_return_val_if_fail (filter->sort < G_N_ELEMENTS (stock_orders), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;

  binding = g_new0 (Binding, 1);
  query.user_data = binding;
  if (!resolve_filters (db, filter->warehouse, filter->sku, &binding->warehouse_id, &binding->product_id, error) ||
      !rs_list_search_parse (filter->search, &binding->search, error))
    return binding_free (binding), NULL;

  g_ptr_array_add (conditions, "h.quantity <> 0");
  if (binding->warehouse_id > 0)
    g_ptr_array_add (conditions, "h.warehouse_id = :warehouse");
  if (binding->product_id > 0)
    g_ptr_array_add (conditions, "h.product_id = :product");
  if (filter->scope == RS_STOCK_SCOPE_AVAILABLE)
    g_ptr_array_add (conditions, "l.kind <> 'quarantine'");
  else if (filter->scope == RS_STOCK_SCOPE_QUARANTINE)
    g_ptr_array_add (conditions, "l.kind = 'quarantine'");
  if (binding->search != NULL && binding->search->fts != NULL)
    g_ptr_array_add (conditions, "h.product_id IN (SELECT rowid FROM product_fts WHERE product_fts MATCH :fts)");
  else if (binding->search != NULL)
    g_ptr_array_add (conditions, "p.sku LIKE :like ESCAPE '\\' OR p.name LIKE :like ESCAPE '\\' "
                                 "OR p.spec LIKE :like ESCAPE '\\' OR p.barcode LIKE :like ESCAPE '\\'");
  where = rs_list_where (conditions);
  order = rs_list_order (stock_orders[filter->sort], !filter->descending);

  query.where = where;
  query.order = order;
  return G_LIST_MODEL (rs_paged_model_new (db, &query, error));
}

GListModel *
rs_stock_list (RsSession *session, const char *warehouse, const char *sku, GError **error)
{
  RsStockFilter filter = { .warehouse = warehouse, .sku = sku };

  return rs_stock_query (session, &filter, error);
}

static GObject *
entry_from_row (RsStatement *stmt, gpointer user_data, GError **error)
{
  RsLedgerEntry *entry = g_object_new (RS_TYPE_LEDGER_ENTRY, NULL);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->time = sqlite3_column_int64 (stmt, 1);
  entry->sku = g_strdup (rs_statement_text (stmt, 2));
  entry->unit = g_strdup (rs_statement_text (stmt, 3));
  entry->decimals = sqlite3_column_int (stmt, 4);
  entry->warehouse_code = g_strdup (rs_statement_text (stmt, 5));
  entry->location_code = g_strdup (rs_statement_text (stmt, 6));
  entry->quantity = sqlite3_column_int64 (stmt, 7);
  entry->unit_cost = sqlite3_column_int64 (stmt, 8);
  entry->slip_number = g_strdup (rs_statement_text (stmt, 9));
  entry->reversal = sqlite3_column_int (stmt, 10) != 0;
  entry->user = g_strdup (rs_statement_text (stmt, 11));
  entry->balance = sqlite3_column_int64 (stmt, 12);
  return G_OBJECT (entry);
}

/* A page of movements with running balances: each product's on hand before the page's
 * first movement of it (one sum over the index per product on the page: `base` is
 * materialized so that the sum is not run again for every row), plus the movements of the
 * page up to each (a window). */
#define LEDGER_ROWS(WAREHOUSE) \
  "WITH page AS MATERIALIZED (SELECT k.key AS position, g.* FROM json_each (:keys) AS k JOIN stock_ledger g ON g.id = k.value), " \
  "     base AS MATERIALIZED (SELECT f.product_id, (SELECT coalesce (sum (b.quantity), 0) FROM stock_ledger b " \
  "                                    WHERE b.product_id = f.product_id AND b.id < f.first" WAREHOUSE ") AS quantity " \
  "              FROM (SELECT product_id, min (id) AS first FROM page GROUP BY product_id) AS f) " \
  "SELECT page.id, page.created_at, p.sku, p.unit, p.decimals, w.code, l.code, page.quantity, page.unit_cost, " \
  "       s.number, page.reversal, u.name, " \
  "       base.quantity + sum (page.quantity) OVER (PARTITION BY page.product_id ORDER BY page.id) " \
  "FROM page JOIN base ON base.product_id = page.product_id " \
  "JOIN product p ON p.id = page.product_id " \
  "JOIN location l ON l.id = page.location_id " \
  "JOIN warehouse w ON w.id = page.warehouse_id " \
  "JOIN slip s ON s.id = page.slip_id " \
  "JOIN user u ON u.id = page.created_by " \
  "ORDER BY page.position"

GListModel *
rs_stock_movements (RsSession *session, const RsLedgerFilter *filter, GError **error)
{
  static const RsLedgerFilter all = { 0 };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  g_autofree char *where = NULL;
  Binding *binding;
  RsPagedQuery query = {
    .item_type = RS_TYPE_LEDGER_ENTRY,
    .from = "stock_ledger g",
    .key = "g.id",
    .table = "stock_ledger",   /* append-only (0003-slips.sql): keyset paging */
    .version_column = -1,
    .make_item = entry_from_row,
    .bind = bind,
    .destroy = (GDestroyNotify) binding_free,
  };

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (filter == NULL)
    filter = &all;
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;

  binding = g_new0 (Binding, 1);
  query.user_data = binding;
  if (!resolve_filters (db, filter->warehouse, filter->sku, &binding->warehouse_id, &binding->product_id, error))
    return binding_free (binding), NULL;
  if (binding->product_id > 0)
    g_ptr_array_add (conditions, "g.product_id = :product");
  if (binding->warehouse_id > 0)
    g_ptr_array_add (conditions, "g.warehouse_id = :warehouse");
  where = rs_list_where (conditions);

  query.where = where;
  query.limit = filter->limit;
  query.rows = binding->warehouse_id > 0 ? LEDGER_ROWS (" AND b.warehouse_id = :warehouse") : LEDGER_ROWS ("");
  return G_LIST_MODEL (rs_paged_model_new (db, &query, error));
}

GListModel *
rs_stock_ledger (RsSession *session, const char *sku, guint limit, GError **error)
{
  RsLedgerFilter filter = { .sku = sku, .limit = limit };

  return rs_stock_movements (session, &filter, error);
}

gboolean
rs_stock_check (RsDatabase *db, GPtrArray *problems, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RS_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  /* Every pair that appears on either side, compared; rows naming the wrong warehouse too. */
  stmt = rs_database_prepare (db,
                              "WITH sums AS (SELECT product_id, location_id, sum (quantity) AS total "
                              "              FROM stock_ledger GROUP BY product_id, location_id), "
                              "     pairs AS (SELECT product_id, location_id FROM sums "
                              "               UNION SELECT product_id, location_id FROM stock_on_hand) "
                              "SELECT coalesce (p.sku, '#' || k.product_id), "
                              "       coalesce (w.code, '?'), coalesce (l.code, '#' || k.location_id), "
                              "       coalesce (h.quantity, 0), coalesce (s.total, 0), "
                              "       h.warehouse_id IS NOT NULL AND h.warehouse_id IS NOT l.warehouse_id "
                              "FROM pairs k "
                              "LEFT JOIN stock_on_hand h ON h.product_id = k.product_id AND h.location_id = k.location_id "
                              "LEFT JOIN sums s ON s.product_id = k.product_id AND s.location_id = k.location_id "
                              "LEFT JOIN product p ON p.id = k.product_id "
                              "LEFT JOIN location l ON l.id = k.location_id "
                              "LEFT JOIN warehouse w ON w.id = l.warehouse_id "
                              "WHERE coalesce (h.quantity, 0) <> coalesce (s.total, 0) "
                              "   OR (h.warehouse_id IS NOT NULL AND h.warehouse_id IS NOT l.warehouse_id) "
                              "ORDER BY 1, 2, 3", error);
  if (stmt == NULL)
    return FALSE;
  while (rs_statement_step (stmt, &local_error))
    {
      g_autofree char *on_hand = format_signed_quantity (sqlite3_column_int64 (stmt, 3));
      g_autofree char *ledger = format_signed_quantity (sqlite3_column_int64 (stmt, 4));

      if (sqlite3_column_int64 (stmt, 3) != sqlite3_column_int64 (stmt, 4))
        g_ptr_array_add (problems,
                         g_strdup_printf (_("On hand of %s at %s / %s is %s, but its ledger adds up to %s."),
                                          rs_statement_text (stmt, 0), rs_statement_text (stmt, 1),
                                          rs_statement_text (stmt, 2), on_hand, ledger));
      if (sqlite3_column_int (stmt, 5))
        g_ptr_array_add (problems,
                         g_strdup_printf (_("On hand of %s at location %s is filed under the wrong warehouse."),
                                          rs_statement_text (stmt, 0), rs_statement_text (stmt, 2)));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_clear_pointer (&stmt, rs_statement_release);

  /* Each slip's movements agree with its state: a draft has none, a posted slip one per
   * line (two for a transfer), a voided one as many again reversed. The triggers let a
   * posted slip become voided, so a void written by hand without its reversal shows here. */
  stmt = rs_database_prepare (db,
                              "WITH g AS (SELECT slip_id, sum (reversal = 0) AS forward, sum (reversal = 1) AS back "
                              "           FROM stock_ledger GROUP BY slip_id), "
                              "     l AS (SELECT slip_id, count (*) AS lines FROM slip_line GROUP BY slip_id) "
                              "SELECT s.number, s.state, "
                              "       coalesce (l.lines, 0) * (CASE s.kind WHEN 'transfer' THEN 2 ELSE 1 END), "
                              "       coalesce (g.forward, 0), coalesce (g.back, 0) "
                              "FROM slip s LEFT JOIN l ON l.slip_id = s.id LEFT JOIN g ON g.slip_id = s.id "
                              "WHERE coalesce (g.forward, 0) <> (CASE s.state WHEN 'draft' THEN 0 "
                              "                                  ELSE coalesce (l.lines, 0) * (CASE s.kind WHEN 'transfer' THEN 2 ELSE 1 END) END) "
                              "   OR coalesce (g.back, 0) <> (CASE s.state WHEN 'voided' THEN coalesce (g.forward, 0) ELSE 0 END) "
                              "ORDER BY s.id", error);
  if (stmt == NULL)
    return FALSE;
  while (rs_statement_step (stmt, &local_error))
    {
      RsSlipState state = RS_SLIP_DRAFT;

      rs_slip_state_parse (rs_statement_text (stmt, 1), &state, NULL);
      g_ptr_array_add (problems,
                       g_strdup_printf (_("%s (%s): the ledger holds %d of its movements and %d reversals "
                                          "where %d and %d belong."),
                                        rs_statement_text (stmt, 0), rs_slip_state_get_display_name (state),
                                        sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4),
                                        state == RS_SLIP_DRAFT ? 0 : sqlite3_column_int (stmt, 2),
                                        state == RS_SLIP_VOIDED ? sqlite3_column_int (stmt, 2) : 0));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
