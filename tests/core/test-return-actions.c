/* test-return-actions.c — rs_returns_get_actions(): the buttons offered on a return agree
 * with what the calls accept, for each role, along the whole workflow. An action not offered
 * is refused by its call with nothing changed; an action offered is then taken by that user. */
#include "rs-test-util.h"

enum { ADMIN, SALES, SERVICE, MANAGER, KEEPER, FINANCE, VIEWER, N_USERS };

typedef struct
{
  RsDatabase *db;
  RsSession  *users[N_USERS];
} Fixture;

#define EDIT     RS_RETURN_ACTION_EDIT
#define SUBMIT   RS_RETURN_ACTION_SUBMIT
#define APPROVE  RS_RETURN_ACTION_APPROVE
#define REJECT   RS_RETURN_ACTION_REJECT
#define REVISE   RS_RETURN_ACTION_REVISE
#define CANCEL   RS_RETURN_ACTION_CANCEL
#define RECEIVE  RS_RETURN_ACTION_RECEIVE
#define RESOLVE  RS_RETURN_ACTION_RESOLVE
#define INSPECT  RS_RETURN_ACTION_INSPECT
#define DISPOSE  RS_RETURN_ACTION_DISPOSE
#define COST     RS_RETURN_ACTION_ADD_COST
#define ATTACH   RS_RETURN_ACTION_ATTACH
#define PRINT    RS_RETURN_ACTION_PRINT
#define MAIL     RS_RETURN_ACTION_MAIL
#define SETTLE   RS_RETURN_ACTION_SETTLE

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RsProductFields product = { .sku = "P-1", .name = "螺丝刀", .unit = "把", .category = "工具", .list_price = 9900 };
  RsProductFields other = { .sku = "P-2", .name = "扳手", .unit = "把", .category = "工具", .list_price = 5000 };
  RsPartnerFields customer = { .code = "C001", .name = "华东商贸", .email = "buyer@example.com" };
  RsPartnerFields supplier = { .code = "S001", .name = "深圳电子" };
  RsSlipLineFields purchase_line = { "P-1", 20000, "A1", NULL, 1250 };
  RsSlipFields purchase = { RS_SLIP_IN, "purchase", "WH1", NULL, NULL, "S001", NULL, &purchase_line, 1 };
  g_autoptr(RsProduct) p1 = NULL;
  g_autoptr(RsProduct) p2 = NULL;
  g_autoptr(RsPartner) c = NULL;
  g_autoptr(RsPartner) s = NULL;
  g_autoptr(RsWarehouse) wh1 = NULL;
  g_autoptr(RsLocation) a1 = NULL;
  g_autoptr(RsSlip) slip = NULL;

  f->db = rs_test_open_initialized ();
  f->users[ADMIN] = rs_test_login (f->db, "admin");
  p1 = rs_products_add (f->users[ADMIN], &product, &error);
  g_assert_no_error (error);
  p2 = rs_products_add (f->users[ADMIN], &other, &error);
  g_assert_no_error (error);
  c = rs_partners_add (f->users[ADMIN], RS_PARTNER_CUSTOMER, &customer, &error);
  g_assert_no_error (error);
  s = rs_partners_add (f->users[ADMIN], RS_PARTNER_SUPPLIER, &supplier, &error);
  g_assert_no_error (error);
  wh1 = rs_warehouses_add (f->users[ADMIN], "WH1", "主仓库", NULL, &error);
  g_assert_no_error (error);
  a1 = rs_locations_add (f->users[ADMIN], "WH1", "A1", NULL, RS_LOCATION_STORAGE, &error);
  g_assert_no_error (error);
  slip = rs_slips_create_posted (f->users[ADMIN], &purchase, &error);
  g_assert_no_error (error);
  f->users[SALES] = rs_test_add_user (f->db, "sal", RS_ROLE_SALES);
  f->users[SERVICE] = rs_test_add_user (f->db, "svc", RS_ROLE_SERVICE);
  f->users[MANAGER] = rs_test_add_user (f->db, "mgr", RS_ROLE_MANAGER);
  f->users[KEEPER] = rs_test_add_user (f->db, "kp", RS_ROLE_KEEPER);
  f->users[FINANCE] = rs_test_add_user (f->db, "fin", RS_ROLE_FINANCE);
  f->users[VIEWER] = rs_test_add_user (f->db, "view", RS_ROLE_VIEWER);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < N_USERS; i++)
    g_clear_object (&f->users[i]);
  g_clear_object (&f->db);
}

