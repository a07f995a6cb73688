/* test-return-stages.c — receiving, inspection, disposition, costs and settlement in core: the
 * program's clock on inspections and the deadlines it checks, the refusals the CLI tests cannot
 * reach, each leaving every table as it was, and the rules the database keeps by itself. */
#include "rs-test-util.h"
#include "rs-approval.h"

#include <string.h>

#define HOUR (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define DAY  (24 * HOUR)

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
  RsSession  *sales;
  RsSession  *service;
  RsSession  *manager;
  RsSession  *keeper;
  RsSession  *finance;
  RsSession  *viewer;
  gint64      start;
} Fixture;

static const RsInspectionValue all_pass[] = {
  { "packaging", "pass" }, { "accessories", "pass" }, { "appearance", "pass" }, { "function", "pass" }, { "serial", "SN-1" },
};

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_local (2026, 11, 26, 10, 0, 0);
  RsProductFields product = { .sku = "P-1", .name = "螺丝刀", .unit = "把", .category = "工具", .list_price = 9900 };
  RsPartnerFields customer = { .code = "C001", .name = "华东商贸" };
  RsPartnerFields supplier = { .code = "S001", .name = "深圳电子" };
  RsSlipLineFields purchase_line = { "P-1", 20000, "A1", NULL, 1250 };
  RsSlipFields purchase = { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, "S001", NULL, &purchase_line, 1 };
  g_autoptr(RsProduct) p1 = NULL;
  g_autoptr(RsPartner) c = NULL;
  g_autoptr(RsPartner) s = NULL;
  g_autoptr(RsWarehouse) wh1 = NULL;
  g_autoptr(RsWarehouse) wh2 = NULL;
  g_autoptr(RsLocation) a1 = NULL;
  g_autoptr(RsLocation) r1 = NULL;
  g_autoptr(RsLocation) b1 = NULL;
  g_autoptr(RsSlip) slip = NULL;

  f->start = g_date_time_to_unix (when) * G_USEC_PER_SEC;
  rs_clock_set_fixed (f->start);
  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  p1 = rs_products_add (f->admin, &product, &error);
  g_assert_no_error (error);
  c = rs_partners_add (f->admin, RS_PARTNER_CUSTOMER, &customer, &error);
  g_assert_no_error (error);
  s = rs_partners_add (f->admin, RS_PARTNER_SUPPLIER, &supplier, &error);
  g_assert_no_error (error);
  wh1 = rs_warehouses_add (f->admin, "WH1", "主仓库", NULL, &error);
  g_assert_no_error (error);
  wh2 = rs_warehouses_add (f->admin, "WH2", "二号仓库", NULL, &error);
  g_assert_no_error (error);
  a1 = rs_locations_add (f->admin, "WH1", "A1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  r1 = rs_locations_add (f->admin, "WH1", "R1", NULL, RS_LOCATION_REPAIR, &error);
  g_assert_no_error (error);
  b1 = rs_locations_add (f->admin, "WH2", "B1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  slip = rs_slips_create_posted (f->admin, &purchase, &error);
  g_assert_no_error (error);
  f->sales = rs_test_add_user (f->db, "sal", RS_ROLE_SALES);
  f->service = rs_test_add_user (f->db, "svc", RS_ROLE_SERVICE);
  f->manager = rs_test_add_user (f->db, "mgr", RS_ROLE_MANAGER);
  f->keeper = rs_test_add_user (f->db, "kp", RS_ROLE_KEEPER);
  f->finance = rs_test_add_user (f->db, "fin", RS_ROLE_FINANCE);
  f->viewer = rs_test_add_user (f->db, "view", RS_ROLE_VIEWER);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->viewer);
  g_clear_object (&f->finance);
  g_clear_object (&f->keeper);
  g_clear_object (&f->manager);
  g_clear_object (&f->service);
  g_clear_object (&f->sales);
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
  rs_clock_use_system ();
}

/* An approved return of `units` P-1; its number (to free). */
static char *
approved (Fixture *f, gint64 units)
{
  g_autoptr(GError) error = NULL;
  RsReturnLineFields line = { "P-1", units * 1000, 9900, NULL };
  RsReturnFields fields = { .customer = "C001", .reason = "quality", .sale_date = "2026-11-20", .lines = &line, .n_lines = 1 };
  g_autoptr(RsReturn) draft = rs_returns_create (f->sales, &fields, &error);
  g_autoptr(RsReturn) submitted = NULL;
  g_autoptr(RsReturn) signed1 = NULL;
  g_autoptr(RsReturn) signed2 = NULL;

  g_assert_no_error (error);
  submitted = rs_returns_submit (f->sales, rs_return_get_number (draft), NULL, &error);
  g_assert_no_error (error);
  signed1 = rs_returns_approve (f->service, rs_return_get_number (draft), NULL, &error);
  g_assert_no_error (error);
  signed2 = rs_returns_approve (f->manager, rs_return_get_number (draft), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (signed2), ==, RS_RETURN_APPROVED);
  return g_strdup (rs_return_get_number (draft));
}

