/* RsTableView: the columns' edges at any width, the header's sort clicks, activation, and
 * what a drawn row says to a screen reader. */
#include "rs-gui-test.h"
#include "rs-table-view-private.h"

typedef struct {
  GtkWidget *window;
  RsTableView *table;
  GListStore *store;
  guint sort_changes;
  guint activated;
} Fixture;

static char *
name_text (gpointer item)
{
  return g_strdup (gtk_string_object_get_string (item));
}

static char *
length_text (gpointer item)
{
  return g_strdup_printf ("%u", (guint) g_utf8_strlen (gtk_string_object_get_string (item), -1));
}

static char *
code_text (gpointer item)
{
  return g_strdup ("RK20261126-0001");
}

static void
on_sort_changed (RsTableView *table, Fixture *f)
{
  f->sort_changes++;
}

static void
on_activate (RsTableView *table, guint position, Fixture *f)
{
  f->activated = position;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  static const char *const names[] = { "宁波立信贸易有限公司", "常州博远工具批发部", "Ma" };

  f->store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkStringObject) item = gtk_string_object_new (names[i]);
      g_list_store_append (f->store, item);
    }
  f->table = RS_TABLE_VIEW (rs_table_view_new ());
  rs_table_view_add_column (f->table, "Number", code_text, RS_COLUMN_WHOLE, "RK20261126-0001", 0);
  rs_table_view_add_column (f->table, "Partner", name_text, RS_COLUMN_EXPAND, "宁波立信贸易有限公司", 1);
  rs_table_view_add_column (f->table, "Length", length_text, RS_COLUMN_NUMERIC, "99", -1);
  rs_table_view_set_model (f->table, G_LIST_MODEL (f->store));
  g_signal_connect (f->table, "sort-changed", G_CALLBACK (on_sort_changed), f);
  g_signal_connect (f->table, "activate", G_CALLBACK (on_activate), f);
  f->activated = G_MAXUINT;

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 800, 400);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->table));
  gtk_window_present (GTK_WINDOW (f->window));
  while (gtk_widget_get_width (GTK_WIDGET (f->table)) == 0 || g_main_context_pending (NULL))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_unref (f->store);
}

static int
column_width (Fixture *f, guint i)
{
  return ((RsTableViewColumn *) g_ptr_array_index (rs_table_view_get_columns (f->table), i))->width;
}

static void
test_edges (Fixture *f, gconstpointer data)
{
  int edges[4];
  int number = column_width (f, 0), partner = column_width (f, 1), length = column_width (f, 2);

  /* Each column fits its sample (and its title): the Partner sample is wider than its title. */
  g_assert_cmpint (number, >, 0);
  g_assert_cmpint (partner, >, number / 2);
  g_assert_cmpint (length, >, 0);

  /* Wide: the expand column takes what is left; the others keep their widths. */
  rs_table_view_compute_edges (f->table, 1000, edges);
  g_assert_cmpint (edges[0], ==, 0);
  g_assert_cmpint (edges[1], ==, number);
  g_assert_cmpint (edges[2] - edges[1], ==, 1000 - number - length);
  g_assert_cmpint (edges[3], ==, 1000);

  /* Narrow: the Number column (whole) keeps its width; the others share what is left. */
  rs_table_view_compute_edges (f->table, number + 60, edges);
  g_assert_cmpint (edges[1] - edges[0], ==, number);
  g_assert_cmpint (edges[2], >=, edges[1]);
  g_assert_cmpint (edges[3], ==, number + 60);
  /* The short column gives up nothing while the wide one is wider than it. */
  if (length <= 30)
    g_assert_cmpint (edges[3] - edges[2], ==, length);

  /* Narrower than the whole columns themselves: nothing is negative, the end is the width. */
  rs_table_view_compute_edges (f->table, 10, edges);
  g_assert_cmpint (edges[1], ==, number);
  g_assert_cmpint (edges[2], ==, edges[1]);
  g_assert_cmpint (edges[3], >=, edges[2]);
}

static GtkWidget *
header_button (Fixture *f, guint i)
{
  return ((RsTableViewColumn *) g_ptr_array_index (rs_table_view_get_columns (f->table), i))->button;
}

