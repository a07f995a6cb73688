/* The setup page: validation as you type, Create only when valid, the database made in a
 * thread, errors said next to the form with nothing typed lost. */
#include "rs-gui-test.h"
#include "rs-setup-page.h"

#include <glib/gstdio.h>

#define GOOD_PASSWORD "long-enough-1"

typedef struct {
  GtkWidget *page;
  GtkWidget *company, *password, *repeat, *hint, *error, *create;
  RsDatabase *created;
  char *path;
} Fixture;

static void
on_created (RsSetupPage *page, RsDatabase *database, Fixture *f)
{
  g_set_object (&f->created, database);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->page = g_object_ref_sink (rs_setup_page_new ());
  f->company = rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "company_row");
  f->password = rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "password_row");
  f->repeat = rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "repeat_row");
  f->hint = rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "password_hint");
  f->error = rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "error_label");
  f->create = rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "create_button");
  f->path = rs_test_db_path ();
  rs_setup_page_set_database (RS_SETUP_PAGE (f->page), f->path, NULL);
  g_signal_connect (f->page, "created", G_CALLBACK (on_created), f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->created);
  g_clear_object (&f->page);
  g_free (f->path);
}

static void
fill (Fixture *f, const char *company, const char *password, const char *repeat)
{
  rs_gui_test_set_text (f->company, company);
  rs_gui_test_set_text (f->password, password);
  rs_gui_test_set_text (f->repeat, repeat);
}

static const char *
hint_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (f->hint));
}

static void
test_validation (Fixture *f, gconstpointer data)
{
  g_assert_false (gtk_widget_get_sensitive (f->create));

  fill (f, "华东商贸", "short", "short");
  g_assert_false (gtk_widget_get_sensitive (f->create));
  g_assert_cmpstr (hint_text (f), ==, "The password must have at least 8 characters.");
  g_assert_true (gtk_widget_has_css_class (f->password, "error"));
  g_assert_true (gtk_widget_has_css_class (f->hint, "error"));

  /* While the repeat is still the start of the password, it is not called wrong. */
  fill (f, "华东商贸", GOOD_PASSWORD, "long-");
  g_assert_false (gtk_widget_get_sensitive (f->create));
  g_assert_cmpstr (hint_text (f), ==, "Type the same password again.");
  g_assert_false (gtk_widget_has_css_class (f->repeat, "error"));

  fill (f, "华东商贸", GOOD_PASSWORD, "long-enough-2");
  g_assert_false (gtk_widget_get_sensitive (f->create));
  g_assert_cmpstr (hint_text (f), ==, "The two passwords are not the same.");
  g_assert_true (gtk_widget_has_css_class (f->repeat, "error"));
  g_assert_false (gtk_widget_has_css_class (f->password, "error"));

  fill (f, "华东商贸", GOOD_PASSWORD, GOOD_PASSWORD);
  g_assert_true (gtk_widget_get_sensitive (f->create));
  g_assert_cmpstr (hint_text (f), ==, "The passwords match.");
  g_assert_false (gtk_widget_has_css_class (f->repeat, "error"));

  /* A name of spaces is no name; erasing a typed one is said next to the field. */
  fill (f, "   ", GOOD_PASSWORD, GOOD_PASSWORD);
  g_assert_false (gtk_widget_get_sensitive (f->create));
  g_assert_true (gtk_widget_has_css_class (f->company, "error"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "company_hint"))),
                   ==, "Enter the name of your company.");

  /* Create on an unfinished form does nothing (the handler checks, not only the sensitivity). */
  g_signal_emit_by_name (f->create, "clicked");
  g_assert_false (rs_setup_page_get_busy (RS_SETUP_PAGE (f->page)));
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
test_nothing_created_before_asked (Fixture *f, gconstpointer data)
{
  fill (f, "华东商贸", GOOD_PASSWORD, GOOD_PASSWORD);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
}

