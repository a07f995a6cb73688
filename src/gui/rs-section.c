/* rs-section.c */
#include "rs-section.h"
#include "rs-dashboard-section.h"
#include "rs-admin-section.h"
#include "rs-returns-section.h"
#include "rs-inspection-section.h"
#include "rs-reports-section.h"
#include "rs-master-section.h"
#include "rs-stock-section.h"
#include "rs-slips-section.h"

G_DEFINE_INTERFACE (RsSection, rs_section, GTK_TYPE_WIDGET)

static void
rs_section_default_init (RsSectionInterface *iface)
{
  g_object_interface_install_property (iface,
    g_param_spec_object ("session", NULL, NULL, RS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

gboolean
rs_section_open (RsSection *self, const char *reference, GError **error)
{
  RsSectionInterface *iface;

  g_return_val_if_fail (RS_IS_SECTION (self), FALSE);
  iface = RS_SECTION_GET_IFACE (self);
  if (iface->open == NULL)
    {
      g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no “%s” here."), reference);
      return FALSE;
    }
  return iface->open (self, reference, error);
}

void
rs_section_refresh (RsSection *self)
{
  RsSectionInterface *iface;

  g_return_if_fail (RS_IS_SECTION (self));
  iface = RS_SECTION_GET_IFACE (self);
  if (iface->refresh != NULL)
    iface->refresh (self);
}

GtkWidget *
rs_section_get_header_widget (RsSection *self)
{
  RsSectionInterface *iface;

  g_return_val_if_fail (RS_IS_SECTION (self), NULL);
  iface = RS_SECTION_GET_IFACE (self);
  return iface->get_header_widget != NULL ? iface->get_header_widget (self) : NULL;
}

/* A section appears here once it is built; none is a placeholder. */
static const RsSectionInfo sections[] = {
  { "dashboard", N_("Dashboard"), "view-grid-symbolic", RS_ACTION_VIEW, rs_dashboard_section_get_type },
  { "returns", N_("Returns"), "mail-reply-sender-symbolic", RS_ACTION_VIEW, rs_returns_section_get_type },
  { "inspection", N_("Inspection"), "emblem-ok-symbolic", RS_ACTION_RETURN_INSPECT, rs_inspection_section_get_type },
  { "slips", N_("Slips"), "document-send-symbolic", RS_ACTION_VIEW, rs_slips_section_get_type },
  { "stock", N_("Stock"), "package-x-generic-symbolic", RS_ACTION_VIEW, rs_stock_section_get_type },
  { "reports", N_("Reports"), "x-office-spreadsheet-symbolic", RS_ACTION_REPORT_VIEW, rs_reports_section_get_type },
  { "master", N_("Master Data"), "x-office-address-book-symbolic", RS_ACTION_VIEW, rs_master_section_get_type },
  { "admin", N_("Users & Settings"), "emblem-system-symbolic", RS_ACTION_USER_MANAGE, rs_admin_section_get_type },
};

const RsSectionInfo *
rs_sections_get (guint *n_sections)
{
  *n_sections = G_N_ELEMENTS (sections);
  return sections;
}

const RsSectionInfo *
rs_sections_find (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].id, id))
      return &sections[i];
  return NULL;
}
