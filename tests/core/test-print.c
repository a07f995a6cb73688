/* test-print.c — the print archive and the document settings (DESIGN §3, §7): copies counted
 * one by one, the bytes kept under their SHA-256, refusals that change nothing, rows the
 * database will not let anyone change; company details, logo, font and template checked. */
#include "rs-test-util.h"

#define NOW G_GINT64_CONSTANT (1795658400000000)   /* 2026-11-26 10:00 +08:00 */

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
  char       *slip;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(RsLocation) location = NULL;
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(RsSlip) slip = NULL;
  RsProductFields product_fields = { .sku = "P-1", .name = "电饭煲", .unit = "台" };
  RsSlipLineFields line = { .sku = "P-1", .quantity = 2000, .unit_cost = 19900 };
  RsSlipFields fields = { .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = "WH1", .lines = &line, .n_lines = 1 };

  rs_clock_set_fixed (NOW);
  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  warehouse = rs_warehouses_add (f->admin, "WH1", "上海总仓", NULL, &error);
  g_assert_no_error (error);
  location = rs_locations_add (f->admin, "WH1", "A1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  product = rs_products_add (f->admin, &product_fields, &error);
  g_assert_no_error (error);
  slip = rs_slips_create_posted (f->admin, &fields, &error);
  g_assert_no_error (error);
  f->slip = g_strdup (rs_slip_get_number (slip));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->slip);
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
  rs_clock_use_system ();
}

static RsPrint *
print_bytes (RsSession *session, RsPrintKind kind, const char *number, const char *content, guint expected_copy,
             GError **error)
{
  g_autoptr(RsPrintJob) job = rs_print_job_begin (session, kind, number, error);
  g_autoptr(GBytes) pdf = g_bytes_new (content, strlen (content));

  if (job == NULL)
    return NULL;
  g_assert_cmpuint (rs_print_job_get_copy (job), ==, expected_copy);
  return rs_print_job_commit (job, "a4", 1, pdf, error);
}

static void
test_copies_counted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsPrint) first = NULL;
  g_autoptr(RsPrint) second = NULL;
  g_autoptr(GListModel) prints = NULL;
  g_autoptr(GListModel) audit = NULL;
  g_autoptr(RsAuditEntry) entry = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "%PDF-1.4 second", -1);

  first = print_bytes (f->admin, RS_PRINT_SLIP, f->slip, "%PDF-1.4 first", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_print_get_copy (first), ==, 1);
  rs_clock_advance (60 * G_USEC_PER_SEC);
  second = print_bytes (f->admin, RS_PRINT_SLIP, f->slip, "%PDF-1.4 second", 2, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (rs_print_get_copy (second), ==, 2);
  g_assert_cmpstr (rs_print_get_sha256 (second), ==, sha256);
  g_assert_cmpint (rs_print_get_size (second), ==, strlen ("%PDF-1.4 second"));
  g_assert_cmpstr (rs_print_get_printed_by (second), ==, "admin");
  g_assert_cmpint (rs_print_get_printed_at (second), ==, NOW + 60 * G_USEC_PER_SEC);
  g_assert_cmpstr (rs_print_get_template (second), ==, "a4");

  /* Another kind of document with the same number counts on its own. */
  g_clear_object (&first);
  prints = rs_prints_list (f->admin, RS_PRINT_SLIP, f->slip, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (prints), ==, 2);
  first = g_list_model_get_item (prints, 0);
  g_assert_cmpuint (rs_print_get_copy (first), ==, 1);
  g_assert_cmpint (rs_print_get_printed_at (first), ==, NOW);

  stored = rs_prints_read (f->admin, second, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (stored, NULL), g_bytes_get_size (stored), "%PDF-1.4 second", 15);

  audit = rs_audit_list (f->admin, 1, &error);
  g_assert_no_error (error);
  entry = g_list_model_get_item (audit, 0);
  g_assert_cmpstr (rs_audit_entry_get_action (entry), ==, "document.print");
  g_assert_cmpstr (rs_audit_entry_get_object_type (entry), ==, "slip");
  g_assert_cmpstr (rs_audit_entry_get_object_key (entry), ==, f->slip);
}

