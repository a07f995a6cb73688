/* rs-audit-model.c */
#include "rs-audit-model.h"
#include "rs-audit-entry.h"

#define PAGE_SIZE 64

struct _RsAuditModel
{
  GObject     parent_instance;
  RsDatabase *database;
  gint64      newest_id;   /* the snapshot: rows with a larger id are not shown */
  guint       n_items;
  guint       page;        /* the cached page's number, valid when rows != NULL */
  GPtrArray  *rows;        /* RsAuditEntry of that page */
};

static void rs_audit_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RsAuditModel, rs_audit_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, rs_audit_model_list_model_init))

static void
rs_audit_model_dispose (GObject *object)
{
  RsAuditModel *self = RS_AUDIT_MODEL (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (rs_audit_model_parent_class)->dispose (object);
}

static void
rs_audit_model_class_init (RsAuditModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rs_audit_model_dispose;
}

static void
rs_audit_model_init (RsAuditModel *self)
{
}

static GType
get_item_type (GListModel *model)
{
  return RS_TYPE_AUDIT_ENTRY;
}

static guint
get_n_items (GListModel *model)
{
  return RS_AUDIT_MODEL (model)->n_items;
}

static gboolean
load_page (RsAuditModel *self, guint page)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  stmt = rs_database_prepare (self->database,
                              "SELECT id, at, user_name, action, object_type, object_key, before, after, hash "
                              "FROM audit WHERE id <= ? ORDER BY id DESC LIMIT ? OFFSET ?", &error);
  if (stmt == NULL)
    {
      g_warning ("Could not read the audit log: %s", error->message);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, self->newest_id);
  sqlite3_bind_int (stmt, 2, PAGE_SIZE);
  sqlite3_bind_int64 (stmt, 3, (gint64) page * PAGE_SIZE);

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  while (rs_statement_step (stmt, &error))
    g_ptr_array_add (rows, rs_audit_entry_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                               rs_statement_text (stmt, 2), rs_statement_text (stmt, 3),
                                               rs_statement_text (stmt, 4), rs_statement_text (stmt, 5),
                                               (const char *) sqlite3_column_text (stmt, 6),
                                               (const char *) sqlite3_column_text (stmt, 7),
                                               rs_statement_text (stmt, 8)));
  if (error != NULL)
    {
      g_warning ("Could not read the audit log: %s", error->message);
      g_ptr_array_unref (rows);
      return FALSE;
    }
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = rows;
  self->page = page;
  return TRUE;
}

static gpointer
get_item (GListModel *model, guint position)
{
  RsAuditModel *self = RS_AUDIT_MODEL (model);
  guint page = position / PAGE_SIZE;

  if (position >= self->n_items)
    return NULL;
  if ((self->rows == NULL || self->page != page) && !load_page (self, page))
    return NULL;
  if (position % PAGE_SIZE >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position % PAGE_SIZE));
}

static void
rs_audit_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

RsAuditModel *
rs_audit_model_new (RsDatabase *database, guint limit, GError **error)
{
  g_autoptr(RsAuditModel) self = g_object_new (RS_TYPE_AUDIT_MODEL, NULL);
  g_autoptr(RsStatement) stmt = NULL;
  gint64 count;

  stmt = rs_database_prepare (database, "SELECT coalesce(max(id), 0), count(*) FROM audit", error);
  if (stmt == NULL || !rs_statement_step (stmt, error))
    return NULL;
  self->database = g_object_ref (database);
  self->newest_id = sqlite3_column_int64 (stmt, 0);
  count = sqlite3_column_int64 (stmt, 1);
  self->n_items = (guint) MIN (count, (gint64) G_MAXUINT);
  if (limit > 0)
    self->n_items = MIN (self->n_items, limit);
  return g_steal_pointer (&self);
}
