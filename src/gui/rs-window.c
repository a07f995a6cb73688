/* rs-window.c */
#include "rs-window.h"
#include "rs-gui-util.h"
#include "rs-login-page.h"
#include "rs-main-page.h"
#include "rs-setup-page.h"

struct _RsWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  char *database_path;
  RsDatabase *database;
  RsSession *session;
  GtkFileChooserNative *chooser;
  guint idle_check;

  GtkStack *stack;
  GtkStack *start_stack;
  RsSetupPage *setup_page;
  RsLoginPage *login_page;
  AdwStatusPage *error_page;
  RsMainPage *main_page;
};

G_DEFINE_FINAL_TYPE (RsWindow, rs_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DATABASE_PATH,
  PROP_SESSION,
  PROP_LOGGED_IN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_start_page (RsWindow *self, const char *name)
{
  gtk_stack_set_visible_child_name (self->start_stack, name);
  gtk_stack_set_visible_child_name (self->stack, "start");
  if (g_str_equal (name, "setup"))
    rs_setup_page_focus (self->setup_page);
  else if (g_str_equal (name, "login"))
    rs_login_page_focus (self->login_page);
}

static void
set_session (RsWindow *self, RsSession *session)
{
  if (!g_set_object (&self->session, session))
    return;
  rs_main_page_set_session (self->main_page, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGGED_IN]);
}

static void
show_error (RsWindow *self, const GError *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  show_start_page (self, "error");
}

static void
show_login (RsWindow *self, RsDatabase *database, const char *user_name)
{
  g_set_object (&self->database, database);
  rs_login_page_set_database (self->login_page, database);
  rs_login_page_set_user_name (self->login_page, user_name);
  show_start_page (self, "login");
}

void
rs_window_open_database (RsWindow *self, const char *path)
{
  g_autoptr(RsDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_user = NULL;

  g_return_if_fail (RS_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  set_session (self, NULL);
  g_clear_object (&self->database);
  if (self->database_path != path)
    {
      g_free (self->database_path);
      self->database_path = g_strdup (path);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
    }

  /* Nothing is created before the person asks for it on the setup page. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      rs_setup_page_set_database (self->setup_page, path, NULL);
      show_start_page (self, "setup");
      return;
    }

  database = rs_database_open (path, &error);
  if (database == NULL)
    {
      show_error (self, error);
      return;
    }

  if (!rs_users_is_initialized (database, &error))
    {
      if (error != NULL)
        show_error (self, error);
      else
        {
          rs_setup_page_set_database (self->setup_page, path, database);
          show_start_page (self, "setup");
        }
      return;
    }

  if (self->settings != NULL)
    last_user = g_settings_get_string (self->settings, "last-user");
  show_login (self, database, last_user);
}

static void
on_setup_created (RsWindow *self, RsDatabase *database)
{
  show_login (self, database, "admin");
  /* Said on the page, not in a toast: libadwaita 1.2's toast has an unnamed close button. */
  rs_login_page_greet_new_database (self->login_page);
}

/* RESTOCK_CHECK_IDLE=1: says on stderr when the window's connection keeps a transaction or a
 * statement open between user actions (another program would not see its writes). */
static gboolean
check_idle_database (gpointer data)
{
  RsWindow *self = data;
  g_autofree char *work = NULL;

  if (self->session != NULL)
    work = rs_database_describe_open_work (rs_session_get_database (self->session));
  if (work != NULL)
    g_printerr ("restock: open between actions: %s\n", work);
  return G_SOURCE_CONTINUE;
}

static void
on_logged_in (RsWindow *self, RsSession *session)
{
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-user", rs_user_get_name (rs_session_get_user (session)));
  set_session (self, session);
  gtk_stack_set_visible_child_name (self->stack, "main");
}

void
rs_window_log_out (RsWindow *self)
{
  g_return_if_fail (RS_IS_WINDOW (self));

  if (self->session == NULL)
    return;
  set_session (self, NULL);
  rs_login_page_reset (self->login_page);
  show_start_page (self, "login");
}

/* ---- another file, when this one cannot be opened ---- */

static void
on_chooser_response (RsWindow *self, int response, GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_clear_object (&self->chooser);
  if (path != NULL)
    rs_window_open_database (self, path);
}

static void
on_choose_file_clicked (RsWindow *self)
{
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Restock databases"));
  gtk_file_filter_add_suffix (databases, "db");
  gtk_file_filter_add_suffix (databases, "sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), databases);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- public ---- */

RsWindow *
rs_window_new (GtkApplication *application, GSettings *settings, const char *database_path)
{
  return g_object_new (RS_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "database-path", database_path,
                       NULL);
}

const char *
rs_window_get_database_path (RsWindow *self)
{
  g_return_val_if_fail (RS_IS_WINDOW (self), NULL);
  return self->database_path;
}

RsSession *
rs_window_get_session (RsWindow *self)
{
  g_return_val_if_fail (RS_IS_WINDOW (self), NULL);
  return self->session;
}

/* ---- GObject ---- */

static gboolean
rs_window_close_request (GtkWindow *window)
{
  RsWindow *self = RS_WINDOW (window);

  /* The size to come back to; a maximized window keeps its unmaximized size. */
  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (rs_window_parent_class)->close_request (window);
}

static void
rs_window_constructed (GObject *object)
{
  RsWindow *self = RS_WINDOW (object);

  G_OBJECT_CLASS (rs_window_parent_class)->constructed (object);

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  if (self->database_path == NULL)
    self->database_path = rs_database_get_default_path ();
  rs_window_open_database (self, self->database_path);
}

static void
rs_window_dispose (GObject *object)
{
  RsWindow *self = RS_WINDOW (object);

  g_clear_handle_id (&self->idle_check, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rs_window_parent_class)->dispose (object);
}

static void
rs_window_finalize (GObject *object)
{
  RsWindow *self = RS_WINDOW (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (rs_window_parent_class)->finalize (object);
}

static void
rs_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsWindow *self = RS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_LOGGED_IN:
      g_value_set_boolean (value, self->session != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_window_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsWindow *self = RS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_DATABASE_PATH:
      self->database_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_window_class_init (RsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rs_window_constructed;
  object_class->dispose = rs_window_dispose;
  object_class->finalize = rs_window_finalize;
  object_class->get_property = rs_window_get_property;
  object_class->set_property = rs_window_set_property;
  window_class->close_request = rs_window_close_request;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* NULL: the default database (RESTOCK_DB, else the user data folder). */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RS_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOGGED_IN] =
    g_param_spec_boolean ("logged-in", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RS_TYPE_SETUP_PAGE);
  g_type_ensure (RS_TYPE_LOGIN_PAGE);
  g_type_ensure (RS_TYPE_MAIN_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, start_stack);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, setup_page);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, login_page);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RsWindow, main_page);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_created);
  gtk_widget_class_bind_template_callback (widget_class, on_logged_in);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_file_clicked);
}

static void
rs_window_init (RsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rs_gui_stack_hide_other_pages (self->stack);
  rs_gui_stack_hide_other_pages (self->start_stack);
  if (g_getenv ("RESTOCK_CHECK_IDLE") != NULL)
    self->idle_check = g_timeout_add_seconds (1, check_idle_database, self);
}
