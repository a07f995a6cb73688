/* test-exchange.c — CSV import (tests/data: GBK and UTF-8, BOM or none, CRLF, quoted
 * line breaks, tabs, duplicates, bad numbers, Chinese and English headers), the
 * update functions import relies on, the CSV reader, and CSV export read back.
 * The XLSX export is read back by openpyxl in tests/cli/test-cli-exchange.sh. */
#include "rs-test-util.h"
#include "rs-csv.h"

#include <glib/gstdio.h>
#include <string.h>

/* One expected row: its number, outcome, key, and a piece of its message (NULL: no message). */
typedef struct
{
  guint            row;
  RsImportOutcome  outcome;
  const char      *key;
  const char      *message;
} Expected;

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
assert_rows (RsImportResult *result, const Expected *expected, guint n_expected)
{
  guint counts[RS_IMPORT_N_OUTCOMES] = { 0 };

  for (guint i = 0; i < rs_import_result_get_n_rows (result); i++)
    {
      const RsImportRow *row = rs_import_result_get_row (result, i);
      g_test_message ("row %u: %s %s %s", row->row, rs_import_outcome_get_key (row->outcome), row->key,
                      row->message != NULL ? row->message : "");
    }
  g_assert_cmpuint (rs_import_result_get_n_rows (result), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const RsImportRow *row = rs_import_result_get_row (result, i);

      g_assert_cmpuint (row->row, ==, expected[i].row);
      g_assert_cmpstr (rs_import_outcome_get_key (row->outcome), ==, rs_import_outcome_get_key (expected[i].outcome));
      g_assert_cmpstr (row->key, ==, expected[i].key);
      if (expected[i].message == NULL)
        g_assert_null (row->message);
      else
        {
          g_assert_nonnull (row->message);
          g_assert_nonnull (strstr (row->message, expected[i].message));
        }
      counts[expected[i].outcome]++;
    }
  for (guint o = 0; o < RS_IMPORT_N_OUTCOMES; o++)
    g_assert_cmpuint (rs_import_result_get_count (result, o), ==, counts[o]);
}

static RsImportResult *
import_ok (RsSession *session, RsImportKind kind, const char *path, gboolean dry_run)
{
  g_autoptr(GError) error = NULL;
  RsImportResult *result = rs_import_file (session, kind, path, dry_run, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_true (rs_import_result_get_dry_run (result) == dry_run);
  return result;
}

static char *
rows_json (RsImportResult *result)
{
  g_autoptr(JsonNode) node = rs_import_result_to_json (result);
  JsonObject *object = json_node_get_object (node);
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_object_remove_member (object, "dry_run");
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

/* Imports as a dry run first: nothing may change, and the preview must say
 * exactly what the import then does. */
static RsImportResult *
preview_then_import (RsDatabase *db, RsSession *session, RsImportKind kind, const char *path)
{
  g_autofree char *before = rs_test_dump (db);
  g_autofree char *after = NULL;
  g_autofree char *preview_rows = NULL;
  g_autofree char *import_rows = NULL;
  g_autoptr(RsImportResult) preview = import_ok (session, kind, path, TRUE);
  RsImportResult *result;

  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);

  result = import_ok (session, kind, path, FALSE);
  preview_rows = rows_json (preview);
  import_rows = rows_json (result);
  g_assert_cmpstr (preview_rows, ==, import_rows);
  return result;
}

static RsProduct *
product (RsDatabase *db, const char *sku)
{
  g_autoptr(GError) error = NULL;
  RsProduct *p = rs_products_lookup_by_sku (db, sku, &error);

  g_assert_no_error (error);
  return p;
}

static guint
count (RsDatabase *db, const char *sql)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, sql, NULL);

  g_assert_true (rs_statement_step (stmt, NULL));
  return (guint) sqlite3_column_int (stmt, 0);
}

