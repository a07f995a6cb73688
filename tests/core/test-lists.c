/* test-lists.c — the paged lists of DESIGN §5, without widgets.
 *
 * RsPagedModel over a table of the test's own: every row exactly once across pages in both
 * ways of holding a snapshot, pages read only when asked, a snapshot that rows written later
 * do not shift, and the signals of a refresh. Then the lists of core — returns, slips, stock
 * and the ledger — with their filters, orders and searches (Chinese of one, two and three or
 * more characters), and the query plans of the common ones.
 */
#include "rs-test-util.h"
#include "rs-approval.h"
#include "rs-paged-model.h"
#include "rs-returns.h"
#include "rs-slips.h"
#include "rs-stock.h"

#include <string.h>

#define HOUR (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)
#define UNITS(n) ((gint64) (n) * 1000)
#define N_ROWS 1234

static gint64
local_time (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, 0, 0);
  return g_date_time_to_unix (when) * G_USEC_PER_SEC;
}

/* ---- RsPagedModel over a table of our own --------------------------------- */

typedef struct
{
  RsDatabase *db;
} Table;

static void
table_set_up (Table *t, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsStatement) insert = NULL;

  t->db = rs_test_open_initialized ();
  g_assert_true (rs_database_exec (t->db, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                                          "grp INTEGER NOT NULL, v INTEGER NOT NULL DEFAULT 0) STRICT", &error));
  g_assert_no_error (error);
  tx = rs_transaction_begin (t->db, &error);
  insert = rs_database_prepare (t->db, "INSERT INTO t (id, name, grp) VALUES (?, ?, ?)", &error);
  g_assert_no_error (error);
  for (int i = 1; i <= N_ROWS; i++)
    {
      /* Names in another order than the ids, some equal (the id decides between them). */
      g_autofree char *name = g_strdup_printf ("n%04d", (i * 7919) % 1000);

      sqlite3_bind_int (insert, 1, i);
      sqlite3_bind_text (insert, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (insert, 3, i % 3);
      g_assert_true (rs_statement_run (insert, &error));
      sqlite3_reset (insert);
    }
  g_clear_pointer (&insert, rs_statement_release);
  g_assert_true (rs_transaction_commit (tx, &error));
}

static void
table_tear_down (Table *t, gconstpointer data)
{
  g_clear_object (&t->db);
}

static GObject *
row_item (RsStatement *stmt, gpointer user_data, GError **error)
{
  GObject *item = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (item, "id", GINT_TO_POINTER (sqlite3_column_int (stmt, 0)));
  return item;
}

static gboolean
bind_group (RsStatement *stmt, gpointer user_data, GError **error)
{
  rs_paged_bind_int64 (stmt, ":grp", GPOINTER_TO_INT (user_data));
  return TRUE;
}

#define ROWS_SQL "SELECT t.id, t.v FROM json_each (:keys) AS k JOIN t ON t.id = k.value ORDER BY k.key"

/* Keys mode by name when `order` is set, else keyset by id. */
static RsPagedModel *
table_model (Table *t, const char *order, gboolean descending, const char *where, guint limit)
{
  g_autoptr(GError) error = NULL;
  RsPagedQuery query = {
    .item_type = G_TYPE_OBJECT, .from = "t", .key = "t.id", .where = where, .order = order,
    .table = "t", .descending = descending, .limit = limit, .rows = ROWS_SQL,
    .version_column = order != NULL ? 1 : -1, .make_item = row_item, .bind = bind_group,
    .user_data = GINT_TO_POINTER (1),
  };
  RsPagedModel *model = rs_paged_model_new (t->db, &query, &error);

  g_assert_no_error (error);
  return model;
}

static int
item_id (GListModel *model, guint position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return GPOINTER_TO_INT (g_object_get_data (item, "id"));
}

static GArray *
expected_ids (Table *t, const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsStatement) stmt = rs_database_prepare (t->db, sql, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (int));

  g_assert_no_error (error);
  while (rs_statement_step (stmt, &error))
    {
      int id = sqlite3_column_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  g_assert_no_error (error);
  return ids;
}

/* Positions read in a shuffled order (jumps both ways, neighbours, both ends) give the
 * expected ids; nothing past the end. */
static void
assert_model_is (RsPagedModel *model, GArray *expected)
{
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree guint *order = g_new (guint, MAX (expected->len, 1));

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    order[i] = i;
  for (guint i = expected->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i), swap = order[i - 1];
      order[i - 1] = order[j];
      order[j] = swap;
    }
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpint (item_id (list, order[i]), ==, g_array_index (expected, int, order[i]));
  g_assert_null (g_list_model_get_item (list, expected->len));
}

static void
test_paged_keys (Table *t, gconstpointer data)
{
  const struct { const char *order, *where, *sql; guint limit; } cases[] = {
    { "t.name ASC, t.id ASC", NULL, "SELECT id FROM t ORDER BY name, id", 0 },
    { "t.name DESC, t.id DESC", NULL, "SELECT id FROM t ORDER BY name DESC, id DESC", 0 },
    { "t.name ASC, t.id ASC", "t.grp = :grp", "SELECT id FROM t WHERE grp = 1 ORDER BY name, id", 0 },
    { "t.name ASC, t.id ASC", NULL, "SELECT id FROM t ORDER BY name, id LIMIT 250", 250 },
    { "t.name ASC, t.id ASC", "t.grp = 7", "SELECT id FROM t WHERE grp = 7", 0 },   /* nothing */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RsPagedModel) model = table_model (t, cases[i].order, FALSE, cases[i].where, cases[i].limit);
      g_autoptr(GArray) expected = expected_ids (t, cases[i].sql);

      assert_model_is (model, expected);
    }
}

static void
test_paged_keyset (Table *t, gconstpointer data)
{
  const struct { gboolean descending; const char *where, *sql; guint limit; } cases[] = {
    { TRUE, NULL, "SELECT id FROM t ORDER BY id DESC", 0 },
    { FALSE, NULL, "SELECT id FROM t ORDER BY id", 0 },
    { TRUE, "t.grp = :grp", "SELECT id FROM t WHERE grp = 1 ORDER BY id DESC", 0 },
    { FALSE, "t.grp = :grp", "SELECT id FROM t WHERE grp = 1 ORDER BY id", 0 },
    /* The newest 250, in either direction. */
    { TRUE, NULL, "SELECT id FROM t ORDER BY id DESC LIMIT 250", 250 },
    { FALSE, NULL, "SELECT id FROM (SELECT id FROM t ORDER BY id DESC LIMIT 250) ORDER BY id", 250 },
    { FALSE, "t.grp = :grp", "SELECT id FROM (SELECT id FROM t WHERE grp = 1 ORDER BY id DESC LIMIT 5) ORDER BY id", 5 },
    { TRUE, NULL, "SELECT id FROM t ORDER BY id DESC LIMIT 5000", 5000 },   /* more than there are */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RsPagedModel) model = table_model (t, NULL, cases[i].descending, cases[i].where, cases[i].limit);
      g_autoptr(GArray) expected = expected_ids (t, cases[i].sql);

      assert_model_is (model, expected);
    }
}

/* Pages are read when a position in them is asked for, once while they stay among the
 * eight kept; the last page of the list costs one read. */
static void
test_paged_reads (Table *t, gconstpointer data)
{
  for (int keyset = 0; keyset < 2; keyset++)
    {
      g_autoptr(RsPagedModel) model = table_model (t, keyset ? NULL : "t.name, t.id", TRUE, NULL, 0);
      GListModel *list = G_LIST_MODEL (model);
      guint n_pages = (N_ROWS + RS_PAGED_MODEL_PAGE_SIZE - 1) / RS_PAGED_MODEL_PAGE_SIZE;

      g_assert_cmpuint (rs_paged_model_get_n_page_loads (model), ==, 0);
      item_id (list, N_ROWS - 1);
      g_assert_cmpuint (rs_paged_model_get_n_page_loads (model), ==, 1);
      item_id (list, N_ROWS - 2);
      g_assert_cmpuint (rs_paged_model_get_n_page_loads (model), ==, 1);
      item_id (list, 650);
      g_assert_cmpuint (rs_paged_model_get_n_page_loads (model), ==, 2);

      for (guint page = 0; page < n_pages; page++)
        item_id (list, page * RS_PAGED_MODEL_PAGE_SIZE);
      g_assert_cmpuint (rs_paged_model_get_n_page_loads (model), ==, n_pages + 1);   /* 650's page was kept */
      item_id (list, (n_pages - 1) * RS_PAGED_MODEL_PAGE_SIZE);                      /* recent: kept */
      g_assert_cmpuint (rs_paged_model_get_n_page_loads (model), ==, n_pages + 1);
      item_id (list, 0);                                                             /* evicted: read again */
      g_assert_cmpuint (rs_paged_model_get_n_page_loads (model), ==, n_pages + 2);
    }
}

typedef struct
{
  guint position, removed, added;
} Change;

static void
on_items_changed (GListModel *list, guint position, guint removed, guint added, GArray *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static GArray *
watch (RsPagedModel *model)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (Change));

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), changes);
  return changes;
}

static void
assert_changes (GArray *changes, const Change *expected, guint n_expected)
{
  g_assert_cmpuint (changes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const Change *change = &g_array_index (changes, Change, i);
      g_assert_cmpuint (change->position, ==, expected[i].position);
      g_assert_cmpuint (change->removed, ==, expected[i].removed);
      g_assert_cmpuint (change->added, ==, expected[i].added);
    }
  g_array_set_size (changes, 0);
}

static void
run (Table *t, const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_database_exec (t->db, sql, &error));
  g_assert_no_error (error);
}

/* Keys mode: rows written after the snapshot do not move what is shown; a refresh announces
 * rows added and removed where they are, and rows held whose version moved as changed. */
