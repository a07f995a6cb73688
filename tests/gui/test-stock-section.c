/* The stock section: quarantine apart from the rest, the warehouse filter, search by SKU and
 * Chinese substrings, header order from SQL; a product's movements with running balances
 * whose slip numbers open the slip; an unknown SKU is refused. */
#include "rs-gui-test.h"
#include "rs-stock-section.h"

#include <string.h>

typedef struct {
  RsDatabase *db;
  RsSession *admin;
  GtkWidget *window;
  RsStockSection *section;
  char *opened;       /* the last main.open target */
  char *first_slip;
} Fixture;

static void
on_open (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Fixture *f = user_data;

  g_free (f->opened);
  f->opened = g_variant_dup_string (parameter, NULL);
}

static void
on_notify (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
}

static char *
post_in (Fixture *f, const char *warehouse, const char *location, const char *sku, gint64 quantity)
{
  RsSlipLineFields line = { sku, quantity, location, NULL, 1000 };
  RsSlipFields fields = { .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = warehouse, .lines = &line, .n_lines = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) draft = rs_slips_create (f->admin, &fields, &error);
  g_autoptr(RsSlip) slip = NULL;

  g_assert_no_error (error);
  slip = rs_slips_post (f->admin, rs_slip_get_number (draft), &error);
  g_assert_no_error (error);
  return g_strdup (rs_slip_get_number (slip));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_STRING);
  g_autoptr(GSimpleAction) notify = g_simple_action_new ("notify", G_VARIANT_TYPE_STRING);
  const struct { const char *sku, *name; } products[] = {
    { "P-1", "十字螺丝刀" }, { "P-2", "电源适配器" }, { "P-3", "万用表" },
  };

  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  g_object_unref (rs_warehouses_add (f->admin, "WH1", "主仓库", NULL, &error));
  g_assert_no_error (error);
  g_object_unref (rs_warehouses_add (f->admin, "WH2", "二号仓库", NULL, &error));
  g_assert_no_error (error);
  g_object_unref (rs_locations_add (f->admin, "WH1", "A1", NULL, RS_LOCATION_STORAGE, &error));
  g_assert_no_error (error);
  g_object_unref (rs_locations_add (f->admin, "WH2", "B1", NULL, RS_LOCATION_STORAGE, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      RsProductFields fields = { .sku = products[i].sku, .name = products[i].name, .unit = "个" };
      g_autoptr(RsProduct) product = rs_products_add (f->admin, &fields, &error);
      g_assert_no_error (error);
    }
  f->first_slip = post_in (f, "WH1", "A1", "P-1", 10000);
  g_free (post_in (f, "WH1", "A1", "P-3", 5000));
  g_free (post_in (f, "WH2", "B1", "P-2", 3000));
  g_free (post_in (f, "WH1", "QA", "P-1", 2000));
  g_free (post_in (f, "WH2", "B1", "P-1", 1000));

  g_signal_connect (open, "activate", G_CALLBACK (on_open), f);
  g_signal_connect (notify, "activate", G_CALLBACK (on_notify), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (notify));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_widget_insert_action_group (f->window, "main", G_ACTION_GROUP (group));
  f->section = g_object_new (RS_TYPE_STOCK_SECTION, "session", f->admin, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->section));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
  g_free (f->opened);
  g_free (f->first_slip);
}

static GtkWidget *
child (Fixture *f, const char *name)
{
  return rs_gui_test_child (f->section, RS_TYPE_STOCK_SECTION, name);
}

static GListModel *
stock (Fixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (child (f, "stock_view"))));
}

static GListModel *
history (Fixture *f)
{
  return G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (child (f, "history_view"))));
}

/* "SKU@WAREHOUSE/LOCATION=quantity" of each listed row, joined by spaces. */
static char *
listed (Fixture *f)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stock (f)); i++)
    {
      g_autoptr(RsStockLevel) level = g_list_model_get_item (stock (f), i);

      g_string_append_printf (text, "%s%s@%s/%s=%" G_GINT64_FORMAT, i > 0 ? " " : "",
                              rs_stock_level_get_sku (level), rs_stock_level_get_warehouse_code (level),
                              rs_stock_level_get_location_code (level), rs_stock_level_get_quantity (level) / 1000);
    }
  return g_string_free (text, FALSE);
}

static void
search (Fixture *f, const char *text)
{
  rs_gui_test_set_text (child (f, "search_entry"), text);
  rs_stock_section_reload (f->section);
}

static void
test_scope_and_filters (Fixture *f, gconstpointer data)
{
  g_autofree char *available = NULL;
  g_autofree char *quarantine = NULL;
  g_autofree char *all = NULL;
  g_autofree char *wh2 = NULL;

  /* Quarantine stock is apart: not in the available list, alone in its own. */
  available = listed (f);
  g_assert_cmpstr (available, ==, "P-1@WH1/A1=10 P-3@WH1/A1=5 P-1@WH2/B1=1 P-2@WH2/B1=3");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (f, "quarantine_button")), TRUE);
  quarantine = listed (f);
  g_assert_cmpstr (quarantine, ==, "P-1@WH1/QA=2");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (f, "all_button")), TRUE);
  all = listed (f);
  g_assert_cmpstr (all, ==, "P-1@WH1/A1=10 P-3@WH1/A1=5 P-1@WH1/QA=2 P-1@WH2/B1=1 P-2@WH2/B1=3");

  /* The warehouse narrows it: [0] all, then by code. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "warehouse_dropdown")), 2);
  wh2 = listed (f);
  g_assert_cmpstr (wh2, ==, "P-1@WH2/B1=1 P-2@WH2/B1=3");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "warehouse_dropdown")), 0);
  g_assert_cmpuint (g_list_model_get_n_items (stock (f)), ==, 5);
}

static void
test_search (Fixture *f, gconstpointer data)
{
  struct { const char *query, *expected; } cases[] = {
    { "适配", "P-2@WH2/B1=3" },                        /* two Chinese characters: LIKE */
    { "电源适配器", "P-2@WH2/B1=3" },                  /* three or more: the index */
    { "螺丝刀", "P-1@WH1/A1=10 P-1@WH2/B1=1" },
    { "P-3", "P-3@WH1/A1=5" },
    { "没有这个", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = NULL;

      search (f, cases[i].query);
      found = listed (f);
      g_assert_cmpstr (found, ==, cases[i].expected);
    }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "list_stack"))), ==, "empty");
  search (f, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "list_stack"))), ==, "list");
}

