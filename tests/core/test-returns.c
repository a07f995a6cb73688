/* test-returns.c — returns up to approval in core: the chain and its refusals, the rules the
 * database itself keeps, amounts, the confirmation e-mail, and the time checks with the clock moved. */
#include "rs-test-util.h"
#include "rs-approval.h"
#include "rs-returns.h"
#include "rs-slips.h"
#include "rs-time-check.h"

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
} Fixture;

static gint64
local_time (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, 0, 0);
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) p1 = NULL;
  g_autoptr(RsPartner) customer = NULL;
  RsProductFields product = { .sku = "P-1", .name = "螺丝刀", .unit = "把", .decimals = 1, .list_price = 9900 };
  RsPartnerFields partner = { .code = "C001", .name = "华东商贸", .email = "buyer@example.com" };

  rs_clock_set_fixed (local_time (2026, 11, 26, 10));
  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  p1 = rs_products_add (f->admin, &product, &error);
  g_assert_no_error (error);
  customer = rs_partners_add (f->admin, RS_PARTNER_CUSTOMER, &partner, &error);
  g_assert_no_error (error);
  f->sales = rs_test_add_user (f->db, "sal", RS_ROLE_SALES);
  f->service = rs_test_add_user (f->db, "svc", RS_ROLE_SERVICE);
  f->manager = rs_test_add_user (f->db, "mgr", RS_ROLE_MANAGER);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->manager);
  g_clear_object (&f->service);
  g_clear_object (&f->sales);
  g_clear_object (&f->admin);
  g_clear_object (&f->db);
  rs_clock_use_system ();
}

/* A draft of `quantity` thousandths of P-1 at `price` fen, sold on sale_date. */
static RsReturn *
new_return (Fixture *f, const char *reason, const char *sale_date, gint64 quantity, gint64 price)
{
  g_autoptr(GError) error = NULL;
  RsReturnLineFields line = { "P-1", quantity, price, "SN-1" };
  RsReturnFields fields = { .customer = "C001", .reason = reason, .sale_date = sale_date, .lines = &line, .n_lines = 1 };
  RsReturn *ret = rs_returns_create (f->sales, &fields, &error);

  g_assert_no_error (error);
  return ret;
}

static RsReturn *
approved_return (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) draft = new_return (f, "quality", "2026-11-20", 2000, 1000);
  g_autoptr(RsReturn) submitted = rs_returns_submit (f->sales, rs_return_get_number (draft), NULL, &error);
  g_autoptr(RsReturn) signed1 = NULL;

  g_assert_no_error (error);
  signed1 = rs_returns_approve (f->service, rs_return_get_number (draft), NULL, &error);
  g_assert_no_error (error);
  return rs_returns_approve (f->manager, rs_return_get_number (draft), "ok", &error);
}

static void
test_amount_rounding (void)
{
  /* 1.5 units at ¥0.33 is ¥0.495: half a fen rounds up. */
  g_assert_cmpint (rs_return_line_amount (1500, 33), ==, 50);
  g_assert_cmpint (rs_return_line_amount (1400, 33), ==, 46);
  g_assert_cmpint (rs_return_line_amount (0, 12345), ==, 0);
  /* The largest quantity at the largest price does not overflow on the way. */
  g_assert_cmpint (rs_return_line_amount (1000, G_GINT64_CONSTANT (99999999999999)), ==,
                   G_GINT64_CONSTANT (99999999999999));
}

static void
test_intake (Fixture *f, gconstpointer data)
{
  g_autoptr(RsReturn) ret = new_return (f, "quality", "2026-11-20", 1500, 33);
  g_autoptr(RsReturnLine) line = g_list_model_get_item (rs_return_get_lines (ret), 0);

  g_assert_cmpstr (rs_return_get_number (ret), ==, "TH20261126-0001");
  g_assert_cmpint (rs_return_get_state (ret), ==, RS_RETURN_DRAFT);
  g_assert_cmpstr (rs_return_get_request_date (ret), ==, "2026-11-26");
  g_assert_cmpint (rs_return_get_refund_value (ret), ==, 50);
  g_assert_cmpstr (rs_return_line_get_serial (line), ==, "SN-1");
  g_assert_cmpint (rs_return_get_n_flags (ret), ==, 0);
}

