/* The slips section: the list's filters, search and header order come from SQL; the editor
 * checks what is typed on the field it concerns, adds lines by SKU or barcode (a scanner's
 * Enter), marks the line that lacks stock before posting, and a refused save writes nothing. */
#include "rs-gui-test.h"
#include "rs-slip-editor.h"
#include "rs-table-view.h"
#include "rs-slips-section.h"

typedef struct {
  RsDatabase *db;
  RsSession *admin;
  GtkWidget *window;
  RsSlipsSection *section;
  RsSlipEditor *editor;
  char *notice;       /* the last message for the notice bar */
} Fixture;

static void
on_notify (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Fixture *f = user_data;

  g_free (f->notice);
  f->notice = g_variant_dup_string (parameter, NULL);
}

static void
post_in (Fixture *f, const char *sku, gint64 quantity)
{
  RsSlipLineFields line = { sku, quantity, "A1", NULL, 1000 };
  RsSlipFields fields = { .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = "WH1", .lines = &line, .n_lines = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) slip = rs_slips_create_posted (f->admin, &fields, &error);

  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) wh1 = NULL;
  g_autoptr(RsWarehouse) wh2 = NULL;
  g_autoptr(RsLocation) a1 = NULL;
  g_autoptr(RsLocation) b1 = NULL;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) notify = g_simple_action_new ("notify", G_VARIANT_TYPE_STRING);
  const struct { const char *sku, *name, *unit, *barcode; int decimals; } products[] = {
    { "P-1", "螺丝刀", "把", "6901234567892", 0 },
    { "P-3", "胶水", "瓶", NULL, 0 },
  };

  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 26, 10, 0, 0);

  rs_clock_set_fixed (g_date_time_to_unix (now) * G_USEC_PER_SEC);
  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  wh1 = rs_warehouses_add (f->admin, "WH1", "主仓库", NULL, &error);
  g_assert_no_error (error);
  wh2 = rs_warehouses_add (f->admin, "WH2", "二号仓库", NULL, &error);
  g_assert_no_error (error);
  a1 = rs_locations_add (f->admin, "WH1", "A1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  b1 = rs_locations_add (f->admin, "WH2", "B1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      RsProductFields fields = { .sku = products[i].sku, .name = products[i].name, .unit = products[i].unit,
                                 .barcode = products[i].barcode, .decimals = products[i].decimals };
      g_autoptr(RsProduct) product = rs_products_add (f->admin, &fields, &error);
      g_assert_no_error (error);
    }
  post_in (f, "P-1", 10000);
  post_in (f, "P-3", 5000);

  /* The main page shows notices; here they are kept to be looked at. */
  g_signal_connect (notify, "activate", G_CALLBACK (on_notify), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (notify));
  f->window = gtk_window_new ();
  gtk_widget_insert_action_group (f->window, "main", G_ACTION_GROUP (group));
  f->section = g_object_new (RS_TYPE_SLIPS_SECTION, "session", f->admin, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->section));
  gtk_window_present (GTK_WINDOW (f->window));
  f->editor = rs_slips_section_get_editor (f->section);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
  g_free (f->notice);
  rs_clock_use_system ();
}

static GtkWidget *
section_child (Fixture *f, const char *name)
{
  return rs_gui_test_child (f->section, RS_TYPE_SLIPS_SECTION, name);
}

static GtkWidget *
editor_child (Fixture *f, const char *name)
{
  return rs_gui_test_child (f->editor, RS_TYPE_SLIP_EDITOR, name);
}

static guint
n_listed (Fixture *f)
{
  return g_list_model_get_n_items (rs_slips_section_get_model (f->section));
}

static const char *
listed_number (Fixture *f, guint position)
{
  g_autoptr(RsSlip) slip = g_list_model_get_item (rs_slips_section_get_model (f->section), position);

  /* The model keeps its items: the number outlives this reference. */
  return rs_slip_get_number (slip);
}

