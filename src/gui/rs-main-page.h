/* rs-main-page.h — the window after login: header bar, the user's menu, the start page. */
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

G_END_DECLS