static void
receive (Fixture *f, const char *number, const char *warehouse, gint64 units)
{
  g_autoptr(GError) error = NULL;
  RsReceiptLineFields line = { "P-1", units * 1000 };
  g_autoptr(RsReturn) ret = rs_returns_receive (f->keeper, number, warehouse, &line, 1, NULL, &error);

  g_assert_no_error (error);
}

static void
inspect (Fixture *f, const char *number, gint64 units)
{
  g_autoptr(GError) error = NULL;
  RsInspectionFields fields = { all_pass, G_N_ELEMENTS (all_pass), NULL, 0, -1, NULL };
  g_autoptr(RsInspection) inspection = rs_inspections_record (f->keeper, number, "P-1", units * 1000, &fields, &error);

  g_assert_no_error (error);
}

static gboolean
has_flag (RsReturn *ret, RsFlagKind kind, gboolean pending)
{
  for (guint i = 0; i < rs_return_get_n_flags (ret); i++)
    {
      g_autoptr(RsReturnFlag) flag = g_list_model_get_item (rs_return_get_flags (ret), i);
      if (rs_return_flag_get_kind (flag) == kind && rs_return_flag_get_pending (flag) == pending)
        return TRUE;
    }
  return FALSE;
}

/* Start and finish come from the program's clock; late steps are recorded on the return. */
static void
test_clock_and_deadlines (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = approved (f, 2);
  g_autoptr(RsInspection) open = NULL;
  g_autoptr(RsInspection) done = NULL;
  g_autoptr(RsReturn) ret = NULL;
  RsInspectionFields fields = { all_pass, G_N_ELEMENTS (all_pass), NULL, 0, -1, NULL };

  rs_clock_set_fixed (f->start + 11 * DAY);
  ret = rs_returns_lookup (f->viewer, number, &error);
  g_assert_no_error (error);
  g_assert_true (has_flag (ret, RS_FLAG_RECEIVING_DEADLINE, TRUE));   /* late, not yet recorded */
  g_clear_object (&ret);

  receive (f, number, "WH1", 2);
  ret = rs_returns_lookup (f->viewer, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (ret), ==, RS_RETURN_RECEIVED);
  g_assert_cmpint (rs_return_get_received_at (ret), ==, f->start + 11 * DAY);
  g_assert_true (has_flag (ret, RS_FLAG_RECEIVING_DEADLINE, FALSE));  /* recorded: 11 days > 10 */
  g_clear_object (&ret);

  rs_clock_set_fixed (f->start + 11 * DAY + HOUR);
  open = rs_inspections_start (f->keeper, number, "P-1", 0, &error);
  g_assert_no_error (error);
  g_assert_false (rs_inspection_get_finished (open));
  g_assert_cmpint (rs_inspection_get_quantity (open), ==, 2000);

  rs_clock_set_fixed (f->start + 14 * DAY);
  done = rs_inspections_finish (f->keeper, rs_inspection_get_number (open), &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_inspection_get_started_at (done), ==, f->start + 11 * DAY + HOUR);
  g_assert_cmpint (rs_inspection_get_finished_at (done), ==, f->start + 14 * DAY);
  g_assert_cmpint (rs_inspection_get_verdict (done), ==, RS_VERDICT_PASS);
  ret = rs_returns_lookup (f->viewer, number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (ret), ==, RS_RETURN_INSPECTED);
  g_assert_true (has_flag (ret, RS_FLAG_INSPECTION_DEADLINE, FALSE));  /* 72 h > 48 h */
}

