/* The master-data section: search and "show inactive" narrow the lists; an editor says
 * what is wrong under the field as it is typed, and a save refused (by the field check or
 * by core) changes nothing and keeps what was typed; deactivation; without the permission
 * everything is insensitive; a category's checklist is refused whole when an item is wrong. */
#include "rs-gui-test.h"
#include "rs-checklist-editor.h"
#include "rs-master-editor.h"
#include "rs-master-section.h"

#include <string.h>

enum { SKU, NAME, SPEC, UNIT, DECIMALS, BARCODE, CATEGORY };   /* the product editor's fields */

typedef struct {
  RsDatabase *db;
  RsSession *admin;
  GtkWidget *window;
  RsMasterSection *section;
  GtkWidget *editor;
} Fixture;

static void
on_notify (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
}

static GtkWidget *
show_section (Fixture *f, RsSession *session)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) notify = g_simple_action_new ("notify", G_VARIANT_TYPE_STRING);

  g_signal_connect (notify, "activate", G_CALLBACK (on_notify), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (notify));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_widget_insert_action_group (f->window, "main", G_ACTION_GROUP (group));
  f->section = g_object_new (RS_TYPE_MASTER_SECTION, "session", session, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->section));
  gtk_window_present (GTK_WINDOW (f->window));
  return GTK_WIDGET (f->section);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  const struct { const char *sku, *name; } products[] = {
    { "P-1", "十字螺丝刀" }, { "P-2", "电源适配器" }, { "P-3", "万用表" },
  };
  RsSlipLineFields line = { "P-1", 1000, "A1", NULL, 1000 };
  RsSlipFields slip = { .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = "WH1", .lines = &line, .n_lines = 1 };

  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  g_object_unref (rs_warehouses_add (f->admin, "WH1", "主仓库", NULL, &error));
  g_assert_no_error (error);
  g_object_unref (rs_locations_add (f->admin, "WH1", "A1", NULL, RS_LOCATION_STORAGE, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      RsProductFields fields = { .sku = products[i].sku, .name = products[i].name, .unit = "个", .category = "工具" };
      g_autoptr(RsProduct) product = rs_products_add (f->admin, &fields, &error);
      g_assert_no_error (error);
    }
  /* P-1 has history: it can be deactivated, not deleted. */
  g_object_unref (rs_slips_create (f->admin, &slip, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (f->editor));
  g_clear_object (&f->editor);
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
}

static RsMasterList *
products (Fixture *f)
{
  return rs_master_section_get_list (f->section, "products");
}

static GtkWidget *
find_by_label (GtkWidget *widget, GType type, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) && GTK_IS_BUTTON (c) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) && GTK_IS_CHECK_BUTTON (c) &&
          g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (c)), label) == 0)
        return c;
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) && !GTK_IS_BUTTON (c) && !GTK_IS_CHECK_BUTTON (c))
        return c;
      found = find_by_label (c, type, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
listed (Fixture *f)
{
  GListModel *model = rs_master_list_get_model (products (f));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RsProduct) product = g_list_model_get_item (model, i);
      g_string_append_printf (text, "%s%s", i > 0 ? " " : "", rs_product_get_sku (product));
    }
  return g_string_free (text, FALSE);
}

static RsMasterEditor *
open_editor (Fixture *f, const char *sku)
{
  g_autoptr(RsProduct) product = NULL;

  if (sku != NULL)
    {
      g_autoptr(GError) error = NULL;
      product = rs_products_lookup_by_sku (f->db, sku, &error);
      g_assert_no_error (error);
    }
  f->editor = g_object_ref (rs_master_list_open_editor (products (f), product));
  return RS_MASTER_EDITOR (f->editor);
}

static void
type (RsMasterEditor *editor, guint field, const char *text)
{
  rs_gui_test_set_text (rs_master_editor_get_field (editor, field), text);
}

static const char *
hint (RsMasterEditor *editor, guint field)
{
  GtkLabel *label = rs_master_editor_get_hint (editor, field);

  return gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (label))) ? gtk_label_get_text (label) : NULL;
}

