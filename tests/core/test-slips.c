/* test-slips.c — slips and stock: posting, refusals, voids, amends, the database's own guards. */
#include "rs-test-util.h"
#include "rs-attachment-store.h"
#include "rs-check.h"
#include "rs-slips.h"
#include "rs-stock.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
} Fixture;

static gint64
local_time (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, 0, 0);
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static void
add_product (RsSession *session, const char *sku, const char *name, const char *unit, int decimals)
{
  RsProductFields fields = { .sku = sku, .name = name, .unit = unit, .decimals = decimals };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) product = rs_products_add (session, &fields, &error);

  g_assert_no_error (error);
}

static void
add_partner (RsSession *session, RsPartnerKind kind, const char *code, const char *name)
{
  RsPartnerFields fields = { .code = code, .name = name };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsPartner) partner = rs_partners_add (session, kind, &fields, &error);

  g_assert_no_error (error);
}

/* Two warehouses: WH1 with QA (quarantine), A1 and A2 (storage), R1 (repair); WH2 with QA and B1. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) wh1 = NULL;
  g_autoptr(RsWarehouse) wh2 = NULL;
  const struct { const char *warehouse, *code; RsLocationKind kind; } locations[] = {
    { "WH1", "A1", RS_LOCATION_STORAGE }, { "WH1", "A2", RS_LOCATION_STORAGE },
    { "WH1", "R1", RS_LOCATION_REPAIR }, { "WH2", "B1", RS_LOCATION_STORAGE },
  };

  rs_clock_set_fixed (local_time (2026, 11, 26, 10));
  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");

  wh1 = rs_warehouses_add (f->admin, "WH1", "主仓库", NULL, &error);
  g_assert_no_error (error);
  wh2 = rs_warehouses_add (f->admin, "WH2", "二号仓库", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (locations); i++)
    {
      g_autoptr(RsLocation) location = rs_locations_add (f->admin, locations[i].warehouse, locations[i].code,
                                                         NULL, locations[i].kind, &error);
      g_assert_no_error (error);
    }
  add_product (f->admin, "P-1", "螺丝刀", "把", 0);
  add_product (f->admin, "P-2", "电缆", "米", 1);
  add_product (f->admin, "P-3", "胶水", "瓶", 0);
  add_partner (f->admin, RS_PARTNER_CUSTOMER, "C001", "华东商贸");
  add_partner (f->admin, RS_PARTNER_SUPPLIER, "S001", "深圳电子");
  add_partner (f->admin, RS_PARTNER_CUSTOMER, "C002", "同名公司");
  add_partner (f->admin, RS_PARTNER_SUPPLIER, "S002", "同名公司");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
  rs_clock_use_system ();
}

#define UNITS(n) ((gint64) (n) * 1000)

static RsSlip *
make_slip (RsSession *session, RsSlipKind kind, const char *purpose, const RsSlipLineFields *lines, guint n_lines,
           gboolean post, GError **error)
{
  RsSlipFields fields = {
    .kind = kind, .purpose = purpose, .warehouse = "WH1", .lines = lines, .n_lines = n_lines,
  };
  return post ? rs_slips_create_posted (session, &fields, error) : rs_slips_create (session, &fields, error);
}

static void
stock_in (Fixture *f, const char *sku, gint64 quantity, const char *location, gint64 unit_cost)
{
  RsSlipLineFields line = { sku, quantity, location, NULL, unit_cost };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) slip = make_slip (f->admin, RS_SLIP_IN, "purchase", &line, 1, TRUE, &error);

  g_assert_no_error (error);
  g_assert_cmpint (rs_slip_get_state (slip), ==, RS_SLIP_POSTED);
}

static gint64
on_hand (Fixture *f, const char *sku, const char *warehouse, const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) product = rs_products_lookup (f->db, sku, &error);
  g_autoptr(RsLocation) place = rs_locations_lookup (f->db, warehouse, location, &error);
  gint64 quantity = -1;

  g_assert_no_error (error);
  rs_stock_get_on_hand (f->db, rs_product_get_id (product), rs_location_get_id (place), &quantity, &error);
  g_assert_no_error (error);
  return quantity;
}

static gint64
avg_cost (Fixture *f, const char *sku)
{
  g_autoptr(RsProduct) product = rs_products_lookup (f->db, sku, NULL);
  return rs_product_get_avg_cost (product);
}

static int
count (RsDatabase *db, const char *sql)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, sql, NULL);
  g_assert_true (rs_statement_step (stmt, NULL));
  return sqlite3_column_int (stmt, 0);
}

static void
assert_consistent (RsDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = rs_check_database (db, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 0);
}

/* ---- tests --------------------------------------------------------------- */

static void
test_create_draft (Fixture *f, gconstpointer data)
{
  RsSlipLineFields lines[] = {
    { "P-1", UNITS (10), "A1", NULL, 1250 },
    { "P-2", 2500, "A2", NULL, -1 },    /* 2.5 m */
  };
  RsSlipFields fields = {
    .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = "WH1", .partner = "深圳电子",
    .remark = "第一批到货", .lines = lines, .n_lines = G_N_ELEMENTS (lines),
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) slip = rs_slips_create (f->admin, &fields, &error);
  g_autoptr(RsSlip) second = NULL;
  g_autoptr(RsSlipLine) line = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *text = NULL;
  RsPartnerKind partner_kind;
  const char *partner_code = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_get_number (slip), ==, "RK20261126-0001");
  g_assert_cmpint (rs_slip_get_state (slip), ==, RS_SLIP_DRAFT);
  g_assert_cmpstr (rs_slip_get_date (slip), ==, "2026-11-26");
  g_assert_cmpstr (rs_slip_get_created_by (slip), ==, "admin");
  g_assert_true (rs_slip_get_partner (slip, &partner_kind, &partner_code, NULL));
  g_assert_cmpint (partner_kind, ==, RS_PARTNER_SUPPLIER);
  g_assert_cmpstr (partner_code, ==, "S001");
  g_assert_cmpuint (rs_slip_get_n_lines (slip), ==, 2);
  line = g_list_model_get_item (rs_slip_get_lines (slip), 1);
  g_assert_cmpstr (rs_slip_line_get_sku (line), ==, "P-2");
  g_assert_cmpint (rs_slip_line_get_quantity (line), ==, 2500);
  g_assert_cmpint (rs_slip_line_get_unit_cost (line), ==, -1);

  /* A draft moves nothing. */
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "A1"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM stock_ledger"), ==, 0);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM audit WHERE action = 'slip.create' AND object_key = 'RK20261126-0001'"), ==, 1);

  json = rs_slip_to_json (slip);
  text = json_to_string (json, FALSE);
  g_assert_nonnull (strstr (text, "\"quantity\":\"2.5\""));
  g_assert_nonnull (strstr (text, "\"unit_cost\":\"12.50\""));
  g_assert_nonnull (strstr (text, "\"created_at\":\"2026-11-26T10:00:00"));

  /* Out slips count on their own; the next in-slip takes the next number. */
  second = rs_slips_create (f->admin, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_get_number (second), ==, "RK20261126-0002");
}