static void
test_paged_refresh_keys (Table *t, gconstpointer data)
{
  g_autoptr(RsPagedModel) model = table_model (t, "t.name ASC, t.id ASC", FALSE, NULL, 0);
  g_autoptr(GArray) changes = watch (model);
  g_autoptr(GArray) expected = NULL;
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr(GError) error = NULL;
  int first = item_id (list, 0), at13;
  int last = item_id (list, N_ROWS - 1);

  /* Three rows sorting first and one last. */
  run (t, "INSERT INTO t (id, name, grp) VALUES (2001, 'a1', 0), (2002, 'a2', 0), (2003, 'a3', 0), (2004, 'z', 0)");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_ROWS);
  g_assert_cmpint (item_id (list, 0), ==, first);
  g_assert_cmpint (item_id (list, N_ROWS - 1), ==, last);
  g_assert_cmpuint (changes->len, ==, 0);

  /* Between them: one stretch from the first difference to the last. */
  g_assert_true (rs_paged_model_refresh (model, &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { 0, N_ROWS, N_ROWS + 4 } }, 1);
  expected = expected_ids (t, "SELECT id FROM t ORDER BY name, id");
  assert_model_is (model, expected);
  at13 = item_id (list, 13);

  /* Nothing changed: nothing announced. */
  g_assert_true (rs_paged_model_refresh (model, &error));
  assert_changes (changes, NULL, 0);

  /* The last row goes. */
  run (t, "DELETE FROM t WHERE id = 2004");
  g_assert_true (rs_paged_model_refresh (model, &error));
  assert_changes (changes, (Change[]) { { N_ROWS + 3, 1, 0 } }, 1);

  /* Two held rows change, and one that is not held: only the held ones are announced; the
   * other is read as it is when it is asked for. */
  {
    g_autoptr(RsPagedModel) fresh = table_model (t, "t.name ASC, t.id ASC", FALSE, NULL, 0);
    g_autoptr(GArray) fresh_changes = watch (fresh);
    g_autofree char *sql = g_strdup_printf ("UPDATE t SET v = 1 WHERE id IN (%d, %d, %d)",
                                            item_id (G_LIST_MODEL (fresh), 13), item_id (G_LIST_MODEL (fresh), 1100),
                                            g_array_index (expected, int, 500));

    run (t, sql);
    g_assert_true (rs_paged_model_refresh (fresh, &error));
    assert_changes (fresh_changes, (Change[]) { { 13, 1, 1 }, { 1100, 1, 1 } }, 2);
    g_assert_cmpuint (rs_paged_model_get_n_page_loads (fresh), ==, 4);   /* two pages, read again */
  }
  g_assert_cmpint (at13, ==, item_id (list, 13));
}

/* Keyset mode (tables that only grow): new rows come in at the newest end; with a limit as
 * many leave at the oldest. */
static void
test_paged_refresh_keyset (Table *t, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsPagedModel) newest = table_model (t, NULL, TRUE, NULL, 0);
  g_autoptr(RsPagedModel) oldest = table_model (t, NULL, FALSE, NULL, 0);
  g_autoptr(RsPagedModel) newest100 = table_model (t, NULL, TRUE, NULL, 100);
  g_autoptr(RsPagedModel) oldest100 = table_model (t, NULL, FALSE, NULL, 100);
  g_autoptr(GArray) c1 = watch (newest), c2 = watch (oldest), c3 = watch (newest100), c4 = watch (oldest100);

  item_id (G_LIST_MODEL (newest), 0);
  run (t, "INSERT INTO t (name, grp) VALUES ('x', 1), ('y', 1), ('z', 1)");
  g_assert_cmpint (item_id (G_LIST_MODEL (newest), 0), ==, N_ROWS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (newest)), ==, N_ROWS);

  g_assert_true (rs_paged_model_refresh (newest, &error));
  g_assert_true (rs_paged_model_refresh (oldest, &error));
  g_assert_true (rs_paged_model_refresh (newest100, &error));
  g_assert_true (rs_paged_model_refresh (oldest100, &error));
  g_assert_no_error (error);
  assert_changes (c1, (Change[]) { { 0, 0, 3 } }, 1);
  assert_changes (c2, (Change[]) { { N_ROWS, 0, 3 } }, 1);
  assert_changes (c3, (Change[]) { { 0, 0, 3 }, { 100, 3, 0 } }, 2);
  assert_changes (c4, (Change[]) { { 100, 0, 3 }, { 0, 3, 0 } }, 2);
  {
    g_autoptr(GArray) all = expected_ids (t, "SELECT id FROM t ORDER BY id DESC");
    g_autoptr(GArray) tail = expected_ids (t, "SELECT id FROM (SELECT id FROM t ORDER BY id DESC LIMIT 100) ORDER BY id");
    assert_model_is (newest, all);
    assert_model_is (oldest100, tail);
  }

  /* More new rows than the limit: the list is replaced whole. */
  for (int i = 0; i < 120; i++)
    run (t, "INSERT INTO t (name, grp) VALUES ('w', 2)");
  g_assert_true (rs_paged_model_refresh (newest100, &error));
  assert_changes (c3, (Change[]) { { 0, 100, 100 } }, 1);
  g_assert_cmpint (item_id (G_LIST_MODEL (newest100), 0), ==, N_ROWS + 123);
}

/* ---- the lists of core ----------------------------------------------------- */

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
  RsSession  *sales;
  RsSession  *service;
  RsSession  *manager;
  RsSession  *both;       /* service and manager */
  RsSession  *keeper;
  guint       n_returns;
  guint       n_slips;
} World;

static World world;

static const char *const customers[][2] = {
  { "C001", "华东商贸有限公司" }, { "C002", "上海电子" }, { "C003", "北京五金" },
};
static const char *const reasons[] = { "quality", "damaged", "wrong-item", "not-as-described", "no-reason", "other" };

static void
add_product (const char *sku, const char *name, gint64 price)
{
  RsProductFields fields = { .sku = sku, .name = name, .unit = "个", .list_price = price, .avg_cost = 500 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) product = rs_products_add (world.admin, &fields, &error);

  g_assert_no_error (error);
}

#define N_MASTER 240

static const char *const goods[] = { "螺丝刀", "电缆线", "扳手", "电钻", "插座", "灯泡" };
static const char *const cities[] = { "上海", "北京", "广州", "深圳", "杭州" };

/* For the paged lists of 资料: more than two pages of products and of customers, added out of
 * the order of their SKUs and codes (some in lower case), a seventh or so inactive; specs,
 * barcodes, contacts and phones on some. */