static void
test_header_sort (Fixture *f, gconstpointer data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (child (f, "stock_view"));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 1);
  g_autoptr(GtkColumnViewColumn) on_hand = g_list_model_get_item (columns, 4);
  g_autofree char *by_quantity = NULL;
  g_autofree char *by_name = NULL;

  g_assert_cmpstr (gtk_column_view_column_get_title (on_hand), ==, "On Hand");
  gtk_column_view_sort_by_column (view, on_hand, GTK_SORT_DESCENDING);
  by_quantity = listed (f);
  g_assert_cmpstr (by_quantity, ==, "P-1@WH1/A1=10 P-3@WH1/A1=5 P-2@WH2/B1=3 P-1@WH2/B1=1");
  /* 万 < 十 < 电 in SQLite's byte order of UTF-8: not the SKUs' order. */
  gtk_column_view_sort_by_column (view, name, GTK_SORT_ASCENDING);
  by_name = listed (f);
  g_assert_cmpstr (by_name, ==, "P-3@WH1/A1=5 P-1@WH1/A1=10 P-1@WH2/B1=1 P-2@WH2/B1=3");
}

static void
test_history (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsLedgerEntry) first = NULL;
  g_autoptr(RsLedgerEntry) last = NULL;
  GtkStack *stack = GTK_STACK (child (f, "history_stack"));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "hint");

  /* Selecting a row shows that product's movements. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (stock (f)), 1, TRUE);   /* P-3 */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (history (f)), ==, 1);

  /* open(SKU): every place of the product, and its history with running balances. */
  g_assert_true (rs_section_open (RS_SECTION (f->section), "P-1", &error));
  g_assert_no_error (error);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child (f, "all_button"))));
  g_assert_cmpuint (g_list_model_get_n_items (stock (f)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (history (f)), ==, 3);
  first = g_list_model_get_item (history (f), 0);
  last = g_list_model_get_item (history (f), 2);
  g_assert_cmpstr (rs_ledger_entry_get_slip_number (first), ==, f->first_slip);
  g_assert_cmpint (rs_ledger_entry_get_balance (first), ==, 10000);
  g_assert_cmpint (rs_ledger_entry_get_balance (last), ==, 13000);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (child (f, "history_title"))), "P-1"));

  /* A movement opens its slip in 出入库. */
  g_signal_emit_by_name (child (f, "history_view"), "activate", 0);
  g_assert_nonnull (f->opened);
  g_assert_true (g_str_has_prefix (f->opened, "slips:"));
  g_assert_cmpstr (f->opened + strlen ("slips:"), ==, f->first_slip);
}

static void
test_history_one_warehouse (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsLedgerEntry) last = NULL;

  /* Narrowed to WH2, the balance is WH2's. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (f, "warehouse_dropdown")), 2);
  g_assert_true (rs_section_open (RS_SECTION (f->section), "P-1", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history (f)), ==, 1);
  last = g_list_model_get_item (history (f), 0);
  g_assert_cmpint (rs_ledger_entry_get_balance (last), ==, 1000);
}

static void
test_open_unknown (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rs_section_open (RS_SECTION (f->section), "NO-SUCH", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "history_stack"))), ==, "hint");
}

static void
test_accessible_names (Fixture *f, gconstpointer data)
{
  int minimum;

  gtk_test_accessible_assert_property (child (f, "search_entry"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Search stock");
  gtk_test_accessible_assert_property (child (f, "warehouse_dropdown"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Warehouse");
  gtk_test_accessible_assert_property (child (f, "stock_view"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Stock on hand");
  gtk_test_accessible_assert_property (child (f, "history_view"), GTK_ACCESSIBLE_PROPERTY_LABEL, "Movement history");
  /* Narrow enough for the main window's leaflet not to fold beside the sidebar. */
  gtk_widget_measure (GTK_WIDGET (f->section), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("minimum width %d", minimum);
  g_assert_cmpint (minimum, <=, 760);
}

int
main (int argc, char **argv)
{
  rs_gui_test_init (&argc, &argv);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/stock-section/scope-and-filters", test_scope_and_filters);
  ADD ("/stock-section/search", test_search);
  ADD ("/stock-section/header-sort", test_header_sort);
  ADD ("/stock-section/history", test_history);
  ADD ("/stock-section/history-one-warehouse", test_history_one_warehouse);
  ADD ("/stock-section/open-unknown", test_open_unknown);
  ADD ("/stock-section/accessible-names", test_accessible_names);
  return g_test_run ();
}
