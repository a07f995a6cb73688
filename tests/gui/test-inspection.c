/* The inspection page: the checklist of the product's category; the verdict follows the
 * toggles and measurements exactly as core computes it (rs_inspections_preview), a measurement
 * outside its range marks its row; Complete records through core, and core's refusal shows
 * beside the line with every toggle kept. Completing one line, or opening the same return
 * again, keeps what was typed on the other lines and not saved yet. */
#include "rs-gui-test.h"
#include "rs-inspection-section.h"
#include "rs-photo-strip.h"
#include <glib/gstdio.h>

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
  RsSession  *keeper;
  char       *number;
  GtkWidget  *window;
  RsInspectionSection *section;
  char       *notice;
  char       *dir;                 /* two lines: a folder with a picture for the photos */
  char       *png;
} Fixture;

static void
on_notify (GSimpleAction *action, GVariant *parameter, Fixture *f)
{
  g_free (f->notice);
  f->notice = g_variant_dup_string (parameter, NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) wh = NULL;
  g_autoptr(RsProduct) charger = NULL;
  g_autoptr(RsPartner) customer = NULL;
  g_autoptr(JsonNode) template = NULL;
  g_autoptr(RsReturn) ret = NULL;
  g_autoptr(RsSession) sales = NULL;
  g_autoptr(RsSession) service = NULL;
  g_autoptr(RsSession) manager = NULL;
  g_autoptr(RsProduct) adapter = NULL;
  RsProductFields charger_fields = { .sku = "E-1", .name = "充电器", .unit = "个", .category = "电器",
                                     .list_price = 5900 };
  RsProductFields adapter_fields = { .sku = "E-2", .name = "电源适配器", .unit = "个", .category = "电器",
                                     .list_price = 8900 };
  RsPartnerFields c001 = { .code = "C001", .name = "华东商贸" };
  RsInspectionItemFields items[] = {
    { "case", "外壳", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, TRUE },
    { "voltage", "输出电压", RS_INSPECTION_ITEM_MEASURE, "V", TRUE, 4750, TRUE, 5250, TRUE },
    { "scratch", "划痕", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, FALSE },
    { "label", "铭牌照片", RS_INSPECTION_ITEM_PHOTO, NULL, FALSE, 0, FALSE, 0, FALSE },
  };
  /* data: the number of lines, 1 (E-1) or 2 (E-1, E-2), all received. */
  guint n_lines = GPOINTER_TO_UINT (data) == 2 ? 2 : 1;
  RsReturnLineFields lines[] = { { "E-1", 2000, -1, NULL }, { "E-2", 1000, -1, NULL } };
  RsReturnFields fields = { .customer = "C001", .reason = "quality", .lines = lines, .n_lines = n_lines };
  RsReceiptLineFields receipt[] = { { "E-1", 2000 }, { "E-2", 1000 } };

  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  wh = rs_warehouses_add (f->admin, "WH1", "主仓库", NULL, &error);
  g_assert_no_error (error);
  charger = rs_products_add (f->admin, &charger_fields, &error);
  g_assert_no_error (error);
  adapter = rs_products_add (f->admin, &adapter_fields, &error);
  g_assert_no_error (error);
  customer = rs_partners_add (f->admin, RS_PARTNER_CUSTOMER, &c001, &error);
  g_assert_no_error (error);
  template = rs_inspection_templates_add (f->admin, "T-EL", "电器检验", "电器", items, G_N_ELEMENTS (items), &error);
  g_assert_no_error (error);
  sales = rs_test_add_user (f->db, "sal", RS_ROLE_SALES);
  service = rs_test_add_user (f->db, "svc", RS_ROLE_SERVICE);
  manager = rs_test_add_user (f->db, "mgr", RS_ROLE_MANAGER);
  f->keeper = rs_test_add_user (f->db, "kpr", RS_ROLE_KEEPER);

  ret = rs_returns_create (sales, &fields, &error);
  g_assert_no_error (error);
  f->number = g_strdup (rs_return_get_number (ret));
  g_clear_object (&ret);
  ret = rs_returns_submit (sales, f->number, NULL, &error);
  g_assert_no_error (error);
  while (rs_return_get_state (ret) == RS_RETURN_SUBMITTED)
    {
      RsSession *signer = (rs_return_get_next_role (ret) & RS_ROLE_SERVICE) ? service
                          : (rs_return_get_next_role (ret) & RS_ROLE_MANAGER) ? manager : f->admin;
      g_clear_object (&ret);
      ret = rs_returns_approve (signer, f->number, NULL, &error);
      g_assert_no_error (error);
    }
  g_clear_object (&ret);
  ret = rs_returns_receive (f->keeper, f->number, "WH1", receipt, n_lines, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (ret), ==, RS_RETURN_RECEIVED);
  if (n_lines == 2)
    {
      f->dir = g_dir_make_tmp ("rs-inspection-XXXXXX", &error);
      g_assert_no_error (error);
      f->png = rs_gui_test_write_png (f->dir, "line2.png", 32, 24);
    }

  f->section = g_object_new (RS_TYPE_INSPECTION_SECTION, "session", f->keeper, NULL);
  f->window = gtk_window_new ();
  {
    /* The main page's notice bar, as the section finds it in the window. */
    g_autoptr(GSimpleActionGroup) main_actions = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) notify = g_simple_action_new ("notify", G_VARIANT_TYPE_STRING);

    g_signal_connect (notify, "activate", G_CALLBACK (on_notify), f);
    g_action_map_add_action (G_ACTION_MAP (main_actions), G_ACTION (notify));
    gtk_widget_insert_action_group (f->window, "main", G_ACTION_GROUP (main_actions));
  }
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->section));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (rs_section_open (RS_SECTION (f->section), f->number, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  if (f->png != NULL)
    {
      g_remove (f->png);
      g_rmdir (f->dir);
    }
  g_free (f->png);
  g_free (f->dir);
  g_free (f->number);
  g_free (f->notice);
  g_clear_object (&f->keeper);
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
}

static GtkWidget *
line_part (Fixture *f, guint line, const char *name)
{
  GtkWidget *widget = rs_inspection_section_get_part (f->section, line, name);

  g_assert_nonnull (widget);
  return widget;
}

static GtkWidget *
part (Fixture *f, const char *name)
{
  return line_part (f, 1, name);
}

static const char *
verdict (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (part (f, "verdict")));
}

