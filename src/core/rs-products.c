/* rs-products.c — products: add, find, list, search, deactivate, remove. */
#include "rs-products.h"
#include "rs-audit.h"
#include "rs-clock.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-list-index-private.h"
#include "rs-master-private.h"
#include "rs-money.h"
#include "rs-paged-model.h"
#include "rs-validate.h"

#define PRODUCT_SELECT \
  "SELECT p.id, p.sku, p.name, p.spec, p.unit, p.decimals, p.barcode, p.category_id, c.name, " \
  "p.avg_cost, p.list_price, p.active FROM product p LEFT JOIN category c ON c.id = p.category_id "

static RsProduct *
read_product (RsStatement *stmt)
{
  return rs_product_new (sqlite3_column_int64 (stmt, 0), rs_statement_text (stmt, 1),
                         rs_statement_text (stmt, 2), rs_statement_text (stmt, 3),
                         rs_statement_text (stmt, 4), sqlite3_column_int (stmt, 5),
                         (const char *) sqlite3_column_text (stmt, 6), sqlite3_column_int64 (stmt, 7),
                         (const char *) sqlite3_column_text (stmt, 8), sqlite3_column_int64 (stmt, 9),
                         sqlite3_column_int64 (stmt, 10), sqlite3_column_int (stmt, 11) != 0);
}

/* Runs a product query bound by the caller; NULL with error unset when no row. */
static RsProduct *
fetch_one (RsStatement *stmt, GError **error)
{
  if (!rs_statement_step (stmt, error))
    return NULL;
  return read_product (stmt);
}

/* Appends every row of a bound query to a new GListModel. */
static GListModel *
fetch_all (RsStatement *stmt, GError **error)
{
  g_autoptr(GListStore) store = g_list_store_new (RS_TYPE_PRODUCT);
  GError *local_error = NULL;

  while (rs_statement_step (stmt, &local_error))
    {
      g_autoptr(RsProduct) product = read_product (stmt);
      g_list_store_append (store, product);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

static RsProduct *
lookup_text (RsDatabase *db, const char *sql, const char *value, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value != NULL ? value : "", -1, SQLITE_TRANSIENT);
  return fetch_one (stmt, error);
}

static gboolean
not_found (GError **error, const char *what)
{
  g_autofree char *shown = g_utf8_make_valid (what != NULL ? what : "", -1);

  g_set_error (error, RS_ERROR, RS_ERROR_NOT_FOUND,
               _("There is no product with the SKU or barcode “%s”."), shown);
  return FALSE;
}

RsProduct *
rs_products_lookup_by_sku (RsDatabase *db, const char *sku, GError **error)
{
  GError *local_error = NULL;
  RsProduct *product = lookup_text (db, PRODUCT_SELECT "WHERE p.sku = ?", sku, &local_error);

  if (product == NULL && local_error == NULL)
    not_found (&local_error, sku);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return product;
}

RsProduct *
rs_products_lookup (RsDatabase *db, const char *sku_or_barcode, GError **error)
{
  GError *local_error = NULL;
  RsProduct *product = lookup_text (db, PRODUCT_SELECT "WHERE p.sku = ?", sku_or_barcode, &local_error);

  if (product == NULL && local_error == NULL)
    product = lookup_text (db, PRODUCT_SELECT "WHERE p.barcode = ?", sku_or_barcode, &local_error);
  if (product == NULL && local_error == NULL)
    not_found (&local_error, sku_or_barcode);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return product;
}

RsProduct *
rs_products_lookup_by_id (RsDatabase *db, gint64 id, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, PRODUCT_SELECT "WHERE p.id = ?", error);
  GError *local_error = NULL;
  RsProduct *product;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  product = fetch_one (stmt, &local_error);
  if (product == NULL && local_error == NULL)
    g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("The product no longer exists."));
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return product;
}

