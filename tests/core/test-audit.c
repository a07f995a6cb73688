/* test-audit.c — every change leaves an audit row; rows cannot be changed;
 * an edit behind the program's back is found, at the row it was made. */
#include "rs-test-util.h"

static guint
count_rows (RsDatabase *db, const char *sql)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, sql, NULL);
  g_assert_true (rs_statement_step (stmt, NULL));
  return (guint) sqlite3_column_int (stmt, 0);
}

/* Runs SQL straight on the handle, as the sqlite3 tool would. */
static int
raw_exec (RsDatabase *db, const char *sql)
{
  return sqlite3_exec (rs_database_get_handle (db), sql, NULL, NULL, NULL);
}

static RsAuditEntry *
newest (RsSession *admin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = rs_audit_list (admin, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  return g_list_model_get_item (rows, 0);
}

static void
test_user_changes (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsSession) clerk = NULL;
  g_autoptr(RsAuditEntry) entry = NULL;
  g_autoptr(RsSession) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;

  /* Row 1: the setup. */
  all = rs_audit_list (admin, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
  entry = g_list_model_get_item (all, 0);
  g_assert_cmpint (rs_audit_entry_get_id (entry), ==, 1);
  g_assert_cmpstr (rs_audit_entry_get_action (entry), ==, "database.initialize");
  g_assert_cmpstr (rs_audit_entry_get_user_name (entry), ==, "admin");
  g_assert_nonnull (strstr (rs_audit_entry_get_after (entry), "测试贸易有限公司"));
  g_clear_object (&entry);

  clerk = rs_test_add_user (db, "clerk", RS_ROLE_SALES);
  entry = newest (admin);
  g_assert_cmpstr (rs_audit_entry_get_action (entry), ==, "user.add");
  g_assert_cmpstr (rs_audit_entry_get_object_key (entry), ==, "clerk");
  g_assert_null (rs_audit_entry_get_before (entry));
  g_assert_nonnull (strstr (rs_audit_entry_get_after (entry), "\"roles\":\"sales\""));
  g_assert_null (strstr (rs_audit_entry_get_after (entry), "argon2"));   /* never the password hash */
  g_clear_object (&entry);

  g_assert_true (rs_users_disable (admin, "clerk", &error));
  g_assert_no_error (error);
  entry = newest (admin);
  g_assert_cmpstr (rs_audit_entry_get_action (entry), ==, "user.disable");
  g_assert_cmpstr (rs_audit_entry_get_user_name (entry), ==, "admin");
  g_assert_nonnull (strstr (rs_audit_entry_get_before (entry), "\"disabled\":false"));
  g_assert_nonnull (strstr (rs_audit_entry_get_after (entry), "\"disabled\":true"));
  g_clear_object (&entry);

  /* Wrong passwords: for a real account and for a name nobody has. */
  none = rs_session_login (db, "admin", "wrong password", &error);
  g_assert_error (error, RS_ERROR, RS_ERROR_AUTH);
  g_clear_error (&error);
  entry = newest (admin);
  g_assert_cmpstr (rs_audit_entry_get_action (entry), ==, "user.login-failed");
  g_assert_cmpstr (rs_audit_entry_get_object_key (entry), ==, "admin");
  g_clear_object (&entry);

  none = rs_session_login (db, "mallory", "guess", &error);
  g_assert_error (error, RS_ERROR, RS_ERROR_AUTH);
  g_clear_error (&error);
  entry = newest (admin);
  g_assert_cmpstr (rs_audit_entry_get_action (entry), ==, "user.login-failed");
  g_assert_cmpstr (rs_audit_entry_get_user_name (entry), ==, "mallory");
  g_clear_object (&entry);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM audit WHERE user_name = 'mallory' AND user_id IS NULL"), ==, 1);

  /* The fifth wrong password locks the account: that is recorded too. */
  for (int i = 0; i < RS_LOGIN_MAX_FAILURES - 1; i++)
    {
      none = rs_session_login (db, "admin", "wrong password", &error);
      g_clear_error (&error);
    }
  entry = newest (admin);
  g_assert_cmpstr (rs_audit_entry_get_action (entry), ==, "user.locked");

  g_assert_true (rs_audit_verify (db, NULL, &error));
  g_assert_no_error (error);
}

static void
test_master_changes (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) warehouse = rs_warehouses_add (admin, "SH", "上海仓", NULL, &error);
  g_autoptr(GListModel) rows = NULL;
  static const char *const expected[] = {   /* newest first */
    "product.deactivate", "product.add", "category.add", "location.add", "warehouse.add", "database.initialize",
  };
  RsProductFields f = { .sku = "A1", .name = "电熨斗", .unit = "个", .category = "小家电", .avg_cost = 8800 };
  g_autoptr(RsProduct) product = rs_products_add (admin, &f, &error);

  g_assert_no_error (error);
  g_assert_true (rs_products_set_active (admin, "A1", FALSE, &error));

  rows = rs_audit_list (admin, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(RsAuditEntry) entry = g_list_model_get_item (rows, i);
      g_assert_cmpstr (rs_audit_entry_get_action (entry), ==, expected[i]);
      if (i == 0)
        {
          g_assert_nonnull (strstr (rs_audit_entry_get_before (entry), "\"active\":true"));
          g_assert_nonnull (strstr (rs_audit_entry_get_after (entry), "\"active\":false"));
          g_assert_nonnull (strstr (rs_audit_entry_get_after (entry), "\"avg_cost\":\"88.00\""));
        }
    }
}

