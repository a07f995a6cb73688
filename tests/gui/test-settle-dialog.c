/* The settle dialog of a return's detail (报账): finance is offered "Settle…" on a disposed
 * return, sales is not; an over-long remark and a settle core refuses keep the dialog open
 * with what was typed and nothing changed; settling with "Approve now" leaves the return
 * SETTLED in an approved settlement and the detail without the button. */
#include "rs-gui-test.h"
#include "rs-return-action-dialogs.h"
#include "rs-return-detail.h"
#include "rs-returns-section.h"

static RsDatabase *database;
static RsSession *finance;
static RsSession *sales;
static char *first;    /* two disposed returns of the demo in no settlement */
static char *second;

static GBytes *
make_photo (guint index, gpointer user_data)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 48);
  gchar *data = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x806040ff + (index << 8));
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &data, &size, "jpeg", NULL, NULL));
  return g_bytes_new_take (data, size);
}

static void
settle (void)
{
  for (guint i = 0; i < 30; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
}

typedef struct
{
  GtkWidget *window;
  RsReturnsSection *section;
  GPtrArray *notices;
} Fixture;

/* The main page's notice bar, as far as the section can tell: main.notify. */
static void
on_notify (GSimpleAction *action, GVariant *parameter, gpointer data)
{
  Fixture *f = data;

  g_ptr_array_add (f->notices, g_variant_dup_string (parameter, NULL));
}

static void
open_section (Fixture *f, RsSession *session)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) notify = g_simple_action_new ("notify", G_VARIANT_TYPE_STRING);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  f->notices = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (notify, "activate", G_CALLBACK (on_notify), f);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (notify));
  gtk_widget_insert_action_group (box, "main", G_ACTION_GROUP (group));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  f->section = g_object_new (RS_TYPE_RETURNS_SECTION, "session", session, NULL);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->section));
  gtk_window_set_child (GTK_WINDOW (f->window), box);
  gtk_window_present (GTK_WINDOW (f->window));
  settle ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  /* A refusal's shake holds its dialog for half a second: let it go before its parent. */
  for (guint i = 0; i < 3; i++)
    settle ();
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  settle ();
  g_clear_pointer (&f->notices, g_ptr_array_unref);
}

static GtkWidget *
settle_button (Fixture *f, const char *number)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *detail;

  g_assert_true (rs_section_open (RS_SECTION (f->section), number, &error));
  g_assert_no_error (error);
  settle ();
  detail = rs_gui_test_child (f->section, RS_TYPE_RETURNS_SECTION, "detail");
  return rs_gui_test_child (detail, RS_TYPE_RETURN_DETAIL, "settle_button");
}

/* The dialog the button opened: the toplevel titled "Settle <number>". */
static GtkWidget *
find_dialog (const char *number)
{
  g_autofree char *title = g_strdup_printf ("Settle %s", number);
  GListModel *toplevels = gtk_window_get_toplevels ();   /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0 && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static GtkWidget *
open_dialog (Fixture *f, const char *number)
{
  GtkWidget *button = settle_button (f, number);
  GtkWidget *dialog;

  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  settle ();
  dialog = find_dialog (number);
  g_assert_nonnull (dialog);
  return dialog;
}

static RsReturnState
state_of (const char *number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) ret = rs_returns_lookup (finance, number, &error);

  g_assert_no_error (error);
  return rs_return_get_state (ret);
}

static void
test_sales_not_offered (Fixture *f, gconstpointer data)
{
  open_section (f, sales);
  g_assert_false (gtk_widget_get_visible (settle_button (f, first)));
}

