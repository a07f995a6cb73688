/* rs-login-page.h — user name and password; a right pair gives a session. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_LOGIN_PAGE (rs_login_page_get_type ())
G_DECLARE_FINAL_TYPE (RsLoginPage, rs_login_page, RS, LOGIN_PAGE, AdwBin)

GtkWidget  *rs_login_page_new           (void);
void        rs_login_page_set_database  (RsLoginPage *self,
                                         RsDatabase  *database);
void        rs_login_page_set_user_name (RsLoginPage *self,
                                         const char  *name);
const char *rs_login_page_get_user_name (RsLoginPage *self);
gboolean    rs_login_page_get_busy      (RsLoginPage *self);
/* Right after setup: tells how to log in the first time (until the next set_database). */
void        rs_login_page_greet_new_database (RsLoginPage *self);
/* Forgets the password, any message and the greeting; keeps the user name (after logging out). */
void        rs_login_page_reset         (RsLoginPage *self);
/* Focuses the password when the user name is there, else the user name. */
void        rs_login_page_focus         (RsLoginPage *self);

G_END_DECLS
