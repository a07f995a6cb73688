/* bench-lists.c — the paged lists on big databases (DESIGN §5, issues 7 and 8): 100,000
 * returns, and 100,000 slips with 1,000,000 lines and ledger rows.
 *
 * Not a test: it prints figures. Run it through build-aux/bench-lists. The fixture is written
 * straight into SQLite in one transaction (a benchmark fixture: no per-row audit, no numbering
 * through core), then each list is opened in a fresh child process, so that its peak memory is
 * the list's alone: the time until the first page is there, a page at the end, a search, and the
 * process's peak RSS, beside the same lists on an empty database.
 */
#include "rs-core.h"
#include "rs-paged-model.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BENCH_PASSWORD "bench password 1"
#define PRODUCTS 1000
#define CUSTOMERS 500
#define SUPPLIERS 50
#define WAREHOUSES 4
#define STORAGE_PER_WAREHOUSE 9
#define RUNS 5

static int n_returns = 100000;
static int n_slips = 100000;
static int lines_per_slip = 10;
static char *directory = NULL;
static gboolean keep = FALSE;

static void
die_on_error (GError *error, const char *what)
{
  if (error != NULL)
    {
      g_printerr ("bench: %s: %s\n", what, error->message);
      exit (1);
    }
}

static sqlite3_stmt *
prepare (sqlite3 *handle, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("bench: %s\n  in: %.200s\n", sqlite3_errmsg (handle), sql);
      exit (1);
    }
  return stmt;
}

static void
exec (sqlite3 *handle, const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("bench: %s\n  in: %.200s\n", message, sql);
      exit (1);
    }
}

/* Binds the values (int64 or text, by the format's letters) and steps once. */
static void
run (sqlite3_stmt *stmt, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  for (int i = 0; format[i] != '\0'; i++)
    {
      if (format[i] == 'i')
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
      else if (format[i] == 's')
        sqlite3_bind_text (stmt, i + 1, va_arg (args, const char *), -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, i + 1);
    }
  va_end (args);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_printerr ("bench: %s\n  in: %.200s\n", sqlite3_errmsg (sqlite3_db_handle (stmt)), sqlite3_sql (stmt));
      exit (1);
    }
  sqlite3_reset (stmt);
}

static const char *const cities[] = { "上海", "北京", "广州", "深圳", "杭州", "南京", "成都", "武汉", "华东", "西安" };
static const char *const trades[] = { "商贸", "电子", "五金", "贸易", "科技", "机电", "物流", "建材" };
static const char *const goods[] = { "螺丝刀", "电缆线", "胶水", "扳手", "电钻", "插座", "灯泡", "开关", "水管", "手套" };
static const char *const states[] = { "draft", "submitted", "approved", "receiving", "received", "inspected",
                                      "disposed", "settled", "rejected", "cancelled" };