static void
test_list_filters (Fixture *f, gconstpointer data)
{
  RsSlipLineFields line = { "P-1", 1000, "A1", NULL, -1 };
  RsSlipFields out = { .kind = RS_SLIP_OUT, .purpose = "scrap", .warehouse = "WH1", .date = "2026-11-20",
                       .lines = &line, .n_lines = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) draft = rs_slips_create (f->admin, &out, &error);
  RsTableView *view = RS_TABLE_VIEW (section_child (f, "slips_view"));
  g_autofree char *first_total = NULL;

  g_assert_no_error (error);
  rs_section_refresh (RS_SECTION (f->section));
  g_assert_cmpuint (rs_table_view_get_n_columns (view), ==, 9);
  g_assert_cmpuint (n_listed (f), ==, 3);
  g_assert_cmpstr (listed_number (f, 0), ==, "CK20261126-0001");   /* newest first */
  first_total = rs_table_view_get_cell_text (view, 0, 8);
  g_assert_cmpstr (first_total, ==, "10.00");   /* 1 of P-1 at its cost, as the Total column draws it */

  /* Kind: out-slips only. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (section_child (f, "kind_dropdown")), 2);
  g_assert_cmpuint (n_listed (f), ==, 1);
  /* State: posted out-slips are none. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (section_child (f, "state_dropdown")), 2);
  g_assert_cmpuint (n_listed (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (section_child (f, "list_stack"))), ==, "empty");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (section_child (f, "kind_dropdown")), 0);
  g_assert_cmpuint (n_listed (f), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (section_child (f, "state_dropdown")), 0);

  /* Warehouse: WH2 has none. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (section_child (f, "warehouse_dropdown")), 2);
  g_assert_cmpuint (n_listed (f), ==, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (section_child (f, "warehouse_dropdown")), 1);
  g_assert_cmpuint (n_listed (f), ==, 3);

  /* Dates: a half-typed one is said under the filters and keeps the list; a range filters. */
  rs_gui_test_set_text (section_child (f, "from_entry"), "2026-11-2");
  g_assert_true (gtk_widget_get_visible (section_child (f, "filter_hint")));
  g_assert_true (gtk_widget_has_css_class (section_child (f, "from_entry"), "error"));
  g_assert_cmpuint (n_listed (f), ==, 3);
  rs_gui_test_set_text (section_child (f, "from_entry"), "2026-11-21");
  g_assert_false (gtk_widget_get_visible (section_child (f, "filter_hint")));
  g_assert_cmpuint (n_listed (f), ==, 2);
  rs_gui_test_set_text (section_child (f, "to_entry"), "2026-11-25");
  g_assert_cmpuint (n_listed (f), ==, 0);
  rs_gui_test_set_text (section_child (f, "from_entry"), "");
  g_assert_cmpuint (n_listed (f), ==, 1);
  rs_gui_test_set_text (section_child (f, "to_entry"), "");

  /* Search: the partner-less scrap slip by its number. */
  rs_gui_test_set_text (section_child (f, "search_entry"), "CK2026");
  g_signal_emit_by_name (section_child (f, "search_entry"), "search-changed");
  g_assert_cmpuint (n_listed (f), ==, 1);
  rs_gui_test_set_text (section_child (f, "search_entry"), "");
  g_signal_emit_by_name (section_child (f, "search_entry"), "search-changed");
  g_assert_cmpuint (n_listed (f), ==, 3);

  /* A header click orders by that column, in SQL: numbers A to Z puts CK first, then RK. */
  rs_table_view_sort_by (view, RS_SLIP_SORT_NUMBER, TRUE);
  g_assert_cmpstr (listed_number (f, 0), ==, "RK20261126-0002");
  rs_table_view_sort_by (view, RS_SLIP_SORT_NUMBER, FALSE);
  g_assert_cmpstr (listed_number (f, 0), ==, "CK20261126-0001");
  g_assert_cmpstr (listed_number (f, 2), ==, "RK20261126-0002");

  /* The section opens a slip by number, as other sections ask it to. */
  g_assert_true (rs_section_open (RS_SECTION (f->section), "CK20261126-0001", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_editor_get_number (f->editor), ==, "CK20261126-0001");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (section_child (f, "stack"))), ==, "editor");
  g_assert_false (rs_section_open (RS_SECTION (f->section), "CK20991231-0001", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
}

static void
test_editor_validation (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RsSlip) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlipLine) line = NULL;

  rs_slips_section_new_slip (f->section, RS_SLIP_IN);
  g_assert_null (rs_slip_editor_get_number (f->editor));

  /* An unknown SKU is said under the product field and adds nothing. */
  g_assert_false (rs_slip_editor_add_product (f->editor, "NOPE-1"));
  g_assert_true (gtk_widget_get_visible (editor_child (f, "product_hint")));
  g_assert_cmpuint (rs_slip_editor_get_n_lines (f->editor), ==, 0);

  /* The SKU typed, then the same product's barcode scanned: one line of 2. */
  g_assert_true (rs_slip_editor_add_product (f->editor, "P-1"));
  g_assert_false (gtk_widget_get_visible (editor_child (f, "product_hint")));
  rs_gui_test_set_text (editor_child (f, "product_row"), "6901234567892");
  g_signal_emit_by_name (editor_child (f, "product_row"), "entry-activated");
  g_assert_cmpstr (rs_gui_test_get_text (editor_child (f, "product_row")), ==, "");
  g_assert_cmpuint (rs_slip_editor_get_n_lines (f->editor), ==, 1);
  g_assert_cmpstr (rs_gui_test_get_text (rs_slip_editor_get_line_field (f->editor, 0, "quantity")), ==, "2");
  g_assert_true (rs_slip_editor_add_product (f->editor, "P-3"));
  g_assert_cmpuint (rs_slip_editor_get_n_lines (f->editor), ==, 2);

  /* Wrong as it is typed: half a screwdriver, a cost with three decimals. Saving writes nothing. */
  rs_gui_test_set_text (rs_slip_editor_get_line_field (f->editor, 0, "quantity"), "0.5");
  g_assert_nonnull (rs_slip_editor_get_line_hint (f->editor, 0));
  g_assert_true (gtk_widget_has_css_class (rs_slip_editor_get_line_field (f->editor, 0, "quantity"), "error"));
  rs_gui_test_set_text (rs_slip_editor_get_line_field (f->editor, 1, "cost"), "1.234");
  g_assert_nonnull (rs_slip_editor_get_line_hint (f->editor, 1));
  before = rs_test_dump (f->db);
  g_assert_false (rs_slip_editor_save (f->editor));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (rs_slip_editor_get_number (f->editor));
  g_assert_true (gtk_widget_get_visible (editor_child (f, "lines_hint")));

  /* A date that is not one is said under the header as it is typed, and core refuses it. */
  rs_gui_test_set_text (editor_child (f, "date_row"), "2026-13-01");
  g_assert_true (gtk_widget_has_css_class (editor_child (f, "date_row"), "error"));
  rs_gui_test_set_text (rs_slip_editor_get_line_field (f->editor, 0, "quantity"), "3");
  rs_gui_test_set_text (rs_slip_editor_get_line_field (f->editor, 1, "cost"), "1.25");
  g_assert_null (rs_slip_editor_get_line_hint (f->editor, 0));
  g_assert_false (rs_slip_editor_save (f->editor));
  g_clear_pointer (&after, g_free);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  /* Right: saved as a draft through core, with what was typed. */
  rs_gui_test_set_text (editor_child (f, "date_row"), "2026-11-26");
  rs_gui_test_set_text (editor_child (f, "partner_row"), "");
  g_assert_true (rs_slip_editor_save (f->editor));
  g_assert_cmpstr (rs_slip_editor_get_number (f->editor), ==, "RK20261126-0003");
  saved = rs_slips_lookup (f->admin, "RK20261126-0003", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_slip_get_state (saved), ==, RS_SLIP_DRAFT);
  g_assert_cmpuint (rs_slip_get_n_lines (saved), ==, 2);
  line = g_list_model_get_item (rs_slip_get_lines (saved), 1);
  g_assert_cmpstr (rs_slip_line_get_sku (line), ==, "P-3");
  g_assert_cmpint (rs_slip_line_get_unit_cost (line), ==, 125);
  g_assert_cmpstr (rs_slip_line_get_location_code (line), ==, "A1");
  /* The list shows the new draft. */
  g_assert_cmpuint (n_listed (f), ==, 3);
}