/* What core says for these values: the page must say the same. */
static const char *
core_verdict (Fixture *f, const RsInspectionValue *values, guint n)
{
  g_autoptr(GError) error = NULL;
  RsInspectionFields fields = { values, n, NULL, 0, -1, NULL };
  RsVerdict v;

  g_assert_true (rs_inspections_preview (f->keeper, "E-1", &fields, &v, NULL, NULL, &error));
  return rs_verdict_get_display_name (v);
}

static void
click (Fixture *f, const char *name)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (part (f, name)), TRUE);
}

static void
test_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (rs_inspection_section_get_number (f->section), ==, f->number);
  g_assert_true (rs_section_open (RS_SECTION (f->section), NULL, &error));
  g_assert_cmpstr (rs_inspection_section_get_number (f->section), ==, "");
}

static void
test_verdict_follows (Fixture *f, gconstpointer data)
{
  RsInspectionValue pass_only[] = { { "case", "pass" } };
  RsInspectionValue in_range[] = { { "case", "pass" }, { "voltage", "5.0" } };
  RsInspectionValue out_of_range[] = { { "case", "pass" }, { "voltage", "4.6" } };
  RsInspectionValue case_fails[] = { { "case", "fail" }, { "voltage", "5.0" } };
  RsInspectionValue optional_fails[] = { { "case", "na" }, { "voltage", "5.0" }, { "scratch", "fail" } };

  /* Nothing given yet: what is missing is said. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (part (f, "missing"))), !=, "");

  click (f, "case:pass");
  g_assert_cmpstr (verdict (f), ==, core_verdict (f, pass_only, 1));
  gtk_editable_set_text (GTK_EDITABLE (part (f, "voltage:value")), "5.0");
  g_assert_cmpstr (verdict (f), ==, core_verdict (f, in_range, 2));
  g_assert_cmpstr (verdict (f), ==, rs_verdict_get_display_name (RS_VERDICT_PASS));
  g_assert_false (gtk_widget_has_css_class (part (f, "voltage"), "rs-item-failed"));
  g_assert_false (gtk_widget_get_visible (part (f, "missing")));

  /* Out of range: the row is marked and the verdict fails. */
  gtk_editable_set_text (GTK_EDITABLE (part (f, "voltage:value")), "4.6");
  g_assert_cmpstr (verdict (f), ==, core_verdict (f, out_of_range, 2));
  g_assert_cmpstr (verdict (f), ==, rs_verdict_get_display_name (RS_VERDICT_FAIL));
  g_assert_true (gtk_widget_has_css_class (part (f, "voltage"), "rs-item-failed"));
  gtk_test_accessible_assert_state (part (f, "voltage:value"), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);

  gtk_editable_set_text (GTK_EDITABLE (part (f, "voltage:value")), "5.0");
  g_assert_false (gtk_widget_has_css_class (part (f, "voltage"), "rs-item-failed"));
  click (f, "case:fail");   /* linked toggles: pass goes off */
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (part (f, "case:pass"))));
  g_assert_cmpstr (verdict (f), ==, core_verdict (f, case_fails, 2));
  g_assert_cmpstr (verdict (f), ==, rs_verdict_get_display_name (RS_VERDICT_FAIL));

  /* An optional item failing leaves the verdict to core: pass. */
  click (f, "case:na");
  click (f, "scratch:fail");
  g_assert_cmpstr (verdict (f), ==, core_verdict (f, optional_fails, 3));
  g_assert_cmpstr (verdict (f), ==, rs_verdict_get_display_name (RS_VERDICT_PASS));

  /* The inspector may make it stricter. */
  gtk_switch_set_active (GTK_SWITCH (part (f, "stricter")), TRUE);
  g_assert_cmpstr (verdict (f), ==, rs_verdict_get_display_name (RS_VERDICT_FAIL));
}

