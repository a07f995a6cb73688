/* rs-paged-model.h — a list that can grow (returns, slips, ledger, audit, stock) as a
 * GListModel reading its rows from SQL a page at a time (DESIGN §5): a list of a million
 * rows costs what the rows looked at cost.
 *
 * The model holds a snapshot of which rows are in the list, in which order, taken when it
 * is made and again by rs_paged_model_refresh(); rows written in between do not shift what
 * the user scrolls through. Two ways to hold it:
 *
 *  - keys (query->order set): the keys of every row, in order, read once (8 bytes a row).
 *    Any order and any filter; a position is found at once.
 *  - keyset (query->order NULL): for tables that only grow (ledger, audit), ordered by their
 *    integer primary key. The snapshot is an id range and a count; a page is read by keyset
 *    from the nearest page already read (or from either end, so the last page of a million
 *    rows is as quick as the first).
 *
 * Either way a page's keys are handed to query->rows as the JSON array :keys, and the rows
 * come back in that order; query->make_item turns each into the list's item. Filters are
 * SQL the caller assembles from its own constant fragments, with bound named parameters
 * (query->bind binds them on every statement the model runs) — never SQL made of user text.
 */
#pragma once

#include <gio/gio.h>
#include "rs-database.h"

G_BEGIN_DECLS

#define RS_PAGED_MODEL_PAGE_SIZE 100

/* One item from the current row of query->rows; NULL with error set on failure. */
typedef GObject *(*RsPagedItemFunc) (RsStatement *stmt,
                                     gpointer     user_data,
                                     GError     **error);
/* Binds the caller's named parameters (:state, :search, …) on one of the model's
 * statements; parameters the statement does not have are skipped (see rs_paged_bind_*). */
typedef gboolean (*RsPagedBindFunc) (RsStatement *stmt,
                                     gpointer     user_data,
                                     GError     **error);

typedef struct
{
  GType           item_type;
  /* "customer_return r JOIN customer c ON c.id = r.customer_id": what the filter and
   * the order need, no more (the columns shown come from `rows`). */
  const char     *from;
  /* The key of a row: "r.id"; keys mode also takes two integer columns
   * ("h.product_id, h.location_id"), handed to `rows` as [[a, b], …]. */
  const char     *key;
  /* NULL, or a condition on `from` with named parameters. */
  const char     *where;
  /* Keys mode: the ORDER BY list, ending in the key so that the order is total
   * ("c.name DESC, r.id DESC"). NULL: keyset mode (ordered by the key). */
  const char     *order;
  /* Keyset mode: the table whose largest rowid marks the snapshot, and the direction. */
  const char     *table;
  gboolean        descending;
  /* 0: every row. Keys mode: the first `limit` rows; keyset mode: the newest `limit`. */
  guint           limit;
  /* "SELECT … FROM json_each (:keys) AS k JOIN … ON … = k.value … ORDER BY k.key":
   * one row per key, in the order of :keys. */
  const char     *rows;
  /* A column of `rows` that changes whenever what the row shows changes (an
   * updated_at, a counter); refresh re-announces the rows it holds whose value moved.
   * -1: none (keyset tables never change a row). */
  int             version_column;
  RsPagedItemFunc make_item;
  RsPagedBindFunc bind;         /* NULL when there is nothing to bind */
  gpointer        user_data;
  GDestroyNotify  destroy;      /* frees user_data with the model (also on failure) */
} RsPagedQuery;

#define RS_TYPE_PAGED_MODEL (rs_paged_model_get_type ())
G_DECLARE_FINAL_TYPE (RsPagedModel, rs_paged_model, RS, PAGED_MODEL, GObject)

/* Takes the snapshot (one statement: the keys, or the id range and the count). The
 * strings are copied. NULL with error set when a statement fails. */
RsPagedModel *rs_paged_model_new     (RsDatabase         *database,
                                      const RsPagedQuery *query,
                                      GError            **error);
/* Takes a new snapshot and emits ::items-changed for what moved: rows added or removed
 * as such, and rows the model holds whose version changed as changed in place. */
gboolean      rs_paged_model_refresh (RsPagedModel       *self,
                                      GError            **error);
/* How many pages were read from SQL so far (benchmarks and tests). */
guint         rs_paged_model_get_n_page_loads (RsPagedModel *self);

/* Bind a named parameter when the statement has it. */
void          rs_paged_bind_text     (RsStatement *stmt,
                                      const char  *name,
                                      const char  *value);
void          rs_paged_bind_int64    (RsStatement *stmt,
                                      const char  *name,
                                      gint64       value);

G_END_DECLS