static void
test_products_utf8_bom_crlf (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autofree char *path = data_path ("products-utf8-bom-crlf.csv");
  g_autoptr(RsImportResult) result = NULL;
  g_autoptr(RsProduct) kettle = NULL, bag = NULL, trimmed = NULL;
  g_autoptr(GListModel) found = NULL;
  const char * const *ignored;
  g_autoptr(GError) error = NULL;
  static const Expected expected[] = {
    { 2, RS_IMPORT_ADDED, "CP-001", NULL },
    { 3, RS_IMPORT_ADDED, "CP-002", NULL },
    /* A quoted line break: one record, but a specification is one line. */
    { 4, RS_IMPORT_REFUSED, "CP-003", "may not contain control characters" },
    { 5, RS_IMPORT_REFUSED, "cp-001", "is on row 2 of the file already" },
    { 6, RS_IMPORT_REFUSED, "CP-004", "“十二元” is not an amount of money" },
    { 7, RS_IMPORT_REFUSED, "CP-005", "more than two decimal places" },
    { 8, RS_IMPORT_REFUSED, "CP-006", "is negative" },
    { 9, RS_IMPORT_REFUSED, "CP-007", "The product name is empty" },
    { 10, RS_IMPORT_REFUSED, "CP 008", "may not contain spaces" },
    /* row 11 is blank: skipped */
    { 12, RS_IMPORT_REFUSED, "CP-009", "too long" },
    { 13, RS_IMPORT_REFUSED, "CP-010", "The unit is empty" },
    { 14, RS_IMPORT_REFUSED, "CP-011", "is already the SKU or barcode of the product" },
    { 15, RS_IMPORT_ADDED, "CP-012", NULL },
  };

  result = preview_then_import (db, admin, RS_IMPORT_PRODUCTS, path);
  g_assert_cmpstr (rs_import_result_get_encoding (result), ==, "UTF-8");
  g_assert_cmpint (rs_import_result_get_delimiter (result), ==, ',');
  g_assert_cmpuint (rs_import_result_get_header_row (result), ==, 1);
  ignored = rs_import_result_get_ignored_columns (result);
  g_assert_cmpstr (ignored[0], ==, "库存数量");
  g_assert_null (ignored[1]);
  assert_rows (result, expected, G_N_ELEMENTS (expected));

  kettle = product (db, "CP-001");
  g_assert_cmpstr (rs_product_get_name (kettle), ==, "不锈钢电水壶");
  g_assert_cmpstr (rs_product_get_spec (kettle), ==, "1.7L, 白色");
  g_assert_cmpstr (rs_product_get_unit (kettle), ==, "台");
  g_assert_cmpstr (rs_product_get_barcode (kettle), ==, "6901234567892");
  g_assert_cmpstr (rs_product_get_category (kettle), ==, "厨房电器");
  g_assert_cmpint (rs_product_get_avg_cost (kettle), ==, 8950);
  g_assert_cmpint (rs_product_get_list_price (kettle), ==, 12900);
  bag = product (db, "CP-002");
  g_assert_cmpstr (rs_product_get_name (bag), ==, "15.6\" 笔记本电脑包");
  g_assert_cmpint (rs_product_get_list_price (bag), ==, 129900);
  trimmed = product (db, "CP-012");
  g_assert_cmpstr (rs_product_get_name (trimmed), ==, "前后有空格");
  g_assert_cmpstr (rs_product_get_spec (trimmed), ==, "全角空格");
  g_assert_cmpint (rs_product_get_avg_cost (trimmed), ==, 800);
  g_assert_cmpuint (count (db, "SELECT count(*) FROM product"), ==, 3);

  /* Found by search at once: the deferred index was written before the commit. */
  found = rs_products_search (admin, "电水壶", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);

  /* Audited: each product and category, and the import itself. */
  g_assert_cmpuint (count (db, "SELECT count(*) FROM audit WHERE action = 'product.add'"), ==, 3);
  g_assert_cmpuint (count (db, "SELECT count(*) FROM audit WHERE action = 'category.add'"), ==, 2);
  g_assert_cmpuint (count (db, "SELECT count(*) FROM audit WHERE action = 'product.import' "
                               "AND after LIKE '%\"added\":3%' AND after LIKE '%\"refused\":10%'"), ==, 1);
  g_assert_true (rs_audit_verify (db, NULL, &error));
}

static void
test_products_gbk_title_line (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autofree char *path = data_path ("products-gbk.csv");
  g_autoptr(RsImportResult) result = NULL;
  g_autoptr(RsProduct) cooker = NULL, board = NULL;
  static const Expected expected[] = {
    { 3, RS_IMPORT_ADDED, "GB-001", NULL },
    { 4, RS_IMPORT_ADDED, "GB-002", NULL },
    { 5, RS_IMPORT_ADDED, "GB-003", NULL },
  };

  result = preview_then_import (db, admin, RS_IMPORT_PRODUCTS, path);
  g_assert_cmpstr (rs_import_result_get_encoding (result), ==, "GB18030");
  g_assert_cmpuint (rs_import_result_get_header_row (result), ==, 2);   /* a title line above */
  assert_rows (result, expected, G_N_ELEMENTS (expected));

  cooker = product (db, "GB-002");
  g_assert_cmpstr (rs_product_get_name (cooker), ==, "电饭煲（智能）");
  g_assert_cmpstr (rs_product_get_category (cooker), ==, "小家电");
  g_assert_cmpint (rs_product_get_avg_cost (cooker), ==, 108050);
  g_assert_cmpint (rs_product_get_list_price (cooker), ==, 159900);
  board = product (db, "GB-003");
  g_assert_cmpstr (rs_product_get_spec (board), ==, "竹制 40×30cm");
  g_assert_cmpstr (rs_product_get_unit (board), ==, "块");
  g_assert_cmpint (rs_product_get_list_price (board), ==, 2990);
}

static void
test_products_english_tabs (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autofree char *path = data_path ("products-english.tsv");
  g_autoptr(RsImportResult) result = NULL;
  g_autoptr(RsProduct) rice = NULL;
  static const Expected expected[] = {
    { 2, RS_IMPORT_ADDED, "EN-001", NULL },
    { 3, RS_IMPORT_ADDED, "EN-002", NULL },
    { 4, RS_IMPORT_REFUSED, "EN-003", "“4” is not a number of decimal places" },
    { 5, RS_IMPORT_REFUSED, "EN-004", "“x” is not a number of decimal places" },
  };

  result = preview_then_import (db, admin, RS_IMPORT_PRODUCTS, path);
  g_assert_cmpstr (rs_import_result_get_encoding (result), ==, "UTF-8");
  g_assert_cmpint (rs_import_result_get_delimiter (result), ==, '\t');
  assert_rows (result, expected, G_N_ELEMENTS (expected));
  rice = product (db, "EN-002");
  g_assert_cmpstr (rs_product_get_spec (rice), ==, "25 kg \"bulk\"");
  g_assert_cmpint (rs_product_get_decimals (rice), ==, 3);
  g_assert_cmpint (rs_product_get_avg_cost (rice), ==, 320);
  g_assert_cmpint (rs_product_get_list_price (rice), ==, 550);
}

