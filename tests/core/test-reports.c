/* test-reports.c — the reports in core on a small company whose figures are worked out by hand
 * below (not by the reports' SQL): returns by reason and product with costs shared over lines,
 * stage times with the clock moved, stock value and movements; and every refusal — roles
 * without RS_ACTION_REPORT_VIEW, a disabled account, bad date ranges — changing nothing. */
#include "rs-test-util.h"
#include "rs-approval.h"
#include "rs-reports.h"
#include "rs-return-cost.h"
#include "rs-returns.h"
#include "rs-slips.h"

#include <string.h>

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
  RsSession  *sales;
  RsSession  *service;
  RsSession  *manager;
  RsSession  *finance;
} Fixture;

static gint64
local_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static void
add_product (Fixture *f, const char *sku, int decimals, const char *category, gint64 price)
{
  g_autoptr(GError) error = NULL;
  RsProductFields fields = { .sku = sku, .name = sku, .unit = "个", .decimals = decimals, .category = category,
                             .list_price = price };
  g_autoptr(RsProduct) product = rs_products_add (f->admin, &fields, &error);

  g_assert_no_error (error);
}

static void
post_slip (Fixture *f, RsSlipKind kind, const char *purpose, const char *date, const char *partner,
           const RsSlipLineFields *lines, guint n_lines)
{
  g_autoptr(GError) error = NULL;
  RsSlipFields fields = { .kind = kind, .purpose = purpose, .warehouse = "WH1", .date = date, .partner = partner,
                          .lines = lines, .n_lines = n_lines };
  g_autoptr(RsSlip) slip = rs_slips_create_posted (f->admin, &fields, &error);

  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) wh = NULL;
  g_autoptr(RsLocation) a1 = NULL;
  g_autoptr(RsPartner) customer = NULL;
  g_autoptr(RsPartner) supplier = NULL;
  RsPartnerFields c001 = { .code = "C001", .name = "华东商贸" };
  RsPartnerFields s001 = { .code = "S001", .name = "深圳电子" };
  RsSlipLineFields bought[] = { { "P-1", 10000, "A1", NULL, 1250 }, { "P-2", 5500, "A1", NULL, 300 } };
  RsSlipLineFields sold[] = { { "P-1", 4000, "A1", NULL, -1 } };

  rs_clock_set_fixed (local_time (2026, 11, 20, 9, 0));
  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  wh = rs_warehouses_add (f->admin, "WH1", "主仓库", NULL, &error);
  g_assert_no_error (error);
  a1 = rs_locations_add (f->admin, "WH1", "A1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  add_product (f, "P-1", 0, "工具", 9900);
  add_product (f, "P-2", 1, "耗材", 1001);
  customer = rs_partners_add (f->admin, RS_PARTNER_CUSTOMER, &c001, &error);
  g_assert_no_error (error);
  supplier = rs_partners_add (f->admin, RS_PARTNER_SUPPLIER, &s001, &error);
  g_assert_no_error (error);
  post_slip (f, RS_SLIP_IN, "purchase", "2026-11-20", "S001", bought, G_N_ELEMENTS (bought));
  post_slip (f, RS_SLIP_OUT, "sale", "2026-11-20", "C001", sold, G_N_ELEMENTS (sold));

  f->sales = rs_test_add_user (f->db, "sal", RS_ROLE_SALES);
  f->service = rs_test_add_user (f->db, "svc", RS_ROLE_SERVICE);
  f->manager = rs_test_add_user (f->db, "mgr", RS_ROLE_MANAGER);
  f->finance = rs_test_add_user (f->db, "fin", RS_ROLE_FINANCE);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->finance);
  g_clear_object (&f->manager);
  g_clear_object (&f->service);
  g_clear_object (&f->sales);
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
  rs_clock_use_system ();
}

/* A return taken in at `created` (hh:mm on 26 November) and, unless approved_hour < 0, signed by
 * both levels at `approved`; its number. */
