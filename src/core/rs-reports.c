/* rs-reports.c — the reports, each one SQL aggregate over an indexed range (rs-reports.h). */
#include "rs-reports.h"
#include "rs-report-private.h"
#include "rs-disposition.h"
#include "rs-error.h"
#include "rs-i18n.h"
#include "rs-permission.h"
#include "rs-reason.h"
#include "rs-reasons.h"
#include "rs-return-flag.h"
#include "rs-return-private.h"
#include "rs-slip.h"
#include "rs-time-check.h"

/* ---- shared -------------------------------------------------------------- */

/* An open end of the range: dates compare as text. */
#define RANGE_FIRST "0000-01-01"
#define RANGE_LAST  "9999-12-31"

static gboolean
check_range (const char *from, const char *to, GError **error)
{
  if (from != NULL && !rs_return_check_date (from, _("start date"), error))
    return FALSE;
  if (to != NULL && !rs_return_check_date (to, _("end date"), error))
    return FALSE;
  if (from != NULL && to != NULL && strcmp (from, to) > 0)
    return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                        _("The start date %s is after the end date %s: swap them."), from, to), FALSE;
  return TRUE;
}

static void
bind_range (RsStatement *stmt, const char *from, const char *to)
{
  sqlite3_bind_text (stmt, 1, from != NULL ? from : RANGE_FIRST, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to != NULL ? to : RANGE_LAST, -1, SQLITE_STATIC);
}

/* Integers out of the aggregates: NULL (nothing to add up) is 0. SQLite turns a product
 * that overflows 64 bits into a floating-point number; that is refused, never shown. */
static gboolean
read_ints (RsStatement *stmt, int first, int n, gint64 *values, GError **error)
{
  for (int i = 0; i < n; i++)
    switch (sqlite3_column_type (stmt, first + i))
      {
      case SQLITE_NULL:
        values[i] = 0;
        break;
      case SQLITE_INTEGER:
        values[i] = sqlite3_column_int64 (stmt, first + i);
        break;
      default:
        return g_set_error_literal (error, RS_ERROR, RS_ERROR_VALIDATION,
                                    _("The figures are too large to add up exactly; choose a shorter date range.")),
               FALSE;
      }
  return TRUE;
}

/* An aggregate without GROUP BY: always one row. */
static gboolean
step_total (RsStatement *stmt, GError **error)
{
  GError *local_error = NULL;

  if (rs_statement_step (stmt, &local_error))
    return TRUE;
  if (local_error == NULL)
    g_set_error_literal (&local_error, RS_ERROR, RS_ERROR_STORAGE, _("The database gave no result; try again."));
  g_propagate_error (error, local_error);
  return FALSE;
}

/* num ÷ den rounded half away from zero; den > 0. 128 bits: num may be scaled. */
static gint64
round_div (__int128 num, gint64 den)
{
  __int128 d = den;
  return (gint64) (num >= 0 ? (2 * num + d) / (2 * d) : -((-2 * num + d) / (2 * d)));
}

/* part ÷ whole as a percentage with one decimal, half up: a quantity cell of one decimal
 * (12.5 % is 12500 thousandths). Empty when there is nothing to divide by. */
static void
set_rate (RsTable *table, guint row, guint column, gint64 part, gint64 whole)
{
  if (whole > 0)
    rs_table_set_quantity (table, row, column, round_div ((__int128) part * 1000, whole) * 100, 1);
}

/* ---- returns ------------------------------------------------------------- */

/* name: the dimension, also the column of its groups; title: the report's (an XLSX sheet's). */
static const struct {
  const char *key;
  const char *name;
  const char *title;
} dimension_names[] = {
  [RS_REPORT_BY_REASON] = { "reason", N_("Reason"), N_("Returns by reason") },
  [RS_REPORT_BY_PRODUCT] = { "product", N_("Product"), N_("Returns by product") },
  [RS_REPORT_BY_CATEGORY] = { "category", N_("Category"), N_("Returns by category") },
  [RS_REPORT_BY_CUSTOMER] = { "customer", N_("Customer"), N_("Returns by customer") },
  [RS_REPORT_BY_SUPPLIER] = { "supplier", N_("Supplier"), N_("Returns by supplier") },
  [RS_REPORT_BY_DISPOSITION] = { "disposition", N_("Disposition"), N_("Returns by disposition") },
  [RS_REPORT_BY_MONTH] = { "month", N_("Month"), N_("Returns by month") },
};

const char *
rs_report_dimension_get_key (RsReportDimension by)
{
  g_return_val_if_fail ((guint) by < G_N_ELEMENTS (dimension_names), NULL);
  return dimension_names[by].key;
}

const char *
rs_report_dimension_get_display_name (RsReportDimension by)
{
  g_return_val_if_fail ((guint) by < G_N_ELEMENTS (dimension_names), NULL);
  return _(dimension_names[by].name);
}

gboolean
rs_report_dimension_parse (const char *key, RsReportDimension *by, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (dimension_names); i++)
    if (g_strcmp0 (key, dimension_names[i].key) == 0)
      return *by = (RsReportDimension) i, TRUE;
  return g_set_error (error, RS_ERROR, RS_ERROR_VALIDATION,
                      _("Returns are reported by reason, product, category, customer, supplier, disposition or "
                        "month, not by “%s”."), key != NULL ? key : ""), FALSE;
}

/* The returns of the range (?1, ?2) as "r0": approved and not cancelled. Joined from
 * customer_return (its request-date index) rather than through a CTE, which SQLite would
 * materialise without an index and scan once per line. */
