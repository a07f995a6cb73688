/* test-session.c — first-run setup, login, lock-out, disabled users, user management. */
#include "rs-test-util.h"

static int
count_users (RsDatabase *db)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT count(*) FROM user", NULL);
  g_assert_true (rs_statement_step (stmt, NULL));
  return sqlite3_column_int (stmt, 0);
}

static void
test_initialize (void)
{
  g_autofree char *path = rs_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  g_autoptr(RsSession) session = NULL;
  g_autofree char *company = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_false (rs_users_is_initialized (db, &error));
  g_assert_no_error (error);

  /* A weak password is refused and nothing is written. */
  before = rs_test_dump (db);
  g_assert_false (rs_users_initialize (db, "ACME", "short", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (rs_users_is_initialized (db, NULL));

  g_assert_true (rs_users_initialize (db, "华东贸易有限公司", RS_TEST_PASSWORD, &error));
  g_assert_no_error (error);
  company = rs_settings_get (db, RS_SETTING_COMPANY_NAME, NULL);
  g_assert_cmpstr (company, ==, "华东贸易有限公司");

  session = rs_session_login (db, "admin", RS_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_user_get_name (rs_session_get_user (session)), ==, "admin");
  g_assert_true (rs_user_has_role (rs_session_get_user (session), RS_ROLE_ADMIN));

  /* A second setup is refused and changes nothing. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = rs_test_dump (db);
  g_assert_false (rs_users_initialize (db, "Other", "another password", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_EXISTS);
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_password_rules (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rs_password_validate ("1234567", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (rs_password_validate ("", &error));
  g_clear_error (&error);
  g_assert_false (rs_password_validate ("\xff\xfe bad utf-8", &error));
  g_clear_error (&error);
  /* Eight Chinese characters are eight characters, though 24 bytes. */
  g_assert_true (rs_password_validate ("退货出入库管理系", &error));
  g_assert_no_error (error);
  g_assert_false (rs_password_validate ("退货出入库管理", &error));
}

static void
test_wrong_password_and_unknown_user_look_alike (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(GError) wrong = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autoptr(RsSession) s1 = rs_session_login (db, "admin", "not the password", &wrong);
  g_autoptr(RsSession) s2 = rs_session_login (db, "nobody", "not the password", &unknown);

  g_assert_null (s1);
  g_assert_null (s2);
  g_assert_error (wrong, RS_ERROR, RS_ERROR_AUTH);
  g_assert_error (unknown, RS_ERROR, RS_ERROR_AUTH);
  g_assert_cmpstr (wrong->message, ==, unknown->message);
}

static void
test_lockout (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSession) session = NULL;

  rs_clock_set_fixed (G_GINT64_CONSTANT (1800000000) * G_USEC_PER_SEC);
  for (int i = 1; i < RS_LOGIN_MAX_FAILURES; i++)
    {
      g_assert_null (rs_session_login (db, "admin", "wrong wrong", &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_AUTH);
      g_clear_error (&error);
    }
  /* The fifth wrong password locks the account… */
  g_assert_null (rs_session_login (db, "admin", "wrong wrong", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "30"));
  g_clear_error (&error);

  /* …even against the right password, for 30 seconds. */
  rs_clock_advance (29 * G_USEC_PER_SEC);
  g_assert_null (rs_session_login (db, "admin", RS_TEST_PASSWORD, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, " 1 "));
  g_clear_error (&error);

  rs_clock_advance (2 * G_USEC_PER_SEC);
  session = rs_session_login (db, "admin", RS_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (session);

  /* A success resets the count: four more wrong ones do not lock. */
  for (int i = 1; i < RS_LOGIN_MAX_FAILURES; i++)
    {
      g_assert_null (rs_session_login (db, "admin", "wrong wrong", &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_AUTH);
      g_clear_error (&error);
    }
  g_clear_object (&session);
  session = rs_session_login (db, "admin", RS_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  rs_clock_use_system ();
}

/* A worker thread's session: the same user on its own connection; refused once disabled. */
static void
test_reopen (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) clerk = rs_test_add_user (db, "lilei", RS_ROLE_SALES);
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsSession) copy = NULL;
  g_autoptr(RsSession) refused = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  copy = rs_session_reopen (clerk, &error);
  g_assert_no_error (error);
  g_assert_true (rs_session_get_database (copy) != db);
  g_assert_cmpstr (rs_database_get_path (rs_session_get_database (copy)), ==, rs_database_get_path (db));
  g_assert_cmpint (rs_user_get_id (rs_session_get_user (copy)), ==, rs_user_get_id (rs_session_get_user (clerk)));
  g_assert_true (rs_permission_check (copy, RS_ACTION_RETURN_EDIT, &error));
  g_assert_no_error (error);

  g_assert_true (rs_users_disable (admin, "lilei", &error));
  g_assert_no_error (error);
  before = rs_test_dump (db);
  refused = rs_session_reopen (clerk, &error);
  g_assert_null (refused);
  g_assert_error (error, RS_ERROR, RS_ERROR_AUTH);
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_disabled_user (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) clerk = rs_test_add_user (db, "lilei", RS_ROLE_SALES);
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSession) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (rs_users_disable (admin, "lilei", &error));
  g_assert_no_error (error);

  before = rs_test_dump (db);
  again = rs_session_login (db, "lilei", RS_TEST_PASSWORD, &error);
  g_assert_null (again);
  g_assert_error (error, RS_ERROR, RS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "disabled"));
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* A session opened before the account was disabled loses its rights at once. */
  g_assert_false (rs_permission_check (clerk, RS_ACTION_USER_MANAGE, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);

  /* An administrator cannot lock themselves out. */
  g_assert_false (rs_users_disable (admin, "admin", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);
  g_assert_false (rs_users_disable (admin, "nobody", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
}

static void
test_non_admin_cannot_manage_users (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) keeper = rs_test_add_user (db, "wang", RS_ROLE_KEEPER | RS_ROLE_SALES | RS_ROLE_SERVICE |
                                                             RS_ROLE_MANAGER | RS_ROLE_FINANCE | RS_ROLE_VIEWER);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsUser) user = NULL;
  g_autofree char *before = rs_test_dump (db);
  g_autofree char *after = NULL;

  /* Every role but admin together still may not. */
  user = rs_users_add (keeper, "sneaky", NULL, RS_ROLE_ADMIN, RS_TEST_PASSWORD, &error);
  g_assert_null (user);
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "manage users"));
  g_clear_error (&error);
  g_assert_false (rs_users_disable (keeper, "admin", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);

  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_user_add_refusals (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autofree char *huge = g_strnfill (10 * 1024 * 1024, 'x');
  g_autofree char *before = rs_test_dump (db);
  g_autofree char *after = NULL;
  struct {
    const char *name;
    const char *password;
    RsRoles     roles;
    int         code;
  } cases[] = {
    { "", RS_TEST_PASSWORD, RS_ROLE_SALES, RS_ERROR_VALIDATION },
    { "two words", RS_TEST_PASSWORD, RS_ROLE_SALES, RS_ERROR_VALIDATION },
    { "\xc3\x28", RS_TEST_PASSWORD, RS_ROLE_SALES, RS_ERROR_VALIDATION },
    { huge, RS_TEST_PASSWORD, RS_ROLE_SALES, RS_ERROR_VALIDATION },
    { "bob", "short", RS_ROLE_SALES, RS_ERROR_VALIDATION },
    { "bob", RS_TEST_PASSWORD, RS_ROLE_NONE, RS_ERROR_VALIDATION },
    { "admin", RS_TEST_PASSWORD, RS_ROLE_SALES, RS_ERROR_EXISTS },
    { "ADMIN", RS_TEST_PASSWORD, RS_ROLE_SALES, RS_ERROR_EXISTS },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsUser) user = rs_users_add (admin, cases[i].name, NULL, cases[i].roles, cases[i].password, &error);

      g_assert_null (user);
      g_assert_error (error, RS_ERROR, cases[i].code);
    }
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (count_users (db), ==, 1);
}

static void
test_user_add_and_list (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsUser) user = rs_users_add (admin, "张三", "张三丰", RS_ROLE_KEEPER | RS_ROLE_FINANCE,
                                         RS_TEST_PASSWORD, &error);
  g_autoptr(GListModel) users = NULL;
  g_autoptr(RsUser) second = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (rs_user_get_roles (user), ==, RS_ROLE_KEEPER | RS_ROLE_FINANCE);
  g_assert_cmpstr (rs_user_get_display_name (user), ==, "张三丰");

  users = rs_users_list (admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 2);
  second = g_list_model_get_item (users, 1);
  g_assert_cmpstr (rs_user_get_name (second), ==, "张三");
}

static void
test_roles_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keys = NULL;
  RsRoles roles = RS_ROLE_NONE;

  g_assert_true (rs_roles_parse ("sales, keeper", &roles, &error));
  g_assert_cmpint (roles, ==, RS_ROLE_SALES | RS_ROLE_KEEPER);
  keys = rs_roles_to_keys (roles);
  g_assert_cmpstr (keys, ==, "sales,keeper");

  g_assert_false (rs_roles_parse ("sales,wizard", &roles, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_nonnull (strstr (error->message, "wizard"));
  g_clear_error (&error);
  g_assert_false (rs_roles_parse (",", &roles, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/session/initialize", test_initialize);
  g_test_add_func ("/session/password-rules", test_password_rules);
  g_test_add_func ("/session/wrong-password-like-unknown-user", test_wrong_password_and_unknown_user_look_alike);
  g_test_add_func ("/session/lockout", test_lockout);
  g_test_add_func ("/session/disabled-user", test_disabled_user);
  g_test_add_func ("/session/reopen", test_reopen);
  g_test_add_func ("/users/non-admin-refused", test_non_admin_cannot_manage_users);
  g_test_add_func ("/users/add-refusals", test_user_add_refusals);
  g_test_add_func ("/users/add-and-list", test_user_add_and_list);
  g_test_add_func ("/users/roles-parse", test_roles_parse);

  return g_test_run ();
}
