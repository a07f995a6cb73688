/* rs-return-flow.c — submit, revise and cancel: the moves around approval. */
#include "rs-approval.h"
#include "rs-return-private.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-permission.h"
#include "rs-validate.h"

/* Permission, comment, transaction and state: what every move checks first. */
static RsReturn *
begin_move (RsSession *session, RsAction action, const char *number, const char *comment,
            const RsReturnState *allowed, guint n_allowed, const char *what, RsTransaction **tx, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsReturn) before = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, action, error) ||
      !rs_validate_text (comment, _("comment"), RS_RETURN_MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error))
    return NULL;
  *tx = rs_transaction_begin (db, error);
  if (*tx == NULL)
    return NULL;
  before = rs_return_load (db, number, error);
  if (before == NULL || !rs_return_require_state (before, allowed, n_allowed, what, error))
    return NULL;
  return g_steal_pointer (&before);
}

RsReturn *
rs_returns_submit (RsSession *session, const char *number, const char *comment, GError **error)
{
  static const RsReturnState drafts[] = { RS_RETURN_DRAFT };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) submitted = NULL;
  g_autoptr(RsReturn) approved = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  guint round, n_steps = 0;

  before = begin_move (session, RS_ACTION_RETURN_EDIT, number, comment, drafts, G_N_ELEMENTS (drafts),
                       _("submit"), &tx, error);
  if (before == NULL)
    return NULL;
  /* Other returns against the slip may have been taken in since this one was written. */
  if (before->sale_slip_id != 0 && !rs_return_sale_check (db, before->id, before->sale_slip_id, error))
    return NULL;

  round = before->round + 1;
  stmt = rs_database_prepare (db, "UPDATE customer_return SET round = ? WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, round);
  sqlite3_bind_int64 (stmt, 2, before->id);
  if (!rs_statement_run (stmt, error) ||
      !rs_approval_steps_copy (db, before->id, round, before->refund_value, &n_steps, error))
    return NULL;

  submitted = rs_return_change (session, before, "return.submit", RS_RETURN_SUBMITTED, comment, NULL, error);
  if (submitted == NULL)
    return NULL;
  if (n_steps == 0)
    {
      /* No level applies to this amount: nobody has to sign. */
      approved = rs_return_change (session, submitted, "return.approve", RS_RETURN_APPROVED,
                                   _("No approval level applies to this amount."), NULL, error);
      if (approved == NULL)
        return NULL;
      g_set_object (&submitted, approved);
    }
  if (!rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&submitted);
}

RsReturn *
rs_returns_revise (RsSession *session, const char *number, const char *comment, GError **error)
{
  static const RsReturnState rejected[] = { RS_RETURN_REJECTED };
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) after = NULL;

  before = begin_move (session, RS_ACTION_RETURN_EDIT, number, comment, rejected, G_N_ELEMENTS (rejected),
                       _("revise"), &tx, error);
  if (before == NULL)
    return NULL;
  after = rs_return_change (session, before, "return.revise", RS_RETURN_DRAFT, comment, NULL, error);
  if (after == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}

RsReturn *
rs_returns_cancel (RsSession *session, const char *number, const char *reason, GError **error)
{
  static const RsReturnState cancellable[] = {
    RS_RETURN_DRAFT, RS_RETURN_SUBMITTED, RS_RETURN_REJECTED, RS_RETURN_APPROVED,
  };
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) after = NULL;

  before = begin_move (session, RS_ACTION_RETURN_CANCEL, number, reason, cancellable,
                       G_N_ELEMENTS (cancellable), _("cancel"), &tx, error);
  if (before == NULL)
    return NULL;
  after = rs_return_change (session, before, "return.cancel", RS_RETURN_CANCELLED, reason, NULL, error);
  if (after == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}