static void
test_search_and_inactive (Fixture *f, gconstpointer data)
{
  GtkWidget *search;
  GtkWidget *inactive;
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *found = NULL;
  g_autofree char *active = NULL;
  g_autofree char *with_inactive = NULL;
  g_autofree char *inactive_found = NULL;

  show_section (f, f->admin);
  search = find_by_label (GTK_WIDGET (products (f)), GTK_TYPE_SEARCH_ENTRY, NULL);
  inactive = find_by_label (GTK_WIDGET (products (f)), GTK_TYPE_CHECK_BUTTON, "Show Inactive");
  g_assert_nonnull (search);
  g_assert_nonnull (inactive);
  gtk_test_accessible_assert_property (search, GTK_ACCESSIBLE_PROPERTY_LABEL, "Search products");

  all = listed (f);
  g_assert_cmpstr (all, ==, "P-1 P-2 P-3");
  rs_gui_test_set_text (search, "螺丝");                 /* a Chinese substring */
  rs_master_list_reload (products (f));
  found = listed (f);
  g_assert_cmpstr (found, ==, "P-1");
  rs_gui_test_set_text (search, "");

  g_assert_true (rs_products_set_active (f->admin, "P-2", FALSE, &error));
  g_assert_no_error (error);
  rs_master_list_reload (products (f));
  active = listed (f);
  g_assert_cmpstr (active, ==, "P-1 P-3");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (inactive), TRUE);
  with_inactive = listed (f);
  g_assert_cmpstr (with_inactive, ==, "P-1 P-2 P-3");
  rs_gui_test_set_text (search, "适配器");
  rs_master_list_reload (products (f));
  inactive_found = listed (f);
  g_assert_cmpstr (inactive_found, ==, "P-2");
}

static void
test_field_refused_as_typed (Fixture *f, gconstpointer data)
{
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  RsMasterEditor *editor;

  show_section (f, f->admin);
  editor = open_editor (f, NULL);
  /* Nothing said before anything is typed. */
  g_assert_null (hint (editor, SKU));
  type (editor, SKU, "P 9");                         /* a space: not in a code */
  g_assert_nonnull (hint (editor, SKU));
  g_assert_true (gtk_widget_has_css_class (rs_master_editor_get_field (editor, SKU), "error"));
  type (editor, NAME, "台灯");
  type (editor, UNIT, "个");
  g_assert_null (hint (editor, NAME));

  /* Enter (a scanner's too) goes on to the next field; it does not save. */
  g_signal_emit_by_name (rs_master_editor_get_field (editor, BARCODE), "entry-activated");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (editor)),
                                         rs_master_editor_get_field (editor, CATEGORY)));

  g_assert_false (rs_master_editor_save (editor));
  g_assert_nonnull (hint (editor, SKU));
  g_assert_cmpstr (rs_gui_test_get_text (rs_master_editor_get_field (editor, SKU)), ==, "P 9");
  g_assert_cmpstr (rs_gui_test_get_text (rs_master_editor_get_field (editor, NAME)), ==, "台灯");
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  /* Put right, the message goes and the product is saved. */
  type (editor, SKU, "P-9");
  g_assert_null (hint (editor, SKU));
  g_assert_true (rs_master_editor_save (editor));
  g_object_unref (rs_products_lookup_by_sku (f->db, "P-9", NULL));
}

