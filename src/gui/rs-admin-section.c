/* rs-admin-section.c — a view stack of preference pages; each page is its own small widget. */
#include "rs-admin-section.h"
#include "rs-admin-documents.h"
#include "rs-admin-maintenance.h"
#include "rs-admin-policy.h"
#include "rs-admin-users.h"

struct _RsAdminSection
{
  AdwBin parent_instance;

  RsSession *session;
  GtkWidget *switcher;

  AdwViewStack *view_stack;
};

static void rs_admin_section_iface_init (RsSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsAdminSection, rs_admin_section, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (RS_TYPE_SECTION, rs_admin_section_iface_init))

enum {
  PROP_0,
  PROP_SESSION,
};

GtkWidget *
rs_admin_section_get_page (RsAdminSection *self, const char *name)
{
  g_return_val_if_fail (RS_IS_ADMIN_SECTION (self), NULL);
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

static void
rs_admin_section_refresh (RsSection *section)
{
  RsAdminSection *self = RS_ADMIN_SECTION (section);

  rs_admin_users_refresh (RS_ADMIN_USERS (rs_admin_section_get_page (self, "users")));
  rs_admin_policy_refresh (RS_ADMIN_POLICY (rs_admin_section_get_page (self, "rules")));
  rs_admin_documents_refresh (RS_ADMIN_DOCUMENTS (rs_admin_section_get_page (self, "documents")));
}

static GtkWidget *
rs_admin_section_get_header_widget (RsSection *section)
{
  RsAdminSection *self = RS_ADMIN_SECTION (section);

  /* The pages' switcher sits in the header bar, as in GNOME Settings' panels. */
  self->switcher = adw_view_switcher_new ();
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (self->switcher), self->view_stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (self->switcher), ADW_VIEW_SWITCHER_POLICY_WIDE);
  return self->switcher;
}

static void
rs_admin_section_iface_init (RsSectionInterface *iface)
{
  iface->refresh = rs_admin_section_refresh;
  iface->get_header_widget = rs_admin_section_get_header_widget;
}

static void
add_page (RsAdminSection *self, GtkWidget *page, const char *name)
{
  AdwViewStackPage *stack_page;

  stack_page = adw_view_stack_add_titled (self->view_stack, page, name,
                                          adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (page)));
  adw_view_stack_page_set_icon_name (stack_page, adw_preferences_page_get_icon_name (ADW_PREFERENCES_PAGE (page)));
}

static void
on_add_user (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  RsAdminSection *self = RS_ADMIN_SECTION (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "users");
  rs_admin_users_add_user (RS_ADMIN_USERS (rs_admin_section_get_page (self, "users")));
}

static void
rs_admin_section_constructed (GObject *object)
{
  RsAdminSection *self = RS_ADMIN_SECTION (object);

  G_OBJECT_CLASS (rs_admin_section_parent_class)->constructed (object);
  g_assert (self->session != NULL);
  add_page (self, rs_admin_users_new (self->session), "users");
  add_page (self, rs_admin_policy_new (self->session), "rules");
  add_page (self, rs_admin_documents_new (self->session), "documents");
  add_page (self, rs_admin_maintenance_new (self->session), "backup");
  adw_view_stack_set_visible_child_name (self->view_stack, "users");
}

static void
rs_admin_section_dispose (GObject *object)
{
  RsAdminSection *self = RS_ADMIN_SECTION (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RS_TYPE_ADMIN_SECTION);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (rs_admin_section_parent_class)->dispose (object);
}

static void
rs_admin_section_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RsAdminSection *self = RS_ADMIN_SECTION (object);

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
rs_admin_section_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  RsAdminSection *self = RS_ADMIN_SECTION (object);

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
rs_admin_section_class_init (RsAdminSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rs_admin_section_constructed;
  object_class->dispose = rs_admin_section_dispose;
  object_class->get_property = rs_admin_section_get_property;
  object_class->set_property = rs_admin_section_set_property;
  g_object_class_override_property (object_class, PROP_SESSION, "session");

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/restockapp/Restock/rs-admin-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RsAdminSection, view_stack);

  gtk_widget_class_install_action (widget_class, "admin.add-user", NULL, on_add_user);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "admin.add-user", NULL);
}

static void
rs_admin_section_init (RsAdminSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
