/* test-permission.c — the permission matrix (DESIGN §1).
 *
 * For every action and every role: a user holding only that role either may
 * (the call succeeds) or may not (RS_ERROR_PERMISSION naming the action, and
 * the database is unchanged, dump for dump). Each core entry point that
 * changes data is one row of `entries` below; later issues add their rows
 * (returns, slips, settlements…). An action with no row yet is reported as
 * skipped, so the gap shows in every test run.
 */
#include "rs-test-util.h"

typedef struct
{
  RsAction    action;
  const char *what;
  /* Run as admin before the attempt: makes what the attempt needs. `tag` is unique per attempt. */
  void      (*prepare) (RsSession *admin, const char *tag);
  gboolean  (*attempt) (RsSession *session, const char *tag, GError **error);
} Entry;

static RsDatabase *db;
static RsSession  *admin;
static RsSession  *by_role[7];   /* one user per role, holding only it */
static guint       counter;

static void
assert_ok (gboolean ok, GError *error)
{
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* ---- preparations ---------------------------------------------------- */

static void
prepare_user (RsSession *s, const char *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsUser) user = rs_users_add (s, tag, NULL, RS_ROLE_VIEWER, RS_TEST_PASSWORD, &error);
  assert_ok (user != NULL, error);
}

static void
prepare_warehouse (RsSession *s, const char *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsWarehouse) warehouse = rs_warehouses_add (s, tag, "上海仓", "", &error);
  assert_ok (warehouse != NULL, error);
}

static void
prepare_location (RsSession *s, const char *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsLocation) location = NULL;

  prepare_warehouse (s, tag);
  location = rs_locations_add (s, tag, "A1", "一号货架", RS_LOCATION_STORAGE, &error);
  assert_ok (location != NULL, error);
}

static void
prepare_category (RsSession *s, const char *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCategory) category = rs_categories_add (s, tag, &error);
  assert_ok (category != NULL, error);
}

static void
prepare_product (RsSession *s, const char *tag)
{
  g_autoptr(GError) error = NULL;
  RsProductFields f = { .sku = tag, .name = "电饭煲", .unit = "台" };
  g_autoptr(RsProduct) product = rs_products_add (s, &f, &error);
  assert_ok (product != NULL, error);
}

static void
prepare_partner (RsSession *s, RsPartnerKind kind, const char *tag)
{
  g_autoptr(GError) error = NULL;
  RsPartnerFields f = { .code = tag, .name = "华联超市" };
  g_autoptr(RsPartner) partner = rs_partners_add (s, kind, &f, &error);
  assert_ok (partner != NULL, error);
}

static void prepare_customer (RsSession *s, const char *tag) { prepare_partner (s, RS_PARTNER_CUSTOMER, tag); }
static void prepare_supplier (RsSession *s, const char *tag) { prepare_partner (s, RS_PARTNER_SUPPLIER, tag); }

static void
prepare_reason (RsSession *s, const char *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReason) reason = rs_reasons_add (s, tag, "包装破损", &error);
  assert_ok (reason != NULL, error);
}

/* A warehouse `tag` with one storage location and a product `tag`: what a slip needs. */
static void
prepare_slip_ground (RsSession *s, const char *tag)
{
  prepare_location (s, tag);
  prepare_product (s, tag);
}

/* The number of the slip prepared for each tag. */
static GHashTable *slip_numbers;

static RsSlip *
make_slip (RsSession *s, const char *tag, gboolean posted, GError **error)
{
  RsSlipLineFields line = { .sku = tag, .quantity = 3000, .unit_cost = 12550 };
  RsSlipFields f = { .kind = RS_SLIP_IN, .purpose = "purchase", .warehouse = tag, .lines = &line, .n_lines = 1 };

  return posted ? rs_slips_create_posted (s, &f, error) : rs_slips_create (s, &f, error);
}

static void
prepare_slip (RsSession *s, const char *tag, gboolean posted)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSlip) slip = NULL;

  prepare_slip_ground (s, tag);
  slip = make_slip (s, tag, posted, &error);
  assert_ok (slip != NULL, error);
  g_hash_table_insert (slip_numbers, g_strdup (tag), g_strdup (rs_slip_get_number (slip)));
}