static RsReturnActions
actions_of (Fixture *f, guint user, const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) ret = rs_returns_lookup (f->users[user], number, &error);
  RsReturnActions actions;

  g_assert_no_error (error);
  actions = rs_returns_get_actions (f->users[user], ret, &error);
  g_assert_no_error (error);
  return actions;
}

/* What each user is offered now, in the order of the users' enum. */
static void
assert_actions (Fixture *f, const char *number, const RsReturnActions expected[N_USERS])
{
  for (guint i = 0; i < N_USERS; i++)
    {
      RsReturnActions actions = actions_of (f, i, number);

      if (actions != expected[i])
        g_error ("%s, user %u: actions 0x%x, expected 0x%x", number, i, actions, expected[i]);
    }
}

/* A refused approval leaves every table as it was. */
static void
assert_approve_refused (Fixture *f, guint user, const char *number)
{
  g_autofree char *before = rs_test_dump (f->db);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) ret = rs_returns_approve (f->users[user], number, NULL, &error);

  g_assert_null (ret);
  g_assert_nonnull (error);
  after = rs_test_dump (f->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_workflow (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RsReturnLineFields line = { "P-1", 2000, 9900, NULL };
  RsReturnFields fields = { .customer = "C001", .reason = "quality", .sale_date = "2026-11-20", .lines = &line, .n_lines = 1 };
  g_autoptr(RsReturn) draft = rs_returns_create (f->users[SALES], &fields, &error);
  g_autoptr(RsReturn) step = NULL;
  const char *number;
  RsReceiptLineFields received = { "P-1", 2000 };
  RsInspectionValue pass[] = {
    { "packaging", "pass" }, { "accessories", "pass" }, { "appearance", "pass" }, { "function", "pass" }, { "serial", "SN-1" },
  };
  RsInspectionFields inspection_fields = { pass, G_N_ELEMENTS (pass), NULL, 0, -1, NULL };
  g_autoptr(RsInspection) inspection = NULL;
  RsDispositionFields restock = { "P-1", 2000, RS_DISPOSITION_RESTOCK, "A1" };

  g_assert_no_error (error);
  number = rs_return_get_number (draft);

  {
    const RsReturnActions draft_actions[N_USERS] = {
      [ADMIN] = EDIT | SUBMIT | CANCEL | ATTACH | PRINT, [SALES] = EDIT | SUBMIT | ATTACH | PRINT,
      [SERVICE] = CANCEL | PRINT, [MANAGER] = PRINT, [KEEPER] = PRINT, [FINANCE] = PRINT, [VIEWER] = PRINT,
    };
    assert_actions (f, number, draft_actions);
  }
  step = rs_returns_submit (f->users[SALES], number, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&step);

  /* Level 1 is customer service's: the manager may not skip ahead. */
  {
    const RsReturnActions submitted[N_USERS] = {
      [ADMIN] = APPROVE | REJECT | CANCEL | ATTACH | PRINT, [SALES] = ATTACH | PRINT,
      [SERVICE] = APPROVE | REJECT | CANCEL | PRINT, [MANAGER] = PRINT, [KEEPER] = PRINT, [FINANCE] = PRINT,
      [VIEWER] = PRINT,
    };
    assert_actions (f, number, submitted);
  }
  assert_approve_refused (f, MANAGER, number);
  assert_approve_refused (f, SALES, number);
  step = rs_returns_approve (f->users[SERVICE], number, "好", &error);
  g_assert_no_error (error);
  g_clear_object (&step);

  /* Level 2: the manager's; service signed level 1 and may not sign again. */
  {
    const RsReturnActions level2[N_USERS] = {
      [ADMIN] = APPROVE | REJECT | CANCEL | ATTACH | PRINT, [SALES] = ATTACH | PRINT,
      [SERVICE] = CANCEL | PRINT, [MANAGER] = APPROVE | REJECT | PRINT, [KEEPER] = PRINT, [FINANCE] = PRINT,
      [VIEWER] = PRINT,
    };
    assert_actions (f, number, level2);
  }
  assert_approve_refused (f, SERVICE, number);
  step = rs_returns_approve (f->users[MANAGER], number, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (step), ==, RS_RETURN_APPROVED);
  g_clear_object (&step);

  {
    const RsReturnActions approved[N_USERS] = {
      [ADMIN] = CANCEL | RECEIVE | COST | ATTACH | PRINT | MAIL, [SALES] = ATTACH | PRINT | MAIL,
      [SERVICE] = CANCEL | PRINT | MAIL, [MANAGER] = PRINT | MAIL, [KEEPER] = RECEIVE | PRINT | MAIL,
      [FINANCE] = COST | PRINT | MAIL, [VIEWER] = PRINT | MAIL,
    };
    assert_actions (f, number, approved);
  }

  /* Another product arrives beside the approved one: a discrepancy for customer service. */
  {
    RsReceiptLineFields both[] = { received, { "P-2", 1000 } };

    step = rs_returns_receive (f->users[KEEPER], number, "WH1", both, G_N_ELEMENTS (both), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rs_return_get_state (step), ==, RS_RETURN_RECEIVING);
    g_clear_object (&step);
  }
  {
    const RsReturnActions receiving[N_USERS] = {
      [ADMIN] = RECEIVE | RESOLVE | INSPECT | COST | ATTACH | PRINT | MAIL, [SALES] = ATTACH | PRINT | MAIL,
      [SERVICE] = RESOLVE | PRINT | MAIL, [MANAGER] = PRINT | MAIL, [KEEPER] = RECEIVE | INSPECT | PRINT | MAIL,
      [FINANCE] = COST | PRINT | MAIL, [VIEWER] = PRINT | MAIL,
    };
    assert_actions (f, number, receiving);
  }
  step = rs_returns_resolve (f->users[SERVICE], number, NULL, RS_RESOLVE_SEND_BACK, "发错了", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (step), ==, RS_RETURN_RECEIVED);
  g_clear_object (&step);
  g_assert_cmpint (actions_of (f, SERVICE, number), ==, PRINT | MAIL);
  g_assert_cmpint (actions_of (f, KEEPER, number), ==, INSPECT | PRINT | MAIL);

  inspection = rs_inspections_record (f->users[KEEPER], number, "P-1", 0, &inspection_fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (actions_of (f, KEEPER, number), ==, DISPOSE | PRINT | MAIL);

  step = rs_returns_dispose (f->users[KEEPER], number, &restock, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (step), ==, RS_RETURN_DISPOSED);
  g_clear_object (&step);
  g_assert_cmpint (actions_of (f, KEEPER, number), ==, PRINT | MAIL);
  g_assert_cmpint (actions_of (f, FINANCE, number), ==, COST | SETTLE | PRINT | MAIL);
  g_assert_cmpint (actions_of (f, ADMIN, number), ==, COST | SETTLE | ATTACH | PRINT | MAIL);
  g_assert_cmpint (actions_of (f, SALES, number), ==, ATTACH | PRINT | MAIL);

  /* Not offered to sales: the call refuses it too, with nothing changed. */
  {
    const char *returns[] = { number, NULL };
    g_autofree char *before = rs_test_dump (f->db);
    g_autofree char *after = NULL;
    g_autoptr(RsSettlement) refused = rs_settlements_create (f->users[SALES], "2026-01-01", "2026-12-31", returns,
                                                             NULL, &error);
    g_autoptr(RsSettlement) draft_settlement = NULL;
    g_autoptr(RsSettlement) approved = NULL;
    g_autoptr(RsSettlement) again = NULL;

    g_assert_null (refused);
    g_assert_error (error, RS_ERROR, RS_ERROR_PERMISSION);
    g_clear_error (&error);
    after = rs_test_dump (f->db);
    g_assert_cmpstr (before, ==, after);

    /* In a draft settlement the return is still DISPOSED, but no longer offered for another. */
    draft_settlement = rs_settlements_create (f->users[FINANCE], "2026-01-01", "2026-12-31", returns, "十一月", &error);
    g_assert_no_error (error);
    g_assert_cmpint (actions_of (f, FINANCE, number), ==, COST | PRINT | MAIL);
    g_clear_pointer (&before, g_free);
    g_clear_pointer (&after, g_free);
    before = rs_test_dump (f->db);
    again = rs_settlements_create (f->users[FINANCE], "2026-01-01", "2026-12-31", returns, NULL, &error);
    g_assert_null (again);
    g_assert_error (error, RS_ERROR, RS_ERROR_INVALID_STATE);
    g_clear_error (&error);
    after = rs_test_dump (f->db);
    g_assert_cmpstr (before, ==, after);

    /* Settled: nothing left to settle. */
    approved = rs_settlements_approve (f->users[FINANCE], rs_settlement_get_number (draft_settlement), &error);
    g_assert_no_error (error);
    step = rs_returns_lookup (f->users[FINANCE], number, &error);
    g_assert_no_error (error);
    g_assert_cmpint (rs_return_get_state (step), ==, RS_RETURN_SETTLED);
    g_clear_object (&step);
    g_assert_cmpint (actions_of (f, FINANCE, number) & SETTLE, ==, 0);
    g_assert_cmpint (actions_of (f, ADMIN, number) & SETTLE, ==, 0);
  }
}

/* A rejection goes back to the creator, who may revise; the creator may reject but never approve. */
static void
test_rejected_and_disabled (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  RsReturnLineFields line = { "P-1", 1000, 9900, NULL };
  RsReturnFields fields = { .customer = "C001", .reason = "quality", .sale_date = "2026-11-20", .lines = &line, .n_lines = 1 };
  g_autoptr(RsReturn) mine = rs_returns_create (f->users[ADMIN], &fields, &error);
  g_autoptr(RsReturn) step = NULL;
  g_autofree char *number = NULL;

  g_assert_no_error (error);
  number = g_strdup (rs_return_get_number (mine));
  step = rs_returns_submit (f->users[ADMIN], number, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&step);
  g_assert_cmpint (actions_of (f, ADMIN, number) & (APPROVE | REJECT), ==, REJECT);
  assert_approve_refused (f, ADMIN, number);

  step = rs_returns_reject (f->users[SERVICE], number, "缺少照片", &error);
  g_assert_no_error (error);
  g_clear_object (&step);
  g_assert_cmpint (actions_of (f, SALES, number), ==, REVISE | ATTACH | PRINT);
  g_assert_cmpint (actions_of (f, SERVICE, number), ==, CANCEL | PRINT);

  /* A disabled account is offered nothing. */
  g_assert_true (rs_users_disable (f->users[ADMIN], "sal", &error));
  g_assert_no_error (error);
  g_clear_object (&mine);
  mine = rs_returns_lookup (f->users[ADMIN], number, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_returns_get_actions (f->users[SALES], mine, &error), ==, 0);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/return-actions/workflow", Fixture, NULL, fixture_set_up, test_workflow, fixture_tear_down);
  g_test_add ("/return-actions/rejected-and-disabled", Fixture, NULL, fixture_set_up, test_rejected_and_disabled,
              fixture_tear_down);
  return g_test_run ();
}