static void
test_short_line_marked (Fixture *f, gconstpointer data)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RsSlip) reread = NULL;
  g_autoptr(GError) error = NULL;
  const char *hint;

  rs_slips_section_new_slip (f->section, RS_SLIP_OUT);
  g_assert_true (rs_slip_editor_add_product (f->editor, "P-1"));
  g_assert_true (rs_slip_editor_add_product (f->editor, "P-3"));
  rs_gui_test_set_text (rs_slip_editor_get_line_field (f->editor, 0, "quantity"), "2");
  rs_gui_test_set_text (rs_slip_editor_get_line_field (f->editor, 1, "quantity"), "6");   /* 5 on hand */
  /* Out-slips have no unit cost to type: they leave at the moving average. */
  g_assert_false (gtk_widget_get_visible (rs_slip_editor_get_line_field (f->editor, 0, "cost")));

  before = rs_test_dump (f->db);
  g_assert_false (rs_slip_editor_check_stock (f->editor));
  /* The draft is saved; no stock moved; only line 2 is marked, with what is there and what it takes. */
  g_assert_cmpstr (rs_slip_editor_get_number (f->editor), ==, "CK20261126-0001");
  g_assert_null (rs_slip_editor_get_line_hint (f->editor, 0));
  hint = rs_slip_editor_get_line_hint (f->editor, 1);
  g_assert_nonnull (hint);
  g_assert_nonnull (strstr (hint, "WH1 / A1"));
  g_assert_nonnull (strstr (hint, "5 瓶"));
  g_assert_nonnull (strstr (hint, "6 瓶"));
  g_assert_true (gtk_widget_has_css_class (rs_slip_editor_get_line_field (f->editor, 1, "quantity"), "error"));
  g_assert_false (gtk_widget_has_css_class (rs_slip_editor_get_line_field (f->editor, 0, "quantity"), "error"));
  g_assert_true (gtk_widget_get_visible (editor_child (f, "lines_hint")));
  reread = rs_slips_lookup (f->admin, "CK20261126-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_slip_get_state (reread), ==, RS_SLIP_DRAFT);
  {
    g_autoptr(RsStatement) stmt = rs_database_prepare (f->db, "SELECT count(*) FROM stock_ledger", NULL);
    g_assert_true (rs_statement_step (stmt, NULL));
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);   /* the two purchases only */
  }

  /* Within stock, the check passes and the marks go. */
  rs_gui_test_set_text (rs_slip_editor_get_line_field (f->editor, 1, "quantity"), "5");
  g_assert_true (rs_slip_editor_check_stock (f->editor));
  g_assert_null (rs_slip_editor_get_line_hint (f->editor, 1));
  g_assert_false (gtk_widget_get_visible (editor_child (f, "lines_hint")));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, !=, after);   /* the draft was saved, nothing posted */
}