#define RETURN_IN_RANGE \
  "r0.request_date BETWEEN ?1 AND ?2 " \
  "AND r0.state IN ('approved', 'receiving', 'received', 'inspected', 'disposed', 'settled')"

/* What of a return's costs is shared over its parts: all but the refund and the scrap loss
 * (which has its own line), vendor credit counting against. */
#define SHARED_COST(return_id) \
  "(SELECT coalesce (sum (CASE c.kind WHEN 'vendor-credit' THEN -c.amount WHEN 'refund' THEN 0 " \
  "                                  WHEN 'scrap-loss' THEN 0 ELSE c.amount END), 0) " \
  " FROM return_cost c WHERE c.return_id = " return_id ")"

/* The parts of the returns — lines, or dispositions and what is not disposed of yet — each
 * with its share of the shared cost: cumulative shares rounded toward zero, in proportion to
 * value (to quantity when the return has no value), so that they add up exactly. */
#define RETURNS_WITH \
  "WITH part AS (%s), " \
  "weighed AS (" \
  "  SELECT part.*, CASE WHEN sum (value) OVER (PARTITION BY return_id) > 0 THEN value ELSE quantity END AS weight " \
  "  FROM part), " \
  "running AS (" \
  "  SELECT weighed.*, sum (weight) OVER (PARTITION BY return_id) AS whole, " \
  "         sum (weight) OVER (PARTITION BY return_id ORDER BY line_no, seq ROWS UNBOUNDED PRECEDING) AS upto " \
  "  FROM weighed), " \
  "share AS (" \
  "  SELECT running.*, scrap + shared * upto / whole - shared * (upto - weight) / whole AS cost FROM running)%s "

/* Columns: return_id, line_no, seq, product_id, kind, quantity, value, scrap, inspected, passed,
 * shared. A line's quantity is what was approved, or more when customer service accepted more
 * (received_quantity then exceeds it); its value is the approved quantity's, as on the return.
 * Its inspected quantity and its dispositions' scrap loss are what core keeps beside the finished
 * inspections and the scrap-loss cost lines, in the same transactions. */
#define LINE_QUANTITY "max (l.quantity, l.received_quantity)"
#define LINE_VALUE    "((l.quantity * l.unit_price + 500) / 1000)"

#define PARTS_LINES \
  "SELECT l.return_id, l.line_no, 0 AS seq, l.product_id, NULL AS kind, " LINE_QUANTITY " AS quantity, " \
  "       " LINE_VALUE " AS value, " \
  "       (SELECT coalesce (sum (d.scrap_loss), 0) FROM return_disposition d WHERE d.return_line_id = l.id) AS scrap, " \
  "       l.inspected_quantity AS inspected, " \
  "       (SELECT coalesce (sum (i.quantity), 0) FROM inspection i " \
  "        WHERE i.return_line_id = l.id AND i.state = 'finished' AND i.verdict = 'pass') AS passed, " \
  "       " SHARED_COST ("l.return_id") " AS shared " \
  "FROM customer_return r0 JOIN return_line l ON l.return_id = r0.id WHERE " RETURN_IN_RANGE

/* The dispositions of each line, then what of it is not disposed of yet; the line's value
 * shared over them by quantity the way costs are shared over parts. */
#define PARTS_DISPOSITIONS \
  "SELECT return_id, line_no, seq, product_id, kind, quantity, " \
  "       line_value * upto / line_quantity - line_value * (upto - quantity) / line_quantity AS value, " \
  "       scrap, inspected, passed, " SHARED_COST ("dp.return_id") " AS shared " \
  "FROM (" \
  "  SELECT raw.*, sum (quantity) OVER (PARTITION BY line_id ORDER BY seq ROWS UNBOUNDED PRECEDING) AS upto " \
  "  FROM (" \
  "    SELECT d.return_id, l.id AS line_id, l.line_no, d.id AS seq, l.product_id, d.kind AS kind, d.quantity, " \
  "           " LINE_QUANTITY " AS line_quantity, " LINE_VALUE " AS line_value, " \
  "           d.scrap_loss AS scrap, " \
  "           CASE WHEN i.state = 'finished' THEN d.quantity ELSE 0 END AS inspected, " \
  "           CASE WHEN i.state = 'finished' AND i.verdict = 'pass' THEN d.quantity ELSE 0 END AS passed " \
  "    FROM customer_return r0 JOIN return_disposition d ON d.return_id = r0.id " \
  "    JOIN return_line l ON l.id = d.return_line_id LEFT JOIN inspection i ON i.id = d.inspection_id " \
  "    WHERE " RETURN_IN_RANGE " " \
  "    UNION ALL " \
  "    SELECT l.return_id, l.id, l.line_no, 9223372036854775807, l.product_id, '', " \
  "           " LINE_QUANTITY " - l.disposed_quantity, " LINE_QUANTITY ", " LINE_VALUE ", 0, 0, 0 " \
  "    FROM customer_return r0 JOIN return_line l ON l.return_id = r0.id " \
  "    WHERE " RETURN_IN_RANGE " AND " LINE_QUANTITY " > l.disposed_quantity) raw) dp"

/* The groups, then (is_total 1) one row over all of them, from one materialised `share`.
 * Columns 0 is_total, 1 order, 2 key, 3 name, 4 returns, 5 quantity, 6 decimals, 7 value,
 * 8 cost, 9 inspected, 10 passed[, 11 sold]. */
