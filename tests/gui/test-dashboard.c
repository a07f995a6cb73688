/* The dashboard: the welcome, a figure and a list for each state the user's roles act on, the
 * overdue ones first and marked, and a click on a return opening it in 退货 (main.open). */
#include "rs-gui-test.h"
#include "rs-dashboard-section.h"

#define DAY (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
#define START G_GINT64_CONSTANT (1795658400000000)   /* 2026-11-26 10:00 +08:00 */

typedef struct
{
  RsDatabase *db;
  RsSession  *admin;
  RsSession  *sales;
  RsSession  *service;
  RsSession  *manager;
  RsSession  *keeper;
  RsSession  *viewer;
  char       *draft;
  char       *submitted;
  char       *approved;
  GPtrArray  *opened;    /* what main.open was asked for */
} Fixture;

static char *
new_return (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  RsReturnLineFields line = { .sku = "P-1", .quantity = 1000, .unit_price = -1 };
  RsReturnFields fields = { .customer = "C001", .reason = "quality", .lines = &line, .n_lines = 1 };
  g_autoptr(RsReturn) ret = rs_returns_create (f->sales, &fields, &error);

  g_assert_no_error (error);
  return g_strdup (rs_return_get_number (ret));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsProduct) product = NULL;
  g_autoptr(RsPartner) customer = NULL;
  g_autoptr(RsReturn) step = NULL;
  RsProductFields product_fields = { .sku = "P-1", .name = "电饭煲", .unit = "台", .list_price = 19900 };
  RsPartnerFields partner = { .code = "C001", .name = "华东商贸", .email = "buyer@example.com" };

  rs_clock_set_fixed (START);
  f->db = rs_test_open_initialized ();
  f->admin = rs_test_login (f->db, "admin");
  f->sales = rs_test_add_user (f->db, "sal", RS_ROLE_SALES);
  f->service = rs_test_add_user (f->db, "svc", RS_ROLE_SERVICE);
  f->manager = rs_test_add_user (f->db, "mgr", RS_ROLE_MANAGER);
  f->keeper = rs_test_add_user (f->db, "kpr", RS_ROLE_KEEPER);
  f->viewer = rs_test_add_user (f->db, "vwr", RS_ROLE_VIEWER);
  product = rs_products_add (f->admin, &product_fields, &error);
  g_assert_no_error (error);
  customer = rs_partners_add (f->admin, RS_PARTNER_CUSTOMER, &partner, &error);
  g_assert_no_error (error);

  f->draft = new_return (f);
  f->submitted = new_return (f);
  g_clear_object (&step);
  step = rs_returns_submit (f->sales, f->submitted, NULL, &error);
  g_assert_no_error (error);
  f->approved = new_return (f);
  g_clear_object (&step);
  step = rs_returns_submit (f->sales, f->approved, NULL, &error);
  g_clear_object (&step);
  step = rs_returns_approve (f->service, f->approved, NULL, &error);
  g_clear_object (&step);
  step = rs_returns_approve (f->manager, f->approved, NULL, &error);
  g_assert_no_error (error);
  /* Fifteen days later: the approved goods are past the 10-day receiving deadline. */
  rs_clock_set_fixed (START + 15 * DAY);
  f->opened = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (f->draft);
  g_free (f->submitted);
  g_free (f->approved);
  g_ptr_array_unref (f->opened);
  g_clear_object (&f->admin);
  g_clear_object (&f->sales);
  g_clear_object (&f->service);
  g_clear_object (&f->manager);
  g_clear_object (&f->keeper);
  g_clear_object (&f->viewer);
  g_clear_object (&f->db);
  rs_clock_use_system ();
}

static void
on_open (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  Fixture *f = user_data;
  g_ptr_array_add (f->opened, g_variant_dup_string (parameter, NULL));
}

/* The dashboard inside a window whose "main" action group records main.open. */
static GtkWidget *
show_dashboard (Fixture *f, RsSession *session, GtkWindow **window)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open = g_simple_action_new ("open", G_VARIANT_TYPE_STRING);
  GtkWidget *dashboard = g_object_new (RS_TYPE_DASHBOARD_SECTION, "session", session, NULL);

  g_signal_connect (open, "activate", G_CALLBACK (on_open), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (open));
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_insert_action_group (GTK_WIDGET (*window), "main", G_ACTION_GROUP (group));
  gtk_window_set_child (*window, dashboard);
  gtk_window_present (*window);
  return dashboard;
}

static GtkWidget *
find_named (GtkWidget *widget, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The names of the children of a box or flow box, joined: "overdue,approved,…". */
static char *
child_names (GtkWidget *parent)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *named = GTK_IS_FLOW_BOX_CHILD (child) ? gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)) : child;
      g_string_append_printf (names, "%s%s", names->len > 0 ? "," : "", gtk_widget_get_name (named));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The big figure of a card. */