static void
test_complete (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) ret = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* The voltage is missing: core refuses, the message shows, the toggle stays. */
  click (f, "case:pass");
  before = rs_test_dump (f->db);
  g_signal_emit_by_name (part (f, "complete"), "clicked");
  g_assert_true (gtk_widget_get_visible (part (f, "message")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (part (f, "message"))), "voltage"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (part (f, "case:pass"))));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  gtk_editable_set_text (GTK_EDITABLE (part (f, "voltage:value")), "4.6");
  g_signal_emit_by_name (part (f, "complete"), "clicked");
  ret = rs_returns_lookup (f->admin, f->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (ret), ==, RS_RETURN_INSPECTED);
  g_assert_nonnull (f->notice);
  g_assert_nonnull (strstr (f->notice, rs_verdict_get_display_name (RS_VERDICT_FAIL)));
  /* Nothing left: the page says so. */
  g_assert_null (rs_inspection_section_get_part (f->section, 1, "verdict"));
}

static gboolean
active (Fixture *f, guint line, const char *name)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (line_part (f, line, name)));
}

/* A pending photo proven a picture (the strip checks it in a thread). */
static void
add_photo (GtkWidget *strip, const char *path)
{
  const char *paths[] = { path, NULL };

  rs_photo_strip_set_pending_files (RS_PHOTO_STRIP (strip), paths);
  rs_gui_test_wait_idle (strip);
  g_assert_cmpuint (g_strv_length (rs_photo_strip_get_pending_files (RS_PHOTO_STRIP (strip))), ==, 1);
}

static gboolean
has_photo (GtkWidget *strip, const char *path)
{
  g_auto(GStrv) files = rs_photo_strip_get_pending_files (RS_PHOTO_STRIP (strip));
  return g_strv_contains ((const char * const *) files, path);
}

/* Everything the inspector gave line 2 and has not saved: toggles, a measurement, text,
 * the stricter switch and photos; then line 1 as complete as Complete needs. */
static void
fill_both_lines (Fixture *f)
{

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (line_part (f, 2, "case:pass")), TRUE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (line_part (f, 2, "scratch:fail")), TRUE);
  rs_gui_test_set_text (line_part (f, 2, "voltage:value"), "5.1");
  rs_gui_test_set_text (line_part (f, 2, "remark"), "外壳有轻微划痕");
  gtk_switch_set_active (GTK_SWITCH (line_part (f, 2, "stricter")), TRUE);
  add_photo (line_part (f, 2, "photos"), f->png);
  add_photo (line_part (f, 2, "label:photos"), f->png);
  click (f, "case:pass");
  rs_gui_test_set_text (part (f, "voltage:value"), "5.0");
}

