/* rs-master.c — the steps all master tables share: (de)activation, removal, search, JSON. */
#include "rs-master-private.h"
#include "rs-audit.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-money.h"

#include <string.h>

/* Indexed by RsMasterTable; also the audit log's object type. */
static const char *const table_names[] = {
  "warehouse", "location", "category", "product", "customer", "supplier", "reason",
};

gboolean
rs_master_set_active (RsSession *session, RsMasterTable table, gint64 id, const char *key,
                      JsonNode *before, gboolean active, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  const char *name = table_names[table];
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET active = ? WHERE id = ?", name);
  g_autofree char *action = g_strdup_printf ("%s.%s", name, active ? "activate" : "deactivate");
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *before_text = json_to_string (before, FALSE);
  /* A deep copy: json_node_copy() would share the object with `before`. */
  g_autoptr(JsonNode) after = json_from_string (before_text, NULL);

  json_object_set_boolean_member (json_node_get_object (after), "active", active);

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  stmt = rs_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, active ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!rs_statement_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, rs_statement_release);

  return rs_audit_record (session, action, name, key, before, after, error) &&
         rs_transaction_commit (tx, error);
}

gboolean
rs_master_remove (RsSession *session, RsMasterTable table, gint64 id, const char *key,
                  const char *shown, JsonNode *before, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  const char *name = table_names[table];
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", name);
  g_autofree char *action = g_strdup_printf ("%s.remove", name);
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  stmt = rs_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!rs_statement_run (stmt, &local_error))
    {
      /* Stock, slips, returns… refer to it through foreign keys. */
      if (sqlite3_extended_errcode (rs_database_get_handle (db)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          g_clear_error (&local_error);
          g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                       _("“%s” has stock or history and cannot be removed; deactivate it instead."), shown);
          return FALSE;
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }
  g_clear_pointer (&stmt, rs_statement_release);

  return rs_search_reindex (db, table, id, error) &&
         rs_audit_record (session, action, name, key, before, NULL, error) &&
         rs_transaction_commit (tx, error);
}

/* The row's SQL takes `id = ?`; deferred, the same runs once over the noted ids. */
#define ONE_ROW "id = ?"
#define NOTED_ROWS "id IN (SELECT id FROM temp.search_pending WHERE tbl = ?)"

static const struct {
  RsMasterTable table;
  const char   *remove;
  const char   *insert;
} search_indexes[] = {
  { RS_MASTER_PRODUCT, "DELETE FROM product_fts WHERE row@",
    "INSERT INTO product_fts (rowid, sku, name, spec, barcode) "
    "SELECT id, sku, name, spec, coalesce(barcode, '') FROM product WHERE @" },
  { RS_MASTER_CUSTOMER, "DELETE FROM customer_fts WHERE row@",
    "INSERT INTO customer_fts (rowid, code, name, contact, phone) "
    "SELECT id, code, name, contact, phone FROM customer WHERE @" },
  { RS_MASTER_SUPPLIER, "DELETE FROM supplier_fts WHERE row@",
    "INSERT INTO supplier_fts (rowid, code, name, contact, phone) "
    "SELECT id, code, name, contact, phone FROM supplier WHERE @" },
};

#define DEFERRED_KEY "rs-search-deferred"

static RsStatement *
prepare_index_sql (RsDatabase *db, const char *template, const char *rows, GError **error)
{
  g_autoptr(GString) sql = g_string_new (template);

  g_string_replace (sql, "@", rows, 1);
  return rs_database_prepare (db, sql->str, error);
}

void
rs_search_defer_begin (RsDatabase *db)
{
  /* Per table, the noted ids (duplicates are harmless: the temp table drops them). */
  GArray *noted = g_array_new (FALSE, FALSE, sizeof (gint64) * 2);

  g_object_set_data_full (G_OBJECT (db), DEFERRED_KEY, noted, (GDestroyNotify) g_array_unref);
}