static void
test_post_in_and_out (Fixture *f, gconstpointer data)
{
  RsSlipLineFields out_lines[] = { { "P-1", UNITS (3), "A1", NULL, -1 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) draft = NULL;
  g_autoptr(RsSlip) posted = NULL;
  g_autoptr(RsSlip) again = NULL;

  stock_in (f, "P-1", UNITS (10), "A1", 1000);
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "A1"), ==, UNITS (10));
  g_assert_cmpint (avg_cost (f, "P-1"), ==, 1000);

  draft = make_slip (f->admin, RS_SLIP_OUT, "sale", out_lines, 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_get_number (draft), ==, "CK20261126-0001");
  posted = rs_slips_post (f->admin, rs_slip_get_number (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_slip_get_state (posted), ==, RS_SLIP_POSTED);
  g_assert_cmpstr (rs_slip_get_posted_by (posted), ==, "admin");
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "A1"), ==, UNITS (7));
  /* The out movement is valued at the moving average. */
  g_assert_cmpint (count (f->db, "SELECT unit_cost FROM stock_ledger WHERE quantity = -3000"), ==, 1000);

  /* Posting twice is refused and changes nothing. */
  {
    g_autofree char *before = rs_test_dump (f->db);
    g_autofree char *after = NULL;

    again = rs_slips_post (f->admin, "CK20261126-0001", &error);
    g_assert_null (again);
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
    g_clear_error (&error);
    g_assert_null (rs_slips_post (f->admin, "CK20991231-0001", &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
    after = rs_test_dump (f->db);
    g_assert_cmpstr (before, ==, after);
  }
  assert_consistent (f->db);
}

static void
test_third_line_lacks_stock (Fixture *f, gconstpointer data)
{
  RsSlipLineFields lines[] = {
    { "P-1", UNITS (2), "A1", NULL, -1 },
    { "P-2", 1500, "A1", NULL, -1 },
    { "P-3", UNITS (6), "A1", NULL, -1 },   /* only 5 on hand */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) draft = NULL;
  g_autoptr(RsSlip) posted = NULL;
  g_autoptr(RsSlip) reread = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  stock_in (f, "P-1", UNITS (10), "A1", -1);
  stock_in (f, "P-2", UNITS (10), "A1", -1);
  stock_in (f, "P-3", UNITS (5), "A1", -1);

  draft = make_slip (f->admin, RS_SLIP_OUT, "sale", lines, G_N_ELEMENTS (lines), FALSE, &error);
  g_assert_no_error (error);
  before = rs_test_dump (f->db);
  posted = rs_slips_post (f->admin, rs_slip_get_number (draft), &error);
  g_assert_null (posted);
  g_assert_error (error, RS_ERROR, RS_ERROR_INSUFFICIENT_STOCK);
  /* It names the product, the location, what is on hand and what was asked. */
  g_assert_nonnull (strstr (error->message, "P-3"));
  g_assert_nonnull (strstr (error->message, "胶水"));
  g_assert_nonnull (strstr (error->message, "WH1 / A1"));
  g_assert_nonnull (strstr (error->message, "5 瓶 on hand"));
  g_assert_nonnull (strstr (error->message, "6 瓶 requested"));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);   /* nothing of lines 1 and 2 was posted either */

  g_clear_error (&error);
  reread = rs_slips_lookup (f->admin, rs_slip_get_number (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_slip_get_state (reread), ==, RS_SLIP_DRAFT);
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "A1"), ==, UNITS (10));

  /* Created and posted at once, the same refusal leaves no draft and uses no number. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = rs_test_dump (f->db);
  g_assert_null (make_slip (f->admin, RS_SLIP_OUT, "sale", lines, G_N_ELEMENTS (lines), TRUE, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INSUFFICIENT_STOCK);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_lines_count_together (Fixture *f, gconstpointer data)
{
  /* 4 + 4 from a location holding 6: each line alone would pass. */
  RsSlipLineFields lines[] = {
    { "P-1", UNITS (4), "A1", NULL, -1 },
    { "P-1", UNITS (4), "A1", NULL, -1 },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  stock_in (f, "P-1", UNITS (6), "A1", -1);
  before = rs_test_dump (f->db);
  g_assert_null (make_slip (f->admin, RS_SLIP_OUT, "scrap", lines, 2, TRUE, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INSUFFICIENT_STOCK);
  g_assert_nonnull (strstr (error->message, "6 把 on hand, 8 把 requested"));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

/* The preview names each line and place with what is on hand and what remains; the short
 * line (3) is the one below zero, counted with every line at its place, and nothing is written. */
static void
test_preview_post (Fixture *f, gconstpointer data)
{
  RsSlipLineFields lines[] = {
    { "P-1", UNITS (2), "A1", NULL, -1 },
    { "P-3", UNITS (2), "A1", NULL, -1 },
    { "P-3", UNITS (4), "A1", NULL, -1 },   /* 2 + 4 of the 5 on hand */
  };
  RsSlipLineFields transfer_line[] = { { "P-1", UNITS (3), "A1", "B1", -1 } };
  RsSlipFields transfer = {
    .kind = RS_SLIP_TRANSFER, .purpose = "transfer", .warehouse = "WH1", .to_warehouse = "WH2",
    .lines = transfer_line, .n_lines = 1,
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) draft = NULL;
  g_autoptr(RsSlip) moved = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) transfer_changes = NULL;
  g_autoptr(RsSession) viewer = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RsStockChange *change;

  stock_in (f, "P-1", UNITS (10), "A1", -1);
  stock_in (f, "P-3", UNITS (5), "A1", -1);
  draft = make_slip (f->admin, RS_SLIP_OUT, "sale", lines, G_N_ELEMENTS (lines), FALSE, &error);
  g_assert_no_error (error);

  before = rs_test_dump (f->db);
  changes = rs_slips_preview_post (f->admin, rs_slip_get_number (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
  change = g_ptr_array_index (changes, 0);
  g_assert_cmpuint (change->line, ==, 1);
  g_assert_cmpstr (change->sku, ==, "P-1");
  g_assert_cmpstr (change->warehouse, ==, "WH1");
  g_assert_cmpstr (change->location, ==, "A1");
  g_assert_cmpint (change->on_hand, ==, UNITS (10));
  g_assert_cmpint (change->change, ==, -UNITS (2));
  g_assert_cmpint (change->after, ==, UNITS (8));
  for (guint i = 1; i < 3; i++)
    {
      change = g_ptr_array_index (changes, i);
      g_assert_cmpuint (change->line, ==, i + 1);
      g_assert_cmpstr (change->product_name, ==, "胶水");
      g_assert_cmpint (change->on_hand, ==, UNITS (5));
      g_assert_cmpint (change->after, ==, -UNITS (1));
    }
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
  /* What the preview calls short, posting refuses. */
  g_assert_null (rs_slips_post (f->admin, rs_slip_get_number (draft), &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INSUFFICIENT_STOCK);
  g_clear_error (&error);

  /* A transfer line leaves one place and arrives at another. */
  moved = rs_slips_create (f->admin, &transfer, &error);
  g_assert_no_error (error);
  transfer_changes = rs_slips_preview_post (f->admin, rs_slip_get_number (moved), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (transfer_changes->len, ==, 2);
  change = g_ptr_array_index (transfer_changes, 1);
  g_assert_cmpstr (change->warehouse, ==, "WH2");
  g_assert_cmpstr (change->location, ==, "B1");
  g_assert_cmpint (change->on_hand, ==, 0);
  g_assert_cmpint (change->after, ==, UNITS (3));

  /* Only drafts have a posting to preview; an unknown number is not found. */
  g_clear_object (&moved);
  moved = rs_slips_post (f->admin, "DB20261126-0001", &error);
  g_assert_no_error (error);
  g_assert_null (rs_slips_preview_post (f->admin, "DB20261126-0001", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
  g_clear_error (&error);
  g_assert_null (rs_slips_preview_post (f->admin, "CK20991231-0001", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Anyone who may view slips may see it. */
  viewer = rs_test_add_user (f->db, "viewer", RS_ROLE_VIEWER);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = rs_slips_preview_post (viewer, rs_slip_get_number (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 3);
}

static void
test_quarantine_not_sold (Fixture *f, gconstpointer data)
{
  RsSlipLineFields sale = { "P-1", UNITS (1), "QA", NULL, -1 };
  RsSlipLineFields to_storage = { "P-1", UNITS (2), "QA", "A1", -1 };
  RsSlipLineFields return_in = { "P-1", UNITS (5), NULL, NULL, -1 };   /* arrives in QA by default */
  RsSlipFields transfer = { .kind = RS_SLIP_TRANSFER, .purpose = "restock", .warehouse = "WH1",
                            .lines = &to_storage, .n_lines = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) in = NULL;
  g_autoptr(RsSlip) scrap = NULL;
  g_autoptr(RsSlip) moved = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  in = make_slip (f->admin, RS_SLIP_IN, "return-in", &return_in, 1, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "QA"), ==, UNITS (5));

  before = rs_test_dump (f->db);
  g_assert_null (make_slip (f->admin, RS_SLIP_OUT, "sale", &sale, 1, TRUE, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "quarantine"));
  g_clear_error (&error);
  g_assert_null (make_slip (f->admin, RS_SLIP_OUT, "sale", &sale, 1, FALSE, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  /* Quarantine stock may be scrapped, or moved to storage and then sold. */
  scrap = make_slip (f->admin, RS_SLIP_OUT, "scrap", &sale, 1, TRUE, &error);
  g_assert_no_error (error);
  moved = rs_slips_create_posted (f->admin, &transfer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "QA"), ==, UNITS (2));
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "A1"), ==, UNITS (2));
  assert_consistent (f->db);
}

static void
test_void_restores (Fixture *f, gconstpointer data)
{
  RsSlipLineFields lines[] = {
    { "P-1", UNITS (3), "A1", NULL, -1 },
    { "P-2", 1700, "A1", NULL, -1 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) out = NULL;
  g_autoptr(RsSlip) voided = NULL;
  g_autoptr(RsSlip) draft = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 p1, p2;

  stock_in (f, "P-1", UNITS (10), "A1", 500);
  stock_in (f, "P-2", 12300, "A1", 800);
  p1 = on_hand (f, "P-1", "WH1", "A1");
  p2 = on_hand (f, "P-2", "WH1", "A1");

  out = make_slip (f->admin, RS_SLIP_OUT, "loss", lines, 2, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_hand (f, "P-2", "WH1", "A1"), ==, 12300 - 1700);

  /* A void needs a reason, and only a posted slip can be voided. */
  before = rs_test_dump (f->db);
  g_assert_null (rs_slips_void (f->admin, rs_slip_get_number (out), "  ", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  draft = make_slip (f->admin, RS_SLIP_OUT, "loss", lines, 2, FALSE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = rs_test_dump (f->db);
  g_assert_null (rs_slips_void (f->admin, rs_slip_get_number (draft), "typo", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
  g_clear_error (&error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  voided = rs_slips_void (f->admin, rs_slip_get_number (out), "数量录错", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_slip_get_state (voided), ==, RS_SLIP_VOIDED);
  g_assert_cmpstr (rs_slip_get_void_reason (voided), ==, "数量录错");
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "A1"), ==, p1);
  g_assert_cmpint (on_hand (f, "P-2", "WH1", "A1"), ==, p2);
  /* The reversal is new rows; the original movements stay. */
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM stock_ledger WHERE reversal = 1"), ==, 2);
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM stock_ledger"), ==, 6);

  /* Voided is final. */
  g_assert_null (rs_slips_void (f->admin, rs_slip_get_number (out), "again", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
  g_clear_error (&error);
  g_assert_null (rs_slips_post (f->admin, rs_slip_get_number (out), &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
  assert_consistent (f->db);
}

static void
test_void_of_in_needs_the_stock (Fixture *f, gconstpointer data)
{
  RsSlipLineFields in_line = { "P-1", UNITS (5), "A1", NULL, -1 };
  RsSlipLineFields out_line = { "P-1", UNITS (4), "A1", NULL, -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) in = make_slip (f->admin, RS_SLIP_IN, "surplus", &in_line, 1, TRUE, &error);
  g_autoptr(RsSlip) out = make_slip (f->admin, RS_SLIP_OUT, "sale", &out_line, 1, TRUE, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  before = rs_test_dump (f->db);
  g_assert_null (rs_slips_void (f->admin, rs_slip_get_number (in), "wrong count", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INSUFFICIENT_STOCK);
  g_assert_nonnull (strstr (error->message, "1 把 on hand, 5 把 to take back"));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_moving_average (Fixture *f, gconstpointer data)
{
  RsSlipLineFields second = { "P-1", UNITS (30), "A2", NULL, 2000 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) slip = NULL;
  g_autoptr(RsSlip) voided = NULL;

  stock_in (f, "P-1", UNITS (10), "A1", 1000);      /* 10 @ 10.00 */
  slip = make_slip (f->admin, RS_SLIP_IN, "purchase", &second, 1, TRUE, &error);
  g_assert_no_error (error);
  /* (10 × 10.00 + 30 × 20.00) / 40 = 17.50, over both locations */
  g_assert_cmpint (avg_cost (f, "P-1"), ==, 1750);

  stock_in (f, "P-1", UNITS (3), "A1", -1);         /* no cost given: the average stays */
  g_assert_cmpint (avg_cost (f, "P-1"), ==, 1750);

  /* Voiding the 30 @ 20.00 takes its cost out again: (43 × 17.50 − 30 × 20.00) / 13 = 11.73 */
  voided = rs_slips_void (f->admin, rs_slip_get_number (slip), "wrong supplier", &error);
  g_assert_no_error (error);
  g_assert_cmpint (avg_cost (f, "P-1"), ==, 1173);
}

static void
test_transfer (Fixture *f, gconstpointer data)
{
  RsSlipLineFields within = { "P-2", 2500, "A1", "A2", -1 };
  RsSlipLineFields across = { "P-2", 1000, "A1", "B1", -1 };
  RsSlipLineFields same = { "P-2", 1000, "A1", NULL, -1 };
  RsSlipFields fields = { .kind = RS_SLIP_TRANSFER, .purpose = "transfer", .warehouse = "WH1",
                          .lines = &within, .n_lines = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) first = NULL;
  g_autoptr(RsSlip) second = NULL;
  g_autoptr(RsSlip) voided = NULL;
  g_autoptr(RsSlipLine) line = NULL;

  stock_in (f, "P-2", UNITS (5), "A1", -1);
  first = rs_slips_create_posted (f->admin, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_get_number (first), ==, "DB20261126-0001");
  g_assert_cmpint (on_hand (f, "P-2", "WH1", "A1"), ==, 2500);
  g_assert_cmpint (on_hand (f, "P-2", "WH1", "A2"), ==, 2500);

  fields.to_warehouse = "WH2";
  fields.lines = &across;
  second = rs_slips_create_posted (f->admin, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_get_to_warehouse_code (second), ==, "WH2");
  line = g_list_model_get_item (rs_slip_get_lines (second), 0);
  g_assert_cmpstr (rs_slip_line_get_to_location_code (line), ==, "B1");
  g_assert_cmpint (on_hand (f, "P-2", "WH1", "A1"), ==, 1500);
  g_assert_cmpint (on_hand (f, "P-2", "WH2", "B1"), ==, 1000);

  voided = rs_slips_void (f->admin, rs_slip_get_number (second), "wrong warehouse", &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_hand (f, "P-2", "WH1", "A1"), ==, 2500);
  g_assert_cmpint (on_hand (f, "P-2", "WH2", "B1"), ==, 0);

  /* Moving to the very same place is refused. */
  fields.to_warehouse = NULL;
  fields.lines = &same;
  g_assert_null (rs_slips_create (f->admin, &fields, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  assert_consistent (f->db);
}

static void
test_amend_chain (Fixture *f, gconstpointer data)
{
  RsSlipLineFields line = { "P-1", UNITS (4), "A1", NULL, -1 };
  RsSlipFields fields = { .kind = RS_SLIP_OUT, .purpose = "sale", .warehouse = "WH1", .partner = "C001",
                          .lines = &line, .n_lines = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) original = NULL;
  g_autoptr(RsSlip) copy = NULL;
  g_autoptr(RsSlip) reread = NULL;
  g_autoptr(RsSlip) copy_posted = NULL;
  g_autoptr(RsSlip) copy2 = NULL;
  g_autoptr(RsSlip) edited = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  stock_in (f, "P-1", UNITS (10), "A1", -1);
  original = rs_slips_create_posted (f->admin, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_get_number (original), ==, "CK20261126-0001");
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "A1"), ==, UNITS (6));

  /* A draft cannot be amended: it is edited. */
  {
    g_autoptr(RsSlip) draft = rs_slips_create (f->admin, &fields, &error);
    g_assert_no_error (error);
    before = rs_test_dump (f->db);
    g_assert_null (rs_slips_amend (f->admin, rs_slip_get_number (draft), &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
    g_clear_error (&error);
    after = rs_test_dump (f->db);
    g_assert_cmpstr (before, ==, after);
  }

  copy = rs_slips_amend (f->admin, "CK20261126-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_get_number (copy), ==, "CK20261126-0001-1");
  g_assert_cmpint (rs_slip_get_state (copy), ==, RS_SLIP_DRAFT);
  g_assert_cmpstr (rs_slip_get_amends (copy), ==, "CK20261126-0001");
  g_assert_cmpuint (rs_slip_get_n_lines (copy), ==, 1);
  g_assert_true (rs_slip_get_partner (copy, NULL, NULL, NULL));
  reread = rs_slips_lookup (f->admin, "CK20261126-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_slip_get_state (reread), ==, RS_SLIP_VOIDED);
  g_assert_cmpstr (rs_slip_get_amended_by (reread), ==, "CK20261126-0001-1");
  g_assert_nonnull (strstr (rs_slip_get_void_reason (reread), "CK20261126-0001-1"));
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "A1"), ==, UNITS (10));   /* the void gave it back */

  /* The copy is a draft: edit it, post it, and amending it again gives -2. */
  line.quantity = UNITS (5);
  edited = rs_slips_update (f->admin, "CK20261126-0001-1", &fields, &error);
  g_assert_no_error (error);
  copy_posted = rs_slips_post (f->admin, "CK20261126-0001-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "A1"), ==, UNITS (5));
  copy2 = rs_slips_amend (f->admin, "CK20261126-0001-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_get_number (copy2), ==, "CK20261126-0001-2");
  g_assert_cmpstr (rs_slip_get_amends (copy2), ==, "CK20261126-0001-1");
  g_assert_cmpint (on_hand (f, "P-1", "WH1", "A1"), ==, UNITS (10));

  /* A posted slip is not edited. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = rs_test_dump (f->db);
  g_assert_null (rs_slips_update (f->admin, "CK20261126-0001-1", &fields, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
  assert_consistent (f->db);
}

/* The database itself refuses: each statement is run raw, bypassing core. */
static void
test_raw_sql_refused (Fixture *f, gconstpointer data)
{
  RsSlipLineFields line = { "P-1", UNITS (4), "A1", NULL, -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) draft = NULL;
  g_autoptr(RsSlip) voided = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *handle = rs_database_get_handle (f->db);
  const char *refused[] = {
    /* posted slip RK…-0001 (id 1) */
    "UPDATE slip SET remark = 'changed' WHERE id = 1",
    "UPDATE slip SET state = 'draft', posted_at = NULL, posted_by = NULL WHERE id = 1",
    "UPDATE slip SET number = 'RK20261126-9999' WHERE id = 1",
    "DELETE FROM slip WHERE id = 1",
    "UPDATE slip_line SET quantity = 1000 WHERE slip_id = 1",
    "DELETE FROM slip_line WHERE slip_id = 1",
    "INSERT INTO slip_line (slip_id, line_no, product_id, location_id, quantity) VALUES (1, 2, 1, 2, 1000)",
    "UPDATE slip_attachment SET file_name = 'x' WHERE slip_id = 1",
    "DELETE FROM slip_attachment WHERE slip_id = 1",
    /* voided slip CK…-0001 (id 2) */
    "UPDATE slip SET state = 'posted', voided_at = NULL, voided_by = NULL, void_reason = NULL WHERE id = 2",
    "UPDATE slip SET void_reason = 'other' WHERE id = 2",
    "DELETE FROM slip WHERE id = 2",
    /* the ledger */
    "UPDATE stock_ledger SET quantity = 99000",
    "DELETE FROM stock_ledger",
    "DELETE FROM stock_ledger WHERE id = (SELECT max (id) FROM stock_ledger)",
    /* stock appears only by posting: not for a draft (id 3) */
    "INSERT INTO stock_ledger (product_id, warehouse_id, location_id, quantity, unit_cost, slip_id, slip_line_id, "
    "created_by, created_at) SELECT 1, 1, 2, 1000, 0, 3, id, 1, 0 FROM slip_line WHERE slip_id = 3",
    /* a draft cannot jump to voided */
    "UPDATE slip SET state = 'voided', voided_at = 1, voided_by = 1, void_reason = 'x' WHERE id = 3",
    /* on-hand never goes negative */
    "UPDATE stock_on_hand SET quantity = -1",
  };

  stock_in (f, "P-1", UNITS (10), "A1", -1);
  {
    g_autofree char *dir = rs_test_make_dir ();
    g_autofree char *note = g_build_filename (dir, "note.txt", NULL);
    g_autoptr(RsSlip) attached = NULL;

    rs_test_write_file (note, "签收单", -1);
    attached = rs_slips_attach (f->admin, "RK20261126-0001", note, &error);
    g_assert_no_error (error);
  }
  {
    g_autoptr(RsSlip) out = make_slip (f->admin, RS_SLIP_OUT, "sale", &line, 1, TRUE, &error);
    g_assert_no_error (error);
    voided = rs_slips_void (f->admin, rs_slip_get_number (out), "test", &error);
    g_assert_no_error (error);
  }
  draft = make_slip (f->admin, RS_SLIP_OUT, "sale", &line, 1, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_slip_get_id (draft), ==, 3);

  before = rs_test_dump (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      char *message = NULL;
      int rc = sqlite3_exec (handle, refused[i], NULL, NULL, &message);

      g_test_message ("%s → %s", refused[i], message != NULL ? message : "accepted");
      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
      sqlite3_free (message);
    }
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  /* A draft's lines stay editable. */
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE slip_line SET quantity = 2000 WHERE slip_id = 3", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_permissions (Fixture *f, gconstpointer data)
{
  RsSlipLineFields line = { "P-1", UNITS (1), "A1", NULL, -1 };
  RsSlipFields fields = { .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = "WH1", .lines = &line, .n_lines = 1 };
  g_autoptr(RsSession) sales = rs_test_add_user (f->db, "xiaowang", RS_ROLE_SALES);
  g_autoptr(RsSession) keeper = rs_test_add_user (f->db, "laoli", RS_ROLE_KEEPER);
  g_autoptr(RsSession) viewer = rs_test_add_user (f->db, "kanke", RS_ROLE_VIEWER);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) draft = NULL;
  g_autoptr(RsSlip) posted = NULL;
  g_autoptr(RsSlip) seen = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *path = NULL;

  before = rs_test_dump (f->db);
  g_assert_null (rs_slips_create (sales, &fields, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (rs_slips_create_posted (viewer, &fields, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  draft = rs_slips_create (keeper, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_get_created_by (draft), ==, "laoli");

  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = rs_test_dump (f->db);
  g_assert_null (rs_slips_post (sales, rs_slip_get_number (draft), &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (rs_slips_update (viewer, rs_slip_get_number (draft), &fields, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  path = g_build_filename (g_get_tmp_dir (), "restock-test-note.txt", NULL);
  rs_test_write_file (path, "note", -1);
  g_assert_null (rs_slips_attach (sales, rs_slip_get_number (draft), path, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  posted = rs_slips_post (keeper, rs_slip_get_number (draft), &error);
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = rs_test_dump (f->db);
  g_assert_null (rs_slips_void (sales, rs_slip_get_number (draft), "no", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (rs_slips_amend (viewer, rs_slip_get_number (draft), &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  /* Everyone may look. */
  seen = rs_slips_lookup (viewer, rs_slip_get_number (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_slip_get_posted_by (seen), ==, "laoli");
  g_unlink (path);
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  struct {
    RsSlipKind kind;
    const char *purpose, *warehouse, *partner, *date;
    RsSlipLineFields line;
    int code;
    const char *says;
  } cases[] = {
    { RS_SLIP_IN, "gift", "WH1", NULL, NULL, { "P-1", 1000, "A1", NULL, -1 }, RS_ERROR_VALIDATION, "purchase, return-in" },
    { RS_SLIP_OUT, "purchase", "WH1", NULL, NULL, { "P-1", 1000, "A1", NULL, -1 }, RS_ERROR_VALIDATION, "sale" },
    { RS_SLIP_IN, "purchase", "NOPE", NULL, NULL, { "P-1", 1000, "A1", NULL, -1 }, RS_ERROR_NOT_FOUND, "NOPE" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, { "NO-SUCH", 1000, "A1", NULL, -1 }, RS_ERROR_NOT_FOUND, "NO-SUCH" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, { "P-1", 1500, "A1", NULL, -1 }, RS_ERROR_VALIDATION, "decimal" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, { "P-2", 1250, "A1", NULL, -1 }, RS_ERROR_VALIDATION, "decimal" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, { "P-1", 0, "A1", NULL, -1 }, RS_ERROR_VALIDATION, "more than zero" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, { "P-1", 1000, "B1", NULL, -1 }, RS_ERROR_NOT_FOUND, "B1" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, { "P-1", 1000, NULL, NULL, -1 }, RS_ERROR_VALIDATION, "A1, A2" },
    { RS_SLIP_OUT, "sale", "WH1", NULL, NULL, { "P-1", 1000, "A1", NULL, 500 }, RS_ERROR_VALIDATION, "unit cost" },
    { RS_SLIP_OUT, "sale", "WH1", NULL, NULL, { "P-1", 1000, "A1", "A2", -1 }, RS_ERROR_VALIDATION, "transfer" },
    { RS_SLIP_IN, "purchase", "WH1", "华东商贸", NULL, { "P-1", 1000, "A1", NULL, -1 }, RS_ERROR_NOT_FOUND, "supplier" },
    { RS_SLIP_IN, "other", "WH1", "同名公司", NULL, { "P-1", 1000, "A1", NULL, -1 }, RS_ERROR_VALIDATION, "C002" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, "2026-02-30", { "P-1", 1000, "A1", NULL, -1 }, RS_ERROR_VALIDATION, "YYYY-MM-DD" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, { "", 1000, "A1", NULL, -1 }, RS_ERROR_VALIDATION, "names no product" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, { "P-1", 1000, "A1", NULL, G_GINT64_CONSTANT (100000000000000) },
      RS_ERROR_VALIDATION, "too large" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, { "P-4", 1000, "A1", NULL, -1 }, RS_ERROR_VALIDATION, "deactivated" },
    { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, { "P-1", 1000, "A3", NULL, -1 }, RS_ERROR_VALIDATION, "deactivated" },
    { RS_SLIP_IN, "purchase", "WH3", NULL, NULL, { "P-1", 1000, "A1", NULL, -1 }, RS_ERROR_VALIDATION, "deactivated" },
  };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) setup_error = NULL;

  /* Retired master data: a product, a location and a warehouse that take no new slips. */
  add_product (f->admin, "P-4", "旧型号", "个", 0);
  rs_products_set_active (f->admin, "P-4", FALSE, &setup_error);
  g_assert_no_error (setup_error);
  {
    g_autoptr(RsLocation) a3 = rs_locations_add (f->admin, "WH1", "A3", NULL, RS_LOCATION_STORAGE, &setup_error);
    g_autoptr(RsWarehouse) wh3 = rs_warehouses_add (f->admin, "WH3", "旧仓库", NULL, &setup_error);
    g_assert_no_error (setup_error);
  }
  rs_locations_set_active (f->admin, "WH1", "A3", FALSE, &setup_error);
  g_assert_no_error (setup_error);
  rs_warehouses_set_active (f->admin, "WH3", FALSE, &setup_error);
  g_assert_no_error (setup_error);
  before = rs_test_dump (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RsSlipFields fields = { .kind = cases[i].kind, .purpose = cases[i].purpose, .warehouse = cases[i].warehouse,
                              .partner = cases[i].partner, .date = cases[i].date,
                              .lines = &cases[i].line, .n_lines = 1 };
      g_autoptr(GError) error = NULL;
      g_autoptr(RsSlip) slip = rs_slips_create (f->admin, &fields, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "accepted");
      g_assert_null (slip);
      g_assert_error (error, RS_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  /* The same name as customer for a sale is no longer ambiguous. */
  {
    RsSlipLineFields line = { "P-1", 1000, "A1", NULL, -1 };
    RsSlipFields fields = { .kind = RS_SLIP_IN, .purpose = "return-in", .warehouse = "WH1", .partner = "同名公司",
                            .date = "2026-11-20", .lines = &line, .n_lines = 1 };
    g_autoptr(GError) error = NULL;
    g_autoptr(RsSlip) slip = rs_slips_create (f->admin, &fields, &error);
    const char *code = NULL;

    g_assert_no_error (error);
    g_assert_true (rs_slip_get_partner (slip, NULL, &code, NULL));
    g_assert_cmpstr (code, ==, "C002");
    g_assert_cmpstr (rs_slip_get_date (slip), ==, "2026-11-20");
  }
}

static void
test_more_refusals (Fixture *f, gconstpointer data)
{
  RsSlipLineFields line = { "P-1", UNITS (1), "A1", NULL, -1 };
  RsSlipLineFields many[RS_SLIP_MAX_LINES + 1];
  RsSlipFields fields = { .kind = RS_SLIP_OUT, .purpose = "other", .warehouse = "WH1", .lines = &line, .n_lines = 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) draft = NULL;
  g_autoptr(RsSlip) empty = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *handle = rs_database_get_handle (f->db);

  stock_in (f, "P-1", UNITS (5), "QA", -1);
  stock_in (f, "P-1", UNITS (5), "A1", -1);
  draft = rs_slips_create (f->admin, &fields, &error);
  g_assert_no_error (error);
  before = rs_test_dump (f->db);

  /* The kind of a draft does not change, and only transfers have a receiving warehouse. */
  fields.kind = RS_SLIP_IN;
  fields.purpose = "other";
  g_assert_null (rs_slips_update (f->admin, rs_slip_get_number (draft), &fields, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  fields.kind = RS_SLIP_OUT;
  fields.to_warehouse = "WH2";
  g_assert_null (rs_slips_update (f->admin, rs_slip_get_number (draft), &fields, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  fields.to_warehouse = NULL;

  /* At most RS_SLIP_MAX_LINES lines, at least one. */
  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    many[i] = line;
  fields.lines = many;
  fields.n_lines = G_N_ELEMENTS (many);
  g_assert_null (rs_slips_create (f->admin, &fields, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  fields.n_lines = 0;
  g_assert_null (rs_slips_create (f->admin, &fields, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  /* Posting checks again what a draft's rows say now: a draft's lines are editable rows,
   * so a sale line pointed at quarantine, or a draft with no line left, is refused. */
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE slip SET purpose = 'sale' WHERE id = 3; "
                                         "UPDATE slip_line SET location_id = (SELECT id FROM location WHERE code = 'QA' "
                                         "AND warehouse_id = 1) WHERE slip_id = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = rs_test_dump (f->db);
  g_assert_null (rs_slips_post (f->admin, rs_slip_get_number (draft), &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "quarantine"));
  g_clear_error (&error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM slip_line WHERE slip_id = 3", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = rs_test_dump (f->db);
  g_assert_null (rs_slips_post (f->admin, rs_slip_get_number (draft), &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "no lines"));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_attachments (Fixture *f, gconstpointer data)
{
  RsSlipLineFields line = { "P-1", UNITS (1), "A1", NULL, -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) draft = make_slip (f->admin, RS_SLIP_IN, "purchase", &line, 1, FALSE, &error);
  g_autoptr(RsSlip) attached = NULL;
  g_autoptr(RsSlip) posted = NULL;
  g_autoptr(RsSlip) copy = NULL;
  g_autoptr(RsSlipAttachment) attachment = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = rs_test_make_dir ();
  g_autofree char *photo = g_build_filename (dir, "送货单.jpg", NULL);
  g_autofree char *stored = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (f->db);
  const char jpeg[] = "\xff\xd8\xff\xe0 not really a jpeg";

  g_assert_no_error (error);
  rs_test_write_file (photo, jpeg, sizeof jpeg);
  attached = rs_slips_attach (f->admin, rs_slip_get_number (draft), photo, &error);
  g_assert_no_error (error);
  attachment = g_list_model_get_item (rs_slip_get_attachments (attached), 0);
  g_assert_cmpstr (rs_slip_attachment_get_file_name (attachment), ==, "送货单.jpg");
  g_assert_cmpstr (rs_slip_attachment_get_content_type (attachment), ==, "image/jpeg");
  g_assert_cmpint (rs_slip_attachment_get_size (attachment), ==, sizeof jpeg);
  bytes = rs_slips_read_attachment (f->admin, attachment, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), jpeg, sizeof jpeg);

  /* A posted slip still takes attachments (the signed delivery note comes later); amend keeps them. */
  posted = rs_slips_post (f->admin, rs_slip_get_number (draft), &error);
  g_assert_no_error (error);
  g_clear_object (&attached);
  attached = rs_slips_attach (f->admin, rs_slip_get_number (draft), photo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_slip_get_attachments (attached)), ==, 2);
  copy = rs_slips_amend (f->admin, rs_slip_get_number (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rs_slip_get_attachments (copy)), ==, 2);

  /* A voided slip takes no more. */
  before = rs_test_dump (f->db);
  g_assert_null (rs_slips_attach (f->admin, rs_slip_get_number (draft), photo, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
  g_clear_error (&error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  /* A damaged file is reported when read, and by check. */
  stored = rs_attachment_store_get_path (store, rs_slip_attachment_get_sha256 (attachment));
  g_chmod (stored, 0600);
  rs_test_write_file (stored, "tampered", -1);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = rs_slips_read_attachment (f->admin, attachment, &error);
  g_assert_null (bytes);
  g_assert_error (error, RS_ERROR, RS_ERROR_STORAGE);
  g_clear_error (&error);
  {
    g_autoptr(GPtrArray) problems = rs_check_database (f->db, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "damaged"));
  }
}

static void
test_check_reports (Fixture *f, gconstpointer data)
{
  RsSlipLineFields line = { "P-2", 4000, "A1", NULL, -1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(RsSlip) slip = make_slip (f->admin, RS_SLIP_IN, "purchase", &line, 1, TRUE, &error);
  sqlite3 *handle = rs_database_get_handle (f->db);

  g_assert_no_error (error);
  assert_consistent (f->db);

  /* On-hand is not guarded by triggers (posting writes it); check is what catches a change. */
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE stock_on_hand SET quantity = 3500", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO stock_on_hand SELECT p.id, l.id, l.warehouse_id, 7000 "
                                         "FROM product p, location l JOIN warehouse w ON w.id = l.warehouse_id "
                                         "WHERE p.sku = 'P-3' AND l.code = 'A2' AND w.code = 'WH1'", NULL, NULL, NULL), ==, SQLITE_OK);
  problems = rs_check_database (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (problems, i));
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "On hand of P-2 at WH1 / A1 is 3.5, but its ledger adds up to 4.");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==, "On hand of P-3 at WH1 / A2 is 7, but its ledger adds up to 0.");

  /* A void written by hand: the triggers allow posted → voided, the missing reversal is found. */
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE stock_on_hand SET quantity = 4000 WHERE quantity = 3500; "
                                         "DELETE FROM stock_on_hand WHERE quantity = 7000", NULL, NULL, NULL), ==, SQLITE_OK);
  assert_consistent (f->db);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE slip SET state = 'voided', voided_at = 1, voided_by = 1, "
                                         "void_reason = 'by hand' WHERE id = 1", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = rs_check_database (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==,
                   "RK20261126-0001 (Voided): the ledger holds 1 of its movements and 0 reversals where 1 and 1 belong.");
}

/* ---- several processes at once ---------------------------------------------- */

static const char *skus[] = { "P-1", "P-2", "P-3" };
static const char *places[] = { "A1", "A2" };

/* Each writer makes `slips` random slips (voids come on top) and reports what went through,
 * one line each: "S NUMBER KIND sku:from:qty:to|- …" for a posted slip, "V NUMBER" for a void. */
static void
child_work (const char *path, int fd, guint seed, int slips, gboolean allow_voids)
{
  g_autoptr(RsDatabase) db = rs_database_open (path, NULL);
  g_autoptr(RsSession) session = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_free);

  if (db == NULL)
    _exit (2);
  session = rs_session_login (db, "admin", RS_TEST_PASSWORD, NULL);
  if (session == NULL)
    _exit (3);

  for (int made = 0; made < slips; )
    {
      RsSlipLineFields lines[10];
      RsSlipFields fields = { .warehouse = "WH1", .lines = lines };
      g_autoptr(GError) error = NULL;
      g_autoptr(RsSlip) slip = NULL;
      g_autoptr(GString) record = g_string_new (NULL);
      int roll = g_rand_int_range (rand, 0, 100);

      if (allow_voids && roll < 8 && mine->len > 0)
        {
          guint pick = g_rand_int_range (rand, 0, mine->len);
          g_autofree char *number = g_strdup (g_ptr_array_index (mine, pick));

          g_ptr_array_remove_index_fast (mine, pick);
          slip = rs_slips_void (session, number, "stress", &error);
          if (slip != NULL)
            g_string_printf (record, "V %s\n", number);
          else if (!g_error_matches (error, RS_ERROR, RS_ERROR_INSUFFICIENT_STOCK))
            {
              g_printerr ("child: %s\n", error->message);
              _exit (4);
            }
        }
      else
        {
          fields.kind = roll < 45 ? RS_SLIP_IN : roll < 85 ? RS_SLIP_OUT : RS_SLIP_TRANSFER;
          fields.purpose = fields.kind == RS_SLIP_IN ? "purchase" : fields.kind == RS_SLIP_OUT ? "sale" : "transfer";
          fields.n_lines = g_rand_int_range (rand, 1, 11);
          for (guint l = 0; l < fields.n_lines; l++)
            {
              int from = g_rand_int_range (rand, 0, 2);
              lines[l].sku = skus[g_rand_int_range (rand, 0, 3)];
              lines[l].quantity = UNITS (g_rand_int_range (rand, 1, 20));
              lines[l].location = places[from];
              lines[l].to_location = fields.kind == RS_SLIP_TRANSFER ? places[1 - from] : NULL;
              lines[l].unit_cost = fields.kind == RS_SLIP_IN ? g_rand_int_range (rand, 100, 5000) : -1;
            }
          made++;
          /* Busy past the 10 s timeout is "try again" (a loaded machine starves a writer); once more, said aloud. */
          for (int attempt = 0; attempt < 3; attempt++)
            {
              g_clear_error (&error);
              slip = rs_slips_create_posted (session, &fields, &error);
              if (slip != NULL || !g_error_matches (error, RS_ERROR, RS_ERROR_STORAGE))
                break;
              g_printerr ("child: retrying after: %s\n", error->message);
            }
          if (slip != NULL)
            {
              g_string_printf (record, "S %s %d", rs_slip_get_number (slip), fields.kind);
              for (guint l = 0; l < fields.n_lines; l++)
                g_string_append_printf (record, " %s:%s:%" G_GINT64_FORMAT ":%s", lines[l].sku, lines[l].location,
                                        lines[l].quantity, lines[l].to_location != NULL ? lines[l].to_location : "-");
              g_string_append_c (record, '\n');
              g_ptr_array_add (mine, g_strdup (rs_slip_get_number (slip)));
            }
          else if (!g_error_matches (error, RS_ERROR, RS_ERROR_INSUFFICIENT_STOCK))
            {
              g_printerr ("child: %s\n", error->message);
              _exit (5);
            }
        }
      if (record->len > 0 && write (fd, record->str, record->len) != (gssize) record->len)
        _exit (6);
    }
  _exit (0);
}

static void
apply_record (GHashTable *expected, const char *sku, const char *location, gint64 quantity)
{
  g_autofree char *key = g_strdup_printf ("%s@%s", sku, location);
  gint64 *value = g_hash_table_lookup (expected, key);

  if (value == NULL)
    {
      value = g_new0 (gint64, 1);
      g_hash_table_insert (expected, g_steal_pointer (&key), value);
    }
  *value += quantity;
}

/* Runs writers processes of `slips` random slips each, then recomputes on-hand from
 * what they report having posted and voided, and compares. */
static void
run_writers (Fixture *f, int writers, int slips, gboolean allow_voids)
{
  g_autofree char *path = g_strdup (rs_database_get_path (f->db));
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) posted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *output = g_build_filename (folder, "writers.log", NULL);
  g_autofree char *log = NULL;
  g_auto(GStrv) records = NULL;
  int fd = open (output, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC, 0600);
  pid_t pids[8];
  guint n_posted = 0, n_voided = 0;

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (writers, <=, (int) G_N_ELEMENTS (pids));
  for (int w = 0; w < writers; w++)
    {
      pids[w] = fork ();
      g_assert_cmpint (pids[w], >=, 0);
      if (pids[w] == 0)
        child_work (path, fd, 1000 + w, slips, allow_voids);
    }
  close (fd);
  for (int w = 0; w < writers; w++)
    {
      int status = 0;
      g_assert_cmpint (waitpid (pids[w], &status, 0), ==, pids[w]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  g_assert_true (g_file_get_contents (output, &log, NULL, NULL));
  records = g_strsplit (log, "\n", -1);
  for (guint i = 0; records[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (records[i], " ", -1);
      int sign = 1;
      const char *body;

      if (parts[0] == NULL || parts[1] == NULL)
        continue;
      if (g_str_equal (parts[0], "S"))
        {
          g_assert_false (g_hash_table_contains (numbers, parts[1]));   /* no number handed out twice */
          g_hash_table_add (numbers, g_strdup (parts[1]));
          g_hash_table_insert (posted, g_strdup (parts[1]), g_strdup (records[i]));
          body = records[i];
          n_posted++;
        }
      else
        {
          sign = -1;
          n_voided++;
          body = g_hash_table_lookup (posted, parts[1]);
          g_assert_nonnull (body);
        }

      {
        g_auto(GStrv) fields = g_strsplit (body, " ", -1);
        int kind = atoi (fields[2]);

        for (guint l = 3; fields[l] != NULL; l++)
          {
            g_auto(GStrv) item = g_strsplit (fields[l], ":", 4);
            gint64 quantity = g_ascii_strtoll (item[2], NULL, 10) * sign;

            apply_record (expected, item[0], item[1], kind == RS_SLIP_IN ? quantity : -quantity);
            if (kind == RS_SLIP_TRANSFER)
              apply_record (expected, item[0], item[3], quantity);
          }
      }
    }
  g_test_message ("%d writers: %u of %d slips posted (the others lacked stock), %u voided",
                  writers, n_posted, writers * slips, n_voided);
  g_assert_cmpuint (n_posted, >, 0);

  /* Re-read after the children: on-hand equals what they say they did, and check agrees. */
  for (guint s = 0; s < G_N_ELEMENTS (skus); s++)
    for (guint p = 0; p < G_N_ELEMENTS (places); p++)
      {
        g_autofree char *key = g_strdup_printf ("%s@%s", skus[s], places[p]);
        gint64 *value = g_hash_table_lookup (expected, key);
        gint64 actual = on_hand (f, skus[s], "WH1", places[p]);

        g_assert_cmpint (actual, ==, value != NULL ? *value : 0);
        g_assert_cmpint (actual, >=, 0);
      }
  g_assert_cmpint (count (f->db, "SELECT count(*) FROM slip WHERE state <> 'draft'"), ==, n_posted);
  assert_consistent (f->db);
  g_unlink (output);
}

static void
test_concurrent_posting (Fixture *f, gconstpointer data)
{
  /* Stock is scarce so that the writers compete for it and some are refused. */
  run_writers (f, 2, 60, FALSE);
}

static void
test_stress (Fixture *f, gconstpointer data)
{
  run_writers (f, 4, 500, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/slips/create-draft", test_create_draft);
  ADD ("/slips/post-in-and-out", test_post_in_and_out);
  ADD ("/slips/refuse/third-line-lacks-stock", test_third_line_lacks_stock);
  ADD ("/slips/refuse/lines-count-together", test_lines_count_together);
  ADD ("/slips/preview-post", test_preview_post);
  ADD ("/slips/refuse/quarantine-not-sold", test_quarantine_not_sold);
  ADD ("/slips/refuse/void-of-in-needs-the-stock", test_void_of_in_needs_the_stock);
  ADD ("/slips/refuse/raw-sql", test_raw_sql_refused);
  ADD ("/slips/refuse/permissions", test_permissions);
  ADD ("/slips/refuse/validation", test_validation);
  ADD ("/slips/refuse/more", test_more_refusals);
  ADD ("/slips/void-restores", test_void_restores);
  ADD ("/slips/moving-average", test_moving_average);
  ADD ("/slips/transfer", test_transfer);
  ADD ("/slips/amend-chain", test_amend_chain);
  ADD ("/slips/attachments", test_attachments);
  ADD ("/slips/check-reports", test_check_reports);
  ADD ("/slips/concurrent-posting", test_concurrent_posting);
  ADD ("/slips/stress", test_stress);
#undef ADD

  return g_test_run ();
}
