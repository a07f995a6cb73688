/* test-search.c — search everywhere: returns, slips, products and customers at once, at most
 * `limit` of each, Chinese substrings of one to three characters and more; the exact number
 * of a document as a barcode scanner types it; refusals that change nothing. */
#include "rs-test-util.h"

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
  char       *slip;
  char       *rma;
} Fixture;

static void
add_product (Fixture *f, const char *sku, const char *name)
{
  g_autoptr(GError) error = NULL;
  RsProductFields fields = { .sku = sku, .name = name, .unit = "台", .list_price = 19900 };
  g_autoptr(RsProduct) product = rs_products_add (f->admin, &fields, &error);

  g_assert_no_error (error);
}

static void
add_customer (Fixture *f, const char *code, const char *name, const char *phone)
{
  g_autoptr(GError) error = NULL;
  RsPartnerFields fields = { .code = code, .name = name, .phone = phone };
  g_autoptr(RsPartner) partner = rs_partners_add (f->admin, RS_PARTNER_CUSTOMER, &fields, &error);

  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(RsLocation) location = NULL;
  g_autoptr(RsSlip) slip = NULL;
  g_autoptr(RsReturn) ret = NULL;
  RsSlipLineFields line = { .sku = "P-1", .quantity = 2000, .location = "A1", .unit_cost = 19900 };
  RsSlipFields fields = { .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = "WH1", .lines = &line, .n_lines = 1 };
  RsReturnLineFields return_line = { .sku = "P-2", .quantity = 1000, .unit_price = -1 };
  RsReturnFields return_fields = { .customer = "C001", .reason = "quality", .lines = &return_line, .n_lines = 1 };

  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  warehouse = rs_warehouses_add (f->admin, "WH1", "上海总仓", NULL, &error);
  g_assert_no_error (error);
  location = rs_locations_add (f->admin, "WH1", "A1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  add_product (f, "P-1", "电饭煲");
  add_product (f, "P-2", "电热水壶");
  add_product (f, "P-3", "电风扇");
  add_product (f, "X-9", "螺丝刀");
  add_customer (f, "C001", "华东商贸有限公司", "021-5555");
  add_customer (f, "C002", "华北电器行", "010-6666");
  slip = rs_slips_create_posted (f->admin, &fields, &error);
  g_assert_no_error (error);
  f->slip = g_strdup (rs_slip_get_number (slip));
  ret = rs_returns_create (f->admin, &return_fields, &error);
  g_assert_no_error (error);
  f->rma = g_strdup (rs_return_get_number (ret));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->slip);
  g_free (f->rma);
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
}

/* "return:TH…,product:P-1,…" */
static char *
found (Fixture *f, const char *text, guint limit)
{
  static const char * const kinds[] = { "return", "slip", "product", "customer" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = rs_search_everywhere (f->admin, text, limit, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      RsSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_nonnull (hit->title);
      g_assert_nonnull (hit->subtitle);
      g_string_append_printf (out, "%s%s:%s", out->len > 0 ? "," : "", kinds[hit->kind], hit->reference);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_everywhere (Fixture *f, gconstpointer data)
{
  g_autofree char *one = found (f, "电", 10);
  g_autofree char *limited = found (f, "电", 2);
  g_autofree char *three = found (f, "华东商", 10);
  g_autofree char *two = found (f, "  华北 ", 10);
  g_autofree char *phone = found (f, "5555", 10);
  g_autofree char *number = found (f, f->slip, 10);
  g_autofree char *none = found (f, "没有这个", 10);
  g_autofree char *empty = found (f, "   ", 10);
  g_autofree char *expected = NULL;

  /* One character (LIKE): the return (its line's product), the slip (its line's), the three
   * products and the customer with 电 in its name, in that order. */
  expected = g_strdup_printf ("return:%s,slip:%s,product:P-1,product:P-2,product:P-3,customer:C002", f->rma, f->slip);
  g_assert_cmpstr (one, ==, expected);
  g_clear_pointer (&expected, g_free);
  /* At most two of each kind. */
  expected = g_strdup_printf ("return:%s,slip:%s,product:P-1,product:P-2,customer:C002", f->rma, f->slip);
  g_assert_cmpstr (limited, ==, expected);
  g_clear_pointer (&expected, g_free);
  /* Three characters (the trigram index): the customer and its return. */
  expected = g_strdup_printf ("return:%s,customer:C001", f->rma);
  g_assert_cmpstr (three, ==, expected);
  g_assert_cmpstr (two, ==, "customer:C002");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("return:%s,customer:C001", f->rma);
  g_assert_cmpstr (phone, ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("slip:%s", f->slip);
  g_assert_cmpstr (number, ==, expected);
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (empty, ==, "");
}

static void
test_document (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = g_strdup_printf ("  %s\n", f->rma);
  g_autofree char *lower = g_ascii_strdown (f->slip, -1);
  g_autofree char *ret = NULL;
  g_autofree char *slip = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *partial = NULL;
  RsSearchKind kind = RS_SEARCH_CUSTOMER;

  /* As a scanner types it: the number and Enter; letter case aside. */
  ret = rs_search_document (f->admin, typed, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ret, ==, f->rma);
  g_assert_cmpint (kind, ==, RS_SEARCH_RETURN);
  slip = rs_search_document (f->admin, lower, &kind, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (slip, ==, f->slip);
  g_assert_cmpint (kind, ==, RS_SEARCH_SLIP);

  /* Only a whole number: a part of one, a product or nothing is no document. */
  partial = rs_search_document (f->admin, "TH", &kind, &error);
  g_assert_no_error (error);
  g_assert_null (partial);
  nothing = rs_search_document (f->admin, "P-1", &kind, &error);
  g_assert_no_error (error);
  g_assert_null (nothing);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSession) clerk = rs_test_add_user (f->db, "lilei", RS_ROLE_SALES);
  g_autofree char *long_text = g_strnfill (101, 'x');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *number = NULL;
  RsSearchKind kind;

  before = rs_test_dump (f->db);
  hits = rs_search_everywhere (f->admin, long_text, 5, &error);
  g_assert_null (hits);
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);

  g_assert_true (rs_users_disable (f->admin, "lilei", &error));
  g_clear_pointer (&before, g_free);
  before = rs_test_dump (f->db);
  hits = rs_search_everywhere (clerk, "电", 5, &error);
  g_assert_null (hits);
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  number = rs_search_document (clerk, f->rma, &kind, &error);
  g_assert_null (number);
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/search/everywhere", Fixture, NULL, fixture_set_up, test_everywhere, fixture_tear_down);
  g_test_add ("/search/document", Fixture, NULL, fixture_set_up, test_document, fixture_tear_down);
  g_test_add ("/search/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  return g_test_run ();
}
