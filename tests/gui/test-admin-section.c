/* The 管理 section: adding a user with a role through the Add User window reaches core (and a
 * refusal stays in the window with nothing changed); a file that is no usable CJK font is
 * refused with the loader's words; backup and restore run in a thread and bring the data back;
 * the Preferences window's style applies to AdwStyleManager and is kept in GSettings. */
#include "rs-gui-test.h"
#include "rs-admin-documents.h"
#include "rs-admin-maintenance.h"
#include "rs-admin-section.h"
#include "rs-admin-users.h"
#include "rs-pdf-font.h"
#include "rs-preferences-window.h"
#include "rs-user-dialog.h"

#include <string.h>

typedef struct {
  RsDatabase *db;
  RsSession *session;
  GtkWidget *window;
  RsAdminSection *section;
  GPtrArray *notices;
} Fixture;

/* The main page's notice bar, as far as the section can tell: main.notify. */
static void
on_notify (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Fixture *f = data;
  g_ptr_array_add (f->notices, g_variant_dup_string (parameter, NULL));
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) notify = g_simple_action_new ("notify", G_VARIANT_TYPE_STRING);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->notices = g_ptr_array_new_with_free_func (g_free);
  f->db = rs_test_open_initialized ();
  f->session = rs_test_login (f->db, "admin");
  g_signal_connect (notify, "activate", G_CALLBACK (on_notify), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (notify));
  gtk_widget_insert_action_group (box, "main", G_ACTION_GROUP (group));
  f->section = g_object_new (RS_TYPE_ADMIN_SECTION, "session", f->session, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->section));
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->session);
  g_clear_object (&f->db);
  g_clear_pointer (&f->notices, g_ptr_array_unref);
}

static gboolean
noticed (Fixture *f, const char *prefix)
{
  for (guint i = 0; i < f->notices->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (f->notices, i), prefix))
      return TRUE;
  return FALSE;
}

static GtkWidget *
dialog_child (GtkWidget *dialog, const char *name)
{
  return rs_gui_test_child (dialog, RS_TYPE_USER_DIALOG, name);
}

static RsUserDialog *
fill_add_user (Fixture *f, const char *name, const char *full_name, const char *password, RsRoles role)
{
  RsAdminUsers *users = RS_ADMIN_USERS (rs_admin_section_get_page (f->section, "users"));
  GtkWidget *dialog = g_object_ref (rs_admin_users_add_user (users));

  rs_gui_test_set_text (dialog_child (dialog, "name_row"), name);
  rs_gui_test_set_text (dialog_child (dialog, "full_name_row"), full_name);
  rs_gui_test_set_text (dialog_child (dialog, "password_row"), password);
  if (role != RS_ROLE_NONE)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (rs_user_dialog_get_role_check (RS_USER_DIALOG (dialog), role)), TRUE);
  return RS_USER_DIALOG (dialog);
}

static void
test_add_user (Fixture *f, gconstpointer data)
{
  g_autoptr(RsUserDialog) dialog = NULL;
  g_autoptr(GListModel) users = NULL;
  g_autoptr(RsSession) keeper = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *add, *check, *row;
  gboolean found = FALSE;

  dialog = fill_add_user (f, "zhangwei", "张伟", "keeper-pass-1", RS_ROLE_NONE);
  add = dialog_child (GTK_WIDGET (dialog), "add_button");
  g_assert_false (gtk_widget_get_sensitive (add));   /* no role yet */

  /* The e2e tests find the boxes by the roles' names. */
  check = rs_user_dialog_get_role_check (dialog, RS_ROLE_KEEPER);
  /* …which they take from their row's title, being its activatable widget. */
  row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Warehouse keeper");
  g_assert_true (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) == check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (gtk_widget_get_sensitive (add));

  g_signal_emit_by_name (add, "clicked");
  rs_gui_test_wait_idle (dialog);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (noticed (f, "Added the user “zhangwei”."));

  users = rs_users_list (f->session, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (users); i++)
    {
      g_autoptr(RsUser) user = g_list_model_get_item (users, i);
      if (g_str_equal (rs_user_get_name (user), "zhangwei"))
        {
          found = TRUE;
          g_assert_cmpstr (rs_user_get_full_name (user), ==, "张伟");
          g_assert_cmpint (rs_user_get_roles (user), ==, RS_ROLE_KEEPER);
        }
    }
  g_assert_true (found);
  keeper = rs_session_login (f->db, "zhangwei", "keeper-pass-1", &error);
  g_assert_no_error (error);
}

