/* rs-return-sale.c — a return against a sale out-slip takes back at most what it shipped. */
#include "rs-return-private.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-money.h"
#include "rs-permission.h"
#include "rs-returns.h"

gboolean
rs_return_sale_resolve (RsDatabase *db, const char *number, gint64 *slip_id, gint64 *customer_id, char **date,
                        GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db, "SELECT id, kind, purpose, state, coalesce (customer_id, 0), slip_date "
                                  "FROM slip WHERE number = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, RS_ERROR, RS_ERROR_NOT_FOUND, _("There is no slip numbered “%s”."), number);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!g_str_equal (rs_statement_text (stmt, 1), "out") || !g_str_equal (rs_statement_text (stmt, 2), "sale"))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("%s is not a sale out-slip; a return can only reverse a sale."), number), FALSE;
  if (!g_str_equal (rs_statement_text (stmt, 3), "posted"))
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The sale slip %s is not posted (it is a draft or voided): nothing was shipped on it."),
                        number), FALSE;
  *slip_id = sqlite3_column_int64 (stmt, 0);
  *customer_id = sqlite3_column_int64 (stmt, 4);
  *date = g_strdup (rs_statement_text (stmt, 5));
  return TRUE;
}

gboolean
rs_return_sale_line (RsDatabase *db, gint64 slip_id, gint64 product_id, gint64 *slip_line_id, gint64 *unit_price,
                     GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;

  stmt = rs_database_prepare (db, "SELECT id, coalesce (unit_cost, -1) FROM slip_line "
                                  "WHERE slip_id = ? AND product_id = ? ORDER BY line_no LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, slip_id);
  sqlite3_bind_int64 (stmt, 2, product_id);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return FALSE;
    }
  *slip_line_id = sqlite3_column_int64 (stmt, 0);
  *unit_price = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

gboolean
rs_return_sale_check (RsDatabase *db, gint64 return_id, gint64 slip_id, GError **error)
{
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *shipped = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *asked = NULL;
  g_autofree char *left = NULL;
  GError *local_error = NULL;
  const char *sku, *unit, *slip, *others;
  gint64 shipped_qty, taken_qty;
  int decimals;

  stmt = rs_database_prepare (db,
                              "SELECT p.sku, p.unit, p.decimals, req.qty, coalesce (sh.qty, 0), coalesce (tk.qty, 0), "
                              "       coalesce (tk.numbers, ''), (SELECT number FROM slip WHERE id = ?2) "
                              "FROM (SELECT product_id, sum (quantity) AS qty FROM return_line "
                              "      WHERE return_id = ?1 GROUP BY product_id) req "
                              "JOIN product p ON p.id = req.product_id "
                              "LEFT JOIN (SELECT product_id, sum (quantity) AS qty FROM slip_line "
                              "           WHERE slip_id = ?2 GROUP BY product_id) sh ON sh.product_id = req.product_id "
                              "LEFT JOIN (SELECT l.product_id, sum (l.quantity) AS qty, group_concat (DISTINCT r.number) AS numbers "
                              "           FROM return_line l JOIN customer_return r ON r.id = l.return_id "
                              "           WHERE r.sale_slip_id = ?2 AND r.id <> ?1 AND r.state NOT IN ('cancelled', 'rejected') "
                              "           GROUP BY l.product_id) tk ON tk.product_id = req.product_id "
                              "WHERE req.qty > coalesce (sh.qty, 0) - coalesce (tk.qty, 0) "
                              "ORDER BY p.sku LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, return_id);
  sqlite3_bind_int64 (stmt, 2, slip_id);
  if (!rs_statement_step (stmt, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return local_error == NULL;
    }

  sku = rs_statement_text (stmt, 0);
  unit = rs_statement_text (stmt, 1);
  decimals = sqlite3_column_int (stmt, 2);
  shipped_qty = sqlite3_column_int64 (stmt, 4);
  taken_qty = sqlite3_column_int64 (stmt, 5);
  others = rs_statement_text (stmt, 6);
  slip = rs_statement_text (stmt, 7);
  asked = rs_quantity_format (sqlite3_column_int64 (stmt, 3), decimals);
  shipped = rs_quantity_format (shipped_qty, decimals);
  taken = rs_quantity_format (taken_qty, decimals);
  left = rs_quantity_format (MAX (shipped_qty - taken_qty, 0), decimals);

  if (shipped_qty == 0)
    g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                 _("The sale slip %s did not ship %s; take it off the return or link another slip."), slip, sku);
  else if (taken_qty == 0)
    g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                 /* TRANSLATORS: "The sale slip CK… shipped 5 pcs of SKU1; the return asks for 6 pcs." */
                 _("The sale slip %s shipped %s %s of %s; the return asks for %s %s. Return at most %s %s."),
                 slip, shipped, unit, sku, asked, unit, shipped, unit);
  else
    g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                 /* TRANSLATORS: "The sale slip CK… shipped 5 pcs of SKU1 and the returns TH… already take back
                  * 3 pcs: at most 2 pcs are left, the return asks for 3 pcs." */
                 _("The sale slip %s shipped %s %s of %s and the returns %s already take back %s %s: "
                   "at most %s %s are left, the return asks for %s %s."),
                 slip, shipped, unit, sku, others, taken, unit, left, unit, asked, unit);
  return FALSE;
}

