/* bench-reports.c — how long the reports take on a big database, with the indexes of migration
 * 0006 and (--without) without them (issue 9: "computed in SQL with indexes").
 *
 * Not a test: it prints figures. Run it through build-aux/bench-reports. The rows are written with
 * raw SQL (a core call per row would take hours): by default 100,000 returns of two lines, each
 * inspected, disposed of and costed, 50,000 sale slips of four lines, a ledger of 200,000 rows,
 * over two years. Each report is timed for the whole range and for one month, the median of the
 * runs. --without: then the month again without the indexes (some reports scan a table per row).
 */
#include "rs-core.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#define BENCH_PASSWORD "bench password 1"

static int n_returns = 100000;
static int runs = 5;
static gboolean without = FALSE;
static char *directory = NULL;

static void
die_on_error (GError *error, const char *what)
{
  if (error != NULL)
    {
      g_printerr ("bench: %s: %s\n", what, error->message);
      exit (1);
    }
}

static void
exec_raw (sqlite3 *handle, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("bench: %s\n  in: %.300s\n", message, sql);
      exit (1);
    }
}

/* ?N in the text stands for the number of returns. */
static void
exec_scaled (sqlite3 *handle, const char *sql)
{
  g_autofree char *n = g_strdup_printf ("%d", n_returns);
  g_auto(GStrv) parts = g_strsplit (sql, "?N", -1);
  g_autofree char *text = g_strjoinv (n, parts);

  exec_raw (handle, text);
}

/* Two years of a trading company: 1,000 products in 20 categories bought from 50 suppliers,
 * 2,000 customers; sales, returns through every stage, costs, breaches. Days count from
 * 2025-01-01; day d is date('2025-01-01', '+d days'). */
