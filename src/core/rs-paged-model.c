/* rs-paged-model.c */
#include "rs-paged-model.h"
#include "rs-error.h"
#include "rs-i18n.h"

#include <string.h>

#define PAGE_SIZE RS_PAGED_MODEL_PAGE_SIZE
/* Pages of items kept: a screen or two of rows either side of what is shown. */
#define MAX_CACHED_PAGES 8

typedef struct
{
  guint      index;
  GPtrArray *items;      /* GObject, one per position of the page */
  GArray    *versions;   /* gint64, beside the items */
} Page;

/* Keyset mode: the ids a page started and ended with, once read (0: not yet). */
typedef struct
{
  gint64 first;
  gint64 last;
} Bounds;

struct _RsPagedModel
{
  GObject         parent_instance;
  RsDatabase     *database;

  GType           item_type;
  char           *from, *key, *where, *order, *table, *rows;
  gboolean        descending;
  guint           limit;
  int             version_column;
  RsPagedItemFunc make_item;
  RsPagedBindFunc bind;
  gpointer        user_data;
  GDestroyNotify  destroy;

  guint           n_items;
  /* keys mode */
  GArray         *keys;      /* gint64, arity per row */
  guint           arity;
  /* keyset mode: the rows with lo ≤ id ≤ hi that match */
  gint64          lo, hi;
  GArray         *bounds;    /* Bounds per page */

  GQueue          pages;     /* Page, most recently used first */
  guint           n_page_loads;
};

static void rs_paged_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsPagedModel, rs_paged_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rs_paged_model_list_model_init))

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->items);
  g_array_unref (page->versions);
  g_free (page);
}

static void
clear_pages (RsPagedModel *self)
{
  g_queue_clear_full (&self->pages, (GDestroyNotify) page_free);
}

static void
rs_paged_model_dispose (GObject *object)
{
  RsPagedModel *self = RS_PAGED_MODEL (object);

  clear_pages (self);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (rs_paged_model_parent_class)->dispose (object);
}

static void
rs_paged_model_finalize (GObject *object)
{
  RsPagedModel *self = RS_PAGED_MODEL (object);

  if (self->destroy != NULL)
    self->destroy (self->user_data);
  g_free (self->from);
  g_free (self->key);
  g_free (self->where);
  g_free (self->order);
  g_free (self->table);
  g_free (self->rows);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->bounds, g_array_unref);
  G_OBJECT_CLASS (rs_paged_model_parent_class)->finalize (object);
}

static void
rs_paged_model_class_init (RsPagedModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rs_paged_model_dispose;
  object_class->finalize = rs_paged_model_finalize;
}

static void
rs_paged_model_init (RsPagedModel *self)
{
  g_queue_init (&self->pages);
}