void
rs_return_sale_line_clear (RsReturnSaleLine *line)
{
  g_clear_pointer (&line->sku, g_free);
  g_clear_pointer (&line->name, g_free);
  g_clear_pointer (&line->unit, g_free);
}

GArray *
rs_returns_sale_lines (RsSession *session, const char *slip, const char *except_return, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autofree char *date = NULL;
  GError *local_error = NULL;
  gint64 slip_id, customer_id;

  g_return_val_if_fail (slip != NULL, NULL);
  if (!rs_permission_check (session, RS_ACTION_VIEW, error) ||
      !rs_return_sale_resolve (db, slip, &slip_id, &customer_id, &date, error))
    return NULL;

  /* The same sums as rs_return_sale_check(), per product of the slip. */
  stmt = rs_database_prepare (db,
                              "SELECT p.sku, p.name, p.unit, p.decimals, sh.qty, coalesce (tk.qty, 0), "
                              "       (SELECT coalesce (unit_cost, -1) FROM slip_line "
                              "        WHERE slip_id = ?1 AND product_id = sh.product_id ORDER BY line_no LIMIT 1) "
                              "FROM (SELECT product_id, sum (quantity) AS qty, min (line_no) AS first "
                              "      FROM slip_line WHERE slip_id = ?1 GROUP BY product_id) sh "
                              "JOIN product p ON p.id = sh.product_id "
                              "LEFT JOIN (SELECT l.product_id, sum (l.quantity) AS qty "
                              "           FROM return_line l JOIN customer_return r ON r.id = l.return_id "
                              "           WHERE r.sale_slip_id = ?1 AND r.number IS NOT coalesce (?2, '') "
                              "             AND r.state NOT IN ('cancelled', 'rejected') "
                              "           GROUP BY l.product_id) tk ON tk.product_id = sh.product_id "
                              "ORDER BY sh.first", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, slip_id);
  if (except_return != NULL)
    sqlite3_bind_text (stmt, 2, except_return, -1, SQLITE_STATIC);
  lines = g_array_new (FALSE, TRUE, sizeof (RsReturnSaleLine));
  g_array_set_clear_func (lines, (GDestroyNotify) rs_return_sale_line_clear);
  while (rs_statement_step (stmt, &local_error))
    {
      RsReturnSaleLine line = { 0 };

      line.sku = g_strdup (rs_statement_text (stmt, 0));
      line.name = g_strdup (rs_statement_text (stmt, 1));
      line.unit = g_strdup (rs_statement_text (stmt, 2));
      line.decimals = sqlite3_column_int (stmt, 3);
      line.shipped = sqlite3_column_int64 (stmt, 4);
      line.returnable = MAX (line.shipped - sqlite3_column_int64 (stmt, 5), 0);
      line.unit_price = sqlite3_column_int64 (stmt, 6);
      g_array_append_val (lines, line);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return g_steal_pointer (&lines);
}