#define RETURNS_SELECT \
  "SELECT 0 AS is_total, %s AS ord, %s AS key, %s, count (DISTINCT s.return_id), sum (s.quantity), max (p.decimals), " \
  "       sum (s.value), sum (s.cost), sum (s.inspected), sum (s.passed)%s " \
  "FROM %s s JOIN customer_return r ON r.id = s.return_id JOIN product p ON p.id = s.product_id %s GROUP BY %s " \
  "UNION ALL " \
  "SELECT 1, 0, '', '', count (DISTINCT s.return_id), sum (s.quantity), max (p.decimals), " \
  "       sum (s.value), sum (s.cost), sum (s.inspected), sum (s.passed)%s " \
  "FROM share s JOIN product p ON p.id = s.product_id " \
  "ORDER BY is_total, ord, key"

/* What was sold of each product on the posted sale slips of the range: one pass over the
 * range's sale slips, not one search of every product's slip lines (seconds over two years). */
#define SOLD_CTE \
  ", sold AS (" \
  "  SELECT sl.product_id, sum (sl.quantity) AS quantity FROM slip k JOIN slip_line sl ON sl.slip_id = k.id " \
  "  WHERE k.purpose = 'sale' AND k.kind = 'out' AND k.state = 'posted' AND k.slip_date BETWEEN ?1 AND ?2 " \
  "  GROUP BY sl.product_id)"

/* The parts with the supplier their product was last bought from by the request date, else
 * at all. Purchases and parts go in one timeline per product, purchases first on a day; each
 * purchase is marked n × 10⁹ + supplier (n: its place among the product's purchases), so the
 * largest mark so far names the last supplier. One sort instead of a search of the product's
 * slip lines per part (minutes for 100,000 returns). */
#define SUPPLIER_CTE \
  ", purchase AS (" \
  "  SELECT sl.product_id, k.slip_date AS day, " \
  "         row_number () OVER (PARTITION BY sl.product_id ORDER BY k.slip_date, k.posted_at, k.id) * 1000000000 " \
  "         + k.supplier_id AS mark " \
  "  FROM slip k JOIN slip_line sl ON sl.slip_id = k.id " \
  "  WHERE k.purpose = 'purchase' AND k.kind = 'in' AND k.state = 'posted' AND k.supplier_id IS NOT NULL), " \
  "timeline AS (" \
  "  SELECT product_id, day, 0 AS is_part, mark, NULL AS return_id, 0 AS quantity, 0 AS value, 0 AS cost, " \
  "         0 AS inspected, 0 AS passed FROM purchase " \
  "  UNION ALL " \
  "  SELECT s.product_id, r.request_date, 1, NULL, s.return_id, s.quantity, s.value, s.cost, s.inspected, s.passed " \
  "  FROM share s JOIN customer_return r ON r.id = s.return_id), " \
  "attributed AS (" \
  "  SELECT timeline.*, " \
  "         coalesce (max (mark) OVER (PARTITION BY product_id ORDER BY day, is_part ROWS UNBOUNDED PRECEDING), " \
  "                   max (mark) OVER (PARTITION BY product_id)) % 1000000000 AS supplier_id " \
  "  FROM timeline)"

/* Per dimension: the order of its groups (then their key), key, name, joins, grouping. */
static const struct {
  const char *order_sql;
  const char *key_sql;
  const char *name_sql;
  const char *joins;
  const char *group;
} dimension_sql[] = {
  [RS_REPORT_BY_REASON] = {
    "rs.position", "rs.code", "rs.name", "JOIN reason rs ON rs.id = r.reason_id", "rs.id" },
  [RS_REPORT_BY_PRODUCT] = {
    "-sum (s.value)", "p.sku", "p.name", "", "p.id" },
  [RS_REPORT_BY_CATEGORY] = {
    "-sum (s.value)", "coalesce (cg.name, '')", "cg.name", "LEFT JOIN category cg ON cg.id = p.category_id", "cg.id" },
  [RS_REPORT_BY_CUSTOMER] = {
    "-sum (s.value)", "cu.code", "cu.name", "JOIN customer cu ON cu.id = r.customer_id", "cu.id" },
  [RS_REPORT_BY_SUPPLIER] = {
    "-sum (s.value)", "coalesce (sp.code, '')", "sp.name", "LEFT JOIN supplier sp ON sp.id = s.supplier_id", "sp.id" },
  [RS_REPORT_BY_DISPOSITION] = {
    "CASE s.kind WHEN 'restock' THEN 1 WHEN 'repair' THEN 2 WHEN 'scrap' THEN 3 WHEN 'vendor' THEN 4 "
    "WHEN 'replace' THEN 5 ELSE 6 END", "s.kind", "s.kind", "", "s.kind" },
  [RS_REPORT_BY_MONTH] = {
    "0", "substr (r.request_date, 1, 7)", "substr (r.request_date, 1, 7)", "", "substr (r.request_date, 1, 7)" },
};

/* The SQL of a returns report by the dimension: its groups, then the total. */
static char *
returns_sql (RsReportDimension by)
{
  gboolean product = by == RS_REPORT_BY_PRODUCT;

  return g_strdup_printf (RETURNS_WITH RETURNS_SELECT,
                          by == RS_REPORT_BY_DISPOSITION ? PARTS_DISPOSITIONS : PARTS_LINES,
                          product ? SOLD_CTE : by == RS_REPORT_BY_SUPPLIER ? SUPPLIER_CTE : "",
                          dimension_sql[by].order_sql, dimension_sql[by].key_sql, dimension_sql[by].name_sql,
                          /* once per product row, not per line: SQLite puts no index on a CTE */
                          product ? ", coalesce ((SELECT quantity FROM sold WHERE product_id = p.id), 0)" : "",
                          by == RS_REPORT_BY_SUPPLIER ? "attributed" : "share",
                          dimension_sql[by].joins,
                          dimension_sql[by].group,
                          product ? ", (SELECT coalesce (sum (quantity), 0) FROM sold "
                                    "   WHERE product_id IN (SELECT product_id FROM share))" : "");
}