static void prepare_draft_slip (RsSession *s, const char *tag) { prepare_slip (s, tag, FALSE); }
static void prepare_posted_slip (RsSession *s, const char *tag) { prepare_slip (s, tag, TRUE); }

/* A customer and a product `tag`: what a return needs. */
static void
prepare_return_ground (RsSession *s, const char *tag)
{
  prepare_customer (s, tag);
  prepare_product (s, tag);
}

static RsReturn *
make_return (RsSession *s, const char *tag, GError **error)
{
  RsReturnLineFields line = { .sku = tag, .quantity = 1000, .unit_price = 19900 };
  RsReturnFields f = { .customer = tag, .reason = "quality", .description = "内胆涂层脱落",
                       .lines = &line, .n_lines = 1 };

  return rs_returns_create (s, &f, error);
}

/* The number of the return prepared for each tag. */
static GHashTable *return_numbers;

static void
prepare_draft_return (RsSession *s, const char *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) ret = NULL;

  prepare_return_ground (s, tag);
  ret = make_return (s, tag, &error);
  assert_ok (ret != NULL, error);
  g_hash_table_insert (return_numbers, g_strdup (tag), g_strdup (rs_return_get_number (ret)));
}

/* ---- attempts -------------------------------------------------------- */

static gboolean
attempt_user_add (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsUser) user = rs_users_add (s, tag, NULL, RS_ROLE_SALES, RS_TEST_PASSWORD, error);
  return user != NULL;
}

static gboolean
attempt_user_disable (RsSession *s, const char *tag, GError **error)
{
  return rs_users_disable (s, tag, error);
}

static gboolean
attempt_setting_change (RsSession *s, const char *tag, GError **error)
{
  return rs_settings_set (s, RS_SETTING_COMPANY_NAME, tag, error);
}

static gboolean
attempt_warehouse_add (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsWarehouse) warehouse = rs_warehouses_add (s, tag, "北京仓", "北京市大兴区", error);
  return warehouse != NULL;
}

static gboolean
attempt_warehouse_deactivate (RsSession *s, const char *tag, GError **error)
{
  return rs_warehouses_set_active (s, tag, FALSE, error);
}

static gboolean
attempt_location_add (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsLocation) location = rs_locations_add (s, tag, "R1", "维修区", RS_LOCATION_REPAIR, error);
  return location != NULL;
}

static gboolean
attempt_location_deactivate (RsSession *s, const char *tag, GError **error)
{
  return rs_locations_set_active (s, tag, "A1", FALSE, error);
}

static gboolean
attempt_category_add (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsCategory) category = rs_categories_add (s, tag, error);
  return category != NULL;
}

static gboolean
attempt_category_deactivate (RsSession *s, const char *tag, GError **error)
{
  return rs_categories_set_active (s, tag, FALSE, error);
}

static gboolean
attempt_product_add (RsSession *s, const char *tag, GError **error)
{
  g_autofree char *category = g_strconcat ("小家电-", tag, NULL);
  RsProductFields f = { .sku = tag, .name = "电水壶", .unit = "个", .category = category, .avg_cost = 4550 };
  g_autoptr(RsProduct) product = rs_products_add (s, &f, error);
  return product != NULL;
}

static gboolean
attempt_product_deactivate (RsSession *s, const char *tag, GError **error)
{
  return rs_products_set_active (s, tag, FALSE, error);
}

static gboolean
attempt_product_remove (RsSession *s, const char *tag, GError **error)
{
  return rs_products_remove (s, tag, error);
}

static gboolean
attempt_partner_add (RsSession *s, RsPartnerKind kind, const char *tag, GError **error)
{
  RsPartnerFields f = { .code = tag, .name = "苏宁电器", .phone = "021-55551234" };
  g_autoptr(RsPartner) partner = rs_partners_add (s, kind, &f, error);
  return partner != NULL;
}