static void
assert_line_2_kept (Fixture *f)
{

  g_assert_true (active (f, 2, "case:pass"));
  g_assert_false (active (f, 2, "case:fail"));
  g_assert_true (active (f, 2, "scratch:fail"));
  g_assert_false (active (f, 2, "scratch:pass"));
  g_assert_cmpstr (rs_gui_test_get_text (line_part (f, 2, "voltage:value")), ==, "5.1");
  g_assert_cmpstr (rs_gui_test_get_text (line_part (f, 2, "remark")), ==, "外壳有轻微划痕");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (line_part (f, 2, "stricter"))));
  g_assert_true (has_photo (line_part (f, 2, "photos"), f->png));
  g_assert_true (has_photo (line_part (f, 2, "label:photos"), f->png));
  /* The verdict still follows what is shown: stricter → fail. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (line_part (f, 2, "verdict"))), ==,
                   rs_verdict_get_display_name (RS_VERDICT_FAIL));
}

/* Completing line 1 leaves line 2 as the inspector left it; completing line 2 then records
 * exactly that. */
static void
test_complete_keeps_other_lines (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) ret = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonObject *object;

  fill_both_lines (f);
  g_signal_emit_by_name (part (f, "complete"), "clicked");
  g_assert_nonnull (f->notice);
  g_assert_null (rs_inspection_section_get_part (f->section, 1, "verdict"));
  assert_line_2_kept (f);

  /* The same return opened again (the return's Inspect button) keeps it too. */
  g_assert_true (rs_section_open (RS_SECTION (f->section), f->number, &error));
  g_assert_no_error (error);
  assert_line_2_kept (f);

  g_signal_emit_by_name (line_part (f, 2, "complete"), "clicked");
  ret = rs_returns_lookup (f->admin, f->number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (ret), ==, RS_RETURN_INSPECTED);
  g_assert_nonnull (strstr (f->notice, "E-2"));
  {
    /* The notice names the inspection: what core stored is what line 2 showed. */
    const char *jy = strstr (f->notice, "JY");
    g_autofree char *number = NULL;
    g_autoptr(RsInspection) inspection = NULL;

    g_assert_nonnull (jy);
    number = g_strndup (jy, strspn (jy, "JY0123456789-"));
    inspection = rs_inspections_lookup (f->admin, number, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rs_inspection_get_sku (inspection), ==, "E-2");
    g_assert_cmpint (rs_inspection_get_verdict (inspection), ==, RS_VERDICT_FAIL);
    json = rs_inspection_to_json (inspection);
  }
  object = json_node_get_object (json);
  g_assert_cmpstr (json_object_get_string_member (object, "remark"), ==, "外壳有轻微划痕");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "photos")), ==, 2);
}

/* Line 1 is partly being inspected elsewhere: Complete records only the rest, so line 1
 * stays for what is left and starts afresh (what it showed is saved), line 2 keeps what
 * was typed. */
static void
test_completed_line_afresh (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsInspection) part_of_line = NULL;

  part_of_line = rs_inspections_start (f->keeper, f->number, "E-1", 1000, &error);
  g_assert_no_error (error);
  fill_both_lines (f);
  rs_gui_test_set_text (part (f, "remark"), "第一件");
  g_signal_emit_by_name (part (f, "complete"), "clicked");
  g_assert_nonnull (f->notice);
  g_assert_nonnull (strstr (f->notice, "E-1"));

  /* One of two left on line 1, nothing of the saved input shown as if unsaved. */
  g_assert_true (g_str_has_prefix (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                                     gtk_widget_get_ancestor (part (f, "case"), ADW_TYPE_PREFERENCES_GROUP))), "1 "));
  g_assert_false (active (f, 1, "case:pass"));
  g_assert_cmpstr (rs_gui_test_get_text (part (f, "voltage:value")), ==, "");
  g_assert_cmpstr (rs_gui_test_get_text (part (f, "remark")), ==, "");
  assert_line_2_kept (f);
}

int
main (int argc, char **argv)
{
  rs_gui_test_init (&argc, &argv);
  rs_i18n_init ();
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/inspection/list", test_list);
  ADD ("/inspection/verdict-follows", test_verdict_follows);
  ADD ("/inspection/complete", test_complete);
  g_test_add ("/inspection/complete-keeps-other-lines", Fixture, GUINT_TO_POINTER (2), fixture_set_up,
              test_complete_keeps_other_lines, fixture_tear_down);
  g_test_add ("/inspection/completed-line-afresh", Fixture, GUINT_TO_POINTER (2), fixture_set_up,
              test_completed_line_afresh, fixture_tear_down);
  return g_test_run ();
}
