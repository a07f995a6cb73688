/* The window picks its first page from the file: setup for a missing one, login for a set-up
 * one, an explanation for a foreign one (left untouched); login leads to the main page and
 * logging out back; the window size and last user go to GSettings. */
#include "rs-gui-test.h"
#include "rs-login-page.h"
#include "rs-dashboard-section.h"
#include "rs-main-page.h"
#include "rs-window.h"

typedef struct {
  GSettings *settings;
  RsWindow *window;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->settings = g_settings_new (APP_ID);   /* memory backend: see tests/meson.build */
  g_settings_reset (f->settings, "last-user");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->settings);
}

static RsWindow *
open_window (Fixture *f, const char *path)
{
  f->window = rs_window_new (NULL, f->settings, path);
  return f->window;
}

static GtkWidget *
child (Fixture *f, const char *name)
{
  return rs_gui_test_child (f->window, RS_TYPE_WINDOW, name);
}

static const char *
page (Fixture *f)
{
  GtkStack *stack = GTK_STACK (child (f, "stack"));
  const char *name = gtk_stack_get_visible_child_name (stack);

  return g_str_equal (name, "start") ? gtk_stack_get_visible_child_name (GTK_STACK (child (f, "start_stack"))) : name;
}

static void
test_missing_file_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = rs_test_db_path ();

  open_window (f, path);
  g_assert_cmpstr (page (f), ==, "setup");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (rs_window_get_database_path (f->window), ==, path);

  /* The pages nobody sees are hidden from screen readers (and the e2e tests). */
  gtk_test_accessible_assert_state (child (f, "login_page"), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
  gtk_test_accessible_assert_state (child (f, "setup_page"), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  gtk_test_accessible_assert_state (child (f, "main_page"), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
}

static void
test_no_users_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *path = rs_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) database = rs_database_open (path, &error);

  g_assert_no_error (error);
  open_window (f, path);
  g_assert_cmpstr (page (f), ==, "setup");
}

static void
test_foreign_file_untouched (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = rs_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) expected = NULL;
  g_autoptr(RsDatabase) refused = NULL;
  AdwStatusPage *error_page;

  rs_test_write_file (path, "plain text, no database\n", -1);
  before = rs_test_read_file (path);

  open_window (f, path);
  g_assert_cmpstr (page (f), ==, "error");
  error_page = ADW_STATUS_PAGE (child (f, "error_page"));

  /* The words are core's, exactly. */
  refused = rs_database_open (path, &expected);
  g_assert_error (expected, RS_ERROR, RS_ERROR_NOT_RESTOCK);
  g_assert_cmpstr (adw_status_page_get_description (error_page), ==, expected->message);

  after = rs_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
login_as (Fixture *f, const char *user, const char *password)
{
  GtkWidget *login_page = child (f, "login_page");

  if (user != NULL)
    rs_gui_test_set_text (rs_gui_test_child (login_page, RS_TYPE_LOGIN_PAGE, "user_row"), user);
  rs_gui_test_set_text (rs_gui_test_child (login_page, RS_TYPE_LOGIN_PAGE, "password_row"), password);
  g_signal_emit_by_name (rs_gui_test_child (login_page, RS_TYPE_LOGIN_PAGE, "login_button"), "clicked");
  rs_gui_test_wait_idle (login_page);
}

static void
test_login_main_logout (Fixture *f, gconstpointer data)
{
  g_autoptr(RsDatabase) database = rs_test_open_initialized ();
  g_autoptr(RsSession) keeper = rs_test_add_user (database, "lili", RS_ROLE_SALES | RS_ROLE_KEEPER);
  GtkWidget *main_page, *login_page;
  AdwStatusPage *welcome;
  AdwWindowTitle *title;
  g_autofree char *last_user = NULL;

  g_settings_set_string (f->settings, "last-user", "lili");
  open_window (f, rs_database_get_path (database));
  g_assert_cmpstr (page (f), ==, "login");
  login_page = child (f, "login_page");
  g_assert_cmpstr (rs_login_page_get_user_name (RS_LOGIN_PAGE (login_page)), ==, "lili");

  login_as (f, NULL, RS_TEST_PASSWORD);
  g_assert_cmpstr (page (f), ==, "main");
  g_assert_nonnull (rs_window_get_session (f->window));

  main_page = child (f, "main_page");
  welcome = ADW_STATUS_PAGE (rs_gui_test_child (rs_main_page_get_section (RS_MAIN_PAGE (main_page), "dashboard"),
                                                RS_TYPE_DASHBOARD_SECTION, "welcome_page"));
  title = ADW_WINDOW_TITLE (rs_gui_test_child (main_page, RS_TYPE_MAIN_PAGE, "window_title"));
  g_assert_cmpstr (adw_status_page_get_title (welcome), ==, "Welcome, lili");
  g_assert_cmpstr (adw_status_page_get_description (welcome), ==,
                   "You are logged in to 测试贸易有限公司 as: Sales, Warehouse keeper.");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "测试贸易有限公司");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rs_gui_test_child (main_page, RS_TYPE_MAIN_PAGE, "roles_label"))),
                   ==, "Sales, Warehouse keeper");
  gtk_test_accessible_assert_state (main_page, GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  gtk_test_accessible_assert_state (gtk_stack_get_child_by_name (GTK_STACK (child (f, "stack")), "start"),
                                    GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  rs_window_log_out (f->window);
  g_assert_cmpstr (page (f), ==, "login");
  g_assert_null (rs_window_get_session (f->window));
  g_assert_cmpstr (rs_login_page_get_user_name (RS_LOGIN_PAGE (login_page)), ==, "lili");

  /* The next user is remembered for the next start. */
  login_as (f, "admin", RS_TEST_PASSWORD);
  g_assert_cmpstr (page (f), ==, "main");
  last_user = g_settings_get_string (f->settings, "last-user");
  g_assert_cmpstr (last_user, ==, "admin");
}

static void
test_size_remembered (Fixture *f, gconstpointer data)
{
  g_autofree char *path = rs_test_db_path ();
  int width, height;

  g_settings_set_int (f->settings, "window-width", 900);
  g_settings_set_int (f->settings, "window-height", 650);
  open_window (f, path);
  gtk_window_get_default_size (GTK_WINDOW (f->window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);

  /* Only a shown window is closed (and saves its size). */
  gtk_window_present (GTK_WINDOW (f->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->window)))
    g_main_context_iteration (NULL, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_close (GTK_WINDOW (f->window));
  f->window = NULL;
  g_assert_cmpint (g_settings_get_int (f->settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (f->settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (f->settings, "window-maximized"));
}

/* No settings at all (the schema is not installed): the window works and keeps nothing. */
static void
test_without_settings (Fixture *f, gconstpointer data)
{
  g_autofree char *path = rs_test_db_path ();

  f->window = rs_window_new (NULL, NULL, path);
  g_assert_cmpstr (page (f), ==, "setup");
}

int
main (int argc, char **argv)
{
  rs_i18n_init ();
  rs_gui_test_init (&argc, &argv);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/window/missing-file-setup", test_missing_file_setup);
  ADD ("/window/no-users-setup", test_no_users_setup);
  ADD ("/window/foreign-file-untouched", test_foreign_file_untouched);
  ADD ("/window/login-main-logout", test_login_main_logout);
  ADD ("/window/size-remembered", test_size_remembered);
  ADD ("/window/without-settings", test_without_settings);
#undef ADD

  return g_test_run ();
}
