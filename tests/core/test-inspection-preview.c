/* test-inspection-preview.c — the verdict a checklist would give, computed by the same code
 * that finishes an inspection, without writing anything: the category's template, ranges,
 * required items missing said in words, malformed values refused. */
#include "rs-test-util.h"
#include "rs-inspection.h"

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
  RsSession  *keeper;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) plain = NULL;
  g_autoptr(RsProduct) charger = NULL;
  g_autoptr(JsonNode) template = NULL;
  RsProductFields plain_fields = { .sku = "P-1", .name = "螺丝刀", .unit = "把", .list_price = 900 };
  RsProductFields charger_fields = { .sku = "E-1", .name = "充电器", .unit = "个", .category = "电器",
                                     .barcode = "6900000000011", .list_price = 5900 };
  RsInspectionItemFields items[] = {
    { "case", "外壳", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, TRUE },
    { "voltage", "输出电压", RS_INSPECTION_ITEM_MEASURE, "V", TRUE, 4750, TRUE, 5250, TRUE },
    { "scratch", "划痕", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, FALSE },
    { "label", "铭牌照片", RS_INSPECTION_ITEM_PHOTO, NULL, FALSE, 0, FALSE, 0, TRUE },
  };

  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  plain = rs_products_add (f->admin, &plain_fields, &error);
  g_assert_no_error (error);
  charger = rs_products_add (f->admin, &charger_fields, &error);
  g_assert_no_error (error);
  template = rs_inspection_templates_add (f->admin, "T-EL", "电器检验", "电器", items, G_N_ELEMENTS (items), &error);
  g_assert_no_error (error);
  f->keeper = rs_test_add_user (f->db, "kpr", RS_ROLE_KEEPER);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->keeper);
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
}

static void
test_checklist (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) plain = rs_inspections_checklist (f->keeper, "P-1", &error);
  g_autoptr(JsonNode) charger = NULL;
  JsonArray *items;

  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (plain), "default"));
  /* A scanned barcode finds the product's category's checklist. */
  charger = rs_inspections_checklist (f->keeper, "6900000000011", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (charger), "code"), ==, "T-EL");
  items = json_object_get_array_member (json_node_get_object (charger), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 1), "unit"), ==, "V");
}

static RsVerdict
preview (Fixture *f, const RsInspectionValue *values, guint n_values, const RsInspectionPhoto *photos,
         guint n_photos, GStrv *failed, char **incomplete)
{
  g_autoptr(GError) error = NULL;
  RsInspectionFields fields = { values, n_values, photos, n_photos, -1, NULL };
  RsVerdict verdict = RS_VERDICT_PASS;

  g_assert_true (rs_inspections_preview (f->keeper, "E-1", &fields, &verdict, failed, incomplete, &error));
  g_assert_no_error (error);
  return verdict;
}

static void
test_verdict (Fixture *f, gconstpointer data)
{
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  RsInspectionValue good[] = { { "case", "pass" }, { "voltage", "5.02" }, { "scratch", "fail" } };
  RsInspectionValue low[] = { { "case", "pass" }, { "voltage", "4.7" } };
  RsInspectionValue edge[] = { { "case", "na" }, { "voltage", "4.750" } };
  RsInspectionValue bad_case[] = { { "case", "fail" } };
  RsInspectionPhoto photo = { "label", "/nonexistent/label.jpg" };
  g_auto(GStrv) failed = NULL;
  g_autofree char *incomplete = NULL;

  /* An optional item failing does not fail the verdict; it is still named. */
  g_assert_cmpint (preview (f, good, 3, &photo, 1, &failed, &incomplete), ==, RS_VERDICT_PASS);
  g_assert_null (incomplete);
  g_assert_true (g_strv_equal ((const char * const *) failed, (const char *[]) { "scratch", NULL }));
  g_clear_pointer (&failed, g_strfreev);

  /* Below the range: the measurement fails, and with it the verdict. */
  g_assert_cmpint (preview (f, low, 2, &photo, 1, &failed, &incomplete), ==, RS_VERDICT_FAIL);
  g_assert_true (g_strv_equal ((const char * const *) failed, (const char *[]) { "voltage", NULL }));
  g_clear_pointer (&failed, g_strfreev);
  g_assert_cmpint (preview (f, edge, 2, &photo, 1, &failed, NULL), ==, RS_VERDICT_PASS);
  g_assert_cmpuint (g_strv_length (failed), ==, 0);
  g_clear_pointer (&failed, g_strfreev);

  /* Half filled in: a failed check fails at once; what is missing is said, not refused. */
  g_assert_cmpint (preview (f, bad_case, 1, NULL, 0, NULL, &incomplete), ==, RS_VERDICT_FAIL);
  g_assert_nonnull (incomplete);
  g_assert_nonnull (strstr (incomplete, "输出电压"));
  g_clear_pointer (&incomplete, g_free);
  g_assert_cmpint (preview (f, good, 3, NULL, 0, NULL, &incomplete), ==, RS_VERDICT_PASS);
  g_assert_nonnull (strstr (incomplete, "铭牌照片"));

  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RsInspectionValue letters[] = { { "voltage", "five" } };
  RsInspectionValue unknown[] = { { "colour", "pass" } };
  RsInspectionFields fields = { letters, 1, NULL, 0, -1, NULL };
  RsVerdict verdict;

  g_assert_false (rs_inspections_preview (f->keeper, "E-1", &fields, &verdict, NULL, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  fields.values = unknown;
  g_assert_false (rs_inspections_preview (f->keeper, "E-1", &fields, &verdict, NULL, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (rs_inspections_preview (f->keeper, "NOPE", &fields, &verdict, NULL, NULL, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  rs_i18n_init ();
  g_test_add ("/inspection-preview/checklist", Fixture, NULL, fixture_set_up, test_checklist, fixture_tear_down);
  g_test_add ("/inspection-preview/verdict", Fixture, NULL, fixture_set_up, test_verdict, fixture_tear_down);
  g_test_add ("/inspection-preview/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  return g_test_run ();
}