static void
test_setting_change (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsAuditEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *company = NULL;

  g_assert_true (rs_settings_set (admin, RS_SETTING_COMPANY_NAME, "华南商贸有限公司", &error));
  g_assert_no_error (error);
  company = rs_settings_get (db, RS_SETTING_COMPANY_NAME, NULL);
  g_assert_cmpstr (company, ==, "华南商贸有限公司");
  entry = newest (admin);
  g_assert_cmpstr (rs_audit_entry_get_action (entry), ==, "setting.change");
  g_assert_cmpstr (rs_audit_entry_get_object_key (entry), ==, RS_SETTING_COMPANY_NAME);
  g_assert_cmpstr (rs_audit_entry_get_before (entry), ==, "\"测试贸易有限公司\"");
  g_assert_cmpstr (rs_audit_entry_get_after (entry), ==, "\"华南商贸有限公司\"");

  g_assert_false (rs_settings_set (admin, RS_SETTING_COMPANY_NAME, "\xff", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
}

/* The list reads pages on demand and keeps to the rows there were when it was made. */
static void
test_paged_list (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GListModel) limited = NULL;
  g_autoptr(RsTransaction) tx = rs_transaction_begin (db, &error);

  for (int i = 0; i < 299; i++)
    {
      g_autofree char *key = g_strdup_printf ("%d", i + 2);
      g_assert_true (rs_audit_record (admin, "test.row", "test", key, NULL, NULL, &error));
    }
  g_assert_true (rs_transaction_commit (tx, &error));
  g_assert_no_error (error);

  rows = rs_audit_list (admin, 0, &error);
  limited = rs_audit_list (admin, 100, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (rows) == RS_TYPE_AUDIT_ENTRY);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 300);
  g_assert_cmpuint (g_list_model_get_n_items (limited), ==, 100);

  /* A row appended now is not in the model made before it. */
  g_assert_true (rs_audit_record (admin, "test.later", "test", "301", NULL, NULL, &error));

  for (guint i = 0; i < 300; i += 7)   /* across pages, and back */
    {
      g_autoptr(RsAuditEntry) entry = g_list_model_get_item (rows, i);
      g_assert_cmpint (rs_audit_entry_get_id (entry), ==, 300 - (gint64) i);
    }
  {
    g_autoptr(RsAuditEntry) first = g_list_model_get_item (rows, 0);
    g_autoptr(RsAuditEntry) last = g_list_model_get_item (rows, 299);
    g_autoptr(RsAuditEntry) beyond = g_list_model_get_item (rows, 300);
    g_autoptr(RsAuditEntry) beyond_limit = g_list_model_get_item (limited, 100);

    g_assert_cmpstr (rs_audit_entry_get_object_key (first), ==, "300");
    g_assert_cmpstr (rs_audit_entry_get_action (last), ==, "database.initialize");
    g_assert_null (beyond);
    g_assert_null (beyond_limit);
  }
}