static const char *const fill[] = {
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20) "
  "INSERT INTO category (name, created_at) SELECT '类别' || i, 0 FROM n",
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) "
  "INSERT INTO supplier (code, name, created_at) SELECT printf ('S%03d', i), '供应商' || i, 0 FROM n",
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
  "INSERT INTO customer (code, name, created_at) SELECT printf ('C%04d', i), '客户' || i, 0 FROM n",
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
  "INSERT INTO product (sku, name, unit, decimals, category_id, avg_cost, list_price, created_at) "
  "SELECT printf ('P%04d', i), '商品' || i, '个', i % 2, 1 + i % 20, 1000 + i, 2000 + 2 * i, 0 FROM n",
  "INSERT INTO location (warehouse_id, code, kind, created_at) SELECT id, 'A1', 'storage', 0 FROM warehouse",

  /* One posted purchase per product (the supplier it is bought from), then a sale slip of four
   * lines for every second return, over the two years. */
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
  "INSERT INTO slip (number, base_number, kind, purpose, warehouse_id, slip_date, supplier_id, created_by, created_at) "
  "SELECT printf ('RK20250101-%04d', i), printf ('RK20250101-%04d', i), 'in', 'purchase', 1, '2025-01-01', "
  "       1 + i % 50, 1, 0 FROM n",
  "INSERT INTO slip_line (slip_id, line_no, product_id, location_id, quantity, unit_cost) "
  "SELECT s.id, 1, p.id, (SELECT id FROM location WHERE code = 'A1'), 100000000, p.avg_cost "
  "FROM slip s JOIN product p ON p.sku = 'P' || substr (s.number, 12) WHERE s.purpose = 'purchase'",
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?N / 2) "
  "INSERT INTO slip (number, base_number, kind, purpose, warehouse_id, slip_date, customer_id, created_by, created_at) "
  "SELECT printf ('CK%08d', i), printf ('CK%08d', i), 'out', 'sale', 1, date ('2025-01-01', '+' || (i % 730) || ' days'), "
  "       1 + i % 2000, 1, 0 FROM n",
  "WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 4) "
  "INSERT INTO slip_line (slip_id, line_no, product_id, location_id, quantity) "
  "SELECT s.id, k.j, 1 + (s.id * 7 + k.j * 131) % 1000, (SELECT id FROM location WHERE code = 'A1'), 1000 * (1 + k.j) "
  "FROM slip s, k WHERE s.purpose = 'sale'",
  "UPDATE slip SET state = 'posted', posted_by = 1, posted_at = unixepoch (slip_date) * 1000000",
  "INSERT INTO stock_ledger (product_id, warehouse_id, location_id, quantity, unit_cost, slip_id, slip_line_id, created_by, created_at) "
  "SELECT l.product_id, 1, l.location_id, CASE s.kind WHEN 'in' THEN l.quantity ELSE -l.quantity END, "
  "       coalesce (l.unit_cost, 1000), s.id, l.id, 1, s.posted_at "
  "FROM slip_line l JOIN slip s ON s.id = l.slip_id",
  "INSERT INTO stock_on_hand (product_id, location_id, warehouse_id, quantity) "
  "SELECT product_id, location_id, 1, sum (quantity) FROM stock_ledger GROUP BY product_id, location_id",

  /* The returns: drafts first (their lines are written only then), then moved on. */
  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?N) "
  "INSERT INTO customer_return (number, customer_id, request_date, sale_date, reason_id, created_by, created_at, updated_at) "
  "SELECT printf ('TH%08d', i), 1 + i % 2000, date ('2025-01-01', '+' || (i % 730) || ' days'), "
  "       date ('2025-01-01', '+' || (i % 730 - i % 20) || ' days'), 1 + i % 6, 1, "
  "       (unixepoch ('2025-01-01') + (i % 730) * 86400 + 3600 * 9) * 1000000, 0 FROM n",
  "WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT 2) "
  "INSERT INTO return_line (return_id, line_no, product_id, quantity, unit_price, received_quantity, "
  "                         inspected_quantity, disposed_quantity) "
  "SELECT r.id, k.j, 1 + (r.id * 13 + k.j * 17) % 1000, 1000 * (1 + r.id % 3), 2000 + r.id % 500, "
  "       1000 * (1 + r.id % 3), 1000 * (1 + r.id % 3), 1000 * (1 + r.id % 3) "
  "FROM customer_return r, k",
  "UPDATE customer_return SET state = 'settled', "
  "  submitted_at = created_at, approved_at = created_at + 3600000000 * (2 + id % 30), "
  "  receiving_at = created_at + 86400000000 * (2 + id % 12), received_at = created_at + 86400000000 * (2 + id % 12), "
  "  inspected_at = created_at + 86400000000 * (3 + id % 12), disposed_at = created_at + 86400000000 * (4 + id % 12), "
  "  settled_at = created_at + 86400000000 * (20 + id % 12), "
  "  refund_value = (SELECT sum ((quantity * unit_price + 500) / 1000) FROM return_line WHERE return_id = customer_return.id)",
  "INSERT INTO inspection (number, return_id, return_line_id, template_id, quantity, state, started_by, started_at, "
  "                        finished_by, finished_at, computed_verdict, verdict) "
  "SELECT 'JY' || l.id, l.return_id, l.id, 1, l.quantity, 'finished', 1, r.received_at, 1, r.inspected_at, "
  "       CASE WHEN l.id % 5 = 0 THEN 'fail' ELSE 'pass' END, CASE WHEN l.id % 5 = 0 THEN 'fail' ELSE 'pass' END "
  "FROM return_line l JOIN customer_return r ON r.id = l.return_id",
  "INSERT INTO return_disposition (return_id, return_line_id, inspection_id, kind, quantity, scrap_loss, created_by, created_at) "
  "SELECT l.return_id, l.id, i.id, CASE l.id % 5 WHEN 0 THEN 'scrap' WHEN 1 THEN 'vendor' WHEN 2 THEN 'repair' ELSE 'restock' END, "
  "       l.quantity, CASE WHEN l.id % 5 = 0 THEN (l.quantity * 1500 + 500) / 1000 ELSE 0 END, 1, r.disposed_at "
  "FROM return_line l JOIN customer_return r ON r.id = l.return_id JOIN inspection i ON i.return_line_id = l.id",
  "INSERT INTO return_cost (return_id, kind, amount, disposition_id, created_by, created_at) "
  "SELECT return_id, 'scrap-loss', scrap_loss, id, 1, created_at FROM return_disposition WHERE scrap_loss > 0",
  "INSERT INTO return_cost (return_id, kind, amount, created_by, created_at) "
  "SELECT id, 'freight', 1000 + id % 3000, 1, disposed_at FROM customer_return",
  "INSERT INTO return_cost (return_id, kind, amount, created_by, created_at) "
  "SELECT id, 'refund', refund_value, 1, disposed_at FROM customer_return",
  "INSERT INTO return_cost (return_id, kind, amount, created_by, created_at) "
  "SELECT id, 'vendor-credit', 500, 1, disposed_at FROM customer_return WHERE id % 10 = 0",
  "INSERT INTO return_flag (return_id, kind, unit, limit_us, actual_us, detected_at) "
  "SELECT id, 'receiving-deadline', 'day', 864000000000, receiving_at - approved_at, receiving_at "
  "FROM customer_return WHERE receiving_at - approved_at > 864000000000",
};

/* The indexes of migration 0006, to time the reports without them. */
static const char *const report_indexes[] = {
  "customer_return_request", "slip_posted_date", "slip_purpose_date", "slip_line_product", "stock_ledger_slip",
};

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static RsReport *
run_report (RsSession *session, int which, const char *from, const char *to, GError **error)
{
  if (which <= RS_REPORT_BY_MONTH)
    return rs_reports_returns (session, (RsReportDimension) which, from, to, error);
  if (which == RS_REPORT_BY_MONTH + 1)
    return rs_reports_stages (session, from, to, error);
  if (which == RS_REPORT_BY_MONTH + 2)
    return rs_reports_movements (session, from, to, error);
  return rs_reports_stock (session, error);
}

