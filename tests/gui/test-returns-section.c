/* The returns section: the list is paged from SQL (1,000 returns, only the pages looked at
 * are read), search and the state filter narrow it in core, the detail offers the buttons the
 * user's roles allow on that return, and the receive dialog refuses bad quantities as they are
 * typed and a product core does not know when pressed, with nothing changed and what was
 * typed kept. */
#include "rs-gui-test.h"
#include "rs-paged-model.h"
#include "rs-return-action-dialogs.h"
#include "rs-return-detail.h"
#include "rs-returns-section.h"

#define N_RETURNS 1000

typedef struct
{
  RsDatabase *db;
  RsSession *admin;
  RsSession *sales;
  RsSession *service;
  RsSession *keeper;
  char *draft;       /* sales' draft */
  char *submitted;   /* sales', waiting for service */
  char *approved;
  char *number_500;  /* one in the middle, for search */
} World;

static World world;

static char *
create (RsSession *session, const char *customer, const char *sku)
{
  g_autoptr(GError) error = NULL;
  RsReturnLineFields line = { sku, 2000, 9900, NULL };
  RsReturnFields fields = { .customer = customer, .reason = "quality", .sale_date = "2026-11-20", .lines = &line, .n_lines = 1 };
  g_autoptr(RsReturn) ret = rs_returns_create (session, &fields, &error);

  g_assert_no_error (error);
  return g_strdup (rs_return_get_number (ret));
}

static void
make_world (void)
{
  g_autoptr(GError) error = NULL;
  RsProductFields p1 = { .sku = "P-1", .name = "螺丝刀", .unit = "把", .category = "工具", .list_price = 9900 };
  RsProductFields p2 = { .sku = "P-2", .name = "扳手", .unit = "把", .category = "工具", .list_price = 5000 };
  RsPartnerFields c1 = { .code = "C001", .name = "华东商贸" };
  RsPartnerFields c2 = { .code = "C002", .name = "深圳电子" };
  RsApprovalLevel level = { RS_ROLE_SERVICE, -1 };
  g_autoptr(RsProduct) product1 = NULL;
  g_autoptr(RsProduct) product2 = NULL;
  g_autoptr(RsPartner) customer1 = NULL;
  g_autoptr(RsPartner) customer2 = NULL;
  g_autoptr(RsWarehouse) warehouse = NULL;
  g_autoptr(RsTransaction) tx = NULL;
  g_autoptr(RsReturn) step = NULL;

  world.db = rs_test_open_initialized ();
  world.admin = rs_test_login (world.db, "admin");
  product1 = rs_products_add (world.admin, &p1, &error);
  g_assert_no_error (error);
  product2 = rs_products_add (world.admin, &p2, &error);
  g_assert_no_error (error);
  customer1 = rs_partners_add (world.admin, RS_PARTNER_CUSTOMER, &c1, &error);
  g_assert_no_error (error);
  customer2 = rs_partners_add (world.admin, RS_PARTNER_CUSTOMER, &c2, &error);
  g_assert_no_error (error);
  warehouse = rs_warehouses_add (world.admin, "WH1", "主仓库", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rs_approval_chain_set (world.admin, &level, 1, &error));
  g_assert_no_error (error);
  world.sales = rs_test_add_user (world.db, "sal", RS_ROLE_SALES);
  world.service = rs_test_add_user (world.db, "svc", RS_ROLE_SERVICE);
  world.keeper = rs_test_add_user (world.db, "kp", RS_ROLE_KEEPER);

  /* Through core, in one transaction (nested calls take savepoints) to keep the test quick. */
  tx = rs_transaction_begin (world.db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_RETURNS - 3; i++)
    {
      g_autofree char *number = create (world.admin, i % 2 ? "C002" : "C001", i % 2 ? "P-2" : "P-1");

      if (i == 500)
        world.number_500 = g_steal_pointer (&number);
    }
  g_assert_true (rs_transaction_commit (tx, &error));
  g_assert_no_error (error);

  world.draft = create (world.sales, "C001", "P-1");
  world.submitted = create (world.sales, "C001", "P-1");
  step = rs_returns_submit (world.sales, world.submitted, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&step);
  world.approved = create (world.sales, "C002", "P-2");
  step = rs_returns_submit (world.sales, world.approved, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&step);
  step = rs_returns_approve (world.service, world.approved, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (step), ==, RS_RETURN_APPROVED);
}

typedef struct
{
  GtkWidget *window;
  RsReturnsSection *section;
} Fixture;

static void
settle (void)
{
  /* Layout and the rows the view binds happen over a few frames. */
  for (guint i = 0; i < 30; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

static void
open_section (Fixture *f, RsSession *session)
{
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  f->section = g_object_new (RS_TYPE_RETURNS_SECTION, "session", session, NULL);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->section));
  gtk_window_present (GTK_WINDOW (f->window));
  settle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  settle ();
}

