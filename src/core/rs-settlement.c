/* rs-settlement.c — settlements: gather disposed returns, approve, and the returns are SETTLED. */
#include "rs-settlement.h"
#include "rs-return-cost.h"
#include "rs-return-stage-private.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-money.h"
#include "rs-number.h"
#include "rs-permission.h"
#include "rs-validate.h"

struct _RsSettlement
{
  GObject   parent_instance;
  gint64    id;
  char     *number;
  char     *period_from;
  char     *period_to;
  gboolean  approved;
  gint64    total;
  char     *remark;
  char     *created_by;
  gint64    created_at;
  char     *approved_by;
  gint64    approved_at;
  JsonNode *returns;   /* array */
  guint     n_returns;
};

G_DEFINE_FINAL_TYPE (RsSettlement, rs_settlement, G_TYPE_OBJECT)

static void
rs_settlement_finalize (GObject *object)
{
  RsSettlement *self = RS_SETTLEMENT (object);

  g_free (self->number);
  g_free (self->period_from);
  g_free (self->period_to);
  g_free (self->remark);
  g_free (self->created_by);
  g_free (self->approved_by);
  g_clear_pointer (&self->returns, json_node_unref);
  G_OBJECT_CLASS (rs_settlement_parent_class)->finalize (object);
}

static void
rs_settlement_class_init (RsSettlementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rs_settlement_finalize;
}

static void
rs_settlement_init (RsSettlement *self)
{
}

const char *rs_settlement_get_number (RsSettlement *self) { return self->number; }
const char *rs_settlement_get_period_from (RsSettlement *self) { return self->period_from; }
const char *rs_settlement_get_period_to (RsSettlement *self) { return self->period_to; }
gboolean rs_settlement_get_approved (RsSettlement *self) { return self->approved; }
gint64 rs_settlement_get_total (RsSettlement *self) { return self->total; }
guint rs_settlement_get_n_returns (RsSettlement *self) { return self->n_returns; }

static void
add_signed_money (JsonBuilder *builder, const char *member, gint64 fen)
{
  g_autofree char *text = rs_money_to_decimal (fen);
  rs_json_add_string (builder, member, text);
}

JsonNode *
rs_settlement_to_json (RsSettlement *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  rs_json_add_string (builder, "number", self->number);
  rs_json_add_string (builder, "from", self->period_from);
  rs_json_add_string (builder, "to", self->period_to);
  rs_json_add_string (builder, "state", self->approved ? "approved" : "draft");
  add_signed_money (builder, "total", self->total);
  rs_json_add_string (builder, "remark", self->remark);
  rs_json_add_string (builder, "created_by", self->created_by);
  rs_stage_json_add_time (builder, "created_at", self->created_at);
  rs_json_add_string (builder, "approved_by", self->approved_by);
  rs_stage_json_add_time (builder, "approved_at", self->approved_at);
  json_builder_set_member_name (builder, "returns");
  json_builder_add_value (builder, json_node_copy (self->returns));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- reading ---------------------------------------------------------------- */

#define SETTLEMENT_SELECT \
  "SELECT s.id, s.number, s.period_from, s.period_to, s.state, s.total, s.remark, cu.name, s.created_at, " \
  "       au.name, s.approved_at " \
  "FROM settlement s JOIN user cu ON cu.id = s.created_by LEFT JOIN user au ON au.id = s.approved_by "

static RsSettlement *
from_row (RsStatement *stmt)
{
  RsSettlement *self = g_object_new (RS_TYPE_SETTLEMENT, NULL);

  self->id = sqlite3_column_int64 (stmt, 0);
  self->number = g_strdup (rs_statement_text (stmt, 1));
  self->period_from = g_strdup (rs_statement_text (stmt, 2));
  self->period_to = g_strdup (rs_statement_text (stmt, 3));
  self->approved = g_str_equal (rs_statement_text (stmt, 4), "approved");
  self->total = sqlite3_column_int64 (stmt, 5);
  self->remark = g_strdup (rs_statement_text (stmt, 6));
  self->created_by = g_strdup (rs_statement_text (stmt, 7));
  self->created_at = sqlite3_column_int64 (stmt, 8);
  self->approved_by = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  self->approved_at = sqlite3_column_int64 (stmt, 10);
  return self;
}

static gboolean
load_returns (RsDatabase *db, RsSettlement *self, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT r.number, c.code, c.name, r.state, x.total "
                              "FROM settlement_return x JOIN customer_return r ON r.id = x.return_id "
                              "JOIN customer c ON c.id = r.customer_id WHERE x.settlement_id = ? ORDER BY r.number", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->id);
  self->n_returns = 0;
  json_builder_begin_array (builder);
  while (rs_statement_step (stmt, &local_error))
    {
      self->n_returns++;
      json_builder_begin_object (builder);
      rs_json_add_string (builder, "number", rs_statement_text (stmt, 0));
      rs_json_add_string (builder, "customer", rs_statement_text (stmt, 1));
      rs_json_add_string (builder, "customer_name", rs_statement_text (stmt, 2));
      rs_json_add_string (builder, "state", rs_statement_text (stmt, 3));
      add_signed_money (builder, "total", sqlite3_column_int64 (stmt, 4));
      json_builder_end_object (builder);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  json_builder_end_array (builder);
  g_clear_pointer (&self->returns, json_node_unref);
  self->returns = json_builder_get_root (builder);
  return TRUE;
}

static RsSettlement *
load_settlement (RsDatabase *db, const char *number, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsSettlement) self = NULL;
  GError *local_error = NULL;

  if (number == NULL || *number == '\0')
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("Give the number of a settlement (BZ…).")), NULL;
  stmt = rs_database_prepare (db, SETTLEMENT_SELECT "WHERE s.number = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no settlement numbered “%s”."), number);
      return g_propagate_error (error, local_error), NULL;
    }
  self = from_row (stmt);
  g_clear_pointer (&stmt, rs_statement_release);
  if (!load_returns (db, self, error))
    return NULL;
  return g_steal_pointer (&self);
}