static RsPartner *
partner (RsDatabase *db, RsPartnerKind kind, const char *code)
{
  g_autoptr(GError) error = NULL;
  RsPartner *p = rs_partners_lookup (db, kind, code, &error);

  g_assert_no_error (error);
  return p;
}

static void
test_customers_quoted_newlines (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autofree char *path = data_path ("customers-utf8.csv");
  g_autoptr(RsImportResult) result = NULL;
  g_autoptr(RsImportResult) again = NULL;
  g_autoptr(RsPartner) lianhua = NULL, huaqiang = NULL;
  static const Expected expected[] = {
    { 2, RS_IMPORT_ADDED, "C0001", NULL },
    { 3, RS_IMPORT_ADDED, "C0002", NULL },
    { 4, RS_IMPORT_REFUSED, "", "is on row 2 of the file already" },
    { 5, RS_IMPORT_REFUSED, "", "The customer name is empty" },
    { 6, RS_IMPORT_REFUSED, "", "is not an e-mail address" },
    { 7, RS_IMPORT_ADDED, "C0003", NULL },
  };
  /* Imported again: matched by name, nothing to change. */
  static const Expected expected_again[] = {
    { 2, RS_IMPORT_UNCHANGED, "C0001", NULL },
    { 3, RS_IMPORT_UNCHANGED, "C0002", NULL },
    { 4, RS_IMPORT_REFUSED, "", "is on row 2 of the file already" },
    { 5, RS_IMPORT_REFUSED, "", "The customer name is empty" },
    { 6, RS_IMPORT_REFUSED, "", "is not an e-mail address" },
    { 7, RS_IMPORT_UNCHANGED, "C0003", NULL },
  };

  result = preview_then_import (db, admin, RS_IMPORT_CUSTOMERS, path);
  g_assert_cmpint (rs_import_result_get_delimiter (result), ==, ',');
  assert_rows (result, expected, G_N_ELEMENTS (expected));

  lianhua = partner (db, RS_PARTNER_CUSTOMER, "C0001");
  g_assert_cmpstr (rs_partner_get_name (lianhua), ==, "上海联华超市");
  g_assert_cmpstr (rs_partner_get_phone (lianhua), ==, "021-5555 0001 / 13800138000");   /* 电话 and 手机 */
  g_assert_cmpstr (rs_partner_get_address (lianhua), ==, "上海市浦东新区\n张江路 1 号");
  g_assert_cmpstr (rs_partner_get_remark (lianhua), ==, "月结 30 天");
  huaqiang = partner (db, RS_PARTNER_CUSTOMER, "C0003");
  g_assert_cmpstr (rs_partner_get_contact (huaqiang), ==, "张\"大\"伟");
  g_assert_cmpstr (rs_partner_get_address (huaqiang), ==, "深圳市福田区\n华强北路 2 号\n3 楼");

  {
    g_autofree char *before = rs_test_dump (db);
    g_autofree char *after = NULL;

    again = import_ok (admin, RS_IMPORT_CUSTOMERS, path, FALSE);
    assert_rows (again, expected_again, G_N_ELEMENTS (expected_again));
    /* Nothing changed but the import's own audit row. */
    g_assert_cmpuint (count (db, "SELECT count(*) FROM audit WHERE action = 'customer.import'"), ==, 2);
    after = rs_test_dump (db);
    g_assert_cmpstr (before, !=, after);
    g_assert_cmpuint (count (db, "SELECT count(*) FROM audit WHERE action = 'customer.update'"), ==, 0);
  }
}

static void
test_suppliers_gbk_codes (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autofree char *path = data_path ("suppliers-gbk.csv");
  g_autoptr(RsImportResult) result = NULL;
  g_autoptr(RsPartner) midea = NULL;
  static const Expected expected[] = {
    { 2, RS_IMPORT_ADDED, "S-100", NULL },
    { 3, RS_IMPORT_ADDED, "S-101", NULL },
    { 4, RS_IMPORT_REFUSED, "s-100", "The code “s-100” is on row 2 of the file already" },
  };

  result = preview_then_import (db, admin, RS_IMPORT_SUPPLIERS, path);
  g_assert_cmpstr (rs_import_result_get_encoding (result), ==, "GB18030");
  assert_rows (result, expected, G_N_ELEMENTS (expected));
  midea = partner (db, RS_PARTNER_SUPPLIER, "S-100");
  g_assert_cmpstr (rs_partner_get_name (midea), ==, "佛山美的电器");
  g_assert_cmpstr (rs_partner_get_phone (midea), ==, "0757-2666 0000");
  g_assert_cmpstr (rs_partner_get_email (midea), ==, "zhao@midea.example");
  g_assert_cmpstr (rs_partner_get_address (midea), ==, "广东省佛山市顺德区");
  g_assert_cmpstr (rs_partner_get_remark (midea), ==, "主供应商");
  g_assert_cmpuint (count (db, "SELECT count(*) FROM customer"), ==, 0);
}