static void
test_intake_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *before = rs_test_dump (f->db);
  RsReturnLineFields good = { "P-1", 1000, -1, NULL };
  RsReturnLineFields too_fine = { "P-1", 1050, -1, NULL };   /* P-1 takes one decimal */
  RsReturnLineFields unknown = { "NOPE", 1000, -1, NULL };
  const struct {
    RsReturnFields fields;
    int code;
  } cases[] = {
    { { .customer = "C001", .reason = "quality", .lines = &good, .n_lines = 0 }, RS_ERROR_VALIDATION },
    { { .customer = "C001", .reason = "quality", .lines = &too_fine, .n_lines = 1 }, RS_ERROR_VALIDATION },
    { { .customer = "C001", .reason = "quality", .lines = &unknown, .n_lines = 1 }, RS_ERROR_NOT_FOUND },
    { { .customer = "nobody", .reason = "quality", .lines = &good, .n_lines = 1 }, RS_ERROR_NOT_FOUND },
    { { .customer = "C001", .reason = NULL, .lines = &good, .n_lines = 1 }, RS_ERROR_VALIDATION },
    { { .customer = "C001", .reason = "quality", .sale_date = "2026-02-30", .lines = &good, .n_lines = 1 }, RS_ERROR_VALIDATION },
    { { .customer = "C001", .reason = "quality", .request_date = "2026-11-27", .lines = &good, .n_lines = 1 }, RS_ERROR_VALIDATION },
    { { .customer = "C001", .reason = "quality", .sale_slip = "CK20261126-0009", .lines = &good, .n_lines = 1 }, RS_ERROR_NOT_FOUND },
    { { .customer = "C001", .reason = "quality", .description = "bad\xff", .lines = &good, .n_lines = 1 }, RS_ERROR_VALIDATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsReturn) ret = rs_returns_create (f->sales, &cases[i].fields, &error);
      g_autofree char *after = NULL;

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "accepted");
      g_assert_null (ret);
      g_assert_error (error, RS_ERROR, cases[i].code);
      after = rs_test_dump (f->db);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_chain_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *before = rs_test_dump (f->db);
  RsApprovalLevel keeper[] = { { RS_ROLE_KEEPER, -1 } };
  RsApprovalLevel two_roles[] = { { RS_ROLE_SERVICE | RS_ROLE_MANAGER, -1 } };
  RsApprovalLevel many[RS_APPROVAL_MAX_LEVELS + 1];
  RsApprovalLevel fine[] = { { RS_ROLE_SERVICE, -1 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (many); i++)
    many[i] = (RsApprovalLevel) { RS_ROLE_MANAGER, -1 };
  g_assert_false (rs_approval_chain_set (f->admin, keeper, 1, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (rs_approval_chain_set (f->admin, two_roles, 1, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (rs_approval_chain_set (f->admin, many, G_N_ELEMENTS (many), &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (rs_approval_chain_set (f->admin, fine, 0, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (rs_approval_chain_set (f->manager, fine, 1, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

/* A chain whose only level applies from ¥5,000: a small return needs nobody's signature. */
static void
test_no_level_applies (Fixture *f, gconstpointer data)
{
  RsApprovalLevel admin_only[] = { { RS_ROLE_ADMIN, 500000 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) draft = NULL;
  g_autoptr(RsReturn) submitted = NULL;

  g_assert_true (rs_approval_chain_set (f->admin, admin_only, 1, &error));
  g_assert_no_error (error);
  draft = new_return (f, "quality", "2026-11-20", 1000, 100);
  submitted = rs_returns_submit (f->sales, rs_return_get_number (draft), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (submitted), ==, RS_RETURN_APPROVED);
  g_assert_cmpuint (rs_return_get_n_levels (submitted), ==, 0);
}

/* What the database refuses whatever program writes to it. */
static void
test_database_guards (Fixture *f, gconstpointer data)
{
  g_autoptr(RsReturn) ret = approved_return (f);
  g_autofree char *before = rs_test_dump (f->db);
  const char *statements[] = {
    "UPDATE return_line SET quantity = 9000",
    "DELETE FROM return_line",
    "INSERT INTO return_line (return_id, line_no, product_id, quantity, unit_price) VALUES (1, 2, 1, 1000, 1)",
    "UPDATE return_signature SET decision = 'reject'",
    "DELETE FROM return_signature",
    "UPDATE return_event SET comment = 'x'",
    "DELETE FROM return_event",
    "DELETE FROM customer_return",
    "UPDATE customer_return SET number = 'TH1'",
    "UPDATE return_line SET inspected_quantity = 1000",               /* more than received */
    "INSERT INTO return_signature (return_id, round, level, role, user_id, decision, signed_at) "
    "  VALUES (1, 1, 3, 'admin', 1, 'approve', 0)",                   /* a level the round does not have */
  };
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", statements[i]);
      g_assert_false (rs_database_exec (f->db, statements[i], &error));
      g_assert_nonnull (error);
    }
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static char *
unescape (const char *uri, const char *key)
{
  const char *start = strstr (uri, key);
  const char *end;
  g_autofree char *part = NULL;

  g_assert_nonnull (start);
  start += strlen (key);
  end = strchr (start, '&');
  part = end != NULL ? g_strndup (start, end - start) : g_strdup (start);
  return g_uri_unescape_string (part, NULL);
}

static void
test_mailto (Fixture *f, gconstpointer data)
{
  g_autoptr(RsReturn) draft = new_return (f, "quality", "2026-11-20", 1000, 100);
  g_autoptr(RsReturn) ret = approved_return (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *refused = rs_returns_confirmation_mailto (f->sales, rs_return_get_number (draft), &error);
  g_autofree char *mailto = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  g_assert_null (refused);
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
  g_clear_error (&error);

  mailto = rs_returns_confirmation_mailto (f->sales, rs_return_get_number (ret), &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (mailto, "mailto:buyer@example.com?subject="));
  g_assert_null (strchr (mailto, ' '));
  g_assert_null (strchr (mailto, '\n'));
  subject = unescape (mailto, "subject=");
  body = unescape (mailto, "body=");
  g_assert_cmpstr (subject, ==, "Return TH20261126-0002 approved");
  g_assert_nonnull (strstr (body, "Dear 华东商贸,\r\n"));
  g_assert_nonnull (strstr (body, "1. P-1 螺丝刀 × 2.0 把\r\n"));
  g_assert_nonnull (strstr (body, "within 10 days"));
}

/* Receipt and inspection are not written here yet: the rows they will write are set
 * directly, to see the deadlines measured against them. */
static void
test_deadlines (Fixture *f, gconstpointer data)
{
  g_autoptr(RsReturn) ret = approved_return (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  gint64 approved_at = rs_return_get_approved_at (ret);
  RsReturnFilter flagged = { -1, TRUE, NULL, 0 };

  /* 10 days after approval nothing is late; an hour later the receipt is overdue. */
  rs_clock_set_fixed (approved_at + 10 * DAY);
  {
    g_autoptr(GListModel) list = rs_returns_list (f->sales, &flagged, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  }
  rs_clock_set_fixed (approved_at + 10 * DAY + HOUR);
  {
    g_autoptr(GListModel) list = rs_returns_list (f->sales, &flagged, &error);
    g_autoptr(RsReturn) item = NULL;
    g_autoptr(RsReturnFlag) flag = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
    item = g_list_model_get_item (list, 0);
    flag = g_list_model_get_item (rs_return_get_flags (item), 0);
    g_assert_cmpint (rs_return_flag_get_kind (flag), ==, RS_FLAG_RECEIVING_DEADLINE);
    g_assert_true (rs_return_flag_get_pending (flag));
    g_assert_cmpint (rs_return_flag_get_over (flag), ==, HOUR);
  }

  /* The goods come 12 days after approval: the breach is recorded, by 2 days. */
  rs_clock_set_fixed (approved_at + 12 * DAY);
  stmt = rs_database_prepare (f->db, "UPDATE customer_return SET state = 'received', receiving_at = ?1, received_at = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, rs_clock_now ());
  g_assert_true (rs_statement_run (stmt, &error));
  g_clear_pointer (&stmt, rs_statement_release);
  g_assert_true (rs_database_exec (f->db, "UPDATE return_line SET received_quantity = quantity", &error));
  g_assert_true (rs_time_check_receipt (f->db, rs_return_get_id (ret), &error));
  g_assert_no_error (error);
  {
    g_autoptr(RsReturn) now = rs_returns_lookup (f->sales, rs_return_get_number (ret), &error);
    g_autoptr(RsReturnFlag) flag = g_list_model_get_item (rs_return_get_flags (now), 0);
    g_autofree char *text = rs_return_flag_describe (flag);

    g_assert_cmpuint (rs_return_get_n_flags (now), ==, 1);
    g_assert_false (rs_return_flag_get_pending (flag));
    g_assert_cmpint (rs_return_flag_get_over (flag), ==, 2 * DAY);
    g_assert_cmpstr (text, ==, "Received 12 days after approval; the deadline is 10 days: 2 days late.");
  }

  /* 47 hours after receipt not yet; 50 hours after, the inspection is 2 hours overdue. */
  rs_clock_set_fixed (approved_at + 12 * DAY + 47 * HOUR);
  {
    g_autoptr(RsReturn) now = rs_returns_lookup (f->sales, rs_return_get_number (ret), &error);
    g_assert_cmpuint (rs_return_get_n_flags (now), ==, 1);
  }
  rs_clock_set_fixed (approved_at + 12 * DAY + 50 * HOUR);
  {
    g_autoptr(RsReturn) now = rs_returns_lookup (f->sales, rs_return_get_number (ret), &error);
    g_autoptr(RsReturnFlag) flag = g_list_model_get_item (rs_return_get_flags (now), 1);

    g_assert_cmpuint (rs_return_get_n_flags (now), ==, 2);
    g_assert_cmpint (rs_return_flag_get_kind (flag), ==, RS_FLAG_INSPECTION_DEADLINE);
    g_assert_true (rs_return_flag_get_pending (flag));
    g_assert_cmpint (rs_return_flag_get_over (flag), ==, 2 * HOUR);
  }
  /* Inspected then: recorded; a later, smaller excess does not replace the larger one. */
  g_assert_true (rs_time_check_inspection (f->db, rs_return_get_id (ret), approved_at + 12 * DAY, &error));
  g_assert_true (rs_time_check_record (f->db, rs_return_get_id (ret), RS_FLAG_INSPECTION_DEADLINE,
                                       48 * HOUR, 49 * HOUR, &error));
  g_assert_true (rs_database_exec (f->db, "UPDATE return_line SET inspected_quantity = received_quantity", &error));
  g_assert_no_error (error);
  {
    g_autoptr(RsReturn) now = rs_returns_lookup (f->sales, rs_return_get_number (ret), &error);
    g_autoptr(RsReturnFlag) flag = g_list_model_get_item (rs_return_get_flags (now), 1);
    g_autofree char *text = rs_return_flag_describe (flag);

    g_assert_false (rs_return_flag_get_pending (flag));
    g_assert_cmpstr (text, ==, "Inspected 50 hours after receipt; the deadline is 48 hours: 2 hours late.");
  }
}

static void
test_policy (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  RsTimePolicy policy;
  guint days = 0;
  g_autoptr(RsReason) no_reason = rs_reasons_lookup (f->db, "no-reason", &error);
  g_autoptr(RsReason) quality = rs_reasons_lookup (f->db, "quality", &error);

  g_assert_true (rs_time_policy_read (f->db, &policy, &error));
  g_assert_cmpuint (policy.return_window_days, ==, 15);
  g_assert_cmpuint (policy.receiving_deadline_days, ==, 10);
  g_assert_cmpuint (policy.inspection_deadline_hours, ==, 48);
  g_assert_true (rs_time_policy_get_window (f->db, rs_reason_get_id (no_reason), &days, &error));
  g_assert_cmpuint (days, ==, 7);
  g_assert_true (rs_time_policy_get_window (f->db, rs_reason_get_id (quality), &days, &error));
  g_assert_cmpuint (days, ==, 15);

  g_assert_false (rs_time_policy_set (f->manager, RS_SETTING_RETURN_WINDOW_DAYS, 20, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (rs_time_policy_set (f->admin, "company.name", 20, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (rs_time_policy_set (f->admin, RS_SETTING_INSPECTION_DEADLINE_HOURS, 0, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (rs_time_policy_set_reason_window (f->admin, "whim", 3, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (rs_time_policy_set (f->admin, RS_SETTING_RETURN_WINDOW_DAYS, 20, &error));
  g_assert_true (rs_time_policy_set_reason_window (f->admin, "quality", 3, &error));
  g_assert_no_error (error);
  {
    g_autoptr(RsReturn) ret = new_return (f, "quality", "2026-11-20", 1000, 100);
    g_autoptr(RsReturn) other = new_return (f, "damaged", "2026-11-10", 1000, 100);
    g_autoptr(RsReturnFlag) flag = g_list_model_get_item (rs_return_get_flags (ret), 0);

    g_assert_cmpuint (rs_return_get_n_flags (ret), ==, 1);
    g_assert_cmpint (rs_return_flag_get_over (flag), ==, 3 * DAY);
    g_assert_cmpuint (rs_return_get_n_flags (other), ==, 0);   /* 16 days, within the new default of 20 */
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rs_i18n_init ();

  g_test_add_func ("/returns/amount-rounding", test_amount_rounding);
#define ADD(path, func) g_test_add ("/returns/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("intake", test_intake);
  ADD ("intake-refusals", test_intake_refusals);
  ADD ("chain-refusals", test_chain_refusals);
  ADD ("no-level-applies", test_no_level_applies);
  ADD ("database-guards", test_database_guards);
  ADD ("mailto", test_mailto);
  ADD ("deadlines", test_deadlines);
  ADD ("policy", test_policy);
#undef ADD
  return g_test_run ();
}
