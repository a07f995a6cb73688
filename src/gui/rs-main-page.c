/* rs-main-page.c */
#include "rs-main-page.h"
#include "rs-gui-util.h"
#include "rs-search-popover.h"
#include "rs-section.h"

/* How long a notice stays when nobody dismisses it. */
#define NOTICE_SECONDS 6

struct _RsMainPage
{
  AdwBin parent_instance;

  RsSession *session;
  guint notice_timeout;

  AdwLeaflet *leaflet;
  AdwWindowTitle *window_title;
  AdwWindowTitle *section_title;
  AdwAvatar *avatar;
  GtkLabel *user_label;
  GtkLabel *roles_label;
  GtkMenuButton *search_button;
  GtkListBox *sidebar_list;
  GtkWidget *content;
  GtkStack *header_stack;
  GtkStack *content_stack;
  GtkRevealer *notice_revealer;
  GtkLabel *notice_label;
};

G_DEFINE_FINAL_TYPE (RsMainPage, rs_main_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
rs_main_page_new (void)
{
  return g_object_new (RS_TYPE_MAIN_PAGE, NULL);
}

static void
remove_all_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_STACK (parent))
        gtk_stack_remove (GTK_STACK (parent), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
    }
}

static GtkListBoxRow *
find_row (RsMainPage *self, const char *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
      return GTK_LIST_BOX_ROW (row);
  return NULL;
}

/* The section named id, made the first time it is asked for (a section reads its lists
 * when made: made at login, every section's lists would be read before the window shows);
 * NULL when the user may not open it. *made says whether it was made just now. */
static GtkWidget *
get_section (RsMainPage *self, const RsSectionInfo *info, gboolean *made)
{
  GtkWidget *section = gtk_stack_get_child_by_name (self->content_stack, info->id);
  GtkWidget *header;

  *made = FALSE;
  if (section != NULL || self->session == NULL || !rs_permission_allows (self->session, info->action))
    return section;
  section = g_object_new (info->get_type (), "session", self->session, NULL);
  header = rs_section_get_header_widget (RS_SECTION (section));
  gtk_stack_add_named (self->content_stack, section, info->id);
  gtk_stack_add_named (self->header_stack, header != NULL ? header : gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0), info->id);
  *made = TRUE;
  return section;
}

/* Shows the section named id, when the user may open it; NULL when not. */
static RsSection *
show_section (RsMainPage *self, const char *id)
{
  const RsSectionInfo *info = rs_sections_find (id);
  GtkWidget *section;
  GtkListBoxRow *row = find_row (self, id);
  gboolean made;

  if (info == NULL || (section = get_section (self, info, &made)) == NULL)
    return NULL;
  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar_list) != row)
    gtk_list_box_select_row (self->sidebar_list, row);
  gtk_stack_set_visible_child (self->content_stack, section);
  gtk_stack_set_visible_child_name (self->header_stack, id);
  adw_window_title_set_title (self->section_title, _(info->title));
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  /* Made just now, it has read what it shows. */
  if (!made)
    rs_section_refresh (RS_SECTION (section));
  return RS_SECTION (section);
}

static char *
roles_that_may (RsAction action)
{
  return rs_roles_to_display (rs_action_get_roles (action));
}

static void
add_section (RsMainPage *self, const RsSectionInfo *info)
{
  gboolean allowed = rs_permission_allows (self->session, info->action);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(info->title));

  gtk_widget_set_name (row, info->id);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (info->icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _(info->title), -1);
  gtk_list_box_append (self->sidebar_list, row);

  if (!allowed)
    {
      g_autofree char *roles = roles_that_may (info->action);
      /* TRANSLATORS: %s lists roles, like "Quality inspector, Administrator" */
      g_autofree char *tooltip = g_strdup_printf (_("Only these roles may open this: %s"), roles);

      gtk_widget_set_sensitive (row, FALSE);
      gtk_widget_set_tooltip_text (row, tooltip);
    }
}

static void
build_sections (RsMainPage *self)
{
  const RsSectionInfo *sections;
  guint n_sections;

  gtk_list_box_unselect_all (self->sidebar_list);
  remove_all_children (GTK_WIDGET (self->sidebar_list));
  remove_all_children (GTK_WIDGET (self->header_stack));
  remove_all_children (GTK_WIDGET (self->content_stack));
  if (self->session == NULL)
    return;

  sections = rs_sections_get (&n_sections);
  for (guint i = 0; i < n_sections; i++)
    add_section (self, &sections[i]);
  show_section (self, sections[0].id);
}