/* A fresh database with the admin, then master data and the documents in one transaction. */
static void
generate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  sqlite3 *h;
  sqlite3_stmt *stmt, *line, *post, *ledger;
  g_autofree gint64 *on_hand = g_new0 (gint64, (gsize) PRODUCTS * WAREHOUSES * (STORAGE_PER_WAREHOUSE + 1));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  gint64 start = g_get_monotonic_time ();
  gint64 t0 = G_GINT64_CONSTANT (1735689600) * G_USEC_PER_SEC;   /* 2025-01-01 */
  gint64 ledger_rows = 0;

  die_on_error (error, "open");
  rs_users_initialize (db, "Bench", BENCH_PASSWORD, &error);
  die_on_error (error, "initialize");
  h = rs_database_get_handle (db);
  exec (h, "BEGIN IMMEDIATE");

  stmt = prepare (h, "INSERT INTO warehouse (id, code, name, created_at) VALUES (?, ?, ?, 0)");
  for (gint64 w = 1; w <= WAREHOUSES; w++)
    {
      g_autofree char *code = g_strdup_printf ("WH%" G_GINT64_FORMAT, w);
      g_autofree char *name = g_strdup_printf ("%s仓库", cities[w]);
      run (stmt, "iss", w, code, name);
    }
  sqlite3_finalize (stmt);
  /* Location ids: (w - 1) * 10 + 1 is QA, the next nine storage. */
  stmt = prepare (h, "INSERT INTO location (id, warehouse_id, code, kind, created_at) VALUES (?, ?, ?, ?, 0)");
  for (gint64 w = 1; w <= WAREHOUSES; w++)
    for (gint64 l = 0; l <= STORAGE_PER_WAREHOUSE; l++)
      {
        g_autofree char *code = l == 0 ? g_strdup ("QA") : g_strdup_printf ("A%02" G_GINT64_FORMAT, l);
        run (stmt, "iiss", (w - 1) * 10 + l + 1, w, code, l == 0 ? "quarantine" : "storage");
      }
  sqlite3_finalize (stmt);

  stmt = prepare (h, "INSERT INTO product (id, sku, name, unit, avg_cost, list_price, created_at) "
                     "VALUES (?, ?, ?, '个', 500, 1000, 0)");
  for (gint64 p = 1; p <= PRODUCTS; p++)
    {
      g_autofree char *sku = g_strdup_printf ("P%05" G_GINT64_FORMAT, p);
      g_autofree char *name = g_strdup_printf ("%s %" G_GINT64_FORMAT "号", goods[p % G_N_ELEMENTS (goods)], p);
      run (stmt, "iss", p, sku, name);
    }
  sqlite3_finalize (stmt);
  exec (h, "INSERT INTO product_fts (rowid, sku, name, spec, barcode) SELECT id, sku, name, spec, '' FROM product");

  stmt = prepare (h, "INSERT INTO customer (id, code, name, created_at) VALUES (?, ?, ?, 0)");
  for (gint64 c = 1; c <= CUSTOMERS; c++)
    {
      g_autofree char *code = g_strdup_printf ("C%04" G_GINT64_FORMAT, c);
      g_autofree char *name = g_strdup_printf ("%s%s%" G_GINT64_FORMAT "有限公司", cities[c % G_N_ELEMENTS (cities)],
                                               trades[c % G_N_ELEMENTS (trades)], c);
      run (stmt, "iss", c, code, name);
    }
  sqlite3_finalize (stmt);
  stmt = prepare (h, "INSERT INTO supplier (id, code, name, created_at) VALUES (?, ?, ?, 0)");
  for (gint64 s = 1; s <= SUPPLIERS; s++)
    {
      g_autofree char *code = g_strdup_printf ("S%03" G_GINT64_FORMAT, s);
      g_autofree char *name = g_strdup_printf ("%s%s厂", cities[(s + 3) % G_N_ELEMENTS (cities)],
                                               trades[s % G_N_ELEMENTS (trades)]);
      run (stmt, "iss", s, code, name);
    }
  sqlite3_finalize (stmt);
  exec (h, "INSERT INTO customer_fts (rowid, code, name, contact, phone) SELECT id, code, name, contact, phone FROM customer;"
           "INSERT INTO supplier_fts (rowid, code, name, contact, phone) SELECT id, code, name, contact, phone FROM supplier");

  /* Slips: 70 % purchases in, 30 % sales out of what is there; drafts and voids left aside
   * (the ledger is what is big). Dated one a minute apart. */
  stmt = prepare (h, "INSERT INTO slip (id, number, base_number, kind, purpose, warehouse_id, slip_date, customer_id, "
                     "supplier_id, remark, created_by, created_at) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10)");
  line = prepare (h, "INSERT INTO slip_line (id, slip_id, line_no, product_id, location_id, quantity, unit_cost) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)");
  post = prepare (h, "UPDATE slip SET state = 'posted', posted_by = 1, posted_at = ?2 WHERE id = ?1");
  ledger = prepare (h, "INSERT INTO stock_ledger (product_id, warehouse_id, location_id, quantity, unit_cost, slip_id, "
                       "slip_line_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)");
  for (gint64 s = 1; s <= n_slips; s++)
    {
      gint64 when = t0 + s * 60 * G_USEC_PER_SEC;
      gint64 warehouse = 1 + s % WAREHOUSES;
      gboolean in = s < 1000 || g_rand_int_range (rand, 0, 10) < 7;
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (when / G_USEC_PER_SEC);
      g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
      g_autofree char *compact = g_date_time_format (date, "%Y%m%d");
      g_autofree char *number = g_strdup_printf ("%s%s-%05" G_GINT64_FORMAT, in ? "RK" : "CK", compact, s % 100000);
      g_autofree char *remark = g_strdup_printf ("%s批次 %" G_GINT64_FORMAT, s % 7 == 0 ? "月底盘点" : "常规", s);
      g_autofree gint64 *moves = g_new (gint64, lines_per_slip * 3);   /* product, location, signed quantity */

      if (in)
        run (stmt, "isssisnisi", s, number, "in", "purchase", warehouse, day, (gint64) 1 + s % SUPPLIERS, remark, when);
      else
        run (stmt, "isssisinsi", s, number, "out", "sale", warehouse, day, (gint64) 1 + s % CUSTOMERS, remark, when);
      for (gint64 l = 0; l < lines_per_slip; l++)
        {
          gint64 product = 1 + g_rand_int_range (rand, 0, PRODUCTS);
          gint64 location = (warehouse - 1) * 10 + 2 + product % STORAGE_PER_WAREHOUSE;
          gint64 *held = &on_hand[(product - 1) * WAREHOUSES * 10 + (location - 1)];
          gint64 quantity = 1000 * g_rand_int_range (rand, 1, in ? 20 : 5);

          /* A sale takes what is there; where nothing is, the line sells the last unit of another
           * place of this warehouse that has some (found by trying the next products). */
          for (gint64 p = product; !in && *held < quantity && p < product + PRODUCTS; p++)
            {
              gint64 other = 1 + p % PRODUCTS;
              gint64 other_location = (warehouse - 1) * 10 + 2 + other % STORAGE_PER_WAREHOUSE;

              product = other;
              location = other_location;
              held = &on_hand[(product - 1) * WAREHOUSES * 10 + (location - 1)];
              quantity = MIN (quantity, MAX (*held, 1000));
            }
          run (line, "iiiiiii", (s - 1) * lines_per_slip + l + 1, s, l + 1, product, location, quantity,
               (gint64) 400);
          *held += in ? quantity : -quantity;
          moves[l * 3] = product;
          moves[l * 3 + 1] = location;
          moves[l * 3 + 2] = in ? quantity : -quantity;
        }
      run (post, "ii", s, when);
      for (gint64 l = 0; l < lines_per_slip; l++)
        {
          run (ledger, "iiiiiiii", moves[l * 3], warehouse, moves[l * 3 + 1], moves[l * 3 + 2], (gint64) 400, s,
               (s - 1) * lines_per_slip + l + 1, when);
          ledger_rows++;
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_finalize (line);
  sqlite3_finalize (post);
  sqlite3_finalize (ledger);
  exec (h, "INSERT INTO stock_on_hand (product_id, location_id, warehouse_id, quantity) "
           "SELECT product_id, location_id, warehouse_id, sum (quantity) FROM stock_ledger "
           "GROUP BY product_id, location_id;"
           "INSERT INTO slip_fts (rowid, number) SELECT id, number FROM slip;"
           "INSERT INTO slip_summary (slip_id, lines, total) "
           "  SELECT slip_id, count (*), sum ((quantity * 400 + 500) / 1000) FROM slip_line GROUP BY slip_id");

  /* Returns: two lines each, over every state, one every ten minutes. */
  stmt = prepare (h, "INSERT INTO customer_return (id, number, customer_id, order_ref, request_date, reason_id, "
                     "description, refund_value, round, created_by, created_at, updated_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, 1, ?9, ?9)");
  line = prepare (h, "INSERT INTO return_line (return_id, line_no, product_id, quantity, unit_price) VALUES (?, ?, ?, ?, ?)");
  post = prepare (h, "UPDATE customer_return SET state = ?2, submitted_at = ?3, approved_at = ?3 WHERE id = ?1");
  for (gint64 r = 1; r <= n_returns; r++)
    {
      gint64 when = t0 + r * 600 * G_USEC_PER_SEC;
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (when / G_USEC_PER_SEC);
      g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
      g_autofree char *compact = g_date_time_format (date, "%Y%m%d");
      g_autofree char *number = g_strdup_printf ("TH%s-%04" G_GINT64_FORMAT, compact, r % 10000);
      g_autofree char *reference = g_strdup_printf ("SO-%06" G_GINT64_FORMAT, r);
      gint64 products[2] = { 1 + g_rand_int_range (rand, 0, PRODUCTS), 1 + g_rand_int_range (rand, 0, PRODUCTS) };
      gint64 quantities[2] = { 1000 * g_rand_int_range (rand, 1, 5), 1000 * g_rand_int_range (rand, 1, 5) };
      const char *state = states[r % G_N_ELEMENTS (states)];

      run (stmt, "isissisii", r, number, (gint64) 1 + r % CUSTOMERS, reference, day, (gint64) 1 + r % 6,
           r % 5 == 0 ? "外包装破损，客户要求退货" : "", (quantities[0] + quantities[1]) * 10, when);
      for (int l = 0; l < 2; l++)
        run (line, "iiiii", r, (gint64) l + 1, products[l], quantities[l], (gint64) 10000);
      if (!g_str_equal (state, "draft"))
        run (post, "isi", r, state, when);
    }
  sqlite3_finalize (stmt);
  sqlite3_finalize (line);
  sqlite3_finalize (post);
  /* Submitted ones wait for their first level (service), as core would have copied it. */
  exec (h, "INSERT INTO return_approval_step (return_id, round, level, role) "
           "  SELECT id, 1, 1, 'service' FROM customer_return WHERE state = 'submitted';"
           "INSERT INTO return_fts (rowid, number, order_ref) SELECT id, number, order_ref FROM customer_return;"
           "COMMIT; PRAGMA wal_checkpoint (TRUNCATE)");
  g_print ("generated %d returns, %d slips, %" G_GINT64_FORMAT " ledger rows in %.1f s\n",
           n_returns, n_slips, ledger_rows, (g_get_monotonic_time () - start) / 1e6);
}

/* ---- measuring, in a child process -------------------------------------- */

static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

typedef GListModel *(*OpenList) (RsSession *session, gconstpointer data, GError **error);

typedef struct
{
  double wall[RUNS];
  double cpu[RUNS];
} Samples;

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_samples (const char *what, Samples *samples, guint n_items)
{
  qsort (samples->wall, RUNS, sizeof (double), compare_double);
  qsort (samples->cpu, RUNS, sizeof (double), compare_double);
  g_print ("  %-44s %9.1f ms (%6.1f CPU)  first %8.1f  max %8.1f   %u rows\n", what, samples->wall[RUNS / 2],
           samples->cpu[RUNS / 2], samples->wall[0], samples->wall[RUNS - 1], n_items);
}

/* Opening the list and reading its first page; then a page at the end and one in the middle,
 * each from a list freshly opened (no page read before), RUNS times. */
static void
measure (RsSession *session, const char *name, OpenList open, gconstpointer data)
{
  Samples first = { 0 }, last = { 0 }, middle = { 0 };
  guint n = 0;

  for (int run = 0; run < RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list = NULL;
      g_autoptr(GObject) item = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu = cpu_ms ();

      list = open (session, data, &error);
      die_on_error (error, name);
      n = g_list_model_get_n_items (list);
      item = n > 0 ? g_list_model_get_item (list, 0) : NULL;
      first.wall[run] = (g_get_monotonic_time () - start) / 1e3;
      first.cpu[run] = cpu_ms () - cpu;
      g_clear_object (&list);
      g_clear_object (&item);

      list = open (session, data, &error);
      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      item = n > 0 ? g_list_model_get_item (list, n - 1) : NULL;
      last.wall[run] = (g_get_monotonic_time () - start) / 1e3;
      last.cpu[run] = cpu_ms () - cpu;
      g_clear_object (&item);
      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      item = n > 0 ? g_list_model_get_item (list, n / 2) : NULL;
      middle.wall[run] = (g_get_monotonic_time () - start) / 1e3;
      middle.cpu[run] = cpu_ms () - cpu;
    }
  g_print ("%s\n", name);
  print_samples ("open + first page", &first, n);
  print_samples ("then the last page", &last, n);
  print_samples ("then a page in the middle", &middle, n);
}

static GListModel *
open_returns (RsSession *session, gconstpointer data, GError **error)
{
  return rs_returns_list (session, data, error);
}

static GListModel *
open_slips (RsSession *session, gconstpointer data, GError **error)
{
  return rs_slips_list (session, data, error);
}

static GListModel *
open_ledger (RsSession *session, gconstpointer data, GError **error)
{
  return rs_stock_movements (session, data, error);
}

static GListModel *
open_stock (RsSession *session, gconstpointer data, GError **error)
{
  return rs_stock_query (session, data, error);
}

static GListModel *
open_audit (RsSession *session, gconstpointer data, GError **error)
{
  return rs_audit_list (session, 0, error);
}

/* A line of /proc/self/status in kB ("VmHWM:" the peak, "VmRSS:" now). */
static long
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) || (line = strstr (status, field)) == NULL)
    return -1;
  return strtol (line + strlen (field), NULL, 10);
}

