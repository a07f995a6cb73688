/* test-master.c — warehouses, locations, categories, products, customers,
 * suppliers and reasons: adding, refusing, finding, searching, retiring. */
#include "rs-test-util.h"

/* Calls `call` (which must fail with `code`, setting `refusal`) and checks nothing was written. */
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

static guint
count_rows (RsDatabase *db, const char *sql)
{
  g_autoptr(RsStatement) stmt = rs_database_prepare (db, sql, NULL);
  g_assert_true (rs_statement_step (stmt, NULL));
  return (guint) sqlite3_column_int (stmt, 0);
}

static void
test_warehouses (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) sh = NULL;
  g_autoptr(RsLocation) qa = NULL;
  g_autoptr(RsLocation) a1 = NULL;
  g_autoptr(RsLocation) found = NULL;
  g_autoptr(GListModel) locations = NULL;
  RsLocationKind kind;

  sh = rs_warehouses_add (admin, "SH", "上海仓", "上海市浦东新区张江路 1 号", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_warehouse_get_name (sh), ==, "上海仓");

  /* Its quarantine location came with it. */
  qa = rs_locations_get_quarantine (db, rs_warehouse_get_id (sh), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_location_get_code (qa), ==, "QA");
  g_assert_cmpint (rs_location_get_kind (qa), ==, RS_LOCATION_QUARANTINE);
  g_assert_cmpstr (rs_location_get_warehouse_code (qa), ==, "SH");

  a1 = rs_locations_add (admin, "sh", "A-01", "一号货架", RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_location_get_warehouse_code (a1), ==, "SH");
  g_clear_object (&a1);
  a1 = rs_locations_add (admin, "SH", "R1", NULL, RS_LOCATION_REPAIR, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_location_get_name (a1), ==, "R1");

  found = rs_locations_lookup (db, "SH", "a-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_location_get_name (found), ==, "一号货架");

  locations = rs_locations_list (admin, "SH", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (locations), ==, 3);

  g_assert_true (rs_location_kind_parse ("scrap", &kind, NULL));
  g_assert_cmpint (kind, ==, RS_LOCATION_SCRAP);
  g_assert_false (rs_location_kind_parse ("shelf", &kind, &error));
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_clear_error (&error);

  /* Refusals: each says why and writes nothing. */
  ASSERT_REFUSED (db, rs_warehouses_add (admin, "sh", "又一个上海仓", NULL, refusal), RS_ERROR_EXISTS);
  ASSERT_REFUSED (db, rs_warehouses_add (admin, "B J", "北京仓", NULL, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, rs_warehouses_add (admin, "BJ", "", NULL, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, rs_warehouses_add (admin, "BJ", "  ", NULL, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, rs_locations_add (admin, "GZ", "A1", NULL, RS_LOCATION_STORAGE, refusal), RS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (db, rs_locations_add (admin, "SH", "A-01", NULL, RS_LOCATION_STORAGE, refusal), RS_ERROR_EXISTS);
  ASSERT_REFUSED (db, rs_locations_add (admin, "SH", "QA2", NULL, RS_LOCATION_QUARANTINE, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, rs_locations_add (admin, "SH", "A:1", NULL, RS_LOCATION_STORAGE, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, rs_locations_set_active (admin, "SH", "QA", FALSE, refusal), RS_ERROR_INVALID_STATE);
  ASSERT_REFUSED (db, rs_locations_lookup (db, "SH", "Z9", refusal) != NULL, RS_ERROR_NOT_FOUND);

  /* Deactivated, a warehouse takes no new locations; activated again, it does. */
  g_assert_true (rs_warehouses_set_active (admin, "SH", FALSE, &error));
  g_assert_no_error (error);
  ASSERT_REFUSED (db, rs_locations_add (admin, "SH", "A-02", NULL, RS_LOCATION_STORAGE, refusal), RS_ERROR_INVALID_STATE);
  g_assert_true (rs_warehouses_set_active (admin, "SH", TRUE, &error));
  g_clear_object (&a1);
  a1 = rs_locations_add (admin, "SH", "A-02", NULL, RS_LOCATION_SCRAP, &error);
  g_assert_no_error (error);

  g_assert_true (rs_locations_set_active (admin, "SH", "A-01", FALSE, &error));
  g_assert_no_error (error);
  g_clear_object (&found);
  found = rs_locations_lookup (db, "SH", "A-01", &error);
  g_assert_false (rs_location_get_active (found));
}

static RsProduct *
add_product (RsSession *session, const char *sku, const char *name, const char *barcode, GError **error)
{
  RsProductFields f = {
    .sku = sku, .name = name, .spec = "4L 白色", .unit = "台", .decimals = 0,
    .barcode = barcode, .category = "厨房电器", .avg_cost = 19900, .list_price = 29900,
  };
  return rs_products_add (session, &f, error);
}

static void
test_products (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(RsProduct) found = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *json_text = NULL;
  g_autofree char *huge = NULL;
  RsProductFields f = { .sku = "X1", .name = "测试", .unit = "个" };

  product = add_product (admin, "MD-FB40", "美的电饭煲", "6901234567890", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_product_get_category (product), ==, "厨房电器");
  g_assert_cmpint (rs_product_get_avg_cost (product), ==, 19900);
  g_assert_cmpstr (rs_product_get_barcode (product), ==, "6901234567890");

  json = rs_product_to_json (product);
  json_text = json_to_string (json, FALSE);
  g_assert_nonnull (strstr (json_text, "\"avg_cost\":\"199.00\""));
  g_assert_nonnull (strstr (json_text, "\"list_price\":\"299.00\""));

  /* By SKU (any case), by barcode — what a scanner types. */
  found = rs_products_lookup (db, "md-fb40", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_product_get_id (found), ==, rs_product_get_id (product));
  g_clear_object (&found);
  found = rs_products_lookup (db, "6901234567890", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_product_get_sku (found), ==, "MD-FB40");
  g_clear_object (&found);

  /* A product with no barcode stores NULL, so any number of them may exist. */
  g_clear_object (&product);
  product = add_product (admin, "MD-FB50", "美的电饭煲 5L", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (rs_product_get_barcode (product));
  g_clear_object (&product);
  product = add_product (admin, "MD-FB30", "美的电饭煲 3L", "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM product WHERE barcode IS NULL"), ==, 2);
  /* The category was made once, and its making is in the audit log. */
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM category"), ==, 1);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM audit WHERE action = 'category.add'"), ==, 1);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM audit WHERE action = 'product.add'"), ==, 3);

  /* Refusals. */
  huge = g_malloc (10 * 1024 * 1024 + 1);
  memset (huge, 'a', 10 * 1024 * 1024);
  huge[10 * 1024 * 1024] = '\0';
  ASSERT_REFUSED (db, add_product (admin, "md-fb40", "重复", NULL, refusal), RS_ERROR_EXISTS);
  ASSERT_REFUSED (db, add_product (admin, "NEW-1", "重复条码", "6901234567890", refusal), RS_ERROR_EXISTS);
  ASSERT_REFUSED (db, add_product (admin, "NEW-1", "条码与 SKU 相同", "MD-FB50", refusal), RS_ERROR_EXISTS);
  ASSERT_REFUSED (db, add_product (admin, "6901234567890", "SKU 与条码相同", NULL, refusal), RS_ERROR_EXISTS);
  ASSERT_REFUSED (db, add_product (admin, "NEW-1", "", NULL, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, add_product (admin, "", "没有 SKU", NULL, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, add_product (admin, "NEW-1", huge, NULL, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, add_product (admin, "NEW-1", "bad \xff\xfe utf-8", NULL, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, add_product (admin, "NEW 1", "空格", NULL, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, add_product (admin, "NEW-1", "换行\n名称", NULL, refusal), RS_ERROR_VALIDATION);
  f.decimals = 4;
  ASSERT_REFUSED (db, rs_products_add (admin, &f, refusal) != NULL, RS_ERROR_VALIDATION);
  f.decimals = 0;
  f.avg_cost = -1;
  ASSERT_REFUSED (db, rs_products_add (admin, &f, refusal) != NULL, RS_ERROR_VALIDATION);
  f.avg_cost = 0;
  f.unit = "";
  ASSERT_REFUSED (db, rs_products_add (admin, &f, refusal) != NULL, RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, rs_products_lookup (db, "NOPE", refusal) != NULL, RS_ERROR_NOT_FOUND);
}

static void
test_product_retire (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) kept = add_product (admin, "KEEP", "有库存的电饭煲", NULL, &error);
  g_autoptr(RsProduct) typo = add_product (admin, "TYPO", "录错的商品", NULL, &error);
  g_autoptr(RsWarehouse) sh = rs_warehouses_add (admin, "SH", "上海仓", NULL, &error);
  g_autoptr(RsLocation) qa = rs_locations_get_quarantine (db, rs_warehouse_get_id (sh), &error);
  g_autoptr(RsStatement) stmt = NULL;
  g_autoptr(GListModel) active = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(RsProduct) found = NULL;
  g_autofree char *message = NULL;

  g_assert_no_error (error);

  /* Stock refers to KEEP: it can be deactivated, not removed. */
  stmt = rs_database_prepare (db, "INSERT INTO stock_on_hand (product_id, location_id, warehouse_id, quantity) "
                                  "VALUES (?, ?, ?, 5000)", &error);
  sqlite3_bind_int64 (stmt, 1, rs_product_get_id (kept));
  sqlite3_bind_int64 (stmt, 2, rs_location_get_id (qa));
  sqlite3_bind_int64 (stmt, 3, rs_warehouse_get_id (sh));
  g_assert_true (rs_statement_run (stmt, &error));
  g_clear_pointer (&stmt, rs_statement_release);

  ASSERT_REFUSED (db, rs_products_remove (admin, "KEEP", refusal), RS_ERROR_INVALID_STATE);
  g_assert_false (rs_products_remove (admin, "KEEP", &error));
  message = g_strdup (error->message);
  g_assert_cmpstr (message, ==, "“KEEP 有库存的电饭煲” has stock or history and cannot be removed; deactivate it instead.");
  g_clear_error (&error);

  g_assert_true (rs_products_set_active (admin, "KEEP", FALSE, &error));
  g_assert_no_error (error);
  found = rs_products_lookup (db, "KEEP", &error);
  g_assert_false (rs_product_get_active (found));

  /* Deactivated: out of the lists and searches that offer products, still in the full list. */
  active = rs_products_list (admin, FALSE, &error);
  all = rs_products_list (admin, TRUE, &error);
  hits = rs_products_search (admin, "电饭煲", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (active), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);

  /* Twice is no change and no second audit row. */
  g_assert_true (rs_products_set_active (admin, "KEEP", FALSE, &error));
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM audit WHERE action = 'product.deactivate'"), ==, 1);
  g_assert_true (rs_products_set_active (admin, "KEEP", TRUE, &error));
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM audit WHERE action = 'product.activate'"), ==, 1);

  /* Nothing refers to TYPO: it goes, from the table and from search. */
  g_assert_true (rs_products_remove (admin, "TYPO", &error));
  g_assert_no_error (error);
  ASSERT_REFUSED (db, rs_products_lookup (db, "TYPO", refusal) != NULL, RS_ERROR_NOT_FOUND);
  g_clear_object (&hits);
  hits = rs_products_search (admin, "录错的", &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_assert_cmpuint (count_rows (db, "SELECT count(*) FROM product_fts"), ==, 1);
  ASSERT_REFUSED (db, rs_products_remove (admin, "TYPO", refusal), RS_ERROR_NOT_FOUND);
}

static RsPartner *
add_partner (RsSession *session, RsPartnerKind kind, const char *code, const char *name,
             const char *contact, const char *phone, GError **error)
{
  RsPartnerFields f = {
    .code = code, .name = name, .contact = contact, .phone = phone,
    .email = "service@example.com", .address = "广州市天河区\n体育西路 100 号",
  };
  return rs_partners_add (session, kind, &f, error);
}

static void
test_partners (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsPartner) a = add_partner (admin, RS_PARTNER_CUSTOMER, NULL, "华联超市", "王经理", "13812345678", &error);
  g_autoptr(RsPartner) b = add_partner (admin, RS_PARTNER_CUSTOMER, NULL, "华联超市", "李主管", "13900001111", &error);
  g_autoptr(RsPartner) c = add_partner (admin, RS_PARTNER_CUSTOMER, "VIP-1", "国美电器", NULL, NULL, &error);
  g_autoptr(RsPartner) s = add_partner (admin, RS_PARTNER_SUPPLIER, NULL, "美的集团", "陈工", "0757-26338888", &error);
  g_autoptr(RsPartner) found = NULL;
  RsPartnerFields bad_email = { .name = "错误邮箱", .email = "not-an-address" };

  g_assert_no_error (error);
  g_assert_cmpstr (rs_partner_get_code (a), ==, "C0001");
  g_assert_cmpstr (rs_partner_get_code (b), ==, "C0002");
  g_assert_cmpstr (rs_partner_get_code (s), ==, "S0001");
  g_assert_cmpint (rs_partner_get_kind (s), ==, RS_PARTNER_SUPPLIER);

  /* By code or by a name only one has. */
  found = rs_partners_lookup (db, RS_PARTNER_CUSTOMER, "vip-1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rs_partner_get_name (found), ==, "国美电器");
  g_clear_object (&found);
  found = rs_partners_lookup (db, RS_PARTNER_CUSTOMER, "国美电器", &error);
  g_assert_no_error (error);
  g_clear_object (&found);
  found = rs_partners_lookup (db, RS_PARTNER_SUPPLIER, "美的集团", &error);
  g_assert_no_error (error);
  g_clear_object (&found);

  /* A name two share is refused, naming both. */
  found = rs_partners_lookup (db, RS_PARTNER_CUSTOMER, "华联超市", &error);
  g_assert_null (found);
  g_assert_error (error, RS_ERROR, RS_ERROR_VALIDATION);
  g_assert_cmpstr (error->message, ==, "Several customers are named “华联超市”: C0001 (13812345678), "
                                       "C0002 (13900001111). Give the code instead.");
  g_clear_error (&error);

  /* Customers and suppliers are separate lists. */
  ASSERT_REFUSED (db, rs_partners_lookup (db, RS_PARTNER_SUPPLIER, "国美电器", refusal) != NULL, RS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (db, add_partner (admin, RS_PARTNER_CUSTOMER, "c0001", "重复编码", NULL, NULL, refusal), RS_ERROR_EXISTS);
  ASSERT_REFUSED (db, add_partner (admin, RS_PARTNER_SUPPLIER, NULL, "", NULL, NULL, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, add_partner (admin, RS_PARTNER_SUPPLIER, NULL, "坏\x80文本", NULL, NULL, refusal), RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, rs_partners_add (admin, RS_PARTNER_CUSTOMER, &bad_email, refusal) != NULL, RS_ERROR_VALIDATION);

  /* Deactivate, and remove what nothing refers to. */
  g_assert_true (rs_partners_set_active (admin, RS_PARTNER_CUSTOMER, "C0002", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (rs_partners_remove (admin, RS_PARTNER_SUPPLIER, "S0001", &error));
  g_assert_no_error (error);
  ASSERT_REFUSED (db, rs_partners_lookup (db, RS_PARTNER_SUPPLIER, "S0001", refusal) != NULL, RS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (db, rs_partners_set_active (admin, RS_PARTNER_CUSTOMER, "C0099", FALSE, refusal), RS_ERROR_NOT_FOUND);
  {
    g_autoptr(GListModel) active = rs_partners_list (admin, RS_PARTNER_CUSTOMER, FALSE, &error);
    g_autoptr(GListModel) all = rs_partners_list (admin, RS_PARTNER_CUSTOMER, TRUE, &error);
    g_assert_cmpuint (g_list_model_get_n_items (active), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 3);
  }
}

static guint
n_product_hits (RsSession *session, const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = rs_products_search (session, query, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (hits);
}

static guint
n_partner_hits (RsSession *session, RsPartnerKind kind, const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = rs_partners_search (session, kind, query, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (hits);
}

static void
test_search (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(RsSession) viewer = rs_test_add_user (db, "viewer", RS_ROLE_VIEWER);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) p1 = add_product (admin, "MD-FB40", "美的智能电饭煲", "6901234567890", &error);
  g_autoptr(RsProduct) p2 = add_product (admin, "SUPOR-PC5", "苏泊尔电压力锅", "6907654321000", &error);
  g_autoptr(RsProduct) p3 = add_product (admin, "GREE-KF", "格力空调挂机 1.5 匹", NULL, &error);
  g_autoptr(RsPartner) c1 = add_partner (admin, RS_PARTNER_CUSTOMER, NULL, "杭州华联超市有限公司", "王小明", "13812345678", &error);
  g_autoptr(RsPartner) c2 = add_partner (admin, RS_PARTNER_CUSTOMER, NULL, "宁波银泰百货", "赵丽", "0574-87654321", &error);
  g_autoptr(RsPartner) s1 = add_partner (admin, RS_PARTNER_SUPPLIER, NULL, "佛山美的制冷设备", "陈工", "0757-26338888", &error);

  g_assert_no_error (error);

  /* Products: any part of name, SKU, barcode or specification. */
  g_assert_cmpuint (n_product_hits (viewer, "电饭煲"), ==, 1);      /* three characters: trigram index */
  g_assert_cmpuint (n_product_hits (viewer, "智能电饭"), ==, 1);
  g_assert_cmpuint (n_product_hits (viewer, "压力"), ==, 1);        /* two: LIKE */
  g_assert_cmpuint (n_product_hits (viewer, "电"), ==, 2);          /* one: LIKE */
  g_assert_cmpuint (n_product_hits (viewer, "锅"), ==, 1);
  g_assert_cmpuint (n_product_hits (viewer, "fb4"), ==, 1);         /* SKU, any case */
  g_assert_cmpuint (n_product_hits (viewer, "7654321"), ==, 1);     /* barcode */
  g_assert_cmpuint (n_product_hits (viewer, "690"), ==, 2);
  g_assert_cmpuint (n_product_hits (viewer, "1.5 匹"), ==, 1);
  g_assert_cmpuint (n_product_hits (viewer, "白色"), ==, 3);        /* specification */
  g_assert_cmpuint (n_product_hits (viewer, "洗衣机"), ==, 0);
  g_assert_cmpuint (n_product_hits (viewer, "\"电饭"), ==, 0);      /* quotes are text, not syntax */
  g_assert_cmpuint (n_product_hits (viewer, "100%"), ==, 0);        /* % is text in LIKE too */
  g_assert_cmpuint (n_product_hits (viewer, "%"), ==, 0);
  g_assert_cmpuint (n_product_hits (viewer, ""), ==, 3);

  /* Customers and suppliers: name, code, contact, phone. */
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_CUSTOMER, "华联"), ==, 1);
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_CUSTOMER, "联超市"), ==, 1);
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_CUSTOMER, "百货"), ==, 1);
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_CUSTOMER, "王小明"), ==, 1);
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_CUSTOMER, "1234567"), ==, 1);
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_CUSTOMER, "0574"), ==, 1);
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_CUSTOMER, "c000"), ==, 2);
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_CUSTOMER, "美的"), ==, 0);
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_SUPPLIER, "美的"), ==, 1);
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_SUPPLIER, "美的制冷"), ==, 1);
  g_assert_cmpuint (n_partner_hits (viewer, RS_PARTNER_SUPPLIER, "26338888"), ==, 1);

  ASSERT_REFUSED (db, rs_products_search (viewer, "\xff\xff\xff", refusal) != NULL, RS_ERROR_VALIDATION);
}