static void
add_master_data (void)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_MASTER; i++)
    {
      guint n = (i * 97) % N_MASTER;
      g_autofree char *sku = g_strdup_printf (n % 5 == 0 ? "m-%03u" : "M-%03u", n);
      g_autofree char *name = g_strdup_printf ("%s %u 号", goods[n % G_N_ELEMENTS (goods)], n);
      g_autofree char *spec = n % 3 == 0 ? g_strdup_printf ("规格 %uL", n % 10) : g_strdup ("");
      g_autofree char *barcode = n % 4 == 0 ? g_strdup_printf ("69%011u", n) : NULL;
      RsProductFields fields = { .sku = sku, .name = name, .spec = spec, .unit = "个", .barcode = barcode };
      g_autoptr(RsProduct) product = rs_products_add (world.admin, &fields, &error);

      g_assert_no_error (error);
      if (n % 7 == 3)
        g_assert_true (rs_products_set_active (world.admin, sku, FALSE, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_MASTER + 12; i++)
    {
      RsPartnerKind kind = i < N_MASTER ? RS_PARTNER_CUSTOMER : RS_PARTNER_SUPPLIER;
      guint n = i < N_MASTER ? (i * 97) % N_MASTER : i;
      g_autofree char *code = g_strdup_printf (kind == RS_PARTNER_SUPPLIER ? "S%03u" : n % 5 == 0 ? "k%03u" : "K%03u", n);
      g_autofree char *name = g_strdup_printf ("%s%s %u", cities[n % G_N_ELEMENTS (cities)],
                                               kind == RS_PARTNER_SUPPLIER ? "工厂" : "商行", n);
      g_autofree char *phone = n % 2 == 0 ? g_strdup_printf ("1380013%04u", n) : g_strdup ("");
      RsPartnerFields fields = { .code = code, .name = name, .contact = n % 3 == 0 ? "王经理" : "", .phone = phone };
      g_autoptr(RsPartner) partner = rs_partners_add (world.admin, kind, &fields, &error);

      g_assert_no_error (error);
      if (n % 6 == 1)
        g_assert_true (rs_partners_set_active (world.admin, kind, code, FALSE, &error));
      g_assert_no_error (error);
    }
}

static RsReturn *
make_return (RsSession *session, guint i)
{
  g_autoptr(GError) error = NULL;
  RsReturnLineFields lines[] = {
    { i % 2 ? "P-1" : "P-2", UNITS (1 + i % 4), -1, NULL },
    { "P-3", UNITS (1), 100 * (gint64) i, NULL },
  };
  g_autofree char *reference = g_strdup_printf ("SO-%04u", i);
  RsReturnFields fields = {
    .customer = customers[i % 3][0], .reason = reasons[i % 6], .order_ref = reference,
    .description = i % 5 == 0 ? "包装破损严重" : "", .lines = lines, .n_lines = i % 7 == 0 ? 2 : 1,
  };
  RsReturn *ret = rs_returns_create (session, &fields, &error);

  g_assert_no_error (error);
  return ret;
}

static void
slip_line (RsSlipLineFields *line, const char *sku, gint64 quantity, const char *location, gint64 cost)
{
  *line = (RsSlipLineFields) { sku, quantity, location, NULL, cost };
}

/* 230 returns over three customers, six reasons and days apart (three pages and then some),
 * some of them submitted, signed and approved; 230 slips of every kind and state over two
 * warehouses and a month of dates, with a ledger of over 200 movements of P-1. */
static void
world_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) wh1 = NULL, wh2 = NULL;
  const char *locations[][2] = { { "WH1", "A1" }, { "WH1", "A2" }, { "WH2", "B1" } };
  gint64 start = local_time (2026, 11, 1, 9);

  rs_clock_set_fixed (start);
  world.db = rs_test_open_initialized ();
  world.admin = rs_test_login (world.db, "admin");
  world.sales = rs_test_add_user (world.db, "sal", RS_ROLE_SALES);
  world.service = rs_test_add_user (world.db, "svc", RS_ROLE_SERVICE);
  world.manager = rs_test_add_user (world.db, "mgr", RS_ROLE_MANAGER);
  world.both = rs_test_add_user (world.db, "two", RS_ROLE_SERVICE | RS_ROLE_MANAGER);
  world.keeper = rs_test_add_user (world.db, "kpr", RS_ROLE_KEEPER);

  add_product ("P-1", "螺丝刀", 1000);
  add_product ("P-2", "电缆线", 2500);
  add_product ("P-3", "胶水", 300);
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      RsPartnerFields fields = { .code = customers[i][0], .name = customers[i][1] };
      g_autoptr(RsPartner) partner = rs_partners_add (world.admin, RS_PARTNER_CUSTOMER, &fields, &error);
      g_assert_no_error (error);
    }
  {
    RsPartnerFields fields = { .code = "S001", .name = "深圳电子厂" };
    g_autoptr(RsPartner) partner = rs_partners_add (world.admin, RS_PARTNER_SUPPLIER, &fields, &error);
    g_assert_no_error (error);
  }
  add_master_data ();
  wh1 = rs_warehouses_add (world.admin, "WH1", "主仓库", NULL, &error);
  wh2 = rs_warehouses_add (world.admin, "WH2", "二号仓库", NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (locations); i++)
    {
      g_autoptr(RsLocation) location = rs_locations_add (world.admin, locations[i][0], locations[i][1], NULL,
                                                         RS_LOCATION_STORAGE, &error);
      g_assert_no_error (error);
    }

  /* Returns, one every seven hours. */
  for (guint i = 0; i < 230; i++)
    {
      g_autoptr(RsReturn) ret = NULL;
      const char *number;

      rs_clock_set_fixed (start + i * 7 * HOUR);
      ret = make_return (world.sales, i);
      number = rs_return_get_number (ret);
      if (i % 4 == 1 || i % 4 == 2 || i % 8 == 3)
        {
          g_autoptr(RsReturn) submitted = rs_returns_submit (world.sales, number, NULL, &error);
          g_assert_no_error (error);
        }
      if (i % 4 == 2 || i % 8 == 3)
        {
          /* Level 1 signed: by `two` for some, who may then not sign level 2 as well. */
          g_autoptr(RsReturn) signed1 = rs_returns_approve (i % 8 == 3 ? world.both : world.service, number, NULL,
                                                            &error);
          g_assert_no_error (error);
        }
      if (i % 12 == 2)
        {
          g_autoptr(RsReturn) approved = rs_returns_approve (world.manager, number, NULL, &error);
          g_assert_no_error (error);
        }
      if (i % 20 == 1)
        {
          g_autoptr(RsReturn) rejected = rs_returns_reject (world.service, number, "不符合退货条件", &error);
          g_assert_no_error (error);
        }
      if (i % 30 == 4)
        {
          g_autoptr(RsReturn) cancelled = rs_returns_cancel (world.admin, number, "客户撤回", &error);
          g_assert_no_error (error);
        }
    }
  world.n_returns = 230;

  /* Slips, dated over a month: purchases of P-1 at 4.00 (so its average stays 4.00), sales,
   * transfers, a few left as drafts and a few voided. */
  for (guint i = 0; i < 230; i++)
    {
      RsSlipLineFields lines[3];
      g_autofree char *date = g_strdup_printf ("2026-11-%02u", 1 + i % 30);
      g_autofree char *remark = g_strdup_printf (i % 9 == 0 ? "月底盘点补录 %u" : "remark %u", i);
      RsSlipFields fields = { .warehouse = i % 5 == 4 ? "WH2" : "WH1", .date = date, .remark = remark,
                              .lines = lines };
      g_autoptr(RsSlip) slip = NULL;
      gboolean post = i % 10 != 8;

      rs_clock_set_fixed (start + 240 * 7 * HOUR + i * HOUR);
      if (i % 3 != 2 || i < 6)
        {
          const char *place = i % 5 == 4 ? "B1" : "A1";
          fields.kind = RS_SLIP_IN;
          fields.purpose = "purchase";
          fields.partner = "S001";
          slip_line (&lines[0], "P-1", UNITS (5), place, 400);
          slip_line (&lines[1], "P-2", UNITS (1 + i % 3), place, 1000 + i);
          fields.n_lines = 1 + i % 2;
        }
      else
        {
          fields.kind = i % 6 == 5 ? RS_SLIP_TRANSFER : RS_SLIP_OUT;
          fields.purpose = fields.kind == RS_SLIP_OUT ? "sale" : "transfer";
          fields.partner = fields.kind == RS_SLIP_OUT ? customers[(i / 3) % 3][0] : NULL;
          fields.warehouse = "WH1";
          slip_line (&lines[0], "P-1", UNITS (1), "A1", -1);
          lines[0].to_location = fields.kind == RS_SLIP_TRANSFER ? "A2" : NULL;
          slip_line (&lines[1], "P-1", UNITS (2), "A1", -1);
          lines[1].to_location = lines[0].to_location;
          slip_line (&lines[2], "P-3", UNITS (1), "A1", -1);
          fields.n_lines = 2;
          post = TRUE;
        }
      slip = post ? rs_slips_create_posted (world.admin, &fields, &error) : rs_slips_create (world.admin, &fields, &error);
      g_assert_no_error (error);
      if (i % 25 == 7)
        {
          g_autoptr(RsSlip) voided = rs_slips_void (world.admin, rs_slip_get_number (slip), "录入错误", &error);
          g_assert_no_error (error);
        }
    }
  world.n_slips = 230;
  rs_clock_set_fixed (start + 500 * 7 * HOUR);
}

/* Every item once, and each next to the one before in the order: cmp ≤ 0 (ascending) or
 * ≥ 0 with the id deciding ties the same way. */
typedef int (*Compare) (gpointer a, gpointer b);
typedef gint64 (*GetId) (gpointer item);

static void
assert_sorted (GListModel *list, guint n_expected, Compare compare, GetId get_id, gboolean ascending)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GObject) previous = NULL;
  guint n = g_list_model_get_n_items (list);

  g_assert_cmpuint (n, ==, n_expected);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      gint64 *id = g_new (gint64, 1);

      g_assert_nonnull (item);
      *id = get_id (item);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, id);
      if (previous != NULL)
        {
          int c = compare != NULL ? compare (previous, item) : 0;

          if (c == 0)
            c = get_id (previous) < *id ? -1 : 1;
          if (ascending)
            g_assert_cmpint (c, <, 0);
          else
            g_assert_cmpint (c, >, 0);
        }
      g_set_object (&previous, item);
    }
  g_hash_table_steal_all (seen);   /* the ids leak no further than the test */
}

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b))

static gint64 return_id (gpointer r) { return rs_return_get_id (r); }
static int by_created (gpointer a, gpointer b) { return CMP (rs_return_get_created_at (a), rs_return_get_created_at (b)); }
static int by_number (gpointer a, gpointer b) { return strcmp (rs_return_get_number (a), rs_return_get_number (b)); }
static int by_customer (gpointer a, gpointer b) { return strcmp (rs_return_get_customer_name (a), rs_return_get_customer_name (b)); }
static int by_state (gpointer a, gpointer b) { return CMP (rs_return_get_state (a), rs_return_get_state (b)); }
static int by_amount (gpointer a, gpointer b) { return CMP (rs_return_get_refund_value (a), rs_return_get_refund_value (b)); }
static int by_age (gpointer a, gpointer b) { return CMP (rs_return_get_age (a), rs_return_get_age (b)); }
static int by_flags (gpointer a, gpointer b) { return CMP (rs_return_get_n_flags (a), rs_return_get_n_flags (b)); }

static int
reason_position (RsReturn *ret)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reasons[i], rs_return_get_reason_code (ret)))
      return (int) i;
  g_assert_not_reached ();
}

static int by_reason (gpointer a, gpointer b) { return CMP (reason_position (a), reason_position (b)); }

static GListModel *
returns (RsSession *session, const RsReturnFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = rs_returns_list (session, filter, &error);

  g_assert_no_error (error);
  return list;
}

static void
test_returns_sorted (void)
{
  const struct { RsReturnSort sort; Compare compare; } sorts[] = {
    { RS_RETURN_SORT_CREATED, by_created }, { RS_RETURN_SORT_NUMBER, by_number },
    { RS_RETURN_SORT_CUSTOMER, by_customer }, { RS_RETURN_SORT_REASON, by_reason },
    { RS_RETURN_SORT_STATE, by_state }, { RS_RETURN_SORT_AMOUNT, by_amount },
    { RS_RETURN_SORT_AGE, by_age }, { RS_RETURN_SORT_FLAGS, by_flags },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    for (int ascending = 0; ascending < 2; ascending++)
      {
        RsReturnFilter filter = { .state = -1, .sort = sorts[i].sort, .ascending = ascending };
        g_autoptr(GListModel) list = returns (world.admin, &filter);

        g_assert_true (g_list_model_get_item_type (list) == RS_TYPE_RETURN);
        assert_sorted (list, world.n_returns, sorts[i].compare, return_id, ascending);
      }

  /* Zeroed: newest first; the items are whole returns. */
  {
    RsReturnFilter filter = { .state = -1, .limit = 3 };
    g_autoptr(GListModel) list = returns (world.admin, &filter);
    g_autoptr(RsReturn) first = g_list_model_get_item (list, 0);

    assert_sorted (list, 3, by_created, return_id, FALSE);
    g_assert_cmpuint (g_list_model_get_n_items (rs_return_get_lines (first)), >=, 1);
  }
}

static guint
count_returns (gboolean (*keep) (RsReturn *ret, gconstpointer data), gconstpointer data)
{
  g_autoptr(GListModel) all = returns (world.admin, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(RsReturn) ret = g_list_model_get_item (all, i);
      n += keep (ret, data) ? 1 : 0;
    }
  return n;
}

static gboolean
in_state (RsReturn *ret, gconstpointer data)
{
  return (int) rs_return_get_state (ret) == GPOINTER_TO_INT (data);
}

static void
test_returns_filtered (void)
{
  for (int state = 0; state < RS_RETURN_N_STATES; state++)
    {
      RsReturnFilter filter = { .state = state, .sort = RS_RETURN_SORT_AMOUNT };
      g_autoptr(GListModel) list = returns (world.admin, &filter);
      guint expected = count_returns (in_state, GINT_TO_POINTER (state));

      assert_sorted (list, expected, by_amount, return_id, FALSE);
      for (guint i = 0; i < expected; i++)
        {
          g_autoptr(RsReturn) ret = g_list_model_get_item (list, i);
          g_assert_cmpint (rs_return_get_state (ret), ==, state);
        }
    }
  {
    RsReturnFilter filter = { .state = -1, .customer = "C002", .sort = RS_RETURN_SORT_NUMBER, .ascending = TRUE };
    g_autoptr(GListModel) list = returns (world.admin, &filter);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 77);   /* i % 3 == 1 of 230 */
    for (guint i = 0; i < 77; i++)
      {
        g_autoptr(RsReturn) ret = g_list_model_get_item (list, i);
        g_assert_cmpstr (rs_return_get_customer_code (ret), ==, "C002");
      }
  }
}