static char *
write_temp (const char *name, const char *contents)
{
  g_autofree char *dir = rs_test_make_dir ();
  char *path = g_build_filename (dir, name, NULL);

  rs_test_write_file (path, contents, -1);
  return path;
}

/* A product with a posted in-slip: its cost is the moving average, its decimals are fixed. */
static void
receive (RsSession *session, const char *sku)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) warehouse = rs_warehouses_add (session, "SH", "上海仓", NULL, &error);
  g_autoptr(RsLocation) location = NULL;
  g_autoptr(RsSlip) slip = NULL;
  RsSlipLineFields line = { .sku = sku, .quantity = 5000, .location = "A1", .unit_cost = 1000 };
  RsSlipFields fields = { .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = "SH", .lines = &line, .n_lines = 1 };

  g_assert_no_error (error);
  location = rs_locations_add (session, "SH", "A1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  slip = rs_slips_create_posted (session, &fields, &error);
  g_assert_no_error (error);
}

static void
test_update_existing (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autofree char *first = write_temp ("first.csv",
                                       "商品编码,商品名称,单位,成本价,售价,条码\n"
                                       "U-1,电水壶,台,10.00,20.00,111\n"
                                       "U-2,保温杯,个,5.00,9.00,\n"
                                       "U-3,茶壶,个,7.00,12.00,\n"
                                       "U-4,茶杯,个,1.00,2.00,\n");
  /* Empty cells keep what is stored; U-1 has moved stock, so its cost stays. */
  g_autofree char *second = write_temp ("second.csv",
                                        "SKU,Name,Unit,Cost,Price,Barcode,Decimals\n"
                                        "U-1,电水壶 1.7L,,99.00,,,\n"
                                        "U-2,,,5.00,9.00,,\n"
                                        "U-3,,,,,111,\n"
                                        "U-4,,,,,,2\n"
                                        "U-5,新商品,把,,,,\n"
                                        "U-1,,,,,,\n");
  g_autoptr(RsImportResult) result = NULL;
  g_autoptr(RsProduct) kettle = NULL, cup = NULL;
  g_autoptr(GError) error = NULL;
  static const Expected expected[] = {
    { 2, RS_IMPORT_UPDATED, "U-1", "is the moving average of its stock movements" },
    { 3, RS_IMPORT_UNCHANGED, "U-2", NULL },
    { 4, RS_IMPORT_REFUSED, "U-3", "“111” is already the SKU or barcode of the product “电水壶 1.7L” (U-1)" },
    { 5, RS_IMPORT_UPDATED, "U-4", NULL },
    { 6, RS_IMPORT_ADDED, "U-5", NULL },
    { 7, RS_IMPORT_REFUSED, "U-1", "is on row 2 of the file already" },
  };

  g_clear_object (&result);
  result = import_ok (admin, RS_IMPORT_PRODUCTS, first, FALSE);
  g_assert_cmpuint (rs_import_result_get_count (result, RS_IMPORT_ADDED), ==, 4);
  receive (admin, "U-1");
  g_clear_object (&result);

  result = preview_then_import (db, admin, RS_IMPORT_PRODUCTS, second);
  assert_rows (result, expected, G_N_ELEMENTS (expected));
  kettle = product (db, "U-1");
  g_assert_cmpstr (rs_product_get_name (kettle), ==, "电水壶 1.7L");
  g_assert_cmpstr (rs_product_get_unit (kettle), ==, "台");
  g_assert_cmpint (rs_product_get_avg_cost (kettle), ==, 1000);   /* the moving average, not 99.00 */
  g_assert_cmpint (rs_product_get_list_price (kettle), ==, 2000);
  g_assert_cmpstr (rs_product_get_barcode (kettle), ==, "111");
  cup = product (db, "U-4");
  g_assert_cmpint (rs_product_get_decimals (cup), ==, 2);
  g_assert_cmpuint (count (db, "SELECT count(*) FROM audit WHERE action = 'product.update'"), ==, 2);
  g_assert_true (rs_audit_verify (db, NULL, &error));
}

/* rs_products_update and rs_partners_update on their own: their refusals change nothing. */
#define ASSERT_REFUSED(db, call, code) G_STMT_START {                  \
    g_autofree char *before_ = rs_test_dump (db);                      \
    g_autofree char *after_ = NULL;                                    \
    g_autoptr(GError) error_ = NULL;                                   \
    GError **refusal = &error_;                                        \
    g_assert_false ((call) != 0);                                      \
    g_assert_error (error_, RS_ERROR, (code));                         \
    g_test_message ("refused: %s", error_->message);                   \
    after_ = rs_test_dump (db);                                        \
    g_assert_cmpstr (before_, ==, after_);                             \
  } G_STMT_END

