/* bench-slips.c — how fast slips post, against raw SQLite doing the same writes,
 * and how fast on-hand is read beside a ledger of a million rows (issue 4).
 *
 * Not a test: it prints figures. Run it through build-aux/bench. Both sides use
 * WAL with synchronous=FULL on the same file system, one transaction per slip.
 */
#include "rs-core.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#define LINES 10
#define PRODUCTS 1000
#define LOCATIONS 20
#define BENCH_PASSWORD "bench password 1"

static int n_slips = 400;
static int ledger_rows = 1000000;
static int lookups = 100000;
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
      g_printerr ("bench: %s\n  in: %.200s\n", message, sql);
      exit (1);
    }
}

/* A fresh database with WH1 (locations L01…L20), products B0001…B1000 and the admin. */
static RsDatabase *
make_database (const char *name, RsSession **session_out)
{
  g_autofree char *path = g_build_filename (directory, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = NULL;
  g_autoptr(RsSession) session = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;

  db = rs_database_open (path, &error);
  die_on_error (error, "open");
  rs_users_initialize (db, "Bench", BENCH_PASSWORD, &error);
  die_on_error (error, "initialize");
  session = rs_session_login (db, "admin", BENCH_PASSWORD, &error);
  die_on_error (error, "login");

  warehouse = rs_warehouses_add (session, "WH1", "Bench", NULL, &error);
  die_on_error (error, "warehouse");
  for (int l = 1; l <= LOCATIONS; l++)
    {
      g_autofree char *code = g_strdup_printf ("L%02d", l);
      g_autoptr(RsLocation) location = rs_locations_add (session, "WH1", code, NULL, RS_LOCATION_STORAGE, &error);
      die_on_error (error, "location");
    }
  {
    g_autoptr(RsTransaction) tx = rs_transaction_begin (db, &error);
    die_on_error (error, "begin");
    for (int p = 1; p <= PRODUCTS; p++)
      {
        g_autofree char *sku = g_strdup_printf ("B%04d", p);
        RsProductFields fields = { .sku = sku, .name = sku, .unit = "pcs", .avg_cost = 100 };
        g_autoptr(RsProduct) product = rs_products_add (session, &fields, &error);
        die_on_error (error, "product");
      }
    rs_transaction_commit (tx, &error);
    die_on_error (error, "commit");
  }
  *session_out = g_steal_pointer (&session);
  return g_steal_pointer (&db);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Restock: slip number s is created and posted in one transaction through core. */
static void
core_post (RsSession *session, RsSlipKind kind, int s, GRand *rand)
{
  char skus[LINES][8], places[LINES][4];
  RsSlipLineFields lines[LINES];
  RsSlipFields fields = { .kind = kind, .purpose = kind == RS_SLIP_IN ? "purchase" : "sale",
                          .warehouse = "WH1", .lines = lines, .n_lines = LINES };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) slip = NULL;

  for (int l = 0; l < LINES; l++)
    {
      /* Different products per slip, so outs never run short of what the ins brought. */
      g_snprintf (skus[l], sizeof skus[l], "B%04d", (s * LINES + l) % PRODUCTS + 1);
      g_snprintf (places[l], sizeof places[l], "L%02d", (s + l) % LOCATIONS + 1);
      lines[l] = (RsSlipLineFields) { skus[l], 1000 * (kind == RS_SLIP_IN ? 5 : 1), places[l], NULL,
                                      kind == RS_SLIP_IN ? g_rand_int_range (rand, 100, 900) : -1 };
    }
  slip = rs_slips_create_posted (session, &fields, &error);
  die_on_error (error, "post");
}

/* The same rows written by hand with prepared statements: slip, lines, state, ledger,
 * on-hand (and for in-slips the product's average), one BEGIN IMMEDIATE … COMMIT per slip. */
typedef struct
{
  sqlite3      *handle;
  sqlite3_stmt *slip, *line, *posted, *ledger, *upsert, *take, *average;
} Raw;

static sqlite3_stmt *
raw_prepare (Raw *raw, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v3 (raw->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("bench: %s\n", sqlite3_errmsg (raw->handle));
      exit (1);
    }
  return stmt;
}

static void
raw_open (Raw *raw, const char *path, const char *synchronous)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA journal_mode = WAL; PRAGMA synchronous = %s; "
                                              "PRAGMA foreign_keys = ON", synchronous);

  if (sqlite3_open (path, &raw->handle) != SQLITE_OK)
    exit (1);
  sqlite3_busy_timeout (raw->handle, 10000);
  exec_raw (raw->handle, pragmas);
  raw->slip = raw_prepare (raw, "INSERT INTO slip (number, base_number, kind, purpose, warehouse_id, slip_date, "
                                "created_by, created_at) VALUES (?1, ?1, ?2, ?3, 1, '2026-11-26', 1, ?4)");
  raw->line = raw_prepare (raw, "INSERT INTO slip_line (slip_id, line_no, product_id, location_id, quantity, unit_cost) "
                                "VALUES (?, ?, ?, ?, ?, ?)");
  raw->posted = raw_prepare (raw, "UPDATE slip SET state = 'posted', posted_by = 1, posted_at = ? WHERE id = ?");
  raw->ledger = raw_prepare (raw, "INSERT INTO stock_ledger (product_id, warehouse_id, location_id, quantity, unit_cost, "
                                  "slip_id, slip_line_id, created_by, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, 1, ?)");
  raw->upsert = raw_prepare (raw, "INSERT INTO stock_on_hand (product_id, location_id, warehouse_id, quantity) "
                                  "VALUES (?, ?, 1, ?) ON CONFLICT (product_id, location_id) "
                                  "DO UPDATE SET quantity = quantity + excluded.quantity");
  raw->take = raw_prepare (raw, "UPDATE stock_on_hand SET quantity = quantity - ?3 "
                                "WHERE product_id = ?1 AND location_id = ?2 AND quantity >= ?3");
  raw->average = raw_prepare (raw, "UPDATE product SET avg_cost = ? WHERE id = ?");
}

