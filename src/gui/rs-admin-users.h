/* rs-admin-users.h — the users page of the 管理 section: list, add, roles, password, access. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_ADMIN_USERS (rs_admin_users_get_type ())
G_DECLARE_FINAL_TYPE (RsAdminUsers, rs_admin_users, RS, ADMIN_USERS, AdwPreferencesPage)

GtkWidget *rs_admin_users_new       (RsSession    *session);
void       rs_admin_users_refresh   (RsAdminUsers *self);
/* Opens the Add User window (the page's button and Ctrl+N do) and returns it. */
GtkWidget *rs_admin_users_add_user  (RsAdminUsers *self);

G_END_DECLS