static void
test_settle (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsReturn) ret = NULL;
  g_autoptr(GListModel) settlements = NULL;
  g_autoptr(RsSettlement) newest = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected_total = NULL;
  g_autoptr(GString) too_long = g_string_new (NULL);
  GtkWidget *dialog, *remark, *accept, *message, *approve, *total;
  gint64 fen = 0;

  open_section (f, finance);
  dialog = open_dialog (f, first);
  remark = rs_return_dialog_find (dialog, "remark");
  accept = rs_return_dialog_find (dialog, "accept");
  message = rs_return_dialog_find (dialog, "error");
  approve = rs_return_dialog_find (dialog, "approve");
  total = rs_return_dialog_find (dialog, "total");
  g_assert_nonnull (remark);
  g_assert_nonnull (accept);
  g_assert_nonnull (approve);   /* finance may approve too: on by default */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (approve)));

  /* The return's cost total as core counts it. */
  ret = rs_returns_lookup (finance, first, &error);
  g_assert_no_error (error);
  g_assert_true (rs_return_cost_total (database, rs_return_get_id (ret), &fen, &error));
  {
    g_autofree char *amount = rs_money_format (fen);

    expected_total = g_strconcat ("¥", amount, NULL);
  }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (total)), ==, expected_total);

  /* A remark core finds too long: refused when pressed, the dialog keeps it, nothing changed. */
  for (guint i = 0; i < 1001; i++)
    g_string_append (too_long, "长");
  rs_gui_test_set_text (remark, too_long->str);
  before = rs_test_dump (database);
  g_signal_emit_by_name (accept, "clicked");
  settle ();
  after = rs_test_dump (database);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_cmpstr (rs_gui_test_get_text (remark), ==, too_long->str);
  g_assert_cmpint (state_of (first), ==, RS_RETURN_DISPOSED);

  /* A good remark: settled and approved at once. */
  rs_gui_test_set_text (remark, "十一月报账");
  g_signal_emit_by_name (accept, "clicked");
  settle ();
  g_assert_null (find_dialog (first));
  g_assert_cmpint (state_of (first), ==, RS_RETURN_SETTLED);
  settlements = rs_settlements_list (finance, &error);
  g_assert_no_error (error);
  newest = g_list_model_get_item (settlements, 0);
  g_assert_true (rs_settlement_get_approved (newest));
  g_assert_cmpuint (rs_settlement_get_n_returns (newest), ==, 1);
  g_assert_cmpint (rs_settlement_get_total (newest), ==, fen);
  json = rs_settlement_to_json (newest);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "remark"), ==, "十一月报账");
  {
    JsonArray *returns = json_object_get_array_member (json_node_get_object (json), "returns");

    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (returns, 0), "number"), ==, first);
  }
  /* The notice bar names the settlement last. */
  {
    g_autofree char *said = g_strdup_printf ("%s is settled in %s.", first, rs_settlement_get_number (newest));

    g_assert_cmpuint (f->notices->len, >, 0);
    g_assert_cmpstr (g_ptr_array_index (f->notices, f->notices->len - 1), ==, said);
  }
  /* The detail shows it as it is now: nothing left to settle. */
  g_assert_false (gtk_widget_get_visible (settle_button (f, first)));
}

static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsSettlement) elsewhere = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *returns[] = { second, NULL };
  GtkWidget *dialog, *remark, *accept, *message;

  open_section (f, finance);
  dialog = open_dialog (f, second);
  remark = rs_return_dialog_find (dialog, "remark");
  accept = rs_return_dialog_find (dialog, "accept");
  message = rs_return_dialog_find (dialog, "error");

  /* Someone else puts it into a settlement while the dialog is open. */
  elsewhere = rs_settlements_create (finance, "2026-01-01", "2026-12-31", returns, NULL, &error);
  g_assert_no_error (error);

  rs_gui_test_set_text (remark, "第二次");
  before = rs_test_dump (database);
  g_signal_emit_by_name (accept, "clicked");
  settle ();
  after = rs_test_dump (database);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (gtk_widget_get_visible (message));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), rs_settlement_get_number (elsewhere)));
  g_assert_cmpstr (rs_gui_test_get_text (remark), ==, "第二次");
  g_assert_cmpint (state_of (second), ==, RS_RETURN_DISPOSED);
  gtk_window_close (GTK_WINDOW (dialog));
}

static char *
disposed_unsettled (guint skip)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RsStatement) stmt = rs_database_prepare (database,
                                                     "SELECT number FROM customer_return r WHERE state = 'disposed' "
                                                     "AND NOT EXISTS (SELECT 1 FROM settlement_return x WHERE x.return_id = r.id) "
                                                     "ORDER BY id LIMIT 1 OFFSET ?", &error);

  g_assert_no_error (error);
  sqlite3_bind_int (stmt, 1, (int) skip);
  g_assert_true (rs_statement_step (stmt, &error));
  g_assert_no_error (error);
  return g_strdup (rs_statement_text (stmt, 0));
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) demo = NULL;
  g_autoptr(RsSession) admin = NULL;
  int status;

  rs_gui_test_init (&argc, &argv);
  database = rs_test_open_initialized ();
  admin = rs_test_login (database, "admin");
  demo = rs_demo_fill (admin, make_photo, NULL, &error);
  g_assert_no_error (error);
  finance = rs_test_add_user (database, "fin-test", RS_ROLE_FINANCE);
  sales = rs_test_add_user (database, "sal-test", RS_ROLE_SALES);
  first = disposed_unsettled (0);
  second = disposed_unsettled (1);

  g_test_add ("/settle-dialog/sales-not-offered", Fixture, NULL, NULL, test_sales_not_offered, fixture_tear_down);
  g_test_add ("/settle-dialog/settle", Fixture, NULL, NULL, test_settle, fixture_tear_down);
  g_test_add ("/settle-dialog/refused", Fixture, NULL, NULL, test_refused, fixture_tear_down);
  status = g_test_run ();
  g_clear_object (&sales);
  g_clear_object (&finance);
  g_free (first);
  g_free (second);
  g_clear_object (&admin);
  g_clear_object (&database);
  return status;
}
