/* bench-import.c — how fast a CSV of products and one of customers import (issue 9:
 * 100,000 rows in under 10 s), and how fast the product list exports.
 *
 * Not a test: it prints figures. Run it through build-aux/bench-import. Each
 * figure is wall time and this process's CPU time (on a busy machine the wall
 * time also counts waiting for a CPU). The database is a fresh file, WAL with
 * synchronous=FULL, as the program runs it.
 */
#include "rs-core.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <time.h>

#define BENCH_PASSWORD "bench password 1"

static int n_rows = 100000;
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

static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct
{
  gint64 wall;
  double cpu;
} Stopwatch;

static Stopwatch
start (void)
{
  Stopwatch s = { g_get_monotonic_time (), cpu_seconds () };
  return s;
}

static void
stop (Stopwatch s, const char *what, guint rows)
{
  double wall = (g_get_monotonic_time () - s.wall) / 1e6;
  double cpu = cpu_seconds () - s.cpu;

  g_print ("  %-44s %7.2f s wall %7.2f s CPU  %8.0f rows/s (wall)\n", what, wall, cpu, rows / wall);
}

/* Products as an office exports them: GBK would be the same after decoding, so UTF-8 here. */
static char *
write_products (void)
{
  g_autofree char *path = g_build_filename (directory, "products.csv", NULL);
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF商品编码,商品名称,规格型号,单位,条码,类别,成本价,售价\r\n");
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < n_rows; i++)
    g_string_append_printf (out, "SKU%06d,不锈钢电水壶 %d 型,%dL 白色,台,69%011d,类别%02d,%d.%02d,%d.%02d\r\n",
                            i, i, i % 7 + 1, i, i % 50, 10 + i % 900, i % 100, 20 + i % 1500, (i * 7) % 100);
  g_file_set_contents (path, out->str, (gssize) out->len, &error);
  die_on_error (error, "write products");
  return g_steal_pointer (&path);
}

static char *
write_customers (void)
{
  g_autofree char *path = g_build_filename (directory, "customers.csv", NULL);
  g_autoptr(GString) out = g_string_new ("客户编码,客户名称,联系人,电话,地址\r\n");
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < n_rows; i++)
    g_string_append_printf (out, "K%06d,上海某某贸易有限公司第%d分公司,张经理,1380013%04d,\"上海市浦东新区\n张江路 %d 号\"\r\n",
                            i, i, i % 10000, i);
  g_file_set_contents (path, out->str, (gssize) out->len, &error);
  die_on_error (error, "write customers");
  return g_steal_pointer (&path);
}

static void
import (RsSession *session, RsImportKind kind, const char *path, gboolean dry_run, const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsImportResult) result = NULL;
  Stopwatch s = start ();

  result = rs_import_file (session, kind, path, dry_run, NULL, NULL, NULL, &error);
  die_on_error (error, what);
  stop (s, what, rs_import_result_get_n_rows (result));
  g_print ("    added %u, updated %u, unchanged %u, refused %u\n",
           rs_import_result_get_count (result, RS_IMPORT_ADDED),
           rs_import_result_get_count (result, RS_IMPORT_UPDATED),
           rs_import_result_get_count (result, RS_IMPORT_UNCHANGED),
           rs_import_result_get_count (result, RS_IMPORT_REFUSED));
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

/* The floor on this machine: the same rows written with raw SQLite — one prepared INSERT per
 * product and per audit row (its JSON and SHA-256 chain made here too), the search index in
 * one statement at the end, one transaction — no parsing, checks, lookups or savepoints. */