static gboolean
validate_fields (const RsProductFields *f, GError **error)
{
  if (!rs_validate_text (f->sku, _("SKU"), RS_MAX_SKU_CHARS, RS_TEXT_REQUIRED | RS_TEXT_CODE, error) ||
      !rs_validate_text (f->name, _("product name"), RS_MAX_NAME_CHARS, RS_TEXT_REQUIRED, error) ||
      !rs_validate_text (f->spec, _("specification"), RS_MAX_NAME_CHARS, RS_TEXT_OPTIONAL, error) ||
      !rs_validate_text (f->unit, _("unit"), RS_MAX_UNIT_CHARS, RS_TEXT_REQUIRED, error) ||
      !rs_validate_text (f->barcode, _("barcode"), RS_MAX_SKU_CHARS, RS_TEXT_CODE, error) ||
      !rs_validate_text (f->category, _("category name"), RS_MAX_SHORT_CHARS, RS_TEXT_OPTIONAL, error))
    return FALSE;
  if (f->decimals < 0 || f->decimals > 3)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("A product’s quantities take 0 to 3 decimal places, not %d."), f->decimals), FALSE;
  if (f->avg_cost < 0 || f->list_price < 0)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("A cost or price cannot be negative.")), FALSE;
  if (f->avg_cost > RS_MONEY_MAX || f->list_price > RS_MONEY_MAX)
    return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                _("A cost or price is too large; the largest is 999,999,999,999.99.")), FALSE;
  return TRUE;
}

/* A SKU or barcode must name one product: neither may repeat the other's. */
static gboolean
check_unique (RsDatabase *db, const char *sku, const char *barcode, GError **error)
{
  g_autoptr(RsProduct) other = NULL;
  GError *local_error = NULL;

  const char *codes[] = { sku, barcode };

  for (guint i = 0; i < G_N_ELEMENTS (codes) && codes[i] != NULL && local_error == NULL; i++)
    {
      other = lookup_text (db, PRODUCT_SELECT "WHERE p.sku = ?1 OR p.barcode = ?1", codes[i], &local_error);
      if (other != NULL)
        return g_set_error (error, RS_ERROR, RS_ERROR_EXISTS,
                            _("“%s” is already the SKU or barcode of the product “%s” (%s)."),
                            codes[i], rs_product_get_name (other), rs_product_get_sku (other)), FALSE;
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

RsProduct *
rs_products_add (RsSession *session, const RsProductFields *f, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  const char *barcode = f->barcode != NULL && *f->barcode != '\0' ? f->barcode : NULL;
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(JsonNode) after = NULL;
  gint64 category_id = 0;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error) || !validate_fields (f, error))
    return NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL || !check_unique (db, f->sku, barcode, error))
    return NULL;
  if (f->category != NULL && *f->category != '\0')
    {
      category_id = rs_categories_ensure (session, f->category, error);
      if (category_id == 0)
        return NULL;
    }

  stmt = rs_database_prepare (db,
                              "INSERT INTO product (sku, name, spec, unit, decimals, barcode, category_id, "
                              "avg_cost, list_price, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, f->sku, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, f->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, f->spec != NULL ? f->spec : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, f->unit, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, f->decimals);
  sqlite3_bind_text (stmt, 6, barcode, -1, SQLITE_STATIC);   /* NULL binds NULL */
  if (category_id != 0)
    sqlite3_bind_int64 (stmt, 7, category_id);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int64 (stmt, 8, f->avg_cost);
  sqlite3_bind_int64 (stmt, 9, f->list_price);
  sqlite3_bind_int64 (stmt, 10, rs_clock_now ());
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  /* The row as just written, not read back (an import adds 100,000): the category was found
   * or made by exactly this name. */
  product = rs_product_new (rs_database_last_insert_id (db), f->sku, f->name, f->spec != NULL ? f->spec : "",
                            f->unit, f->decimals, barcode, category_id, category_id != 0 ? f->category : NULL,
                            f->avg_cost, f->list_price, TRUE);
  if (!rs_search_reindex (db, RS_MASTER_PRODUCT, rs_product_get_id (product), error))
    return NULL;
  after = rs_product_to_json (product);
  if (!rs_audit_record (session, "product.add", "product", f->sku, NULL, after, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&product);
}

/* Whether any row of `sql` (bound to the product's id) exists. */
static gboolean
refers_to (RsDatabase *db, const char *sql, gint64 product_id, gboolean *found, GError **error)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, sql, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, product_id);
  *found = rs_statement_step (stmt, &local_error);
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