enum {
  RETURNS_COUNT, RETURNS_QUANTITY, RETURNS_DECIMALS, RETURNS_VALUE, RETURNS_COST, RETURNS_INSPECTED,
  RETURNS_PASSED, RETURNS_SOLD, RETURNS_N_FIGURES
};

typedef struct
{
  guint key, name, count, quantity, value, cost, inspected, passed, pass_rate, sold, return_rate;
  guint key_extra;
} ReturnsColumns;

/* A group's label: what the database holds, the translated name of a seeded reason or a
 * disposition, or the group of what has none. */
static char *
group_name (RsDatabase *db, RsReportDimension by, const char *key, const char *name)
{
  RsDispositionKind kind;

  switch (by)
    {
    case RS_REPORT_BY_REASON:
      {
        g_autoptr(RsReason) reason = rs_reasons_lookup (db, key, NULL);
        return g_strdup (reason != NULL ? rs_reason_get_name (reason) : name);
      }
    case RS_REPORT_BY_CATEGORY:
      return g_strdup (*key != '\0' ? name : _("(no category)"));
    case RS_REPORT_BY_SUPPLIER:
      return g_strdup (*key != '\0' ? name : _("(no supplier)"));
    case RS_REPORT_BY_DISPOSITION:
      if (*key == '\0')
        return g_strdup (_("Not disposed of yet"));
      return g_strdup (rs_disposition_kind_parse (key, &kind, NULL) ? rs_disposition_kind_get_display_name (kind) : key);
    case RS_REPORT_BY_PRODUCT:
    case RS_REPORT_BY_CUSTOMER:
    case RS_REPORT_BY_MONTH:
    default:
      return g_strdup (name);
    }
}

static void
set_returns_figures (RsReport *report, const ReturnsColumns *c, RsReportDimension by, guint row, const gint64 *f)
{
  RsTable *table = rs_report_get_table (report);
  int decimals = (int) CLAMP (f[RETURNS_DECIMALS], 0, 3);

  rs_table_set_int (table, row, c->count, f[RETURNS_COUNT]);
  rs_table_set_quantity (table, row, c->quantity, f[RETURNS_QUANTITY], decimals);
  rs_table_set_int (table, row, c->value, f[RETURNS_VALUE]);
  rs_table_set_int (table, row, c->cost, f[RETURNS_COST]);
  rs_table_set_quantity (table, row, c->inspected, f[RETURNS_INSPECTED], decimals);
  rs_table_set_quantity (table, row, c->passed, f[RETURNS_PASSED], decimals);
  set_rate (table, row, c->pass_rate, f[RETURNS_PASSED], f[RETURNS_INSPECTED]);
  if (by == RS_REPORT_BY_PRODUCT)
    {
      rs_table_set_quantity (table, row, c->sold, f[RETURNS_SOLD], decimals);
      set_rate (table, row, c->return_rate, f[RETURNS_QUANTITY], f[RETURNS_SOLD]);
    }
}

static void
add_returns_columns (RsReport *report, RsReportDimension by, ReturnsColumns *c)
{
  /* Product, customer and supplier show their code; the other keys are for scripts only. */
  switch (by)
    {
    case RS_REPORT_BY_PRODUCT:
      c->key = rs_report_add_column (report, "key", C_("column", "SKU"), RS_TABLE_TEXT);
      c->name = rs_report_add_column (report, "name", C_("column", "Product name"), RS_TABLE_TEXT);
      break;
    case RS_REPORT_BY_CUSTOMER:
      c->key = rs_report_add_column (report, "key", C_("column", "Customer code"), RS_TABLE_TEXT);
      c->name = rs_report_add_column (report, "name", C_("column", "Customer name"), RS_TABLE_TEXT);
      break;
    case RS_REPORT_BY_SUPPLIER:
      c->key = rs_report_add_column (report, "key", C_("column", "Supplier code"), RS_TABLE_TEXT);
      c->name = rs_report_add_column (report, "name", C_("column", "Supplier name"), RS_TABLE_TEXT);
      break;
    case RS_REPORT_BY_REASON:
    case RS_REPORT_BY_CATEGORY:
    case RS_REPORT_BY_DISPOSITION:
    case RS_REPORT_BY_MONTH:
    default:
      c->key = G_MAXUINT;
      c->key_extra = rs_report_add_extra (report, "key");
      c->name = rs_report_add_column (report, "name", rs_report_dimension_get_display_name (by), RS_TABLE_TEXT);
      break;
    }
  c->count = rs_report_add_column (report, "returns", C_("column", "Returns"), RS_TABLE_INTEGER);
  c->quantity = rs_report_add_column (report, "quantity", C_("column", "Quantity"), RS_TABLE_QUANTITY);
  c->value = rs_report_add_column (report, "refund_value", C_("column", "Refund value"), RS_TABLE_MONEY);
  c->cost = rs_report_add_column (report, "handling_cost", C_("column", "Handling cost"), RS_TABLE_MONEY);
  c->inspected = rs_report_add_column (report, "inspected", C_("column", "Inspected"), RS_TABLE_QUANTITY);
  c->passed = rs_report_add_column (report, "passed", C_("column", "Passed"), RS_TABLE_QUANTITY);
  c->pass_rate = rs_report_add_column (report, "pass_rate", C_("column", "Pass rate (%)"), RS_TABLE_QUANTITY);
  if (by == RS_REPORT_BY_PRODUCT)
    {
      c->sold = rs_report_add_column (report, "sold", C_("column", "Sold"), RS_TABLE_QUANTITY);
      c->return_rate = rs_report_add_column (report, "return_rate", C_("column", "Return rate (%)"), RS_TABLE_QUANTITY);
    }
}