/* Logging in hashes the password with Argon2id (64 MB): the peak starts again after it. */
static void
reset_peak (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");   /* not g_file_set_contents: it renames a copy */

  if (file != NULL)
    {
      fputs ("5", file);
      fclose (file);
    }
}

/* What a window opening every list would do, measured; the peak memory of it all. */
static void
measure_all (const char *path, gboolean figures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  g_autoptr(RsSession) admin = NULL, service = NULL;
  long before;

  die_on_error (error, "open");
  admin = rs_session_login (db, "admin", BENCH_PASSWORD, &error);
  die_on_error (error, "login");
  service = rs_session_login (db, "svc", BENCH_PASSWORD, &error);
  die_on_error (error, "login svc");
  reset_peak ();
  before = status_kb ("VmHWM:");

  {
    static const RsReturnFilter newest = { .state = -1 };
    static const RsReturnFilter by_customer = { .state = -1, .sort = RS_RETURN_SORT_CUSTOMER, .ascending = TRUE };
    static const RsReturnFilter by_amount = { .state = -1, .sort = RS_RETURN_SORT_AMOUNT };
    static const RsReturnFilter by_flags = { .state = -1, .sort = RS_RETURN_SORT_FLAGS };
    static const RsReturnFilter approved = { .state = RS_RETURN_APPROVED };
    static const RsReturnFilter search3 = { .state = -1, .search = "华东商贸" };
    static const RsReturnFilter search2 = { .state = -1, .search = "华东" };
    static const RsReturnFilter search1 = { .state = -1, .search = "刀" };
    static const RsReturnFilter number = { .state = -1, .search = "SO-00123" };
    static const RsSlipFilter slips_newest = { .kind = -1, .state = -1 };
    static const RsSlipFilter slips_date = { .kind = -1, .state = -1, .sort = RS_SLIP_SORT_DATE };
    static const RsSlipFilter slips_total = { .kind = -1, .state = -1, .sort = RS_SLIP_SORT_TOTAL };
    static const RsSlipFilter slips_partner = { .kind = -1, .state = -1, .sort = RS_SLIP_SORT_PARTNER, .ascending = TRUE };
    static const RsSlipFilter slips_range = { .kind = RS_SLIP_OUT, .state = -1, .warehouse = "WH2",
                                              .date_from = "2025-02-01", .date_to = "2025-02-28" };
    static const RsSlipFilter slips_search = { .kind = -1, .state = -1, .search = "RK20250115" };
    static const RsSlipFilter slips_search2 = { .kind = -1, .state = -1, .search = "深圳" };
    static const RsLedgerFilter ledger_all = { 0 };
    static const RsLedgerFilter ledger_product = { .sku = "P00500" };
    static const RsStockFilter stock = { 0 };
    static const RsStockFilter stock_search = { .search = "螺丝" };
    static const RsReturnFilter waiting = { .state = -1, .waiting = TRUE };
    const struct { const char *name; OpenList open; gconstpointer data; RsSession *session; } lists[] = {
      { "returns, newest first", open_returns, &newest, admin },
      { "returns by customer", open_returns, &by_customer, admin },
      { "returns by amount", open_returns, &by_amount, admin },
      { "returns by flags (computed)", open_returns, &by_flags, admin },
      { "returns approved", open_returns, &approved, admin },
      { "returns waiting for a service user", open_returns, &waiting, service },
      { "returns search “华东商贸” (FTS)", open_returns, &search3, admin },
      { "returns search “华东” (LIKE)", open_returns, &search2, admin },
      { "returns search “刀” (LIKE, a product)", open_returns, &search1, admin },
      { "returns search “SO-00123” (FTS)", open_returns, &number, admin },
      { "slips, newest first", open_slips, &slips_newest, admin },
      { "slips by date", open_slips, &slips_date, admin },
      { "slips by total", open_slips, &slips_total, admin },
      { "slips by partner", open_slips, &slips_partner, admin },
      { "slips out of WH2 in February", open_slips, &slips_range, admin },
      { "slips search “RK20250115” (FTS)", open_slips, &slips_search, admin },
      { "slips search “深圳” (LIKE)", open_slips, &slips_search2, admin },
      { "ledger, every movement (keyset)", open_ledger, &ledger_all, admin },
      { "ledger of P00500 with balances", open_ledger, &ledger_product, admin },
      { "stock on hand", open_stock, &stock, admin },
      { "stock search “螺丝”", open_stock, &stock_search, admin },
      { "audit log (keyset)", open_audit, NULL, admin },
    };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      if (figures)
        measure (lists[i].session, lists[i].name, lists[i].open, lists[i].data);
      else
        {
          g_autoptr(GListModel) list = lists[i].open (lists[i].session, lists[i].data, &error);
          g_autoptr(GObject) item = NULL;

          die_on_error (error, lists[i].name);
          if (g_list_model_get_n_items (list) > 0)
            item = g_list_model_get_item (list, 0);
        }
  }
  g_print ("peak RSS %ld kB after login (Argon2id's 64 MB set aside), %ld kB with the lists%s; RSS now %ld kB\n",
           before, status_kb ("VmHWM:"), figures ? " (each five times: first, last and middle pages)" : "",
           status_kb ("VmRSS:"));
}