static void
raw_floor (void)
{
  g_autofree char *path = g_build_filename (directory, "raw.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = rs_database_open (path, &error);
  g_autofree char *previous = g_strnfill (64, '0');
  sqlite3 *handle;
  sqlite3_stmt *product = NULL, *audit = NULL;
  Stopwatch s;

  die_on_error (error, "open raw");
  handle = rs_database_get_handle (db);
  exec_raw (handle, "INSERT INTO category (name, created_at) VALUES ('类别', 0); PRAGMA cache_size = -262144; "
                    "PRAGMA temp_store = MEMORY");
  sqlite3_prepare_v2 (handle, "INSERT INTO product (sku, name, spec, unit, decimals, barcode, category_id, avg_cost, "
                              "list_price, created_at) VALUES (?, ?, ?, '台', 0, ?, 1, ?, ?, 0)", -1, &product, NULL);
  sqlite3_prepare_v2 (handle, "INSERT INTO audit (id, at, user_name, action, object_type, object_key, after, hash) "
                              "VALUES (?, 0, 'admin', 'product.add', 'product', ?, ?, ?)", -1, &audit, NULL);
  s = start ();
  exec_raw (handle, "BEGIN IMMEDIATE");
  for (int i = 0; i < n_rows; i++)
    {
      g_autofree char *sku = g_strdup_printf ("SKU%06d", i);
      g_autofree char *name = g_strdup_printf ("不锈钢电水壶 %d 型", i);
      g_autofree char *spec = g_strdup_printf ("%dL 白色", i % 7 + 1);
      g_autofree char *barcode = g_strdup_printf ("69%011d", i);
      g_autofree char *after = g_strdup_printf ("{\"id\":%d,\"sku\":\"%s\",\"name\":\"%s\",\"spec\":\"%s\",\"unit\":\"台\","
                                                "\"decimals\":0,\"barcode\":\"%s\",\"category\":\"类别\","
                                                "\"avg_cost\":\"12.00\",\"list_price\":\"20.00\",\"active\":true}",
                                                i + 1, sku, name, spec, barcode);
      g_autofree char *row = g_strconcat (previous, sku, after, NULL);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, row, -1);

      sqlite3_bind_text (product, 1, sku, -1, SQLITE_STATIC);
      sqlite3_bind_text (product, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (product, 3, spec, -1, SQLITE_STATIC);
      sqlite3_bind_text (product, 4, barcode, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (product, 5, 1200);
      sqlite3_bind_int64 (product, 6, 2000);
      if (sqlite3_step (product) != SQLITE_DONE)
        exec_raw (handle, "SELECT raise_the_error_above()");
      sqlite3_reset (product);
      sqlite3_bind_int64 (audit, 1, 1000 + i);
      sqlite3_bind_text (audit, 2, sku, -1, SQLITE_STATIC);
      sqlite3_bind_text (audit, 3, after, -1, SQLITE_STATIC);
      sqlite3_bind_text (audit, 4, hash, -1, SQLITE_STATIC);
      if (sqlite3_step (audit) != SQLITE_DONE)
        exec_raw (handle, "SELECT raise_the_error_above()");
      sqlite3_reset (audit);
      g_free (previous);
      previous = g_steal_pointer (&hash);
    }
  exec_raw (handle, "INSERT INTO product_fts (rowid, sku, name, spec, barcode) "
                    "SELECT id, sku, name, spec, coalesce(barcode, '') FROM product; COMMIT");
  stop (s, "raw SQLite, the same product and audit rows", n_rows);
  sqlite3_finalize (product);
  sqlite3_finalize (audit);
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— import benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsDatabase) db = NULL;
  g_autoptr(RsSession) session = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *products = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *export_path = NULL;
  gboolean keep = FALSE;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &n_rows, "Rows per file (default 100000)", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &directory, "Where the files go (default: a new folder in /tmp)", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the files", NULL },
    { NULL }
  };

  rs_i18n_init ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die_on_error (error, "options");
  if (directory == NULL)
    directory = g_dir_make_tmp ("restock-bench-import-XXXXXX", &error);
  die_on_error (error, "folder");

  db_path = g_build_filename (directory, "bench.db", NULL);
  db = rs_database_open (db_path, &error);
  die_on_error (error, "open");
  rs_users_initialize (db, "Bench", BENCH_PASSWORD, &error);
  die_on_error (error, "initialize");
  session = rs_session_login (db, "admin", BENCH_PASSWORD, &error);
  die_on_error (error, "login");

  products = write_products ();
  customers = write_customers ();
  g_print ("bench-import: %d rows per file, in %s\n", n_rows, directory);

  import (session, RS_IMPORT_PRODUCTS, products, TRUE, "products: preview (dry run)");
  import (session, RS_IMPORT_PRODUCTS, products, FALSE, "products: import into an empty database");
  import (session, RS_IMPORT_PRODUCTS, products, FALSE, "products: the same file again");
  raw_floor ();
  import (session, RS_IMPORT_CUSTOMERS, customers, FALSE, "customers: import into an empty list");

  {
    g_autoptr(RsTable) table = NULL;
    Stopwatch s = start ();

    table = rs_export_list_table (session, RS_EXPORT_PRODUCTS, TRUE, &error);
    die_on_error (error, "export table");
    export_path = g_build_filename (directory, "products.xlsx", NULL);
    rs_export_write (table, RS_EXPORT_XLSX, export_path, NULL, NULL, NULL, &error);
    die_on_error (error, "export xlsx");
    stop (s, "products: export to XLSX", rs_table_get_n_rows (table));
    g_clear_pointer (&export_path, g_free);
    s = start ();
    export_path = g_build_filename (directory, "products-export.csv", NULL);
    rs_export_write (table, RS_EXPORT_CSV, export_path, NULL, NULL, NULL, &error);
    die_on_error (error, "export csv");
    stop (s, "products: export to CSV (table already read)", rs_table_get_n_rows (table));
  }

  g_clear_object (&session);
  g_clear_object (&db);
  if (!keep)
    {
      const char *names[] = { "bench.db", "bench.db-wal", "bench.db-shm", "raw.db", "raw.db-wal", "raw.db-shm",
                              "products.csv", "customers.csv", "products.xlsx", "products-export.csv" };
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *path = g_build_filename (directory, names[i], NULL);
          g_unlink (path);
        }
      g_rmdir (directory);
    }
  return 0;
}