/* The cost is the moving average once stock moved; the decimals are fixed once
 * any document counts the product (a draft's 2.5 would mean nothing at 0 decimals). */
static gboolean
check_update_allowed (RsDatabase *db, RsProduct *product, const RsProductFields *f, GError **error)
{
  gint64 id = rs_product_get_id (product);
  gboolean moved = FALSE, counted = FALSE;

  if ((f->avg_cost != rs_product_get_avg_cost (product) || f->decimals != rs_product_get_decimals (product)) &&
      !refers_to (db, "SELECT 1 FROM stock_ledger WHERE product_id = ? LIMIT 1", id, &moved, error))
    return FALSE;
  if (f->avg_cost != rs_product_get_avg_cost (product) && moved)
    {
      g_autofree char *cost = rs_money_format (rs_product_get_avg_cost (product));
      return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                          _("The cost of “%s” (%s) is the moving average of its stock movements and cannot be "
                            "set by hand; it stays %s."), rs_product_get_name (product), rs_product_get_sku (product),
                          cost), FALSE;
    }
  if (f->decimals == rs_product_get_decimals (product))
    return TRUE;
  if (!moved &&
      (!refers_to (db, "SELECT 1 FROM slip_line WHERE product_id = ? LIMIT 1", id, &counted, error) ||
       (!counted && !refers_to (db, "SELECT 1 FROM return_line WHERE product_id = ? LIMIT 1", id, &counted, error))))
    return FALSE;
  if (moved || counted)
    return g_set_error (error, RS_ERROR, RS_ERROR_INVALID_STATE,
                        _("Documents already count “%s” (%s) with %d decimal places; they cannot change."),
                        rs_product_get_name (product), rs_product_get_sku (product),
                        rs_product_get_decimals (product)), FALSE;
  return TRUE;
}