static void
test_reasons (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) reasons = rs_reasons_list (admin, FALSE, &error);
  g_autoptr(RsReason) added = NULL;
  g_autoptr(RsReason) found = NULL;
  static const char *const seeded[] = { "quality", "damaged", "wrong-item", "not-as-described", "no-reason", "other" };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (reasons), ==, G_N_ELEMENTS (seeded));
  for (guint i = 0; i < G_N_ELEMENTS (seeded); i++)
    {
      g_autoptr(RsReason) reason = g_list_model_get_item (reasons, i);
      g_assert_cmpstr (rs_reason_get_code (reason), ==, seeded[i]);
    }

  added = rs_reasons_add (admin, "install", "安装问题", &error);
  g_assert_no_error (error);
  g_assert_true (rs_reasons_rename (admin, "damaged", "物流破损", &error));
  g_assert_no_error (error);
  found = rs_reasons_lookup (db, "damaged", &error);
  g_assert_cmpstr (rs_reason_get_name (found), ==, "物流破损");
  g_assert_true (rs_reasons_set_active (admin, "other", FALSE, &error));
  g_clear_object (&reasons);
  reasons = rs_reasons_list (admin, FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (reasons), ==, 6);

  ASSERT_REFUSED (db, rs_reasons_add (admin, "QUALITY", "质量", refusal) != NULL, RS_ERROR_EXISTS);
  ASSERT_REFUSED (db, rs_reasons_add (admin, "x y", "空格", refusal) != NULL, RS_ERROR_VALIDATION);
  ASSERT_REFUSED (db, rs_reasons_rename (admin, "nope", "没有", refusal), RS_ERROR_NOT_FOUND);
  ASSERT_REFUSED (db, rs_reasons_rename (admin, "quality", "", refusal), RS_ERROR_VALIDATION);
}