RsSettlement *
rs_settlements_lookup (RsSession *session, const char *number, GError **error)
{
  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  return load_settlement (rs_session_get_database (session), number, error);
}

GListModel *
rs_settlements_list (RsSession *session, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GListStore) store = g_list_store_new (RS_TYPE_SETTLEMENT);
  GError *local_error = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  stmt = rs_database_prepare (db, SETTLEMENT_SELECT "ORDER BY s.id DESC", error);
  if (stmt == NULL)
    return NULL;
  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsSettlement) settlement = from_row (stmt);
      g_list_store_append (store, settlement);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  g_clear_pointer (&stmt, rs_statement_release);
  /* Their returns are counted, and listed, as in a lookup. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(RsSettlement) settlement = g_list_model_get_item (G_LIST_MODEL (store), i);
      if (!load_returns (db, settlement, error))
        return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

JsonNode *
rs_settlement_describe_return (RsDatabase *db, RsReturn *ret, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GError *local_error = NULL;

  stmt = rs_database_prepare (db,
                              "SELECT s.number, s.state, x.total FROM settlement_return x "
                              "JOIN settlement s ON s.id = x.settlement_id WHERE x.return_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_return_get_id (ret));
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        return g_propagate_error (error, local_error), NULL;
      return json_node_new (JSON_NODE_NULL);
    }
  json_builder_begin_object (builder);
  rs_json_add_string (builder, "number", rs_statement_text (stmt, 0));
  rs_json_add_string (builder, "state", rs_statement_text (stmt, 1));
  add_signed_money (builder, "total", sqlite3_column_int64 (stmt, 2));
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- creating ------------------------------------------------------------------ */

gboolean
rs_settlement_check_return (RsDatabase *db, RsReturn *ret, GError **error)
{
  static const RsReturnState disposed[] = { RS_RETURN_DISPOSED };
  g_autoptr(RsStatement) taken = NULL;
  GError *local_error = NULL;

  if (!rs_return_require_state (ret, disposed, G_N_ELEMENTS (disposed), _("settle"), error))
    return FALSE;
  taken = rs_database_prepare (db,
                               "SELECT s.number FROM settlement_return x JOIN settlement s ON s.id = x.settlement_id "
                               "WHERE x.return_id = ?", error);
  if (taken == NULL)
    return FALSE;
  sqlite3_bind_int64 (taken, 1, rs_return_get_id (ret));
  if (rs_statement_step (taken, &local_error))
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE, _("%s is already in the settlement %s."),
                        rs_return_get_number (ret), rs_statement_text (taken, 0)), FALSE;
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

/* The returns of the period, or the ones named, each checked DISPOSED and not yet gathered. */
static GArray *
gather (RsDatabase *db, const char *from, const char *to, const char * const *numbers, GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  if (numbers == NULL)
    {
      stmt = rs_database_prepare (db,
                                  "SELECT r.id FROM customer_return r WHERE r.state = 'disposed' "
                                  "  AND date (r.disposed_at / 1000000, 'unixepoch', 'localtime') BETWEEN ? AND ? "
                                  "  AND NOT EXISTS (SELECT 1 FROM settlement_return x WHERE x.return_id = r.id) "
                                  "ORDER BY r.id", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
      while (rs_statement_step (stmt, &local_error))
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      if (local_error != NULL)
        return g_propagate_error (error, local_error), NULL;
      if (ids->len == 0)
        return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                            _("No disposed return waits for settlement between %s and %s."), from, to), NULL;
      return g_steal_pointer (&ids);
    }

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autoptr(RsReturn) ret = rs_return_load (db, numbers[i], error);
      gint64 id;

      if (ret == NULL || !rs_settlement_check_return (db, ret, error))
        return NULL;
      id = rs_return_get_id (ret);
      for (guint j = 0; j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == id)
          return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION, _("%s is named twice."), numbers[i]), NULL;
      g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION, _("Name at least one return to settle.")), NULL;
  return g_steal_pointer (&ids);
}