static void
test_header_sort (Fixture *f, gconstpointer data)
{
  int key = -1;
  gboolean descending = FALSE;

  g_assert_false (rs_table_view_get_sort (f->table, &key, &descending));

  /* First click: A to Z; again: Z to A; another column: A to Z by it. */
  g_signal_emit_by_name (header_button (f, 1), "clicked");
  g_assert_cmpuint (f->sort_changes, ==, 1);
  g_assert_true (rs_table_view_get_sort (f->table, &key, &descending));
  g_assert_cmpint (key, ==, 1);
  g_assert_false (descending);
  gtk_test_accessible_assert_property (header_button (f, 1), GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_ASCENDING);
  gtk_test_accessible_assert_property (header_button (f, 0), GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_NONE);

  g_signal_emit_by_name (header_button (f, 1), "clicked");
  g_assert_true (rs_table_view_get_sort (f->table, &key, &descending));
  g_assert_cmpint (key, ==, 1);
  g_assert_true (descending);
  gtk_test_accessible_assert_property (header_button (f, 1), GTK_ACCESSIBLE_PROPERTY_SORT, GTK_ACCESSIBLE_SORT_DESCENDING);

  g_signal_emit_by_name (header_button (f, 0), "clicked");
  g_assert_true (rs_table_view_get_sort (f->table, &key, &descending));
  g_assert_cmpint (key, ==, 0);
  g_assert_false (descending);
  g_assert_cmpuint (f->sort_changes, ==, 3);

  /* A column without a key is no button to click: not focusable, not a target. */
  g_assert_false (gtk_widget_get_focusable (header_button (f, 2)));
  g_assert_false (gtk_widget_get_can_target (header_button (f, 2)));
  gtk_test_accessible_assert_property (header_button (f, 2), GTK_ACCESSIBLE_PROPERTY_LABEL, "Length");
}

/* The drawn rows inside the list view, in order. */
static GPtrArray *
drawn_rows (Fixture *f)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list = GTK_WIDGET (rs_table_view_get_list_view (f->table));

  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL; item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *child = gtk_widget_get_first_child (item);

      if (child != NULL && RS_IS_TABLE_VIEW_ROW (child))
        g_ptr_array_add (rows, child);
    }
  return rows;
}

static void
test_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) rows = drawn_rows (f);
  g_autofree char *length = rs_table_view_get_cell_text (f->table, 2, 2);

  g_assert_cmpuint (rows->len, ==, 3);
  /* A screen reader hears the row's cells in order. */
  gtk_test_accessible_assert_property (g_ptr_array_index (rows, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "RK20261126-0001, 宁波立信贸易有限公司, 10");
  g_assert_cmpstr (length, ==, "2");
  g_assert_null (rs_table_view_get_cell_text (f->table, 3, 0));
  /* Every row is one line high: the same height, not zero. */
  g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (rows, 0)), >, 10);
  g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (rows, 0)), ==,
                   gtk_widget_get_height (g_ptr_array_index (rows, 2)));

  /* The table and its list of rows carry one name. */
  rs_table_view_set_accessible_name (f->table, "Partners");
  gtk_test_accessible_assert_property (f->table, GTK_ACCESSIBLE_PROPERTY_LABEL, "Partners");
  gtk_test_accessible_assert_property (rs_table_view_get_list_view (f->table), GTK_ACCESSIBLE_PROPERTY_LABEL, "Partners");

  /* Enter (or a double click) on a row: the table says which. */
  g_signal_emit_by_name (rs_table_view_get_list_view (f->table), "activate", 1);
  g_assert_cmpuint (f->activated, ==, 1);

  /* A changed model is drawn anew. */
  {
    g_autoptr(GtkStringObject) item = gtk_string_object_new ("新");
    g_autoptr(GPtrArray) again = NULL;

    g_list_store_splice (f->store, 0, 1, (gpointer *) &item, 1);
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
    again = drawn_rows (f);
    gtk_test_accessible_assert_property (g_ptr_array_index (again, 0), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "RK20261126-0001, 新, 1");
  }
}

static char *
first_word (gpointer item, gpointer data)
{
  g_auto(GStrv) words = g_strsplit (gtk_string_object_get_string (item), " ", 2);

  g_assert_cmpstr (data, ==, "data");   /* the column's data reaches its text function */
  return g_strdup (words[0]);
}