void
rs_paged_bind_text (RsStatement *stmt, const char *name, const char *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
rs_paged_bind_int64 (RsStatement *stmt, const char *name, gint64 value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

/* Every statement of the model goes through here: prepared, with the caller's parameters bound. */
static RsStatement *
prepare (RsPagedModel *self, const char *sql, GError **error)
{
  RsStatement *stmt = rs_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return NULL;
  if (self->bind != NULL && !self->bind (stmt, self->user_data, error))
    {
      rs_statement_release (stmt);
      return NULL;
    }
  return stmt;
}

static gboolean
keyset_mode (RsPagedModel *self)
{
  return self->order == NULL;
}

/* " WHERE (where)" / " WHERE (where) AND extra" — both fragments are the caller's constants. */
static void
append_where (GString *sql, const char *where, const char *extra)
{
  if (where == NULL && extra == NULL)
    return;
  g_string_append (sql, " WHERE ");
  if (where != NULL)
    g_string_append_printf (sql, "(%s)", where);
  if (where != NULL && extra != NULL)
    g_string_append (sql, " AND ");
  if (extra != NULL)
    g_string_append (sql, extra);
}

/* ---- the snapshot -------------------------------------------------------- */

/* Keys mode: every key in order. */
static GArray *
read_keys (RsPagedModel *self, guint *arity, GError **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *local_error = NULL;

  g_string_printf (sql, "SELECT %s FROM %s", self->key, self->from);
  append_where (sql, self->where, NULL);
  g_string_append_printf (sql, " ORDER BY %s", self->order);
  if (self->limit > 0)
    g_string_append (sql, " LIMIT :rs_limit");
  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  rs_paged_bind_int64 (stmt, ":rs_limit", self->limit);
  *arity = (guint) sqlite3_column_count (stmt);
  g_return_val_if_fail (*arity == 1 || *arity == 2, NULL);
  while (rs_statement_step (stmt, &local_error))
    for (guint i = 0; i < *arity; i++)
      {
        gint64 value = sqlite3_column_int64 (stmt, (int) i);
        g_array_append_val (keys, value);
      }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return g_steal_pointer (&keys);
}

typedef struct
{
  gint64 hi;        /* the largest id of the table */
  gint64 count;     /* rows that match */
  gint64 added;     /* rows that match with an id above the previous snapshot's */
  gint64 lo;        /* with a limit: the id of the limit-th newest row that matches */
} Range;

/* Keyset mode: one statement, so every figure comes from the same state of the file. */
static gboolean
read_range (RsPagedModel *self, gint64 previous_hi, Range *range, GError **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) above = g_string_new (NULL);
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  g_string_printf (above, "%s > :rs_previous", self->key);
  g_string_printf (sql, "SELECT coalesce ((SELECT max (rowid) FROM %s), 0), (SELECT count (*) FROM %s",
                   self->table, self->from);
  append_where (sql, self->where, NULL);
  g_string_append_printf (sql, "), (SELECT count (*) FROM %s", self->from);
  append_where (sql, self->where, above->str);
  g_string_append_printf (sql, "), (SELECT %s FROM %s", self->key, self->from);
  append_where (sql, self->where, NULL);
  g_string_append_printf (sql, " ORDER BY %s DESC LIMIT 1 OFFSET :rs_offset)", self->key);

  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  rs_paged_bind_int64 (stmt, ":rs_previous", previous_hi);
  rs_paged_bind_int64 (stmt, ":rs_offset", self->limit > 0 ? self->limit - 1 : 0);
  if (!rs_statement_step (stmt, &local_error))
    return g_propagate_error (error, local_error), FALSE;   /* an aggregate always has its row */
  range->hi = sqlite3_column_int64 (stmt, 0);
  range->count = sqlite3_column_int64 (stmt, 1);
  range->added = sqlite3_column_int64 (stmt, 2);
  /* Fewer rows than the limit: all of them. */
  range->lo = self->limit > 0 && sqlite3_column_type (stmt, 3) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 3) : 0;
  return TRUE;
}

static guint
clamp_count (RsPagedModel *self, gint64 count)
{
  count = MIN (count, (gint64) G_MAXUINT);
  if (self->limit > 0)
    count = MIN (count, (gint64) self->limit);
  return (guint) count;
}

static void
reset_bounds (RsPagedModel *self)
{
  guint n_pages = (self->n_items + PAGE_SIZE - 1) / PAGE_SIZE;

  g_array_set_size (self->bounds, 0);
  g_array_set_size (self->bounds, n_pages);
  memset (self->bounds->data, 0, sizeof (Bounds) * n_pages);
}

/* ---- reading a page ------------------------------------------------------ */

/* Keyset mode: the ids of `length` rows starting at `start`, in the list's order, read
 * from the nearest known page boundary or end of the list. */
