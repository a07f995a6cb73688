/* The login page: logs in in a thread; a refusal says so, keeps the user name, clears the
 * password and shakes; the lock-out message is core's, as is. */
#include "rs-gui-test.h"
#include "rs-login-page.h"

typedef struct {
  RsDatabase *database;
  GtkWidget *page;
  GtkWidget *user, *password, *error, *login, *form;
  RsSession *session;
} Fixture;

static void
on_logged_in (RsLoginPage *page, RsSession *session, Fixture *f)
{
  g_set_object (&f->session, session);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  rs_clock_set_fixed (G_GINT64_CONSTANT (1795000000) * G_USEC_PER_SEC);
  f->database = rs_test_open_initialized ();
  f->page = g_object_ref_sink (rs_login_page_new ());
  f->user = rs_gui_test_child (f->page, RS_TYPE_LOGIN_PAGE, "user_row");
  f->password = rs_gui_test_child (f->page, RS_TYPE_LOGIN_PAGE, "password_row");
  f->error = rs_gui_test_child (f->page, RS_TYPE_LOGIN_PAGE, "error_label");
  f->login = rs_gui_test_child (f->page, RS_TYPE_LOGIN_PAGE, "login_button");
  f->form = rs_gui_test_child (f->page, RS_TYPE_LOGIN_PAGE, "form");
  rs_login_page_set_database (RS_LOGIN_PAGE (f->page), f->database);
  g_signal_connect (f->page, "logged-in", G_CALLBACK (on_logged_in), f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->session);
  g_clear_object (&f->page);
  g_clear_object (&f->database);
  rs_clock_use_system ();
}

static void
try_login (Fixture *f, const char *user, const char *password)
{
  if (user != NULL)
    rs_gui_test_set_text (f->user, user);
  rs_gui_test_set_text (f->password, password);
  g_signal_emit_by_name (f->password, "entry-activated");   /* Enter in the password logs in */
  g_assert_true (rs_login_page_get_busy (RS_LOGIN_PAGE (f->page)));
  rs_gui_test_wait_idle (f->page);
}

static void
test_company_as_title (Fixture *f, gconstpointer data)
{
  AdwStatusPage *status = ADW_STATUS_PAGE (rs_gui_test_child (f->page, RS_TYPE_LOGIN_PAGE, "status_page"));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "测试贸易有限公司");
}

static void
test_button_needs_both_fields (Fixture *f, gconstpointer data)
{
  g_assert_false (gtk_widget_get_sensitive (f->login));
  rs_gui_test_set_text (f->user, "admin");
  g_assert_false (gtk_widget_get_sensitive (f->login));
  rs_gui_test_set_text (f->password, "x");
  g_assert_true (gtk_widget_get_sensitive (f->login));
  rs_gui_test_set_text (f->user, "");
  g_assert_false (gtk_widget_get_sensitive (f->login));

  /* Enter with the user name missing logs nobody in. */
  g_signal_emit_by_name (f->password, "entry-activated");
  g_assert_false (rs_login_page_get_busy (RS_LOGIN_PAGE (f->page)));
}

static void
test_wrong_password_keeps_user (Fixture *f, gconstpointer data)
{
  try_login (f, "admin", "wrong password");

  g_assert_null (f->session);
  g_assert_cmpstr (rs_gui_test_get_text (f->user), ==, "admin");
  g_assert_cmpstr (rs_gui_test_get_text (f->password), ==, "");
  g_assert_true (gtk_widget_get_visible (f->error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (f->error)), ==, "Wrong user name or password.");
  g_assert_true (gtk_widget_has_css_class (f->form, "shake"));
  g_assert_true (gtk_widget_has_css_class (f->password, "error"));
  g_assert_true (gtk_widget_get_sensitive (f->form));

  /* The user name stays: typing only the password now logs in. */
  try_login (f, NULL, RS_TEST_PASSWORD);
  g_assert_nonnull (f->session);
  g_assert_cmpstr (rs_user_get_name (rs_session_get_user (f->session)), ==, "admin");
  g_assert_cmpstr (rs_gui_test_get_text (f->password), ==, "");
  g_assert_false (gtk_widget_get_visible (f->error));
  g_assert_false (gtk_widget_has_css_class (f->password, "error"));
}

static void
test_unknown_user_same_words (Fixture *f, gconstpointer data)
{
  try_login (f, "nobody", "wrong password");
  g_assert_null (f->session);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (f->error)), ==, "Wrong user name or password.");
  g_assert_cmpstr (rs_gui_test_get_text (f->user), ==, "nobody");
}

static void
test_lockout_message_as_is (Fixture *f, gconstpointer data)
{
  for (int i = 0; i < RS_LOGIN_MAX_FAILURES; i++)
    try_login (f, "admin", "wrong password");
  try_login (f, "admin", RS_TEST_PASSWORD);

  g_assert_null (f->session);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (f->error)), ==, "Too many wrong passwords. Try again in 30 seconds.");
  g_assert_cmpstr (rs_gui_test_get_text (f->user), ==, "admin");

  rs_clock_advance ((RS_LOGIN_LOCK_SECONDS + 1) * G_USEC_PER_SEC);
  try_login (f, NULL, RS_TEST_PASSWORD);
  g_assert_nonnull (f->session);
}

static void
test_reset_keeps_user (Fixture *f, gconstpointer data)
{
  try_login (f, "admin", "wrong password");
  rs_gui_test_set_text (f->password, "half-typed");
  rs_login_page_reset (RS_LOGIN_PAGE (f->page));
  g_assert_cmpstr (rs_gui_test_get_text (f->user), ==, "admin");
  g_assert_cmpstr (rs_gui_test_get_text (f->password), ==, "");
  g_assert_false (gtk_widget_get_visible (f->error));
}

/* A window closed while the password is being checked: the late result touches no widget. */
static void
test_dispose_while_busy (Fixture *f, gconstpointer data)
{
  GtkWidget *page = g_steal_pointer (&f->page);

  rs_gui_test_set_text (f->user, "admin");
  rs_gui_test_set_text (f->password, RS_TEST_PASSWORD);
  g_signal_emit_by_name (f->login, "clicked");
  g_assert_true (rs_login_page_get_busy (RS_LOGIN_PAGE (page)));

  g_object_run_dispose (G_OBJECT (page));
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  g_object_unref (page);
  /* The task holds the page until its result came back; G_DEBUG=fatal-warnings catches any critical. */
  while (page != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (f->session);
}

int
main (int argc, char **argv)
{
  rs_i18n_init ();
  rs_gui_test_init (&argc, &argv);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/login-page/company-as-title", test_company_as_title);
  ADD ("/login-page/button-needs-both-fields", test_button_needs_both_fields);
  ADD ("/login-page/wrong-password-keeps-user", test_wrong_password_keeps_user);
  ADD ("/login-page/unknown-user-same-words", test_unknown_user_same_words);
  ADD ("/login-page/lockout-message-as-is", test_lockout_message_as_is);
  ADD ("/login-page/reset-keeps-user", test_reset_keeps_user);
  ADD ("/login-page/dispose-while-busy", test_dispose_while_busy);
#undef ADD

  return g_test_run ();
}