/* A column without a sample is as wide as its widest first rows; two expand columns share. */
static void
test_widths_from_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GtkStringObject) long_one = gtk_string_object_new ("杭州恒达五金有限公司杭州恒达五金有限公司 x");
  RsTableView *table = RS_TABLE_VIEW (rs_table_view_new ());
  GtkWidget *window = gtk_window_new ();
  int edges[4], before, after;

  rs_table_view_add_column (table, "Name", name_text, RS_COLUMN_EXPAND, NULL, -1);
  rs_table_view_add_column_with_data (table, "Word", first_word, "data", RS_COLUMN_EXPAND, NULL, -1);
  rs_table_view_add_column (table, "Length", length_text, RS_COLUMN_NUMERIC, NULL, -1);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  gtk_window_present (GTK_WINDOW (window));

  /* No rows yet: the titles' widths, measured again once rows come. */
  rs_table_view_compute_edges (table, 2000, edges);
  before = ((RsTableViewColumn *) g_ptr_array_index (rs_table_view_get_columns (table), 0))->width;
  rs_table_view_set_model (table, G_LIST_MODEL (f->store));
  g_list_store_append (f->store, long_one);
  rs_table_view_compute_edges (table, 2000, edges);
  after = ((RsTableViewColumn *) g_ptr_array_index (rs_table_view_get_columns (table), 0))->width;
  g_assert_cmpint (after, >, before);
  g_assert_cmpint (after, <=, 280 + 2 * RS_TABLE_VIEW_CELL_PADDING);   /* a long name does not take the table */
  {
    g_autofree char *word = rs_table_view_get_cell_text (table, 3, 1);
    g_assert_cmpstr (word, ==, "杭州恒达五金有限公司杭州恒达五金有限公司");
  }
  /* The room left over is shared by the two expand columns (odd pixels to the last). */
  {
    int name = ((RsTableViewColumn *) g_ptr_array_index (rs_table_view_get_columns (table), 0))->width;
    int word = ((RsTableViewColumn *) g_ptr_array_index (rs_table_view_get_columns (table), 1))->width;
    int length = ((RsTableViewColumn *) g_ptr_array_index (rs_table_view_get_columns (table), 2))->width;
    int extra = 2000 - name - word - length;

    g_assert_cmpint (edges[1] - edges[0], ==, name + extra / 2);
    g_assert_cmpint (edges[2] - edges[1], ==, word + extra - extra / 2);
    g_assert_cmpint (edges[3] - edges[2], ==, length);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* No expand column: what is left goes to the last one, once. */
static void
test_no_expand (Fixture *f, gconstpointer data)
{
  RsTableView *table = RS_TABLE_VIEW (g_object_ref_sink (rs_table_view_new ()));
  int edges[3], code;

  rs_table_view_add_column (table, "Code", code_text, RS_COLUMN_TEXT, "RK20261126-0001", -1);
  rs_table_view_add_column (table, "Length", length_text, RS_COLUMN_NUMERIC, "99", -1);
  rs_table_view_compute_edges (table, 1000, edges);
  code = ((RsTableViewColumn *) g_ptr_array_index (rs_table_view_get_columns (table), 0))->width;
  g_assert_cmpint (edges[1], ==, code);
  g_assert_cmpint (edges[2], ==, 1000);
  g_object_unref (table);
}

int
main (int argc, char **argv)
{
  rs_gui_test_init (&argc, &argv);
  g_test_add ("/table-view/edges", Fixture, NULL, fixture_setup, test_edges, fixture_teardown);
  g_test_add ("/table-view/header-sort", Fixture, NULL, fixture_setup, test_header_sort, fixture_teardown);
  g_test_add ("/table-view/rows", Fixture, NULL, fixture_setup, test_rows, fixture_teardown);
  g_test_add ("/table-view/no-expand", Fixture, NULL, fixture_setup, test_no_expand, fixture_teardown);
  g_test_add ("/table-view/widths-from-rows", Fixture, NULL, fixture_setup, test_widths_from_rows, fixture_teardown);
  return g_test_run ();
}