/* Waiting for me: drafts and rejected ones for sales; the level due for the role that signs
 * it, not for its creator nor for one who signed a level already; approved ones for the keeper. */
static gboolean
waits_for (RsReturn *ret, gconstpointer data)
{
  const char *user = data;
  RsReturnState state = rs_return_get_state (ret);
  GListModel *signatures = rs_return_get_signatures (ret);
  gboolean signed_by_user = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (signatures); i++)
    {
      g_autoptr(RsReturnSignature) signature = g_list_model_get_item (signatures, i);
      signed_by_user |= g_str_equal (rs_return_signature_get_user (signature), user);
    }
  if (g_str_equal (user, "sal"))
    return state == RS_RETURN_DRAFT || state == RS_RETURN_REJECTED;
  if (g_str_equal (user, "svc"))
    return state == RS_RETURN_SUBMITTED && rs_return_get_next_role (ret) == RS_ROLE_SERVICE;
  if (g_str_equal (user, "mgr"))
    return state == RS_RETURN_SUBMITTED && rs_return_get_next_role (ret) == RS_ROLE_MANAGER;
  if (g_str_equal (user, "two"))
    return state == RS_RETURN_SUBMITTED && !signed_by_user;
  if (g_str_equal (user, "kpr"))
    return state == RS_RETURN_APPROVED;
  g_assert_not_reached ();
}

static void
test_returns_waiting (void)
{
  const struct { RsSession **session; const char *name; guint at_least; } users[] = {
    { &world.sales, "sal", 80 }, { &world.service, "svc", 20 }, { &world.manager, "mgr", 20 },
    { &world.both, "two", 40 }, { &world.keeper, "kpr", 10 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    {
      RsReturnFilter filter = { .state = -1, .waiting = TRUE };
      g_autoptr(GListModel) list = returns (*users[i].session, &filter);
      guint expected = count_returns (waits_for, users[i].name);

      g_test_message ("%s waits for %u", users[i].name, expected);
      g_assert_cmpuint (expected, >=, users[i].at_least);
      assert_sorted (list, expected, by_created, return_id, FALSE);
      for (guint j = 0; j < expected; j++)
        {
          g_autoptr(RsReturn) ret = g_list_model_get_item (list, j);
          g_assert_true (waits_for (ret, users[i].name));
        }
    }

  /* The administrator may take every open return's next step, and nothing closed. */
  {
    RsReturnFilter filter = { .state = -1, .waiting = TRUE };
    g_autoptr(GListModel) list = returns (world.admin, &filter);
    guint open = world.n_returns - count_returns (in_state, GINT_TO_POINTER (RS_RETURN_CANCELLED));

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, open);
  }
}

static gboolean
has_pending_flag (RsReturn *ret)
{
  GListModel *flags = rs_return_get_flags (ret);

  for (guint i = 0; i < g_list_model_get_n_items (flags); i++)
    {
      g_autoptr(RsReturnFlag) flag = g_list_model_get_item (flags, i);
      if (rs_return_flag_get_pending (flag))
        return TRUE;
    }
  return FALSE;
}

/* The dashboard's figures: per state, what the waiting list holds and how many of those have
 * a pending flag; the overdue filter lists exactly those; refused for a disabled account. */
static void
test_returns_waiting_counts (void)
{
  RsSession **sessions[] = { &world.sales, &world.service, &world.manager, &world.both, &world.keeper, &world.admin };
  g_autoptr(GError) error = NULL;
  gboolean some_overdue = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    {
      RsReturnCounts counts;
      guint total_overdue = 0;

      g_assert_true (rs_returns_count_waiting (*sessions[i], &counts, &error));
      g_assert_no_error (error);
      for (int state = 0; state < RS_RETURN_N_STATES; state++)
        {
          RsReturnFilter filter = { .state = state, .waiting = TRUE };
          g_autoptr(GListModel) list = returns (*sessions[i], &filter);
          guint n = g_list_model_get_n_items (list);
          guint overdue = 0;

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(RsReturn) ret = g_list_model_get_item (list, j);
              overdue += has_pending_flag (ret) ? 1 : 0;
            }
          g_assert_cmpuint (counts.waiting[state], ==, n);
          g_assert_cmpuint (counts.overdue[state], ==, overdue);
          if (n > 0)
            g_assert_true (counts.acts[state]);
          total_overdue += overdue;
        }
      {
        RsReturnFilter filter = { .state = -1, .waiting = TRUE, .overdue = TRUE };
        g_autoptr(GListModel) list = returns (*sessions[i], &filter);

        g_assert_cmpuint (g_list_model_get_n_items (list), ==, total_overdue);
        for (guint j = 0; j < total_overdue; j++)
          {
            g_autoptr(RsReturn) ret = g_list_model_get_item (list, j);
            g_assert_true (has_pending_flag (ret));
          }
      }
      some_overdue |= total_overdue > 0;
    }
  /* Approved months ago and not received: late for the keeper. */
  g_assert_true (some_overdue);

  /* Which states each role acts on. */
  {
    RsReturnCounts sales, keeper;

    g_assert_true (rs_returns_count_waiting (world.sales, &sales, NULL));
    g_assert_true (rs_returns_count_waiting (world.keeper, &keeper, NULL));
    g_assert_true (sales.acts[RS_RETURN_DRAFT] && sales.acts[RS_RETURN_REJECTED]);
    g_assert_false (sales.acts[RS_RETURN_SUBMITTED] || sales.acts[RS_RETURN_APPROVED]);
    g_assert_true (keeper.acts[RS_RETURN_APPROVED] && keeper.acts[RS_RETURN_RECEIVED] && keeper.acts[RS_RETURN_INSPECTED]);
    g_assert_false (keeper.acts[RS_RETURN_DRAFT] || keeper.acts[RS_RETURN_DISPOSED]);
    g_assert_cmpuint (keeper.overdue[RS_RETURN_APPROVED], >, 0);
  }

  /* A disabled account sees nothing, and asking changes nothing. */
  {
    g_autoptr(RsSession) viewer = rs_test_add_user (world.db, "gone", RS_ROLE_VIEWER);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    RsReturnCounts counts;

    g_assert_true (rs_returns_count_waiting (viewer, &counts, &error));
    for (int state = 0; state < RS_RETURN_N_STATES; state++)
      g_assert_true (!counts.acts[state] && counts.waiting[state] == 0);
    g_assert_true (rs_users_disable (world.admin, "gone", &error));
    before = rs_test_dump (world.db);
    g_assert_false (rs_returns_count_waiting (viewer, &counts, &error));
    g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
    after = rs_test_dump (world.db);
    g_assert_cmpstr (before, ==, after);
  }
}

/* What a search should find, by reading the items: the text in the number, order reference,
 * customer code or name, or a line's SKU or product name, case aside (not the description). */
