/* rs-approval.c — the approval chain (master data) and signing it: approve and reject. */
#include "rs-approval.h"
#include "rs-return-private.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-money.h"
#include "rs-permission.h"
#include "rs-users.h"
#include "rs-validate.h"

GArray *
rs_approval_chain_get (RsDatabase *db, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GArray) levels = g_array_new (FALSE, TRUE, sizeof (RsApprovalLevel));
  GError *local_error = NULL;

  stmt = rs_database_prepare (db, "SELECT role, coalesce (min_amount, -1) FROM approval_level ORDER BY level", error);
  if (stmt == NULL)
    return NULL;
  while (rs_statement_step (stmt, &local_error))
    {
      RsApprovalLevel level = { rs_role_from_key (rs_statement_text (stmt, 0)), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (levels, level);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return g_steal_pointer (&levels);
}

JsonNode *
rs_approval_chain_to_json (GArray *levels)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "levels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < levels->len; i++)
    {
      const RsApprovalLevel *level = &g_array_index (levels, RsApprovalLevel, i);

      json_builder_begin_object (builder);
      rs_json_add_int (builder, "level", i + 1);
      rs_json_add_string (builder, "role", rs_role_get_key (level->role));
      if (level->min_amount >= 0)
        rs_json_add_money (builder, "min_amount", level->min_amount);
      else
        rs_json_add_string (builder, "min_amount", NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

gboolean
rs_approval_chain_set (RsSession *session, const RsApprovalLevel *levels, guint n_levels, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  RsRoles signers = rs_action_get_roles (RS_ACTION_RETURN_APPROVE);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) clear = NULL;
  g_autoptr(RsStatement) insert = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), FALSE);
  if (!rs_permission_check (session, RS_ACTION_SETTINGS_EDIT, error))
    return FALSE;
  if (n_levels == 0 || n_levels > RS_APPROVAL_MAX_LEVELS)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The approval chain has between 1 and %d levels."), RS_APPROVAL_MAX_LEVELS), FALSE;
  for (guint i = 0; i < n_levels; i++)
    {
      /* Only roles that may approve can sign a level: anything else would block every return. */
      if (rs_role_get_key (levels[i].role) == NULL || (levels[i].role & signers) != levels[i].role)
        {
          g_autofree char *allowed = rs_roles_to_keys (signers);
          return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                              _("Level %u: an approval level names one role that may approve returns: %s."),
                              i + 1, allowed), FALSE;
        }
      if (levels[i].min_amount > RS_MONEY_MAX)
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("Level %u: the amount is too large."), i + 1), FALSE;
    }

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  before = rs_approval_chain_get (db, error);
  if (before == NULL)
    return FALSE;
  clear = rs_database_prepare (db, "DELETE FROM approval_level", error);
  if (clear == NULL || !rs_statement_run (clear, error))
    return FALSE;
  insert = rs_database_prepare (db, "INSERT INTO approval_level (level, role, min_amount, created_at) "
                                    "VALUES (?, ?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < n_levels; i++)
    {
      sqlite3_bind_int (insert, 1, i + 1);
      sqlite3_bind_text (insert, 2, rs_role_get_key (levels[i].role), -1, SQLITE_STATIC);
      if (levels[i].min_amount >= 0)
        sqlite3_bind_int64 (insert, 3, levels[i].min_amount);
      else
        sqlite3_bind_null (insert, 3);
      sqlite3_bind_int64 (insert, 4, rs_clock_now ());
      if (!rs_statement_run (insert, error))
        return FALSE;
      sqlite3_reset (insert);
    }
  g_clear_pointer (&insert, rs_statement_release);

  after = rs_approval_chain_get (db, error);
  if (after == NULL)
    return FALSE;
  before_json = rs_approval_chain_to_json (before);
  after_json = rs_approval_chain_to_json (after);
  return rs_audit_record (session, "approval.chain", "approval_chain", "chain", before_json, after_json, error) &&
         rs_transaction_commit (tx, error);
}

gboolean
rs_approval_steps_copy (RsDatabase *db, gint64 return_id, guint round, gint64 refund_value, guint *n_steps,
                        GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  stmt = rs_database_prepare (db,
                              "INSERT INTO return_approval_step (return_id, round, level, role, min_amount) "
                              "SELECT ?1, ?2, row_number () OVER (ORDER BY level), role, min_amount "
                              "FROM approval_level WHERE min_amount IS NULL OR ?3 >= min_amount ORDER BY level", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, return_id);
  sqlite3_bind_int (stmt, 2, round);
  sqlite3_bind_int64 (stmt, 3, refund_value);
  if (!rs_statement_run (stmt, error))
    return FALSE;
  *n_steps = sqlite3_changes (rs_database_get_handle (db));
  return TRUE;
}

