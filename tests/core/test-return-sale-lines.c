/* test-return-sale-lines.c — what a sale slip lets a return still take back (the intake form's
 * caps): other returns count against it, the draft being edited, cancelled and rejected ones not. */
#include "rs-test-util.h"
#include "rs-approval.h"
#include "rs-returns.h"
#include "rs-slips.h"

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
  RsSession  *sales;
  char       *sale;
  char       *purchase;
} Fixture;

static char *
post_slip (Fixture *f, RsSlipKind kind, const char *purpose, const char *partner, const RsSlipLineFields *lines,
           guint n_lines)
{
  g_autoptr(GError) error = NULL;
  RsSlipFields fields = { .kind = kind, .purpose = purpose, .warehouse = "WH1", .date = "2026-11-20",
                          .partner = partner, .lines = lines, .n_lines = n_lines };
  g_autoptr(RsSlip) slip = rs_slips_create_posted (f->admin, &fields, &error);

  g_assert_no_error (error);
  return g_strdup (rs_slip_get_number (slip));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) wh = NULL;
  g_autoptr(RsLocation) a1 = NULL;
  g_autoptr(RsPartner) customer = NULL;
  g_autoptr(RsPartner) supplier = NULL;
  g_autoptr(RsProduct) p1 = NULL;
  g_autoptr(RsProduct) p2 = NULL;
  RsProductFields p1_fields = { .sku = "P-1", .name = "螺丝刀", .unit = "把", .decimals = 0, .list_price = 9900 };
  RsProductFields p2_fields = { .sku = "P-2", .name = "胶带", .unit = "米", .decimals = 1, .list_price = 100 };
  RsPartnerFields c001 = { .code = "C001", .name = "华东商贸" };
  RsPartnerFields s001 = { .code = "S001", .name = "深圳电子" };
  RsSlipLineFields bought[] = { { "P-1", 10000, "A1", NULL, 1250 }, { "P-2", 5500, "A1", NULL, 300 } };
  RsSlipLineFields sold[] = { { "P-2", 2500, "A1", NULL, -1 }, { "P-1", 4000, "A1", NULL, -1 } };

  rs_clock_set_fixed (G_GINT64_CONSTANT (1795000000) * G_USEC_PER_SEC);   /* 2026-11-18 */
  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  wh = rs_warehouses_add (f->admin, "WH1", "主仓库", NULL, &error);
  g_assert_no_error (error);
  a1 = rs_locations_add (f->admin, "WH1", "A1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  p1 = rs_products_add (f->admin, &p1_fields, &error);
  g_assert_no_error (error);
  p2 = rs_products_add (f->admin, &p2_fields, &error);
  g_assert_no_error (error);
  customer = rs_partners_add (f->admin, RS_PARTNER_CUSTOMER, &c001, &error);
  g_assert_no_error (error);
  supplier = rs_partners_add (f->admin, RS_PARTNER_SUPPLIER, &s001, &error);
  g_assert_no_error (error);
  rs_clock_set_fixed (G_GINT64_CONSTANT (1795600000) * G_USEC_PER_SEC);   /* 2026-11-25 */
  f->purchase = post_slip (f, RS_SLIP_IN, "purchase", "S001", bought, G_N_ELEMENTS (bought));
  f->sale = post_slip (f, RS_SLIP_OUT, "sale", "C001", sold, G_N_ELEMENTS (sold));
  f->sales = rs_test_add_user (f->db, "sal", RS_ROLE_SALES);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->sale);
  g_free (f->purchase);
  g_clear_object (&f->sales);
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
  rs_clock_use_system ();
}

static RsReturn *
take_back (Fixture *f, gint64 quantity)
{
  g_autoptr(GError) error = NULL;
  RsReturnLineFields line = { "P-1", quantity, -1, NULL };
  RsReturnFields fields = { .reason = "quality", .sale_slip = f->sale, .lines = &line, .n_lines = 1 };
  RsReturn *ret = rs_returns_create (f->sales, &fields, &error);

  g_assert_no_error (error);
  return ret;
}

static void
assert_line (GArray *lines, guint i, const char *sku, int decimals, gint64 shipped, gint64 returnable)
{
  RsReturnSaleLine *line = &g_array_index (lines, RsReturnSaleLine, i);

  g_assert_cmpstr (line->sku, ==, sku);
  g_assert_cmpint (line->decimals, ==, decimals);
  g_assert_cmpint (line->shipped, ==, shipped);
  g_assert_cmpint (line->returnable, ==, returnable);
}

static void
test_caps (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) fresh = rs_returns_sale_lines (f->sales, f->sale, NULL, &error);
  g_autoptr(GArray) after = NULL;
  g_autoptr(GArray) editing = NULL;
  g_autoptr(GArray) cancelled = NULL;
  g_autoptr(RsReturn) first = NULL;
  g_autoptr(RsReturn) gone = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (fresh->len, ==, 2);
  assert_line (fresh, 0, "P-2", 1, 2500, 2500);   /* the slip's line order */
  assert_line (fresh, 1, "P-1", 0, 4000, 4000);

  first = take_back (f, 1000);
  after = rs_returns_sale_lines (f->sales, f->sale, NULL, &error);
  g_assert_no_error (error);
  assert_line (after, 1, "P-1", 0, 4000, 3000);
  /* Editing that draft: its own lines do not count against it. */
  editing = rs_returns_sale_lines (f->sales, f->sale, rs_return_get_number (first), &error);
  g_assert_no_error (error);
  assert_line (editing, 1, "P-1", 0, 4000, 4000);

  /* What it says is what core enforces: 3 more fit, a fourth is refused. */
  {
    g_autoptr(RsReturn) three = take_back (f, 3000);
    RsReturnLineFields line = { "P-1", 1000, -1, NULL };
    RsReturnFields fields = { .reason = "quality", .sale_slip = f->sale, .lines = &line, .n_lines = 1 };
    g_autoptr(RsReturn) refused = rs_returns_create (f->sales, &fields, &error);

    g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
    g_assert_null (refused);
    g_clear_error (&error);
    gone = rs_returns_cancel (f->admin, rs_return_get_number (three), "wrong slip", &error);
    g_assert_no_error (error);
  }
  cancelled = rs_returns_sale_lines (f->sales, f->sale, NULL, &error);
  g_assert_no_error (error);
  assert_line (cancelled, 1, "P-1", 0, 4000, 3000);
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  GArray *lines;

  lines = rs_returns_sale_lines (f->sales, f->purchase, NULL, &error);
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_null (lines);
  g_clear_error (&error);
  lines = rs_returns_sale_lines (f->sales, "CK20991231-0001", NULL, &error);
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
  g_assert_null (lines);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  rs_i18n_init ();
  g_test_add ("/return-sale-lines/caps", Fixture, NULL, fixture_set_up, test_caps, fixture_tear_down);
  g_test_add ("/return-sale-lines/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  return g_test_run ();
}