static void
test_update_functions (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsSession) sales = rs_test_add_user (db, "xiaoli", RS_ROLE_SALES);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) a = NULL, b = NULL, changed = NULL, same = NULL;
  g_autoptr(RsPartner) c = NULL, c2 = NULL, s = NULL;
  RsProductFields fa = { .sku = "A", .name = "甲", .unit = "个", .barcode = "690001", .avg_cost = 100 };
  RsProductFields fb = { .sku = "B", .name = "乙", .unit = "个" };
  RsPartnerFields pc = { .name = "客户甲", .phone = "1" };
  RsPartnerFields ps = { .code = "S1", .name = "供应商甲" };
  guint audits;

  a = rs_products_add (admin, &fa, &error);
  g_assert_no_error (error);
  b = rs_products_add (admin, &fb, &error);
  g_assert_no_error (error);

  fa.name = "甲（新）";
  fa.category = "新类别";
  changed = rs_products_update (admin, &fa, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_product_get_name (changed), ==, "甲（新）");
  g_assert_cmpstr (rs_product_get_category (changed), ==, "新类别");
  g_assert_cmpuint (count (db, "SELECT count(*) FROM audit WHERE action = 'product.update' AND object_key = 'A' "
                               "AND before LIKE '%\"甲\"%' AND after LIKE '%甲（新）%'"), ==, 1);

  /* Nothing different: nothing written, not even an audit row. */
  audits = count (db, "SELECT count(*) FROM audit");
  same = rs_products_update (admin, &fa, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count (db, "SELECT count(*) FROM audit"), ==, audits);

  fb.barcode = "690001";   /* A's */
  ASSERT_REFUSED (db, rs_products_update (admin, &fb, refusal) != NULL, RS_ERROR_EXISTS);
  fb.barcode = "A";        /* A's SKU */
  ASSERT_REFUSED (db, rs_products_update (admin, &fb, refusal) != NULL, RS_ERROR_EXISTS);
  fb.barcode = NULL;
  fb.name = "";
  ASSERT_REFUSED (db, rs_products_update (admin, &fb, refusal) != NULL, RS_ERROR_VALIDATION);
  fb.name = "乙";
  ASSERT_REFUSED (db, rs_products_update (sales, &fb, refusal) != NULL, RS_ERROR_PERMISSION);
  fb.sku = "NOPE";
  ASSERT_REFUSED (db, rs_products_update (admin, &fb, refusal) != NULL, RS_ERROR_NOT_FOUND);

  /* Once stock moved: the cost is the moving average, the decimals are fixed. */
  receive (admin, "A");
  fa.avg_cost = 5;
  ASSERT_REFUSED (db, rs_products_update (admin, &fa, refusal) != NULL, RS_ERROR_INVALID_STATE);
  fa.avg_cost = 1000;   /* what the slip's unit cost made it */
  fa.decimals = 2;
  ASSERT_REFUSED (db, rs_products_update (admin, &fa, refusal) != NULL, RS_ERROR_INVALID_STATE);

  /* Partners: sales may change customers, not suppliers. */
  c = rs_partners_add (admin, RS_PARTNER_CUSTOMER, &pc, &error);
  g_assert_no_error (error);
  pc.code = rs_partner_get_code (c);
  pc.phone = "021-1234 5678";
  c2 = rs_partners_update (sales, RS_PARTNER_CUSTOMER, &pc, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_partner_get_phone (c2), ==, "021-1234 5678");
  g_assert_cmpuint (count (db, "SELECT count(*) FROM audit WHERE action = 'customer.update' AND user_name = 'xiaoli'"),
                    ==, 1);
  s = rs_partners_add (admin, RS_PARTNER_SUPPLIER, &ps, &error);
  g_assert_no_error (error);
  ps.remark = "新备注";
  ASSERT_REFUSED (db, rs_partners_update (sales, RS_PARTNER_SUPPLIER, &ps, refusal) != NULL, RS_ERROR_PERMISSION);
  ps.email = "no-at-sign";
  ASSERT_REFUSED (db, rs_partners_update (admin, RS_PARTNER_SUPPLIER, &ps, refusal) != NULL, RS_ERROR_VALIDATION);
  ps.email = NULL;
  ps.code = "S9";
  ASSERT_REFUSED (db, rs_partners_update (admin, RS_PARTNER_SUPPLIER, &ps, refusal) != NULL, RS_ERROR_NOT_FOUND);
  g_assert_true (rs_audit_verify (db, NULL, &error));
}