/* The row lands with its change or not at all. */
static void
test_rollback (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rs_test_dump (db);
  g_autofree char *after = NULL;

  {
    g_autoptr(RsTransaction) tx = rs_transaction_begin (db, &error);
    g_assert_true (rs_audit_record (admin, "test.change", "test", "1", NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM audit"), ==, 2);
  }   /* not committed: rolled back */
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_append_only (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = rs_test_dump (db);
  g_autofree char *after = NULL;

  g_assert_false (rs_database_exec (db, "UPDATE audit SET user_name = 'mallory' WHERE id = 1", &error));
  g_assert_nonnull (strstr (error->message, "The audit log cannot be changed."));
  g_clear_error (&error);
  g_assert_false (rs_database_exec (db, "DELETE FROM audit", &error));
  g_assert_nonnull (strstr (error->message, "The audit log cannot be changed."));
  g_clear_error (&error);
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
}

/* A database with eight audit rows, for the tampering tests. */
static RsDatabase *
open_with_history (RsSession **admin_out)
{
  RsDatabase *db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *code = g_strdup_printf ("W%d", i);
      g_autoptr(RsWarehouse) warehouse = rs_warehouses_add (admin, code, "仓库", NULL, &error);
      g_assert_no_error (error);
    }
  {
    RsPartnerFields f = { .name = "华联超市" };
    g_autoptr(RsPartner) partner = rs_partners_add (admin, RS_PARTNER_CUSTOMER, &f, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM audit"), ==, 8);
  g_assert_true (rs_audit_verify (db, NULL, &error));
  g_assert_no_error (error);
  *admin_out = g_steal_pointer (&admin);
  return db;
}

static void
assert_tampered_at (RsDatabase *db, gint64 row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("row %" G_GINT64_FORMAT " ", row);
  gint64 bad_id = -1;

  g_assert_false (rs_audit_verify (db, &bad_id, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
  g_assert_cmpint (bad_id, ==, row);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_tamper (void)
{
  static const struct {
    const char *what;
    const char *sql;
    gint64      bad;
  } cases[] = {
    { "an edited value", "UPDATE audit SET after = replace(after, '仓库', '假仓') WHERE id = 4", 4 },
    { "an edited user", "UPDATE audit SET user_name = 'clerk' WHERE id = 6", 6 },
    { "an edited time", "UPDATE audit SET at = at + 1 WHERE id = 2", 2 },
    { "NULL for JSON", "UPDATE audit SET before = '' WHERE id = 7", 7 },
    { "a recomputed-looking hash", "UPDATE audit SET hash = lower(hex(randomblob(32))) WHERE id = 5", 5 },
    { "a removed row", "DELETE FROM audit WHERE id = 3", 4 },
    { "the first row removed", "DELETE FROM audit WHERE id = 1", 2 },
    { "two rows swapped",
      "UPDATE audit SET id = 100 WHERE id = 5; UPDATE audit SET id = 5 WHERE id = 6; UPDATE audit SET id = 6 WHERE id = 100", 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RsSession) admin = NULL;
      g_autoptr(RsDatabase) db = open_with_history (&admin);

      g_test_message ("tampering: %s", cases[i].what);
      /* Behind the program's back: the guard triggers go first, as an attacker would drop them. */
      g_assert_cmpint (raw_exec (db, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete"), ==, SQLITE_OK);
      g_assert_cmpint (raw_exec (db, cases[i].sql), ==, SQLITE_OK);
      assert_tampered_at (db, cases[i].bad);
    }
}

static void
test_list_permission (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) manager = rs_test_add_user (db, "manager", RS_ROLE_MANAGER | RS_ROLE_FINANCE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rows = rs_audit_list (manager, 0, &error);

  g_assert_null (rows);
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==, "You may not read the audit log: that needs the role Administrator.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  rs_clock_set_fixed (G_GINT64_CONSTANT (1795000000) * G_USEC_PER_SEC);
  g_test_add_func ("/audit/user-changes", test_user_changes);
  g_test_add_func ("/audit/master-changes", test_master_changes);
  g_test_add_func ("/audit/setting-change", test_setting_change);
  g_test_add_func ("/audit/paged-list", test_paged_list);
  g_test_add_func ("/audit/rollback", test_rollback);
  g_test_add_func ("/audit/append-only", test_append_only);
  g_test_add_func ("/audit/tamper", test_tamper);
  g_test_add_func ("/audit/list-permission", test_list_permission);
  return g_test_run ();
}