/* Refusals stay in the window, next to their field, with core's words; nothing is written. */
static void
test_add_user_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(RsSession) existing = rs_test_add_user (f->db, "lili", RS_ROLE_SALES);
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  g_autoptr(RsUserDialog) taken = NULL;
  g_autoptr(RsUserDialog) weak = NULL;
  GtkWidget *label;

  taken = fill_add_user (f, "lili", "", "long-enough-1", RS_ROLE_SALES);
  g_signal_emit_by_name (dialog_child (GTK_WIDGET (taken), "add_button"), "clicked");
  rs_gui_test_wait_idle (taken);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (taken)));
  label = dialog_child (GTK_WIDGET (taken), "error_label");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "A user named “lili” already exists.");
  g_assert_true (gtk_widget_has_css_class (dialog_child (GTK_WIDGET (taken), "name_row"), "error"));
  /* What was typed is still there. */
  g_assert_cmpstr (rs_gui_test_get_text (dialog_child (GTK_WIDGET (taken), "password_row")), ==, "long-enough-1");
  gtk_window_destroy (GTK_WINDOW (taken));

  weak = fill_add_user (f, "wangfang", "", "short", RS_ROLE_SALES);
  g_signal_emit_by_name (dialog_child (GTK_WIDGET (weak), "add_button"), "clicked");
  rs_gui_test_wait_idle (weak);
  label = dialog_child (GTK_WIDGET (weak), "error_label");
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (label)), "8"));
  g_assert_true (gtk_widget_has_css_class (dialog_child (GTK_WIDGET (weak), "password_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (dialog_child (GTK_WIDGET (weak), "name_row"), "error"));
  gtk_window_destroy (GTK_WINDOW (weak));

  after = rs_test_dump (f->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_font_refused (Fixture *f, gconstpointer data)
{
  RsAdminDocuments *page = RS_ADMIN_DOCUMENTS (rs_admin_section_get_page (f->section, "documents"));
  g_autofree char *dir = rs_test_make_dir ();
  g_autofree char *text_file = g_build_filename (dir, "notes.ttf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.ttf", NULL);
  const char *bad[] = { text_file, missing };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *good = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  int index = 0;

  rs_test_write_file (text_file, "not a font at all\n", -1);
  before = rs_test_dump (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_error (&error);
      g_assert_false (rs_admin_documents_set_font (page, bad[i], &error));
      g_assert_nonnull (error);
      /* The words under the field are the loader's (or core's), exactly. */
      g_assert_cmpstr (rs_admin_documents_get_font_error (page), ==, error->message);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
  after = rs_test_dump (f->db);
  g_assert_cmpstr (after, ==, before);

  /* The default font's file is fine, and stored; the message goes. */
  good = rs_pdf_font_find_cjk (NULL, &index, &error);
  if (good == NULL)
    {
      g_test_skip ("no CJK font installed");
      return;
    }
  g_clear_error (&error);
  g_assert_true (rs_admin_documents_set_font (page, good, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rs_admin_documents_get_font_error (page), ==, "");
  stored = rs_settings_get (f->db, RS_SETTING_PRINT_FONT, "");
  g_assert_cmpstr (stored, ==, good);
}

static void
wait_busy (gpointer widget)
{
  rs_gui_test_wait_idle (widget);
}

static void
test_backup_and_restore (Fixture *f, gconstpointer data)
{
  RsAdminMaintenance *page = RS_ADMIN_MAINTENANCE (rs_admin_section_get_page (f->section, "backup"));
  g_autofree char *parent = rs_test_make_dir ();
  g_autofree char *plain = rs_test_make_dir ();
  g_autoptr(GDir) dir = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *question;
  const char *entry;

  g_assert_true (rs_settings_store (f->db, RS_SETTING_COMPANY_NAME, "备份时的名字", NULL));
  rs_admin_maintenance_backup (page, parent);
  wait_busy (page);
  g_assert_true (noticed (f, "Backed up to"));
  dir = g_dir_open (parent, 0, NULL);
  entry = g_dir_read_name (dir);
  g_assert_nonnull (entry);
  folder = g_build_filename (parent, entry, NULL);
  g_assert_null (g_dir_read_name (dir));

  /* A folder that is no backup: refused before asking, nothing changed. */
  before = rs_test_dump (f->db);
  g_assert_null (rs_admin_maintenance_restore (page, plain));
  g_assert_true (noticed (f, "“"));
  after = rs_test_dump (f->db);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (rs_settings_store (f->db, RS_SETTING_COMPANY_NAME, "后来的名字", NULL));
  question = rs_admin_maintenance_restore (page, folder);
  g_assert_nonnull (question);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "restore");
  wait_busy (page);
  g_assert_true (noticed (f, "The backup was restored."));
  name = rs_settings_get (f->db, RS_SETTING_COMPANY_NAME, "");
  g_assert_cmpstr (name, ==, "备份时的名字");
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_theme (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);   /* memory backend */
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window, *row;
  g_autofree char *value = NULL;

  g_settings_reset (settings, "color-scheme");
  rs_preferences_follow_color_scheme (settings);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  window = rs_preferences_window_new (NULL, settings);
  row = find_named (window, "style_row");
  g_assert_nonnull (row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  value = g_settings_get_string (settings, "color-scheme");
  g_assert_cmpstr (value, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* Kept for the next start: the setting alone applies it. */
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "default");
  g_assert_cmpint (adw_style_manager_get_color_scheme (manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  rs_gui_test_init (&argc, &argv);

  g_test_add ("/admin/add-user", Fixture, NULL, fixture_setup, test_add_user, fixture_teardown);
  g_test_add ("/admin/add-user-refused", Fixture, NULL, fixture_setup, test_add_user_refused, fixture_teardown);
  g_test_add ("/admin/font-refused", Fixture, NULL, fixture_setup, test_font_refused, fixture_teardown);
  g_test_add ("/admin/backup-and-restore", Fixture, NULL, fixture_setup, test_backup_and_restore, fixture_teardown);
  g_test_add_func ("/admin/theme", test_theme);
  return g_test_run ();
}