/* Who may sign the next level of `ret` now: a holder of its role (or an admin) who
 * neither created the return (when approving) nor signed a level of this round. */
static gboolean
check_signer (RsSession *session, RsReturn *ret, gboolean approving, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  gint64 user_id = rs_user_get_id (rs_session_get_user (session));
  g_autoptr(RsUser) user = rs_users_lookup_by_id (db, user_id, error);
  RsRoles role = rs_return_get_next_role (ret);
  guint level = rs_return_get_next_level (ret);
  GListModel *signatures = rs_return_get_signatures (ret);
  RsRoles roles;

  if (user == NULL)
    return FALSE;
  roles = rs_user_get_roles (user);

  if (!(roles & (role | RS_ROLE_ADMIN)))
    {
      /* Holding a later level's role is trying to skip ahead. */
      for (guint i = level; i < ret->steps->len; i++)
        if (roles & g_array_index (ret->steps, RsApprovalStep, i).role)
          return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                              _("%s waits for level %u (%s); levels are signed in order and none may be skipped."),
                              ret->number, level, rs_role_get_display_name (role)), FALSE;
      return g_set_error (error, RS_ERROR, RS_ERROR_PERMISSION,
                          _("Level %u of %s is signed by the role %s; you do not hold it."),
                          level, ret->number, rs_role_get_display_name (role)), FALSE;
    }
  if (approving && rs_return_get_created_by_id (ret) == user_id)
    return g_set_error (error, RS_ERROR, RS_ERROR_PERMISSION,
                        _("You created %s; someone else must approve it."), ret->number), FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (signatures); i++)
    {
      g_autoptr(RsReturnSignature) signature = g_list_model_get_item (signatures, i);

      if (signature->user_id == user_id)
        return g_set_error (error, RS_ERROR, RS_ERROR_PERMISSION,
                            _("You already signed level %u of %s; one person signs at most one level."),
                            signature->level, ret->number), FALSE;
    }
  return TRUE;
}

static gboolean
insert_signature (RsSession *session, RsReturn *ret, RsSignatureDecision decision, const char *comment,
                  GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;

  stmt = rs_database_prepare (db,
                              "INSERT INTO return_signature (return_id, round, level, role, user_id, decision, "
                              "                              comment, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ret->id);
  sqlite3_bind_int (stmt, 2, ret->round);
  sqlite3_bind_int (stmt, 3, rs_return_get_next_level (ret));
  sqlite3_bind_text (stmt, 4, rs_role_get_key (rs_return_get_next_role (ret)), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rs_user_get_id (rs_session_get_user (session)));
  sqlite3_bind_text (stmt, 6, rs_signature_decision_get_key (decision), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, comment != NULL ? comment : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, rs_clock_now ());
  return rs_statement_run (stmt, error);
}

/* Approve and reject alike: permission, state, signer, signature, transition. */
static RsReturn *
sign (RsSession *session, const char *number, RsSignatureDecision decision, const char *comment, GError **error)
{
  static const RsReturnState waiting[] = { RS_RETURN_SUBMITTED };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) after = NULL;
  gboolean approving = decision == RS_SIGNATURE_APPROVE;
  gboolean last;
  int to;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_APPROVE, error))
    return NULL;
  if (!rs_validate_text (comment, approving ? _("comment") : _("reason for rejecting"), RS_RETURN_MAX_TEXT_CHARS,
                         approving ? RS_TEXT_MULTILINE : RS_TEXT_MULTILINE | RS_TEXT_REQUIRED, error))
    return NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_return_load (db, number, error);
  if (before == NULL ||
      !rs_return_require_state (before, waiting, G_N_ELEMENTS (waiting), approving ? _("approve") : _("reject"), error))
    return NULL;
  if (rs_return_get_next_level (before) == 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("%s waits for no signature."), rs_return_get_number (before)), NULL;
  if (!check_signer (session, before, approving, error))
    return NULL;

  last = rs_return_get_next_level (before) == g_array_index (before->steps, RsApprovalStep, before->steps->len - 1).level;
  to = !approving ? RS_RETURN_REJECTED : last ? RS_RETURN_APPROVED : -1;
  if (!insert_signature (session, before, decision, comment, error))
    return NULL;
  after = rs_return_change (session, before, approving ? "return.approve" : "return.reject", to, comment, NULL, error);
  if (after == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}

RsReturn *
rs_returns_approve (RsSession *session, const char *number, const char *comment, GError **error)
{
  return sign (session, number, RS_SIGNATURE_APPROVE, comment, error);
}

RsReturn *
rs_returns_reject (RsSession *session, const char *number, const char *reason, GError **error)
{
  return sign (session, number, RS_SIGNATURE_REJECT, reason, error);
}