/* Refusals of the whole file: nothing written, not even by a preview. */
static void
assert_import_refused (RsDatabase *db, RsSession *session, RsImportKind kind, const char *path,
                       GQuark domain, int code, const char *message)
{
  g_autofree char *before = rs_test_dump (db);
  g_autofree char *after = NULL;

  for (int dry_run = 0; dry_run < 2; dry_run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RsImportResult) result = rs_import_file (session, kind, path, dry_run, NULL, NULL, NULL, &error);

      g_assert_null (result);
      g_assert_error (error, domain, code);
      g_test_message ("refused: %s", error->message);
      g_assert_nonnull (strstr (error->message, message));
    }
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_whole_file_refusals (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsSession) viewer = rs_test_add_user (db, "kan", RS_ROLE_VIEWER);
  g_autoptr(RsSession) sales = rs_test_add_user (db, "xiaoli", RS_ROLE_SALES);
  g_autofree char *products = data_path ("products-gbk.csv");
  g_autofree char *customers = data_path ("customers-utf8.csv");
  g_autofree char *no_header = write_temp ("no-header.csv", "a,b,c\n1,2,3\n");
  g_autofree char *xlsx = write_temp ("book.csv", "PK\x03\x04 this is a zip");
  g_autofree char *binary = NULL;
  g_autofree char *not_text = NULL;
  g_autofree char *missing = g_build_filename (g_get_tmp_dir (), "restock-no-such-file.csv", NULL);
  g_autoptr(RsImportResult) allowed = NULL;
  g_autoptr(GError) error = NULL;

  binary = write_temp ("binary.csv", "x");
  rs_test_write_file (binary, "SKU,Name\0\1\2", 11);
  /* Bytes that are neither UTF-8 nor GB18030: 0xFF never starts a GB18030 character. */
  not_text = write_temp ("latin.csv", "x");
  rs_test_write_file (not_text, "SKU,Name\nA,\xFF\xFF\n", -1);

  assert_import_refused (db, viewer, RS_IMPORT_PRODUCTS, products, RS_ERROR, RS_ERROR_PERMISSION, "");
  assert_import_refused (db, sales, RS_IMPORT_PRODUCTS, products, RS_ERROR, RS_ERROR_PERMISSION, "");
  assert_import_refused (db, sales, RS_IMPORT_SUPPLIERS, products, RS_ERROR, RS_ERROR_PERMISSION, "");
  assert_import_refused (db, admin, RS_IMPORT_PRODUCTS, no_header, RS_ERROR, RS_ERROR_VALIDATION,
                         "No header row names the SKU and product name");
  assert_import_refused (db, admin, RS_IMPORT_CUSTOMERS, products, RS_ERROR, RS_ERROR_VALIDATION,
                         "No header row names the customer name");
  assert_import_refused (db, admin, RS_IMPORT_PRODUCTS, xlsx, RS_ERROR, RS_ERROR_VALIDATION, "Excel workbook");
  assert_import_refused (db, admin, RS_IMPORT_PRODUCTS, binary, RS_ERROR, RS_ERROR_VALIDATION, "binary data");
  assert_import_refused (db, admin, RS_IMPORT_PRODUCTS, not_text, RS_ERROR, RS_ERROR_VALIDATION,
                         "neither UTF-8 nor GBK");
  assert_import_refused (db, admin, RS_IMPORT_PRODUCTS, missing, RS_ERROR, RS_ERROR_NOT_FOUND, "Could not read");

  /* Sales may import customers. */
  allowed = rs_import_file (sales, RS_IMPORT_CUSTOMERS, customers, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_import_result_get_count (allowed, RS_IMPORT_ADDED), ==, 3);
}

typedef struct
{
  guint   calls;
  guint64 last_done;
  guint64 total;
  GCancellable *cancel_at_first;
} Progress;