static gboolean attempt_customer_add (RsSession *s, const char *tag, GError **error) { return attempt_partner_add (s, RS_PARTNER_CUSTOMER, tag, error); }
static gboolean attempt_supplier_add (RsSession *s, const char *tag, GError **error) { return attempt_partner_add (s, RS_PARTNER_SUPPLIER, tag, error); }
static gboolean attempt_customer_deactivate (RsSession *s, const char *tag, GError **error) { return rs_partners_set_active (s, RS_PARTNER_CUSTOMER, tag, FALSE, error); }
static gboolean attempt_supplier_deactivate (RsSession *s, const char *tag, GError **error) { return rs_partners_set_active (s, RS_PARTNER_SUPPLIER, tag, FALSE, error); }
static gboolean attempt_customer_remove (RsSession *s, const char *tag, GError **error) { return rs_partners_remove (s, RS_PARTNER_CUSTOMER, tag, error); }
static gboolean attempt_supplier_remove (RsSession *s, const char *tag, GError **error) { return rs_partners_remove (s, RS_PARTNER_SUPPLIER, tag, error); }

static gboolean
attempt_reason_add (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsReason) reason = rs_reasons_add (s, tag, "安装问题", error);
  return reason != NULL;
}

static gboolean
attempt_reason_rename (RsSession *s, const char *tag, GError **error)
{
  return rs_reasons_rename (s, tag, "外包装破损", error);
}

static gboolean
attempt_reason_deactivate (RsSession *s, const char *tag, GError **error)
{
  return rs_reasons_set_active (s, tag, FALSE, error);
}

static gboolean
attempt_slip_create (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsSlip) slip = make_slip (s, tag, FALSE, error);
  return slip != NULL;
}

static gboolean
attempt_slip_attach (RsSession *s, const char *tag, GError **error)
{
  g_autofree char *dir = rs_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "送货单.txt", NULL);
  g_autoptr(RsSlip) slip = NULL;

  rs_test_write_file (path, "送货单 3 台", -1);
  slip = rs_slips_attach (s, g_hash_table_lookup (slip_numbers, tag), path, error);
  return slip != NULL;
}

static gboolean
attempt_slip_post (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsSlip) slip = rs_slips_post (s, g_hash_table_lookup (slip_numbers, tag), error);
  return slip != NULL;
}

static gboolean
attempt_slip_void (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsSlip) slip = rs_slips_void (s, g_hash_table_lookup (slip_numbers, tag), "录入错误", error);
  return slip != NULL;
}

static gboolean
attempt_slip_amend (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsSlip) slip = rs_slips_amend (s, g_hash_table_lookup (slip_numbers, tag), error);
  return slip != NULL;
}

static gboolean
attempt_return_create (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsReturn) ret = make_return (s, tag, error);
  return ret != NULL;
}

static gboolean
attempt_return_cancel (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsReturn) ret = rs_returns_cancel (s, g_hash_table_lookup (return_numbers, tag), "客户撤回", error);
  return ret != NULL;
}

/* A print archives a PDF: here any bytes stand for one. */
static gboolean
attempt_print (RsSession *s, const char *tag, GError **error)
{
  g_autoptr(RsPrintJob) job = rs_print_job_begin (s, RS_PRINT_SLIP, g_hash_table_lookup (slip_numbers, tag), error);
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4", 8);
  g_autoptr(RsPrint) print = job != NULL ? rs_print_job_commit (job, "a4", 1, pdf, error) : NULL;
  return print != NULL;
}

/* A list that succeeds returns a model; the reads check the account is enabled. */
#define ATTEMPT_LIST(fn, call) \
  static gboolean fn (RsSession *s, const char *tag, GError **error) \
  { g_autoptr(GListModel) model = call; return model != NULL; }