static gboolean
return_matches (RsReturn *ret, gconstpointer data)
{
  g_autofree char *needle = g_utf8_casefold (data, -1);
  const char *texts[] = { rs_return_get_number (ret), rs_return_get_order_ref (ret),
                          rs_return_get_customer_code (ret), rs_return_get_customer_name (ret) };
  GListModel *lines = rs_return_get_lines (ret);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *hay = g_utf8_casefold (texts[i], -1);
      if (strstr (hay, needle) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(RsReturnLine) line = g_list_model_get_item (lines, i);
      g_autofree char *sku = g_utf8_casefold (rs_return_line_get_sku (line), -1);
      g_autofree char *name = g_utf8_casefold (rs_return_line_get_product_name (line), -1);

      if (strstr (sku, needle) != NULL || strstr (name, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_returns_search (void)
{
  /* Customers, products, numbers and order references (not descriptions); Chinese of 1, 2, 3+ characters. */
  const struct { const char *query; guint at_least; } queries[] = {
    { "华", 70 }, { "华东", 70 }, { "华东商贸", 70 }, { "商贸有限公司", 70 },
    { "刀", 100 }, { "螺丝", 100 }, { "螺丝刀", 100 }, { "胶水", 30 },
    { "破损", 0 }, { "包装破损严重", 0 }, { "SO-", 230 }, { "so", 230 },
    { "p-1", 100 }, { "0005", 1 }, { "SO-0123", 1 }, { "TH202611", 100 }, { "c00", 230 },
    { "无此", 0 }, { "无此内容", 0 }, { "\"华东", 0 }, { "%", 0 }, { "_", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    for (int sort = 0; sort < 2; sort++)
      {
        RsReturnFilter filter = { .state = -1, .search = queries[i].query,
                                  .sort = sort ? RS_RETURN_SORT_CUSTOMER : RS_RETURN_SORT_CREATED };
        g_autoptr(GListModel) list = returns (world.admin, &filter);
        guint expected = count_returns (return_matches, queries[i].query);

        g_test_message ("“%s”: %u", queries[i].query, expected);
        g_assert_cmpuint (expected, >=, queries[i].at_least);
        assert_sorted (list, expected, sort ? by_customer : by_created, return_id, FALSE);
        for (guint j = 0; j < expected; j++)
          {
            g_autoptr(RsReturn) ret = g_list_model_get_item (list, j);
            g_assert_true (return_matches (ret, queries[i].query));
          }
      }

  /* Spaces around are dropped; only spaces is no search at all. */
  {
    RsReturnFilter filter = { .state = -1, .search = "   " };
    g_autoptr(GListModel) list = returns (world.admin, &filter);
    g_assert_cmpuint (g_list_model_get_n_items (list), ==, world.n_returns);
  }
  /* Search combines with the other filters. */
  {
    RsReturnFilter filter = { .state = RS_RETURN_DRAFT, .search = "螺丝刀", .customer = "C001" };
    g_autoptr(GListModel) list = returns (world.admin, &filter);

    g_assert_cmpuint (g_list_model_get_n_items (list), >, 0);
    for (guint j = 0; j < g_list_model_get_n_items (list); j++)
      {
        g_autoptr(RsReturn) ret = g_list_model_get_item (list, j);
        g_assert_cmpint (rs_return_get_state (ret), ==, RS_RETURN_DRAFT);
        g_assert_cmpstr (rs_return_get_customer_code (ret), ==, "C001");
        g_assert_true (return_matches (ret, "螺丝刀"));
      }
  }
}

/* Refused: a search too long or not UTF-8, a slip date that is no date; nothing changes. */
static void
test_list_refusals (void)
{
  g_autofree char *before = rs_test_dump (world.db);
  g_autofree char *after = NULL;
  g_autofree char *long_text = g_strnfill (101, 'x');
  const char *bad_searches[] = { long_text, "bad\xff" };

  for (guint i = 0; i < G_N_ELEMENTS (bad_searches); i++)
    {
      RsReturnFilter return_filter = { .state = -1, .search = bad_searches[i] };
      RsSlipFilter slip_filter = { .kind = -1, .state = -1, .search = bad_searches[i] };
      RsStockFilter stock_filter = { .search = bad_searches[i] };
      g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;
      g_autoptr(GListModel) l1 = rs_returns_list (world.admin, &return_filter, &e1);
      g_autoptr(GListModel) l2 = rs_slips_list (world.admin, &slip_filter, &e2);
      g_autoptr(GListModel) l3 = rs_stock_query (world.admin, &stock_filter, &e3);
      g_autoptr(GError) e4 = NULL, e5 = NULL;
      g_autoptr(GListModel) l4 = rs_products_list_paged (world.admin, bad_searches[i], TRUE, &e4);
      g_autoptr(GListModel) l5 = rs_partners_list_paged (world.admin, RS_PARTNER_SUPPLIER, bad_searches[i], FALSE, &e5);

      g_assert_error (e1, RS_ERROR, RS_ERROR_VALIDATION);
      g_assert_error (e2, RS_ERROR, RS_ERROR_VALIDATION);
      g_assert_error (e3, RS_ERROR, RS_ERROR_VALIDATION);
      g_assert_error (e4, RS_ERROR, RS_ERROR_VALIDATION);
      g_assert_error (e5, RS_ERROR, RS_ERROR_VALIDATION);
      g_assert_null (l1);
      g_assert_null (l2);
      g_assert_null (l3);
      g_assert_null (l4);
      g_assert_null (l5);
    }
  {
    RsSlipFilter filter = { .kind = -1, .state = -1, .date_from = "2026-02-30" };
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) list = rs_slips_list (world.admin, &filter, &error);

    g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
    g_assert_null (list);
  }
  {
    RsLedgerFilter filter = { .sku = "NOPE" };
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) list = rs_stock_movements (world.admin, &filter, &error);

    g_assert_error (error, RS_ERROR, RS_ERROR_NOT_FOUND);
    g_assert_null (list);
  }
  after = rs_test_dump (world.db);
  g_assert_cmpstr (before, ==, after);
}

/* A list keeps its snapshot while returns are written; a refresh announces the new return
 * where it lands and a held return that changed in place. */
static void
test_returns_refresh (void)
{
  RsReturnFilter filter = { .state = -1 };
  g_autoptr(GListModel) list = returns (world.admin, &filter);
  g_autoptr(GArray) changes = watch (RS_PAGED_MODEL (list));
  g_autoptr(RsReturn) first = g_list_model_get_item (list, 0);
  g_autoptr(RsReturn) draft = NULL, added = NULL, edited = NULL, now_first = NULL, now_edited = NULL;
  g_autoptr(GError) error = NULL;
  RsReturnLineFields line = { "P-1", UNITS (9), -1, NULL };
  RsReturnFields fields = { .customer = "C003", .reason = "other", .lines = &line, .n_lines = 1 };
  guint position;

  for (position = 0; draft == NULL; position++)
    {
      g_autoptr(RsReturn) ret = g_list_model_get_item (list, position);
      if (rs_return_get_state (ret) == RS_RETURN_DRAFT && g_str_equal (rs_return_get_customer_code (ret), "C001"))
        draft = g_steal_pointer (&ret);
    }
  position--;
  g_assert_cmpuint (position, <, RS_PAGED_MODEL_PAGE_SIZE - 1);

  rs_clock_set_fixed (rs_clock_now () + HOUR);
  added = make_return (world.sales, 999);
  edited = rs_returns_update (world.sales, rs_return_get_number (draft), &fields, &error);
  g_assert_no_error (error);

  /* The snapshot holds. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, world.n_returns);
  {
    g_autoptr(RsReturn) still_first = g_list_model_get_item (list, 0);
    g_assert_cmpint (rs_return_get_id (still_first), ==, rs_return_get_id (first));
  }
  g_assert_cmpuint (changes->len, ==, 0);

  g_assert_true (rs_paged_model_refresh (RS_PAGED_MODEL (list), &error));
  g_assert_no_error (error);
  assert_changes (changes, (Change[]) { { 0, 0, 1 }, { position + 1, 1, 1 } }, 2);
  now_first = g_list_model_get_item (list, 0);
  now_edited = g_list_model_get_item (list, position + 1);
  g_assert_cmpint (rs_return_get_id (now_first), ==, rs_return_get_id (added));
  g_assert_cmpint (rs_return_get_id (now_edited), ==, rs_return_get_id (draft));
  g_assert_cmpstr (rs_return_get_customer_code (now_edited), ==, "C003");
  world.n_returns++;
}

/* ---- slips ------------------------------------------------------------------ */

static gint64 slip_id (gpointer s) { return rs_slip_get_id (s); }
static int slip_by_number (gpointer a, gpointer b) { return strcmp (rs_slip_get_number (a), rs_slip_get_number (b)); }
static int slip_by_kind (gpointer a, gpointer b) { return strcmp (rs_slip_kind_get_key (rs_slip_get_kind (a)), rs_slip_kind_get_key (rs_slip_get_kind (b))); }
static int slip_by_purpose (gpointer a, gpointer b) { return strcmp (rs_slip_get_purpose (a), rs_slip_get_purpose (b)); }
static int slip_by_warehouse (gpointer a, gpointer b) { return strcmp (rs_slip_get_warehouse_code (a), rs_slip_get_warehouse_code (b)); }
static int slip_by_date (gpointer a, gpointer b) { return strcmp (rs_slip_get_date (a), rs_slip_get_date (b)); }
static int slip_by_state (gpointer a, gpointer b) { return CMP (rs_slip_get_state (a), rs_slip_get_state (b)); }
static int slip_by_lines (gpointer a, gpointer b) { return CMP (rs_slip_get_n_lines (a), rs_slip_get_n_lines (b)); }
static int slip_by_total (gpointer a, gpointer b) { return CMP (rs_slip_get_total (a), rs_slip_get_total (b)); }

static const char *
partner_name (RsSlip *slip)
{
  const char *name = NULL;

  return rs_slip_get_partner (slip, NULL, NULL, &name) ? name : NULL;
}

static int
slip_by_partner (gpointer a, gpointer b)
{
  const char *x = partner_name (a), *y = partner_name (b);

  /* No partner sorts first, as SQL's NULL does. */
  return x == NULL || y == NULL ? (x != NULL) - (y != NULL) : strcmp (x, y);
}

static GListModel *
slips (const RsSlipFilter *filter)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = rs_slips_list (world.admin, filter, &error);

  g_assert_no_error (error);
  return list;
}

static guint
count_slips (gboolean (*keep) (RsSlip *slip, gconstpointer data), gconstpointer data)
{
  RsSlipFilter all = { .kind = -1, .state = -1 };
  g_autoptr(GListModel) list = slips (&all);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsSlip) slip = g_list_model_get_item (list, i);
      n += keep (slip, data) ? 1 : 0;
    }
  return n;
}

static void
test_slips_sorted (void)
{
  const struct { RsSlipSort sort; Compare compare; } sorts[] = {
    { RS_SLIP_SORT_CREATED, NULL }, { RS_SLIP_SORT_NUMBER, slip_by_number }, { RS_SLIP_SORT_KIND, slip_by_kind },
    { RS_SLIP_SORT_PURPOSE, slip_by_purpose }, { RS_SLIP_SORT_WAREHOUSE, slip_by_warehouse },
    { RS_SLIP_SORT_PARTNER, slip_by_partner }, { RS_SLIP_SORT_DATE, slip_by_date },
    { RS_SLIP_SORT_STATE, slip_by_state }, { RS_SLIP_SORT_LINES, slip_by_lines },
    { RS_SLIP_SORT_TOTAL, slip_by_total },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    for (int ascending = 0; ascending < 2; ascending++)
      {
        RsSlipFilter filter = { .kind = -1, .state = -1, .sort = sorts[i].sort, .ascending = ascending };
        g_autoptr(GListModel) list = slips (&filter);

        assert_sorted (list, world.n_slips, sorts[i].compare, slip_id, ascending);
      }
}

/* The value of a slip: an in-slip's own costs; a posted sale at the average it left at
 * (4.00, every purchase of P-1 being at 4.00; P-3 at its 5.00); a draft the same estimate. */
static void
test_slip_totals (void)
{
  RsSlipFilter filter = { .kind = -1, .state = -1 };
  g_autoptr(GListModel) list = slips (&filter);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RsSlip) header = g_list_model_get_item (list, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(RsSlip) slip = rs_slips_lookup (world.admin, rs_slip_get_number (header), &error);
      GListModel *lines = rs_slip_get_lines (slip);
      gint64 total = 0;

      g_assert_no_error (error);
      g_assert_cmpuint (rs_slip_get_n_lines (header), ==, g_list_model_get_n_items (lines));
      for (guint j = 0; j < g_list_model_get_n_items (lines); j++)
        {
          g_autoptr(RsSlipLine) line = g_list_model_get_item (lines, j);
          gint64 cost = rs_slip_line_get_unit_cost (line);

          if (cost < 0)
            cost = g_str_equal (rs_slip_line_get_sku (line), "P-1") ? 400 : 500;
          total += (rs_slip_line_get_quantity (line) * cost + 500) / 1000;
        }
      g_assert_cmpint (rs_slip_get_total (header), ==, total);
      g_assert_cmpint (rs_slip_get_total (slip), ==, total);
    }
}

static gboolean
slip_kind_state (RsSlip *slip, gconstpointer data)
{
  const int *want = data;

  return (want[0] < 0 || (int) rs_slip_get_kind (slip) == want[0]) &&
         (want[1] < 0 || (int) rs_slip_get_state (slip) == want[1]);
}

static gboolean
slip_in_range (RsSlip *slip, gconstpointer data)
{
  const char *const *range = data;

  return g_str_equal (rs_slip_get_warehouse_code (slip), range[2]) &&
         strcmp (rs_slip_get_date (slip), range[0]) >= 0 && strcmp (rs_slip_get_date (slip), range[1]) <= 0;
}

static void
test_slips_filtered (void)
{
  for (int kind = -1; kind <= RS_SLIP_TRANSFER; kind++)
    for (int state = -1; state <= RS_SLIP_VOIDED; state++)
      {
        RsSlipFilter filter = { .kind = kind, .state = state, .sort = RS_SLIP_SORT_DATE, .ascending = TRUE };
        g_autoptr(GListModel) list = slips (&filter);
        int want[] = { kind, state };

        assert_sorted (list, count_slips (slip_kind_state, want), slip_by_date, slip_id, TRUE);
        for (guint i = 0; i < g_list_model_get_n_items (list); i++)
          {
            g_autoptr(RsSlip) slip = g_list_model_get_item (list, i);
            g_assert_true (slip_kind_state (slip, want));
          }
      }
  {
    const char *range[] = { "2026-11-05", "2026-11-19", "WH1" };
    RsSlipFilter filter = { .kind = -1, .state = -1, .warehouse = "WH1", .date_from = range[0], .date_to = range[1],
                            .sort = RS_SLIP_SORT_TOTAL };
    g_autoptr(GListModel) list = slips (&filter);
    guint expected = count_slips (slip_in_range, range);

    g_assert_cmpuint (expected, >, 50);
    assert_sorted (list, expected, slip_by_total, slip_id, FALSE);
    for (guint i = 0; i < expected; i++)
      {
        g_autoptr(RsSlip) slip = g_list_model_get_item (list, i);
        g_assert_true (slip_in_range (slip, range));
      }
  }
}

static gboolean
slip_matches (RsSlip *slip, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) whole = rs_slips_lookup (world.admin, rs_slip_get_number (slip), &error);
  g_autofree char *needle = g_utf8_casefold (data, -1);
  const char *code = NULL, *name = NULL;
  GListModel *lines = rs_slip_get_lines (whole);
  GPtrArray *texts = g_ptr_array_new ();
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_ptr_array_add (texts, (gpointer) rs_slip_get_number (whole));
  if (rs_slip_get_partner (whole, NULL, &code, &name))
    {
      g_ptr_array_add (texts, (gpointer) code);
      g_ptr_array_add (texts, (gpointer) name);
    }
  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      RsSlipLine *line = g_list_model_get_item (lines, i);
      g_ptr_array_add (texts, (gpointer) rs_slip_line_get_sku (line));
      g_ptr_array_add (texts, (gpointer) rs_slip_line_get_product_name (line));
      g_object_unref (line);   /* the slip holds it */
    }
  for (guint i = 0; i < texts->len && !found; i++)
    {
      g_autofree char *hay = g_utf8_casefold (g_ptr_array_index (texts, i), -1);
      found = strstr (hay, needle) != NULL;
    }
  g_ptr_array_unref (texts);
  return found;
}

