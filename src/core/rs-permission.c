/* rs-permission.c */
#include "rs-permission.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-users.h"
#include "rs-session-private.h"

static const struct {
  RsAction    action;
  RsRoles     roles;
  const char *name;
} actions[RS_N_ACTIONS] = {
  { RS_ACTION_USER_MANAGE,        RS_ROLE_ADMIN, N_("manage users") },
  { RS_ACTION_SETTINGS_EDIT,      RS_ROLE_ADMIN, N_("change settings") },
  { RS_ACTION_MASTER_EDIT,        RS_ROLE_ADMIN, N_("change master data") },
  { RS_ACTION_CUSTOMER_EDIT,      RS_ROLE_ADMIN | RS_ROLE_SALES | RS_ROLE_SERVICE, N_("add or change customers") },
  { RS_ACTION_RETURN_EDIT,        RS_ROLE_ADMIN | RS_ROLE_SALES, N_("create or change returns") },
  { RS_ACTION_RETURN_APPROVE,     RS_ROLE_ADMIN | RS_ROLE_SERVICE | RS_ROLE_MANAGER, N_("approve or reject returns") },
  { RS_ACTION_RETURN_CANCEL,      RS_ROLE_ADMIN | RS_ROLE_SERVICE, N_("cancel returns") },
  { RS_ACTION_RETURN_RESOLVE,     RS_ROLE_ADMIN | RS_ROLE_SERVICE, N_("resolve receiving discrepancies") },
  { RS_ACTION_RETURN_RECEIVE,     RS_ROLE_ADMIN | RS_ROLE_KEEPER, N_("receive returned goods") },
  { RS_ACTION_RETURN_INSPECT,     RS_ROLE_ADMIN | RS_ROLE_KEEPER, N_("inspect returned goods") },
  { RS_ACTION_RETURN_DISPOSE,     RS_ROLE_ADMIN | RS_ROLE_KEEPER, N_("dispose of returned goods") },
  { RS_ACTION_RETURN_COST,        RS_ROLE_ADMIN | RS_ROLE_FINANCE, N_("record return costs") },
  { RS_ACTION_SETTLEMENT_EDIT,    RS_ROLE_ADMIN | RS_ROLE_FINANCE, N_("create settlements") },
  { RS_ACTION_SETTLEMENT_APPROVE, RS_ROLE_ADMIN | RS_ROLE_FINANCE, N_("approve settlements") },
  { RS_ACTION_SLIP_EDIT,          RS_ROLE_ADMIN | RS_ROLE_KEEPER, N_("create or change stock slips") },
  { RS_ACTION_SLIP_POST,          RS_ROLE_ADMIN | RS_ROLE_KEEPER, N_("post, void or amend stock slips") },
  { RS_ACTION_REPORT_VIEW,        RS_ROLE_ADMIN | RS_ROLE_MANAGER | RS_ROLE_FINANCE, N_("view reports") },
  { RS_ACTION_PRINT,              RS_ROLE_ALL, N_("print documents") },
  { RS_ACTION_VIEW,               RS_ROLE_ALL, N_("view data") },
  { RS_ACTION_AUDIT_VIEW,         RS_ROLE_ADMIN, N_("read the audit log") },
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

  if (rs_session_is_vouched (session, action))
    return TRUE;
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
