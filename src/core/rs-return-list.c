/* rs-return-list.c — the list of returns (DESIGN §5): filters, search and order in SQL,
 * read a page at a time by RsPagedModel.
 *
 * The SQL is put together from the constant fragments below, chosen by which filters are
 * set (a fragment left out costs nothing and lets SQLite use the index of the rest); every
 * value is a bound parameter, and the order comes from RsReturnSort, never from text.
 */
#include "rs-returns.h"
#include "rs-clock.h"
#include "rs-list-index-private.h"
#include "rs-paged-model.h"
#include "rs-permission.h"
#include "rs-return-private.h"
#include "rs-time-check.h"
#include "rs-users.h"

#define FLAGGED \
  "(EXISTS (SELECT 1 FROM return_flag f WHERE f.return_id = r.id) " \
  " OR " RS_TIME_CHECK_RECEIVING_LATE " OR " RS_TIME_CHECK_INSPECTION_LATE ")"

/* A deadline passed and its step not done yet: a pending flag. */
#define OVERDUE \
  "(" RS_TIME_CHECK_RECEIVING_LATE " OR " RS_TIME_CHECK_INSPECTION_LATE ")"

/* As many flags as rs_return_get_flags() shows: recorded ones, a late step still pending
 * counting once. */
#define FLAG_COUNT \
  "((SELECT count (*) FROM return_flag f WHERE f.return_id = r.id " \
  "   AND NOT (f.kind = 'receiving-deadline' AND " RS_TIME_CHECK_RECEIVING_LATE ") " \
  "   AND NOT (f.kind = 'inspection-deadline' AND " RS_TIME_CHECK_INSPECTION_LATE ")) " \
  " + " RS_TIME_CHECK_RECEIVING_LATE " + " RS_TIME_CHECK_INSPECTION_LATE ")"

/* rs_return_get_age() in SQL. */
#define AGE \
  "(CASE r.state WHEN 'settled' THEN r.settled_at WHEN 'cancelled' THEN r.closed_at ELSE :now END - r.created_at)"

#define SEARCH_FTS \
  "(r.id IN (SELECT rowid FROM return_fts WHERE return_fts MATCH :fts) " \
  " OR r.customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH :fts) " \
  " OR r.id IN (SELECT l.return_id FROM return_line l WHERE l.product_id IN " \
  "             (SELECT rowid FROM product_fts WHERE product_fts MATCH :fts)))"

/* The same columns as the search indexes hold, each read through an index of its own (the
 * number's, the order reference's, …), not by reading every return. */
#define SEARCH_LIKE \
  "(r.id IN (SELECT id FROM customer_return WHERE number LIKE :like ESCAPE '\\') " \
  " OR r.id IN (SELECT id FROM customer_return WHERE order_ref LIKE :like ESCAPE '\\') " \
  " OR r.customer_id IN (SELECT id FROM customer WHERE code LIKE :like ESCAPE '\\' OR name LIKE :like ESCAPE '\\' " \
  "                      OR contact LIKE :like ESCAPE '\\' OR phone LIKE :like ESCAPE '\\') " \
  " OR r.id IN (SELECT l.return_id FROM return_line l WHERE l.product_id IN " \
  "             (SELECT id FROM product WHERE sku LIKE :like ESCAPE '\\' OR name LIKE :like ESCAPE '\\' " \
  "              OR spec LIKE :like ESCAPE '\\' OR barcode LIKE :like ESCAPE '\\')))"

/* Waiting for the user: a state their roles act on (:waiting_states); a submitted return
 * only when the level due names one of :signing_roles and the user neither created it nor
 * signed a level of this round; a return being received only for those who receive or
 * inspect (:goods), or resolve an open discrepancy. */
#define WAITING \
  "r.state IN (SELECT value FROM json_each (:waiting_states)) " \
  "AND (r.state <> 'submitted' OR (r.created_by <> :me " \
  "     AND NOT EXISTS (SELECT 1 FROM return_signature sg " \
  "                     WHERE sg.return_id = r.id AND sg.round = r.round AND sg.user_id = :me) " \
  "     AND (SELECT st.role FROM return_approval_step st WHERE st.return_id = r.id AND st.round = r.round " \
  "            AND NOT EXISTS (SELECT 1 FROM return_signature sg " \
  "                            WHERE sg.return_id = r.id AND sg.round = r.round AND sg.level = st.level) " \
  "          ORDER BY st.level LIMIT 1) IN (SELECT value FROM json_each (:signing_roles)))) " \
  "AND (r.state <> 'receiving' OR :goods " \
  "     OR EXISTS (SELECT 1 FROM return_discrepancy d WHERE d.return_id = r.id AND d.state = 'open'))"