ATTEMPT_LIST (attempt_products_list, rs_products_list (s, TRUE, error))
ATTEMPT_LIST (attempt_products_search, rs_products_search (s, "电饭", error))
ATTEMPT_LIST (attempt_warehouses_list, rs_warehouses_list (s, error))
ATTEMPT_LIST (attempt_locations_list, rs_locations_list (s, NULL, error))
ATTEMPT_LIST (attempt_customers_list, rs_partners_list (s, RS_PARTNER_CUSTOMER, TRUE, error))
ATTEMPT_LIST (attempt_suppliers_search, rs_partners_search (s, RS_PARTNER_SUPPLIER, "苏宁", error))
ATTEMPT_LIST (attempt_products_paged, rs_products_list_paged (s, "电饭", TRUE, error))
ATTEMPT_LIST (attempt_customers_paged, rs_partners_list_paged (s, RS_PARTNER_CUSTOMER, NULL, FALSE, error))
ATTEMPT_LIST (attempt_suppliers_paged, rs_partners_list_paged (s, RS_PARTNER_SUPPLIER, "苏宁电器", TRUE, error))
ATTEMPT_LIST (attempt_categories_list, rs_categories_list (s, error))
ATTEMPT_LIST (attempt_reasons_list, rs_reasons_list (s, TRUE, error))
ATTEMPT_LIST (attempt_audit_list, rs_audit_list (s, 10, error))

static const Entry entries[] = {
  { RS_ACTION_USER_MANAGE, "user add", NULL, attempt_user_add },
  { RS_ACTION_USER_MANAGE, "user disable", prepare_user, attempt_user_disable },
  { RS_ACTION_SETTINGS_EDIT, "setting change", NULL, attempt_setting_change },
  { RS_ACTION_MASTER_EDIT, "warehouse add", NULL, attempt_warehouse_add },
  { RS_ACTION_MASTER_EDIT, "warehouse deactivate", prepare_warehouse, attempt_warehouse_deactivate },
  { RS_ACTION_MASTER_EDIT, "location add", prepare_warehouse, attempt_location_add },
  { RS_ACTION_MASTER_EDIT, "location deactivate", prepare_location, attempt_location_deactivate },
  { RS_ACTION_MASTER_EDIT, "category add", NULL, attempt_category_add },
  { RS_ACTION_MASTER_EDIT, "category deactivate", prepare_category, attempt_category_deactivate },
  { RS_ACTION_MASTER_EDIT, "product add", NULL, attempt_product_add },
  { RS_ACTION_MASTER_EDIT, "product deactivate", prepare_product, attempt_product_deactivate },
  { RS_ACTION_MASTER_EDIT, "product remove", prepare_product, attempt_product_remove },
  { RS_ACTION_MASTER_EDIT, "supplier add", NULL, attempt_supplier_add },
  { RS_ACTION_MASTER_EDIT, "supplier deactivate", prepare_supplier, attempt_supplier_deactivate },
  { RS_ACTION_MASTER_EDIT, "supplier remove", prepare_supplier, attempt_supplier_remove },
  { RS_ACTION_MASTER_EDIT, "reason add", NULL, attempt_reason_add },
  { RS_ACTION_MASTER_EDIT, "reason rename", prepare_reason, attempt_reason_rename },
  { RS_ACTION_MASTER_EDIT, "reason deactivate", prepare_reason, attempt_reason_deactivate },
  { RS_ACTION_CUSTOMER_EDIT, "customer add", NULL, attempt_customer_add },
  { RS_ACTION_CUSTOMER_EDIT, "customer deactivate", prepare_customer, attempt_customer_deactivate },
  { RS_ACTION_CUSTOMER_EDIT, "customer remove", prepare_customer, attempt_customer_remove },
  { RS_ACTION_RETURN_EDIT, "return create", prepare_return_ground, attempt_return_create },
  { RS_ACTION_RETURN_CANCEL, "return cancel", prepare_draft_return, attempt_return_cancel },
  { RS_ACTION_SLIP_EDIT, "slip create", prepare_slip_ground, attempt_slip_create },
  { RS_ACTION_SLIP_EDIT, "slip attach", prepare_draft_slip, attempt_slip_attach },
  { RS_ACTION_SLIP_POST, "slip post", prepare_draft_slip, attempt_slip_post },
  { RS_ACTION_SLIP_POST, "slip void", prepare_posted_slip, attempt_slip_void },
  { RS_ACTION_SLIP_POST, "slip amend", prepare_posted_slip, attempt_slip_amend },
  { RS_ACTION_PRINT, "print slip", prepare_posted_slip, attempt_print },
  { RS_ACTION_VIEW, "products list", prepare_product, attempt_products_list },
  { RS_ACTION_VIEW, "products search", NULL, attempt_products_search },
  { RS_ACTION_VIEW, "warehouses list", NULL, attempt_warehouses_list },
  { RS_ACTION_VIEW, "locations list", NULL, attempt_locations_list },
  { RS_ACTION_VIEW, "customers list", NULL, attempt_customers_list },
  { RS_ACTION_VIEW, "suppliers search", NULL, attempt_suppliers_search },
  { RS_ACTION_VIEW, "products paged list", prepare_product, attempt_products_paged },
  { RS_ACTION_VIEW, "customers paged list", NULL, attempt_customers_paged },
  { RS_ACTION_VIEW, "suppliers paged list", NULL, attempt_suppliers_paged },
  { RS_ACTION_VIEW, "categories list", NULL, attempt_categories_list },
  { RS_ACTION_VIEW, "reasons list", NULL, attempt_reasons_list },
  { RS_ACTION_AUDIT_VIEW, "audit list", NULL, attempt_audit_list },
};