static const char *
card_figure (GtkWidget *dashboard, const char *key)
{
  GtkWidget *cards = rs_gui_test_child (dashboard, RS_TYPE_DASHBOARD_SECTION, "cards");
  GtkWidget *card = find_named (cards, key);
  GtkWidget *box = gtk_button_get_child (GTK_BUTTON (card));

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

static void
test_keeper (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  GtkWidget *dashboard = show_dashboard (f, f->keeper, &window);
  GtkWidget *groups = rs_gui_test_child (dashboard, RS_TYPE_DASHBOARD_SECTION, "groups");
  GtkWidget *cards = rs_gui_test_child (dashboard, RS_TYPE_DASHBOARD_SECTION, "cards");
  AdwStatusPage *welcome = ADW_STATUS_PAGE (rs_gui_test_child (dashboard, RS_TYPE_DASHBOARD_SECTION, "welcome_page"));
  g_autofree char *group_names = child_names (groups);
  g_autofree char *card_names = child_names (cards);
  g_autofree char *target = g_strdup_printf ("returns:%s", f->approved);
  GtkWidget *overdue, *row;

  g_assert_cmpstr (adw_status_page_get_title (welcome), ==, "Welcome, kpr");
  /* The keeper receives, inspects and disposes; the late receipt comes first. */
  g_assert_cmpstr (group_names, ==, "overdue,approved,receiving,received,inspected");
  g_assert_cmpstr (card_names, ==, group_names);
  g_assert_cmpstr (card_figure (dashboard, "overdue"), ==, "1");
  g_assert_cmpstr (card_figure (dashboard, "approved"), ==, "1");
  g_assert_cmpstr (card_figure (dashboard, "received"), ==, "0");

  /* The overdue return is listed, marked late, and opens in 退货. */
  overdue = find_named (groups, "overdue");
  row = find_named (overdue, f->approved);
  g_assert_nonnull (row);
  g_assert_nonnull (find_named (find_named (groups, "approved"), f->approved));
  g_assert_null (find_named (groups, f->draft));
  g_assert_null (find_named (groups, f->submitted));
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpuint (f->opened->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->opened, 0), ==, target);

  /* Received meanwhile: refresh shows it gone. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RsWarehouse) warehouse = rs_warehouses_add (f->admin, "WH1", "上海总仓", NULL, &error);
    RsReceiptLineFields line = { .sku = "P-1", .quantity = 1000 };
    g_autoptr(RsReturn) received = NULL;

    g_assert_no_error (error);
    received = rs_returns_receive (f->keeper, f->approved, "WH1", &line, 1, NULL, &error);
    g_assert_no_error (error);
  }
  rs_section_refresh (RS_SECTION (dashboard));
  g_clear_pointer (&group_names, g_free);
  group_names = child_names (groups);
  g_assert_cmpstr (group_names, ==, "approved,receiving,received,inspected");
  g_assert_cmpstr (card_figure (dashboard, "received"), ==, "1");
  g_assert_cmpstr (card_figure (dashboard, "approved"), ==, "0");
  gtk_window_destroy (window);
}

static void
test_sales_and_viewer (Fixture *f, gconstpointer data)
{
  GtkWindow *window;
  GtkWidget *dashboard = show_dashboard (f, f->sales, &window);
  GtkWidget *groups = rs_gui_test_child (dashboard, RS_TYPE_DASHBOARD_SECTION, "groups");
  g_autofree char *names = child_names (groups);

  /* Sales submit drafts and revise rejected returns; they approve nothing. */
  g_assert_cmpstr (names, ==, "draft,rejected");
  g_assert_cmpstr (card_figure (dashboard, "draft"), ==, "1");
  g_assert_nonnull (find_named (groups, f->draft));
  gtk_window_destroy (window);

  /* Service signs level 1 of the submitted one. */
  dashboard = show_dashboard (f, f->service, &window);
  groups = rs_gui_test_child (dashboard, RS_TYPE_DASHBOARD_SECTION, "groups");
  g_assert_nonnull (find_named (find_named (groups, "submitted"), f->submitted));
  gtk_window_destroy (window);

  /* A viewer is told nothing waits, without figures. */
  dashboard = show_dashboard (f, f->viewer, &window);
  g_assert_false (gtk_widget_get_visible (rs_gui_test_child (dashboard, RS_TYPE_DASHBOARD_SECTION, "cards")));
  groups = rs_gui_test_child (dashboard, RS_TYPE_DASHBOARD_SECTION, "groups");
  g_assert_null (find_named (groups, f->draft));
  g_assert_nonnull (gtk_widget_get_first_child (groups));
  gtk_window_destroy (window);
}

int
main (int argc, char **argv)
{
  rs_gui_test_init (&argc, &argv);
  g_test_add ("/dashboard/keeper", Fixture, NULL, fixture_set_up, test_keeper, fixture_tear_down);
  g_test_add ("/dashboard/sales-and-viewer", Fixture, NULL, fixture_set_up, test_sales_and_viewer, fixture_tear_down);
  return g_test_run ();
}