static void
test_slips_search (void)
{
  const struct { const char *query; guint at_least; } queries[] = {
    { "盘点", 0 }, { "月底盘点补录", 0 }, { "深", 100 }, { "深圳", 100 }, { "深圳电子厂", 100 }, { "北京五金", 5 },
    { "华东", 5 }, { "刀", 200 }, { "螺丝刀", 200 }, { "RK2027", 100 }, { "-0003", 3 },
    { "rk", 100 }, { "S001", 100 }, { "无此内容", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      RsSlipFilter filter = { .kind = -1, .state = -1, .search = queries[i].query, .sort = RS_SLIP_SORT_NUMBER };
      g_autoptr(GListModel) list = slips (&filter);
      guint expected = count_slips (slip_matches, queries[i].query);

      g_test_message ("“%s”: %u", queries[i].query, expected);
      g_assert_cmpuint (expected, >=, queries[i].at_least);
      assert_sorted (list, expected, slip_by_number, slip_id, FALSE);
      for (guint j = 0; j < expected; j++)
        {
          g_autoptr(RsSlip) slip = g_list_model_get_item (list, j);
          g_assert_true (slip_matches (slip, queries[i].query));
        }
    }
}

/* Posting a draft the list holds changes it in place; an edited draft is found by its new remark. */
static void
test_slips_refresh (void)
{
  RsSlipFilter filter = { .kind = -1, .state = RS_SLIP_DRAFT, .sort = RS_SLIP_SORT_NUMBER, .ascending = TRUE };
  g_autoptr(GListModel) drafts = slips (&filter);
  RsSlipFilter all_filter = { .kind = -1, .state = -1, .sort = RS_SLIP_SORT_NUMBER, .ascending = TRUE };
  g_autoptr(GListModel) all = slips (&all_filter);
  g_autoptr(GArray) draft_changes = watch (RS_PAGED_MODEL (drafts));
  g_autoptr(GArray) all_changes = watch (RS_PAGED_MODEL (all));
  g_autoptr(RsSlip) first = g_list_model_get_item (drafts, 0);
  g_autoptr(RsSlip) posted = NULL, held = NULL;
  g_autoptr(GError) error = NULL;
  guint n_drafts = g_list_model_get_n_items (drafts), position = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (all) && position == G_MAXUINT; i++)
    {
      g_autoptr(RsSlip) slip = g_list_model_get_item (all, i);
      if (rs_slip_get_id (slip) == rs_slip_get_id (first))
        position = i;
    }
  posted = rs_slips_post (world.admin, rs_slip_get_number (first), &error);
  g_assert_no_error (error);

  g_assert_true (rs_paged_model_refresh (RS_PAGED_MODEL (drafts), &error));
  g_assert_true (rs_paged_model_refresh (RS_PAGED_MODEL (all), &error));
  g_assert_no_error (error);
  assert_changes (draft_changes, (Change[]) { { 0, 1, 0 } }, 1);
  g_assert_cmpuint (g_list_model_get_n_items (drafts), ==, n_drafts - 1);
  assert_changes (all_changes, (Change[]) { { position, 1, 1 } }, 1);
  held = g_list_model_get_item (all, position);
  g_assert_cmpint (rs_slip_get_state (held), ==, RS_SLIP_POSTED);
}

/* ---- master data: products, customers, suppliers -------------------------- */

/* Any of the fields contains the trimmed search, case folded, as the 资料 list matched them
 * in memory before: the paged lists must list exactly these. */
static gboolean
fields_match (const char *const *fields, const char *search)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));
  g_autofree char *needle = g_utf8_casefold (trimmed, -1);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *hay = g_utf8_casefold (fields[i], -1);
      if (strstr (hay, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
product_matches (gpointer item, const char *search)
{
  const char *fields[] = { rs_product_get_sku (item), rs_product_get_name (item), rs_product_get_spec (item),
                           rs_product_get_barcode (item) != NULL ? rs_product_get_barcode (item) : "", NULL };
  return fields_match (fields, search);
}

static gboolean
partner_matches (gpointer item, const char *search)
{
  const char *fields[] = { rs_partner_get_code (item), rs_partner_get_name (item), rs_partner_get_contact (item),
                           rs_partner_get_phone (item), NULL };
  return fields_match (fields, search);
}

/* `paged` holds the items of `all` (every one, read whole by the unpaged list in the same
 * order) that match, in that order; returns how many. */
static guint
assert_master_list (GListModel *paged, GListModel *all, gboolean (*matches) (gpointer, const char *),
                    gint64 (*get_id) (gpointer), const char *search)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GObject) want = g_list_model_get_item (all, i);
      g_autoptr(GObject) got = NULL;

      if (!matches (want, search))
        continue;
      got = g_list_model_get_item (paged, n++);
      g_assert_nonnull (got);
      g_assert_cmpint (get_id (got), ==, get_id (want));
    }
  g_assert_cmpuint (g_list_model_get_n_items (paged), ==, n);
  return n;
}

static gint64 product_id (gpointer p) { return rs_product_get_id (p); }
static gint64 partner_id (gpointer p) { return rs_partner_get_id (p); }

