/* rs-admin-documents.h — the 管理 section's page of what documents show: company details,
 * logo, default paper and the CJK font. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_ADMIN_DOCUMENTS (rs_admin_documents_get_type ())
G_DECLARE_FINAL_TYPE (RsAdminDocuments, rs_admin_documents, RS, ADMIN_DOCUMENTS, AdwPreferencesPage)

GtkWidget *rs_admin_documents_new      (RsSession        *session);
void       rs_admin_documents_refresh  (RsAdminDocuments *self);
/* Checks the file with the PDF font loader and stores it; a refusal is shown under the
 * field and FALSE returned. "" goes back to the default font. */
gboolean   rs_admin_documents_set_font (RsAdminDocuments *self,
                                        const char       *path,
                                        GError          **error);
/* The message shown under the font field ("" when none). */
const char *rs_admin_documents_get_font_error (RsAdminDocuments *self);

G_END_DECLS