static void
test_categories (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCategory) category = rs_categories_add (admin, "大家电", &error);
  g_autoptr(GListModel) list = NULL;

  g_assert_no_error (error);
  ASSERT_REFUSED (db, rs_categories_add (admin, "大家电", refusal) != NULL, RS_ERROR_EXISTS);
  ASSERT_REFUSED (db, rs_categories_add (admin, "", refusal) != NULL, RS_ERROR_VALIDATION);
  g_assert_true (rs_categories_set_active (admin, "大家电", FALSE, &error));
  g_assert_no_error (error);
  list = rs_categories_list (admin, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  ASSERT_REFUSED (db, rs_categories_set_active (admin, "小家电", FALSE, refusal), RS_ERROR_NOT_FOUND);
}

/* Every add of master data, given an empty name, a 10 MB name and invalid
 * UTF-8: each refused as invalid input, nothing written. */
static void
test_bad_input_to_every_add (void)
{
  g_autoptr(RsDatabase) db = rs_test_open_initialized ();
  g_autoptr(RsSession) admin = rs_test_login (db, "admin");
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) warehouse = rs_warehouses_add (admin, "SH", "上海仓", NULL, &error);
  g_autofree char *huge = g_malloc (10 * 1024 * 1024 + 1);
  const char *names[3];

  g_assert_no_error (error);
  memset (huge, 'x', 10 * 1024 * 1024);
  huge[10 * 1024 * 1024] = '\0';
  names[0] = "";
  names[1] = huge;
  names[2] = "\xe4\xb8";   /* half of a Chinese character */

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *name = names[i];
      RsProductFields product = { .sku = "P1", .name = name, .unit = "个" };
      RsPartnerFields partner = { .name = name };

      ASSERT_REFUSED (db, rs_warehouses_add (admin, "BJ", name, NULL, refusal) != NULL, RS_ERROR_VALIDATION);
      ASSERT_REFUSED (db, rs_warehouses_add (admin, name, "北京仓", NULL, refusal) != NULL, RS_ERROR_VALIDATION);
      ASSERT_REFUSED (db, rs_locations_add (admin, "SH", name, NULL, RS_LOCATION_STORAGE, refusal) != NULL, RS_ERROR_VALIDATION);
      ASSERT_REFUSED (db, rs_categories_add (admin, name, refusal) != NULL, RS_ERROR_VALIDATION);
      ASSERT_REFUSED (db, rs_products_add (admin, &product, refusal) != NULL, RS_ERROR_VALIDATION);
      ASSERT_REFUSED (db, rs_partners_add (admin, RS_PARTNER_CUSTOMER, &partner, refusal) != NULL, RS_ERROR_VALIDATION);
      ASSERT_REFUSED (db, rs_partners_add (admin, RS_PARTNER_SUPPLIER, &partner, refusal) != NULL, RS_ERROR_VALIDATION);
      ASSERT_REFUSED (db, rs_reasons_add (admin, "R1", name, refusal) != NULL, RS_ERROR_VALIDATION);
      if (i > 0)   /* an empty location name means "use the code" */
        ASSERT_REFUSED (db, rs_locations_add (admin, "SH", "B1", name, RS_LOCATION_STORAGE, refusal) != NULL,
                        RS_ERROR_VALIDATION);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/master/warehouses", test_warehouses);
  g_test_add_func ("/master/products", test_products);
  g_test_add_func ("/master/product-retire", test_product_retire);
  g_test_add_func ("/master/partners", test_partners);
  g_test_add_func ("/master/search", test_search);
  g_test_add_func ("/master/reasons", test_reasons);
  g_test_add_func ("/master/categories", test_categories);
  g_test_add_func ("/master/bad-input", test_bad_input_to_every_add);
  return g_test_run ();
}
