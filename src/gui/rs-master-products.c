/* rs-master-products.c — products in 资料: what the generic list and editor need. */
#include "rs-master-kind.h"
#include "rs-column.h"

enum { SKU, NAME, SPEC, UNIT, DECIMALS, BARCODE, CATEGORY, AVG_COST, LIST_PRICE, N_FIELDS };

static const char *const decimal_choices[] = {
  N_("Whole units"), N_("1 decimal place"), N_("2 decimal places"), N_("3 decimal places"), NULL
};

static const RsMasterField fields[N_FIELDS] = {
  [SKU] = { N_("SKU"), N_("SKU"), RS_FIELD_CODE, TRUE, 64, TRUE },
  [NAME] = { N_("Name"), N_("product name"), RS_FIELD_TEXT, TRUE, 200 },
  [SPEC] = { N_("Specification"), N_("specification"), RS_FIELD_TEXT, FALSE, 200 },
  [UNIT] = { N_("Unit"), N_("unit"), RS_FIELD_TEXT, TRUE, 16 },
  [DECIMALS] = { N_("Quantities In"), N_("decimals"), RS_FIELD_CHOICE, FALSE, 0, FALSE, decimal_choices },
  [BARCODE] = { N_("Barcode"), N_("barcode"), RS_FIELD_CODE, FALSE, 64 },
  [CATEGORY] = { N_("Category"), N_("category name"), RS_FIELD_TEXT, FALSE, 100 },
  [AVG_COST] = { N_("Average Cost (¥)"), N_("average cost"), RS_FIELD_MONEY, FALSE },
  [LIST_PRICE] = { N_("List Price (¥)"), N_("list price"), RS_FIELD_MONEY, FALSE },
};

static gboolean
get_active (gpointer item)
{
  return rs_product_get_active (item);
}

static GListModel *
list (RsSession *session, const char *search, gboolean include_inactive, GError **error)
{
  /* Searched in SQL and read a page at a time: a company may have 100,000 products. */
  return rs_products_list_paged (session, search, include_inactive, error);
}

static char *cell_sku (gpointer item) { return g_strdup (rs_product_get_sku (item)); }
static char *cell_name (gpointer item) { return g_strdup (rs_product_get_name (item)); }
static char *cell_spec (gpointer item) { return g_strdup (rs_product_get_spec (item)); }
static char *cell_unit (gpointer item) { return g_strdup (rs_product_get_unit (item)); }
static char *cell_category (gpointer item) { return g_strdup (rs_product_get_category (item)); }
static char *cell_barcode (gpointer item) { return g_strdup (rs_product_get_barcode (item)); }
static char *cell_price (gpointer item) { return rs_money_format (rs_product_get_list_price (item)); }

static void
add_columns (RsTableView *view)
{
  rs_table_view_add_column (view, _("SKU"), cell_sku, RS_COLUMN_WHOLE, NULL, -1);
  rs_table_view_add_column (view, _("Name"), cell_name, RS_COLUMN_EXPAND, NULL, -1);
  rs_table_view_add_column (view, _("Specification"), cell_spec, RS_COLUMN_DIM, NULL, -1);
  rs_table_view_add_column (view, _("Unit"), cell_unit, RS_COLUMN_TEXT, NULL, -1);
  rs_table_view_add_column (view, _("Category"), cell_category, RS_COLUMN_TEXT, NULL, -1);
  rs_table_view_add_column (view, _("Barcode"), cell_barcode, RS_COLUMN_DIM, NULL, -1);
  rs_table_view_add_column (view, _("List Price"), cell_price, RS_COLUMN_NUMERIC | RS_COLUMN_WHOLE, NULL, -1);
}

static char *
describe (gpointer item)
{
  /* TRANSLATORS: the product editor's title; %s is the SKU */
  return g_strdup_printf (_("Product %s"), rs_product_get_sku (item));
}

static char **
load (gpointer item)
{
  char **values = g_new0 (char *, N_FIELDS + 1);

  values[SKU] = g_strdup (rs_product_get_sku (item));
  values[NAME] = g_strdup (rs_product_get_name (item));
  values[SPEC] = g_strdup (rs_product_get_spec (item));
  values[UNIT] = g_strdup (rs_product_get_unit (item));
  values[DECIMALS] = g_strdup_printf ("%d", rs_product_get_decimals (item));
  values[BARCODE] = g_strdup (rs_product_get_barcode (item) != NULL ? rs_product_get_barcode (item) : "");
  values[CATEGORY] = g_strdup (rs_product_get_category (item));
  values[AVG_COST] = rs_money_to_decimal (rs_product_get_avg_cost (item));
  values[LIST_PRICE] = rs_money_to_decimal (rs_product_get_list_price (item));
  return values;
}

static gboolean
parse_money (const char *text, gint64 *fen, GError **error)
{
  *fen = 0;
  return *text == '\0' || rs_money_parse (text, fen, error);
}

static GObject *
save (RsSession *session, gpointer item, const char *const *values, GError **error)
{
  RsProductFields f = {
    .sku = values[SKU],
    .name = values[NAME],
    .spec = values[SPEC],
    .unit = values[UNIT],
    .decimals = (int) g_ascii_strtoll (values[DECIMALS], NULL, 10),
    .barcode = values[BARCODE],
    .category = values[CATEGORY],
  };

  if (!parse_money (values[AVG_COST], &f.avg_cost, error) || !parse_money (values[LIST_PRICE], &f.list_price, error))
    return NULL;
  if (item == NULL)
    return G_OBJECT (rs_products_add (session, &f, error));
  return G_OBJECT (rs_products_update (session, &f, error));
}

static GObject *
set_active (RsSession *session, gpointer item, gboolean active, GError **error)
{
  if (!rs_products_set_active (session, rs_product_get_sku (item), active, error))
    return NULL;
  return G_OBJECT (rs_products_lookup_by_sku (rs_session_get_database (session), rs_product_get_sku (item), error));
}

static gboolean
remove_item (RsSession *session, gpointer item, GError **error)
{
  return rs_products_remove (session, rs_product_get_sku (item), error);
}

const RsMasterKind rs_master_products = {
  .id = "products",
  .title = N_("Products"),
  .icon_name = "package-x-generic-symbolic",
  .new_label = N_("_New Product"),
  .search_label = N_("Search products"),
  .new_title = N_("New Product"),
  .edit_action = RS_ACTION_MASTER_EDIT,
  .fields = fields,
  .n_fields = N_FIELDS,
  .list = list,
  .add_columns = add_columns,
  .describe = describe,
  .get_active = get_active,
  .load = load,
  .save = save,
  .set_active = set_active,
  .remove = remove_item,
};