/* refused (f, CODE, call): the call fails with the code and every table is as it was. */
#define refused(f, code, call) G_STMT_START {                                  \
    g_autofree char *before_ = rs_test_dump ((f)->db);                         \
    g_autofree char *after_ = NULL;                                            \
    g_autoptr(GError) error = NULL;                                            \
    gpointer result_ = (gpointer) (call);                                      \
    g_assert_null (result_);                                                   \
    g_assert_error (error, RS_ERROR, (code));                                  \
    after_ = rs_test_dump ((f)->db);                                           \
    g_assert_cmpstr (before_, ==, after_);                                     \
  } G_STMT_END

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) failure = NULL;
  g_autofree char *number = approved (f, 4);
  g_autoptr(RsInspection) done = NULL;
  g_autoptr(RsReturn) disposed = NULL;
  RsReceiptLineFields rest = { "P-1", 1000 };
  RsInspectionFields pass = { all_pass, G_N_ELEMENTS (all_pass), NULL, 0, -1, NULL };
  RsDispositionFields repair = { "P-1", 2000, RS_DISPOSITION_REPAIR, "R1" };
  RsDispositionFields restock = { "P-1", 2000, RS_DISPOSITION_RESTOCK, "A1" };
  RsRepairFields back_one = { "P-1", 1000, "A1" };
  RsInspectionItemFields min_above_max[] = {
    { "v", "电压", RS_INSPECTION_ITEM_MEASURE, "V", TRUE, 5000, TRUE, 4000, TRUE },
  };
  RsInspectionItemFields equals_key[] = { { "a=b", "甲", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, TRUE } };
  RsInspectionItemFields many[51];

  /* Receiving */
  refused (f, RS_ERROR_VALIDATION, rs_returns_receive (f->keeper, number, "WH1", &rest, 0, NULL, &error));
  refused (f, RS_ERROR_PERMISSION, rs_returns_receive (f->viewer, number, "WH1", &rest, 1, NULL, &error));
  receive (f, number, "WH1", 3);
  refused (f, RS_ERROR_VALIDATION, rs_returns_receive (f->keeper, number, "WH2", &rest, 1, NULL, &error));
  receive (f, number, "WH1", 1);

  /* Inspection */
  {
    RsInspectionValue given_twice[] = { { "packaging", "pass" }, { "accessories", "pass" }, { "appearance", "pass" },
                                        { "function", "pass" }, { "serial", "SN" }, { "function", "fail" } };
    RsInspectionValue not_a_number[] = { { "packaging", "pass" }, { "accessories", "pass" }, { "appearance", "pass" },
                                         { "function", "maybe" }, { "serial", "SN" } };
    RsInspectionPhoto unknown = { "colour", "/nonexistent.jpg" };
    RsInspectionFields twice_given = { given_twice, G_N_ELEMENTS (given_twice), NULL, 0, -1, NULL };
    RsInspectionFields bad_check = { not_a_number, G_N_ELEMENTS (not_a_number), NULL, 0, -1, NULL };
    RsInspectionFields unknown_photo = { all_pass, G_N_ELEMENTS (all_pass), &unknown, 1, -1, NULL };

    refused (f, RS_ERROR_VALIDATION, rs_inspections_record (f->keeper, number, "P-1", 0, &twice_given, &error));
    refused (f, RS_ERROR_VALIDATION, rs_inspections_record (f->keeper, number, "P-1", 0, &bad_check, &error));
    refused (f, RS_ERROR_VALIDATION, rs_inspections_record (f->keeper, number, "P-1", 0, &unknown_photo, &error));
    refused (f, RS_ERROR_VALIDATION, rs_inspections_record (f->keeper, number, "P-1", 5000, &pass, &error));
    refused (f, RS_ERROR_PERMISSION, rs_inspections_record (f->service, number, "P-1", 0, &pass, &error));
  }
  done = rs_inspections_record (f->keeper, number, "P-1", 0, &pass, &failure);
  g_assert_no_error (failure);
  refused (f, RS_ERROR_INVALID_STATE, rs_inspections_finish (f->keeper, rs_inspection_get_number (done), &pass, &error));

  /* Disposition: 2 to repair as one, 2 restocked */
  refused (f, RS_ERROR_VALIDATION, rs_returns_dispose (f->keeper, number, &repair, 0, &error));
  disposed = rs_returns_dispose (f->keeper, number, &repair, 1, &failure);
  g_assert_no_error (failure);
  g_clear_object (&disposed);
  disposed = rs_returns_dispose (f->keeper, number, &restock, 1, &failure);
  g_assert_no_error (failure);
  g_assert_cmpint (rs_return_get_state (disposed), ==, RS_RETURN_DISPOSED);
  refused (f, RS_ERROR_VALIDATION, rs_returns_repaired (f->keeper, number, &back_one, 1, &error));
  refused (f, RS_ERROR_PERMISSION, rs_returns_repaired (f->finance, number, &back_one, 1, &error));

  /* Costs */
  refused (f, RS_ERROR_VALIDATION, rs_returns_add_cost (f->finance, number, RS_COST_SCRAP_LOSS, 100, NULL, &error));
  refused (f, RS_ERROR_VALIDATION, rs_returns_add_cost (f->finance, number, RS_COST_REFUND, -5, NULL, &error));

  /* Settlement: a return named twice; one already gathered */
  {
    const char *named_twice[] = { number, number, NULL };
    const char *once[] = { number, NULL };
    g_autoptr(RsSettlement) draft = NULL;

    refused (f, RS_ERROR_VALIDATION, rs_settlements_create (f->finance, "2026-11-01", "2026-11-30", named_twice, NULL, &error));
    refused (f, RS_ERROR_VALIDATION, rs_settlements_create (f->finance, "2026-13-01", "2026-11-30", NULL, NULL, &error));
    refused (f, RS_ERROR_PERMISSION, rs_settlements_create (f->keeper, "2026-11-01", "2026-11-30", NULL, NULL, &error));
    draft = rs_settlements_create (f->finance, "2026-11-01", "2026-11-30", once, NULL, &failure);
    g_assert_no_error (failure);
    g_assert_cmpint (rs_settlement_get_n_returns (draft), ==, 1);
    refused (f, RS_ERROR_INVALID_STATE, rs_settlements_create (f->finance, "2026-11-01", "2026-11-30", once, NULL, &error));
    refused (f, RS_ERROR_PERMISSION, rs_settlements_approve (f->viewer, rs_settlement_get_number (draft), &error));
  }

  /* Checklists */
  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    many[i] = (RsInspectionItemFields) { "k", "项", RS_INSPECTION_ITEM_CHECK, NULL, FALSE, 0, FALSE, 0, TRUE };
  refused (f, RS_ERROR_VALIDATION, rs_inspection_templates_add (f->admin, "T1", "电压", "工具", min_above_max, 1, &error));
  refused (f, RS_ERROR_VALIDATION, rs_inspection_templates_add (f->admin, "T2", "等号", "工具", equals_key, 1, &error));
  refused (f, RS_ERROR_VALIDATION, rs_inspection_templates_add (f->admin, "T3", "太多", "工具", many, G_N_ELEMENTS (many), &error));
  refused (f, RS_ERROR_VALIDATION, rs_inspection_templates_add (f->admin, "T4", "没有", "工具", many, 0, &error));
  refused (f, RS_ERROR_PERMISSION, rs_inspection_templates_add (f->keeper, "T5", "库管", "工具", equals_key, 1, &error));
}