RsProduct *
rs_products_update (RsSession *session, const RsProductFields *f, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  const char *barcode = f->barcode != NULL && *f->barcode != '\0' ? f->barcode : NULL;
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(RsProduct) before = NULL;
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(RsProduct) other = NULL;
  g_autoptr(JsonNode) before_json = NULL;
  g_autoptr(JsonNode) after_json = NULL;
  GError *local_error = NULL;
  gint64 category_id = 0;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error) || !validate_fields (f, error))
    return NULL;

  tx = rs_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  before = rs_products_lookup_by_sku (db, f->sku, error);
  if (before == NULL || !check_update_allowed (db, before, f, error))
    return NULL;
  if (barcode != NULL)
    {
      /* The barcode may be no other product's SKU or barcode. */
      g_autoptr(RsStatement) find = rs_database_prepare (db, PRODUCT_SELECT
                                                         "WHERE (p.sku = ?1 OR p.barcode = ?1) AND p.id <> ?2", error);
      if (find == NULL)
        return NULL;
      sqlite3_bind_text (find, 1, barcode, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (find, 2, rs_product_get_id (before));
      other = fetch_one (find, &local_error);
      if (local_error != NULL)
        return g_propagate_error (error, local_error), NULL;
      if (other != NULL)
        return g_set_error (error, RS_ERROR, RS_ERROR_EXISTS,
                            _("“%s” is already the SKU or barcode of the product “%s” (%s)."),
                            barcode, rs_product_get_name (other), rs_product_get_sku (other)), NULL;
    }
  if (f->category != NULL && *f->category != '\0')
    {
      category_id = rs_categories_ensure (session, f->category, error);
      if (category_id == 0)
        return NULL;
    }

  stmt = rs_database_prepare (db,
                              "UPDATE product SET name = ?, spec = ?, unit = ?, decimals = ?, barcode = ?, "
                              "category_id = ?, avg_cost = ?, list_price = ? WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, f->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, f->spec != NULL ? f->spec : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, f->unit, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, f->decimals);
  sqlite3_bind_text (stmt, 5, barcode, -1, SQLITE_STATIC);   /* NULL binds NULL */
  if (category_id != 0)
    sqlite3_bind_int64 (stmt, 6, category_id);
  else
    sqlite3_bind_null (stmt, 6);
  sqlite3_bind_int64 (stmt, 7, f->avg_cost);
  sqlite3_bind_int64 (stmt, 8, f->list_price);
  sqlite3_bind_int64 (stmt, 9, rs_product_get_id (before));
  if (!rs_statement_run (stmt, error))
    return NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  product = rs_products_lookup_by_id (db, rs_product_get_id (before), error);
  if (product == NULL)
    return NULL;
  before_json = rs_product_to_json (before);
  after_json = rs_product_to_json (product);
  if (json_node_equal (before_json, after_json))
    return g_steal_pointer (&product);   /* nothing changed: rolled back, nothing recorded */
  if (!rs_search_reindex (db, RS_MASTER_PRODUCT, rs_product_get_id (product), error) ||
      !rs_audit_record (session, "product.update", "product", rs_product_get_sku (product),
                        before_json, after_json, error) ||
      !rs_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&product);
}

GListModel *
rs_products_list (RsSession *session, gboolean include_inactive, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  stmt = rs_database_prepare (rs_session_get_database (session),
                              PRODUCT_SELECT "WHERE p.active OR ? ORDER BY p.sku", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_inactive ? 1 : 0);
  return fetch_all (stmt, error);
}

/* The paged list's SQL (rs-paged-model.h): constant fragments chosen by what is asked, the
 * values bound. The same fields as rs_products_search and its index. */
#define PAGED_ACTIVE "p.active = 1"
/* With a search of the trigram index, what it finds is looked up by id and sorted: the "+"
 * keeps SQLite from walking the whole index of active rows instead, testing each against the
 * search (ten found among 100,000 products: 33 ms that way, 1 ms this way). */
#define PAGED_ACTIVE_FOUND "+p.active = 1"
#define PAGED_FTS "p.id IN (SELECT rowid FROM product_fts WHERE product_fts MATCH :fts)"
#define PAGED_LIKE \
  "p.sku LIKE :like ESCAPE '\\' OR p.name LIKE :like ESCAPE '\\' OR p.spec LIKE :like ESCAPE '\\' " \
  "OR p.barcode LIKE :like ESCAPE '\\'"
/* Columns as PRODUCT_SELECT, one row per key in the order of the keys. */
#define PAGED_ROWS \
  "SELECT p.id, p.sku, p.name, p.spec, p.unit, p.decimals, p.barcode, p.category_id, c.name, " \
  "p.avg_cost, p.list_price, p.active FROM json_each (:keys) AS k JOIN product p ON p.id = k.value " \
  "LEFT JOIN category c ON c.id = p.category_id ORDER BY k.key"

static gboolean
paged_bind (RsStatement *stmt, gpointer user_data, GError **error)
{
  rs_list_search_bind (user_data, stmt);
  return TRUE;
}

static GObject *
paged_item (RsStatement *stmt, gpointer user_data, GError **error)
{
  return G_OBJECT (read_product (stmt));
}

GListModel *
rs_products_list_paged (RsSession *session, const char *search, gboolean include_inactive, GError **error)
{
  g_autoptr(GPtrArray) conditions = g_ptr_array_new ();
  g_autofree char *where = NULL;
  RsListSearch *parsed = NULL;
  RsPagedQuery query = {
    .item_type = RS_TYPE_PRODUCT,
    .from = "product p",
    .key = "p.id",
    /* SKUs are unique: the order is total. */
    .order = "p.sku",
    .rows = PAGED_ROWS,
    .version_column = -1,   /* no column tells a change; 资料 reads the list again after one */
    .make_item = paged_item,
    .bind = paged_bind,
    .destroy = (GDestroyNotify) rs_list_search_free,
  };

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error) ||
      !rs_list_search_parse (search, &parsed, error))
    return NULL;
  query.user_data = parsed;
  if (!include_inactive)
    g_ptr_array_add (conditions, parsed != NULL && parsed->fts != NULL ? PAGED_ACTIVE_FOUND : PAGED_ACTIVE);
  if (parsed != NULL)
    g_ptr_array_add (conditions, parsed->fts != NULL ? PAGED_FTS : PAGED_LIKE);
  where = rs_list_where (conditions);
  query.where = where;
  return G_LIST_MODEL (rs_paged_model_new (rs_session_get_database (session), &query, error));
}