static void
check_created (Fixture *f, const char *company)
{
  g_autoptr(RsSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  g_assert_nonnull (f->created);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (rs_users_is_initialized (f->created, &error));
  g_assert_no_error (error);
  session = rs_session_login (f->created, "admin", GOOD_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (rs_user_has_role (rs_session_get_user (session), RS_ROLE_ADMIN));
  stored = rs_settings_get (f->created, RS_SETTING_COMPANY_NAME, NULL);
  g_assert_cmpstr (stored, ==, company);
}

static void
test_create (Fixture *f, gconstpointer data)
{
  GtkWidget *form = rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "form");

  fill (f, "  华东商贸有限公司 ", GOOD_PASSWORD, GOOD_PASSWORD);
  g_signal_emit_by_name (f->create, "clicked");

  /* The hash runs in a thread: the form waits, insensitive, and keeps what was typed. */
  g_assert_true (rs_setup_page_get_busy (RS_SETUP_PAGE (f->page)));
  g_assert_false (gtk_widget_get_sensitive (form));
  g_assert_false (gtk_widget_get_sensitive (f->create));
  g_assert_cmpstr (rs_gui_test_get_text (f->password), ==, GOOD_PASSWORD);
  g_assert_true (gtk_widget_get_visible (rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "spinner")));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "create_label"))),
                   ==, "Creating…");

  rs_gui_test_wait_idle (f->page);
  g_assert_false (gtk_widget_get_visible (rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "spinner")));
  check_created (f, "华东商贸有限公司");
  g_assert_false (gtk_widget_get_visible (f->error));
}

/* A file that exists with the schema but no users yet (a setup left half-way) is initialized. */
static void
test_create_in_open_database (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) database = rs_database_open (f->path, &error);

  g_assert_no_error (error);
  rs_setup_page_set_database (RS_SETUP_PAGE (f->page), f->path, database);
  fill (f, "测试", GOOD_PASSWORD, GOOD_PASSWORD);
  g_signal_emit_by_name (f->repeat, "entry-activated");   /* Enter submits a finished form */
  rs_gui_test_wait_idle (f->page);
  check_created (f, "测试");
  g_assert_true (f->created == database);
}

/* A refusal from core is said under the form; nothing typed is lost and Create works again. */
static void
test_error_keeps_input (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = rs_test_make_dir ();
  g_autofree char *blocker = g_build_filename (dir, "a-file", NULL);
  g_autofree char *path = g_build_filename (blocker, "restock.db", NULL);

  rs_test_write_file (blocker, "not a folder", -1);
  rs_setup_page_set_database (RS_SETUP_PAGE (f->page), path, NULL);

  fill (f, "华东商贸", GOOD_PASSWORD, GOOD_PASSWORD);
  g_signal_emit_by_name (f->create, "clicked");
  rs_gui_test_wait_idle (f->page);

  g_assert_null (f->created);
  g_assert_true (gtk_widget_get_visible (f->error));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (f->error)), "Could not create the folder"));
  g_assert_cmpstr (rs_gui_test_get_text (f->company), ==, "华东商贸");
  g_assert_cmpstr (rs_gui_test_get_text (f->password), ==, GOOD_PASSWORD);
  g_assert_cmpstr (rs_gui_test_get_text (f->repeat), ==, GOOD_PASSWORD);
  g_assert_true (gtk_widget_get_sensitive (f->create));
  g_assert_true (gtk_widget_get_sensitive (rs_gui_test_child (f->page, RS_TYPE_SETUP_PAGE, "form")));
}

int
main (int argc, char **argv)
{
  rs_i18n_init ();
  rs_gui_test_init (&argc, &argv);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/setup-page/validation", test_validation);
  ADD ("/setup-page/nothing-created-before-asked", test_nothing_created_before_asked);
  ADD ("/setup-page/create", test_create);
  ADD ("/setup-page/create-in-open-database", test_create_in_open_database);
  ADD ("/setup-page/error-keeps-input", test_error_keeps_input);
#undef ADD

  return g_test_run ();
}