void
rs_main_page_set_session (RsMainPage *self, RsSession *session)
{
  RsUser *user;
  g_autofree char *company = NULL;
  g_autofree char *roles = NULL;

  g_return_if_fail (RS_IS_MAIN_PAGE (self));

  if (!g_set_object (&self->session, session))
    return;
  build_sections (self);
  gtk_menu_button_set_popover (self->search_button, session != NULL ? rs_search_popover_new (session) : NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
  if (session == NULL)
    return;

  user = rs_session_get_user (session);
  company = rs_settings_get (rs_session_get_database (session), RS_SETTING_COMPANY_NAME, "");
  roles = rs_roles_to_display (rs_user_get_roles (user));

  adw_window_title_set_subtitle (self->window_title, company);
  adw_avatar_set_text (self->avatar, rs_user_get_display_name (user));
  gtk_label_set_text (self->user_label, rs_user_get_display_name (user));
  gtk_label_set_text (self->roles_label, roles);
}

RsSession *
rs_main_page_get_session (RsMainPage *self)
{
  g_return_val_if_fail (RS_IS_MAIN_PAGE (self), NULL);
  return self->session;
}

GtkWidget *
rs_main_page_get_section (RsMainPage *self, const char *id)
{
  const RsSectionInfo *info;
  gboolean made;

  g_return_val_if_fail (RS_IS_MAIN_PAGE (self), NULL);
  info = rs_sections_find (id);
  return info != NULL ? get_section (self, info, &made) : NULL;
}

gboolean
rs_main_page_open (RsMainPage *self, const char *id, const char *reference, GError **error)
{
  RsSection *section;

  g_return_val_if_fail (RS_IS_MAIN_PAGE (self), FALSE);
  section = show_section (self, id);
  if (section == NULL)
    {
      const RsSectionInfo *info = rs_sections_find (id);
      g_autofree char *roles = info != NULL ? roles_that_may (info->action) : NULL;

      if (info == NULL)
        g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no “%s” here."), id);
      else
        g_set_error (error, RS_ERROR, RS_ERROR_PERMISSION, _("Only these roles may open this: %s"), roles);
      return FALSE;
    }
  if (reference == NULL || *reference == '\0')
    return TRUE;
  return rs_section_open (section, reference, error);
}

static gboolean
on_notice_timeout (gpointer data)
{
  RsMainPage *self = data;

  self->notice_timeout = 0;
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

void
rs_main_page_notify (RsMainPage *self, const char *message)
{
  g_return_if_fail (RS_IS_MAIN_PAGE (self));

  gtk_label_set_text (self->notice_label, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notice_label), GTK_ACCESSIBLE_PROPERTY_LABEL, message, -1);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  self->notice_timeout = g_timeout_add_seconds (NOTICE_SECONDS, on_notice_timeout, self);
}

static void
on_notice_dismissed (RsMainPage *self)
{
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
}

static void
on_sidebar_row_activated (RsMainPage *self, GtkListBoxRow *row)
{
  show_section (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
on_back_clicked (RsMainPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* main.open "section:reference" — how a section shows another one's document. */
static void
open_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RsMainPage *self = RS_MAIN_PAGE (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  const char *colon = strchr (target, ':');
  g_autofree char *id = colon != NULL ? g_strndup (target, colon - target) : g_strdup (target);
  g_autoptr(GError) error = NULL;

  if (!rs_main_page_open (self, id, colon != NULL ? colon + 1 : NULL, &error))
    rs_main_page_notify (self, error->message);
}

/* Ctrl+F: the search in the sidebar's header, brought back into view when the window is narrow. */
static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RsMainPage *self = RS_MAIN_PAGE (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_menu_button_popup (self->search_button);
}

static void
notify_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  rs_main_page_notify (RS_MAIN_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
rs_main_page_dispose (GObject *object)
{
  RsMainPage *self = RS_MAIN_PAGE (object);

  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  /* AdwBin would unparent its child again after the template let go of it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_MAIN_PAGE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (rs_main_page_parent_class)->dispose (object);
}

static void
rs_main_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsMainPage *self = RS_MAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_main_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsMainPage *self = RS_MAIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      rs_main_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_main_page_class_init (RsMainPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rs_main_page_dispose;
  object_class->get_property = rs_main_page_get_property;
  object_class->set_property = rs_main_page_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, RS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "main.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "main.notify", "s", notify_action);
  gtk_widget_class_install_action (widget_class, "main.search", NULL, search_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-main-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, section_title);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, avatar);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, user_label);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, roles_label);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, content);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, header_stack);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, RsMainPage, notice_label);
  gtk_widget_class_bind_template_callback (widget_class, on_notice_dismissed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
}

static void
rs_main_page_init (RsMainPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rs_gui_stack_hide_other_pages (self->content_stack);
  /* Managed: Ctrl+F works wherever the focus is in the window, and a section's own Ctrl+F
   * (a list's search field) still comes first. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("main.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