static void
test_master_lists (void)
{
  /* Blank, one and two characters (LIKE, escaped), three and more (the trigram index), in
   * another case than stored, across a space, matching nothing. */
  const char *const searches[] = {
    NULL, "", "  ", "m", "m-", "M-1", "m-12", " M-123 ", "螺丝", "螺丝刀", "电钻 1", "规格", "格 3", "690", "69000",
    "王", "王经理", "1380013", "13800130012", "上海", "深圳商行", "工厂", "k0", "K00", "s2", "%", "_", "无此内容",
  };

  for (int inactive = 0; inactive <= 1; inactive++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) all_products = rs_products_list (world.admin, inactive, &error);
      g_autoptr(GListModel) all_customers = rs_partners_list (world.admin, RS_PARTNER_CUSTOMER, inactive, &error);
      g_autoptr(GListModel) all_suppliers = rs_partners_list (world.admin, RS_PARTNER_SUPPLIER, inactive, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
        {
          g_autoptr(GListModel) p = rs_products_list_paged (world.admin, searches[i], inactive, &error);
          g_autoptr(GListModel) c = rs_partners_list_paged (world.admin, RS_PARTNER_CUSTOMER, searches[i], inactive,
                                                            &error);
          g_autoptr(GListModel) s = rs_partners_list_paged (world.admin, RS_PARTNER_SUPPLIER, searches[i], inactive,
                                                            &error);
          guint np, nc, ns;

          g_assert_no_error (error);
          g_assert_true (RS_IS_PAGED_MODEL (p) && RS_IS_PAGED_MODEL (c) && RS_IS_PAGED_MODEL (s));
          np = assert_master_list (p, all_products, product_matches, product_id, searches[i]);
          nc = assert_master_list (c, all_customers, partner_matches, partner_id, searches[i]);
          ns = assert_master_list (s, all_suppliers, partner_matches, partner_id, searches[i]);
          g_test_message ("“%s”%s: %u products, %u customers, %u suppliers", searches[i] != NULL ? searches[i] : "(none)",
                          inactive ? " with the inactive" : "", np, nc, ns);
          if (searches[i] == NULL)
            {
              /* Unpaged, the lists below hold more than two pages. */
              g_assert_cmpuint (np, >, 2 * RS_PAGED_MODEL_PAGE_SIZE);
              g_assert_cmpuint (nc, >, 2 * RS_PAGED_MODEL_PAGE_SIZE);
            }
        }
      /* The inactive ones are left out unless asked for, searched or not. */
      {
        g_autoptr(GListModel) found = rs_products_list_paged (world.admin, "M-00", inactive, &error);
        gboolean any_inactive = FALSE;

        g_assert_no_error (error);
        for (guint i = 0; i < g_list_model_get_n_items (found); i++)
          {
            g_autoptr(RsProduct) product = g_list_model_get_item (found, i);
            any_inactive |= !rs_product_get_active (product);
          }
        g_assert_true (any_inactive == inactive);   /* M-003 is inactive */
      }
    }

  /* Opening a list reads no page; the first item, one. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) list = rs_products_list_paged (world.admin, NULL, TRUE, &error);
    g_autoptr(GObject) first = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (rs_paged_model_get_n_page_loads (RS_PAGED_MODEL (list)), ==, 0);
    first = g_list_model_get_item (list, 0);
    g_assert_cmpuint (rs_paged_model_get_n_page_loads (RS_PAGED_MODEL (list)), ==, 1);
  }
}

/* ---- stock and the ledger ------------------------------------------------- */

static int stock_by_quantity (gpointer a, gpointer b) { return CMP (rs_stock_level_get_quantity (a), rs_stock_level_get_quantity (b)); }

static gint64
stock_id (gpointer level)
{
  /* Places are told apart by warehouse, location and SKU; a hash will do as an id here. */
  g_autofree char *key = g_strdup_printf ("%s/%s/%s", rs_stock_level_get_warehouse_code (level),
                                          rs_stock_level_get_location_code (level), rs_stock_level_get_sku (level));
  return g_str_hash (key);
}

static void
test_stock (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL, quarantine = NULL, available = NULL, found = NULL, by_quantity = NULL;
  RsSlipLineFields line = { "P-3", UNITS (4), "QA", NULL, 200 };
  RsSlipFields fields = { .kind = RS_SLIP_IN, .purpose = "return-in", .warehouse = "WH2", .partner = "C001",
                          .lines = &line, .n_lines = 1 };
  g_autoptr(RsSlip) into_quarantine = rs_slips_create_posted (world.admin, &fields, &error);
  RsStockFilter q = { .scope = RS_STOCK_SCOPE_QUARANTINE };
  RsStockFilter a = { .scope = RS_STOCK_SCOPE_AVAILABLE, .search = "电缆" };
  RsStockFilter s = { .search = "螺丝刀", .warehouse = "WH1" };
  RsStockFilter by_q = { .sort = RS_STOCK_SORT_QUANTITY, .descending = TRUE };

  g_assert_no_error (error);
  world.n_slips++;
  all = rs_stock_list (world.admin, NULL, NULL, &error);
  quarantine = rs_stock_query (world.admin, &q, &error);
  available = rs_stock_query (world.admin, &a, &error);
  found = rs_stock_query (world.admin, &s, &error);
  by_quantity = rs_stock_query (world.admin, &by_q, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (quarantine), ==, 1);
  {
    g_autoptr(RsStockLevel) level = g_list_model_get_item (quarantine, 0);
    g_assert_cmpstr (rs_stock_level_get_location_code (level), ==, "QA");
    g_assert_cmpint (rs_stock_level_get_quantity (level), ==, UNITS (4));
  }
  /* P-2 only came in, to A1 and B1. */
  g_assert_cmpuint (g_list_model_get_n_items (available), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(RsStockLevel) level = g_list_model_get_item (available, i);
      g_assert_cmpstr (rs_stock_level_get_sku (level), ==, "P-2");
    }
  /* P-1 in WH1: A1, and A2 by the transfers. */
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  assert_sorted (by_quantity, g_list_model_get_n_items (all), stock_by_quantity, stock_id, FALSE);
}

static void
test_ledger (void)
{
  g_autoptr(GError) error = NULL;
  RsLedgerFilter one = { .sku = "P-1" }, wh1 = { .sku = "P-1", .warehouse = "WH1" }, newest = { .sku = "P-1", .limit = 7 };
  g_autoptr(GListModel) p1 = rs_stock_movements (world.admin, &one, &error);
  g_autoptr(GListModel) p1_wh1 = rs_stock_movements (world.admin, &wh1, &error);
  g_autoptr(GListModel) p1_newest = rs_stock_movements (world.admin, &newest, &error);
  g_autoptr(GListModel) everything = rs_stock_ledger (world.admin, NULL, 0, &error);
  g_autoptr(GListModel) levels = rs_stock_list (world.admin, NULL, "P-1", &error);
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (p1);
  gint64 balance = 0, in_wh1 = 0, on_hand = 0, previous_id = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (n, >, 2 * RS_PAGED_MODEL_PAGE_SIZE);
  /* Read from the end first: the balances do not depend on the pages read before. */
  {
    g_autoptr(RsLedgerEntry) last = g_list_model_get_item (p1, n - 1);
    for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
      {
        g_autoptr(RsStockLevel) level = g_list_model_get_item (levels, i);
        on_hand += rs_stock_level_get_quantity (level);
      }
    g_assert_cmpint (rs_ledger_entry_get_balance (last), ==, on_hand);
  }
  for (guint i = 0, j = 0; i < n; i++)
    {
      g_autoptr(RsLedgerEntry) entry = g_list_model_get_item (p1, i);

      g_assert_cmpint (rs_ledger_entry_get_id (entry), >, previous_id);
      previous_id = rs_ledger_entry_get_id (entry);
      balance += rs_ledger_entry_get_quantity (entry);
      g_assert_cmpint (rs_ledger_entry_get_balance (entry), ==, balance);
      if (g_str_equal (rs_ledger_entry_get_warehouse_code (entry), "WH1"))
        {
          g_autoptr(RsLedgerEntry) same = g_list_model_get_item (p1_wh1, j++);
          in_wh1 += rs_ledger_entry_get_quantity (entry);
          g_assert_cmpint (rs_ledger_entry_get_id (same), ==, rs_ledger_entry_get_id (entry));
          g_assert_cmpint (rs_ledger_entry_get_balance (same), ==, in_wh1);
        }
      if (i >= n - 7)
        {
          g_autoptr(RsLedgerEntry) tail = g_list_model_get_item (p1_newest, i - (n - 7));
          g_assert_cmpint (rs_ledger_entry_get_id (tail), ==, rs_ledger_entry_get_id (entry));
          g_assert_cmpint (rs_ledger_entry_get_balance (tail), ==, balance);
        }
    }
  g_assert_cmpuint (g_list_model_get_n_items (p1_newest), ==, 7);

  /* Every product's running balance through the whole ledger, pages mixing products. */
  for (guint i = 0; i < g_list_model_get_n_items (everything); i++)
    {
      g_autoptr(RsLedgerEntry) entry = g_list_model_get_item (everything, i);
      gint64 *sum = g_hash_table_lookup (sums, rs_ledger_entry_get_sku (entry));

      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (sums, g_strdup (rs_ledger_entry_get_sku (entry)), sum);
        }
      *sum += rs_ledger_entry_get_quantity (entry);
      g_assert_cmpint (rs_ledger_entry_get_balance (entry), ==, *sum);
    }
  g_assert_cmpint (*(gint64 *) g_hash_table_lookup (sums, "P-1"), ==, on_hand);
}

/* ---- query plans: the common orders and filters read an index, not the table ---- */

