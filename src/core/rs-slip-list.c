/* rs-slip-list.c — the list of slips (DESIGN §5): filters, search and order in SQL, read a
 * page at a time by RsPagedModel. As in rs-return-list.c, the SQL is made of the constant
 * fragments below chosen by which filters are set; values are bound, the order is an enum.
 */
#include "rs-slips.h"
#include "rs-i18n.h"
#include "rs-list-index-private.h"
#include "rs-paged-model.h"
#include "rs-permission.h"
#include "rs-return-private.h"
#include "rs-slip-private.h"

#define SEARCH_FTS \
  "(s.id IN (SELECT rowid FROM slip_fts WHERE slip_fts MATCH :fts) " \
  " OR s.customer_id IN (SELECT rowid FROM customer_fts WHERE customer_fts MATCH :fts) " \
  " OR s.supplier_id IN (SELECT rowid FROM supplier_fts WHERE supplier_fts MATCH :fts) " \
  " OR s.id IN (SELECT l.slip_id FROM slip_line l WHERE l.product_id IN " \
  "             (SELECT rowid FROM product_fts WHERE product_fts MATCH :fts)))"

/* The same columns as the search indexes hold, each read through an index (the number's) or
 * in a small table, not by reading every slip. */
#define PARTNER_LIKE(table) \
  "(SELECT id FROM " table " WHERE code LIKE :like ESCAPE '\\' OR name LIKE :like ESCAPE '\\' " \
  " OR contact LIKE :like ESCAPE '\\' OR phone LIKE :like ESCAPE '\\')"
#define SEARCH_LIKE \
  "(s.id IN (SELECT id FROM slip WHERE number LIKE :like ESCAPE '\\') " \
  " OR s.customer_id IN " PARTNER_LIKE ("customer") " OR s.supplier_id IN " PARTNER_LIKE ("supplier") \
  " OR s.id IN (SELECT l.slip_id FROM slip_line l WHERE l.product_id IN " \
  "             (SELECT id FROM product WHERE sku LIKE :like ESCAPE '\\' OR name LIKE :like ESCAPE '\\' " \
  "              OR spec LIKE :like ESCAPE '\\' OR barcode LIKE :like ESCAPE '\\')))"

static const struct {
  RsSlipSort  sort;
  const char *join;    /* what the order needs beside slip s */
  const char *order;   /* "@": the direction */
} sorts[] = {
  { RS_SLIP_SORT_CREATED, NULL, "s.id @" },
  { RS_SLIP_SORT_NUMBER, NULL, "s.number @, s.id @" },
  { RS_SLIP_SORT_KIND, NULL, "s.kind @, s.id @" },
  { RS_SLIP_SORT_PURPOSE, NULL, "s.purpose @, s.id @" },
  { RS_SLIP_SORT_WAREHOUSE, " JOIN warehouse w ON w.id = s.warehouse_id", "w.code @, s.id @" },
  { RS_SLIP_SORT_PARTNER,
    " LEFT JOIN customer c ON c.id = s.customer_id LEFT JOIN supplier sp ON sp.id = s.supplier_id",
    "coalesce (c.name, sp.name) @, s.id @" },
  { RS_SLIP_SORT_DATE, NULL, "s.slip_date @, s.id @" },
  { RS_SLIP_SORT_STATE, NULL, "s.state @, s.id @" },
  /* Every slip has its summary (0008-lists.sql and every write since). */
  { RS_SLIP_SORT_LINES, " JOIN slip_summary ss ON ss.slip_id = s.id", "ss.lines @, ss.slip_id @" },
  { RS_SLIP_SORT_TOTAL, " JOIN slip_summary ss ON ss.slip_id = s.id", "ss.total @, ss.slip_id @" },
};

typedef struct
{
  char         *kind;
  char         *state;
  char         *warehouse;
  char         *date_from;
  char         *date_to;
  RsListSearch *search;
} Binding;

static void
binding_free (Binding *binding)
{
  g_free (binding->kind);
  g_free (binding->state);
  g_free (binding->warehouse);
  g_free (binding->date_from);
  g_free (binding->date_to);
  rs_list_search_free (binding->search);
  g_free (binding);
}

