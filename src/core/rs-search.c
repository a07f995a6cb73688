/* rs-search.c */
#include "rs-search.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-master-private.h"
#include "rs-permission.h"
#include "rs-returns.h"
#include "rs-slips.h"

void
rs_search_hit_free (RsSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->reference);
  g_free (hit->title);
  g_free (hit->subtitle);
  g_free (hit);
}

static void
add_hit (GPtrArray *hits, RsSearchKind kind, const char *reference, char *title, char *subtitle)
{
  RsSearchHit *hit = g_new0 (RsSearchHit, 1);

  hit->kind = kind;
  hit->reference = g_strdup (reference);
  hit->title = title;
  hit->subtitle = subtitle;
  g_ptr_array_add (hits, hit);
}

static gboolean
add_returns (RsSession *session, GPtrArray *hits, const char *text, guint limit, GError **error)
{
  RsReturnFilter filter = { .state = -1, .search = text, .limit = limit };
  g_autoptr(GListModel) list = rs_returns_list (session, &filter, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsReturn) ret = g_list_model_get_item (list, i);

      add_hit (hits, RS_SEARCH_RETURN, rs_return_get_number (ret), g_strdup (rs_return_get_number (ret)),
               /* TRANSLATORS: a return found by a search: customer and state */
               g_strdup_printf (_("%s · %s"), rs_return_get_customer_name (ret),
                                rs_return_state_get_display_name (rs_return_get_state (ret))));
    }
  return TRUE;
}

static gboolean
add_slips (RsSession *session, GPtrArray *hits, const char *text, guint limit, GError **error)
{
  RsSlipFilter filter = { .kind = -1, .state = -1, .search = text, .limit = limit };
  g_autoptr(GListModel) list = rs_slips_list (session, &filter, error);

  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsSlip) slip = g_list_model_get_item (list, i);
      const char *partner = NULL;
      g_autofree char *subtitle = NULL;

      if (!rs_slip_get_partner (slip, NULL, NULL, &partner))
        partner = NULL;
      /* TRANSLATORS: a slip found by a search: purpose, date and state, "销售出库 · 2026-11-26 · 已过账" */
      subtitle = g_strdup_printf (_("%s · %s · %s"), rs_slip_purpose_get_display_name (rs_slip_get_purpose (slip)),
                                  rs_slip_get_date (slip), rs_slip_state_get_display_name (rs_slip_get_state (slip)));
      add_hit (hits, RS_SEARCH_SLIP, rs_slip_get_number (slip), g_strdup (rs_slip_get_number (slip)),
               partner != NULL ? g_strdup_printf ("%s · %s", subtitle, partner) : g_steal_pointer (&subtitle));
    }
  return TRUE;
}

/* Products and customers: the same indexes their own searches use, with a limit. */
static const struct
{
  RsSearchKind kind;
  const char  *fts;
  const char  *like;
} master_queries[] = {
  { RS_SEARCH_PRODUCT,
    "SELECT sku, name, spec FROM product WHERE active AND id IN "
    "(SELECT rowid FROM product_fts WHERE product_fts MATCH ?1) ORDER BY sku LIMIT ?2",
    "SELECT sku, name, spec FROM product WHERE active AND (sku LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\' "
    "OR spec LIKE ?1 ESCAPE '\\' OR barcode LIKE ?1 ESCAPE '\\') ORDER BY sku LIMIT ?2" },
  { RS_SEARCH_CUSTOMER,
    "SELECT code, name, phone FROM customer WHERE active AND id IN "
    "(SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?1) ORDER BY name, code LIMIT ?2",
    "SELECT code, name, phone FROM customer WHERE active AND (code LIKE ?1 ESCAPE '\\' OR name LIKE ?1 ESCAPE '\\' "
    "OR contact LIKE ?1 ESCAPE '\\' OR phone LIKE ?1 ESCAPE '\\') ORDER BY name, code LIMIT ?2" },
};

static gboolean
add_master (RsSession *session, GPtrArray *hits, guint which, const char *text, guint limit, GError **error)
{
  g_autofree char *phrase = rs_search_fts_phrase (text);
  g_autofree char *pattern = phrase == NULL ? rs_search_like_pattern (text) : NULL;
  g_autoptr(RsStatement) stmt = rs_database_prepare (rs_session_get_database (session),
                                                     phrase != NULL ? master_queries[which].fts
                                                                    : master_queries[which].like, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, phrase != NULL ? phrase : pattern, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  while (rs_statement_step (stmt, &local_error))
    {
      const char *key = rs_statement_text (stmt, 0);
      const char *name = rs_statement_text (stmt, 1);
      const char *extra = rs_statement_text (stmt, 2);

      if (master_queries[which].kind == RS_SEARCH_PRODUCT)
        add_hit (hits, RS_SEARCH_PRODUCT, key, g_strdup_printf ("%s %s", key, name), g_strdup (extra));
      else
        add_hit (hits, RS_SEARCH_CUSTOMER, key, g_strdup (name),
                 *extra != '\0' ? g_strdup_printf ("%s · %s", key, extra) : g_strdup (key));
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), FALSE;
  return TRUE;
}

GPtrArray *
rs_search_everywhere (RsSession *session, const char *text, guint limit, GError **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) rs_search_hit_free);
  g_autofree char *query = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  if (*query == '\0' || limit == 0)
    return g_steal_pointer (&hits);
  /* The returns list checks the text (length, UTF-8) for all four. */
  if (!add_returns (session, hits, query, limit, error) ||
      !add_slips (session, hits, query, limit, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (master_queries); i++)
    if (!add_master (session, hits, i, query, limit, error))
      return NULL;
  return g_steal_pointer (&hits);
}

char *
rs_search_document (RsSession *session, const char *text, RsSearchKind *kind, GError **error)
{
  g_autofree char *number = g_strstrip (g_ascii_strup (text != NULL ? text : "", -1));
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RS_IS_SESSION (session), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error))
    return NULL;
  if (*number == '\0' || !g_utf8_validate (number, -1, NULL))
    return NULL;

  {
    g_autoptr(RsReturn) ret = rs_returns_lookup (session, number, &local_error);
    if (ret != NULL)
      {
        *kind = RS_SEARCH_RETURN;
        return g_strdup (rs_return_get_number (ret));
      }
  }
  if (!g_error_matches (local_error, RS_ERROR, RS_ERROR_NOT_FOUND))
    return g_propagate_error (error, g_steal_pointer (&local_error)), NULL;
  g_clear_error (&local_error);
  {
    g_autoptr(RsSlip) slip = rs_slips_lookup (session, number, &local_error);
    if (slip != NULL)
      {
        *kind = RS_SEARCH_SLIP;
        return g_strdup (rs_slip_get_number (slip));
      }
  }
  if (!g_error_matches (local_error, RS_ERROR, RS_ERROR_NOT_FOUND))
    return g_propagate_error (error, g_steal_pointer (&local_error)), NULL;
  return NULL;
}