/* A checklist's deactivation is refused twice; a category's own checklist replaces the default. */
static void
test_checklists (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RsInspectionItemFields items[] = {
    { "voltage", "电压", RS_INSPECTION_ITEM_MEASURE, "V", TRUE, 4500, TRUE, 5500, TRUE },
    { "note", "备注", RS_INSPECTION_ITEM_TEXT, NULL, FALSE, 0, FALSE, 0, FALSE },
  };
  RsInspectionValue low[] = { { "voltage", "-1.5" } };
  RsInspectionFields fields = { low, 1, NULL, 0, -1, NULL };
  g_autoptr(JsonNode) added = rs_inspection_templates_add (f->admin, "TOOL", "工具检验", "工具", items, 2, &error);
  g_autofree char *number = NULL;
  g_autoptr(RsInspection) inspection = NULL;
  g_autoptr(JsonNode) json = NULL;
  JsonArray *results;

  g_assert_no_error (error);
  number = approved (f, 1);
  receive (f, number, "WH1", 1);
  inspection = rs_inspections_record (f->keeper, number, "P-1", 0, &fields, &error);
  g_assert_no_error (error);
  json = rs_inspection_to_json (inspection);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "template"), ==, "TOOL");
  results = json_object_get_array_member (json_node_get_object (json), "results");
  g_assert_cmpint (json_array_get_length (results), ==, 1);   /* the optional note left out */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 0), "value"), ==, "-1.5");
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (results, 0), "passed"));
  g_assert_cmpint (rs_inspection_get_computed_verdict (inspection), ==, RS_VERDICT_FAIL);

  g_assert_true (rs_inspection_templates_deactivate (f->admin, "TOOL", &error));
  g_assert_no_error (error);
  {
    g_autofree char *before = rs_test_dump (f->db);
    g_autofree char *after = NULL;

    g_assert_false (rs_inspection_templates_deactivate (f->admin, "TOOL", &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
    g_clear_error (&error);
    g_assert_false (rs_inspection_templates_deactivate (f->admin, "default", &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
    after = rs_test_dump (f->db);
    g_assert_cmpstr (before, ==, after);
  }
}

/* The database keeps the quantities in order whatever program writes. */
static void
test_database_guards (Fixture *f, gconstpointer data)
{
  g_autofree char *number = approved (f, 2);
  sqlite3 *handle = rs_database_get_handle (f->db);

  receive (f, number, "WH1", 1);
  inspect (f, number, 1);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE return_line SET inspected_quantity = received_quantity + 1",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE return_line SET disposed_quantity = inspected_quantity + 1",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE return_event SET comment = 'x'", NULL, NULL, NULL), !=, SQLITE_OK);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/return-stages/clock-and-deadlines", Fixture, NULL, fixture_set_up, test_clock_and_deadlines, fixture_tear_down);
  g_test_add ("/return-stages/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/return-stages/checklists", Fixture, NULL, fixture_set_up, test_checklists, fixture_tear_down);
  g_test_add ("/return-stages/database-guards", Fixture, NULL, fixture_set_up, test_database_guards, fixture_tear_down);
  return g_test_run ();
}