static const char *
report_name (int which)
{
  static char name[64];

  if (which <= RS_REPORT_BY_MONTH)
    g_snprintf (name, sizeof name, "returns --by %s", rs_report_dimension_get_key ((RsReportDimension) which));
  else
    g_strlcpy (name, which == RS_REPORT_BY_MONTH + 1 ? "stages" : which == RS_REPORT_BY_MONTH + 2 ? "stock --movements"
                                                                                              : "stock", sizeof name);
  return name;
}

/* Median wall time of `runs` runs, in ms; rows of the last. */
static double
time_report (RsSession *session, int which, const char *from, const char *to, guint *n_rows)
{
  g_autofree double *ms = g_new (double, runs);

  for (int r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsReport) report = NULL;
      gint64 start = g_get_monotonic_time ();

      report = run_report (session, which, from, to, &error);
      die_on_error (error, report_name (which));
      ms[r] = (g_get_monotonic_time () - start) / 1000.0;
      *n_rows = rs_report_get_n_rows (report);
    }
  qsort (ms, runs, sizeof (double), compare_doubles);
  return ms[runs / 2];
}

/* whole: the two years too (without the indexes, the supplier of every line is looked up by
 * scanning the slip lines: minutes). */
static void
time_all (RsSession *session, const char *label, gboolean whole)
{
  g_print ("\n%s\n%-24s %12s %6s %12s %6s\n", label, "report", "2 years ms", "rows", "1 month ms", "rows");
  for (int which = 0; which <= RS_REPORT_BY_MONTH + 3; which++)
    {
      guint all_rows = 0, month_rows = 0;
      double all = whole ? time_report (session, which, NULL, NULL, &all_rows) : 0;
      double month = time_report (session, which, "2026-03-01", "2026-03-31", &month_rows);

      if (whole)
        g_print ("%-24s %12.1f %6u %12.1f %6u\n", report_name (which), all, all_rows, month, month_rows);
      else
        g_print ("%-24s %12s %6s %12.1f %6u\n", report_name (which), "", "", month, month_rows);
    }
}

int
main (int argc, char **argv)
{
  GOptionEntry entries[] = {
    { "returns", 0, 0, G_OPTION_ARG_INT, &n_returns, "Returns to generate (default 100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure, the median is printed (default 5)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &directory, "Where to put the database (default: a temporary folder)", "DIR" },
    { "without", 0, 0, G_OPTION_ARG_NONE, &without, "Time the reports without the indexes of migration 0006 too", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the reports on a big database");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = NULL;
  g_autoptr(RsSession) session = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autofree char *path = NULL;
  g_autofree char *owned_dir = NULL;
  sqlite3 *handle;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_returns < 2 || runs < 1)
    {
      g_printerr ("bench-reports: %s\n", error != NULL ? error->message : "--returns ≥ 2, --runs ≥ 1");
      return 2;
    }
  if (directory == NULL)
    directory = owned_dir = g_dir_make_tmp ("bench-reports-XXXXXX", &error);
  die_on_error (error, "temporary folder");
  path = g_build_filename (directory, "reports.db", NULL);
  g_remove (path);

  db = rs_database_open (path, &error);
  die_on_error (error, "open");
  rs_users_initialize (db, "Bench", BENCH_PASSWORD, &error);
  die_on_error (error, "initialize");
  session = rs_session_login (db, "admin", BENCH_PASSWORD, &error);
  die_on_error (error, "login");
  warehouse = rs_warehouses_add (session, "WH1", "主仓库", NULL, &error);
  die_on_error (error, "warehouse");

  handle = rs_database_get_handle (db);
  start = g_get_monotonic_time ();
  exec_raw (handle, "BEGIN");
  for (guint i = 0; i < G_N_ELEMENTS (fill); i++)
    {
      gint64 t = g_get_monotonic_time ();

      exec_scaled (handle, fill[i]);
      if (g_getenv ("BENCH_VERBOSE") != NULL)
        g_print ("  %.2f s: %.60s\n", (g_get_monotonic_time () - t) / 1e6, fill[i]);
    }
  exec_raw (handle, "COMMIT");
  exec_raw (handle, "ANALYZE");
  g_print ("%d returns (%d lines, inspections, dispositions), %d sale slips of 4 lines, "
           "a ledger of %d rows: written in %.1f s\n",
           n_returns, 2 * n_returns, n_returns / 2, 2 * n_returns + 1000,
           (g_get_monotonic_time () - start) / 1e6);

  time_all (session, "With the indexes of migration 0006:", TRUE);
  if (without)
    {
      for (guint i = 0; i < G_N_ELEMENTS (report_indexes); i++)
        {
          g_autofree char *sql = g_strdup_printf ("DROP INDEX %s", report_indexes[i]);
          exec_raw (handle, sql);
        }
      time_all (session, "Without them (one month only):", FALSE);
    }

  g_clear_object (&session);
  g_clear_object (&db);
  if (owned_dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (wal);
      g_remove (shm);
      g_remove (path);
      g_rmdir (owned_dir);
    }
  return 0;
}
