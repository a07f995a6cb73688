/* rs-user-dialog.h — the Add User window of the 管理 section: name, full name, password, roles. */
#pragma once

#include <adwaita.h>
#include "rs-core.h"

G_BEGIN_DECLS

#define RS_TYPE_USER_DIALOG (rs_user_dialog_get_type ())
G_DECLARE_FINAL_TYPE (RsUserDialog, rs_user_dialog, RS, USER_DIALOG, AdwWindow)

/* Emits "user-added" (RsUser) and closes once core has added the user; a refusal is shown
 * in the window and nothing typed is lost. */
RsUserDialog *rs_user_dialog_new          (RsSession    *session,
                                           GtkWindow    *parent);
/* The check box of one role (for tests; its accessible name is the role's display name). */
GtkWidget    *rs_user_dialog_get_role_check (RsUserDialog *self,
                                             RsRoles       role);
/* What a role may do, in a few words for people. */
const char   *rs_role_get_description     (RsRoles       role);

G_END_DECLS
