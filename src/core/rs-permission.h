/* rs-permission.h — the one place that decides who may do what (DESIGN §1). */
#pragma once

#include "rs-session.h"

G_BEGIN_DECLS

/* Every core entry point that changes data names its action and asks first.
 * New actions are added here and to the table in rs-permission.c. */
typedef enum {
  RS_ACTION_USER_MANAGE,       /* add, change roles, reset password, disable users */
  RS_ACTION_SETTINGS_EDIT,     /* company details, policies, approval chain, templates */
  RS_N_ACTIONS
} RsAction;

RsRoles     rs_action_get_roles      (RsAction    action);
const char *rs_action_get_name       (RsAction    action);

/* Reads the user's roles and state from the database now, not from the login:
 * a role taken away or an account disabled takes effect at once. */
gboolean    rs_permission_check      (RsSession  *session,
                                      RsAction    action,
                                      GError    **error);
/* The same decision without an error, for offering or greying out a control. */
gboolean    rs_permission_allows     (RsSession  *session,
                                      RsAction    action);

G_END_DECLS
