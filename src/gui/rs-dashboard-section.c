/* rs-dashboard-section.c */
#include "rs-dashboard-section.h"

struct _RsDashboardSection
{
  AdwBin parent_instance;

  RsSession *session;

  AdwStatusPage *welcome_page;
};

static void rs_dashboard_section_iface_init (RsSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsDashboardSection, rs_dashboard_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (RS_TYPE_SECTION, rs_dashboard_section_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
};

static void
show_welcome (RsDashboardSection *self)
{
  RsUser *user = rs_session_get_user (self->session);
  g_autofree char *company = rs_settings_get (rs_session_get_database (self->session), RS_SETTING_COMPANY_NAME, "");
  g_autofree char *roles = rs_roles_to_display (rs_user_get_roles (user));
  g_autofree char *welcome = NULL;
  g_autofree char *description = NULL;

  /* TRANSLATORS: %s is the user's name */
  welcome = g_strdup_printf (_("Welcome, %s"), rs_user_get_display_name (user));
  adw_status_page_set_title (self->welcome_page, welcome);
  if (*company != '\0')
    /* TRANSLATORS: the first %s is the company, the second the user's roles, like "Sales, Warehouse keeper" */
    description = g_strdup_printf (_("You are logged in to %s as: %s."), company, roles);
  else
    /* TRANSLATORS: %s is the user's roles, like "Sales, Warehouse keeper" */
    description = g_strdup_printf (_("You are logged in as: %s."), roles);
  adw_status_page_set_description (self->welcome_page, description);
}

static void
rs_dashboard_section_refresh (RsSection *section)
{
  show_welcome (RS_DASHBOARD_SECTION (section));
}

static void
rs_dashboard_section_iface_init (RsSectionInterface *iface)
{
  iface->refresh = rs_dashboard_section_refresh;
}

static void
rs_dashboard_section_constructed (GObject *object)
{
  RsDashboardSection *self = RS_DASHBOARD_SECTION (object);

  G_OBJECT_CLASS (rs_dashboard_section_parent_class)->constructed (object);
  g_assert (self->session != NULL);
  show_welcome (self);
}

static void
rs_dashboard_section_dispose (GObject *object)
{
  RsDashboardSection *self = RS_DASHBOARD_SECTION (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_DASHBOARD_SECTION);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_dashboard_section_parent_class)->dispose (object);
}

static void
rs_dashboard_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsDashboardSection *self = RS_DASHBOARD_SECTION (object);

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
rs_dashboard_section_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsDashboardSection *self = RS_DASHBOARD_SECTION (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rs_dashboard_section_class_init (RsDashboardSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rs_dashboard_section_constructed;
  object_class->dispose = rs_dashboard_section_dispose;
  object_class->get_property = rs_dashboard_section_get_property;
  object_class->set_property = rs_dashboard_section_set_property;
  g_object_class_override_property (object_class, PROP_SESSION, "session");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-dashboard-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RsDashboardSection, welcome_page);
}

static void
rs_dashboard_section_init (RsDashboardSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