gboolean
rs_search_defer_end (RsDatabase *db, gboolean flush, GError **error)
{
  g_autoptr(GArray) noted = g_object_steal_data (G_OBJECT (db), DEFERRED_KEY);
  g_autoptr(RsStatement) note = NULL;

  if (noted == NULL || !flush || noted->len == 0)
    return TRUE;
  if (!rs_database_exec (db, "CREATE TEMP TABLE IF NOT EXISTS search_pending "
                             "(tbl INTEGER NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (tbl, id)) WITHOUT ROWID; "
                             "DELETE FROM temp.search_pending", error))
    return FALSE;
  note = rs_database_prepare (db, "INSERT OR IGNORE INTO temp.search_pending (tbl, id) VALUES (?, ?)", error);
  if (note == NULL)
    return FALSE;
  for (guint i = 0; i < noted->len; i++)
    {
      const gint64 *pair = &g_array_index (noted, gint64, i * 2);

      sqlite3_bind_int64 (note, 1, pair[0]);
      sqlite3_bind_int64 (note, 2, pair[1]);
      if (!rs_statement_run (note, error))
        return FALSE;
      sqlite3_reset (note);
    }
  g_clear_pointer (&note, rs_statement_release);

  for (guint i = 0; i < G_N_ELEMENTS (search_indexes); i++)
    {
      g_autoptr(RsStatement) remove = prepare_index_sql (db, search_indexes[i].remove, NOTED_ROWS, error);
      g_autoptr(RsStatement) insert = NULL;

      if (remove == NULL)
        return FALSE;
      sqlite3_bind_int (remove, 1, search_indexes[i].table);
      if (!rs_statement_run (remove, error))
        return FALSE;
      insert = prepare_index_sql (db, search_indexes[i].insert, NOTED_ROWS, error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int (insert, 1, search_indexes[i].table);
      if (!rs_statement_run (insert, error))
        return FALSE;
    }
  return rs_database_exec (db, "DELETE FROM temp.search_pending", error);
}

gboolean
rs_search_reindex (RsDatabase *db, RsMasterTable table, gint64 id, GError **error)
{
  GArray *noted = g_object_get_data (G_OBJECT (db), DEFERRED_KEY);

  for (guint i = 0; i < G_N_ELEMENTS (search_indexes); i++)
    {
      g_autoptr(RsStatement) remove = NULL;
      g_autoptr(RsStatement) insert = NULL;

      if (search_indexes[i].table != table)
        continue;
      if (noted != NULL)
        {
          gint64 pair[2] = { table, id };
          g_array_append_vals (noted, pair, 1);
          return TRUE;
        }
      remove = prepare_index_sql (db, search_indexes[i].remove, ONE_ROW, error);
      if (remove == NULL)
        return FALSE;
      sqlite3_bind_int64 (remove, 1, id);
      if (!rs_statement_run (remove, error))
        return FALSE;
      insert = prepare_index_sql (db, search_indexes[i].insert, ONE_ROW, error);
      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, id);
      return rs_statement_run (insert, error);
    }
  return TRUE;
}

char *
rs_search_fts_phrase (const char *query)
{
  GString *phrase;

  if (g_utf8_strlen (query, -1) < 3)
    return NULL;
  phrase = g_string_new ("\"");
  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');
  return g_string_free (phrase, FALSE);
}

char *
rs_search_like_pattern (const char *query)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}

JsonBuilder *
rs_json_object_begin (gint64 id)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  rs_json_add_int (builder, "id", id);
  return builder;
}

void
rs_json_add_string (JsonBuilder *builder, const char *name, const char *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
rs_json_add_int (JsonBuilder *builder, const char *name, gint64 value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

void
rs_json_add_bool (JsonBuilder *builder, const char *name, gboolean value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

void
rs_json_add_money (JsonBuilder *builder, const char *name, gint64 fen)
{
  g_autofree char *text = rs_money_to_decimal (fen);
  rs_json_add_string (builder, name, text);
}

JsonNode *
rs_json_object_node (gint64 id, JsonObject **object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  *object = json_object_new ();
  json_node_take_object (node, *object);
  json_object_set_int_member (*object, "id", id);
  return node;
}

void
rs_json_set_string (JsonObject *object, const char *name, const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, name, value);
  else
    json_object_set_null_member (object, name);
}

void
rs_json_set_money (JsonObject *object, const char *name, gint64 fen)
{
  g_autofree char *text = rs_money_to_decimal (fen);

  json_object_set_string_member (object, name, text);
}

JsonNode *
rs_json_object_end (JsonBuilder *builder)
{
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
