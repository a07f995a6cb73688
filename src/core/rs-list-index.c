/* rs-list-index.c — the lists' search indexes and slip summaries, kept by core (0008-lists.sql). */
#include "rs-list-index-private.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-paged-model.h"
#include "rs-validate.h"

/* FTS5 rows are replaced whole: out with the old text, in with the new. */
static gboolean
reindex (RsDatabase *db, const char *remove_sql, const char *insert_sql, gint64 id, GError **error)
{
  g_autoptr(RsStatement) remove = rs_database_prepare (db, remove_sql, error);
  g_autoptr(RsStatement) insert = NULL;

  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, id);
  if (!rs_statement_run (remove, error))
    return FALSE;
  insert = rs_database_prepare (db, insert_sql, error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, id);
  return rs_statement_run (insert, error);
}

gboolean
rs_list_index_return (RsDatabase *db, gint64 return_id, GError **error)
{
  return reindex (db, "DELETE FROM return_fts WHERE rowid = ?",
                  "INSERT INTO return_fts (rowid, number, order_ref) "
                  "SELECT id, number, order_ref FROM customer_return WHERE id = ?",
                  return_id, error);
}

gboolean
rs_list_index_slip (RsDatabase *db, gint64 slip_id, GError **error)
{
  return reindex (db, "DELETE FROM slip_fts WHERE rowid = ?",
                  "INSERT INTO slip_fts (rowid, number) SELECT id, number FROM slip WHERE id = ?",
                  slip_id, error);
}

gboolean
rs_list_summarize_slip (RsDatabase *db, gint64 slip_id, GError **error)
{
  /* The same sums as the migration that filled the table. */
  g_autoptr(RsStatement) stmt =
    rs_database_prepare (db,
                         "INSERT INTO slip_summary (slip_id, lines, total) "
                         "SELECT s.id, "
                         "       (SELECT count (*) FROM slip_line l WHERE l.slip_id = s.id), "
                         "       (SELECT coalesce (sum ((l.quantity * coalesce (l.unit_cost, "
                         "                 (SELECT g.unit_cost FROM stock_ledger g "
                         "                  WHERE g.slip_id = l.slip_id AND g.slip_line_id = l.id AND g.reversal = 0 "
                         "                  ORDER BY g.id LIMIT 1), "
                         "                 p.avg_cost) + 500) / 1000), 0) "
                         "        FROM slip_line l JOIN product p ON p.id = l.product_id WHERE l.slip_id = s.id) "
                         "FROM slip s WHERE s.id = ? "
                         "ON CONFLICT (slip_id) DO UPDATE SET lines = excluded.lines, total = excluded.total, "
                         "  changes = changes + 1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slip_id);
  return rs_statement_run (stmt, error);
}

gboolean
rs_list_search_parse (const char *text, RsListSearch **search, GError **error)
{
  g_autofree char *trimmed = NULL;
  RsListSearch *parsed;

  *search = NULL;
  if (text == NULL)
    return TRUE;
  if (!rs_validate_text (text, _("search text"), RS_MAX_SHORT_CHARS, RS_TEXT_OPTIONAL, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return TRUE;

  /* Trigrams need three characters: one or two are matched with LIKE. */
  parsed = g_new0 (RsListSearch, 1);
  parsed->fts = rs_search_fts_phrase (trimmed);
  if (parsed->fts == NULL)
    parsed->like = rs_search_like_pattern (trimmed);
  *search = parsed;
  return TRUE;
}

void
rs_list_search_free (RsListSearch *search)
{
  if (search == NULL)
    return;
  g_free (search->fts);
  g_free (search->like);
  g_free (search);
}

void
rs_list_search_bind (RsListSearch *search, RsStatement *stmt)
{
  if (search == NULL)
    return;
  if (search->fts != NULL)
    rs_paged_bind_text (stmt, ":fts", search->fts);
  else
    rs_paged_bind_text (stmt, ":like", search->like);
}

char *
rs_list_where (GPtrArray *conditions)
{
  g_autoptr(GString) where = NULL;

  for (guint i = 0; i < conditions->len; i++)
    {
      if (where == NULL)
        where = g_string_new (NULL);
      else
        g_string_append (where, " AND ");
      g_string_append_printf (where, "(%s)", (const char *) g_ptr_array_index (conditions, i));
    }
  return where != NULL ? g_string_free (g_steal_pointer (&where), FALSE) : NULL;
}

char *
rs_list_order (const char *template, gboolean ascending)
{
  GString *order = g_string_new (template);

  g_string_replace (order, "@", ascending ? "ASC" : "DESC", 0);
  return g_string_free (order, FALSE);
}