/* Writes each return's cost total now and the sum on the settlement. */
static gboolean
write_totals (RsDatabase *db, gint64 settlement_id, GArray *ids, gboolean insert, GError **error)
{
  gint64 sum = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RsStatement) stmt = NULL;
      gint64 id = g_array_index (ids, gint64, i), total = 0;

      if (!rs_return_cost_total (db, id, &total, error))
        return FALSE;
      sum += total;
      stmt = rs_database_prepare (db, insert
                                  ? "INSERT INTO settlement_return (settlement_id, return_id, total) VALUES (?1, ?2, ?3)"
                                  : "UPDATE settlement_return SET total = ?3 WHERE settlement_id = ?1 AND return_id = ?2",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, settlement_id);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int64 (stmt, 3, total);
      if (!rs_statement_run (stmt, error))
        return FALSE;
    }
  {
    g_autoptr(RsStatement) stmt = rs_database_prepare (db, "UPDATE settlement SET total = ? WHERE id = ?", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, sum);
    sqlite3_bind_int64 (stmt, 2, settlement_id);
    return rs_statement_run (stmt, error);
  }
}

RsSettlement *
rs_settlements_create (RsSession *session, const char *from, const char *to, const char * const *returns,
                       const char *remark, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsSettlement) settlement = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_autofree char *number = NULL;
  gint64 id, now = rs_clock_now ();

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_SETTLEMENT_EDIT, error) ||
      !rs_return_check_date (from, _("start of the period"), error) ||
      !rs_return_check_date (to, _("end of the period"), error) ||
      !rs_validate_text (remark, _("remark"), RS_RETURN_MAX_TEXT_CHARS, RS_TEXT_MULTILINE, error))
    return NULL;
  if (g_strcmp0 (from, to) > 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The period starts (%s) after it ends (%s)."), from, to), NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  ids = gather (db, from, to, returns, error);
  if (ids == NULL)
    return NULL;

  number = rs_number_next (db, RS_NUMBER_PREFIX_SETTLEMENT, now, error);
  if (number == NULL)
    return NULL;
  stmt = rs_database_prepare (db,
                              "INSERT INTO settlement (number, period_from, period_to, remark, created_by, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, remark != NULL ? remark : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, rs_user_get_id (rs_session_get_user (session)));
  sqlite3_bind_int64 (stmt, 6, now);
  if (!rs_statement_run (stmt, error))
    return NULL;
  id = rs_database_last_insert_id (db);
  if (!write_totals (db, id, ids, TRUE, error))
    return NULL;

  settlement = load_settlement (db, number, error);
  if (settlement == NULL)
    return NULL;
  after = rs_settlement_to_json (settlement);
  if (!rs_audit_record (session, "settlement.new", "settlement", number, NULL, after, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&settlement);
}

RsSettlement *
rs_settlements_approve (RsSession *session, const char *number, GError **error)
{
  static const RsReturnState disposed[] = { RS_RETURN_DISPOSED };
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsSettlement) before = NULL;
  g_autoptr(RsSettlement) after = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_SETTLEMENT_APPROVE, error))
    return NULL;
  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = load_settlement (db, number, error);
  if (before == NULL)
    return NULL;
  if (before->approved)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("The settlement %s is already approved."), before->number), NULL;

  stmt = rs_database_prepare (db, "SELECT return_id FROM settlement_return WHERE settlement_id = ? ORDER BY return_id",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, before->id);
  while (rs_statement_step (stmt, &local_error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  /* Costs recorded since the draft count: the totals are taken again. */
  if (!write_totals (db, before->id, ids, FALSE, error))
    return NULL;
  stmt = rs_database_prepare (db, "UPDATE settlement SET state = 'approved', approved_by = ?, approved_at = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rs_user_get_id (rs_session_get_user (session)));
  sqlite3_bind_int64 (stmt, 2, rs_clock_now ());
  sqlite3_bind_int64 (stmt, 3, before->id);
  if (!rs_statement_run (stmt, error))
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RsReturn) ret = rs_return_load_by_id (db, g_array_index (ids, gint64, i), error);
      g_autoptr(RsReturn) settled = NULL;

      if (ret == NULL || !rs_return_require_state (ret, disposed, G_N_ELEMENTS (disposed), _("settle"), error))
        return NULL;
      settled = rs_return_change (session, ret, "return.settle", RS_RETURN_SETTLED, NULL, before->number, error);
      if (settled == NULL)
        return NULL;
    }

  after = load_settlement (db, number, error);
  if (after == NULL)
    return NULL;
  before_json = rs_settlement_to_json (before);
  after_json = rs_settlement_to_json (after);
  if (!rs_audit_record (session, "settlement.approve", "settlement", number, before_json, after_json, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&after);
}