static void
on_progress (guint64 done, guint64 total, gpointer data)
{
  Progress *p = data;

  g_assert_cmpuint (done, >=, p->last_done);
  g_assert_cmpuint (done, <=, total);
  p->calls++;
  p->last_done = done;
  p->total = total;
  if (p->cancel_at_first != NULL)
    g_cancellable_cancel (p->cancel_at_first);
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GString) csv = g_string_new ("商品编码,商品名称,单位\r\n");
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(RsImportResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  for (int i = 0; i < 2500; i++)
    g_string_append_printf (csv, "P%04d,商品%d,个\r\n", i, i);
  path = write_temp ("many.csv", csv->str);

  result = rs_import_file (admin, RS_IMPORT_PRODUCTS, path, TRUE, on_progress, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rs_import_result_get_count (result, RS_IMPORT_ADDED), ==, 2500);
  g_assert_cmpuint (progress.calls, >=, 3);
  g_assert_cmpuint (progress.last_done, ==, progress.total);
  g_assert_cmpuint (progress.total, ==, csv->len);

  /* Cancelled midway: nothing written. */
  before = rs_test_dump (db);
  g_clear_object (&result);
  progress = (Progress) { .cancel_at_first = cancellable };
  result = rs_import_file (admin, RS_IMPORT_PRODUCTS, path, FALSE, on_progress, &progress, cancellable, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
}

/* The reader alone: RFC 4180 and what spreadsheets write besides. */
static void
test_csv_reader (void)
{
  static const char text[] = "a,\"b,1\",\"c \"\"q\"\"\"\r\n"
                             "\"multi\nline\",,x\"y\r"
                             "last,\"\"\n"
                             "\n"
                             "end";
  g_autoptr(RsCsvReader) reader = rs_csv_reader_new (text, strlen (text), 0);
  g_autoptr(GPtrArray) f = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  g_assert_cmpint (rs_csv_reader_get_delimiter (reader), ==, ',');
  g_assert_true (rs_csv_reader_next (reader, f));
  g_assert_cmpuint (f->len, ==, 3);
  g_assert_cmpstr (f->pdata[1], ==, "b,1");
  g_assert_cmpstr (f->pdata[2], ==, "c \"q\"");
  g_assert_true (rs_csv_reader_next (reader, f));
  g_assert_cmpuint (rs_csv_reader_get_record (reader), ==, 2);
  g_assert_cmpstr (f->pdata[0], ==, "multi\nline");
  g_assert_cmpstr (f->pdata[1], ==, "");
  g_assert_cmpstr (f->pdata[2], ==, "x\"y");   /* a stray quote inside unquoted text is text */
  g_assert_true (rs_csv_reader_next (reader, f));   /* after a lone CR */
  g_assert_cmpstr (f->pdata[0], ==, "last");
  g_assert_cmpstr (f->pdata[1], ==, "");
  g_assert_true (rs_csv_reader_next (reader, f));   /* an empty line is one empty field */
  g_assert_cmpuint (f->len, ==, 1);
  g_assert_true (rs_csv_reader_next (reader, f));
  g_assert_cmpstr (f->pdata[0], ==, "end");
  g_assert_false (rs_csv_reader_get_unclosed (reader));
  g_assert_false (rs_csv_reader_next (reader, f));
  g_assert_cmpuint (rs_csv_reader_get_record (reader), ==, 5);

  {
    static const char unclosed[] = "a,\"open\nb,c\n";
    g_autoptr(RsCsvReader) r = rs_csv_reader_new (unclosed, strlen (unclosed), ',');

    g_assert_true (rs_csv_reader_next (r, f));
    g_assert_true (rs_csv_reader_get_unclosed (r));
    g_assert_cmpstr (f->pdata[1], ==, "open\nb,c\n");
    g_assert_false (rs_csv_reader_next (r, f));
  }
  {
    static const char tabs[] = "标题\n编码\t名称\t备注,说明\n1\t2\t3\n";
    g_autoptr(RsCsvReader) r = rs_csv_reader_new (tabs, strlen (tabs), 0);
    g_assert_cmpint (rs_csv_reader_get_delimiter (r), ==, '\t');
  }

  /* Writing: quotes where needed, formula-like text defused, and undone on reading. */
  rs_csv_append_field (out, "plain", ',');
  g_string_append_c (out, ',');
  rs_csv_append_field (out, "a,\"b\"\nc", ',');
  g_string_append_c (out, ',');
  rs_csv_append_field (out, "=HYPERLINK(\"x\")", ',');
  g_string_append_c (out, ',');
  rs_csv_append_field (out, "+86 138", ',');
  g_assert_cmpstr (out->str, ==, "plain,\"a,\"\"b\"\"\nc\",\"'=HYPERLINK(\"\"x\"\")\",'+86 138");
  escaped = g_strdup ("'+86 138");
  rs_csv_unescape_text (escaped);
  g_assert_cmpstr (escaped, ==, "+86 138");
}

static void
test_decode (void)
{
  g_autoptr(GError) error = NULL;
  const char *encoding = NULL;
  g_autofree char *utf8 = rs_csv_decode ("\xEF\xBB\xBF编码", 9, &encoding, &error);
  g_autofree char *gbk = NULL;
  g_autofree char *utf16 = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (utf8, ==, "编码");
  g_assert_cmpstr (encoding, ==, "UTF-8");
  gbk = rs_csv_decode ("\xB1\xE0\xC2\xEB", 4, &encoding, &error);   /* 编码 in GBK */
  g_assert_no_error (error);
  g_assert_cmpstr (gbk, ==, "编码");
  g_assert_cmpstr (encoding, ==, "GB18030");
  utf16 = rs_csv_decode ("\xFF\xFE\x16\x7F\x01\x78", 6, &encoding, &error);   /* 编码 in UTF-16LE */
  g_assert_no_error (error);
  g_assert_cmpstr (utf16, ==, "编码");
  g_assert_cmpstr (encoding, ==, "UTF-16");
}

/* CSV export: BOM, CRLF, the header, quoting, Chinese; and it imports back unchanged. */
static void
test_export_csv_round_trip (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsSession) viewer = rs_test_add_user (db, "kan", RS_ROLE_VIEWER);
  g_autofree char *source = data_path ("products-utf8-bom-crlf.csv");
  g_autofree char *dir = rs_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "商品.csv", NULL);
  g_autoptr(RsImportResult) imported = NULL;
  g_autoptr(RsImportResult) back = NULL;
  g_autoptr(RsTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  imported = import_ok (admin, RS_IMPORT_PRODUCTS, source, FALSE);
  table = rs_export_list_table (viewer, RS_EXPORT_PRODUCTS, TRUE, &error);   /* viewing is enough */
  g_assert_no_error (error);
  g_assert_cmpuint (rs_table_get_n_rows (table), ==, 3);
  g_assert_true (rs_export_write (table, RS_EXPORT_CSV, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  bytes = rs_test_read_file (path);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "SKU,Product name,Specification,Unit,Decimals,Barcode,"
                                         "Category,Cost,Price,Status\r\n"));
  g_assert_nonnull (g_strstr_len (data, size, "\r\nCP-001,不锈钢电水壶,\"1.7L, 白色\",台,0,6901234567892,厨房电器,"
                                              "89.50,129.00,Active\r\n"));
  g_assert_nonnull (g_strstr_len (data, size, "\r\nCP-002,\"15.6\"\" 笔记本电脑包\",黑色,个,0,,箱包,45.00,1299.00,"));

  /* The exported file is a valid import: every row is already there. */
  back = import_ok (admin, RS_IMPORT_PRODUCTS, path, TRUE);
  g_assert_cmpuint (rs_import_result_get_count (back, RS_IMPORT_UNCHANGED), ==, 3);
  g_assert_cmpuint (rs_import_result_get_n_rows (back), ==, 3);
  g_assert_cmpstr (rs_import_result_get_ignored_columns (back)[0], ==, "Status");

  /* A viewer cannot import what they may export. */
  g_clear_object (&back);
  back = rs_import_file (viewer, RS_IMPORT_PRODUCTS, path, TRUE, NULL, NULL, NULL, &error);
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
}

