/* test-users.c — what the admin page does with accounts beyond adding and disabling them:
 * enable again, change roles, reset a password; each refusal leaves every table as it was. */
#include "rs-test-util.h"

#include <string.h>

static char *
last_audit (RsDatabase *db)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, "SELECT action || ' ' || coalesce (after, '') FROM audit "
                                                         "ORDER BY id DESC LIMIT 1", NULL);
  g_assert_true (rs_statement_step (stmt, NULL));
  return g_strdup (rs_statement_text (stmt, 0));
}

static void
test_roles (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsSession) wang = rs_test_add_user (db, "wang", RS_ROLE_SALES);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsUser) user = NULL;
  g_autofree char *audit = NULL;

  g_assert_true (rs_users_set_roles (admin, "wang", RS_ROLE_KEEPER | RS_ROLE_VIEWER, &error));
  g_assert_no_error (error);
  user = rs_users_lookup_by_id (db, rs_user_get_id (rs_session_get_user (wang)), &error);
  g_assert_cmpint (rs_user_get_roles (user), ==, RS_ROLE_KEEPER | RS_ROLE_VIEWER);
  audit = last_audit (db);
  g_assert_true (g_str_has_prefix (audit, "user.roles "));
  g_assert_nonnull (strstr (audit, "keeper,viewer"));

  /* Permission follows at once: the session as wang may now post slips, not edit returns. */
  g_assert_true (rs_permission_allows (wang, RS_ACTION_SLIP_POST));
  g_assert_false (rs_permission_allows (wang, RS_ACTION_RETURN_EDIT));
}

static void
test_password_and_enable (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsSession) wang = rs_test_add_user (db, "wang", RS_ROLE_SALES);
  g_autoptr(RsSession) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;

  g_assert_true (rs_users_reset_password (admin, "wang", "新的密码 2026", &error));
  g_assert_no_error (error);
  audit = last_audit (db);
  g_assert_true (g_str_has_prefix (audit, "user.password "));
  g_assert_null (strstr (audit, "新的密码"));
  g_assert_null (strstr (audit, "argon2"));

  g_assert_null (rs_session_login (db, "wang", RS_TEST_PASSWORD, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_AUTH);
  g_clear_error (&error);
  again = rs_session_login (db, "wang", "新的密码 2026", &error);
  g_assert_no_error (error);
  g_clear_object (&again);

  g_assert_true (rs_users_disable (admin, "wang", &error));
  g_assert_null (rs_session_login (db, "wang", "新的密码 2026", &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_true (rs_users_enable (admin, "wang", &error));
  g_assert_no_error (error);
  g_clear_pointer (&audit, g_free);
  audit = last_audit (db);
  g_assert_true (g_str_has_prefix (audit, "user.enable "));
  again = rs_session_login (db, "wang", "新的密码 2026", &error);
  g_assert_no_error (error);
}

typedef gboolean (*Change) (RsSession *session, const char *name, GError **error);

static gboolean
set_no_roles (RsSession *session, const char *name, GError **error)
{
  return rs_users_set_roles (session, name, RS_ROLE_NONE, error);
}

static gboolean
drop_own_admin (RsSession *session, const char *name, GError **error)
{
  return rs_users_set_roles (session, "admin", RS_ROLE_MANAGER, error);
}

static gboolean
short_password (RsSession *session, const char *name, GError **error)
{
  return rs_users_reset_password (session, name, "short", error);
}

static gboolean
set_keeper (RsSession *session, const char *name, GError **error)
{
  return rs_users_set_roles (session, name, RS_ROLE_KEEPER, error);
}

static gboolean
reset_good (RsSession *session, const char *name, GError **error)
{
  return rs_users_reset_password (session, name, "a good password", error);
}

static void
test_refusals (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsSession) wang = rs_test_add_user (db, "wang", RS_ROLE_SALES);
  g_autoptr(RsSession) boss = rs_test_add_user (db, "boss", RS_ROLE_ALL & ~RS_ROLE_ADMIN);
  const struct {
    RsSession *session;
    Change change;
    const char *name;
    int code;
  } cases[] = {
    { admin, set_no_roles, "wang", RS_ERROR_VALIDATION },
    { admin, drop_own_admin, "admin", RS_ERROR_VALIDATION },
    { admin, short_password, "wang", RS_ERROR_VALIDATION },
    { admin, set_keeper, "nobody", RS_ERROR_NOT_FOUND },
    { admin, reset_good, "nobody", RS_ERROR_NOT_FOUND },
    { admin, rs_users_enable, "nobody", RS_ERROR_NOT_FOUND },
    { boss, set_keeper, "wang", RS_ERROR_PERMISSION },
    { boss, reset_good, "wang", RS_ERROR_PERMISSION },
    { boss, rs_users_enable, "wang", RS_ERROR_PERMISSION },
    { wang, set_keeper, "wang", RS_ERROR_PERMISSION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *before = rs_test_dump (db);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (cases[i].change (cases[i].session, cases[i].name, &error));
      g_assert_error (error, RS_ERROR, cases[i].code);
      after = rs_test_dump (db);
      g_assert_cmpstr (after, ==, before);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/users/set-roles", test_roles);
  g_test_add_func ("/users/reset-password-and-enable", test_password_and_enable);
  g_test_add_func ("/users/manage-refusals", test_refusals);
  return g_test_run ();
}