static char *
take_return (Fixture *f, const char *reason, const char *sale_date, const RsReturnLineFields *lines, guint n_lines,
             int created_hour, int created_minute, int approved_hour, int approved_minute)
{
  g_autoptr(GError) error = NULL;
  RsReturnFields fields = { .customer = "C001", .reason = reason, .sale_date = sale_date, .lines = lines,
                            .n_lines = n_lines };
  g_autoptr(RsReturn) draft = NULL;
  g_autoptr(RsReturn) submitted = NULL;

  rs_clock_set_fixed (local_time (2026, 11, 26, created_hour, created_minute));
  draft = rs_returns_create (f->sales, &fields, &error);
  g_assert_no_error (error);
  submitted = rs_returns_submit (f->sales, rs_return_get_number (draft), NULL, &error);
  g_assert_no_error (error);
  if (approved_hour >= 0)
    {
      g_autoptr(RsReturn) first = NULL;
      g_autoptr(RsReturn) approved = NULL;

      rs_clock_set_fixed (local_time (2026, 11, 26, approved_hour, approved_minute));
      first = rs_returns_approve (f->service, rs_return_get_number (draft), NULL, &error);
      g_assert_no_error (error);
      approved = rs_returns_approve (f->manager, rs_return_get_number (draft), NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rs_return_get_state (approved), ==, RS_RETURN_APPROVED);
    }
  return g_strdup (rs_return_get_number (draft));
}

static void
add_cost (Fixture *f, const char *number, RsCostKind kind, gint64 amount)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) ret = rs_returns_add_cost (f->finance, number, kind, amount, NULL, &error);

  g_assert_no_error (error);
}

/* The company of the figures below, all on 26 November:
 *   R1 quality, sold 20 Nov: P-1 2 × 99.00 = 198.00, P-2 1.5 × 10.01 = 15.015 → 15.02; created
 *      10:00, approved 12:00 (2 h); freight 10.00, vendor credit 3.33: 6.67 to share, P-1 gets
 *      ⌊667 × 19800 / 21302⌋ = 619 fen, P-2 the other 48.
 *   R2 damaged, sold 25 Nov: P-1 1 × 99.00; 13:00 → 18:00 (5 h); handling 1.00.
 *   R3 quality, sold 10 Nov (16 days: past the 15-day window): P-2 2 × 1.00; 09:00 → 17:00 (8 h).
 *   R4 quality, sold 26 Nov: approved 10:30 → 11:00 (0.5 h), then cancelled: no longer a return.
 *   R5 other, sold 24 Nov: submitted at 09:30, never approved. */
static void
build_company (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) cancelled = NULL;
  RsReturnLineFields r1[] = { { "P-1", 2000, 9900, NULL }, { "P-2", 1500, 1001, NULL } };
  RsReturnLineFields r2[] = { { "P-1", 1000, 9900, NULL } };
  RsReturnLineFields r3[] = { { "P-2", 2000, 100, NULL } };
  g_autofree char *n1 = take_return (f, "quality", "2026-11-20", r1, 2, 10, 0, 12, 0);
  g_autofree char *n2 = take_return (f, "damaged", "2026-11-25", r2, 1, 13, 0, 18, 0);
  g_autofree char *n3 = take_return (f, "quality", "2026-11-10", r3, 1, 9, 0, 17, 0);
  g_autofree char *n4 = take_return (f, "quality", "2026-11-26", r2, 1, 10, 30, 11, 0);
  g_autofree char *n5 = take_return (f, "other", "2026-11-24", r2, 1, 9, 30, -1, 0);

  add_cost (f, n1, RS_COST_FREIGHT, 1000);
  add_cost (f, n1, RS_COST_VENDOR_CREDIT, 333);
  add_cost (f, n1, RS_COST_REFUND, 21302);   /* the refund itself is no handling cost */
  add_cost (f, n2, RS_COST_HANDLING, 100);
  cancelled = rs_returns_cancel (f->service, n4, "客户撤回", &error);
  g_assert_no_error (error);
}

/* A member of the report's row whose `key` is key ("" for the total), as text: strings as
 * they are, numbers printed, null as "null". */