static GArray *
keyset_ids (RsPagedModel *self, guint page_index, guint start, guint length, GError **error)
{
  guint best = start;            /* from the head: offset `start` */
  gboolean backward = FALSE;     /* reading against the list's order, then reversed */
  gint64 lo = self->lo, hi = self->hi;
  gint64 anchor = 0;
  guint n_pages = self->bounds->len;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) range = g_string_new (NULL);
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), length);
  gboolean ascending;
  GError *local_error = NULL;

  /* From the tail, reading the other way. */
  if (self->n_items - (start + length) < best)
    {
      best = self->n_items - (start + length);
      backward = TRUE;
    }
  /* From the last row of a page read before it, or the first row of one after it. */
  for (guint j = 0; j < n_pages && best > 0; j++)
    {
      const Bounds *b = &g_array_index (self->bounds, Bounds, j);

      if (b->first == 0)
        continue;
      if (j < page_index && start - (j + 1) * PAGE_SIZE < best)
        {
          best = start - (j + 1) * PAGE_SIZE;
          backward = FALSE;
          anchor = b->last;
        }
      else if (j > page_index && j * PAGE_SIZE - (start + length) < best)
        {
          best = j * PAGE_SIZE - (start + length);
          backward = TRUE;
          anchor = b->first;
        }
    }

  /* Ids are integers, so "after the anchor" is a closed range one beyond it. In a
   * descending list, rows after the anchor have smaller ids. */
  if (anchor != 0)
    {
      if (self->descending != backward)
        hi = anchor - 1;
      else
        lo = anchor + 1;
    }
  ascending = self->descending == backward;

  g_string_printf (range, "%s BETWEEN :rs_lo AND :rs_hi", self->key);
  g_string_printf (sql, "SELECT %s FROM %s", self->key, self->from);
  append_where (sql, self->where, range->str);
  g_string_append_printf (sql, " ORDER BY %s %s LIMIT :rs_limit OFFSET :rs_offset", self->key,
                          ascending ? "ASC" : "DESC");
  stmt = prepare (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  rs_paged_bind_int64 (stmt, ":rs_lo", lo);
  rs_paged_bind_int64 (stmt, ":rs_hi", hi);
  rs_paged_bind_int64 (stmt, ":rs_limit", length);
  rs_paged_bind_int64 (stmt, ":rs_offset", best);
  while (rs_statement_step (stmt, &local_error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;

  if (backward)
    for (guint i = 0; i < ids->len / 2; i++)
      {
        gint64 swap = g_array_index (ids, gint64, i);
        g_array_index (ids, gint64, i) = g_array_index (ids, gint64, ids->len - 1 - i);
        g_array_index (ids, gint64, ids->len - 1 - i) = swap;
      }
  return g_steal_pointer (&ids);
}

static char *
keys_to_json (const gint64 *keys, guint n_rows, guint arity)
{
  GString *json = g_string_sized_new (n_rows * 12 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_rows; i++)
    {
      if (i > 0)
        g_string_append_c (json, ',');
      if (arity == 1)
        g_string_append_printf (json, "%" G_GINT64_FORMAT, keys[i]);
      else
        g_string_append_printf (json, "[%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT "]",
                                keys[i * 2], keys[i * 2 + 1]);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static Page *
read_page (RsPagedModel *self, guint index, GError **error)
{
  guint start = index * PAGE_SIZE;
  guint length = MIN (PAGE_SIZE, self->n_items - start);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *json = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (length, g_object_unref);
  g_autoptr(GArray) versions = g_array_sized_new (FALSE, FALSE, sizeof (gint64), length);
  GError *local_error = NULL;
  Page *page;

  if (keyset_mode (self))
    {
      ids = keyset_ids (self, index, start, length, error);
      if (ids == NULL)
        return NULL;
      json = keys_to_json ((const gint64 *) ids->data, ids->len, 1);
    }
  else
    json = keys_to_json (&g_array_index (self->keys, gint64, start * self->arity), length, self->arity);

  stmt = prepare (self, self->rows, error);
  if (stmt == NULL)
    return NULL;
  rs_paged_bind_text (stmt, ":keys", json);
  while (rs_statement_step (stmt, &local_error))
    {
      GObject *item = self->make_item (stmt, self->user_data, &local_error);
      gint64 version = self->version_column >= 0 ? sqlite3_column_int64 (stmt, self->version_column) : 0;

      if (item == NULL)
        break;
      g_ptr_array_add (items, item);
      g_array_append_val (versions, version);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  if (items->len != length)
    {
      /* Rows are not deleted from the lists, but for products, customers and suppliers nothing
       * refers to (资料 reads its list again after it removes one): a short page means another
       * program removed one of those, or the file was changed behind core's back. */
      g_set_error_literal (error, RS_ERROR, RS_ERROR_STORAGE,
                           _("Rows of this list are missing from the database; run a check of the database."));
      return NULL;
    }

  if (ids != NULL && ids->len > 0)
    {
      Bounds *b = &g_array_index (self->bounds, Bounds, index);
      b->first = g_array_index (ids, gint64, 0);
      b->last = g_array_index (ids, gint64, ids->len - 1);
    }
  self->n_page_loads++;
  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_steal_pointer (&items);
  page->versions = g_steal_pointer (&versions);
  return page;
}

static Page *
get_page (RsPagedModel *self, guint index)
{
  g_autoptr(GError) error = NULL;
  Page *page;

  for (GList *l = self->pages.head; l != NULL; l = l->next)
    if (((Page *) l->data)->index == index)
      {
        g_queue_unlink (&self->pages, l);
        g_queue_push_head_link (&self->pages, l);
        return l->data;
      }

  page = read_page (self, index, &error);
  if (page == NULL)
    {
      /* get_item() has no error to give: say so, and the position shows nothing. */
      g_warning ("Could not read rows %u–%u of a list: %s", index * PAGE_SIZE,
                 MIN ((index + 1) * PAGE_SIZE, self->n_items), error->message);
      return NULL;
    }
  g_queue_push_head (&self->pages, page);
  while (self->pages.length > MAX_CACHED_PAGES)
    page_free (g_queue_pop_tail (&self->pages));
  return page;
}

/* ---- GListModel ------------------------------------------------------------ */

static GType
get_item_type (GListModel *model)
{
  return RS_PAGED_MODEL (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return RS_PAGED_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model, guint position)
{
  RsPagedModel *self = RS_PAGED_MODEL (model);
  Page *page;

  if (position >= self->n_items)
    return NULL;
  page = get_page (self, position / PAGE_SIZE);
  if (page == NULL)
    return NULL;
  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
rs_paged_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* ---- making and refreshing ----------------------------------------------- */

RsPagedModel *
rs_paged_model_new (RsDatabase *database, const RsPagedQuery *query, GError **error)
{
  g_autoptr(RsPagedModel) self = NULL;

  g_return_val_if_fail (RS_IS_DATABASE (database), NULL);
  g_return_val_if_fail (query != NULL && query->from != NULL && query->key != NULL &&
                        query->rows != NULL && query->make_item != NULL, NULL);
  g_return_val_if_fail (query->order != NULL || query->table != NULL, NULL);

  self = g_object_new (RS_TYPE_PAGED_MODEL, NULL);
  self->database = g_object_ref (database);
  self->item_type = query->item_type;
  self->from = g_strdup (query->from);
  self->key = g_strdup (query->key);
  self->where = g_strdup (query->where);
  self->order = g_strdup (query->order);
  self->table = g_strdup (query->table);
  self->rows = g_strdup (query->rows);
  self->descending = query->descending;
  self->limit = query->limit;
  self->version_column = query->version_column;
  self->make_item = query->make_item;
  self->bind = query->bind;
  self->user_data = query->user_data;
  self->destroy = query->destroy;

  if (keyset_mode (self))
    {
      Range range;

      self->bounds = g_array_new (FALSE, TRUE, sizeof (Bounds));
      if (!read_range (self, G_MAXINT64, &range, error))
        return NULL;
      self->hi = range.hi;
      self->lo = range.lo;
      self->n_items = clamp_count (self, range.count);
      reset_bounds (self);
    }
  else
    {
      self->keys = read_keys (self, &self->arity, error);
      if (self->keys == NULL)
        return NULL;
      self->n_items = self->keys->len / self->arity;
    }
  return g_steal_pointer (&self);
}

/* Keyset tables only grow: new rows come in at the newest end, and with a limit as
 * many leave at the oldest end. */
static gboolean
refresh_keyset (RsPagedModel *self, GError **error)
{
  Range range;
  guint old_n = self->n_items, grown, new_n, dropped, added;

  if (!read_range (self, self->hi, &range, error))
    return FALSE;
  added = clamp_count (self, range.added);
  new_n = clamp_count (self, range.count);
  if (range.added == 0 && new_n == old_n)
    return TRUE;

  clear_pages (self);
  if (self->limit > 0 && range.added > self->limit)
    {
      /* Every row shown is new. */
      self->hi = range.hi;
      self->lo = range.lo;
      self->n_items = new_n;
      reset_bounds (self);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
      return TRUE;
    }
  grown = old_n + added;
  /* First the rows [old lo, new hi]: the old ones and every new one (at most `limit`
   * new ones matter: older new ones would leave again at once). */
  self->hi = range.hi;
  self->n_items = grown;
  reset_bounds (self);
  if (added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), self->descending ? 0 : old_n, 0, added);
  /* Then the limit: the oldest leave. */
  self->lo = range.lo;
  self->n_items = new_n;
  reset_bounds (self);
  dropped = grown - new_n;
  if (dropped > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), self->descending ? new_n : 0, dropped, 0);
  return TRUE;
}

typedef struct
{
  guint  position;
  gint64 version;
} Held;

static int
compare_held (gconstpointer a, gconstpointer b)
{
  const Held *x = a, *y = b;

  return (x->position > y->position) - (x->position < y->position);
}

/* Keys mode: the rows before the first difference and after the last stay where they
 * were (shifted); what lies between is replaced. Of the rows the model held (the ones
 * on screen), those whose version moved are announced as changed. */
static gboolean
refresh_keys (RsPagedModel *self, GError **error)
{
  g_autoptr(GArray) keys = NULL;
  g_autoptr(GArray) held = g_array_new (FALSE, FALSE, sizeof (Held));
  guint arity, old_n = self->n_items, new_n, prefix = 0, suffix = 0;

  keys = read_keys (self, &arity, error);
  if (keys == NULL)
    return FALSE;
  new_n = keys->len / arity;
  g_return_val_if_fail (arity == self->arity, FALSE);

  while (prefix < MIN (old_n, new_n) &&
         memcmp (&g_array_index (self->keys, gint64, prefix * arity),
                 &g_array_index (keys, gint64, prefix * arity), sizeof (gint64) * arity) == 0)
    prefix++;
  while (suffix < MIN (old_n, new_n) - prefix &&
         memcmp (&g_array_index (self->keys, gint64, (old_n - 1 - suffix) * arity),
                 &g_array_index (keys, gint64, (new_n - 1 - suffix) * arity), sizeof (gint64) * arity) == 0)
    suffix++;

  /* Where the held rows will be, with the version they were read with. */
  for (GList *l = self->pages.head; l != NULL; l = l->next)
    {
      Page *page = l->data;

      for (guint i = 0; i < page->items->len; i++)
        {
          guint position = page->index * PAGE_SIZE + i;
          Held row = { position, g_array_index (page->versions, gint64, i) };

          if (position >= prefix && position < old_n - suffix)
            continue;   /* inside the replaced stretch: announced with it */
          if (position >= old_n - suffix)
            row.position = position - old_n + new_n;
          g_array_append_val (held, row);
        }
    }

  g_array_sort (held, compare_held);
  clear_pages (self);
  g_array_unref (self->keys);
  self->keys = g_steal_pointer (&keys);
  self->n_items = new_n;
  if (prefix + suffix < MAX (old_n, new_n))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, new_n - prefix - suffix);

  for (guint i = 0; i < held->len; i++)
    {
      const Held *row = &g_array_index (held, Held, i);
      Page *page = get_page (self, row->position / PAGE_SIZE);

      if (page == NULL)
        return g_set_error_literal (error, RS_ERROR, RS_ERROR_STORAGE,
                                    _("The list could not be read again; open it anew.")), FALSE;
      if (self->version_column < 0 ||
          g_array_index (page->versions, gint64, row->position % PAGE_SIZE) != row->version)
        g_list_model_items_changed (G_LIST_MODEL (self), row->position, 1, 1);
    }
  return TRUE;
}

gboolean
rs_paged_model_refresh (RsPagedModel *self, GError **error)
{
  g_return_val_if_fail (RS_IS_PAGED_MODEL (self), FALSE);

  return keyset_mode (self) ? refresh_keyset (self, error) : refresh_keys (self, error);
}

guint
rs_paged_model_get_n_page_loads (RsPagedModel *self)
{
  g_return_val_if_fail (RS_IS_PAGED_MODEL (self), 0);
  return self->n_page_loads;
}