static void
raw_close (Raw *raw)
{
  sqlite3_stmt *all[] = { raw->slip, raw->line, raw->posted, raw->ledger, raw->upsert, raw->take, raw->average };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    sqlite3_finalize (all[i]);
  sqlite3_close (raw->handle);
}

static void
raw_step (Raw *raw, sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_printerr ("bench: raw: %s\n", sqlite3_errmsg (raw->handle));
      exit (1);
    }
  sqlite3_reset (stmt);
}

static void
raw_post (Raw *raw, gboolean in, int s)
{
  g_autofree char *number = g_strdup_printf ("%s-%06d", in ? "RAWIN" : "RAWOUT", s);
  gint64 slip_id, line_ids[LINES], now = g_get_real_time ();

  exec_raw (raw->handle, "BEGIN IMMEDIATE");
  sqlite3_bind_text (raw->slip, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (raw->slip, 2, in ? "in" : "out", -1, SQLITE_STATIC);
  sqlite3_bind_text (raw->slip, 3, in ? "purchase" : "sale", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (raw->slip, 4, now);
  raw_step (raw, raw->slip);
  slip_id = sqlite3_last_insert_rowid (raw->handle);

  for (int l = 0; l < LINES; l++)
    {
      sqlite3_bind_int64 (raw->line, 1, slip_id);
      sqlite3_bind_int (raw->line, 2, l + 1);
      sqlite3_bind_int64 (raw->line, 3, (s * LINES + l) % PRODUCTS + 1);
      sqlite3_bind_int64 (raw->line, 4, (s + l) % LOCATIONS + 2);   /* id 1 is QA */
      sqlite3_bind_int64 (raw->line, 5, 1000 * (in ? 5 : 1));
      sqlite3_bind_int64 (raw->line, 6, 500);
      raw_step (raw, raw->line);
      line_ids[l] = sqlite3_last_insert_rowid (raw->handle);
    }
  sqlite3_bind_int64 (raw->posted, 1, now);
  sqlite3_bind_int64 (raw->posted, 2, slip_id);
  raw_step (raw, raw->posted);

  for (int l = 0; l < LINES; l++)
    {
      gint64 product = (s * LINES + l) % PRODUCTS + 1, location = (s + l) % LOCATIONS + 2;
      gint64 quantity = 1000 * (in ? 5 : 1);
      sqlite3_stmt *stock = in ? raw->upsert : raw->take;

      if (in)
        {
          sqlite3_bind_int64 (raw->average, 1, 500);
          sqlite3_bind_int64 (raw->average, 2, product);
          raw_step (raw, raw->average);
        }
      sqlite3_bind_int64 (raw->ledger, 1, product);
      sqlite3_bind_int64 (raw->ledger, 2, location);
      sqlite3_bind_int64 (raw->ledger, 3, in ? quantity : -quantity);
      sqlite3_bind_int64 (raw->ledger, 4, 500);
      sqlite3_bind_int64 (raw->ledger, 5, slip_id);
      sqlite3_bind_int64 (raw->ledger, 6, line_ids[l]);
      sqlite3_bind_int64 (raw->ledger, 7, now);
      raw_step (raw, raw->ledger);
      sqlite3_bind_int64 (stock, 1, product);
      sqlite3_bind_int64 (stock, 2, location);
      sqlite3_bind_int64 (stock, 3, quantity);
      raw_step (raw, stock);
    }
  exec_raw (raw->handle, "COMMIT");
}

/* Core and raw SQLite take turns in batches, so a disk's slow moments fall on both. */
static void
bench_posting (const char *synchronous)
{
  g_autoptr(RsSession) session = NULL;
  g_autofree char *core_name = g_strdup_printf ("core-%s.db", synchronous);
  g_autofree char *raw_name = g_strdup_printf ("raw-%s.db", synchronous);
  g_autoptr(RsDatabase) db = make_database (core_name, &session);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA synchronous = %s", synchronous);
  g_autofree char *raw_path = NULL;
  g_autoptr(GError) error = NULL;
  const int batch = 20;
  Raw raw = { 0 };

  {
    g_autoptr(RsSession) raw_session = NULL;
    g_autoptr(RsDatabase) raw_db = make_database (raw_name, &raw_session);
    raw_path = g_strdup (rs_database_get_path (raw_db));
  }
  rs_database_exec (db, pragma, &error);
  die_on_error (error, "pragma");
  raw_open (&raw, raw_path, synchronous);

  for (int kind = 0; kind < 2; kind++)
    {
      gboolean in = kind == 0;
      double core_seconds = 0, raw_seconds = 0;

      for (int done = 0; done < n_slips; done += batch)
        {
          gint64 start = g_get_monotonic_time ();
          for (int s = done; s < done + batch && s < n_slips; s++)
            core_post (session, in ? RS_SLIP_IN : RS_SLIP_OUT, s, rand);
          core_seconds += seconds_since (start);

          start = g_get_monotonic_time ();
          for (int s = done; s < done + batch && s < n_slips; s++)
            raw_post (&raw, in, s);
          raw_seconds += seconds_since (start);
        }
      g_print ("%s-slips, 10 lines, synchronous=%-4s  core %7.1f slips/s   raw SQLite %7.1f slips/s   ratio %.2f%s\n",
               in ? "in " : "out", synchronous, n_slips / core_seconds, n_slips / raw_seconds,
               raw_seconds / core_seconds, g_str_equal (synchronous, "FULL") ? "  [target ≥ 0.5]" : "");
    }
  raw_close (&raw);

  {
    g_autoptr(GPtrArray) problems = rs_check_database (db, &error);
    die_on_error (error, "check");
    if (problems->len > 0)
      g_print ("check after the core runs: %u problems\n", problems->len);
  }
}

/* A million ledger rows written set-wise (posted slips of 10 lines), then on-hand
 * read at random product × location pairs. */
static void
bench_lookup (void)
{
  g_autoptr(RsSession) session = NULL;
  g_autoptr(RsDatabase) db = make_database ("lookup.db", &session);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = rs_database_get_handle (db);
  g_autofree char *fill = NULL;
  gint64 start, sum = 0;
  double fill_seconds, per_lookup_us, per_sum_us;
  int n_slips_fill = ledger_rows / LINES;
  sqlite3_stmt *ledger_sum = NULL;

  start = g_get_monotonic_time ();
  fill = g_strdup_printf (
    "BEGIN IMMEDIATE;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d) "
    "INSERT INTO slip (number, base_number, kind, purpose, warehouse_id, slip_date, created_by, created_at) "
    "SELECT 'F' || i, 'F' || i, 'in', 'purchase', 1, '2026-11-26', 1, i FROM n;"
    "WITH RECURSIVE n(l) AS (SELECT 1 UNION ALL SELECT l + 1 FROM n WHERE l < %d) "
    "INSERT INTO slip_line (slip_id, line_no, product_id, location_id, quantity, unit_cost) "
    "SELECT s.id, n.l, (s.id * %d + n.l) %% %d + 1, (s.id + n.l) %% %d + 2, 1000, 100 FROM slip s, n;"
    "UPDATE slip SET state = 'posted', posted_by = 1, posted_at = created_at;"
    "INSERT INTO stock_ledger (product_id, warehouse_id, location_id, quantity, unit_cost, slip_id, slip_line_id, "
    "                          created_by, created_at) "
    "SELECT product_id, 1, location_id, quantity, unit_cost, slip_id, id, 1, slip_id FROM slip_line;"
    "INSERT INTO stock_on_hand (product_id, location_id, warehouse_id, quantity) "
    "SELECT product_id, location_id, 1, sum (quantity) FROM stock_ledger GROUP BY product_id, location_id;"
    "COMMIT; ANALYZE;",
    n_slips_fill, LINES, LINES, PRODUCTS, LOCATIONS);
  exec_raw (handle, fill);
  fill_seconds = seconds_since (start);

  {
    g_autoptr(RsStatement) count = rs_database_prepare (db, "SELECT count(*) FROM stock_ledger", &error);
    die_on_error (error, "count");
    rs_statement_step (count, &error);
    g_print ("ledger rows:                   %" G_GINT64_FORMAT " (written in %.1f s)\n",
             (gint64) sqlite3_column_int64 (count, 0), fill_seconds);
  }

  /* Through core: the on-hand table's primary key. */
  start = g_get_monotonic_time ();
  for (int i = 0; i < lookups; i++)
    {
      gint64 quantity = 0;
      rs_stock_get_on_hand (db, g_rand_int_range (rand, 1, PRODUCTS + 1), g_rand_int_range (rand, 2, LOCATIONS + 2),
                            &quantity, &error);
      die_on_error (error, "on hand");
      sum += quantity;
    }
  per_lookup_us = (g_get_monotonic_time () - start) / (double) lookups;

  /* For comparison: summing the ledger for the same pair instead. */
  if (sqlite3_prepare_v2 (handle, "SELECT sum (quantity) FROM stock_ledger WHERE product_id = ? AND location_id = ?",
                          -1, &ledger_sum, NULL) != SQLITE_OK)
    exit (1);
  start = g_get_monotonic_time ();
  for (int i = 0; i < lookups / 10; i++)
    {
      sqlite3_bind_int64 (ledger_sum, 1, g_rand_int_range (rand, 1, PRODUCTS + 1));
      sqlite3_bind_int64 (ledger_sum, 2, g_rand_int_range (rand, 2, LOCATIONS + 2));
      sqlite3_step (ledger_sum);
      sum += sqlite3_column_int64 (ledger_sum, 0);
      sqlite3_reset (ledger_sum);
    }
  per_sum_us = (g_get_monotonic_time () - start) / (double) (lookups / 10);
  sqlite3_finalize (ledger_sum);

  g_print ("on-hand lookup (core):         %.2f µs per lookup, %d random lookups  [target < 1000 µs]\n",
           per_lookup_us, lookups);
  g_print ("  same by summing the ledger:  %.2f µs per lookup (index on product, location)\n", per_sum_us);
  g_print ("  (checksum %" G_GINT64_FORMAT ")\n", sum);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— Restock slip benchmark");
  g_autoptr(GError) error = NULL;
  g_autofree char *own_dir = NULL;
  GOptionEntry entries[] = {
    { "slips", 0, 0, G_OPTION_ARG_INT, &n_slips, "Slips to post per run (default 400)", "N" },
    { "ledger-rows", 0, 0, G_OPTION_ARG_INT, &ledger_rows, "Ledger rows for the lookup (default 1000000)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &directory, "Where to put the databases (default: a new folder in $TMPDIR)", "DIR" },
    { NULL }
  };

  rs_i18n_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die_on_error (error, "options");
  if (directory == NULL)
    {
      own_dir = g_dir_make_tmp ("restock-bench-XXXXXX", &error);
      die_on_error (error, "folder");
      directory = g_strdup (own_dir);
    }
  g_print ("Restock slip benchmark — %d slips of %d lines per run, WAL journal, in %s\n",
           n_slips, LINES, directory);

  bench_posting ("FULL");
  /* Without waiting for the disk, what is left is the CPU cost of core's checks, audit and lookups. */
  bench_posting ("OFF");
  bench_lookup ();

  if (own_dir != NULL)
    remove_tree (own_dir);
  return 0;
}