/* In a child, so that the peak memory is the lists' alone and not the generator's. */
static void
in_child (const char *path, gboolean figures)
{
  pid_t pid = fork ();
  int status = 0;

  if (pid == 0)
    {
      measure_all (path, figures);
      fflush (stdout);
      _exit (0);
    }
  waitpid (pid, &status, 0);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    exit (1);
}

static void
add_service_user (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  g_autoptr(RsSession) admin = NULL;
  g_autoptr(RsUser) user = NULL;

  die_on_error (error, "open");
  admin = rs_session_login (db, "admin", BENCH_PASSWORD, &error);
  die_on_error (error, "login");
  user = rs_users_add (admin, "svc", "客服", RS_ROLE_SERVICE, BENCH_PASSWORD, &error);
  die_on_error (error, "user");
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— paged lists on big databases");
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL, *empty = NULL;
  GOptionEntry entries[] = {
    { "returns", 0, 0, G_OPTION_ARG_INT, &n_returns, "Returns to generate (100000)", "N" },
    { "slips", 0, 0, G_OPTION_ARG_INT, &n_slips, "Slips to generate (100000)", "N" },
    { "lines", 0, 0, G_OPTION_ARG_INT, &lines_per_slip, "Lines (ledger rows) per slip (10)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &directory, "Where the databases go (a new temporary folder)", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the databases", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die_on_error (error, "options");
  if (directory == NULL)
    directory = g_dir_make_tmp ("bench-lists-XXXXXX", &error);
  die_on_error (error, "directory");
  big = g_build_filename (directory, "big.db", NULL);
  empty = g_build_filename (directory, "empty.db", NULL);

  g_print ("SQLite %s; %d returns, %d slips × %d lines; median of %d runs, wall (CPU) ms\n",
           sqlite3_libversion (), n_returns, n_slips, lines_per_slip, RUNS);
  if (!g_file_test (big, G_FILE_TEST_EXISTS))
    {
      generate (big);
      add_service_user (big);
    }
  {
    g_autoptr(GError) local = NULL;
    g_autoptr(RsDatabase) db = NULL;

    /* Made again each time: it is quick. */
    for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL }; *suffix != NULL; suffix++)
      {
        g_autofree char *file = g_strconcat (empty, *suffix, NULL);
        g_unlink (file);
      }
    db = rs_database_open (empty, &local);

    die_on_error (local, "open empty");
    if (!rs_users_initialize (db, "Bench", BENCH_PASSWORD, &local))
      die_on_error (local, "initialize empty");
  }
  add_service_user (empty);
  {
    /* The product whose ledger the window shows. */
    g_autoptr(GError) local = NULL;
    g_autoptr(RsDatabase) db = rs_database_open (empty, &local);
    g_autoptr(RsSession) admin = rs_session_login (db, "admin", BENCH_PASSWORD, &local);
    RsProductFields fields = { .sku = "P00500", .name = "螺丝刀", .unit = "个" };
    g_autoptr(RsProduct) product = admin != NULL ? rs_products_add (admin, &fields, &local) : NULL;

    die_on_error (local, "product");
  }

  g_print ("\n== the big database\n");
  in_child (big, TRUE);
  g_print ("\n== memory: every list opened once, first page read\n  big database:   ");
  in_child (big, FALSE);
  g_print ("  empty database: ");
  in_child (empty, FALSE);

  if (!keep)
    {
      const char *names[] = { "big.db", "big.db-wal", "big.db-shm", "empty.db", "empty.db-wal", "empty.db-shm" };
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *file = g_build_filename (directory, names[i], NULL);
          g_unlink (file);
        }
      g_rmdir (directory);
    }
  return 0;
}