GListModel *
rs_products_search (RsSession *session, const char *query, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autofree char *phrase = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(RsStatement) stmt = NULL;

  if (!rs_permission_check (session, RS_ACTION_VIEW, error) ||
      !rs_validate_text (query, _("search text"), RS_MAX_SHORT_CHARS, RS_TEXT_OPTIONAL, error))
    return NULL;

  phrase = rs_search_fts_phrase (query != NULL ? query : "");
  if (phrase != NULL)
    {
      stmt = rs_database_prepare (db, PRODUCT_SELECT "WHERE p.active AND p.id IN "
                                      "(SELECT rowid FROM product_fts WHERE product_fts MATCH ?) "
                                      "ORDER BY p.sku", error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_STATIC);
      return fetch_all (stmt, error);
    }

  /* Trigrams need three characters: one or two are matched with LIKE. */
  pattern = rs_search_like_pattern (query != NULL ? query : "");
  stmt = rs_database_prepare (db, PRODUCT_SELECT "WHERE p.active AND (p.sku LIKE ?1 ESCAPE '\\' "
                                  "OR p.name LIKE ?1 ESCAPE '\\' OR p.spec LIKE ?1 ESCAPE '\\' "
                                  "OR p.barcode LIKE ?1 ESCAPE '\\') ORDER BY p.sku", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  return fetch_all (stmt, error);
}

gboolean
rs_products_set_active (RsSession *session, const char *sku, gboolean active, GError **error)
{
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(JsonNode) before = NULL;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error))
    return FALSE;
  product = rs_products_lookup_by_sku (rs_session_get_database (session), sku, error);
  if (product == NULL)
    return FALSE;
  if (rs_product_get_active (product) == !!active)
    return TRUE;   /* nothing to change, nothing to record */
  before = rs_product_to_json (product);
  return rs_master_set_active (session, RS_MASTER_PRODUCT, rs_product_get_id (product),
                               rs_product_get_sku (product), before, active, error);
}

gboolean
rs_products_remove (RsSession *session, const char *sku, GError **error)
{
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(JsonNode) before = NULL;
  g_autofree char *shown = NULL;

  if (!rs_permission_check (session, RS_ACTION_MASTER_EDIT, error))
    return FALSE;
  product = rs_products_lookup_by_sku (rs_session_get_database (session), sku, error);
  if (product == NULL)
    return FALSE;
  before = rs_product_to_json (product);
  shown = g_strdup_printf ("%s %s", rs_product_get_sku (product), rs_product_get_name (product));
  return rs_master_remove (session, RS_MASTER_PRODUCT, rs_product_get_id (product),
                           rs_product_get_sku (product), shown, before, error);
}