RsReport *
rs_reports_returns (RsSession *session, RsReportDimension by, const char *from, const char *to, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsReport) report = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  GError *local_error = NULL;
  ReturnsColumns c = { 0 };
  int n_figures = by == RS_REPORT_BY_PRODUCT ? RETURNS_N_FIGURES : RETURNS_SOLD;
  gint64 f[RETURNS_N_FIGURES] = { 0 };
  RsTable *table;
  guint row;

  g_return_val_if_fail ((guint) by < G_N_ELEMENTS (dimension_sql), NULL);

  if (!rs_permission_check (session, RS_ACTION_REPORT_VIEW, error) || !check_range (from, to, error))
    return NULL;

  report = rs_report_new ("returns", rs_report_dimension_get_key (by), _(dimension_names[by].title), from, to);
  table = rs_report_get_table (report);
  add_returns_columns (report, by, &c);

  sql = returns_sql (by);
  stmt = rs_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, from, to);
  while (rs_statement_step (stmt, &local_error))
    {
      const char *key = rs_statement_text (stmt, 2);
      g_autofree char *name = NULL;

      if (!read_ints (stmt, 4, n_figures, f, &local_error))
        break;
      if (sqlite3_column_int (stmt, 0) != 0)
        {
          set_returns_figures (report, &c, by, rs_report_add_total (report), f);
          continue;
        }
      name = group_name (db, by, key, rs_statement_text (stmt, 3));
      row = rs_report_add_row (report);
      if (c.key != G_MAXUINT)
        rs_table_set_text (table, row, c.key, key);
      else
        rs_report_set_extra_text (report, row, c.key_extra, key);
      rs_table_set_text (table, row, c.name, name);
      set_returns_figures (report, &c, by, row, f);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  g_return_val_if_fail (rs_report_has_total (report), NULL);
  return g_steal_pointer (&report);
}

/* The returns behind one group: the same parts as the report, kept to the group's key. */
#define GROUP_SELECT \
  "SELECT r.number, r.request_date, rc.name, sum (s.quantity), max (p.decimals), sum (s.value) " \
  "FROM %s s JOIN customer_return r ON r.id = s.return_id JOIN product p ON p.id = s.product_id " \
  "JOIN customer rc ON rc.id = r.customer_id %s WHERE %s = ?3 GROUP BY r.id ORDER BY r.request_date, r.number"