static char *
cell (RsReport *report, const char *key, const char *member)
{
  g_autoptr(JsonNode) root = rs_report_to_json (report);
  JsonObject *object = json_node_get_object (root);
  JsonObject *row = NULL;
  JsonNode *value;

  if (*key == '\0')
    row = json_object_get_object_member (object, "total");
  else
    {
      JsonArray *rows = json_object_get_array_member (object, "rows");

      for (guint i = 0; i < json_array_get_length (rows) && row == NULL; i++)
        {
          JsonObject *candidate = json_array_get_object_element (rows, i);
          const char *name = json_object_has_member (candidate, "key") ? "key" : "stage";

          if (g_strcmp0 (json_object_get_string_member (candidate, name), key) == 0)
            row = candidate;
        }
    }
  if (row == NULL)
    return g_strdup ("no such row");
  value = json_object_get_member (row, member);
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("null");
  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
}

#define assert_cell(report, key, member, expected) \
  G_STMT_START { \
    g_autofree char *got_ = cell (report, key, member); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_returns_by_reason (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = NULL;

  build_company (f);
  report = rs_reports_returns (f->manager, RS_REPORT_BY_REASON, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_report_get_kind (report), ==, "returns");
  g_assert_cmpstr (rs_report_get_by (report), ==, "reason");
  /* Reasons in their order; R4 (cancelled) and R5 (never approved) are not returns. */
  g_assert_cmpuint (rs_report_get_n_rows (report), ==, 2);
  g_assert_true (rs_report_has_total (report));
  assert_cell (report, "quality", "returns", "2");
  assert_cell (report, "quality", "quantity", "5.5");
  assert_cell (report, "quality", "refund_value", "215.02");
  assert_cell (report, "quality", "handling_cost", "6.67");
  assert_cell (report, "quality", "inspected", "0");
  assert_cell (report, "quality", "pass_rate", "null");
  assert_cell (report, "damaged", "returns", "1");
  assert_cell (report, "damaged", "quantity", "1");
  assert_cell (report, "damaged", "refund_value", "99.00");
  assert_cell (report, "damaged", "handling_cost", "1.00");
  assert_cell (report, "", "returns", "3");
  assert_cell (report, "", "quantity", "6.5");
  assert_cell (report, "", "refund_value", "314.02");
  assert_cell (report, "", "handling_cost", "7.67");
  /* The table shows the same, with the total row last, its label “Total”. */
  g_assert_cmpuint (rs_table_get_n_rows (rs_report_get_table (report)), ==, 3);
  g_assert_cmpstr (rs_table_get_text (rs_report_get_table (report), 2, 0), ==, "Total");
  g_assert_cmpstr (rs_report_get_column_key (report, 0), ==, "name");
  g_assert_cmpstr (rs_table_get_text (rs_report_get_table (report), 0, 0), ==, "Quality problem");

  /* Nothing requested from 27 November on: no rows, a total of zeros. */
  g_clear_object (&report);
  report = rs_reports_returns (f->finance, RS_REPORT_BY_REASON, "2026-11-27", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_report_get_n_rows (report), ==, 0);
  assert_cell (report, "", "returns", "0");
  assert_cell (report, "", "refund_value", "0.00");
}

static void
test_returns_by_product (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = NULL;

  build_company (f);
  report = rs_reports_returns (f->admin, RS_REPORT_BY_PRODUCT, "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_report_get_n_rows (report), ==, 2);
  /* Largest refund value first: P-1 (297.00), then P-2 (17.02). */
  g_assert_cmpstr (rs_table_get_text (rs_report_get_table (report), 0, 0), ==, "P-1");
  assert_cell (report, "P-1", "returns", "2");
  assert_cell (report, "P-1", "quantity", "3");
  assert_cell (report, "P-1", "refund_value", "297.00");
  assert_cell (report, "P-1", "handling_cost", "7.19");   /* 6.19 of R1, 1.00 of R2 */
  assert_cell (report, "P-1", "sold", "4");
  assert_cell (report, "P-1", "return_rate", "75");
  assert_cell (report, "P-2", "returns", "2");
  assert_cell (report, "P-2", "quantity", "3.5");
  assert_cell (report, "P-2", "refund_value", "17.02");
  assert_cell (report, "P-2", "handling_cost", "0.48");
  assert_cell (report, "P-2", "sold", "0");
  assert_cell (report, "P-2", "return_rate", "null");
  assert_cell (report, "", "handling_cost", "7.67");
  assert_cell (report, "", "sold", "4");
  assert_cell (report, "", "return_rate", "162.5");

  /* Sales are counted in the range: none before 20 November. */
  g_clear_object (&report);
  report = rs_reports_returns (f->admin, RS_REPORT_BY_PRODUCT, NULL, "2026-11-19", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_report_get_n_rows (report), ==, 0);

  /* By category: the product's. */
  g_clear_object (&report);
  report = rs_reports_returns (f->admin, RS_REPORT_BY_CATEGORY, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_cell (report, "工具", "handling_cost", "7.19");
  assert_cell (report, "耗材", "quantity", "3.5");
  /* By supplier: both were bought from S001. */
  g_clear_object (&report);
  report = rs_reports_returns (f->admin, RS_REPORT_BY_SUPPLIER, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_report_get_n_rows (report), ==, 1);
  assert_cell (report, "S001", "returns", "3");
  assert_cell (report, "S001", "name", "深圳电子");
  /* By disposition: nothing is disposed of yet. */
  g_clear_object (&report);
  report = rs_reports_returns (f->admin, RS_REPORT_BY_DISPOSITION, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_report_get_n_rows (report), ==, 1);
  g_assert_cmpstr (rs_table_get_text (rs_report_get_table (report), 0, 0), ==, "Not disposed of yet");
  g_assert_cmpstr (rs_report_get_column_key (report, 3), ==, "refund_value");
  g_assert_cmpint (rs_table_get_int (rs_report_get_table (report), 0, 3), ==, 31402);
  assert_cell (report, "", "refund_value", "314.02");
}

static void
test_stages (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = NULL;

  build_company (f);
  rs_clock_set_fixed (local_time (2026, 11, 30, 12, 0));
  report = rs_reports_stages (f->manager, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_report_get_n_rows (report), ==, 6);
  g_assert_false (rs_report_has_total (report));
  /* Sale → request of R1…R5: 6, 1, 16, 0, 2 days: median 2 days, ⌈0.9 × 5⌉ = 5th: 16 days. */
  assert_cell (report, "sale-request", "returns", "5");
  assert_cell (report, "sale-request", "median_hours", "48");
  assert_cell (report, "sale-request", "p90_hours", "384");
  assert_cell (report, "sale-request", "median_seconds", "172800");
  assert_cell (report, "sale-request", "breach_kind", "return-window");
  assert_cell (report, "sale-request", "breaches", "1");
  assert_cell (report, "sale-request", "pending", "null");
  /* Request → approval: 0.5, 2, 5, 8 h: median (2 + 5) / 2 = 3.5 h, the 4th for the 90th. */
  assert_cell (report, "request-approval", "returns", "4");
  assert_cell (report, "request-approval", "median_hours", "3.5");
  assert_cell (report, "request-approval", "p90_hours", "8");
  assert_cell (report, "request-approval", "median_seconds", "12600");
  assert_cell (report, "request-approval", "p90_seconds", "28800");
  assert_cell (report, "request-approval", "breach_kind", "null");
  /* Nothing received yet: no times; on 30 November no deadline has passed. */
  assert_cell (report, "approval-receipt", "returns", "0");
  assert_cell (report, "approval-receipt", "median_hours", "null");
  assert_cell (report, "approval-receipt", "breaches", "0");
  assert_cell (report, "approval-receipt", "pending", "0");

  /* On 10 December R1, R2 and R3 are 14 days past approval: three receipts running late. */
  g_clear_object (&report);
  rs_clock_set_fixed (local_time (2026, 12, 10, 12, 0));
  report = rs_reports_stages (f->manager, "2026-11-26", "2026-11-26", &error);
  g_assert_no_error (error);
  assert_cell (report, "approval-receipt", "breaches", "3");
  assert_cell (report, "approval-receipt", "pending", "3");
  assert_cell (report, "receipt-inspection", "breaches", "0");
}

/* Ten approvals taking 1 … 10 hours: the median is the mean of the 5th and 6th (5.5 h); the
 * 90th percentile the ⌈0.9 × 10⌉ = 9th (9 h), not the 10th. */
static void
test_percentiles (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = NULL;
  RsReturnLineFields line = { "P-1", 1000, 9900, NULL };

  for (int hours = 10; hours >= 1; hours--)
    {
      g_autofree char *number = take_return (f, "quality", "2026-11-20", &line, 1, 0, 0, hours, 0);
    }
  report = rs_reports_stages (f->finance, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_cell (report, "request-approval", "returns", "10");
  assert_cell (report, "request-approval", "median_hours", "5.5");
  assert_cell (report, "request-approval", "p90_hours", "9");
  assert_cell (report, "request-approval", "p90_seconds", "32400");
  /* One more (11 h): the median is the 6th, the 90th percentile the ⌈9.9⌉ = 10th. */
  g_clear_object (&report);
  g_free (take_return (f, "quality", "2026-11-20", &line, 1, 0, 0, 11, 0));
  report = rs_reports_stages (f->finance, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_cell (report, "request-approval", "median_hours", "6");
  assert_cell (report, "request-approval", "p90_hours", "10");
}

static void
test_stock (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = NULL;
  RsTable *table;

  report = rs_reports_stock (f->finance, &error);
  g_assert_no_error (error);
  /* P-1 10 − 4 sold = 6 × 12.50 = 75.00; P-2 5.5 × 3.00 = 16.50. */
  table = rs_report_get_table (report);
  g_assert_cmpuint (rs_report_get_n_rows (report), ==, 1);
  g_assert_cmpstr (rs_table_get_text (table, 0, 0), ==, "WH1");
  assert_cell (report, "", "products", "2");
  assert_cell (report, "", "quantity", "11.5");
  assert_cell (report, "", "quarantine", "0");
  assert_cell (report, "", "value", "91.50");

  g_clear_object (&report);
  report = rs_reports_movements (f->finance, "2026-11-01", "2026-11-30", &error);
  g_assert_no_error (error);
  table = rs_report_get_table (report);
  g_assert_cmpuint (rs_report_get_n_rows (report), ==, 2);
  /* In before out: the purchase (15.5 worth 141.50), then the sale (4 at 12.50). */
  g_assert_cmpstr (rs_table_get_text (table, 0, 0), ==, "2026-11");
  g_assert_cmpstr (rs_table_get_text (table, 0, 2), ==, "Purchase");
  g_assert_cmpint (rs_table_get_int (table, 0, 3), ==, 1);
  g_assert_cmpint (rs_table_get_int (table, 0, 4), ==, 15500);
  g_assert_cmpint (rs_table_get_int (table, 0, 6), ==, 14150);
  g_assert_cmpstr (rs_table_get_text (table, 1, 2), ==, "Sale");
  g_assert_cmpint (rs_table_get_int (table, 1, 5), ==, 4000);
  g_assert_cmpint (rs_table_get_int (table, 1, 7), ==, 5000);
  assert_cell (report, "", "slips", "2");
  assert_cell (report, "", "value_in", "141.50");
  assert_cell (report, "", "value_out", "50.00");

  g_clear_object (&report);
  report = rs_reports_movements (f->finance, "2026-12-01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_report_get_n_rows (report), ==, 0);
  assert_cell (report, "", "slips", "0");
}

/* Every report refused, with nothing written. */
static void
assert_all_refused (RsSession *session, RsDatabase *db, GQuark domain, int code, const char *from, const char *to)
{
  g_autofree char *before = rs_test_dump (db);
  g_autofree char *after = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsReport) report = NULL;

      switch (i)
        {
        case 0: report = rs_reports_returns (session, RS_REPORT_BY_CUSTOMER, from, to, &error); break;
        case 1: report = rs_reports_stages (session, from, to, &error); break;
        case 2: report = rs_reports_movements (session, from, to, &error); break;
        default:
          /* The stock report takes no range: only the permission refuses it. */
          if (domain == RS_ERROR && code == RS_ERROR_PERMISSION)
            report = rs_reports_stock (session, &error);
          else
            continue;
        }
      g_assert_null (report);
      g_assert_error (error, domain, code);
    }
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSession) keeper = rs_test_add_user (f->db, "kp", RS_ROLE_KEEPER);
  g_autoptr(RsSession) viewer = rs_test_add_user (f->db, "view", RS_ROLE_VIEWER);
  g_autoptr(RsReport) report = NULL;
  RsReportDimension by;

  build_company (f);

  /* Sales, customer service, the keeper and the viewer do not see reports (DESIGN §1). */
  assert_all_refused (f->sales, f->db, RS_ERROR, RS_ERROR_PERMISSION, NULL, NULL);
  assert_all_refused (f->service, f->db, RS_ERROR, RS_ERROR_PERMISSION, NULL, NULL);
  assert_all_refused (keeper, f->db, RS_ERROR, RS_ERROR_PERMISSION, NULL, NULL);
  assert_all_refused (viewer, f->db, RS_ERROR, RS_ERROR_PERMISSION, NULL, NULL);

  /* Bad ranges: not dates, or the wrong way round. */
  assert_all_refused (f->manager, f->db, RS_ERROR, RS_ERROR_VALIDATION, "2026-13-01", NULL);
  assert_all_refused (f->manager, f->db, RS_ERROR, RS_ERROR_VALIDATION, NULL, "26.11.2026");
  assert_all_refused (f->manager, f->db, RS_ERROR, RS_ERROR_VALIDATION, "2026-11-30", "2026-11-01");
  g_assert_false (rs_report_dimension_parse ("colour", &by, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_true (rs_report_dimension_parse ("disposition", &by, &error));
  g_assert_cmpint (by, ==, RS_REPORT_BY_DISPOSITION);

  /* A manager whose account is disabled is refused at once, though logged in. */
  report = rs_reports_stock (f->manager, &error);
  g_assert_no_error (error);
  g_clear_object (&report);
  g_assert_true (rs_users_disable (f->admin, "mgr", &error));
  g_assert_no_error (error);
  assert_all_refused (f->manager, f->db, RS_ERROR, RS_ERROR_PERMISSION, NULL, NULL);
}

/* Figures beyond 64 bits (written past core, which bounds quantities and prices on their own
 * but not their products) are refused, never shown rounded through floating point. */
static void
test_too_large (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReport) report = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RsReturnLineFields line = { "P-1", 1000, 9900, NULL };
  g_autofree char *number = take_return (f, "quality", "2026-11-20", &line, 1, 10, 0, 12, 0);
  g_autofree char *sql = g_strdup_printf ("UPDATE customer_return SET state = 'draft' WHERE number = '%s'; "
                                          "UPDATE return_line SET quantity = 999999999999999, unit_price = 99999999999999 "
                                          "WHERE return_id = (SELECT id FROM customer_return WHERE number = '%s'); "
                                          "UPDATE customer_return SET state = 'approved' WHERE number = '%s'",
                                          number, number, number);

  g_assert_cmpint (sqlite3_exec (rs_database_get_handle (f->db), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  before = rs_test_dump (f->db);
  report = rs_reports_returns (f->manager, RS_REPORT_BY_REASON, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  rs_i18n_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/reports/returns-by-reason", test_returns_by_reason);
  ADD ("/reports/returns-by-product", test_returns_by_product);
  ADD ("/reports/stages", test_stages);
  ADD ("/reports/percentiles", test_percentiles);
  ADD ("/reports/stock-and-movements", test_stock);
  ADD ("/reports/refused", test_refused);
  ADD ("/reports/too-large", test_too_large);
#undef ADD
  return g_test_run ();
}