static int
on_statement (unsigned kind, void *context, void *p, void *x)
{
  GPtrArray *statements = context;
  char *sql = sqlite3_expanded_sql (p);

  if (sql != NULL && (g_str_has_prefix (sql, "SELECT ") || g_str_has_prefix (sql, "WITH ")))
    g_ptr_array_add (statements, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

/* The plan of every statement the list ran whose text starts with `prefix`: when the list
 * is filtered, no table scan without an index (a list of every row reads every key: its
 * snapshot); no sort of the keys but of what a search found (a page's hundred rows may be). */
static void
assert_plans (GPtrArray *statements, const char *prefix, gboolean filtered, const char *index)
{
  gboolean search = FALSE;
  guint checked = 0;

  for (guint i = 0; i < statements->len; i++)
    {
      const char *sql = g_ptr_array_index (statements, i);
      g_autofree char *explain = NULL;
      g_autoptr(RsStatement) stmt = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) plan = g_string_new (NULL);

      if (!g_str_has_prefix (sql, prefix))
        continue;
      search = strstr (sql, " MATCH ") != NULL || strstr (sql, " LIKE ") != NULL;
      explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      stmt = rs_database_prepare (world.db, explain, &error);
      g_assert_no_error (error);
      while (rs_statement_step (stmt, &error))
        {
          const char *detail = rs_statement_text (stmt, 3);

          g_string_append_printf (plan, "%s\n", detail);
          /* A page's rows, materialized, and the one row of figures are no table. */
          gboolean page = g_str_has_prefix (detail, "SCAN page") || g_str_has_prefix (detail, "SCAN base") ||
                          g_str_has_prefix (detail, "SCAN f") || g_str_has_prefix (detail, "SCAN (subquery") ||
                          g_str_has_prefix (detail, "SCAN CONSTANT ROW");

          /* A short search reads the names of customers, suppliers and products: master data. */
          gboolean names = search && (g_str_has_prefix (detail, "SCAN customer") ||
                                      g_str_has_prefix (detail, "SCAN supplier") ||
                                      g_str_has_prefix (detail, "SCAN product"));

          if (filtered && !page && !names && g_str_has_prefix (detail, "SCAN ") && strstr (detail, "INDEX") == NULL &&
              strstr (detail, "VIRTUAL TABLE") == NULL)
            g_error ("%s\nscans a table:\n%s", sql, detail);
          if (!search && g_str_has_prefix (prefix, "SELECT") && strstr (detail, "TEMP B-TREE FOR ORDER BY") != NULL)
            g_error ("%s\nsorts its result:\n%s", sql, detail);
        }
      g_assert_no_error (error);
      if (index != NULL && strstr (plan->str, index) == NULL)
        g_error ("%s\ndoes not use %s:\n%s", sql, index, plan->str);
      checked++;
    }
  if (checked == 0)
    g_error ("no statement starting with %s", prefix);
}

static void
test_query_plans (void)
{
  sqlite3 *handle = rs_database_get_handle (world.db);
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  const struct { RsReturnFilter filter; gboolean filtered; const char *index; } return_cases[] = {
    { { .state = -1 }, FALSE, NULL },
    { { .state = -1, .ascending = TRUE }, FALSE, NULL },
    { { .state = RS_RETURN_SUBMITTED }, TRUE, "customer_return_state" },
    { { .state = -1, .customer = "C001" }, TRUE, "customer_return_customer" },
    { { .state = -1, .sort = RS_RETURN_SORT_NUMBER }, FALSE, "sqlite_autoindex_customer_return_1" },
    { { .state = -1, .sort = RS_RETURN_SORT_AMOUNT }, FALSE, "customer_return_refund" },
    { { .state = -1, .search = "华东商贸" }, TRUE, NULL },
    /* One or two characters are LIKE (DESIGN §5), over indexes too. */
    { { .state = -1, .search = "华东" }, TRUE, NULL },
  };
  const struct { RsSlipFilter filter; gboolean filtered; const char *index; } slip_cases[] = {
    { { .kind = -1, .state = -1 }, FALSE, NULL },
    { { .kind = -1, .state = RS_SLIP_POSTED }, TRUE, "slip_state" },
    { { .kind = RS_SLIP_OUT, .state = -1 }, TRUE, "slip_kind" },
    { { .kind = -1, .state = -1, .warehouse = "WH2" }, TRUE, "slip_warehouse" },
    { { .kind = -1, .state = -1, .sort = RS_SLIP_SORT_DATE }, FALSE, "slip_date" },
    { { .kind = -1, .state = -1, .date_from = "2026-11-20", .date_to = "2026-11-25", .sort = RS_SLIP_SORT_DATE }, TRUE,
      "slip_date" },
    { { .kind = -1, .state = -1, .sort = RS_SLIP_SORT_NUMBER }, FALSE, "sqlite_autoindex_slip_1" },
    { { .kind = -1, .state = -1, .sort = RS_SLIP_SORT_WAREHOUSE }, FALSE, "slip_warehouse" },
    { { .kind = -1, .state = -1, .sort = RS_SLIP_SORT_TOTAL }, FALSE, "slip_summary_total" },
    { { .kind = -1, .state = -1, .sort = RS_SLIP_SORT_LINES }, FALSE, "slip_summary_lines" },
    { { .kind = -1, .state = -1, .search = "深圳电子" }, TRUE, NULL },
    { { .kind = -1, .state = -1, .search = "深圳" }, TRUE, NULL },
  };

  /* 资料's lists: the active rows by SKU or code from the index of both, every row from the
   * SKU's or code's own; a search through the trigram index, what it finds looked up by id (not
   * the index of every active row tested against it), or (one or two characters) LIKE. */
  const struct { const char *prefix; int kind; const char *search; gboolean inactive, filtered; const char *index; }
    master_cases[] = {
    { "SELECT p.id FROM product p", -1, NULL, FALSE, TRUE, "product_active_sku" },
    { "SELECT p.id FROM product p", -1, NULL, TRUE, FALSE, "sqlite_autoindex_product_1" },
    { "SELECT p.id FROM product p", -1, "螺丝刀", FALSE, TRUE, "INTEGER PRIMARY KEY" },
    { "SELECT p.id FROM product p", -1, "螺丝刀", TRUE, TRUE, "product_fts" },
    { "SELECT p.id FROM product p", -1, "螺丝", FALSE, TRUE, "product_active_sku" },
    { "SELECT p.id FROM product p", -1, "螺丝", TRUE, TRUE, NULL },
    { "SELECT t.id FROM customer t", RS_PARTNER_CUSTOMER, NULL, FALSE, TRUE, "customer_active_code" },
    { "SELECT t.id FROM customer t", RS_PARTNER_CUSTOMER, NULL, TRUE, FALSE, "sqlite_autoindex_customer_1" },
    { "SELECT t.id FROM customer t", RS_PARTNER_CUSTOMER, "华东商贸", FALSE, TRUE, "INTEGER PRIMARY KEY" },
    { "SELECT t.id FROM customer t", RS_PARTNER_CUSTOMER, "华东", TRUE, TRUE, NULL },
    { "SELECT t.id FROM supplier t", RS_PARTNER_SUPPLIER, NULL, FALSE, TRUE, "supplier_active_code" },
    { "SELECT t.id FROM supplier t", RS_PARTNER_SUPPLIER, NULL, TRUE, FALSE, "sqlite_autoindex_supplier_1" },
    { "SELECT t.id FROM supplier t", RS_PARTNER_SUPPLIER, "深圳电子", TRUE, TRUE, "supplier_fts" },
  };

  sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, on_statement, statements);
  for (guint i = 0; i < G_N_ELEMENTS (master_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) list =
        master_cases[i].kind < 0
          ? rs_products_list_paged (world.admin, master_cases[i].search, master_cases[i].inactive, &error)
          : rs_partners_list_paged (world.admin, master_cases[i].kind, master_cases[i].search, master_cases[i].inactive,
                                    &error);

      g_assert_no_error (error);
      assert_plans (statements, master_cases[i].prefix, master_cases[i].filtered, master_cases[i].index);
      g_ptr_array_set_size (statements, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (return_cases); i++)
    {
      g_autoptr(GListModel) list = returns (world.admin, &return_cases[i].filter);
      assert_plans (statements, "SELECT r.id FROM", return_cases[i].filtered, return_cases[i].index);
      g_ptr_array_set_size (statements, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (slip_cases); i++)
    {
      g_autoptr(GListModel) list = slips (&slip_cases[i].filter);
      gboolean summary = slip_cases[i].filter.sort == RS_SLIP_SORT_LINES || slip_cases[i].filter.sort == RS_SLIP_SORT_TOTAL;

      /* Unfiltered in the order it opens: the id range and count, then pages by keyset. */
      if (i == 0)
        assert_plans (statements, "SELECT coalesce", FALSE, NULL);
      else
        assert_plans (statements, summary ? "SELECT ss.slip_id FROM" : "SELECT s.id FROM", slip_cases[i].filtered,
                      slip_cases[i].index);
      g_ptr_array_set_size (statements, 0);
    }
  {
    RsLedgerFilter filter = { .sku = "P-1" };
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) list = rs_stock_movements (world.admin, &filter, &error);
    g_autoptr(GObject) last = g_list_model_get_item (list, g_list_model_get_n_items (list) - 1);
    g_autoptr(GObject) middle = g_list_model_get_item (list, g_list_model_get_n_items (list) / 2);

    assert_plans (statements, "SELECT g.id FROM", TRUE, "stock_ledger_product_order");
    assert_plans (statements, "WITH page AS", TRUE, "stock_ledger_product_order");
    assert_plans (statements, "SELECT coalesce", TRUE, "stock_ledger_product_order");
  }
  sqlite3_trace_v2 (handle, 0, NULL, NULL);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add ("/lists/paged-keys", Table, NULL, table_set_up, test_paged_keys, table_tear_down);
  g_test_add ("/lists/paged-keyset", Table, NULL, table_set_up, test_paged_keyset, table_tear_down);
  g_test_add ("/lists/paged-reads", Table, NULL, table_set_up, test_paged_reads, table_tear_down);
  g_test_add ("/lists/paged-refresh-keys", Table, NULL, table_set_up, test_paged_refresh_keys, table_tear_down);
  g_test_add ("/lists/paged-refresh-keyset", Table, NULL, table_set_up, test_paged_refresh_keyset, table_tear_down);
  /* The rest share one database of returns and slips, made once (its users log in with Argon2id). */
  g_test_add_func ("/lists/returns-sorted", test_returns_sorted);
  g_test_add_func ("/lists/returns-filtered", test_returns_filtered);
  g_test_add_func ("/lists/returns-waiting", test_returns_waiting);
  g_test_add_func ("/lists/returns-waiting-counts", test_returns_waiting_counts);
  g_test_add_func ("/lists/returns-search", test_returns_search);
  g_test_add_func ("/lists/refusals", test_list_refusals);
  g_test_add_func ("/lists/slips-sorted", test_slips_sorted);
  g_test_add_func ("/lists/slips-totals", test_slip_totals);
  g_test_add_func ("/lists/slips-filtered", test_slips_filtered);
  g_test_add_func ("/lists/slips-search", test_slips_search);
  g_test_add_func ("/lists/master", test_master_lists);
  g_test_add_func ("/lists/query-plans", test_query_plans);
  g_test_add_func ("/lists/stock", test_stock);
  g_test_add_func ("/lists/ledger", test_ledger);
  g_test_add_func ("/lists/returns-refresh", test_returns_refresh);
  g_test_add_func ("/lists/slips-refresh", test_slips_refresh);

  world_set_up ();
  status = g_test_run ();
  g_clear_object (&world.keeper);
  g_clear_object (&world.both);
  g_clear_object (&world.manager);
  g_clear_object (&world.service);
  g_clear_object (&world.sales);
  g_clear_object (&world.admin);
  g_clear_object (&world.db);
  rs_clock_use_system ();
  return status;
}
