/* rs-admin-section.h — 管理 Users & settings (administrators): users, rules, documents, backup. */
#pragma once

#include "rs-section.h"

G_BEGIN_DECLS

#define RS_TYPE_ADMIN_SECTION (rs_admin_section_get_type ())
G_DECLARE_FINAL_TYPE (RsAdminSection, rs_admin_section, RS, ADMIN_SECTION, AdwBin)

/* The page named "users", "rules", "documents" or "backup". */
GtkWidget *rs_admin_section_get_page (RsAdminSection *self,
                                      const char     *name);

G_END_DECLS