RsTable *
rs_reports_returns_group (RsSession *session, RsReportDimension by, const char *key,
                          const char *from, const char *to, GError **error)
{
  g_autoptr(RsTable) table = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  g_autofree char *sql = NULL;
  GError *local_error = NULL;
  guint number, date, customer, quantity, value;

  g_return_val_if_fail ((guint) by < G_N_ELEMENTS (dimension_sql), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!rs_permission_check (session, RS_ACTION_REPORT_VIEW, error) || !check_range (from, to, error))
    return NULL;

  table = rs_table_new (C_("report", "Returns"));
  number = rs_table_add_column (table, C_("column", "Return"), RS_TABLE_TEXT);
  date = rs_table_add_column (table, C_("column", "Request date"), RS_TABLE_TEXT);
  customer = rs_table_add_column (table, C_("column", "Customer name"), RS_TABLE_TEXT);
  quantity = rs_table_add_column (table, C_("column", "Quantity"), RS_TABLE_QUANTITY);
  value = rs_table_add_column (table, C_("column", "Refund value"), RS_TABLE_MONEY);

  sql = g_strdup_printf (RETURNS_WITH GROUP_SELECT,
                         by == RS_REPORT_BY_DISPOSITION ? PARTS_DISPOSITIONS : PARTS_LINES,
                         by == RS_REPORT_BY_SUPPLIER ? SUPPLIER_CTE : "",
                         by == RS_REPORT_BY_SUPPLIER ? "attributed" : "share",
                         dimension_sql[by].joins, dimension_sql[by].key_sql);
  stmt = rs_database_prepare (rs_session_get_database (session), sql, error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, from, to);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  while (rs_statement_step (stmt, &local_error))
    {
      gint64 f[3];
      guint row;

      if (!read_ints (stmt, 3, 3, f, &local_error))
        break;
      row = rs_table_add_row (table);
      rs_table_set_text (table, row, number, rs_statement_text (stmt, 0));
      rs_table_set_text (table, row, date, rs_statement_text (stmt, 1));
      rs_table_set_text (table, row, customer, rs_statement_text (stmt, 2));
      rs_table_set_quantity (table, row, quantity, f[0], (int) CLAMP (f[1], 0, 3));
      rs_table_set_int (table, row, value, f[2]);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  return g_steal_pointer (&table);
}

/* ---- stages -------------------------------------------------------------- */

static const struct {
  const char *key;
  const char *name;
  int         flag;   /* an RsFlagKind, or -1 */
} stages[] = {
  { "sale-request", N_("Sale → request"), RS_FLAG_RETURN_WINDOW },
  { "request-approval", N_("Request → approval"), -1 },
  { "approval-receipt", N_("Approval → receipt"), RS_FLAG_RECEIVING_DEADLINE },
  { "receipt-inspection", N_("Receipt → inspection"), RS_FLAG_INSPECTION_DEADLINE },
  { "inspection-disposition", N_("Inspection → disposition"), -1 },
  { "disposition-settlement", N_("Disposition → settlement"), -1 },
};

/* Per stage (1…6): how many, the sum of the middle one or two durations (µs; twice the
 * median), and the ⌈0.9 n⌉-th. */
#define STAGES_SQL \
  "WITH rt AS (SELECT * FROM customer_return WHERE request_date BETWEEN ?1 AND ?2 AND state <> 'draft'), " \
  "span AS (" \
  "  SELECT 1 AS stage, (unixepoch (request_date) - unixepoch (sale_date)) * 1000000 AS us FROM rt " \
  "   WHERE sale_date IS NOT NULL " \
  "  UNION ALL SELECT 2, approved_at - created_at FROM rt WHERE approved_at IS NOT NULL " \
  "  UNION ALL SELECT 3, receiving_at - approved_at FROM rt WHERE receiving_at IS NOT NULL AND approved_at IS NOT NULL " \
  "  UNION ALL SELECT 4, inspected_at - receiving_at FROM rt WHERE inspected_at IS NOT NULL AND receiving_at IS NOT NULL " \
  "  UNION ALL SELECT 5, disposed_at - inspected_at FROM rt WHERE disposed_at IS NOT NULL AND inspected_at IS NOT NULL " \
  "  UNION ALL SELECT 6, settled_at - disposed_at FROM rt WHERE settled_at IS NOT NULL AND disposed_at IS NOT NULL), " \
  "ranked AS (" \
  "  SELECT stage, us, row_number () OVER (PARTITION BY stage ORDER BY us) AS rn, " \
  "         count (*) OVER (PARTITION BY stage) AS n FROM span) " \
  "SELECT stage, n, max (CASE WHEN rn = (n + 1) / 2 THEN us END) + max (CASE WHEN rn = n / 2 + 1 THEN us END), " \
  "       max (CASE WHEN rn = (9 * n + 9) / 10 THEN us END) " \
  "FROM ranked GROUP BY stage"

/* Per check: returns with a breach recorded or running late now, and of them still late. */
#define BREACHES_SQL \
  "SELECT sum (EXISTS (SELECT 1 FROM return_flag f WHERE f.return_id = r.id AND f.kind = 'return-window')), 0, " \
  "       sum (EXISTS (SELECT 1 FROM return_flag f WHERE f.return_id = r.id AND f.kind = 'receiving-deadline') " \
  "            OR " RS_TIME_CHECK_RECEIVING_LATE "), " \
  "       sum (" RS_TIME_CHECK_RECEIVING_LATE "), " \
  "       sum (EXISTS (SELECT 1 FROM return_flag f WHERE f.return_id = r.id AND f.kind = 'inspection-deadline') " \
  "            OR " RS_TIME_CHECK_INSPECTION_LATE "), " \
  "       sum (" RS_TIME_CHECK_INSPECTION_LATE ") " \
  "FROM customer_return r WHERE r.request_date BETWEEN ?1 AND ?2 AND r.state <> 'draft'"

RsReport *
rs_reports_stages (RsSession *session, const char *from, const char *to, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsReport) report = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;
  gint64 figures[G_N_ELEMENTS (stages)][3] = { { 0 } };   /* n, twice the median, p90 */
  gint64 breaches[RS_FLAG_INSPECTION_DEADLINE + 1][2] = { { 0 } };   /* breaches, pending */
  guint name, count, median, p90, check, n_breaches, pending;
  guint stage_extra, check_extra, median_extra, p90_extra;
  RsTable *table;

  if (!rs_permission_check (session, RS_ACTION_REPORT_VIEW, error) || !check_range (from, to, error))
    return NULL;

  stmt = rs_database_prepare (db, STAGES_SQL, error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, from, to);
  while (rs_statement_step (stmt, &local_error))
    {
      gint64 row[4];

      if (!read_ints (stmt, 0, 4, row, &local_error))
        break;
      if (row[0] >= 1 && row[0] <= (gint64) G_N_ELEMENTS (stages))
        memcpy (figures[row[0] - 1], row + 1, sizeof figures[0]);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db, BREACHES_SQL, error);
  if (stmt == NULL || !rs_time_check_bind (db, stmt, error))
    return NULL;
  bind_range (stmt, from, to);
  if (!step_total (stmt, error) || !read_ints (stmt, 0, 6, &breaches[0][0], error))
    return NULL;

  report = rs_report_new ("stages", NULL, _("Stage times"), from, to);
  table = rs_report_get_table (report);
  stage_extra = rs_report_add_extra (report, "stage");
  name = rs_report_add_column (report, "name", C_("column", "Stage"), RS_TABLE_TEXT);
  count = rs_report_add_column (report, "returns", C_("column", "Returns"), RS_TABLE_INTEGER);
  median = rs_report_add_column (report, "median_hours", C_("column", "Median (hours)"), RS_TABLE_QUANTITY);
  p90 = rs_report_add_column (report, "p90_hours", C_("column", "90th percentile (hours)"), RS_TABLE_QUANTITY);
  check_extra = rs_report_add_extra (report, "breach_kind");
  check = rs_report_add_column (report, "breach_name", C_("column", "Time check"), RS_TABLE_TEXT);
  n_breaches = rs_report_add_column (report, "breaches", C_("column", "Breaches"), RS_TABLE_INTEGER);
  pending = rs_report_add_column (report, "pending", C_("column", "Still late"), RS_TABLE_INTEGER);
  median_extra = rs_report_add_extra (report, "median_seconds");
  p90_extra = rs_report_add_extra (report, "p90_seconds");

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      guint row = rs_report_add_row (report);
      gint64 n = figures[i][0];

      rs_report_set_extra_text (report, row, stage_extra, stages[i].key);
      rs_table_set_text (table, row, name, _(stages[i].name));
      rs_table_set_int (table, row, count, n);
      if (n > 0)
        {
          /* Hours with one decimal as a quantity of one decimal: 0.1 h = 100 thousandths. */
          rs_table_set_quantity (table, row, median, round_div (figures[i][1], 2 * 360 * G_USEC_PER_SEC) * 100, 1);
          rs_table_set_quantity (table, row, p90, round_div (figures[i][2], 360 * G_USEC_PER_SEC) * 100, 1);
          rs_report_set_extra (report, row, median_extra, round_div (figures[i][1], 2 * G_USEC_PER_SEC));
          rs_report_set_extra (report, row, p90_extra, round_div (figures[i][2], G_USEC_PER_SEC));
        }
      if (stages[i].flag >= 0)
        {
          rs_report_set_extra_text (report, row, check_extra, rs_flag_kind_get_key (stages[i].flag));
          rs_table_set_text (table, row, check, rs_flag_kind_get_display_name (stages[i].flag));
          rs_table_set_int (table, row, n_breaches, breaches[stages[i].flag][0]);
          if (stages[i].flag != RS_FLAG_RETURN_WINDOW)   /* recorded at intake: never pending */
            rs_table_set_int (table, row, pending, breaches[stages[i].flag][1]);
        }
    }
  return g_steal_pointer (&report);
}