static GtkWidget *
child (Fixture *f, const char *name)
{
  return rs_gui_test_child (f->section, RS_TYPE_RETURNS_SECTION, name);
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (rs_returns_section_get_model (f->section));
}

static void
test_paging (Fixture *f, gconstpointer data)
{
  RsPagedModel *model;
  GtkColumnView *view;
  guint loads;

  open_section (f, world.admin);
  model = RS_PAGED_MODEL (rs_returns_section_get_model (f->section));
  view = GTK_COLUMN_VIEW (child (f, "returns_view"));
  /* The view shows the whole list … */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, N_RETURNS);
  g_assert_cmpuint (n_rows (f), ==, N_RETURNS);
  /* … but only the pages of the rows on screen were read (the view measures a few rows
   * beyond them), not the ten pages of the list. */
  loads = rs_paged_model_get_n_page_loads (model);
  g_assert_cmpuint (loads, >=, 1);
  g_assert_cmpuint (loads, <=, 3);
  /* The last row costs one page more, not the 900 rows between. */
  {
    g_autoptr(RsReturn) last = g_list_model_get_item (G_LIST_MODEL (model), N_RETURNS - 1);

    g_assert_nonnull (last);
    g_assert_cmpuint (rs_paged_model_get_n_page_loads (model), ==, loads + 1);
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "list_stack"))), ==, "list");
}

static void
test_search_and_state (Fixture *f, gconstpointer data)
{
  GtkWidget *search;
  GtkDropDown *state;

  open_section (f, world.admin);
  search = child (f, "search_entry");
  state = GTK_DROP_DOWN (child (f, "state_dropdown"));

  /* Chinese, two characters (LIKE) and three (the search index). */
  rs_gui_test_set_text (search, "深圳");
  rs_returns_section_reload (f->section);
  g_assert_cmpuint (n_rows (f), ==, (N_RETURNS - 3) / 2 + 1);
  rs_gui_test_set_text (search, "深圳电");
  rs_returns_section_reload (f->section);
  g_assert_cmpuint (n_rows (f), ==, (N_RETURNS - 3) / 2 + 1);
  /* A product's name. */
  rs_gui_test_set_text (search, "扳手");
  rs_returns_section_reload (f->section);
  g_assert_cmpuint (n_rows (f), ==, (N_RETURNS - 3) / 2 + 1);
  rs_gui_test_set_text (search, world.number_500);
  rs_returns_section_reload (f->section);
  g_assert_cmpuint (n_rows (f), ==, 1);

  /* The state filter, with and without the search. */
  gtk_drop_down_set_selected (state, RS_RETURN_SUBMITTED + 1);
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "list_stack"))), ==, "empty");
  rs_gui_test_set_text (search, "");
  rs_returns_section_reload (f->section);
  g_assert_cmpuint (n_rows (f), ==, 1);
  gtk_drop_down_set_selected (state, RS_RETURN_DRAFT + 1);
  g_assert_cmpuint (n_rows (f), ==, N_RETURNS - 2);
  gtk_drop_down_set_selected (state, 0);
  g_assert_cmpuint (n_rows (f), ==, N_RETURNS);

  /* Waiting for customer service: the one submitted return. */
  fixture_tear_down (f, NULL);
  open_section (f, world.service);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (f, "waiting_button")), TRUE);
  g_assert_cmpuint (n_rows (f), ==, 1);
}

static gboolean
shown (Fixture *f, const char *button)
{
  RsReturnDetail *detail = RS_RETURN_DETAIL (child (f, "detail"));

  return gtk_widget_get_visible (rs_gui_test_child (detail, RS_TYPE_RETURN_DETAIL, button));
}

static void
open_return (Fixture *f, const char *number)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rs_section_open (RS_SECTION (f->section), number, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (f, "pages"))), ==, "detail");
}

static void
test_detail_buttons (Fixture *f, gconstpointer data)
{
  /* Sales on their draft: submit; nothing of the later stages. */
  open_section (f, world.sales);
  open_return (f, world.draft);
  g_assert_true (shown (f, "submit_button"));
  g_assert_false (shown (f, "approve_button"));
  g_assert_false (shown (f, "receive_button"));
  g_assert_false (shown (f, "cancel_button"));
  g_assert_true (shown (f, "print_button"));
  /* Their submitted return: nothing to do but print. */
  open_return (f, world.submitted);
  g_assert_false (shown (f, "submit_button"));
  g_assert_false (shown (f, "approve_button"));
  g_assert_false (shown (f, "reject_button"));
  fixture_tear_down (f, NULL);

  /* Customer service signs the level that is due, or rejects, or cancels. */
  open_section (f, world.service);
  open_return (f, world.submitted);
  g_assert_true (shown (f, "approve_button"));
  g_assert_true (shown (f, "reject_button"));
  g_assert_true (shown (f, "cancel_button"));
  g_assert_false (shown (f, "submit_button"));
  open_return (f, world.approved);
  g_assert_false (shown (f, "approve_button"));
  g_assert_false (shown (f, "receive_button"));
  g_assert_true (shown (f, "mail_button"));
  fixture_tear_down (f, NULL);

  /* The keeper receives the approved one; a draft offers them nothing. */
  open_section (f, world.keeper);
  open_return (f, world.approved);
  g_assert_true (shown (f, "receive_button"));
  g_assert_false (shown (f, "cancel_button"));
  g_assert_false (shown (f, "cost_button"));
  open_return (f, world.draft);
  g_assert_false (shown (f, "submit_button"));
  g_assert_false (shown (f, "receive_button"));
}

