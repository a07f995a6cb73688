/* rs-dashboard-section.h — 工作台: who is logged in, and what waits for the user's roles. */
#pragma once

#include "rs-section.h"

G_BEGIN_DECLS

#define RS_TYPE_DASHBOARD_SECTION (rs_dashboard_section_get_type ())
G_DECLARE_FINAL_TYPE (RsDashboardSection, rs_dashboard_section, RS, DASHBOARD_SECTION, AdwBin)

G_END_DECLS