/* ---- stock --------------------------------------------------------------- */

/* Columns 0 code, 1 name, 2 products, 3 quantity, 4 decimals, 5 quarantine, 6 value,
 * 7 quarantine value; with the warehouse (per warehouse) or without (the total). */
#define STOCK_SQL(code, name, products, where_group) \
  "WITH held AS (" \
  "  SELECT h.warehouse_id, h.product_id, sum (h.quantity) AS quantity, " \
  "         sum (CASE WHEN l.kind = 'quarantine' THEN h.quantity ELSE 0 END) AS quarantine " \
  "  FROM stock_on_hand h JOIN location l ON l.id = h.location_id WHERE h.quantity > 0 " \
  "  GROUP BY h.warehouse_id, h.product_id) " \
  "SELECT " code ", " name ", " products ", sum (held.quantity), max (p.decimals), sum (held.quarantine), " \
  "       sum ((held.quantity * p.avg_cost + 500) / 1000), sum ((held.quarantine * p.avg_cost + 500) / 1000) " \
  where_group

static void
set_stock_figures (RsTable *table, guint row, guint first, const gint64 *f)
{
  int decimals = (int) CLAMP (f[2], 0, 3);

  rs_table_set_int (table, row, first, f[0]);
  rs_table_set_quantity (table, row, first + 1, f[1], decimals);
  rs_table_set_quantity (table, row, first + 2, f[3], decimals);
  rs_table_set_int (table, row, first + 3, f[4]);
  rs_table_set_int (table, row, first + 4, f[5]);
}

RsReport *
rs_reports_stock (RsSession *session, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsReport) report = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;
  gint64 f[6];   /* products, quantity, decimals, quarantine, value, quarantine value */
  guint code, name, products;
  RsTable *table;

  if (!rs_permission_check (session, RS_ACTION_REPORT_VIEW, error))
    return NULL;

  report = rs_report_new ("stock", NULL, _("Stock by warehouse"), NULL, NULL);
  table = rs_report_get_table (report);
  code = rs_report_add_column (report, "warehouse", C_("column", "Warehouse"), RS_TABLE_TEXT);
  name = rs_report_add_column (report, "name", C_("column", "Warehouse name"), RS_TABLE_TEXT);
  products = rs_report_add_column (report, "products", C_("column", "Products in stock"), RS_TABLE_INTEGER);
  rs_report_add_column (report, "quantity", C_("column", "On hand"), RS_TABLE_QUANTITY);
  rs_report_add_column (report, "quarantine", C_("column", "Of it in quarantine"), RS_TABLE_QUANTITY);
  rs_report_add_column (report, "value", C_("column", "Stock value"), RS_TABLE_MONEY);
  rs_report_add_column (report, "quarantine_value", C_("column", "Quarantine value"), RS_TABLE_MONEY);

  stmt = rs_database_prepare (db, STOCK_SQL ("w.code", "w.name", "count (held.product_id)",
                                             "FROM warehouse w LEFT JOIN held ON held.warehouse_id = w.id "
                                             "LEFT JOIN product p ON p.id = held.product_id "
                                             "WHERE w.active = 1 OR held.product_id IS NOT NULL "
                                             "GROUP BY w.id ORDER BY w.code"), error);
  if (stmt == NULL)
    return NULL;
  while (rs_statement_step (stmt, &local_error))
    {
      guint row;

      if (!read_ints (stmt, 2, 6, f, &local_error))
        break;
      row = rs_report_add_row (report);
      rs_table_set_text (table, row, code, rs_statement_text (stmt, 0));
      rs_table_set_text (table, row, name, rs_statement_text (stmt, 1));
      set_stock_figures (table, row, products, f);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db, STOCK_SQL ("''", "''", "count (DISTINCT held.product_id)",
                                             "FROM held JOIN product p ON p.id = held.product_id"), error);
  if (stmt == NULL)
    return NULL;
  if (!step_total (stmt, error) || !read_ints (stmt, 2, 6, f, error))
    return NULL;
  set_stock_figures (table, rs_report_add_total (report), products, f);
  return g_steal_pointer (&report);
}