static void
test_not_committed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  RsPrintJob *job = rs_print_job_begin (f->admin, RS_PRINT_SLIP, f->slip, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rs_print_job_get_copy (job), ==, 1);
  rs_print_job_free (job);   /* the PDF failed: nothing is counted */
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSession) viewer = rs_test_add_user (f->db, "wu", RS_ROLE_VIEWER);
  g_autoptr(RsPrint) print = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RsPrintKind kind;

  /* Any role may print; a disabled account may not. */
  print = print_bytes (viewer, RS_PRINT_SLIP, f->slip, "%PDF-1.4 viewer", 1, &error);
  g_assert_no_error (error);
  g_clear_object (&print);
  g_assert_true (rs_users_disable (f->admin, "wu", &error));
  g_assert_no_error (error);

  before = rs_test_dump (f->db);
  g_assert_null (rs_print_job_begin (viewer, RS_PRINT_SLIP, f->slip, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (rs_print_job_begin (f->admin, RS_PRINT_SLIP, "RK20990101-0001", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A slip number is no return. */
  g_assert_null (rs_print_job_begin (f->admin, RS_PRINT_DOSSIER, f->slip, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rs_print_job_begin (f->admin, RS_PRINT_SETTLEMENT, "BZ20261126-0001", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (rs_print_job_begin (f->admin, RS_PRINT_INSPECTION, "JY20261126-0001", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  g_assert_false (rs_print_kind_parse ("invoice", &kind, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "dossier"));
  g_clear_error (&error);
  g_assert_true (rs_print_kind_parse ("dossier", &kind, &error));
  g_assert_cmpint (kind, ==, RS_PRINT_DOSSIER);
}

static void
test_append_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsPrint) print = print_bytes (f->admin, RS_PRINT_SLIP, f->slip, "%PDF-1.4 kept", 1, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *attempts[] = {
    "UPDATE print SET copy = 5",
    "UPDATE print SET sha256 = sha256",
    "DELETE FROM print",
    /* A copy number out of turn (2 is next). */
    "INSERT INTO print (kind, number, copy, template, pages, sha256, size, printed_by, printed_at) "
    "SELECT kind, number, 3, template, pages, sha256, size, printed_by, printed_at FROM print",
    "INSERT INTO print (kind, number, copy, template, pages, sha256, size, printed_by, printed_at) "
    "SELECT kind, number, 1, template, pages, sha256, size, printed_by, printed_at FROM print",
  };

  g_assert_no_error (error);
  before = rs_test_dump (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      g_autoptr(RsStatement) stmt = rs_database_prepare (f->db, attempts[i], &error);

      g_assert_no_error (error);
      g_assert_false (rs_statement_run (stmt, &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

/* ---- settings for documents ---- */

/* A 1 × 1 red PNG: core checks what a logo is, not how it looks. */
static char *
write_png (const char *dir)
{
  static const char png[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01"
    "\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63\x38\x21\xa0\x07"
    "\x00\x02\xaa\x01\x07\x82\x25\x9a\xee\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";
  char *path = g_build_filename (dir, "logo.png", NULL);

  rs_test_write_file (path, png, sizeof png - 1);
  return path;
}

static void
assert_refused (Fixture *f, RsSession *session, const char *key, const char *value, int code, const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  gboolean ok = g_strcmp0 (key, "logo") == 0 ? rs_settings_set_logo (session, value, &error)
                                             : rs_settings_set (session, key, value, &error);

  g_assert_false (ok);
  g_assert_error (error, RS_ERROR, code);
  if (says != NULL)
    g_assert_nonnull (strstr (error->message, says));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = rs_test_make_dir ();
  g_autofree char *png = write_png (dir);
  g_autofree char *text = g_build_filename (dir, "logo.txt", NULL);
  g_autofree char *logo = NULL;
  g_autofree char *address = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(RsSession) keeper = rs_test_add_user (f->db, "kp", RS_ROLE_KEEPER);
  g_autoptr(RsAttachmentStore) store = rs_attachment_store_new (f->db);
  g_autoptr(GBytes) png_bytes = rs_test_read_file (png);
  g_autofree char *png_sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png_bytes);

  g_assert_true (rs_settings_set (f->admin, RS_SETTING_COMPANY_ADDRESS, "上海市浦东新区张江路 88 号\n3 号楼", &error));
  g_assert_true (rs_settings_set (f->admin, RS_SETTING_COMPANY_PHONE, "021-5080 1234", &error));
  g_assert_true (rs_settings_set (f->admin, RS_SETTING_PRINT_TEMPLATE, "form241", &error));
  g_assert_true (rs_settings_set (f->admin, RS_SETTING_PRINT_FONT, "", &error));
  g_assert_true (rs_settings_set_logo (f->admin, png, &error));
  g_assert_no_error (error);
  address = rs_settings_get (f->db, RS_SETTING_COMPANY_ADDRESS, NULL);
  g_assert_cmpstr (address, ==, "上海市浦东新区张江路 88 号\n3 号楼");
  logo = rs_settings_get (f->db, RS_SETTING_COMPANY_LOGO, NULL);
  g_assert_cmpstr (logo, ==, png_sha);
  g_assert_true (rs_attachment_store_verify (store, logo, &error));

  json = rs_settings_to_json (keeper, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "print.template"), ==, "form241");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "company.logo"), ==, png_sha);
  g_assert_cmpstr (rs_settings_get_keys ()[5], ==, RS_SETTING_PRINT_TEMPLATE);
  g_assert_null (rs_settings_get_keys ()[6]);
  g_assert_nonnull (rs_settings_key_get_display_name (RS_SETTING_COMPANY_LOGO));
  g_assert_null (rs_settings_key_get_display_name ("policy.return_window_days"));

  /* Refusals, each leaving every table as it was. */
  rs_test_write_file (text, "not a picture", -1);
  assert_refused (f, f->admin, RS_SETTING_PRINT_TEMPLATE, "letter", RS_ERROR_VALIDATION, "form241");
  assert_refused (f, f->admin, RS_SETTING_PRINT_FONT, "/no/such/font.ttf", RS_ERROR_VALIDATION, "fonts-wqy-microhei");
  assert_refused (f, f->admin, RS_SETTING_PRINT_FONT, "wqy-microhei.ttc", RS_ERROR_VALIDATION, NULL);
  assert_refused (f, f->admin, RS_SETTING_COMPANY_PHONE, "021\n5080", RS_ERROR_VALIDATION, NULL);
  assert_refused (f, f->admin, RS_SETTING_COMPANY_LOGO, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                  RS_ERROR_STORAGE, NULL);
  assert_refused (f, f->admin, "logo", text, RS_ERROR_VALIDATION, "logo.txt");
  assert_refused (f, f->admin, "logo", "/no/such/logo.png", RS_ERROR_NOT_FOUND, NULL);
  assert_refused (f, keeper, RS_SETTING_COMPANY_ADDRESS, "北京", RS_ERROR_PERMISSION, NULL);
  assert_refused (f, keeper, "logo", png, RS_ERROR_PERMISSION, NULL);

  /* A logo is removed by setting nothing. */
  g_assert_true (rs_settings_set_logo (f->admin, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&logo, g_free);
  logo = rs_settings_get (f->db, RS_SETTING_COMPANY_LOGO, NULL);
  g_assert_cmpstr (logo, ==, "");
}

int
main (int argc, char **argv)
{
  rs_i18n_init ();
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/print/copies-counted", Fixture, NULL, fixture_set_up, test_copies_counted, fixture_tear_down);
  g_test_add ("/print/not-committed", Fixture, NULL, fixture_set_up, test_not_committed, fixture_tear_down);
  g_test_add ("/print/refused", Fixture, NULL, fixture_set_up, test_refused, fixture_tear_down);
  g_test_add ("/print/append-only", Fixture, NULL, fixture_set_up, test_append_only, fixture_tear_down);
  g_test_add ("/print/settings", Fixture, NULL, fixture_set_up, test_settings, fixture_tear_down);
  return g_test_run ();
}