/* Each list's table: its typed columns and a row as core reads it. */
static void
test_list_tables (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  RsProductFields f = { .sku = "K1", .name = "电水壶", .unit = "台", .decimals = 1 };
  RsPartnerFields customer = { .name = "上海联华超市" };
  RsPartnerFields supplier = { .name = "佛山美的电器" };
  g_autoptr(RsProduct) p = rs_products_add (admin, &f, &error);
  g_autoptr(RsPartner) c = NULL, s = NULL;
  RsExportList list;

  g_assert_no_error (error);
  c = rs_partners_add (admin, RS_PARTNER_CUSTOMER, &customer, &error);
  g_assert_no_error (error);
  s = rs_partners_add (admin, RS_PARTNER_SUPPLIER, &supplier, &error);
  g_assert_no_error (error);
  receive (admin, "K1");

  for (int l = RS_EXPORT_PRODUCTS; l <= RS_EXPORT_SLIPS; l++)
    {
      g_autoptr(RsTable) table = rs_export_list_table (admin, l, FALSE, &error);

      g_assert_no_error (error);
      g_assert_true (rs_export_list_parse (rs_export_list_get_key (l), &list, NULL));
      g_assert_cmpint (list, ==, l);
      g_assert_cmpuint (rs_table_get_n_columns (table), >, 3);
      g_assert_cmpuint (rs_table_get_n_rows (table), ==, 1);   /* one product, one stock line, one movement, one slip */
    }
  {
    g_autoptr(RsTable) stock = rs_export_list_table (admin, RS_EXPORT_STOCK, FALSE, &error);
    g_autoptr(RsTable) slips = rs_export_list_table (admin, RS_EXPORT_SLIPS, FALSE, &error);
    g_autofree char *quantity = NULL;
    g_autofree char *date = NULL;
    guint q = 5, d = 6;

    g_assert_cmpint (rs_table_get_column_type (stock, q), ==, RS_TABLE_QUANTITY);
    g_assert_cmpint (rs_table_get_int (stock, 0, q), ==, 5000);
    g_assert_cmpint (rs_table_get_decimals (stock, 0, q), ==, 1);
    quantity = rs_table_format_cell (stock, 0, q);
    g_assert_cmpstr (quantity, ==, "5.0");
    g_assert_cmpint (rs_table_get_column_type (slips, d), ==, RS_TABLE_DATE);
    date = rs_table_format_cell (slips, 0, d);
    g_assert_true (g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}$", date, 0, 0));
    g_assert_false (rs_table_has_value (slips, 0, 5));   /* no receiving warehouse */
  }
  g_assert_false (rs_export_list_parse ("returns", &list, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
}

/* An import checks its permission once for all its rows (inside its transaction); afterwards
 * every call checks again: a user disabled after an import may change nothing more. */
static void
test_import_permission_ends_with_it (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsSession) clerk = rs_test_add_user (db, "clerk", RS_ROLE_ADMIN);
  g_autoptr(RsSession) viewer = rs_test_add_user (db, "viewer", RS_ROLE_VIEWER);
  g_autofree char *path = data_path ("products-english.tsv");
  g_autoptr(RsImportResult) result = import_ok (clerk, RS_IMPORT_PRODUCTS, path, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) added = NULL;
  g_autoptr(RsImportResult) refused = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RsProductFields f = { .sku = "LATE-1", .name = "Late", .unit = "pc" };

  g_assert_cmpuint (rs_import_result_get_count (result, RS_IMPORT_ADDED), >, 0);
  g_assert_true (rs_users_disable (admin, "clerk", &error));
  g_assert_no_error (error);

  before = rs_test_dump (db);
  added = rs_products_add (clerk, &f, &error);
  g_assert_null (added);
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  g_clear_error (&error);
  refused = rs_import_file (viewer, RS_IMPORT_PRODUCTS, path, FALSE, NULL, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
  after = rs_test_dump (db);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  rs_clock_set_fixed (G_GINT64_CONSTANT (1795651200000000));   /* 2026-11-26 */

  g_test_add_func ("/exchange/import/products-utf8-bom-crlf", test_products_utf8_bom_crlf);
  g_test_add_func ("/exchange/import/products-gbk-title-line", test_products_gbk_title_line);
  g_test_add_func ("/exchange/import/products-english-tabs", test_products_english_tabs);
  g_test_add_func ("/exchange/import/customers-quoted-newlines", test_customers_quoted_newlines);
  g_test_add_func ("/exchange/import/suppliers-gbk-codes", test_suppliers_gbk_codes);
  g_test_add_func ("/exchange/import/update-existing", test_update_existing);
  g_test_add_func ("/exchange/import/whole-file-refusals", test_whole_file_refusals);
  g_test_add_func ("/exchange/import/progress-and-cancel", test_progress_and_cancel);
  g_test_add_func ("/exchange/update-functions", test_update_functions);
  g_test_add_func ("/exchange/import/permission-ends-with-it", test_import_permission_ends_with_it);
  g_test_add_func ("/exchange/csv/reader", test_csv_reader);
  g_test_add_func ("/exchange/csv/decode", test_decode);
  g_test_add_func ("/exchange/export/csv-round-trip", test_export_csv_round_trip);
  g_test_add_func ("/exchange/export/list-tables", test_list_tables);
  return g_test_run ();
}