#define STATE_ORDER \
  "CASE r.state WHEN 'draft' THEN 0 WHEN 'submitted' THEN 1 WHEN 'approved' THEN 2 WHEN 'receiving' THEN 3 " \
  "  WHEN 'received' THEN 4 WHEN 'inspected' THEN 5 WHEN 'disposed' THEN 6 WHEN 'settled' THEN 7 " \
  "  WHEN 'rejected' THEN 8 ELSE 9 END"

static const struct {
  RsReturnSort sort;
  const char  *join;    /* what the order needs beside customer_return r */
  const char  *order;   /* "@": the direction */
} sorts[] = {
  { RS_RETURN_SORT_CREATED, NULL, "r.id @" },
  { RS_RETURN_SORT_NUMBER, NULL, "r.number @, r.id @" },
  { RS_RETURN_SORT_CUSTOMER, " JOIN customer c ON c.id = r.customer_id", "c.name @, r.id @" },
  { RS_RETURN_SORT_REASON, " JOIN reason re ON re.id = r.reason_id", "re.position @, re.code @, r.id @" },
  { RS_RETURN_SORT_STATE, NULL, STATE_ORDER " @, r.id @" },
  { RS_RETURN_SORT_AMOUNT, NULL, "r.refund_value @, r.id @" },
  { RS_RETURN_SORT_AGE, NULL, AGE " @, r.id @" },
  { RS_RETURN_SORT_FLAGS, NULL, FLAG_COUNT " @, r.id @" },
};

/* What the model binds on each statement: the filter's values. */
typedef struct
{
  RsDatabase   *database;
  char         *state;
  char         *customer;
  RsListSearch *search;
  gint64        now;
  gint64        me;
  char         *waiting_states;   /* JSON arrays */
  char         *signing_roles;
  gboolean      goods;
  gboolean      acts[RS_RETURN_N_STATES];   /* the states in waiting_states */
} Binding;

static void
binding_free (Binding *binding)
{
  g_clear_object (&binding->database);
  g_free (binding->state);
  g_free (binding->customer);
  rs_list_search_free (binding->search);
  g_free (binding->waiting_states);
  g_free (binding->signing_roles);
  g_free (binding);
}

static gboolean
bind (RsStatement *stmt, gpointer user_data, GError **error)
{
  Binding *binding = user_data;

  rs_paged_bind_text (stmt, ":state", binding->state);
  rs_paged_bind_text (stmt, ":customer", binding->customer);
  rs_list_search_bind (binding->search, stmt);
  rs_paged_bind_int64 (stmt, ":now", binding->now);
  rs_paged_bind_int64 (stmt, ":me", binding->me);
  rs_paged_bind_text (stmt, ":waiting_states", binding->waiting_states);
  rs_paged_bind_text (stmt, ":signing_roles", binding->signing_roles);
  rs_paged_bind_int64 (stmt, ":goods", binding->goods);
  /* The time checks' ?101…?103, where the statement has them. */
  if (sqlite3_bind_parameter_index (stmt, "?101") > 0)
    return rs_time_check_bind (binding->database, stmt, error);
  return TRUE;
}

static GObject *
return_from_row (RsStatement *stmt, gpointer user_data, GError **error)
{
  Binding *binding = user_data;
  g_autoptr(RsReturn) ret = rs_return_from_row (stmt);

  if (!rs_return_load_details (binding->database, ret, error))
    return NULL;
  return G_OBJECT (g_steal_pointer (&ret));
}

static char *
json_array (GStrvBuilder *builder)
{
  g_auto(GStrv) values = g_strv_builder_end (builder);
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; values[i] != NULL; i++)
    g_string_append_printf (json, "%s\"%s\"", i > 0 ? "," : "", values[i]);   /* keys: plain ASCII */
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* The states whose next step the user's roles may take, from the permission table. */
static gboolean
bind_waiting (RsSession *session, Binding *binding, GError **error)
{
  g_autoptr(RsUser) user = rs_users_lookup_by_id (binding->database, rs_user_get_id (rs_session_get_user (session)),
                                                  error);
  g_autoptr(GStrvBuilder) states = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();
  RsRoles held;

  if (user == NULL)
    return FALSE;
  held = rs_user_get_roles (user);
#define MAY(action) ((held & rs_action_get_roles (action)) != 0)
  if (MAY (RS_ACTION_RETURN_EDIT))
    {
      g_strv_builder_add (states, "draft");
      g_strv_builder_add (states, "rejected");
    }
  if (MAY (RS_ACTION_RETURN_APPROVE))
    g_strv_builder_add (states, "submitted");
  if (MAY (RS_ACTION_RETURN_RECEIVE))
    g_strv_builder_add (states, "approved");
  binding->goods = MAY (RS_ACTION_RETURN_RECEIVE) || MAY (RS_ACTION_RETURN_INSPECT);
  if (binding->goods || MAY (RS_ACTION_RETURN_RESOLVE))
    g_strv_builder_add (states, "receiving");
  if (MAY (RS_ACTION_RETURN_INSPECT))
    g_strv_builder_add (states, "received");
  if (MAY (RS_ACTION_RETURN_DISPOSE))
    g_strv_builder_add (states, "inspected");
  if (MAY (RS_ACTION_SETTLEMENT_EDIT))
    g_strv_builder_add (states, "disposed");
#undef MAY

  /* An administrator signs any level (rs-approval.c). */
  for (guint role = 1; role < RS_ROLE_VIEWER; role <<= 1)
    if (held & (role | RS_ROLE_ADMIN))
      g_strv_builder_add (roles, rs_role_get_key (role));

  binding->me = rs_user_get_id (user);
  {
    g_auto(GStrv) keys = g_strv_builder_end (states);

    for (guint i = 0; keys[i] != NULL; i++)
      {
        RsReturnState state;

        if (rs_return_state_parse (keys[i], &state, NULL))
          binding->acts[state] = TRUE;
        g_strv_builder_add (states, keys[i]);
      }
  }
  binding->waiting_states = json_array (states);
  binding->signing_roles = json_array (roles);
  return TRUE;
}

