/* rs-return-cost.c — cost lines of a return and their total. */
#include "rs-return-cost.h"
#include "rs-return-private.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-money.h"
#include "rs-permission.h"
#include "rs-validate.h"

static const struct {
  const char *key;
  const char *name;
} kinds[] = {
  [RS_COST_REFUND] = { "refund", N_("Refund") },
  [RS_COST_FREIGHT] = { "freight", N_("Freight") },
  [RS_COST_HANDLING] = { "handling", N_("Handling") },
  [RS_COST_REPAIR] = { "repair", N_("Repair cost") },
  [RS_COST_VENDOR_CREDIT] = { "vendor-credit", N_("Vendor credit") },
  [RS_COST_SCRAP_LOSS] = { "scrap-loss", N_("Scrap loss") },
};

const char *
rs_cost_kind_get_key (RsCostKind kind)
{
  g_return_val_if_fail (kind <= RS_COST_SCRAP_LOSS, NULL);
  return kinds[kind].key;
}

const char *
rs_cost_kind_get_display_name (RsCostKind kind)
{
  g_return_val_if_fail (kind <= RS_COST_SCRAP_LOSS, NULL);
  return _(kinds[kind].name);
}

gboolean
rs_cost_kind_parse (const char *key, RsCostKind *kind, GError **error)
{
  for (guint i = 0; i < RS_COST_SCRAP_LOSS; i++)
    if (g_strcmp0 (key, kinds[i].key) == 0)
      {
        *kind = i;
        return TRUE;
      }
  if (g_strcmp0 (key, kinds[RS_COST_SCRAP_LOSS].key) == 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("The scrap loss is computed when goods are scrapped; it is not typed.")), FALSE;
  return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                      _("“%s” is no kind of cost: use refund, freight, handling, repair or vendor-credit."),
                      key != NULL ? key : ""), FALSE;
}

gboolean
rs_return_cost_total (RsDatabase *db, gint64 return_id, gint64 *total, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT coalesce (sum (CASE kind WHEN 'vendor-credit' THEN -amount ELSE amount END), 0) "
                              "FROM return_cost WHERE return_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, return_id);
  if (!rs_statement_step (stmt, error))
    return FALSE;
  *total = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

RsReturn *
rs_returns_add_cost (RsSession *session, const char *number, RsCostKind kind, gint64 amount, const char *remark,
                     GError **error)
{
  static const RsReturnState costable[] = {
    RS_RETURN_APPROVED, RS_RETURN_RECEIVING, RS_RETURN_RECEIVED, RS_RETURN_INSPECTED, RS_RETURN_DISPOSED,
  };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) before = NULL;
  g_autoptr(RsReturn) after = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *comment = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind <= RS_COST_SCRAP_LOSS, NULL);
  if (!rs_permission_check (session, RS_ACTION_RETURN_COST, error) ||
      !rs_validate_text (remark, _("remark"), RS_RETURN_MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error))
    return NULL;
  if (kind == RS_COST_SCRAP_LOSS)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("The scrap loss is computed when goods are scrapped; it is not typed.")), NULL;
  if (amount <= 0 || amount > RS_MONEY_MAX)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("A cost is an amount more than zero; vendor credit is its own kind.")), NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_return_load (db, number, error);
  if (before == NULL ||
      !rs_return_require_state (before, costable, G_N_ELEMENTS (costable), _("record costs of"), error))
    return NULL;

  stmt = rs_database_prepare (db,
                              "INSERT INTO return_cost (return_id, kind, amount, remark, created_by, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (before));
  sqlite3_bind_text (stmt, 2, rs_cost_kind_get_key (kind), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, amount);
  sqlite3_bind_text (stmt, 4, remark != NULL ? remark : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rs_user_get_id (rs_session_get_user (session)));
  sqlite3_bind_int64 (stmt, 6, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;

  text = rs_money_format (amount);
  /* TRANSLATORS: a timeline entry: "Freight ¥12.00" */
  comment = g_strdup_printf (_("%s ¥%s"), rs_cost_kind_get_display_name (kind), text);
  after = rs_return_change (session, before, "return.cost", -1, comment, NULL, error);
  if (after == NULL || !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}