static void
run_entry (const Entry *entry, RsRoles role, RsSession *session)
{
  g_autofree char *tag = g_strdup_printf ("T%03u", ++counter);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gboolean allowed = (rs_action_get_roles (entry->action) & role) != 0;
  gboolean ok;

  if (entry->prepare != NULL)
    entry->prepare (admin, tag);
  before = rs_test_dump (db);
  ok = entry->attempt (session, tag, &error);
  after = rs_test_dump (db);

  g_test_message ("%s as %s: %s", entry->what, rs_role_get_key (role), error != NULL ? error->message : "done");
  if (allowed)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
      /* The refusal names the action and who may do it. */
      g_assert_nonnull (strstr (error->message, rs_action_get_name (entry->action)));
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_action (gconstpointer data)
{
  RsAction action = GPOINTER_TO_UINT (data);
  guint tested = 0;

  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    {
      if (entries[e].action != action)
        continue;
      tested++;
      for (guint r = 0; r < G_N_ELEMENTS (by_role); r++)
        run_entry (&entries[e], 1u << r, by_role[r]);
    }
  if (tested == 0)
    g_test_skip ("no core entry point for this action yet");
}

/* A disabled account is refused even the actions its roles allow, at once,
 * though it logged in before being disabled. */
static void
test_disabled_user (void)
{
  g_autoptr(RsSession) keeper = rs_test_add_user (db, "disabled-admin", RS_ROLE_ADMIN);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (rs_users_disable (admin, "disabled-admin", &error));
  g_assert_no_error (error);

  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    {
      g_autofree char *tag = g_strdup_printf ("X%03u", e);

      if (entries[e].prepare != NULL)
        entries[e].prepare (admin, tag);
      g_free (before);
      before = rs_test_dump (db);
      g_assert_false (entries[e].attempt (keeper, tag, &error));
      g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
      g_clear_error (&error);
      g_free (after);
      after = rs_test_dump (db);
      g_assert_cmpstr (before, ==, after);
    }
}

/* The administrator may do everything (DESIGN §1); every action has a name to refuse with. */
static void
test_every_action_has_roles (void)
{
  for (RsAction a = 0; a < RS_N_ACTIONS; a++)
    {
      g_assert_true (rs_action_get_roles (a) & RS_ROLE_ADMIN);
      g_assert_nonnull (rs_action_get_name (a));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  slip_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  db = rs_test_open_initialized ();
  admin = rs_test_login (db, "admin");
  for (guint r = 0; r < G_N_ELEMENTS (by_role); r++)
    {
      g_autofree char *name = g_strconcat ("only-", rs_role_get_key (1u << r), NULL);
      by_role[r] = rs_test_add_user (db, name, 1u << r);
    }

  for (RsAction a = 0; a < RS_N_ACTIONS; a++)
    {
      g_autoptr(GString) path = g_string_new ("/permission/");

      for (const char *p = rs_action_get_name (a); *p != '\0'; p++)
        g_string_append_c (path, g_ascii_isalnum (*p) ? *p : '-');
      g_test_add_data_func (path->str, GUINT_TO_POINTER (a), test_action);
    }
  g_test_add_func ("/permission/disabled-user", test_disabled_user);
  g_test_add_func ("/permission/admin-may-everything", test_every_action_has_roles);
  return g_test_run ();
}
