/* rs-permission.c */
#include "rs-permission.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-users.h"

static const struct {
  RsAction    action;
  RsRoles     roles;
  const char *name;
} actions[RS_N_ACTIONS] = {
  { RS_ACTION_USER_MANAGE,   RS_ROLE_ADMIN, N_("manage users") },
  { RS_ACTION_SETTINGS_EDIT, RS_ROLE_ADMIN, N_("change settings") },
};

RsRoles
rs_action_get_roles (RsAction action)
{
  g_return_val_if_fail (action < RS_N_ACTIONS, RS_ROLE_NONE);
  g_assert (actions[action].action == action);
  return actions[action].roles;
}

const char *
rs_action_get_name (RsAction action)
{
  g_return_val_if_fail (action < RS_N_ACTIONS, NULL);
  return _(actions[action].name);
}

gboolean
rs_permission_check (RsSession *session, RsAction action, GError **error)
{
  RsUser *user = rs_session_get_user (session);
  g_autoptr(RsUser) current = NULL;
  g_autofree char *allowed = NULL;

  current = rs_users_lookup_by_id (rs_session_get_database (session), rs_user_get_id (user), error);
  if (current == NULL)
    return FALSE;

  if (!rs_user_get_disabled (current) && rs_user_has_role (current, rs_action_get_roles (action)))
    return TRUE;

  allowed = rs_roles_to_display (rs_action_get_roles (action));
  g_set_error (error, RS_ERROR, RS_ERROR_PERMISSION,
               /* TRANSLATORS: "You may not manage users: that needs the role Administrator." */
               _("You may not %s: that needs the role %s."),
               rs_action_get_name (action), allowed);
  return FALSE;
}

gboolean
rs_permission_allows (RsSession *session, RsAction action)
{
  return rs_permission_check (session, action, NULL);
}
