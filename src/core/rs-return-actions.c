/* rs-return-actions.c — the actions a user may take on a return now, from the same
 * permission table, states and signer rules the calls check (rs-approval.c, rs-receiving.c,
 * rs-inspection.c, rs-disposition.c, rs-return-cost.c, rs-settlement.c). */
#include "rs-return-actions.h"
#include "rs-error.h"
#include "rs-permission.h"
#include "rs-return-private.h"
#include "rs-return-stage-private.h"
#include "rs-users.h"

static gboolean
state_in (RsReturnState state, const RsReturnState *states, guint n_states)
{
  for (guint i = 0; i < n_states; i++)
    if (states[i] == state)
      return TRUE;
  return FALSE;
}

/* check_signer() of rs-approval.c, asked: the level's role (or admin), not a second level. */
static gboolean
may_sign (RsReturn *ret, gint64 user_id, RsRoles roles)
{
  GListModel *signatures = rs_return_get_signatures (ret);

  if (rs_return_get_state (ret) != RS_RETURN_SUBMITTED || rs_return_get_next_level (ret) == 0 ||
      !(roles & (rs_return_get_next_role (ret) | RS_ROLE_ADMIN)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (signatures); i++)
    {
      g_autoptr(RsReturnSignature) signature = g_list_model_get_item (signatures, i);

      if (signature->user_id == user_id)
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_open_discrepancy (RsDatabase *db, RsReturn *ret, gboolean *open, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db, "SELECT 1 FROM return_discrepancy WHERE return_id = ? AND state = 'open' LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  *open = rs_statement_step (stmt, &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

RsReturnActions
rs_returns_get_actions (RsSession *session, RsReturn *ret, GError **error)
{
  static const RsReturnState cancellable[] = {
    RS_RETURN_DRAFT, RS_RETURN_SUBMITTED, RS_RETURN_REJECTED, RS_RETURN_APPROVED,
  };
  static const RsReturnState receivable[] = { RS_RETURN_APPROVED, RS_RETURN_RECEIVING };
  static const RsReturnState inspectable[] = { RS_RETURN_RECEIVING, RS_RETURN_RECEIVED };
  static const RsReturnState disposable[] = { RS_RETURN_RECEIVING, RS_RETURN_RECEIVED, RS_RETURN_INSPECTED };
  static const RsReturnState costable[] = {
    RS_RETURN_APPROVED, RS_RETURN_RECEIVING, RS_RETURN_RECEIVED, RS_RETURN_INSPECTED, RS_RETURN_DISPOSED,
  };
  static const RsReturnState open_states[] = {
    RS_RETURN_DRAFT, RS_RETURN_SUBMITTED, RS_RETURN_APPROVED, RS_RETURN_RECEIVING, RS_RETURN_RECEIVED,
    RS_RETURN_INSPECTED, RS_RETURN_DISPOSED, RS_RETURN_REJECTED,
  };
  RsDatabase *db;
  RsReturnState state;
  RsReturnActions actions = 0;
  gint64 user_id;
  g_autoptr(RsUser) user = NULL;
  GListModel *lines;
  gboolean to_inspect = FALSE, to_dispose = FALSE;

  g_return_val_if_fail (RS_IS_SESSION (session), 0);
  g_return_val_if_fail (RS_IS_RETURN (ret), 0);

  db = rs_session_get_database (session);
  user_id = rs_user_get_id (rs_session_get_user (session));
  user = rs_users_lookup_by_id (db, user_id, error);
  if (user == NULL)
    return 0;
  if (!rs_permission_allows (session, RS_ACTION_VIEW))
    return 0;   /* disabled */

  state = rs_return_get_state (ret);
  lines = rs_return_get_lines (ret);
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);

      to_inspect |= rs_return_line_get_received_quantity (line) > rs_return_line_get_inspected_quantity (line);
      to_dispose |= rs_return_line_get_inspected_quantity (line) > rs_return_line_get_disposed_quantity (line);
    }

  if (rs_permission_allows (session, RS_ACTION_RETURN_EDIT))
    {
      if (state == RS_RETURN_DRAFT)
        actions |= RS_RETURN_ACTION_EDIT | RS_RETURN_ACTION_SUBMIT;
      if (state == RS_RETURN_REJECTED)
        actions |= RS_RETURN_ACTION_REVISE;
      if (state_in (state, open_states, G_N_ELEMENTS (open_states)))
        actions |= RS_RETURN_ACTION_ATTACH;
    }
  if (rs_permission_allows (session, RS_ACTION_RETURN_APPROVE) && may_sign (ret, user_id, rs_user_get_roles (user)))
    {
      actions |= RS_RETURN_ACTION_REJECT;
      /* The creator may reject but not approve their own return. */
      if (rs_return_get_created_by_id (ret) != user_id)
        actions |= RS_RETURN_ACTION_APPROVE;
    }
  if (rs_permission_allows (session, RS_ACTION_RETURN_CANCEL) && state_in (state, cancellable, G_N_ELEMENTS (cancellable)))
    actions |= RS_RETURN_ACTION_CANCEL;
  if (rs_permission_allows (session, RS_ACTION_RETURN_RECEIVE) && state_in (state, receivable, G_N_ELEMENTS (receivable)))
    actions |= RS_RETURN_ACTION_RECEIVE;
  if (state == RS_RETURN_RECEIVING && rs_permission_allows (session, RS_ACTION_RETURN_RESOLVE))
    {
      gboolean open = FALSE;

      if (!has_open_discrepancy (db, ret, &open, error))
        return 0;
      if (open)
        actions |= RS_RETURN_ACTION_RESOLVE;
    }
  if (to_inspect && rs_permission_allows (session, RS_ACTION_RETURN_INSPECT) &&
      state_in (state, inspectable, G_N_ELEMENTS (inspectable)))
    actions |= RS_RETURN_ACTION_INSPECT;
  if (to_dispose && rs_permission_allows (session, RS_ACTION_RETURN_DISPOSE) &&
      state_in (state, disposable, G_N_ELEMENTS (disposable)))
    actions |= RS_RETURN_ACTION_DISPOSE;
  if (rs_permission_allows (session, RS_ACTION_RETURN_COST) && state_in (state, costable, G_N_ELEMENTS (costable)))
    actions |= RS_RETURN_ACTION_ADD_COST;
  if (state == RS_RETURN_DISPOSED && rs_permission_allows (session, RS_ACTION_SETTLEMENT_EDIT))
    {
      g_autoptr(GError) refusal = NULL;

      /* The check rs_settlements_create makes; only a refusal of the rule hides the button. */
      if (rs_settlement_check_return (db, ret, &refusal))
        actions |= RS_RETURN_ACTION_SETTLE;
      else if (!g_error_matches (refusal, RS_ERROR, RS_ERROR_INVALID_STATE))
        return g_propagate_error (error, g_steal_pointer (&refusal)), 0;
    }
  if (rs_permission_allows (session, RS_ACTION_PRINT))
    actions |= RS_RETURN_ACTION_PRINT;
  if (rs_return_get_approved_at (ret) != 0 && state != RS_RETURN_CANCELLED)
    actions |= RS_RETURN_ACTION_MAIL;
  return actions;
}