/* ---- movements ----------------------------------------------------------- */

/* Columns 0 month, 1 kind, 2 purpose, 3 slips, 4 in, 5 out, 6 decimals, 7 value in, 8 value out. */
#define MOVEMENTS_SQL(group) \
  "SELECT substr (s.slip_date, 1, 7), s.kind, s.purpose, count (DISTINCT s.id), " \
  "       sum (max (g.quantity, 0)), sum (max (-g.quantity, 0)), max (p.decimals), " \
  "       sum (CASE WHEN g.quantity > 0 THEN (g.quantity * g.unit_cost + 500) / 1000 ELSE 0 END), " \
  "       sum (CASE WHEN g.quantity < 0 THEN (-g.quantity * g.unit_cost + 500) / 1000 ELSE 0 END) " \
  "FROM slip s JOIN stock_ledger g ON g.slip_id = s.id JOIN product p ON p.id = g.product_id " \
  "LEFT JOIN slip_purpose sp ON sp.kind = s.kind AND sp.purpose = s.purpose " \
  "WHERE s.state = 'posted' AND s.slip_date BETWEEN ?1 AND ?2 " group

static void
set_movement_figures (RsTable *table, guint row, guint first, const gint64 *f)
{
  int decimals = (int) CLAMP (f[3], 0, 3);

  rs_table_set_int (table, row, first, f[0]);
  rs_table_set_quantity (table, row, first + 1, f[1], decimals);
  rs_table_set_quantity (table, row, first + 2, f[2], decimals);
  rs_table_set_int (table, row, first + 3, f[4]);
  rs_table_set_int (table, row, first + 4, f[5]);
}

RsReport *
rs_reports_movements (RsSession *session, const char *from, const char *to, GError **error)
{
  RsDatabase *db = rs_session_get_database (session);
  g_autoptr(RsReport) report = NULL;
  g_autoptr(RsStatement) stmt = NULL;
  GError *local_error = NULL;
  gint64 f[6];   /* slips, in, out, decimals, value in, value out */
  guint month, kind_name, purpose_name, slips, kind_extra, purpose_extra;
  RsTable *table;

  if (!rs_permission_check (session, RS_ACTION_REPORT_VIEW, error) || !check_range (from, to, error))
    return NULL;

  report = rs_report_new ("movements", NULL, _("Stock movements"), from, to);
  table = rs_report_get_table (report);
  month = rs_report_add_column (report, "month", C_("column", "Month"), RS_TABLE_TEXT);
  kind_extra = rs_report_add_extra (report, "kind");
  kind_name = rs_report_add_column (report, "kind_name", C_("column", "Slip kind"), RS_TABLE_TEXT);
  purpose_extra = rs_report_add_extra (report, "purpose");
  purpose_name = rs_report_add_column (report, "purpose_name", C_("column", "Purpose"), RS_TABLE_TEXT);
  slips = rs_report_add_column (report, "slips", C_("column", "Slips"), RS_TABLE_INTEGER);
  rs_report_add_column (report, "quantity_in", C_("column", "Quantity in"), RS_TABLE_QUANTITY);
  rs_report_add_column (report, "quantity_out", C_("column", "Quantity out"), RS_TABLE_QUANTITY);
  rs_report_add_column (report, "value_in", C_("column", "Value in"), RS_TABLE_MONEY);
  rs_report_add_column (report, "value_out", C_("column", "Value out"), RS_TABLE_MONEY);

  stmt = rs_database_prepare (db, MOVEMENTS_SQL ("GROUP BY 1, 2, 3 ORDER BY 1, CASE s.kind WHEN 'in' THEN 1 "
                                                 "WHEN 'out' THEN 2 ELSE 3 END, sp.position, s.purpose"), error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, from, to);
  while (rs_statement_step (stmt, &local_error))
    {
      const char *kind = rs_statement_text (stmt, 1);
      RsSlipKind slip_kind;
      guint row;

      if (!read_ints (stmt, 3, 6, f, &local_error))
        break;
      row = rs_report_add_row (report);
      rs_table_set_text (table, row, month, rs_statement_text (stmt, 0));
      rs_report_set_extra_text (report, row, kind_extra, kind);
      rs_table_set_text (table, row, kind_name,
                         rs_slip_kind_parse (kind, &slip_kind, NULL) ? rs_slip_kind_get_display_name (slip_kind) : kind);
      rs_report_set_extra_text (report, row, purpose_extra, rs_statement_text (stmt, 2));
      rs_table_set_text (table, row, purpose_name, rs_slip_purpose_get_display_name (rs_statement_text (stmt, 2)));
      set_movement_figures (table, row, slips, f);
    }
  if (local_error != NULL)
    return g_propagate_error (error, local_error), NULL;
  g_clear_pointer (&stmt, rs_statement_release);

  stmt = rs_database_prepare (db, MOVEMENTS_SQL (""), error);
  if (stmt == NULL)
    return NULL;
  bind_range (stmt, from, to);
  if (!step_total (stmt, error) || !read_ints (stmt, 3, 6, f, error))
    return NULL;
  set_movement_figures (table, rs_report_add_total (report), slips, f);
  return g_steal_pointer (&report);
}
