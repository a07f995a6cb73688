/* rs-users.h — the user accounts: first-run setup, and what an administrator does with users. */
#pragma once

#include <gio/gio.h>
#include "rs-database.h"
#include "rs-session.h"

G_BEGIN_DECLS

/* TRUE once the database has its first user (the setup page is done). */
gboolean    rs_users_is_initialized (RsDatabase *database,
                                     GError    **error);
/* First run: creates the user "admin" with the given password and stores the
 * company name. Refused (RS_ERROR_EXISTS) when the database already has users. */
gboolean    rs_users_initialize     (RsDatabase *database,
                                     const char *company,
                                     const char *admin_password,
                                     GError    **error);

RsUser     *rs_users_lookup_by_id   (RsDatabase *database,
                                     gint64      id,
                                     GError    **error);
RsUser     *rs_users_add            (RsSession  *session,
                                     const char *name,
                                     const char *full_name,
                                     RsRoles     roles,
                                     const char *password,
                                     GError    **error);
gboolean    rs_users_disable        (RsSession  *session,
                                     const char *name,
                                     GError    **error);
/* The account may log in again (RS_ACTION_USER_MANAGE; audited "user.enable"). */
gboolean    rs_users_enable         (RsSession  *session,
                                     const char *name,
                                     GError    **error);
/* Replaces the user's roles (RS_ACTION_USER_MANAGE; audited "user.roles"). At least one
 * role; an administrator cannot take the admin role from their own account. */
gboolean    rs_users_set_roles      (RsSession  *session,
                                     const char *name,
                                     RsRoles     roles,
                                     GError    **error);
/* Sets a new password for the user (RS_ACTION_USER_MANAGE; audited "user.password",
 * without the password or its hash). */
gboolean    rs_users_reset_password (RsSession  *session,
                                     const char *name,
                                     const char *password,
                                     GError    **error);
/* A GListModel of RsUser, by name. */
GListModel *rs_users_list           (RsSession  *session,
                                     GError    **error);

G_END_DECLS