static gboolean
bind (RsStatement *stmt, gpointer user_data, GError **error)
{
  Binding *binding = user_data;

  rs_paged_bind_text (stmt, ":kind", binding->kind);
  rs_paged_bind_text (stmt, ":state", binding->state);
  rs_paged_bind_text (stmt, ":warehouse", binding->warehouse);
  rs_paged_bind_text (stmt, ":date_from", binding->date_from);
  rs_paged_bind_text (stmt, ":date_to", binding->date_to);
  rs_list_search_bind (binding->search, stmt);
  return TRUE;
}

static GObject *
slip_from_row (RsStatement *stmt, gpointer user_data, GError **error)
{
  return G_OBJECT (rs_slip_from_row (stmt));
}

GListModel *
rs_slips_list (RsSession *session, const RsSlipFilter *filter, GError **error)
{
  static const RsSlipFilter all = { .kind = -1, .state = -1 };
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  g_autoptr(GString) from = g_string_new ("slip s");
  g_autofree char *order = NULL;
  g_autofree char *where = NULL;
  Binding *binding;
  RsPagedQuery query = {
    .item_type = RS_TYPE_SLIP,
    .key = "s.id",
    .rows = RS_SLIP_SELECT "JOIN json_each (:keys) AS k ON k.value = s.id ORDER BY k.key",
    .version_column = RS_SLIP_SELECT_CHANGES,
    .make_item = slip_from_row,
    .bind = bind,
    .destroy = (GDestroyNotify) binding_free,
  };

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (filter == NULL)
    filter = &all;
  g_return_val_if_fail (filter->sort < G_N_ELEMENTS (sorts), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error) ||
      (filter->date_from != NULL && !rs_return_check_date (filter->date_from, _("start date"), error)) ||
      (filter->date_to != NULL && !rs_return_check_date (filter->date_to, _("end date"), error)))
    return NULL;

  binding = g_new0 (Binding, 1);
  query.user_data = binding;
  if (!rs_list_search_parse (filter->search, &binding->search, error))
    return binding_free (binding), NULL;

  if (filter->kind >= 0)
    {
      binding->kind = g_strdup (rs_slip_kind_get_key (filter->kind));
      g_ptr_array_add (conditions, "s.kind = :kind");
    }
  if (filter->state >= 0)
    {
      binding->state = g_strdup (rs_slip_state_get_key (filter->state));
      g_ptr_array_add (conditions, "s.state = :state");
    }
  if (filter->warehouse != NULL)
    {
      binding->warehouse = g_strdup (filter->warehouse);
      g_ptr_array_add (conditions, "s.warehouse_id = (SELECT id FROM warehouse WHERE code = :warehouse)");
    }
  if (filter->date_from != NULL)
    {
      binding->date_from = g_strdup (filter->date_from);
      g_ptr_array_add (conditions, "s.slip_date >= :date_from");
    }
  if (filter->date_to != NULL)
    {
      binding->date_to = g_strdup (filter->date_to);
      g_ptr_array_add (conditions, "s.slip_date <= :date_to");
    }
  if (binding->search != NULL)
    g_ptr_array_add (conditions, binding->search->fts != NULL ? SEARCH_FTS : SEARCH_LIKE);
  where = rs_list_where (conditions);

  if (sorts[filter->sort].join != NULL)
    g_string_append (from, sorts[filter->sort].join);
  order = rs_list_order (sorts[filter->sort].order, filter->ascending);

  query.from = from->str;
  if (where == NULL && (filter->sort == RS_SLIP_SORT_LINES || filter->sort == RS_SLIP_SORT_TOTAL))
    {
      /* Unfiltered, the summary's index is the whole list: looking up each slip would read
       * the slip table for nothing. */
      query.from = "slip_summary ss";
      query.key = "ss.slip_id";
    }
  query.where = where;
  query.order = order;
  if (where == NULL && filter->sort == RS_SLIP_SORT_CREATED)
    {
      /* Every slip newest first, as the list opens: slips are never deleted, so the id
       * range and a count are the snapshot, without reading 100,000 keys first. */
      query.order = NULL;
      query.table = "slip";
      query.descending = !filter->ascending;
    }
  query.limit = filter->limit;
  return G_LIST_MODEL (rs_paged_model_new (rs_session_get_database (session), &query, error));
}