static void
test_posted_is_frozen (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_section_open (RS_SECTION (f->section), "RK20261126-0001", &error));
  g_assert_no_error (error);
  /* A posted slip: no saving, no new lines; void, amend and print instead. */
  g_assert_false (gtk_widget_get_visible (editor_child (f, "save_button")));
  g_assert_false (gtk_widget_get_visible (editor_child (f, "post_button")));
  g_assert_false (gtk_widget_get_visible (editor_child (f, "product_row")));
  g_assert_true (gtk_widget_get_visible (editor_child (f, "void_button")));
  g_assert_true (gtk_widget_get_visible (editor_child (f, "amend_button")));
  g_assert_true (gtk_widget_get_visible (editor_child (f, "print_button")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (rs_slip_editor_get_line_field (f->editor, 0, "quantity"))));
  g_assert_false (rs_slip_editor_add_product (f->editor, "P-1"));
  g_assert_false (rs_slip_editor_save (f->editor));
}

int
main (int argc, char **argv)
{
  rs_gui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/slips-section/list-filters", test_list_filters);
  ADD ("/slips-section/editor-validation", test_editor_validation);
  ADD ("/slips-section/short-line-marked", test_short_line_marked);
  ADD ("/slips-section/posted-is-frozen", test_posted_is_frozen);
#undef ADD

  return g_test_run ();
}
