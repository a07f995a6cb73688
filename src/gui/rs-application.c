/* rs-application.c */
#include "rs-application.h"
#include "rs-core.h"
#include "rs-preferences-window.h"
#include "rs-window.h"

struct _RsApplication
{
  AdwApplication parent_instance;

  char *database_path;   /* --db, or NULL for the default */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (RsApplication, rs_application, ADW_TYPE_APPLICATION)

/* The schema comes from the installed ones, else — run from the build tree — from the
 * build's compiled copy; without either the program still runs, remembering nothing. */
static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL && rs_running_uninstalled ())
    {
      build_source = g_settings_schema_source_new_from_directory (BUILD_SCHEMADIR, source, FALSE, NULL);
      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, APP_ID, FALSE);
    }

  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: window size and last user are not remembered.", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static RsWindow *
active_window (RsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  return RS_IS_WINDOW (window) ? RS_WINDOW (window) : NULL;
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RsApplication *self = user_data;
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing (not just quitting) lets each window save its size. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RsApplication *self = user_data;
  static const char *developers[] = { "The Restock developers https://github.com/restockapp/restock", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", "Restock",
                        "developer-name", _("The Restock developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Customer returns and in/out stock slips for trading companies: "
                                      "intake, approval, receiving, inspection, disposition and settlement."),
                        "website", "https://github.com/restockapp/restock",
                        "issue-url", "https://github.com/restockapp/restock/issues",
                        "developers", developers,
                        /* TRANSLATORS: your names, one per line, like "Name <email>" */
                        "translator-credits", _("translator-credits"),
                        "copyright", _("© 2026 The Restock developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RsApplication *self = user_data;
  GtkWidget *window = rs_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                 self->settings);
  gtk_window_present (GTK_WINDOW (window));
}

static void
logout_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  RsWindow *window = active_window (user_data);

  if (window != NULL)
    rs_window_log_out (window);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "logout", logout_activated },
};

/* Log Out is offered only while someone is logged in, in the window in front. */
static void
update_logout (RsApplication *self)
{
  RsWindow *window = active_window (self);
  GAction *logout = g_action_map_lookup_action (G_ACTION_MAP (self), "logout");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (logout),
                               window != NULL && rs_window_get_session (window) != NULL);
}

static int
rs_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  RsApplication *self = RS_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("restock %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^ay", &path))
    {
      /* Relative to where the program was started, not to wherever it runs later. */
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }
  return -1;
}

static void
rs_application_startup (GApplication *app)
{
  RsApplication *self = RS_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (rs_application_parent_class)->startup (app);

  /* Run from the build tree, the icons are still in the source tree's data/icons. */
  if (rs_running_uninstalled ())
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RS_SOURCE_ICONDIR);
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = load_settings ();
  if (self->settings != NULL)
    rs_preferences_follow_color_scheme (self->settings);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  g_signal_connect_swapped (self, "notify::active-window", G_CALLBACK (update_logout), self);
  update_logout (self);
}

static void
rs_application_activate (GApplication *app)
{
  RsApplication *self = RS_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      window = GTK_WINDOW (rs_window_new (GTK_APPLICATION (app), self->settings, self->database_path));
      g_signal_connect_object (window, "notify::session", G_CALLBACK (update_logout), self, G_CONNECT_SWAPPED);
      update_logout (self);
    }
  gtk_window_present (window);
}

static void
rs_application_dispose (GObject *object)
{
  RsApplication *self = RS_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rs_application_parent_class)->dispose (object);
}

static void
rs_application_finalize (GObject *object)
{
  RsApplication *self = RS_APPLICATION (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (rs_application_parent_class)->finalize (object);
}

static void
rs_application_class_init (RsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rs_application_dispose;
  object_class->finalize = rs_application_finalize;
  app_class->handle_local_options = rs_application_handle_local_options;
  app_class->startup = rs_application_startup;
  app_class->activate = rs_application_activate;
}

static void
rs_application_init (RsApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database file (default: $RESTOCK_DB, else the user data folder)"), N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

RsApplication *
rs_application_new (void)
{
  return g_object_new (RS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       NULL);
}

GSettings *
rs_application_get_settings (RsApplication *self)
{
  g_return_val_if_fail (RS_IS_APPLICATION (self), NULL);
  return self->settings;
}