static void
test_receive_refuses (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) ret = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWindow *dialog;
  GtkWidget *quantity, *accept, *hint, *message, *other_sku, *other_quantity;

  open_section (f, world.keeper);
  ret = rs_returns_lookup (world.keeper, world.approved, &error);
  g_assert_no_error (error);
  dialog = rs_return_dialog_present (GTK_WIDGET (f->section), world.keeper, ret, RS_RETURN_DIALOG_RECEIVE, NULL, NULL, NULL);
  g_assert_nonnull (dialog);
  settle ();
  quantity = rs_return_dialog_find (GTK_WIDGET (dialog), "quantity-1");
  accept = rs_return_dialog_find (GTK_WIDGET (dialog), "accept");
  hint = rs_return_dialog_find (GTK_WIDGET (dialog), "hint");
  message = rs_return_dialog_find (GTK_WIDGET (dialog), "error");
  other_sku = rs_return_dialog_find (GTK_WIDGET (dialog), "other-sku");
  other_quantity = rs_return_dialog_find (GTK_WIDGET (dialog), "other-quantity");
  g_assert_nonnull (quantity);
  g_assert_nonnull (accept);

  /* What is still expected is filled in. */
  g_assert_cmpstr (rs_gui_test_get_text (quantity), ==, "2");
  g_assert_true (gtk_widget_get_sensitive (accept));

  before = rs_test_dump (world.db);
  for (guint i = 0; i < 3; i++)
    {
      const char *bad[] = { "abc", "-1", "1.5" };   /* P-2 has no decimals */

      rs_gui_test_set_text (quantity, bad[i]);
      g_assert_false (gtk_widget_get_sensitive (accept));
      g_assert_true (gtk_widget_get_visible (hint));
      g_assert_true (gtk_widget_has_css_class (quantity, "error"));
      g_signal_emit_by_name (accept, "clicked");
      after = rs_test_dump (world.db);
      g_assert_cmpstr (before, ==, after);
      g_clear_pointer (&after, g_free);
    }

  /* A product core does not know: refused when pressed, the dialog stays with what was typed. */
  rs_gui_test_set_text (quantity, "2");
  rs_gui_test_set_text (other_sku, "NO-SUCH");
  g_assert_false (gtk_widget_get_sensitive (accept));   /* no quantity for it yet */
  rs_gui_test_set_text (other_quantity, "1");
  g_assert_true (gtk_widget_get_sensitive (accept));
  g_assert_false (gtk_widget_get_visible (hint));
  g_signal_emit_by_name (accept, "clicked");
  after = rs_test_dump (world.db);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (rs_gui_test_get_text (other_sku), ==, "NO-SUCH");
  g_assert_cmpstr (rs_gui_test_get_text (quantity), ==, "2");

  /* Without it the goods are received. */
  rs_gui_test_set_text (other_sku, "");
  rs_gui_test_set_text (other_quantity, "");
  g_assert_true (gtk_widget_get_sensitive (accept));
  g_signal_emit_by_name (accept, "clicked");
  settle ();
  g_clear_object (&ret);
  ret = rs_returns_lookup (world.keeper, world.approved, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rs_return_get_state (ret), ==, RS_RETURN_RECEIVED);
  /* The refusal's shake holds the dialog for half a second: let it go before its parent. */
  for (guint i = 0; i < 3; i++)
    settle ();
}

int
main (int argc, char **argv)
{
  int status;

  rs_gui_test_init (&argc, &argv);
  make_world ();
  g_test_add ("/returns-section/paging", Fixture, NULL, NULL, test_paging, fixture_tear_down);
  g_test_add ("/returns-section/search-and-state", Fixture, NULL, NULL, test_search_and_state, fixture_tear_down);
  g_test_add ("/returns-section/detail-buttons", Fixture, NULL, NULL, test_detail_buttons, fixture_tear_down);
  g_test_add ("/returns-section/receive-refuses", Fixture, NULL, NULL, test_receive_refuses, fixture_tear_down);
  status = g_test_run ();
  g_clear_object (&world.keeper);
  g_clear_object (&world.service);
  g_clear_object (&world.sales);
  g_clear_object (&world.admin);
  g_clear_object (&world.db);
  return status;
}
