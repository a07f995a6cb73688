/* rs-preferences-window.c */
#include "rs-preferences-window.h"
#include "rs-i18n.h"

/* The key's values, in the combo row's order. */
static const char * const schemes[] = { "default", "light", "dark" };

static AdwColorScheme
scheme_for (const char *value)
{
  if (g_strcmp0 (value, "light") == 0)
    return ADW_COLOR_SCHEME_FORCE_LIGHT;
  if (g_strcmp0 (value, "dark") == 0)
    return ADW_COLOR_SCHEME_FORCE_DARK;
  return ADW_COLOR_SCHEME_DEFAULT;
}

static void
apply_scheme (GSettings *settings)
{
  g_autofree char *value = g_settings_get_string (settings, "color-scheme");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme_for (value));
}

void
rs_preferences_follow_color_scheme (GSettings *settings)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  apply_scheme (settings);
  g_signal_connect (settings, "changed::color-scheme", G_CALLBACK (apply_scheme), NULL);
}

static void
on_scheme_selected (AdwComboRow *row, GParamSpec *pspec, GSettings *settings)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected >= G_N_ELEMENTS (schemes))
    return;
  if (settings != NULL)
    g_settings_set_string (settings, "color-scheme", schemes[selected]);
  else
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme_for (schemes[selected]));
}

GtkWidget *
rs_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  const char *names[] = { N_("Follow system"), N_("Light"), N_("Dark") };
  GtkWidget *window = adw_preferences_window_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_combo_row_new ();
  GtkWidget *language = adw_action_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *current = settings != NULL ? g_settings_get_string (settings, "color-scheme") : NULL;
  AdwColorScheme scheme = adw_style_manager_get_color_scheme (adw_style_manager_get_default ());
  guint selected = scheme == ADW_COLOR_SCHEME_FORCE_DARK ? 2 : scheme == ADW_COLOR_SCHEME_FORCE_LIGHT ? 1 : 0;

  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_title (GTK_WINDOW (window), _("Preferences"));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 420);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (window), FALSE);

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("General"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "preferences-system-symbolic");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Appearance"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gtk_string_list_append (model, _(names[i]));
      if (current != NULL && g_str_equal (current, schemes[i]))
        selected = i;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Style"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Light or dark windows, or as the system is set"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  if (settings != NULL)
    g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_scheme_selected), settings, 0);
  else
    g_signal_connect (row, "notify::selected", G_CALLBACK (on_scheme_selected), NULL);
  gtk_widget_set_name (row, "style_row");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Language"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (language), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (language), _("Language follows the system"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (language),
                               _("Restock speaks the language of your desktop. To change it, use the Region & Language "
                                 "settings of your system and log in again."));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (language), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (language), gtk_image_new_from_icon_name ("preferences-desktop-locale-symbolic"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), language);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  return window;
}
