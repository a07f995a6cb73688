/* rs-main-page.h — the window after login: the sidebar of sections (rs-section.h), the user's
 * menu, and the notice bar every section reports to (rs-gui-util.h). */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_MAIN_PAGE (rs_main_page_get_type ())
G_DECLARE_FINAL_TYPE (RsMainPage, rs_main_page, RS, MAIN_PAGE, AdwBin)

GtkWidget *rs_main_page_new         (void);
/* Shows who is logged in where; NULL after logging out. */
void       rs_main_page_set_session (RsMainPage *self,
                                     RsSession  *session);
RsSession *rs_main_page_get_session (RsMainPage *self);
/* The section widget named id (its sidebar id), NULL when the user may not open it. */
GtkWidget *rs_main_page_get_section (RsMainPage *self,
                                     const char *id);
/* Shows section id and, when reference is not NULL or empty, that document in it. */
gboolean   rs_main_page_open        (RsMainPage  *self,
                                     const char  *id,
                                     const char  *reference,
                                     GError     **error);
/* Shows message in the notice bar for a few seconds. */
void       rs_main_page_notify      (RsMainPage *self,
                                     const char *message);

G_END_DECLS
