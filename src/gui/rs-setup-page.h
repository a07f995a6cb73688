/* rs-setup-page.h — first start: the company name and the admin's password create the database. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_SETUP_PAGE (rs_setup_page_get_type ())
G_DECLARE_FINAL_TYPE (RsSetupPage, rs_setup_page, RS, SETUP_PAGE, AdwBin)

GtkWidget  *rs_setup_page_new               (void);
/* Where the database is created; database, when not NULL, is that file already
 * open but without users (it is then initialized, not created). */
void        rs_setup_page_set_database      (RsSetupPage *self,
                                             const char  *path,
                                             RsDatabase  *database);
const char *rs_setup_page_get_database_path (RsSetupPage *self);
gboolean    rs_setup_page_get_busy          (RsSetupPage *self);
/* Focuses the first field that still needs typing. */
void        rs_setup_page_focus             (RsSetupPage *self);

G_END_DECLS