static void
test_core_refusal_under_field (Fixture *f, gconstpointer data)
{
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  RsMasterEditor *editor;

  show_section (f, f->admin);
  editor = open_editor (f, NULL);
  type (editor, SKU, "P-1");                         /* right as typed; core knows it exists */
  type (editor, NAME, "重复的");
  type (editor, UNIT, "个");
  g_assert_false (rs_master_editor_save (editor));
  g_assert_nonnull (hint (editor, SKU));
  g_assert_nonnull (strstr (hint (editor, SKU), "P-1"));
  g_assert_cmpstr (rs_gui_test_get_text (rs_master_editor_get_field (editor, NAME)), ==, "重复的");
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_edit_and_deactivate (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) changed = NULL;
  g_autoptr(RsProduct) deactivated = NULL;
  g_autofree char *shown = NULL;
  RsMasterEditor *editor;

  show_section (f, f->admin);
  editor = open_editor (f, "P-1");
  /* The SKU is set once. */
  g_assert_false (gtk_widget_get_sensitive (rs_master_editor_get_field (editor, SKU)));
  type (editor, SPEC, "PH2 × 100 mm");
  g_assert_true (rs_master_editor_save (editor));
  changed = rs_products_lookup_by_sku (f->db, "P-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_product_get_spec (changed), ==, "PH2 × 100 mm");
  g_clear_object (&f->editor);

  /* P-1 has history: deactivated, it stays but leaves the list. */
  editor = open_editor (f, "P-1");
  g_assert_true (rs_master_editor_set_active (editor, FALSE));
  deactivated = rs_products_lookup_by_sku (f->db, "P-1", &error);
  g_assert_no_error (error);
  g_assert_false (rs_product_get_active (deactivated));
  shown = listed (f);
  g_assert_cmpstr (shown, ==, "P-2 P-3");
}

static void
test_without_permission (Fixture *f, gconstpointer data)
{
  g_autoptr(RsSession) viewer = rs_test_add_user (f->db, "wutingting", RS_ROLE_VIEWER);
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  GtkWidget *new_button;
  RsMasterEditor *editor;

  show_section (f, viewer);
  new_button = find_by_label (GTK_WIDGET (products (f)), GTK_TYPE_BUTTON, "_New Product");
  g_assert_nonnull (new_button);
  g_assert_false (gtk_widget_get_sensitive (new_button));
  g_assert_nonnull (gtk_widget_get_tooltip_text (new_button));

  editor = open_editor (f, "P-2");
  g_assert_false (gtk_widget_get_sensitive (rs_master_editor_get_field (editor, NAME)));
  g_assert_false (gtk_widget_get_sensitive (rs_master_editor_get_save_button (editor)));
  g_assert_nonnull (gtk_widget_get_tooltip_text (rs_master_editor_get_save_button (editor)));
  /* Core refuses even if the button were pressed. */
  type (editor, NAME, "改名");
  g_assert_false (rs_master_editor_save (editor));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static GtkWidget *
find_checklist (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (g_object_get_data (G_OBJECT (c), "rs-checklist") != NULL)
        return c;
      found = find_checklist (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_entry_row (GtkWidget *widget, const char *title)
{
  for (GtkWidget *c = gtk_widget_get_last_child (widget); c != NULL; c = gtk_widget_get_prev_sibling (c))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (c) && g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (c)), title))
        return c;
      found = find_entry_row (c, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_checklist (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCategory) tools = rs_categories_lookup (f->db, "工具", &error);
  g_autoptr(JsonNode) templates = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *json = NULL;
  RsMasterList *categories;
  GtkWidget *checklist;
  GtkWidget *item;

  g_assert_no_error (error);
  show_section (f, f->admin);
  categories = rs_master_section_get_list (f->section, "categories");
  f->editor = g_object_ref (rs_master_list_open_editor (categories, tools));
  checklist = find_checklist (f->editor);
  g_assert_nonnull (checklist);

  /* A measurement whose minimum is above its maximum: refused whole, nothing written. */
  item = rs_checklist_editor_add_item (checklist);
  rs_gui_test_set_text (find_entry_row (item, "Key"), "torque");
  rs_gui_test_set_text (find_entry_row (item, "Item Name"), "扭矩");
  adw_combo_row_set_selected (ADW_COMBO_ROW (gtk_widget_get_prev_sibling (find_entry_row (item, "Unit"))), 1);
  rs_gui_test_set_text (find_entry_row (item, "Unit"), "N·m");
  rs_gui_test_set_text (find_entry_row (item, "Minimum"), "5");
  rs_gui_test_set_text (find_entry_row (item, "Maximum"), "2.5");
  before = rs_test_dump (f->db);
  g_assert_false (rs_checklist_editor_save (checklist));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  rs_gui_test_set_text (find_entry_row (item, "Maximum"), "12.5");
  g_assert_true (rs_checklist_editor_save (checklist));
  templates = rs_inspection_templates_list (f->admin, &error);
  g_assert_no_error (error);
  json = json_to_string (templates, FALSE);
  g_assert_nonnull (strstr (json, "\"category\":\"工具\""));
  g_assert_nonnull (strstr (json, "\"key\":\"torque\""));
  g_assert_nonnull (strstr (json, "\"max\":\"12.5\""));
}

static void
test_width (Fixture *f, gconstpointer data)
{
  int minimum;

  show_section (f, f->admin);
  gtk_widget_measure (GTK_WIDGET (f->section), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("minimum width %d", minimum);
  /* Narrow enough for the main window's leaflet not to fold beside the sidebar. */
  g_assert_cmpint (minimum, <=, 760);
}

int
main (int argc, char **argv)
{
  rs_gui_test_init (&argc, &argv);
#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/master-section/search-and-inactive", test_search_and_inactive);
  ADD ("/master-section/field-refused-as-typed", test_field_refused_as_typed);
  ADD ("/master-section/core-refusal-under-field", test_core_refusal_under_field);
  ADD ("/master-section/edit-and-deactivate", test_edit_and_deactivate);
  ADD ("/master-section/without-permission", test_without_permission);
  ADD ("/master-section/checklist", test_checklist);
  ADD ("/master-section/width", test_width);
  return g_test_run ();
}