GListModel *
rs_returns_list (RsSession *session, const RsReturnFilter *filter, GError **error)
{
  static const RsReturnFilter all = { .state = -1 };
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  g_autoptr(GString) from = g_string_new ("customer_return r");
  g_autofree char *order = NULL;
  g_autofree char *where = NULL;
  Binding *binding;
  RsPagedQuery query = {
    .item_type = RS_TYPE_RETURN,
    .key = "r.id",
    .rows = RS_RETURN_SELECT "JOIN json_each (:keys) AS k ON k.value = r.id ORDER BY k.key",
    .version_column = 22,   /* updated_at: every change to a return stamps it */
    .make_item = return_from_row,
    .bind = bind,
    .destroy = (GDestroyNotify) binding_free,
  };

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (filter == NULL)
    filter = &all;
  g_return_val_if_fail (filter->sort < G_N_ELEMENTS (sorts), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;

  binding = g_new0 (Binding, 1);
  binding->database = g_object_ref (rs_session_get_database (session));
  query.user_data = binding;
  if (!rs_list_search_parse (filter->search, &binding->search, error) ||
      (filter->waiting && !bind_waiting (session, binding, error)))
    return binding_free (binding), NULL;
  binding->now = rs_clock_now ();

  if (filter->state >= 0)
    {
      binding->state = g_strdup (rs_return_state_get_key (filter->state));
      g_ptr_array_add (conditions, "r.state = :state");
    }
  if (filter->customer != NULL)
    {
      binding->customer = g_strdup (filter->customer);
      g_ptr_array_add (conditions, "r.customer_id = (SELECT id FROM customer WHERE code = :customer)");
    }
  if (filter->flagged)
    g_ptr_array_add (conditions, FLAGGED);
  if (binding->search != NULL)
    g_ptr_array_add (conditions, binding->search->fts != NULL ? SEARCH_FTS : SEARCH_LIKE);
  if (filter->waiting)
    g_ptr_array_add (conditions, WAITING);
  if (filter->overdue)
    g_ptr_array_add (conditions, OVERDUE);
  where = rs_list_where (conditions);

  if (sorts[filter->sort].join != NULL)
    g_string_append (from, sorts[filter->sort].join);
  order = rs_list_order (sorts[filter->sort].order, filter->ascending);

  query.from = from->str;
  query.where = where;
  query.order = order;
  query.limit = filter->limit;
  return G_LIST_MODEL (rs_paged_model_new (rs_session_get_database (session), &query, error));
}

gboolean
rs_returns_count_waiting (RsSession *session, RsReturnCounts *counts, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  Binding *binding;
  GError *local_error = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  memset (counts, 0, sizeof *counts);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return FALSE;

  binding = g_new0 (Binding, 1);
  binding->database = g_object_ref (rs_session_get_database (session));
  binding->now = rs_clock_now ();
  stmt = rs_database_prepare (binding->database,
                              "SELECT r.state, count (*), sum (" OVERDUE ") "
                              "FROM customer_return r WHERE " WAITING " GROUP BY r.state", error);
  if (stmt == NULL || !bind_waiting (session, binding, error) || !bind (stmt, binding, error))
    return binding_free (binding), FALSE;
  memcpy (counts->acts, binding->acts, sizeof counts->acts);
  while (rs_statement_step (stmt, &local_error))
    {
      RsReturnState state;

      if (rs_return_state_parse (rs_statement_text (stmt, 0), &state, NULL))
        {
          counts->waiting[state] = sqlite3_column_int (stmt, 1);
          counts->overdue[state] = sqlite3_column_int (stmt, 2);
        }
    }
  binding_free (binding);
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}
